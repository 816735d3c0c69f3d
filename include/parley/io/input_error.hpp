#pragma once
// The error every parser throws for input a user can fix. what() is
// "file:line:col: message" (line and column 1-based; omitted when unknown). The CLI maps it
// to exit status 2.

#include <stdexcept>
#include <string>
#include <vector>

namespace parley {

class InputError : public std::runtime_error {
 public:
  InputError(std::string file, int line, int column, std::string message);
  // An error about a whole file (no position).
  InputError(std::string file, std::string message) : InputError(std::move(file), 0, 0, std::move(message)) {}

  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int column() const { return column_; }
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  int line_;
  int column_;
  std::string message_;
};

// "did you mean ..." support: the candidate closest to `word` by edit distance, or empty
// when none is close enough to be a plausible misspelling.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace parley
