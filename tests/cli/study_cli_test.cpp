// `parley tournament`, `parley sweep` and `parley results`: the ANAC 2012 tournament, databases identical
// whatever the threads, MPI ranks or kills, and bad input that leaves databases alone.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "run_cli.hpp"
#include "study_db.hpp"

namespace parley::test {
namespace {
namespace fs = std::filesystem;
std::string q(const fs::path& path) { return parley::test::quoted(path); }

const std::string kAnac2012 = std::string(PARLEY_TEST_DATA) + "/genius/anac/y2012";
const std::string kTen = "aspiration,boulware,linear,conceder,hardliner,tit_for_tat,micro,random,nash,rubinstein";

class StudyCli : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = fresh_directory("tournament"); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(StudyCli, AnacTwentyTwelveWithTenStrategiesPrintsTheRankingAndWritesTheDatabase) {
  const fs::path db = dir_ / "anac.sqlite";
  const CliResult r = run_cli("tournament --strategies " + kTen + " --domains " + q(kAnac2012) + " --db " +
                              q(db));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("10 strategies on 72 domains, 7200 of 7200 negotiations"), std::string::npos) << r.out;
  for (const char* name : {"aspiration", "boulware", "rubinstein", "tit_for_tat", "nash"})
    EXPECT_NE(r.out.find(name), std::string::npos) << name;
  EXPECT_NE(r.out.find("  10    "), std::string::npos) << "ten ranks:\n" << r.out;
  EXPECT_EQ(r.err, "");  // no progress line when stderr is not a terminal
  EXPECT_EQ(count_rows(db, "runs"), 7200);
  EXPECT_EQ(count_rows(db, "actor_results"), 14400);
  EXPECT_EQ(count_rows(db, "domains"), 72);
  // results summarises the same database the same way, in every format.
  const CliResult again = run_cli("results " + q(db));
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(again.out, r.out);
  const CliResult json = run_cli("results " + q(db) + " --json");
  ASSERT_EQ(json.status, 0) << json.err;
  const auto doc = nlohmann::json::parse(json.out);
  EXPECT_EQ(doc["runs"], 7200);
  ASSERT_EQ(doc["ranking"].size(), 10u);
  for (const auto& score : doc["ranking"]) {
    EXPECT_EQ(score["negotiations"], 1440);
    EXPECT_LE(score["utility"]["low"].get<double>(), score["utility"]["mean"].get<double>());
    EXPECT_GE(score["utility"]["high"].get<double>(), score["utility"]["mean"].get<double>());
    EXPECT_GE(score["agreement"]["mean"].get<double>(), 0.0);
  }
  const CliResult csv = run_cli("results " + q(db) + " --csv");
  ASSERT_EQ(csv.status, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("rank,strategy,negotiations,utility,utility_low,utility_high,", 0), 0u) << csv.out;
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 11);
}

// Starts `parley ARGS` and kills it with SIGKILL after `delay`. True when it was still running.
bool kill_after(const std::vector<std::string>& args, std::chrono::milliseconds delay) {
  const pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(PARLEY_BINARY));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execv(PARLEY_BINARY, argv.data());
    _exit(127);
  }
  std::this_thread::sleep_for(delay);
  const bool running = kill(pid, SIGKILL) == 0;
  int status = 0;
  waitpid(pid, &status, 0);
  return running && WIFSIGNALED(status);
}

