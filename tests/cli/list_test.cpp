// `parley list`: generated from the registries; the docs' tables are its --markdown output,
// kept current by scripts/update-doc-tables.sh.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "run_cli.hpp"

namespace parley::test {
namespace {

const std::filesystem::path kDocs = std::filesystem::path(PARLEY_SOURCE_DIR) / "docs";

TEST(CliList, ListsEveryKindWithParametersAndDefaults) {
  const auto strategies = run_cli("list strategies");
  ASSERT_EQ(strategies.status, 0) << strategies.err;
  for (const char* text : {"boulware", "rubinstein", "source: Nash 1950", "p_accept", "0.15", "(0, 1e+06]",
                           "none | frequency", "parameters: none"})
    EXPECT_NE(strategies.out.find(text), std::string::npos) << text << "\n" << strategies.out;
  const auto protocols = run_cli("list protocols");
  ASSERT_EQ(protocols.status, 0) << protocols.err;
  for (const char* text : {"issue_by_issue", "rounds_per_issue", "never | once | any", "neutral"})
    EXPECT_NE(protocols.out.find(text), std::string::npos) << text;
  const auto models = run_cli("list models");
  ASSERT_EQ(models.status, 0) << models.err;
  for (const char* text : {"smp", "VictoryProbModel", "Linear | Square", "exchange", "min_gain", "1e-09"})
    EXPECT_NE(models.out.find(text), std::string::npos) << text;
  const auto settings = run_cli("list settings");
  ASSERT_EQ(settings.status, 0) << settings.err;
  for (const char* text : {"on_failure", "stop | continue | merge", "nothing_agreed_until_all", "boolean"})
    EXPECT_NE(settings.out.find(text), std::string::npos) << text;
  const auto markdown = run_cli("list strategies --markdown");
  ASSERT_EQ(markdown.status, 0);
  EXPECT_NE(markdown.out.find("| `boulware` | `e` | number | `4` | (0, 1e+06] |"), std::string::npos) << markdown.out;
  EXPECT_NE(markdown.out.find("none \\| frequency"), std::string::npos);
  EXPECT_EQ(run_cli("list strategy").status, 2);
}

// Every "<!-- parley list KIND --markdown -->" ... "<!-- end -->" block of docs/*.md must be
// exactly that command's output. Fix a failure with scripts/update-doc-tables.sh.
TEST(CliList, DocTablesAreGeneratedFromTheSpecs) {
  const std::string open = "<!-- parley list ", close = "<!-- end -->";
  std::size_t blocks = 0;
  std::vector<std::string> kinds;
  for (const auto& entry : std::filesystem::directory_iterator(kDocs)) {
    if (entry.path().extension() != ".md") continue;
    const std::string text = slurp(entry.path());
    // A marker is a whole line (as scripts/update-doc-tables.sh reads it); prose may quote one.
    for (std::size_t at = text.find(open); at != std::string::npos; at = text.find(open, at + 1)) {
      const std::size_t line_end = text.find('\n', at);
      ASSERT_NE(line_end, std::string::npos);
      const std::string marker = text.substr(at, line_end - at);
      const std::string suffix = " --markdown -->";
      if ((at > 0 && text[at - 1] != '\n') || !marker.ends_with(suffix)) continue;
      const std::string kind = marker.substr(open.size(), marker.size() - open.size() - suffix.size());
      const std::size_t end = text.find(close, line_end);
      ASSERT_NE(end, std::string::npos) << entry.path() << ": no " << close << " after " << marker;
      const auto generated = run_cli("list " + kind + " --markdown");
      ASSERT_EQ(generated.status, 0) << generated.err;
      EXPECT_EQ(text.substr(line_end + 1, end - line_end - 1), generated.out)
          << entry.path().filename() << ": the '" << kind << "' table differs from `parley list " << kind
          << " --markdown`; run scripts/update-doc-tables.sh";
      kinds.push_back(kind);
      ++blocks;
    }
  }
  // The four generated tables: strategies and protocol settings (negotiation-protocols.md),
  // model parameters (models.md), stage settings (format.md).
  EXPECT_GE(blocks, 4u);
  for (const char* kind : {"strategies", "protocols", "models", "settings"})
    EXPECT_NE(std::find(kinds.begin(), kinds.end(), kind), kinds.end()) << kind;
}

}  // namespace
}  // namespace parley::test
