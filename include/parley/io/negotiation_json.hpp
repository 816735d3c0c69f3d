#pragma once
// JSON forms of a staged negotiation (staged.hpp): the result document `parley negotiate
// --json` prints, and the trace as JSON Lines (`--trace OUT.jsonl`), one event per line.
// Every key is documented in docs/negotiation.md ("Results", "Trace format").

#include <string>

#include <nlohmann/json.hpp>

#include "parley/core/scenario.hpp"
#include "parley/negotiate/staged.hpp"

namespace parley {

// The whole result: the "parley" header (document_header.hpp), scenario, variant, seed, clock, strategies, stages (status, agenda,
// parties, ratification, agreement, beliefs, utilities, analysis with the win-set,
// concessions), issues (final
// outcome) and overall utilities. REQUIRES: `result` came from run_staged(scenario, ...).
nlohmann::json staged_result_to_json(const Scenario& scenario, const StagedResult& result);

// One trace record, keys in this order: seq, stage, channel, round, time, clock, kind,
// sender, addressee, outcome, issue, value, utilities, observers.
nlohmann::ordered_json trace_record_to_json(const Scenario& scenario, const StagedResult& result, std::size_t seq);

// Every trace record, one compact JSON object per line, each line ending in '\n'.
std::string trace_to_jsonl(const Scenario& scenario, const StagedResult& result);

}  // namespace parley
