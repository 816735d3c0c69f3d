#include "parley/core/parse_number.hpp"

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <string>
#include <system_error>

namespace parley {

bool parse_double(std::string_view text, double& value) {
#if defined(_LIBCPP_VERSION) && _LIBCPP_VERSION < 170000
  // strtod accepts more than from_chars' general format: reject what from_chars rejects.
  if (text.empty() || text.front() == '+' || std::isspace(static_cast<unsigned char>(text.front()))) return false;
  if (text.find_first_of("xXpP") != std::string_view::npos) return false;
  const std::string copy(text);
  char* end = nullptr;
  errno = 0;
  const double parsed = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || errno == ERANGE) return false;
  value = parsed;
  return true;
#else
  double parsed = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
  if (error != std::errc() || end != text.data() + text.size()) return false;
  value = parsed;
  return true;
#endif
}

}  // namespace parley
