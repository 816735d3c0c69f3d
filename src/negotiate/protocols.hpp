#pragma once
// Internal: factories of the built-in protocols and settings checking.

#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "parley/negotiate/mechanism.hpp"

namespace parley::detail {

using Settings = std::map<std::string, std::string>;

// Throws parley::Error (field "protocol") when `settings` has a key not in `known`.
void check_settings(std::string_view protocol, const Settings& settings, std::initializer_list<std::string_view> known);
// The setting's value, or `fallback` when absent.
std::string setting(const Settings& settings, const std::string& key, const std::string& fallback);
// An integer setting; throws parley::Error (field "protocol") unless it is one in [lo, hi].
long long int_setting(std::string_view protocol, const Settings& settings, const std::string& key, long long fallback,
                      long long lo, long long hi);

std::unique_ptr<Protocol> make_alternating(const Settings& settings);
std::unique_ptr<Protocol> make_sao(const Settings& settings);
std::unique_ptr<Protocol> make_mediated(const Settings& settings);
std::unique_ptr<Protocol> make_issue_by_issue(const Settings& settings);

}  // namespace parley::detail