// Issue 9, acceptance 2.
TEST_F(StudyCli, DatabasesAreIdenticalOutsideMetaWhateverTheThreadsRanksAndKills) {
  const std::string study = "tournament --strategies boulware,nash,micro,random,tit_for_tat --seed 9 --domains " +
                            q(kAnac2012) + " --quiet --db ";
  const fs::path one = dir_ / "one.sqlite", two = dir_ / "two.sqlite", mpi = dir_ / "mpi.sqlite",
                 killed = dir_ / "killed.sqlite";
  ASSERT_EQ(run_cli(study + q(one) + " --threads 1").status, 0);
  ASSERT_EQ(run_cli(study + q(two) + " --threads 2").status, 0);
  const std::string reference = tables_outside_meta(one);
  EXPECT_EQ(count_rows(one, "runs"), 72 * 25);
  EXPECT_EQ(tables_outside_meta(two), reference);

  // Killed with SIGKILL at growing moments until a kill lands mid-study, then finished.
  const std::vector<std::string> args = {"tournament", "--strategies", "boulware,nash,micro,random,tit_for_tat",
                                         "--seed", "9", "--domains", kAnac2012, "--quiet", "--db", killed.string()};
  bool interrupted = false;
  for (int ms = 150; ms <= 20'000 && !interrupted; ms = ms * 3 / 2) {
    fs::remove(killed), fs::remove(killed.string() + "-wal"), fs::remove(killed.string() + "-shm");
    if (!kill_after(args, std::chrono::milliseconds(ms))) break;  // finished before the kill
    if (!fs::exists(killed)) continue;  // killed while loading
    const long long done = count_rows(killed, "records");
    interrupted = done > 0 && done < 72 * 25;
  }
  ASSERT_TRUE(interrupted) << "no kill landed while the study was half done";
  const CliResult resumed = run_cli(study + q(killed));
  ASSERT_EQ(resumed.status, 0) << resumed.err;
  EXPECT_EQ(query_text(killed, "SELECT value FROM meta WHERE key = 'resumed'"), "yes|\n");
  EXPECT_EQ(tables_outside_meta(killed), reference);

#ifdef PARLEY_WITH_MPI
  const std::string mpirun =
      "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl_vader_single_copy_mechanism=none "
      "mpirun --oversubscribe -n 2 ";
  const std::string command = mpirun + "'" + PARLEY_BINARY + "' " + study + q(mpi) + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  EXPECT_EQ(query_text(mpi, "SELECT value FROM meta WHERE key = 'ranks'"), "2|\n");
  EXPECT_EQ(tables_outside_meta(mpi), reference);
  // An error on rank 0 alone (its database holds another study) ends both ranks with it.
  const std::string other = "timeout 120 " + mpirun + "'" + PARLEY_BINARY + "' " + study + q(mpi) +
                            " --repetitions 2 >/dev/null 2>&1";
  const int raw = std::system(other.c_str());
  EXPECT_TRUE(WIFEXITED(raw) && WEXITSTATUS(raw) != 0 && WEXITSTATUS(raw) != 124) << other << " -> " << raw;
  EXPECT_EQ(tables_outside_meta(mpi), reference);
#endif
}

// The same for a sweep of the flagship: forecasts and the staged negotiation of each draw.
TEST_F(StudyCli, SweepDatabasesAreIdenticalOutsideMetaWhateverTheThreadsRanksAndKills) {
  const std::string flagship = std::string(PARLEY_SOURCE_DIR) + "/scenarios/talks-2025.yaml";
  const std::string study = "sweep " + q(flagship) + " --runs 32 --models median,compromise --seed 4 --quiet --db ";
  const fs::path one = dir_ / "one.sqlite", two = dir_ / "two.sqlite", mpi = dir_ / "mpi.sqlite",
                 killed = dir_ / "killed.sqlite";
  const CliResult first = run_cli(study + q(one) + " --threads 1");
  ASSERT_EQ(first.status, 0) << first.err;
  ASSERT_EQ(run_cli(study + q(two) + " --threads 2").status, 0);
  const std::string reference = tables_outside_meta(one);
  EXPECT_EQ(count_rows(one, "records"), 32);
  EXPECT_EQ(count_rows(one, "forecasts"), 32 * 2 * 9);
  EXPECT_EQ(tables_outside_meta(two), reference);
  const CliResult again = run_cli("results " + q(one));
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(again.out, first.out);

  const std::vector<std::string> args = {"sweep", flagship, "--runs", "32", "--models", "median,compromise", "--seed",
                                         "4", "--quiet", "--threads", "1", "--db", killed.string()};
  bool interrupted = false;
  for (int ms = 100; ms <= 20'000 && !interrupted; ms = ms * 3 / 2) {
    fs::remove(killed), fs::remove(killed.string() + "-wal"), fs::remove(killed.string() + "-shm");
    if (!kill_after(args, std::chrono::milliseconds(ms))) break;
    if (!fs::exists(killed)) continue;
    const long long done = count_rows(killed, "records");
    interrupted = done > 0 && done < 32;
  }
  ASSERT_TRUE(interrupted) << "no kill landed while the sweep was half done";
  ASSERT_EQ(run_cli(study + q(killed)).status, 0);
  EXPECT_EQ(query_text(killed, "SELECT value FROM meta WHERE key = 'resumed'"), "yes|\n");
  EXPECT_EQ(tables_outside_meta(killed), reference);

#ifdef PARLEY_WITH_MPI
  const std::string command =
      "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl_vader_single_copy_mechanism=none "
      "mpirun --oversubscribe -n 2 '" + std::string(PARLEY_BINARY) + "' " + study + q(mpi) + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  EXPECT_EQ(tables_outside_meta(mpi), reference);
#endif
}

