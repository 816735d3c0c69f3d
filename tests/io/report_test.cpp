// Report blocks: the narrative of a negotiation and of an analysis as data.
#include "parley/io/report.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "parley/io/load.hpp"
#include "parley/negotiate/strategies.hpp"

namespace parley {
namespace {

const std::string kFlagship = std::string(PARLEY_TEST_DATA) + "/../../scenarios/talks-2025.yaml";
const std::string kStaged = std::string(PARLEY_TEST_DATA) + "/negotiate/staged.yaml";

bool has_line(const Report& report, const std::string& text) {
  return std::any_of(report.begin(), report.end(), [&text](const ReportBlock& block) {
    const auto* line = std::get_if<ReportLine>(&block);
    return line && line->text == text;
  });
}
bool has_heading(const Report& report, const std::string& text) {
  return std::any_of(report.begin(), report.end(), [&text](const ReportBlock& block) {
    const auto* heading = std::get_if<ReportHeading>(&block);
    return heading && heading->text == text;
  });
}
const ReportTable* table_with_header(const Report& report, const std::vector<std::string>& header) {
  for (const ReportBlock& block : report)
    if (const auto* table = std::get_if<ReportTable>(&block); table && table->header == header) return table;
  return nullptr;
}

TEST(Report, DescribeValueUsesTheIssuesWords) {
  Issue aid;
  aid.id = "aid";
  aid.lower = 0;
  aid.upper = 100;
  aid.steps = 11;
  EXPECT_EQ(aid.value_text(3, Issue::TextStyle::described), "30");
  aid.labels = {{0, "none"}, {50, "half"}, {100, "all"}};
  EXPECT_EQ(aid.value_text(5, Issue::TextStyle::described), "50 (half)");
  EXPECT_EQ(aid.value_text(3, Issue::TextStyle::described), "30 (between none and half)");
  Issue format;
  format.kind = IssueKind::discrete;
  format.options = {"closed", "open"};
  EXPECT_EQ(format.value_text(1, Issue::TextStyle::described), "open");
}

TEST(Report, StrategySummary) {
  Scenario s;
  s.actors.resize(2);
  s.actors[0].id = "us";
  s.actors[1].id = "ru";
  EXPECT_EQ(strategy_summary(s, {"boulware", "boulware"}), "boulware for every actor");
  EXPECT_EQ(strategy_summary(s, {"conceder", "boulware"}), "us conceder, ru boulware");
}

TEST(Report, NegotiationTellsEachStageAndTheOutcome) {
  Scenario scenario = load_scenario(kStaged);
  scenario.actors[*scenario.find_actor("c")].reservation_value = 0.99;  // c vetoes the truce
  StagedOptions options;
  options.default_strategy = parse_strategy("conceder");
  const StagedResult result = run_staged(scenario, options);
  const Report report = negotiation_report(scenario, result);
  ASSERT_FALSE(report.empty());
  ASSERT_TRUE(std::holds_alternative<ReportLine>(report.front()));
  EXPECT_EQ(std::get<ReportLine>(report.front()).text, scenario.name);
  const StageResult& truce = result.stages.front();
  EXPECT_TRUE(has_line(report, "Result: REJECTED — " + describe(truce.reason, scenario)));
  EXPECT_TRUE(has_line(report, "Not run: truce did not hold (rejected; on_failure: stop)."));
  EXPECT_TRUE(has_heading(report, "Final outcome"));
  const ReportTable* utilities = table_with_header(report, {"actor", "utility", "discounted", "reservation", "gain", "role"});
  ASSERT_NE(utilities, nullptr);
  EXPECT_EQ(utilities->rows.size(), truce.utilities.size());
  // The agreement at the table, issue by issue, labels aligned by the renderer.
  const bool pairs = std::any_of(report.begin(), report.end(), [](const ReportBlock& block) {
    return std::holds_alternative<ReportPairs>(block) && std::get<ReportPairs>(block).indent == 2;
  });
  EXPECT_TRUE(pairs);
}

TEST(Report, AnalysisNamesTheProbeAsTheFrontEndDoes) {
  const Scenario scenario = load_scenario(kFlagship);
  const std::size_t stage = *scenario.find_stage("truce");
  const auto parties = scenario.stage_parties(stage);
  const OutcomeSpace space = scenario.stage_space(stage);
  std::vector<CompiledUtility> utilities;
  for (std::size_t p : parties) utilities.emplace_back(scenario.actors[p], scenario.issues, space);
  const Analysis analysis = analyze(utilities, space);
  const WinSet win = win_set(utilities, stage_ratifiers(scenario, stage, parties), space, analysis);
  ScoredOutcome probe{Outcome(space.issue_count(), 0), {}};
  for (const auto& u : utilities) probe.utilities.push_back(u(probe.outcome));

  AnalysisReportOptions options;
  options.probe = "the draft";
  options.show_pareto = 3;
  const Report report = analysis_report(scenario, stage, parties, space, analysis, win, probe, options);
  ASSERT_TRUE(std::holds_alternative<ReportLine>(report.front()));
  EXPECT_EQ(std::get<ReportLine>(report.front()).text.rfind("Stage truce", 0), 0u);
  bool probe_row = false, frontier = false;
  for (const ReportBlock& block : report) {
    if (const auto* table = std::get_if<ReportTable>(&block)) {
      for (const auto& row : table->rows) probe_row = probe_row || row.front() == "the draft";
      if (table->header.size() == 1 + space.issue_count() + parties.size() && table->rows.size() == 3) frontier = true;
    }
  }
  EXPECT_TRUE(probe_row);
  EXPECT_TRUE(frontier);
  const bool distance = std::any_of(report.begin(), report.end(), [](const ReportBlock& block) {
    const auto* heading = std::get_if<ReportHeading>(&block);
    return heading && heading->text.rfind("Distance of the draft in utility space", 0) == 0;
  });
  EXPECT_TRUE(distance);
  // Without a probe there is no probe row and no distance.
  const Report plain = analysis_report(scenario, stage, parties, space, analysis, win, std::nullopt, options);
  for (const ReportBlock& block : plain) {
    if (const auto* table = std::get_if<ReportTable>(&block)) {
      for (const auto& row : table->rows) EXPECT_NE(row.front(), "the draft");
    }
  }
}

}  // namespace
}  // namespace parley
