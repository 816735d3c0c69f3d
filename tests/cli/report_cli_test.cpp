// `parley report`: scenario, tournament, sweep and evaluation pages from the command line,
// and bad input that leaves no file behind.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "run_cli.hpp"
#include "study_db.hpp"

namespace parley::test {
namespace {
namespace fs = std::filesystem;

const fs::path kLaptop = fs::path(PARLEY_TEST_DATA) / "genius/anac/y2011/Laptop";
const fs::path kFlagship = fs::path(PARLEY_SOURCE_DIR) / "scenarios/talks-2025.yaml";
std::string quoted(const fs::path& path) { return parley::test::quoted(path); }

class ReportCli : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = fresh_directory("report"); }
  void TearDown() override { fs::remove_all(dir_); }
  static std::size_t charts_of(const std::string& html, const std::string& kind) {
    std::size_t n = 0;
    const std::string tag = "data-chart=\"" + kind + "\"";
    for (std::size_t at = html.find(tag); at != std::string::npos; at = html.find(tag, at + 1)) ++n;
    return n;
  }
  void sql(const fs::path& db, const std::string& statement) {
    sqlite3* handle = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(handle, statement.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << statement;
    sqlite3_close(handle);
  }
  fs::path dir_;
};

TEST_F(ReportCli, AScenarioPageWithChartSpecsForNotebooks) {
  const fs::path html = dir_ / "talks.html";
  const fs::path specs = dir_ / "charts";
  const CliResult r = run_cli("report " + quoted(kFlagship) + " -o " + quoted(html) + " --charts-dir " + quoted(specs));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Report written to " + html.string()), std::string::npos) << r.out;
  const std::string page = slurp(html);
  for (const char* kind : {"positions", "frontier", "dance", "forecast", "history", "variants"})
    EXPECT_GT(charts_of(page, kind), 0u) << kind;
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(specs)) {
    ++files;
    const auto spec = nlohmann::json::parse(slurp(entry.path()));
    EXPECT_TRUE(spec.contains("data")) << entry.path();
  }
  EXPECT_EQ(files, charts_of(page, "positions") + charts_of(page, "frontier") + charts_of(page, "dance") +
                       charts_of(page, "forecast") + charts_of(page, "history") + charts_of(page, "variants"));
  // The narrative is the one `parley negotiate` prints.
  const CliResult negotiate = run_cli("negotiate " + quoted(kFlagship));
  const std::string first_line = negotiate.out.substr(0, negotiate.out.find('\n'));
  ASSERT_FALSE(first_line.empty());
  EXPECT_NE(page.find(first_line.substr(0, 30)), std::string::npos) << first_line;
}

TEST_F(ReportCli, TournamentAndSweepDatabases) {
  const fs::path tournament = dir_ / "t.sqlite";
  ASSERT_EQ(run_cli("tournament --strategies boulware,conceder,hardliner --domains " + quoted(kLaptop) + " --db " +
                    quoted(tournament) + " --quiet")
                .status,
            0);
  const CliResult t = run_cli("report " + quoted(tournament) + " -o " + quoted(dir_ / "t.html"));
  ASSERT_EQ(t.status, 0) << t.err;
  const std::string tpage = slurp(dir_ / "t.html");
  EXPECT_EQ(charts_of(tpage, "ranking"), 1u);
  EXPECT_EQ(charts_of(tpage, "utilities"), 1u);
  EXPECT_EQ(charts_of(tpage, "agreement"), 1u);
  for (const char* strategy : {"boulware", "conceder", "hardliner"}) EXPECT_NE(tpage.find(strategy), std::string::npos);

  const fs::path sweep = dir_ / "s.sqlite";
  ASSERT_EQ(run_cli("sweep " + quoted(kFlagship) + " --runs 12 --db " + quoted(sweep) + " --quiet").status, 0);
  const CliResult s = run_cli("report " + quoted(sweep) + " -o " + quoted(dir_ / "s.html"));
  ASSERT_EQ(s.status, 0) << s.err;
  const std::string spage = slurp(dir_ / "s.html");
  EXPECT_GT(charts_of(spage, "sweep-forecast"), 0u);
  EXPECT_EQ(charts_of(spage, "histogram"), 2u);  // one per stage
  EXPECT_GT(charts_of(spage, "tornado"), 0u);
}

