#pragma once
// Internal: factories of the built-in protocols, called by the protocol registry with
// settings already validated against the specs in protocol_registry.cpp.

#include <memory>

#include "parley/core/params.hpp"
#include "parley/negotiate/mechanism.hpp"

namespace parley::detail {

inline constexpr const char* kProtocolSettingField = "protocol setting";

std::unique_ptr<Protocol> make_alternating(const ParamValues& settings);
std::unique_ptr<Protocol> make_sao(const ParamValues& settings);
std::unique_ptr<Protocol> make_mediated(const ParamValues& settings);
std::unique_ptr<Protocol> make_issue_by_issue(const ParamValues& settings);

}  // namespace parley::detail
