#pragma once
// The error the io layer throws for a file a user can fix: a core Error whose location is a
// file position. what() is "file:line:col: message" (line and column 1-based; omitted when
// unknown). The CLI maps every parley::Error to exit status 2.

#include <string>

#include "parley/core/error.hpp"

namespace parley {

class InputError : public Error {
 public:
  InputError(std::string file, int line, int column, std::string message, ErrorKind kind = ErrorKind::invalid);
  // An error about a whole file (no position).
  InputError(std::string file, std::string message) : InputError(std::move(file), 0, 0, std::move(message)) {}

  const std::string& file() const { return location().file; }
  int line() const { return location().line; }
  int column() const { return location().column; }
};

}  // namespace parley
