// The protocol registry: make_protocol(name, settings) for every built-in protocol.

#include <algorithm>
#include <charconv>

#include "parley/core/error.hpp"
#include "protocols.hpp"

namespace parley {
namespace detail {

void check_settings(std::string_view protocol, const Settings& settings, std::initializer_list<std::string_view> known) {
  for (const auto& entry : settings) {
    if (std::find(known.begin(), known.end(), std::string_view(entry.first)) != known.end()) continue;
    std::string message = "unknown setting '" + entry.first + "' for protocol '" + std::string(protocol) + "'; ";
    if (known.size() == 0) {
      message += "it takes no settings";
    } else {
      message += "valid settings:";
      for (std::string_view k : known) message += " " + std::string(k);
    }
    throw field_error("protocol", message);
  }
}

std::string setting(const Settings& settings, const std::string& key, const std::string& fallback) {
  const auto it = settings.find(key);
  return it == settings.end() ? fallback : it->second;
}

long long int_setting(std::string_view protocol, const Settings& settings, const std::string& key, long long fallback,
                      long long lo, long long hi) {
  const auto it = settings.find(key);
  if (it == settings.end()) return fallback;
  long long value = 0;
  const std::string& text = it->second;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < lo || value > hi)
    throw field_error("protocol", "setting '" + key + "' of protocol '" + std::string(protocol) + "' must be an integer in [" +
                                     std::to_string(lo) + ", " + std::to_string(hi) + "], not '" + text + "'");
  return value;
}

}  // namespace detail

std::vector<std::string> protocol_names() { return {"alternating", "sao", "mediated", "issue_by_issue"}; }

std::unique_ptr<Protocol> make_protocol(std::string_view name, const std::map<std::string, std::string>& settings) {
  if (name == "alternating") return detail::make_alternating(settings);
  if (name == "sao") return detail::make_sao(settings);
  if (name == "mediated") return detail::make_mediated(settings);
  if (name == "issue_by_issue") return detail::make_issue_by_issue(settings);
  std::string message = "unknown protocol '" + std::string(name) + "'";
  const std::string guess = closest_match(std::string(name), protocol_names());
  if (!guess.empty()) message += " (did you mean '" + guess + "'?)";
  message += "; valid protocols:";
  for (const std::string& p : protocol_names()) message += " " + p;
  throw field_error("protocol", message);
}

}  // namespace parley
