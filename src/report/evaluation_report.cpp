// The DEU evaluation on one page (evaluation_report.hpp).
#include "parley/report/evaluation_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "chart_parts.hpp"
#include "parley/run/sweep.hpp"

namespace parley {
namespace {

using nlohmann::json;

std::string percent_text(double share) { return std::isfinite(share) ? fmt::format("{:.1f}%", 100 * share) : "-"; }

Chart mae_chart(const Evaluation& evaluation) {
  Chart chart;
  chart.kind = "mae";
  chart.title = "Mean absolute error";
  chart.caption = " In points of a 0–100 scale, per row; cross-validated rows are scored on held-out folds only.";
  chart.data.header = {"row", "MAE", "median AE", "within 5", "within 10", "n"};
  json values = json::array();
  std::vector<std::string> order;
  for (const ModelScore& s : evaluation.scores) {
    if (s.n == 0) continue;
    order.push_back(s.name);
    values.push_back({{"row", s.name}, {"mae", s.mae}, {"cv", s.cross_validated}});
    chart.data.rows.push_back({s.name, number_text(s.mae, 2), number_text(s.median_ae, 2), percent_text(s.hit5),
                               percent_text(s.hit10), std::to_string(s.n)});
  }
  chart.spec = vega_lite_spec(chart.title, values, 420, int(order.size()) * 22 + 20);
  chart.spec["layer"] = json::array(
      {{{"name", "bars"},
        {"mark", {{"type", "bar"}}},
        {"encoding", {{"y", {{"field", "row"}, {"type", "nominal"}, {"sort", order}, {"title", nullptr}}},
                      {"x", {{"field", "mae"}, {"type", "quantitative"}, {"title", "mean absolute error (points)"}}},
                      {"color", {{"field", "cv"}, {"type", "nominal"}, {"title", "cross-validated"}}},
                      {"tooltip", json::array({{{"field", "row"}}, {{"field", "mae"}, {"format", ".2f"}}})}}}}});
  return chart;
}

Chart coverage_chart(const Evaluation& evaluation) {
  Chart chart;
  chart.kind = "coverage";
  chart.title = "Coverage of the 80% intervals, out of sample";
  chart.caption = " Share of held-out outcomes inside each row's 80% interval (the line marks the 80% goal, the band "
                  "±5 points), and the intervals' mean width.";
  chart.data.header = {"row", "coverage80", "width80", "draws", "widening per fold"};
  json values = json::array();
  std::vector<std::string> order;
  for (const ModelScore& s : evaluation.scores) {
    if (!s.coverage80) continue;
    order.push_back(s.name);
    values.push_back({{"row", s.name}, {"coverage", *s.coverage80}, {"width", s.width80.value_or(std::nan(""))}});
    chart.data.rows.push_back({s.name, percent_text(*s.coverage80), s.width80 ? number_text(*s.width80, 1) : "-",
                               std::to_string(s.interval_draws), s.interval_fitted});
  }
  const json y = {{"field", "row"}, {"type", "nominal"}, {"sort", order}, {"title", nullptr}};
  chart.spec = vega_lite_spec(chart.title, values, 420, int(std::max<std::size_t>(order.size(), 2)) * 22 + 20);
  chart.spec["layer"] = json::array(
      {{{"name", "band"},
        {"data", {{"values", json::array({{{"from", 0.75}, {"to", 0.85}}})}}},
        {"mark", {{"type", "rect"}, {"color", "#e5f0e0"}}},
        {"encoding", {{"x", {{"field", "from"}, {"type", "quantitative"}}}, {"x2", {{"field", "to"}}}}}},
       {{"name", "goal"},
        {"data", {{"values", json::array({{{"at", 0.8}}})}}},
        {"mark", {{"type", "rule"}, {"color", "#2ca02c"}, {"strokeWidth", 2}}},
        {"encoding", {{"x", {{"field", "at"}, {"type", "quantitative"}}}}}},
       {{"name", "coverage"},
        {"mark", {{"type", "point"}, {"filled", true}, {"size", 80}, {"color", "#1f4e79"}}},
        {"encoding", {{"y", y},
                      {"x", {{"field", "coverage"}, {"type", "quantitative"}, {"title", "coverage of the 80% interval"},
                             {"scale", {{"domain", {0, 1}}}}, {"axis", {{"format", "%"}}}}},
                      {"tooltip", json::array({{{"field", "row"}}, {{"field", "coverage"}, {"format", ".1%"}},
                                               {{"field", "width"}, {"format", ".1f"}}})}}}}});
  return chart;
}

Chart errors_chart(const Evaluation& evaluation, const std::vector<EvaluationCase>& cases) {
  Chart chart;
  chart.kind = "errors";
  chart.title = "Errors case by case";
  chart.caption = fmt::format(" Each row's absolute error on each of the {} cases (points): the box spans the "
                              "quartiles, the tick is the median, the whiskers reach the smallest and largest error. "
                              "The table lists every case.",
                              cases.size());
  json values = json::array();
  std::vector<std::string> order;
  std::vector<const ModelScore*> rows;
  for (const ModelScore& s : evaluation.scores) {
    const FiveNumbers f = five_numbers(s.case_errors);
    if (f.n == 0) continue;
    order.push_back(s.name);
    rows.push_back(&s);
    json row = five_numbers_json(f);
    row["row"] = s.name;
    values.push_back(std::move(row));
  }
  chart.data.header = {"case"};
  for (const ModelScore* s : rows) chart.data.header.push_back(s->name);
  for (std::size_t k = 0; k < cases.size(); ++k) {
    std::vector<std::string> row{cases[k].id};
    for (const ModelScore* s : rows) row.push_back(k < s->case_errors.size() ? number_text(s->case_errors[k], 1) : "-");
    chart.data.rows.push_back(std::move(row));
  }
  chart.spec = vega_lite_spec(chart.title, values, 420, int(order.size()) * 22 + 20);
  chart.spec["layer"] = box_plot_layers("row", order, {{"title", "absolute error (points)"}}, ".1f");
  return chart;
}

}  // namespace

HtmlPage evaluation_report(const Evaluation& evaluation, const std::vector<EvaluationCase>& cases,
                           const std::vector<std::string>& sources, const std::string& data_hash) {
  HtmlPage page("Forecast evaluation — parley report", data_hash);
  page.heading("How well the forecast models did", 1);
  page.paragraph(fmt::format("{} cases with a known outcome: {}.", evaluation.cases, fmt::join(sources, "; ")));
  page.note(evaluation.folds ? fmt::format("Errors in points of a 0–100 scale; {}-fold cross-validation, seed {}.",
                                           evaluation.folds, evaluation.seed)
                             : std::string("Errors in points of a 0–100 scale; no cross-validation (no intervals)."));
  ReportTable scores{{"row", "description", "n", "MAE", "median AE", "within 10", "coverage80", "width80", "fitted"}, {}};
  for (const ModelScore& s : evaluation.scores)
    scores.rows.push_back({s.name, s.description, std::to_string(s.n), number_text(s.mae, 2), number_text(s.median_ae, 2),
                           percent_text(s.hit10), s.coverage80 ? percent_text(*s.coverage80) : "-",
                           s.width80 ? number_text(*s.width80, 1) : "-", s.fitted});
  page.heading("Scores");
  page.table(scores);
  for (const std::string& note : evaluation.notes) page.note(note);
  page.heading("Errors");
  page.chart(mae_chart(evaluation));
  page.chart(errors_chart(evaluation, cases));
  bool any_coverage = false;
  for (const ModelScore& s : evaluation.scores) any_coverage = any_coverage || s.coverage80.has_value();
  if (any_coverage) {
    page.heading("Interval coverage");
    page.chart(coverage_chart(evaluation));
  }
  return page;
}

}  // namespace parley
