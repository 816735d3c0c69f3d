// Text from input files reaches the terminal escaped (issue 8): an ESC sequence in a name
// once went straight to the user's terminal through `parley show`.

#include <gtest/gtest.h>

#include <fstream>

#include "run_cli.hpp"

namespace parley::test {
namespace {

TEST(EscapeCli, ControlCharactersInNamesAreShownEscaped) {
  const auto dir = fresh_directory("escape");
  const auto file = dir / "escape.yaml";
  std::ofstream(file) << "name: \"\\e[2J\\e[31mred\\x07 title\"\n"
                         "description: \"line one\\nline two \\e]0;owned\\a \\x9b31m\"\n"
                         "issues:\n"
                         "  aid: {name: aid}\n"
                         "actors:\n"
                         "  us: {name: \"United\\tStates\\e[0m\", stances: {aid: {position: 10, salience: 1}}}\n"
                         "  ru: {stances: {aid: {position: 90, salience: 1}}}\n";
  for (const char* command : {"show", "analyze", "negotiate"}) {
    const auto result = run_cli(std::string(command) + " " + quoted(file));
    ASSERT_EQ(result.status, 0) << command << ": " << result.err;
    EXPECT_EQ(result.out.find('\x1b'), std::string::npos) << command << ":\n" << result.out;
    EXPECT_EQ(result.out.find('\x07'), std::string::npos) << command;
    EXPECT_EQ(result.out.find("\xc2\x9b"), std::string::npos) << command;
  }
  const auto show = run_cli("show " + quoted(file));
  EXPECT_NE(show.out.find("\\x1b[2J\\x1b[31mred\\x07 title"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("United\\x09States\\x1b[0m"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("\\x1b]0;owned\\x07 \\u009b31m"), std::string::npos) << show.out;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace parley::test
