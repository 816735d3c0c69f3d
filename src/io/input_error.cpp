#include "parley/io/input_error.hpp"

namespace parley {

namespace {
Location at(std::string file, int line, int column) {
  Location location;
  location.file = std::move(file);
  location.line = line;
  location.column = column;
  return location;
}
}  // namespace

InputError::InputError(std::string file, int line, int column, std::string message, ErrorKind kind)
    : Error(kind, std::move(message), at(std::move(file), line, column)) {}

}  // namespace parley
