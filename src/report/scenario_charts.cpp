// The charts of a scenario's report (scenario_charts.hpp).
#include "parley/report/scenario_charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "chart_parts.hpp"

namespace parley {

using nlohmann::json;

namespace {

std::string actor_label(const Scenario& scenario, std::size_t actor) { return scenario.actors[actor].name; }

const char* solution_name(std::size_t k) {
  static const char* const kNames[] = {"Nash", "Kalai-Smorodinsky", "utilitarian", "egalitarian"};
  return kNames[k];
}

}  // namespace

Chart positions_chart(const Scenario& scenario, std::size_t issue_index) {
  const Issue& issue = scenario.issues[issue_index];
  const bool discrete = issue.kind == IssueKind::discrete;
  Chart chart;
  chart.kind = "positions";
  chart.title = "Positions on " + issue.name;
  chart.caption = " Each actor with a stake, at its position; the area of its mark is capability × salience.";
  chart.data.header = {"actor", "position", "salience", "capability", "capability × salience"};
  json values = json::array();
  for (std::size_t a = 0; a < scenario.actors.size(); ++a) {
    const Actor& actor = scenario.actors[a];
    if (actor.uses_rectangles()) continue;
    const Stance& stance = actor.stances[issue_index];
    if (!stance.has_stake()) continue;
    const double weight = actor.capability * stance.salience;
    json row = {{"actor", actor.name}, {"salience", stance.salience}, {"capability", actor.capability}, {"weight", weight}};
    std::string position_text;
    if (discrete) {
      const auto v = static_cast<std::size_t>(std::clamp<long>(std::lround(stance.position), 0, long(issue.options.size()) - 1));
      row["position"] = issue.options[v];
      position_text = issue.options[v];
    } else {
      row["position"] = stance.position;
      position_text = issue.value_text(issue.nearest_value(stance.position), Issue::TextStyle::labelled);
      if (std::abs(issue.value_number(issue.nearest_value(stance.position)) - stance.position) > 1e-9)
        position_text = number_text(stance.position, 2);
    }
    values.push_back(std::move(row));
    chart.data.rows.push_back({actor.name, position_text, number_text(stance.salience, 2),
                               number_text(actor.capability, 2), number_text(weight, 3)});
  }
  json x = {{"field", "position"}, {"title", issue.name}};
  if (discrete) {
    x["type"] = issue.ordered ? "ordinal" : "nominal";
    x["scale"] = {{"domain", issue.options}};
    x["axis"] = {{"labelAngle", 0}, {"labelLimit", 160}};
  } else {
    x["type"] = "quantitative";
    x["scale"] = {{"domain", {issue.lower, issue.upper}}, {"nice", false}};
  }
  json layers = json::array();
  if (!discrete && !issue.labels.empty()) {
    json labels = json::array();
    for (const LabelledPoint& point : issue.labels) labels.push_back({{"at", point.at}, {"label", point.label}});
    layers.push_back({{"name", "labels"},
                      {"data", {{"values", labels}}},
                      {"mark", {{"type", "rule"}, {"color", "#c4c9d1"}, {"strokeDash", {3, 3}}}},
                      {"encoding", {{"x", {{"field", "at"}, {"type", "quantitative"}}},
                                    {"tooltip", {{"field", "label"}, {"type", "nominal"}}}}}});
  }
  layers.push_back({{"name", "actors"},
                    {"mark", {{"type", "point"}, {"filled", true}, {"opacity", 0.75}}},
                    {"encoding",
                     {{"x", x},
                      {"y", {{"field", "actor"}, {"type", "nominal"}, {"title", nullptr}, {"sort", nullptr}}},
                      {"size", {{"field", "weight"}, {"type", "quantitative"}, {"title", "capability × salience"},
                                {"scale", {{"range", {30, 900}}}}}},
                      {"color", {{"field", "actor"}, {"type", "nominal"}, {"legend", nullptr}}},
                      {"tooltip", json::array({{{"field", "actor"}}, {{"field", "position"}},
                                               {{"field", "salience"}}, {{"field", "capability"}}})}}}});
  chart.spec = vega_lite_spec(chart.title, values, 480, int(std::max<std::size_t>(2, values.size())) * 30 + 20);
  chart.spec["layer"] = layers;
  return chart;
}

Chart frontier_chart(const Scenario& scenario, const StageResult& stage) {
  const Analysis& analysis = *stage.analysis;
  const std::vector<std::size_t>& parties = stage.analysis_parties;
  const Stage& definition = scenario.stages[stage.stage];
  Chart chart;
  chart.kind = "frontier";
  chart.title = "Pareto frontier of " + definition.name;
  const std::vector<std::size_t> shown = even_sample(analysis.pareto.size(), kMaxFrontierPoints);
  chart.caption = fmt::format(" {} Pareto-optimal outcome{} for {}{}, with the bargaining solutions{}.",
                              analysis.pareto.size(), analysis.pareto.size() == 1 ? "" : "s",
                              join_names(scenario, parties),
                              shown.size() < analysis.pareto.size()
                                  ? fmt::format(" ({} of them drawn, evenly spread along the frontier)", shown.size())
                                  : "",
                              stage.agreement ? " and the agreement" : "");
  std::vector<std::string> agenda, decided;
  for (std::size_t i : stage.agenda.issues) agenda.push_back(scenario.issues[i].id);
  for (std::size_t i : stage.agenda.decided) decided.push_back(scenario.issues[i].id);
  chart.caption += fmt::format(" Over the agenda as negotiated: {}{}.", fmt::join(agenda, ", "),
                               decided.empty() ? "" : fmt::format(" ({} decided earlier)", fmt::join(decided, ", ")));
  // Points: the frontier, then the solutions, then the agreement, each as one utility vector.
  struct Point {
    std::string kind;
    std::string label;
    std::vector<double> utilities;
  };
  std::vector<Point> points;
  for (std::size_t k : shown) points.push_back({"frontier", fmt::format("P{}", k + 1), analysis.pareto[k].utilities});
  const std::optional<ScoredOutcome>* solutions[] = {&analysis.nash, &analysis.kalai_smorodinsky, &analysis.utilitarian,
                                                     &analysis.egalitarian};
  for (std::size_t k = 0; k < 4; ++k)
    if (*solutions[k]) points.push_back({"solution", solution_name(k), (*solutions[k])->utilities});
  if (stage.agreement) {
    std::vector<double> agreed;
    for (std::size_t p : parties)
      for (const ActorUtility& u : stage.utilities)
        if (u.actor == p) agreed.push_back(u.utility);
    if (agreed.size() == parties.size()) points.push_back({"agreement", "agreement", agreed});
  }
  chart.data.header = {"point"};
  for (std::size_t p : parties) chart.data.header.push_back("u(" + actor_label(scenario, p) + ")");
  for (const Point& point : points) {
    std::vector<std::string> row{point.label};
    for (double u : point.utilities) row.push_back(number_text(u, 3));
    chart.data.rows.push_back(std::move(row));
  }
  const json solution_colors = {{"domain", {"Nash", "Kalai-Smorodinsky", "utilitarian", "egalitarian", "agreement"}},
                                {"range", {"#d62728", "#9467bd", "#2ca02c", "#ff7f0e", "#111111"}}};
  json values = json::array();
  if (parties.size() == 2) {
    const std::string x_title = "utility of " + actor_label(scenario, parties[0]);
    const std::string y_title = "utility of " + actor_label(scenario, parties[1]);
    for (const Point& point : points)
      values.push_back({{"kind", point.kind}, {"label", point.label}, {"a", point.utilities[0]}, {"b", point.utilities[1]}});
    const json x = {{"field", "a"}, {"type", "quantitative"}, {"title", x_title}, {"scale", {{"domain", {0, 1}}}}};
    const json y = {{"field", "b"}, {"type", "quantitative"}, {"title", y_title}, {"scale", {{"domain", {0, 1}}}}};
    const json tooltip = json::array({{{"field", "label"}}, {{"field", "a"}, {"format", ".3f"}}, {{"field", "b"}, {"format", ".3f"}}});
    chart.spec = vega_lite_spec(chart.title, values, 420, 420);
    chart.spec["layer"] = json::array(
        {{{"name", "frontier"},
          {"transform", {{{"filter", "datum.kind === 'frontier'"}}}},
          {"mark", {{"type", "point"}, {"filled", true}, {"size", 28}, {"color", "#4c78a8"}, {"opacity", 0.8}}},
          {"encoding", {{"x", x}, {"y", y}, {"tooltip", tooltip}}}},
         {{"name", "solutions"},
          {"transform", {{{"filter", "datum.kind === 'solution'"}}}},
          {"mark", {{"type", "point"}, {"shape", "diamond"}, {"size", 150}, {"filled", true}}},
          {"encoding", {{"x", x}, {"y", y}, {"color", {{"field", "label"}, {"type", "nominal"}, {"title", nullptr},
                                                       {"scale", solution_colors}}},
                        {"tooltip", tooltip}}}},
         {{"name", "agreement"},
          {"transform", {{{"filter", "datum.kind === 'agreement'"}}}},
          {"mark", {{"type", "point"}, {"shape", "cross"}, {"size", 220}, {"filled", true}, {"color", "#111111"}}},
          {"encoding", {{"x", x}, {"y", y}, {"tooltip", tooltip}}}}});
    return chart;
  }
  // Parallel coordinates: one line per point across the parties.
  for (const Point& point : points)
    for (std::size_t p = 0; p < parties.size(); ++p)
      values.push_back({{"kind", point.kind},
                        {"label", point.label},
                        {"party", actor_label(scenario, parties[p])},
                        {"order", p},
                        {"utility", point.utilities[p]}});
  std::vector<std::string> party_names;
  for (std::size_t p : parties) party_names.push_back(actor_label(scenario, p));
  const json x = {{"field", "party"}, {"type", "nominal"}, {"title", nullptr}, {"scale", {{"domain", party_names}}},
                  {"axis", {{"labelAngle", 0}}}};
  const json y = {{"field", "utility"}, {"type", "quantitative"}, {"title", "utility"}, {"scale", {{"domain", {0, 1}}}}};
  const json tooltip = json::array({{{"field", "label"}}, {{"field", "party"}}, {{"field", "utility"}, {"format", ".3f"}}});
  chart.spec = vega_lite_spec(chart.title, values, int(std::max<std::size_t>(3, parties.size())) * 140, 360);
  chart.spec["layer"] = json::array(
      {{{"name", "frontier"},
        {"transform", {{{"filter", "datum.kind === 'frontier'"}}}},
        {"mark", {{"type", "line"}, {"color", "#4c78a8"}, {"opacity", 0.25}, {"strokeWidth", 1}}},
        {"encoding", {{"x", x}, {"y", y}, {"detail", {{"field", "label"}}}, {"order", {{"field", "order"}}},
                      {"tooltip", tooltip}}}},
       {{"name", "solutions"},
        {"transform", {{{"filter", "datum.kind === 'solution'"}}}},
        {"mark", {{"type", "line"}, {"strokeWidth", 2.5}, {"point", true}}},
        {"encoding", {{"x", x}, {"y", y}, {"order", {{"field", "order"}}},
                      {"color", {{"field", "label"}, {"type", "nominal"}, {"title", nullptr}, {"scale", solution_colors}}},
                      {"tooltip", tooltip}}}},
       {{"name", "agreement"},
        {"transform", {{{"filter", "datum.kind === 'agreement'"}}}},
        {"mark", {{"type", "line"}, {"strokeWidth", 3}, {"color", "#111111"}, {"strokeDash", {6, 3}}, {"point", true}}},
        {"encoding", {{"x", x}, {"y", y}, {"order", {{"field", "order"}}}, {"tooltip", tooltip}}}}});
  return chart;
}

Chart dance_chart(const Scenario& scenario, const StagedResult& result, std::size_t position) {
  const StageResult& stage = result.stages[position];
  const Stage& definition = scenario.stages[stage.stage];
  Chart chart;
  chart.kind = "dance";
  chart.title = "Negotiation dance in " + definition.name;
  std::vector<const TraceRecord*> offers;
  for (const TraceRecord& record : result.trace)
    if (record.stage == stage.stage && record.kind == RecordKind::offer && record.sender && !record.utilities.empty())
      offers.push_back(&record);
  const std::vector<std::size_t> shown = even_sample(offers.size(), kMaxDanceOffers);
  chart.caption = fmt::format(
      " Every offer{} made at the table, round by round: each line is one actor's utility of the offers, the mark "
      "shape says who made the offer.{}",
      shown.size() < offers.size() ? fmt::format(" ({} of {}, evenly spread over the rounds)", shown.size(), offers.size())
                                   : "",
      offers.empty() ? " No offer was made in this stage." : "");
  chart.data.header = {"round", "offer by"};
  for (std::size_t a : stage.stakeholders) chart.data.header.push_back("u(" + actor_label(scenario, a) + ")");
  json values = json::array();
  for (std::size_t k : shown) {
    const TraceRecord& record = *offers[k];
    std::vector<std::string> row{std::to_string(record.round + 1), actor_label(scenario, *record.sender)};
    for (std::size_t s = 0; s < stage.stakeholders.size() && s < record.utilities.size(); ++s) {
      values.push_back({{"round", record.round + 1},
                        {"proposer", actor_label(scenario, *record.sender)},
                        {"actor", actor_label(scenario, stage.stakeholders[s])},
                        {"utility", record.utilities[s]}});
      row.push_back(number_text(record.utilities[s], 3));
    }
    chart.data.rows.push_back(std::move(row));
  }
  chart.spec = vega_lite_spec(chart.title, values, 560, 300);
  chart.spec["layer"] = json::array(
      {{{"name", "lines"},
        {"mark", {{"type", "line"}, {"opacity", 0.5}}},
        {"encoding", {{"x", {{"field", "round"}, {"type", "quantitative"}, {"title", "round"}}},
                      {"y", {{"field", "utility"}, {"type", "quantitative"}, {"scale", {{"domain", {0, 1}}}}}},
                      {"color", {{"field", "actor"}, {"type", "nominal"}, {"title", "utility of"}}},
                      {"detail", {{"field", "proposer"}}}}}},
       {{"name", "offers"},
        {"mark", {{"type", "point"}, {"filled", true}, {"size", 30}}},
        {"encoding", {{"x", {{"field", "round"}, {"type", "quantitative"}}},
                      {"y", {{"field", "utility"}, {"type", "quantitative"}}},
                      {"color", {{"field", "actor"}, {"type", "nominal"}, {"title", "utility of"}}},
                      {"shape", {{"field", "proposer"}, {"type", "nominal"}, {"title", "offer by"}}},
                      {"tooltip", json::array({{{"field", "round"}}, {{"field", "proposer"}}, {{"field", "actor"}},
                                               {{"field", "utility"}, {"format", ".3f"}}})}}}}});
  return chart;
}

Chart forecast_chart(const Scenario& scenario, std::size_t issue_index, std::size_t dimension,
                     const std::vector<ModelForecast>& models) {
  const Issue& issue = scenario.issues[issue_index];
  Chart chart;
  chart.kind = "forecast";
  chart.title = "Forecasts of " + issue.name;
  bool any_interval = false;
  for (const ModelForecast& m : models) any_interval = any_interval || !m.intervals.empty();
  chart.caption = any_interval ? " Each model's forecast; the bar is its 80% interval over scenarios drawn from the "
                                 "uncertainty section."
                               : " Each model's forecast.";
  chart.data.header = {"model", "forecast"};
  if (any_interval) chart.data.header.insert(chart.data.header.end(), {"p10", "p90"});
  json values = json::array();
  for (const ModelForecast& m : models) {
    if (!m.forecast) continue;
    const double value = m.forecast->outcome[dimension];
    if (!std::isfinite(value)) continue;
    json row = {{"model", m.model}, {"forecast", value}};
    std::vector<std::string> cells{m.model, number_text(value, 2)};
    if (any_interval) {
      if (!m.intervals.empty() && m.intervals[dimension].count > 0) {
        row["p10"] = m.intervals[dimension].p10;
        row["p90"] = m.intervals[dimension].p90;
        cells.push_back(number_text(m.intervals[dimension].p10, 2));
        cells.push_back(number_text(m.intervals[dimension].p90, 2));
      } else {
        cells.insert(cells.end(), {"-", "-"});
      }
    }
    values.push_back(std::move(row));
    chart.data.rows.push_back(std::move(cells));
  }
  const double lower = issue.kind == IssueKind::discrete ? 0.0 : issue.lower;
  const double upper = issue.kind == IssueKind::discrete ? issue.scale_length() : issue.upper;
  std::string title = issue.name;
  if (issue.kind == IssueKind::discrete) title += " (0 = " + issue.options.front() + ", " +
                                                  number_text(upper, 0) + " = " + issue.options.back() + ")";
  const json x = {{"field", "forecast"}, {"type", "quantitative"}, {"title", title},
                  {"scale", {{"domain", {lower, upper}}, {"nice", false}}}};
  const json y = {{"field", "model"}, {"type", "nominal"}, {"title", nullptr}, {"sort", nullptr}};
  chart.spec = vega_lite_spec(chart.title, values, 480, int(std::max<std::size_t>(2, values.size())) * 28 + 20);
  json layers = json::array();
  if (any_interval)
    layers.push_back({{"name", "intervals"},
                      {"transform", {{{"filter", "isValid(datum.p10)"}}}},
                      {"mark", {{"type", "rule"}, {"strokeWidth", 3}, {"color", "#9ecae9"}}},
                      {"encoding", {{"x", {{"field", "p10"}, {"type", "quantitative"}}},
                                    {"x2", {{"field", "p90"}}},
                                    {"y", y}}}});
  layers.push_back({{"name", "forecasts"},
                    {"mark", {{"type", "point"}, {"filled", true}, {"size", 90}, {"color", "#1f4e79"}}},
                    {"encoding", {{"x", x}, {"y", y},
                                  {"tooltip", json::array({{{"field", "model"}}, {{"field", "forecast"}, {"format", ".2f"}}})}}}});
  chart.spec["layer"] = layers;
  return chart;
}

Chart history_chart(const ActorTable& table, const std::string& model, const Forecast& forecast) {
  Chart chart;
  chart.kind = "history";
  chart.title = "How positions move in " + model;
  const std::size_t dimensions = table.dimension_count();
  chart.caption = fmt::format(" Each actor's position round by round (0 = the input), {} rounds; {}.",
                              forecast.rounds.size() - 1, forecast.stop_reason);
  chart.data.header = {"round", "issue"};
  for (const std::string& actor : table.actors) chart.data.header.push_back(actor);
  json values = json::array();
  for (std::size_t round = 0; round < forecast.rounds.size(); ++round)
    for (std::size_t d = 0; d < dimensions; ++d) {
      std::vector<std::string> row{std::to_string(round), table.dimensions[d]};
      for (std::size_t a = 0; a < table.actor_count(); ++a) {
        const double position = forecast.rounds[round][a * dimensions + d];
        values.push_back({{"round", round}, {"issue", table.dimensions[d]}, {"actor", table.actors[a]}, {"position", position}});
        row.push_back(number_text(position, 2));
      }
      chart.data.rows.push_back(std::move(row));
    }
  chart.spec = vega_lite_spec(chart.title, values, 0, 0);
  chart.spec["facet"] = {{"field", "issue"}, {"type", "nominal"}, {"title", nullptr}, {"sort", table.dimensions}};
  chart.spec["columns"] = 3;
  chart.spec["resolve"] = {{"scale", {{"y", "independent"}}}};
  chart.spec["spec"] = {{"width", 220},
                        {"height", 140},
                        {"layer", json::array({{{"name", "positions"},
                                                {"mark", {{"type", "line"}, {"point", false}}},
                                                {"encoding", {{"x", {{"field", "round"}, {"type", "quantitative"}}},
                                                              {"y", {{"field", "position"}, {"type", "quantitative"},
                                                                     {"scale", {{"zero", false}}}}},
                                                              {"color", {{"field", "actor"}, {"type", "nominal"}}},
                                                              {"tooltip", json::array({{{"field", "actor"}}, {{"field", "round"}},
                                                                                       {{"field", "position"}, {"format", ".2f"}}})}}}}})}};
  return chart;
}

Chart variants_chart(const Scenario& scenario, const std::vector<VariantOutcome>& variants) {
  Chart chart;
  chart.kind = "variants";
  chart.title = "Each actor's overall utility, variant by variant";
  chart.caption = " The salience-weighted mean of each actor's discounted utility over the stages it has a stake in, "
                  "in the scenario as written (base) and in each variant.";
  chart.data.header = {"actor"};
  for (const VariantOutcome& v : variants) chart.data.header.push_back(v.variant);
  json values = json::array();
  for (std::size_t a = 0; a < scenario.actors.size(); ++a) {
    std::vector<std::string> row{scenario.actors[a].name};
    bool any = false;
    for (const VariantOutcome& v : variants) {
      const double u = a < v.overall.size() ? v.overall[a] : std::nan("");
      row.push_back(std::isfinite(u) ? number_text(u, 3) : "-");
      if (!std::isfinite(u)) continue;
      any = true;
      values.push_back({{"actor", scenario.actors[a].name}, {"variant", v.variant}, {"utility", u}});
    }
    if (any) chart.data.rows.push_back(std::move(row));
  }
  std::vector<std::string> order;
  for (const VariantOutcome& v : variants) order.push_back(v.variant);
  chart.spec = vega_lite_spec(chart.title, values, 0, 0);
  chart.spec["layer"] = json::array(
      {{{"name", "utilities"},
        {"mark", {{"type", "bar"}}},
        {"encoding", {{"y", {{"field", "actor"}, {"type", "nominal"}, {"title", nullptr}, {"sort", nullptr}}},
                      {"yOffset", {{"field", "variant"}, {"sort", order}}},
                      {"x", {{"field", "utility"}, {"type", "quantitative"}, {"scale", {{"domain", {0, 1}}}}}},
                      {"color", {{"field", "variant"}, {"type", "nominal"}, {"sort", order}}},
                      {"tooltip", json::array({{{"field", "actor"}}, {{"field", "variant"}},
                                               {{"field", "utility"}, {"format", ".3f"}}})}}}}});
  chart.spec["width"] = 480;
  chart.spec["height"] = {{"step", 12}};
  return chart;
}

}  // namespace parley
