#pragma once
// The one error type of the library: what went wrong (a kind and a message) and where (a
// structured location). Every layer throws it for input a user can fix; io fills in file
// positions, and only apps know command-line flags: a library error about a parameter names
// the field ("strategy", "model parameter", "stages.truce.protocol"), and the CLI says which
// option or file line that field came from. Broken preconditions (REQUIRES) stay
// std::invalid_argument / std::logic_error: they are bugs, not input.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

enum class ErrorKind : unsigned char {
  syntax,        // the text cannot be read as its format (YAML, XML, CSV, "name:k=v")
  invalid,       // a value breaks a rule: range, type, reference, uniqueness, consistency
  unknown_name,  // a name that nothing defines: strategy, protocol, parameter, issue, actor
  too_large,     // beyond a size or resource limit
  io,            // a file cannot be opened, read or written
};
const char* to_string(ErrorKind kind);

// Where an error is. Any part may be empty or 0 (unknown).
struct Location {
  std::string file;  // path as the user gave it
  int line = 0;      // 1-based
  int column = 0;    // 1-based
  // A named field: a scenario path ("stages.truce.settings.on_failure", "actors.us") or a
  // parameter family ("strategy", "model parameter", "protocol setting", "deadline").
  std::string field;
  // The field's name is what is wrong (an unknown key), not its value: a file position points
  // at the key.
  bool at_key = false;

  bool operator==(const Location&) const = default;
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string message, Location location = {});

  ErrorKind kind() const { return kind_; }
  const std::string& message() const { return message_; }  // without the location
  const Location& location() const { return location_; }

  // The same error at another location (io attaches file positions; apps name the flag).
  Error relocated(Location location) const { return Error(kind_, message_, std::move(location)); }

 private:
  ErrorKind kind_;
  std::string message_;
  Location location_;
};

// An error about a named field, e.g. field_error("strategy", "unknown strategy 'x'").
Error field_error(std::string field, std::string message, ErrorKind kind = ErrorKind::invalid);

// "file:line:col: message", "file: message" or "field: message": how every error is printed.
std::string describe(ErrorKind kind, const std::string& message, const Location& location);

// "did you mean ..." support: the candidate closest to `word` by edit distance, or empty
// when none is close enough to be a plausible misspelling.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);
// " (did you mean 'x'?)" or "" — ready to append to a message.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace parley
