// The protocol registry: the built-in protocols with their settings' specs (every default is
// written here, once) and make_protocol(name, settings).

#include "parley/negotiate/protocol_registry.hpp"

#include "parley/core/error.hpp"
#include "parley/negotiate/event.hpp"
#include "protocols.hpp"

namespace parley {

namespace {

void add_builtins(ProtocolRegistry& registry) {
  auto add = [&registry](std::string name, std::string summary, std::string source, std::vector<ParamSpec> settings,
                         ProtocolFactory factory) {
    registry.add(name, ProtocolInfo{name, std::move(summary), std::move(source), std::move(settings), std::move(factory)});
  };
  add("alternating", "bilateral alternating offers", "Rubinstein 1982, Econometrica; Stahl 1972",
      {ParamSpec::integer("first", 0, {0, 1}, "party index that proposes in period 0")}, &detail::make_alternating);
  add("sao", "stacked alternating offers, multilateral",
      "Aydogan, Festen, Hindriks & Jonker 2017; NegMAS SAOMechanism", {}, &detail::make_sao);
  add("mediated", "mediated single negotiation text: a mediator proposes texts, the parties vote",
      "Fisher 1978 / Raiffa 1982 ch. 14; Klein, Faratin, Sayama & Bar-Yam 2003",
      {ParamSpec::integer_or_word("mediator", "neutral", {"neutral"}, {0, double(kMaxParties - 1)},
                                  "party index (in a scenario file: an actor id) of a mediator who is also a party, or neutral"),
       ParamSpec::integer_or_word("start", "random", {"random"}, {0, double(kNoOutcome - 1)},
                                  "outcome index of the first text, or random (drawn with the session seed)")},
      &detail::make_mediated);
  add("issue_by_issue", "one issue at a time, agreed in principle; nothing agreed until everything is agreed",
      "Fershtman 1990; Bac & Raff 1996",
      {ParamSpec::integer_list("order", {0, 1e6}, "space issue positions in the order settled, e.g. 2;0;1 (default: space order)"),
       ParamSpec::integer_or_word("rounds_per_issue", "auto", {"auto"}, {1, 1e9},
                                  "rounds for each issue; auto: deadline rounds / issues, at least 1"),
       ParamSpec::choice("reopen", {"never", "once", "any"}, "once",
                         "who may reopen an agreed issue: never, once (each party at most once) or any time")},
      &detail::make_issue_by_issue);
}

}  // namespace

ProtocolRegistry& protocol_registry() {
  static ProtocolRegistry registry("protocol", "protocols");
  static const bool built_in = (add_builtins(registry), true);  // once, thread-safe
  (void)built_in;
  return registry;
}

void register_protocol(ProtocolInfo info) {
  std::string name = info.name;
  protocol_registry().add(std::move(name), std::move(info));
}

std::vector<const ProtocolInfo*> protocol_catalog() { return protocol_registry().entries(); }

std::vector<std::string> protocol_names() { return protocol_registry().names(); }

std::unique_ptr<Protocol> make_protocol(std::string_view name, const std::map<std::string, std::string>& settings) {
  const ProtocolInfo& info = protocol_registry().get(name, "protocol");
  const ParamValues values =
      parse_params(info.settings, settings,
                   ParamOwner{detail::kProtocolSettingField, "setting", "protocol", info.name, false});
  return info.factory(values);
}

}  // namespace parley