TEST_F(StudyCli, BadInputIsRefusedAndLeavesTheDatabaseAlone) {
  const fs::path db = dir_ / "db.sqlite";
  const std::string laptop = q(kAnac2012 + "/LaptopA");
  ASSERT_EQ(run_cli("tournament --strategies boulware,conceder --domains " + laptop + " --db " + q(db)).status, 0);
  const std::string before = tables_outside_meta(db) + query_text(db, "SELECT * FROM meta");
  struct Case {
    std::string args, message;
  };
  const std::vector<Case> cases = {
      {"--strategies bulware --domains " + laptop, "did you mean 'boulware'"},
      {"--strategies boulware:e=x --domains " + laptop, "boulware"},
      {"--strategies boulware:speed=2 --domains " + laptop, "speed"},
      {"--strategies boulware --domains " + q(dir_ / "nowhere"), "nowhere"},
      {"--strategies boulware --domains " + q(dir_), "no domain here"},
      {"--strategies boulware,conceder --domains " + laptop + " --seed 5", "another study: its seed is 0"},
      {"--strategies boulware,conceder --domains " + laptop + " --protocol auction", "auction"},
      {"--strategies boulware,conceder --domains " + laptop + " --repetitions 0", "repetitions"},
      {"--strategies boulware,conceder --domains " + q(kAnac2012 + "/LaptopB"), "another study: its domains is"},
  };
  for (const Case& c : cases) {
    const CliResult r = run_cli("tournament " + c.args + " --db " + q(db));
    EXPECT_EQ(r.status, 2) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.args << "\n" << r.err;
  }
  EXPECT_EQ(tables_outside_meta(db) + query_text(db, "SELECT * FROM meta"), before);
  // Not a database at all: refused, and the file is unchanged.
  const fs::path text = dir_ / "notes.sqlite";
  { std::ofstream(text) << "my notes\n"; }
  const CliResult r = run_cli("tournament --strategies boulware --domains " + laptop + " --db " + q(text));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("not a parley results database"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(text), "my notes\n");
  // Another schema version: refused by tournament and results alike, and left as it was.
  {
    sqlite3* handle = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(handle, "UPDATE study SET value = '99' WHERE key = 'schema'", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(handle);
  }
  const std::string changed = tables_outside_meta(db);
  for (const std::string& command : {"tournament --strategies boulware,conceder --domains " + laptop + " --db " + q(db),
                                     "results " + q(db)}) {
    const CliResult old = run_cli(command);
    EXPECT_EQ(old.status, 2) << command;
    EXPECT_NE(old.err.find("results schema version 99"), std::string::npos) << old.err;
  }
  EXPECT_EQ(tables_outside_meta(db), changed);
  const CliResult missing = run_cli("results " + q(dir_ / "missing.sqlite"));
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("no such file"), std::string::npos) << missing.err;
}

// A study killed while it created its database leaves NAME.parley-tmp-PID; the next study
// into that folder removes it, as every other parley write does (docs/cli.md).
TEST_F(StudyCli, ADatabaseLeftHalfCreatedByAKilledRunIsRemovedByTheNext) {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  const fs::path stale = dir_ / ("old.sqlite.parley-tmp-" + std::to_string(child));
  std::ofstream(stale) << "half a database";
  const fs::path journal = stale.string() + "-journal";  // SQLite's, beside it
  std::ofstream(journal) << "its rollback journal";
  const fs::path db = dir_ / "new.sqlite";
  const CliResult r = run_cli("tournament --strategies boulware,conceder --domains " +
                              q(std::string(PARLEY_SOURCE_DIR) + "/scenarios/talks-2025.yaml") + " --db " +
                              q(db) + " --quiet");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_FALSE(fs::exists(journal));
  EXPECT_TRUE(fs::exists(db));
}

