// The report layer: the page contract the browser tests rely on, escaping of every text
// from input, and the flagship's charts against the results they draw.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>

#include "parley/io/load.hpp"
#include "parley/negotiate/staged.hpp"
#include "parley/report/html_page.hpp"
#include "parley/report/scenario_charts.hpp"
#include "parley/report/scenario_report.hpp"

namespace parley {
namespace {

const std::string kFlagship = std::string(PARLEY_SOURCE_DIR) + "/scenarios/talks-2025.yaml";
const std::string kHostile = "</script><script>alert(1)</script>";

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

TEST(HtmlPage, EscapesEveryTextFromInput) {
  EXPECT_EQ(html_escape("<b a=\"x\">Tom & 'Jerry'</b>"), "&lt;b a=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;");
  HtmlPage page(kHostile, kHostile);
  page.heading(kHostile);
  page.paragraph(kHostile);
  page.table({{kHostile}, {{kHostile}}});
  page.blocks({ReportLine{1, kHostile}, ReportPairs{0, {{kHostile, kHostile}}}});
  Chart chart{"positions", kHostile, kHostile, {{"data", {{"values", {{{"actor", kHostile}}}}}}}, {{kHostile}, {{kHostile}}}};
  page.chart(chart);
  const std::string html = page.html();
  EXPECT_EQ(html.find("<script>alert(1)"), std::string::npos);
  EXPECT_EQ(html.find("</script><script>alert"), std::string::npos);
  EXPECT_GE(count(html, "&lt;script&gt;alert(1)&lt;/script&gt;"), 8u);
  // The spec inside its <script> element still reads back as the same JSON.
  const std::regex spec_element(R"re(<script type="application/json" class="chart-spec" data-for="chart-1">([^<]*)</script>)re");
  std::smatch match;
  ASSERT_TRUE(std::regex_search(html, match, spec_element));
  EXPECT_EQ(nlohmann::json::parse(match[1].str()), chart.spec);
}

TEST(HtmlPage, FollowsThePageContract) {
  HtmlPage page("t", "sha256:abc");
  page.chart({"dance", "a", "", {{"mark", "point"}}, {{"x"}, {{"1"}, {"2"}}}});
  page.chart({"frontier", "b", "", {{"mark", "point"}}, {{"x"}, {{"1"}}}});
  const std::string html = page.html();
  EXPECT_NE(html.find("<body data-parley-version=\"" PARLEY_VERSION "\" data-scenario-hash=\"sha256:abc\">"), std::string::npos);
  EXPECT_NE(html.find("<figure class=\"chart\" id=\"chart-1\" data-chart=\"dance\">"), std::string::npos);
  EXPECT_NE(html.find("<figure class=\"chart\" id=\"chart-2\" data-chart=\"frontier\">"), std::string::npos);
  EXPECT_EQ(count(html, "<div class=\"chart-view\"></div>"), 2u);
  EXPECT_EQ(count(html, "<table class=\"chart-data\">"), 2u);
  EXPECT_EQ(count(html, "class=\"chart-spec\""), 2u);
  EXPECT_NE(html.find("window.parleyReport"), std::string::npos) << "the loader is inlined";
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  EXPECT_EQ(html.find("href=\"http"), std::string::npos);
}

class FlagshipReport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scenario_ = new Scenario(load_scenario(kFlagship));
    std::vector<Scenario> variants;
    for (const VariantSummary& v : scenario_->variants) variants.push_back(load_scenario(kFlagship, v.id));
    page_ = new HtmlPage(scenario_report(*scenario_, variants));
  }
  static void TearDownTestSuite() {
    delete page_;
    delete scenario_;
  }
  static std::vector<const Chart*> of_kind(const std::string& kind) {
    std::vector<const Chart*> charts;
    for (const Chart& chart : page_->charts())
      if (chart.kind == kind) charts.push_back(&chart);
    return charts;
  }
  static Scenario* scenario_;
  static HtmlPage* page_;
};
Scenario* FlagshipReport::scenario_ = nullptr;
HtmlPage* FlagshipReport::page_ = nullptr;

TEST_F(FlagshipReport, HasEveryChartTheIssueNames) {
  EXPECT_EQ(of_kind("positions").size(), scenario_->issues.size());
  EXPECT_EQ(of_kind("frontier").size(), scenario_->stages.size());
  EXPECT_EQ(of_kind("dance").size(), scenario_->stages.size());
  EXPECT_EQ(of_kind("forecast").size(), scenario_->issues.size());  // every flagship issue has a scale
  EXPECT_EQ(of_kind("history").size(), 2u);                          // smp and eum
  EXPECT_EQ(of_kind("variants").size(), 1u);
}

TEST_F(FlagshipReport, PositionsHaveOneRowPerActorWithAStake) {
  const auto charts = of_kind("positions");
  for (std::size_t i = 0; i < scenario_->issues.size(); ++i) {
    std::size_t stakes = 0;
    for (const Actor& actor : scenario_->actors) stakes += actor.stances[i].has_stake();
    EXPECT_EQ(charts[i]->data.rows.size(), stakes) << scenario_->issues[i].id;
    EXPECT_EQ(charts[i]->spec["data"]["values"].size(), stakes);
  }
}

TEST_F(FlagshipReport, FrontierAndDanceDrawWhatTheRunFound) {
  StagedOptions options;
  const StagedResult result = run_staged(*scenario_, options);
  const auto frontiers = of_kind("frontier");
  const auto dances = of_kind("dance");
  for (std::size_t k = 0; k < result.stages.size(); ++k) {
    const StageResult& stage = result.stages[k];
    ASSERT_TRUE(stage.analysis);
    const std::size_t solutions = std::size_t(stage.analysis->nash.has_value()) + stage.analysis->kalai_smorodinsky.has_value() +
                                  stage.analysis->utilitarian.has_value() + stage.analysis->egalitarian.has_value();
    const std::size_t drawn = std::min(stage.analysis->pareto.size(), kMaxFrontierPoints);
    EXPECT_EQ(frontiers[k]->data.rows.size(), drawn + solutions + (stage.agreement ? 1 : 0));
    EXPECT_EQ(frontiers[k]->data.header.size(), 1 + stage.analysis_parties.size());
    std::size_t offers = 0;
    for (const TraceRecord& record : result.trace) offers += record.stage == stage.stage && record.kind == RecordKind::offer;
    EXPECT_EQ(dances[k]->data.rows.size(), std::min(offers, kMaxDanceOffers));
    EXPECT_EQ(dances[k]->spec["data"]["values"].size(), dances[k]->data.rows.size() * stage.stakeholders.size());
  }
}

TEST_F(FlagshipReport, IsTheSamePageEveryTime) {
  std::vector<Scenario> variants;
  for (const VariantSummary& v : scenario_->variants) variants.push_back(load_scenario(kFlagship, v.id));
  EXPECT_EQ(scenario_report(*scenario_, variants).html(), page_->html());
}

TEST_F(FlagshipReport, ChartSpecsCarryTheirDataInline) {
  for (const Chart& chart : page_->charts()) {
    const std::string text = chart.spec.dump();
    EXPECT_EQ(text.find("\"url\""), std::string::npos) << chart.title;
    EXPECT_TRUE(chart.spec.contains("data")) << chart.title;
  }
}

}  // namespace
}  // namespace parley
