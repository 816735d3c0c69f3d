// Every bad-input fixture (tests/data/bad/*.yaml, first line "# error: LINE:COL: TEXT") makes
// the CLI exit 2 with FILE:LINE:COL: and the message on stderr, and leaves no output file.

#include <fstream>

#include <gtest/gtest.h>

#include "run_cli.hpp"

namespace parley::test {
namespace {

struct Expected {
  std::string location;  // "LINE:COL"
  std::string text;
};

Expected expected_error(const std::filesystem::path& fixture) {
  std::ifstream in(fixture);
  std::string first;
  std::getline(in, first);
  const std::string prefix = "# error: ";
  if (first.rfind(prefix, 0) != 0) return {};
  const std::string rest = first.substr(prefix.size());
  const auto colon = rest.find(':', rest.find(':') + 1);  // after LINE:COL
  return {rest.substr(0, colon), rest.substr(colon + 2)};
}

std::vector<std::filesystem::path> fixtures() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(PARLEY_TEST_DATA) / "bad"))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(CliBadInput, EveryFixtureExitsTwoWithLocationAndLeavesNoFile) {
  const auto files = fixtures();
  ASSERT_GE(files.size(), 20u);
  for (const auto& fixture : files) {
    SCOPED_TRACE(fixture.filename().string());
    const Expected expected = expected_error(fixture);
    ASSERT_FALSE(expected.location.empty()) << "fixture lacks its '# error: LINE:COL: TEXT' header";
    const auto dir = fresh_directory("bad");
    const auto output = dir / "analysis.json";
    const auto result = run_cli("analyze " + quoted(fixture) + " --json -o " + quoted(output));
    EXPECT_EQ(result.status, 2) << result.err;
    EXPECT_NE(result.err.find(fixture.string() + ":" + expected.location + ": "), std::string::npos) << result.err;
    EXPECT_NE(result.err.find(expected.text), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(output));
    EXPECT_TRUE(std::filesystem::is_empty(dir)) << "no temporary left behind either";
    std::filesystem::remove_all(dir);
  }
}

TEST(CliBadInput, ImportOfABadFolderLeavesNoFile) {
  const auto dir = fresh_directory("import");
  std::ofstream(dir / "not-a-domain.xml") << "<utility_space><objective/></utility_space>\n";
  const auto output = dir / "out.yaml";
  const auto result = run_cli("import genius " + quoted(dir) + " -o " + quoted(output));
  EXPECT_EQ(result.status, 2) << result.err;
  EXPECT_NE(result.err.find(dir.string()), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(output));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace parley::test
