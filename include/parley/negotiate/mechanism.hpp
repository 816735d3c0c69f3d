#pragma once
// Protocols (mechanisms) that run negotiators over a compiled domain, and what one run
// needs and yields. One protocol per unit in src/negotiate/, each documenting its source,
// its round semantics and its settings at the top:
//
//   "alternating"    bilateral alternating offers (Rubinstein 1982), alternating_offers.cpp
//   "sao"            stacked alternating offers, multilateral (Aydoğan et al. 2017; NegMAS
//                    SAOMechanism round semantics), sao.cpp
//   "mediated"       mediated single negotiation text (Fisher's single-text procedure;
//                    Klein et al. 2003), mediated.cpp
//   "issue_by_issue" issues settled one at a time, agreed in principle, with reopening,
//                    issue_by_issue.cpp
//
// A stage runner: compiles a CompiledDomain once for the stage's space and parties, makes a
// Protocol from the stage's protocol name and settings, creates one Negotiator per party
// (strategies.hpp), fills SessionOptions (deadline, discount clock and time offset carried
// from earlier stages, seed, visibility hook for channels, observer) and calls run().

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parley/negotiate/domain.hpp"
#include "parley/negotiate/event.hpp"
#include "parley/negotiate/negotiator.hpp"

namespace parley {

// Decides which of the `entitled` parties observe `event` (the channel layer's hook).
// The mechanism intersects the answer with `entitled`: a hook can hide, never leak.
using VisibilityHook = std::function<PartySet(const Event& event, PartySet entitled)>;
// Receives every event once its observers are final, in order (e.g. to forward what
// outsiders of a channel may see, or to stream a trace).
using EventObserver = std::function<void(const Event& event)>;

struct SessionOptions {
  Deadline deadline;  // default 100 rounds, no wall-clock limit
  DiscountClock clock = DiscountClock::rounds;
  double time_offset = 0;  // time elapsed before this negotiation (earlier stages), clock units
  // Per-party discount factors in (0, 1]; empty: each party's PartyTable::discount().
  std::vector<double> discounts;
  // Seed of the mechanism's own random choices (mediator texts); negotiators get theirs at
  // construction. Same seed and negotiators' seeds → same trace.
  std::uint64_t seed = 0;
  bool record_trace = true;  // fill NegotiationResult::trace
  // Grant every negotiator the other parties' utility tables (NegotiatorContext::
  // known_utilities). Default false: private utilities stay private.
  bool complete_information = false;
  VisibilityHook visibility;  // empty: every entitled party observes
  EventObserver observer;  // empty: none
  // Issue by issue: values agreed in principle in an earlier stage, one per space issue
  // (value index, or -1 for open). Empty: all open.
  std::vector<std::int32_t> agreed_in_principle;
};

enum class NegotiationStatus : std::uint8_t {
  agreement,  // every party accepted `agreement`
  ended,      // a party walked away (`ended_by`)
  timeout,    // the deadline passed without a binding agreement
};
std::string_view to_string(NegotiationStatus status);

struct NegotiationResult {
  NegotiationStatus status = NegotiationStatus::timeout;
  OutcomeIndex agreement = kNoOutcome;
  std::int32_t ended_by = -1;  // party that walked away, or -1
  std::int32_t rounds = 0;  // rounds begun (the round of the last action + 1)
  std::int32_t steps = 0;  // actions taken
  double time = 0;  // relative time at the end
  // Per party: utility of the agreement, or its reservation value without one.
  std::vector<double> utilities;
  // Per party: the same, discounted: u · δ^(time_offset + elapsed) with elapsed the index
  // of the final round, rounds - 1 (clock rounds: 0 when agreed in the first round) or the
  // final relative time (clock relative_time). GENIUS discounts the reservation value too;
  // so does parley.
  std::vector<double> discounted;
  // Per party: its own utility of its most conceding (lowest-for-itself) offer, NaN if it
  // made none — the basis of "who conceded most".
  std::vector<double> lowest_own_offer;
  // Issue by issue (also on failure): per space issue, the value agreed in principle or -1.
  // Empty for other protocols.
  std::vector<std::int32_t> agreed_in_principle;
  Trace trace;  // empty unless SessionOptions::record_trace

  bool agreed() const { return status == NegotiationStatus::agreement; }
};

class Protocol {
 public:
  virtual ~Protocol() = default;
  virtual std::string_view name() const = 0;
  // Runs one negotiation. REQUIRES: negotiators.size() == domain.party_count(), each a fresh
  // negotiator (not started); the parties the protocol supports (alternating: exactly 2);
  // options.discounts empty or one per party. Thread-safe: a Protocol is immutable, so one
  // object may run many negotiations at once on different negotiators.
  virtual NegotiationResult run(const CompiledDomain& domain, std::span<Negotiator* const> negotiators,
                                const SessionOptions& options) const = 0;
};

// The protocol `name` (protocol_registry.hpp) with its settings (a stage's
// `protocol_settings`), validated against its specs: `parley list protocols` lists every
// setting with its default. Throws parley::Error with field "protocol" for an unknown name and
// "protocol setting" for an unknown setting or bad value, listing the valid ones.
std::unique_ptr<Protocol> make_protocol(std::string_view name, const std::map<std::string, std::string>& settings = {});
std::vector<std::string> protocol_names();  // registered protocols, built-ins first

// Convenience: run a protocol. Same contract as Protocol::run.
inline NegotiationResult run(const Protocol& protocol, const CompiledDomain& domain,
                             std::span<Negotiator* const> negotiators, const SessionOptions& options = {}) {
  return protocol.run(domain, negotiators, options);
}

}  // namespace parley