TEST_F(ReportCli, BadInputLeavesNoFile) {
  const fs::path out = dir_ / "out.html";
  // -o into a missing folder, before any work.
  const CliResult missing = run_cli("report " + quoted(kFlagship) + " -o " + quoted(dir_ / "no/such/out.html"));
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("does not exist"), std::string::npos) << missing.err;
  // A database of another schema version.
  const fs::path db = dir_ / "t.sqlite";
  ASSERT_EQ(run_cli("tournament --strategies boulware,conceder --domains " + quoted(kLaptop) + " --db " + quoted(db) +
                    " --quiet")
                .status,
            0);
  sql(db, "UPDATE study SET value = '99' WHERE key = 'schema'");
  const CliResult old = run_cli("report " + quoted(db) + " -o " + quoted(out));
  EXPECT_EQ(old.status, 2);
  EXPECT_NE(old.err.find("results schema version 99"), std::string::npos) << old.err;
  // A database with no finished run, and an SQLite file that is no results database.
  sql(db, "UPDATE study SET value = '1' WHERE key = 'schema'; DELETE FROM records");
  const CliResult empty = run_cli("report " + quoted(db) + " -o " + quoted(out));
  EXPECT_EQ(empty.status, 2);
  EXPECT_NE(empty.err.find("no finished run"), std::string::npos) << empty.err;
  const fs::path other = dir_ / "other.sqlite";
  sql(other, "CREATE TABLE notes (text TEXT)");
  const CliResult foreign = run_cli("report " + quoted(other) + " -o " + quoted(out));
  EXPECT_EQ(foreign.status, 2);
  EXPECT_NE(foreign.err.find("not a parley results database"), std::string::npos) << foreign.err;
  // A scenario whose stages are empty.
  const fs::path stageless = dir_ / "stageless.yaml";
  std::ofstream(stageless) << "name: x\nissues:\n  aid: {name: aid}\nactors:\n"
                              "  us: {stances: {aid: {position: 10, salience: 1}}}\n"
                              "  ru: {stances: {aid: {position: 90, salience: 1}}}\nstages: {}\n";
  const CliResult no_stage = run_cli("report " + quoted(stageless) + " -o " + quoted(out));
  EXPECT_EQ(no_stage.status, 2);
  EXPECT_NE(no_stage.err.find("stages is empty"), std::string::npos) << no_stage.err;
  EXPECT_FALSE(fs::exists(out));
  for (const auto& entry : fs::directory_iterator(dir_))
    EXPECT_EQ(entry.path().string().find("parley-tmp"), std::string::npos) << entry.path();
}

TEST_F(ReportCli, ScenarioLabelsAreEscaped) {
  const fs::path file = dir_ / "hostile.yaml";
  std::ofstream(file) << "name: \"<script>alert(1)</script>\"\n"
                         "issues:\n  aid: {name: \"<img src=x onerror=alert(2)>\"}\n"
                         "actors:\n"
                         "  us: {name: \"</script><script>alert(3)</script>\", stances: {aid: {position: 10, salience: 1}}}\n"
                         "  ru: {stances: {aid: {position: 90, salience: 1}}}\n";
  const fs::path html = dir_ / "hostile.html";
  const CliResult r = run_cli("report " + quoted(file) + " -o " + quoted(html));
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string page = slurp(html);
  EXPECT_EQ(page.find("<script>alert"), std::string::npos);
  EXPECT_EQ(page.find("<img src=x"), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
}

}  // namespace
}  // namespace parley::test
