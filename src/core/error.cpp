#include "parley/core/error.hpp"

#include <algorithm>
#include <cctype>

namespace parley {

namespace {
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                        std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}
}  // namespace

const char* to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::syntax: return "syntax";
    case ErrorKind::invalid: return "invalid";
    case ErrorKind::unknown_name: return "unknown_name";
    case ErrorKind::too_large: return "too_large";
    case ErrorKind::io: return "io";
  }
  return "invalid";
}

std::string describe(ErrorKind /*kind*/, const std::string& message, const Location& location) {
  std::string where = location.file.empty() ? location.field : location.file;
  if (!location.file.empty() && location.line > 0) {
    where += ':' + std::to_string(location.line);
    if (location.column > 0) where += ':' + std::to_string(location.column);
  }
  if (where.empty()) return message;
  return where + ": " + message;
}

Error::Error(ErrorKind kind, std::string message, Location location)
    : std::runtime_error(describe(kind, message, location)),
      kind_(kind),
      message_(std::move(message)),
      location_(std::move(location)) {}

Error field_error(std::string field, std::string message, ErrorKind kind) {
  Location location;
  location.field = std::move(field);
  return Error(kind, std::move(message), std::move(location));
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(1, word.size() / 3) + 1;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string match = closest_match(word, candidates);
  return match.empty() ? std::string() : " (did you mean '" + match + "'?)";
}

}  // namespace parley
