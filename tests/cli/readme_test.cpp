// The README's tour shows real output: every `$ build/parley ...` line in its code blocks is
// run from the source directory, and each output line the README shows after it must appear
// in the real output, in the same order ("..." lines stand for what the excerpt leaves out).
// The excerpts once drifted from the program (issue 8).

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "run_cli.hpp"

namespace parley::test {
namespace {

struct Excerpt {
  std::string command;  // after "$ build/parley "
  std::vector<std::string> lines;  // expected output lines, "..." removed
  int line_number = 0;  // in README.md
};

std::string trimmed_right(std::string text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.pop_back();
  return text;
}

std::vector<Excerpt> readme_excerpts() {
  std::ifstream in(std::filesystem::path(PARLEY_SOURCE_DIR) / "README.md");
  std::vector<Excerpt> excerpts;
  std::string line;
  bool in_block = false;
  Excerpt* current = nullptr;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.rfind("```", 0) == 0) {
      in_block = !in_block;
      current = nullptr;
      continue;
    }
    if (!in_block) continue;
    if (line.rfind("$ ", 0) == 0) {
      current = nullptr;
      const std::string prefix = "$ build/parley ";
      // Commands that pipe or write files (into the source tree) are shown, not run.
      if (line.rfind(prefix, 0) == 0 && line.find('|') == std::string::npos && line.find(" -o ") == std::string::npos) {
        excerpts.push_back({line.substr(prefix.size()), {}, number});
        current = &excerpts.back();
      }
      continue;
    }
    if (current != nullptr && trimmed_right(line) != "..." && !trimmed_right(line).empty())
      current->lines.push_back(trimmed_right(line));
  }
  return excerpts;
}

CliResult run_in_source_dir(const std::string& arguments) {
  const auto dir = fresh_directory("readme");
  const std::string command = "cd '" + std::string(PARLEY_SOURCE_DIR) + "' && '" + PARLEY_BINARY + "' " + arguments +
                              " >'" + (dir / "out").string() + "' 2>'" + (dir / "err").string() + "'";
  CliResult result;
  const int status = std::system(command.c_str());
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(dir / "out");
  result.err = slurp(dir / "err");
  std::filesystem::remove_all(dir);
  return result;
}

TEST(Readme, TourCommandsUseTheBuiltBinary) {
  std::ifstream in(std::filesystem::path(PARLEY_SOURCE_DIR) / "README.md");
  std::string line;
  for (int number = 1; std::getline(in, line); ++number)
    EXPECT_NE(line.rfind("$ parley ", 0), 0u) << "README.md:" << number << ": the binary is build/parley: " << line;
}

TEST(Readme, ExcerptsAreTheRealOutput) {
  const std::vector<Excerpt> excerpts = readme_excerpts();
  ASSERT_GE(excerpts.size(), 8u);
  std::size_t checked = 0;
  for (const Excerpt& excerpt : excerpts) {
    const CliResult result = run_in_source_dir(excerpt.command);
    const std::string output = result.out + result.err;
    std::istringstream lines(output);
    std::vector<std::string> actual;
    for (std::string line; std::getline(lines, line);) actual.push_back(trimmed_right(line));
    std::size_t at = 0;
    for (const std::string& expected : excerpt.lines) {
      while (at < actual.size() && actual[at] != expected) ++at;
      EXPECT_LT(at, actual.size()) << "README.md:" << excerpt.line_number << ": `parley " << excerpt.command
                                   << "` does not print (here, in this order):\n"
                                   << expected << "\n--- it prints:\n"
                                   << output;
      if (at == actual.size()) break;
      ++at;
      ++checked;
    }
  }
  EXPECT_GE(checked, 40u);  // the excerpts show real output, not just commands
}

}  // namespace
}  // namespace parley::test