TEST_F(StudyCli, AScenarioFileIsOneDomainPerStage) {
  const fs::path db = dir_ / "talks.sqlite";
  const CliResult r = run_cli("tournament --strategies boulware,conceder --domains " +
                              q(std::string(PARLEY_SOURCE_DIR) + "/scenarios/talks-2025.yaml") + " --db " +
                              q(db) + " --json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(query_text(db, "SELECT name FROM domains ORDER BY domain"), "talks-2025/truce|\ntalks-2025/settlement|\n");
  EXPECT_EQ(nlohmann::json::parse(r.out)["runs"], 8);
}

TEST_F(StudyCli, ATournamentFileGivesTheSettingsAndOptionsReplaceThem) {
  const fs::path file = dir_ / "t.yaml", db = dir_ / "t.sqlite";
  std::ofstream(file) << "strategies: [boulware, \"aspiration:e=2,model=frequency\", micro]\n"
                         "domains: [" << kAnac2012 << "/LaptopA]\nrepetitions: 2\nseed: 3\n";
  const CliResult r = run_cli("tournament " + q(file) + " --db " + q(db) + " --json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["runs"], 18);  // 3 × 3 assignments × 2 repetitions
  EXPECT_EQ(query_text(db, "SELECT value FROM study WHERE key = 'parameter:seed'"), "3|\n");
  const CliResult replaced = run_cli("tournament " + q(file) + " --strategies boulware --db " + q(dir_ / "u.sqlite") +
                                     " --json");
  ASSERT_EQ(replaced.status, 0) << replaced.err;
  EXPECT_EQ(nlohmann::json::parse(replaced.out)["runs"], 2);

  struct Case {
    std::string text, message;
  };
  for (const Case& c : std::vector<Case>{
           {"strategies: [boulware, bulware]\ndomains: [x]\n", "t.yaml:1:24: unknown strategy 'bulware'"},
           {"strategies: [boulware]\ndomain: [x]\n", "t.yaml:2:1: unknown field 'domain'"},
           {"strategies: [boulware]\ndomains: [x]\nrounds: 0\n", "t.yaml:3:9:"},
           {"domains: [x]\n", "needs `strategies`"},
           {"strategies: [boulware\n", "t.yaml:"},
       }) {
    std::ofstream(file) << c.text;
    const CliResult bad = run_cli("tournament " + q(file) + " --db " + q(dir_ / "bad.sqlite"));
    EXPECT_EQ(bad.status, 2) << c.text;
    EXPECT_NE(bad.err.find(c.message), std::string::npos) << c.text << "\n" << bad.err;
    EXPECT_FALSE(fs::exists(dir_ / "bad.sqlite"));
  }
  const CliResult nothing = run_cli("tournament");
  EXPECT_EQ(nothing.status, 2);
  EXPECT_NE(nothing.err.find("give --strategies and --domains, or a tournament file"), std::string::npos);
}

TEST_F(StudyCli, OffersRecordsEveryMoveOfEveryRun) {
  const fs::path db = dir_ / "offers.sqlite";
  const CliResult r = run_cli("tournament --strategies boulware,hardliner --domains " + q(kAnac2012 + "/LaptopA") +
                              " --rounds 20 --offers --db " + q(db));
  ASSERT_EQ(r.status, 0) << r.err;
  // hardliner against itself never agrees: 20 rounds, two offers each round.
  EXPECT_EQ(query_text(db, "SELECT count(*) FROM offers WHERE run = 3"), "40|\n");
  // Every run's last move is the accepting one when it agreed.
  EXPECT_EQ(query_text(db, "SELECT count(*) FROM runs r WHERE status = 'agreement' AND (SELECT kind FROM offers o "
                           "WHERE o.run = r.run ORDER BY move DESC LIMIT 1) <> 'accept'"),
            "0|\n");
  // The agreement is the outcome the last offer proposed.
  EXPECT_EQ(query_text(db, "SELECT count(*) FROM runs r WHERE status = 'agreement' AND agreement <> (SELECT outcome "
                           "FROM offers o WHERE o.run = r.run AND kind = 'offer' ORDER BY move DESC LIMIT 1)"),
            "0|\n");
  // Without --offers it is another study.
  const CliResult other = run_cli("tournament --strategies boulware,hardliner --domains " +
                                  q(kAnac2012 + "/LaptopA") + " --rounds 20 --db " + q(db));
  EXPECT_EQ(other.status, 2);
  EXPECT_NE(other.err.find("offers"), std::string::npos) << other.err;
}

// On a terminal: a progress line on stderr (runs done of the total, rate, ETA), cleared at
// the end; nothing with --quiet. `script` gives the command a pseudo-terminal.
TEST_F(StudyCli, AProgressLineOnATerminalOnlyAndNotWithQuiet) {
  const auto on_terminal = [&](const std::string& extra, const std::string& db) {
    const std::string command = "script -qec \"'" + std::string(PARLEY_BINARY) +
                                "' tournament --strategies boulware,nash --domains '" + kAnac2012 + "' --db '" +
                                (dir_ / db).string() + "' " + extra + " >/dev/null\" /dev/null > '" +
                                (dir_ / "tty").string() + "'";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    return slurp(dir_ / "tty");
  };
  const std::string shown = on_terminal("", "a.sqlite");
  EXPECT_NE(shown.find("/ 288 negotiations, "), std::string::npos) << shown;
  EXPECT_NE(shown.find("288 / 288 negotiations"), std::string::npos) << shown;
  EXPECT_NE(shown.find("ETA"), std::string::npos) << shown;
  EXPECT_EQ(on_terminal("--quiet", "b.sqlite"), "");
}

}  // namespace
}  // namespace parley::test
