#include "parley/core/error.hpp"

#include <algorithm>
#include <cctype>

namespace parley {

namespace {
// Optimal string alignment distance, case-insensitive: insertions, deletions, substitutions
// and transpositions of neighbours ("soa" is one edit from "sao") each cost 1.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  auto same = [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  };
  const std::size_t width = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * width);
  for (std::size_t j = 0; j <= b.size(); ++j) d[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    d[i * width] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t best = std::min({d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1,
                                   d[(i - 1) * width + j - 1] + (same(a[i - 1], b[j - 1]) ? 0 : 1)});
      if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1]))
        best = std::min(best, d[(i - 2) * width + j - 2] + 1);
      d[i * width + j] = best;
    }
  }
  return d[a.size() * width + b.size()];
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
