#pragma once
// Runs the real `parley` binary and captures its exit status, stdout and stderr.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace parley::test {

struct CliResult {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A fresh empty directory under the system temp dir, removed by the caller's fixture.
inline std::filesystem::path fresh_directory(const std::string& tag) {
  static int counter = 0;
  auto dir = std::filesystem::temp_directory_path() /
             ("parley-cli-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// `arguments` is appended to the binary verbatim (quote paths with spaces yourself).
inline CliResult run_cli(const std::string& arguments) {
  const auto dir = fresh_directory("run");
  const std::string command = std::string("'") + PARLEY_BINARY + "' " + arguments + " >'" + (dir / "out").string() +
                              "' 2>'" + (dir / "err").string() + "'";
  const int raw = std::system(command.c_str());
  CliResult result;
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.out = slurp(dir / "out");
  result.err = slurp(dir / "err");
  std::filesystem::remove_all(dir);
  return result;
}

inline std::string quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

}  // namespace parley::test
