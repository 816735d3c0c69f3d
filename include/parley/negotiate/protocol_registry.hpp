#pragma once
// The protocol registry: every protocol by name, with its settings as ParamSpecs (name, type,
// default, range or choices, meaning). A stage's `protocol:` and `settings:` in a scenario
// file reach a protocol through it; `parley list protocols` and the settings tables in
// docs/negotiation-protocols.md are generated from it. The registry is open: a user's C++
// protocol registered with register_protocol() is usable wherever a built-in one is.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/core/params.hpp"
#include "parley/core/registry.hpp"
#include "parley/negotiate/mechanism.hpp"

namespace parley {

// Makes the protocol from validated settings (every spec's value, defaults filled in).
// May throw parley::Error (field "protocol setting") for a rule the specs cannot state.
using ProtocolFactory = std::function<std::unique_ptr<Protocol>(const ParamValues& settings)>;

struct ProtocolInfo {
  std::string name;
  std::string summary;  // one line
  std::string source;   // paper / tool whose rules it follows
  std::vector<ParamSpec> settings;
  ProtocolFactory factory;
};

using ProtocolRegistry = Registry<ProtocolInfo>;
// The process-wide registry (registry.hpp says why it is one), starting with the built-ins:
// alternating, sao, mediated, issue_by_issue.
ProtocolRegistry& protocol_registry();
// Adds a user's protocol. Throws parley::Error (field "protocol") when the name is taken.
// REQUIRES: info.factory is set; the specs' defaults are valid.
void register_protocol(ProtocolInfo info);
// Every registered protocol, in registration order (built-ins first).
std::vector<const ProtocolInfo*> protocol_catalog();

}  // namespace parley
