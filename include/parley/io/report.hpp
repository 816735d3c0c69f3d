#pragma once
// Report blocks: the story a command tells, as data. `parley negotiate` and `parley analyze`
// print their narrative from these blocks; an HTML report or the Python package can render
// the same blocks, so every front end tells the same story from the same code.
//
// A report is a list of blocks in reading order:
//   ReportHeading  a section title (text renderers put a blank line before it);
//   ReportLine     one line of prose at an indentation level (0 = flush left);
//   ReportPairs    label/value lines with the labels aligned (e.g. an outcome, issue by issue);
//   ReportTable    a table: a header row and rows of cells, all text.
// Numbers are already formatted (three decimals for utilities, the issue's own words for
// values), so every renderer shows the same figures.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "parley/core/analysis.hpp"
#include "parley/core/scenario.hpp"
#include "parley/core/win_set.hpp"
#include "parley/negotiate/staged.hpp"

namespace parley {

struct ReportHeading {
  std::string text;
};
struct ReportLine {
  int indent = 0;  // levels (a text renderer uses two spaces per level)
  std::string text;
};
struct ReportPairs {
  int indent = 0;
  std::vector<std::pair<std::string, std::string>> rows;  // label, value
};
struct ReportTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each at most header.size() cells
};
using ReportBlock = std::variant<ReportHeading, ReportLine, ReportPairs, ReportTable>;
using Report = std::vector<ReportBlock>;

// "boulware for every actor", or "us conceder, ru boulware, ..." when they differ.
std::string strategy_summary(const Scenario& scenario, const std::vector<std::string>& strategies);

// The narrative of a staged negotiation: the run's strategies and clock, then per stage who
// sat at the table, the agenda, how it ended and why, ratification, utilities and efficiency;
// then the final outcome per issue and each actor's overall utility.
// REQUIRES: `result` came from run_staged(scenario, ...).
Report negotiation_report(const Scenario& scenario, const StagedResult& result);

}  // namespace parley

namespace parley {

// How the analysis narrative names what the front end offers; the CLI passes its flags
// ("--outcome", "use --stage", "--json for all", " (--max-search-nodes)").
struct AnalysisReportOptions {
  std::size_t show_pareto = 10;  // frontier points listed, spread over its extent
  std::string probe = "probe";  // the label of the outcome placed against the solutions
  std::string other_stages = "see";  // "(other stages: <other_stages> b | c)"
  std::string whole_frontier = "all in the JSON document";  // "...by a's utility; <whole_frontier>)"
  std::string budget_hint;  // appended to the "Not exact" line
};

// The analysis of one stage: its space and parties, the method (and whether it is exact),
// the bargaining solutions and welfare optima (and the probe, with its distances), the
// win-set (its size, the table's, each party's acceptance and each ratifier's veto, the best
// points inside it; when empty, which ratifier empties it and on which issues), and a spread
// of Pareto points. Stages with more than 8 issues list the solutions transposed (issues as
// rows) and the frontier as utilities only.
// Issues of `space` that are not the stage's own are named as linked in.
// REQUIRES: `analysis` computed for `parties` over `space`, an agenda of stage `stage`, and
// `win_set` from it; `probe`, if any, scored for the same parties.
Report analysis_report(const Scenario& scenario, std::size_t stage, const std::vector<std::size_t>& parties,
                       const OutcomeSpace& space, const Analysis& analysis, const WinSet& win_set,
                       const std::optional<ScoredOutcome>& probe, const AnalysisReportOptions& options = {});

}  // namespace parley
