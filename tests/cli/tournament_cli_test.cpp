// `parley tournament` and `parley results`: the ANAC 2012 tournament, databases identical
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

class TournamentCli : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = fresh_directory("tournament"); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(TournamentCli, AnacTwentyTwelveWithTenStrategiesPrintsTheRankingAndWritesTheDatabase) {
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
TEST_F(TournamentCli, DatabasesAreIdenticalOutsideMetaWhateverTheThreadsRanksAndKills) {
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
#endif
}

TEST_F(TournamentCli, BadInputIsRefusedAndLeavesTheDatabaseAlone) {
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
  const CliResult missing = run_cli("results " + q(dir_ / "missing.sqlite"));
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("no such file"), std::string::npos) << missing.err;
}

TEST_F(TournamentCli, AScenarioFileIsOneDomainPerStage) {
  const fs::path db = dir_ / "talks.sqlite";
  const CliResult r = run_cli("tournament --strategies boulware,conceder --domains " +
                              q(std::string(PARLEY_SOURCE_DIR) + "/scenarios/talks-2025.yaml") + " --db " +
                              q(db) + " --json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(query_text(db, "SELECT name FROM domains ORDER BY domain"), "talks-2025/truce|\ntalks-2025/settlement|\n");
  EXPECT_EQ(nlohmann::json::parse(r.out)["runs"], 8);
}

}  // namespace
}  // namespace parley::test
