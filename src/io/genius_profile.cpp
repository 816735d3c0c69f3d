// GENIUS profiles (root <utility_space>): one party's utility function.
//
// Semantics follow GENIUS (genius.core.utility):
// - Linear-additive profiles: u = Σ_issue weight × evaluation(value).
//   Discrete issues (EvaluatorDiscrete): evaluation = item evaluation / the issue's largest
//   evaluation (0 when that maximum is below 1e-5). Items are matched to the domain's values
//   by their `value` text; a value listed twice takes its later evaluation (a note says so).
//   Integer issues (EvaluatorInteger): evaluation = clamp(slope·(x − lowerbound) + offset, 0, 1)
//   from <evaluator ftype="linear" slope=".." offset="..">; no evaluator: 0.
//   Real issues (EvaluatorReal): clamp(parameter1·x + parameter0, 0, 1) for ftype="linear",
//   parameter0 for ftype="constant"; evaluated on the issue's grid (kRealIssueSteps points).
//   Weights are kept as given as the actor's saliences, with Weights::raw: u = min(1, Σ ...),
//   as GENIUS's AdditiveUtilitySpace.getUtility computes it. With normalise_weights they are
//   divided by their sum instead (Weights::normalised); the note says when that differs.
// - Nonlinear profiles (type="nonlinear"): u = Σ utilities of the satisfied hyper-rectangles
//   of the first <ufun> (and the <ufun>s nested in it, sum aggregation, each scaled by its
//   weight) / maxutility. <INCLUDES> rectangles pay when every bound holds, <EXCLUDES> ones
//   when any bound is violated. Bounds are issue values; they become value indices.
//   GENIUS's NonlinearUtilitySpace.getUtility caps this at 1 as well (Weights::raw); it
//   matters where maxutility is below the largest reachable total (y2014 10issuesDiscounted).
// - <reservation value> is the reservation value (0 when absent); <discount_factor value>
//   the discount, where GENIUS reads a factor outside (0, 1] as "no discount" (1).

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "genius_detail.hpp"

namespace parley::genius_detail {

namespace {

using Notes = std::vector<std::string>;

void read_reservation_and_discount(const XmlFile& file, Actor& actor, Notes& notes) {
  if (const pugi::xml_node node = first_descendant(file.root(), "reservation"))
    actor.reservation_value = file.number(node, "value");
  if (const pugi::xml_node node = first_descendant(file.root(), "discount_factor")) {
    const double factor = file.number(node, "value");
    // GENIUS AbstractUtilitySpace.validateDiscount: outside (0, 1] means no discounting.
    actor.discount = factor <= 0 || factor > 1 ? 1.0 : factor;
    if (factor < 0 || factor > 1)
      notes.push_back(
          fmt::format("discount_factor {} is outside [0, 1]: read as 1 (no discount), as GENIUS does", factor));
  }
}

// ---- linear-additive profiles -------------------------------------------------------------

// The <issue>, <weight> and <objective> elements of a profile, by GENIUS index.
struct ProfileElements {
  std::map<long long, pugi::xml_node> issues;
  std::map<long long, pugi::xml_node> weights;
  std::set<long long> objectives;
};

ProfileElements collect_elements(const XmlFile& file, pugi::xml_node objective) {
  ProfileElements elements;
  if (objective.attribute("index")) elements.objectives.insert(file.integer(objective, "index"));
  for_each_descendant(objective, [&](pugi::xml_node node) {
    const std::string_view tag = node.name();
    if (tag == "objective") {
      check_objective_depth(file, node, objective);
      if (node.attribute("index")) elements.objectives.insert(file.integer(node, "index"));
      return true;
    }
    if (tag == "issue" || tag == "weight") {
      auto& table = tag == "issue" ? elements.issues : elements.weights;
      const long long index = file.integer(node, "index");
      if (!table.emplace(index, node).second)
        throw file.error(node, fmt::format("two <{}> elements have index {}", tag, index));
    }
    return false;
  });
  return elements;
}

double clamp01(double x) { return std::clamp(x, 0.0, 1.0); }

std::vector<double> discrete_values(const XmlFile& file, pugi::xml_node node, const Issue& issue, Notes& notes) {
  std::map<std::string_view, std::size_t> option_index;
  for (std::size_t k = 0; k < issue.options.size(); ++k) option_index.emplace(issue.options[k], k);

  std::vector<std::optional<double>> evaluations(issue.options.size());
  for (pugi::xml_node item : node.children("item")) {
    const std::string_view value = file.text(item, "value");
    const auto found = option_index.find(value);
    if (found == option_index.end())
      throw file.error(item, fmt::format("value '{}' is not an option of issue '{}' in the domain", value, issue.name));
    const double evaluation = file.number(item, "evaluation");
    if (evaluation < 0)
      throw file.error(
          item, fmt::format("value '{}' of issue '{}': evaluation {} is negative", value, issue.name, evaluation));
    auto& slot = evaluations[found->second];
    // GENIUS keeps the evaluations in a map: a value listed twice takes the later number.
    if (slot)
      notes.push_back(
          fmt::format("value '{}' of issue '{}' is evaluated twice ({:g}, then {:g}): the later counts, as "
                      "in GENIUS",
                      value, issue.name, *slot, evaluation));
    slot = evaluation;
  }
  double largest = 0;
  for (std::size_t k = 0; k < evaluations.size(); ++k) {
    if (!evaluations[k])
      throw file.error(node,
                       fmt::format("issue '{}' gives no evaluation for value '{}'", issue.name, issue.options[k]));
    largest = std::max(largest, *evaluations[k]);
  }
  std::vector<double> values(evaluations.size(), 0.0);
  if (largest >= 1e-5)  // GENIUS EvaluatorDiscrete.normalize: a maximum below 1e-5 gives 0
    for (std::size_t k = 0; k < values.size(); ++k) values[k] = *evaluations[k] / largest;
  return values;
}

void require_linear(const XmlFile& file, pugi::xml_node evaluator, const Issue& issue) {
  const std::string_view ftype = evaluator.attribute("ftype").value();
  if (!ftype.empty() && !equals_ignoring_case(ftype, "linear"))
    throw file.error(evaluator, fmt::format("issue '{}': evaluator ftype '{}' is not supported here (linear only)",
                                            issue.name, ftype));
}

std::vector<double> integer_values(const XmlFile& file, pugi::xml_node node, const Issue& issue) {
  // GENIUS measures x from the profile's own lowerbound (normally the domain's).
  double lower = issue.lower;
  if (node.attribute("lowerbound")) {
    const long long given = file.integer(node, "lowerbound");
    if (given < -(1LL << 52) || given > (1LL << 52)) throw file.error(node, "lowerbound out of range");
    lower = static_cast<double>(given);
  }
  double slope = 0;
  double offset = 0;
  if (const pugi::xml_node evaluator = node.child("evaluator")) {
    require_linear(file, evaluator, issue);
    slope = file.number(evaluator, "slope");
    offset = file.number(evaluator, "offset");
  }
  std::vector<double> values(issue.value_count());
  for (std::uint32_t v = 0; v < values.size(); ++v) values[v] = clamp01(slope * (issue.lower + v - lower) + offset);
  return values;
}

std::vector<double> real_values(const XmlFile& file, pugi::xml_node node, const Issue& issue) {
  const pugi::xml_node evaluator = node.child("evaluator");
  if (!evaluator) throw file.error(node, fmt::format("real issue '{}' needs an <evaluator>", issue.name));
  const auto parameter = [&](const char* genius_name, const char* other_name) {
    return evaluator.attribute(genius_name) ? file.number(evaluator, genius_name) : file.number(evaluator, other_name);
  };
  const std::string_view ftype = evaluator.attribute("ftype").value();
  std::vector<double> values(issue.value_count());
  if (equals_ignoring_case(ftype, "constant")) {
    std::fill(values.begin(), values.end(), clamp01(file.number(evaluator, "parameter0")));
  } else if (ftype.empty() || equals_ignoring_case(ftype, "linear")) {
    const double offset = parameter("parameter0", "offset");
    const double slope = parameter("parameter1", "slope");
    for (std::uint32_t v = 0; v < values.size(); ++v) values[v] = clamp01(slope * issue.value_number(v) + offset);
  } else {
    throw file.error(
        evaluator,
        fmt::format("real issue '{}': evaluator ftype '{}' is not supported (linear or constant)", issue.name, ftype));
  }
  return values;
}

void read_linear(const XmlFile& file, const Domain& domain, Actor& actor, Notes& notes) {
  const pugi::xml_node objective = first_descendant(file.root(), "objective");
  if (!objective) throw file.error(file.root(), "profile has no <objective> element holding its issues");
  const ProfileElements elements = collect_elements(file, objective);

  for (const auto& [index, node] : elements.issues)
    if (!domain.find(index))
      throw file.error(
          node, fmt::format("issue index {} ('{}') is not in the domain", index, node.attribute("name").value()));
  for (const auto& [index, node] : elements.weights)
    if (!domain.find(index) && elements.objectives.count(index) == 0)
      throw file.error(node, fmt::format("<weight> for issue index {}, which is not in the domain", index));

  double weight_sum = 0;
  for (std::size_t i = 0; i < domain.issues.size(); ++i) {
    const Issue& issue = domain.issues[i];
    const long long index = domain.genius_index[i];
    const auto issue_node = elements.issues.find(index);
    if (issue_node == elements.issues.end())
      throw file.error(objective, fmt::format("no <issue index=\"{}\"> for domain issue '{}'", index, issue.name));
    const pugi::xml_node node = issue_node->second;
    const auto weight_node = elements.weights.find(index);
    if (weight_node == elements.weights.end())
      throw file.error(node, fmt::format("no <weight index=\"{}\"> for issue '{}'", index, issue.name));
    const double weight = file.number(weight_node->second, "value");
    if (weight < 0)
      throw file.error(weight_node->second, fmt::format("weight {} of issue '{}' is negative", weight, issue.name));
    weight_sum += weight;

    Stance& stance = actor.stances[i];
    stance.salience = weight;
    switch (issue.kind) {
      case IssueKind::discrete: stance.values = discrete_values(file, node, issue, notes); break;
      case IssueKind::integer: stance.values = integer_values(file, node, issue); break;
      case IssueKind::continuous: stance.values = real_values(file, node, issue); break;
    }
    const auto best = std::max_element(stance.values.begin(), stance.values.end());
    stance.position = issue.value_number(static_cast<std::uint32_t>(best - stance.values.begin()));
  }
  if (!std::isfinite(weight_sum)) throw file.error(objective, "the weights add up to more than a double can hold");
  if (std::abs(weight_sum - 1) > 1e-6)
    notes.push_back(actor.weights == Weights::raw
                        ? fmt::format("GENIUS weights sum to {:.10g}, not 1: used as given and capped at 1, as GENIUS "
                                      "does",
                                      weight_sum)
                        : fmt::format("GENIUS weights sum to {:.10g}, not 1: divided by their sum (normalised on "
                                      "import); GENIUS's utilities are min(1, {:.10g} x these)",
                                      weight_sum, weight_sum));
}

// ---- nonlinear (hyper-rectangle) profiles ----------------------------------------------

void read_rectangle(const XmlFile& file, pugi::xml_node node, const Domain& domain, double scale, Actor& actor) {
  HyperRectangle rectangle;
  rectangle.utility = file.number(node, "utility") * file.optional_number(node, "weight").value_or(1.0) * scale;
  if (!std::isfinite(rectangle.utility) || !std::isfinite(rectangle.utility / actor.rectangle_scale))
    throw file.error(node, "rectangle utility times its weights (or divided by maxutility) is out of range");
  const bool includes = static_cast<bool>(node.child("INCLUDES"));
  rectangle.exclusive = static_cast<bool>(node.child("EXCLUDES"));
  if (includes && rectangle.exclusive)
    throw file.error(node, "<hyperRectangle> mixes <INCLUDES> and <EXCLUDES> bounds");

  bool empty = false;  // some bound admits no value of its issue
  for (pugi::xml_node bound : node.children(rectangle.exclusive ? "EXCLUDES" : "INCLUDES")) {
    const long long index = file.integer(bound, "index");
    const auto position = domain.find(index);
    if (!position)
      throw file.error(bound, fmt::format("rectangle bound on issue index {}, which is not in the domain", index));
    const Issue& issue = domain.issues[*position];
    if (issue.kind != IssueKind::integer)
      throw file.error(
          bound, fmt::format("rectangle bound on issue '{}': GENIUS rectangles bound integer issues only", issue.name));
    const long long min = file.integer(bound, "min");
    const long long max = file.integer(bound, "max");
    const auto lower = static_cast<long long>(issue.lower);
    const auto upper = static_cast<long long>(issue.upper);
    const long long low = std::max(min, lower);
    const long long high = std::min(max, upper);
    if (low > high) {
      empty = true;
      continue;
    }
    rectangle.bounds.push_back(
        {*position, static_cast<std::uint32_t>(low - lower), static_cast<std::uint32_t>(high - lower)});
  }
  if (empty) {
    if (!rectangle.exclusive) return;  // no outcome satisfies it: it never pays
    rectangle.bounds.clear();          // every outcome violates a bound: it always pays
    rectangle.exclusive = false;
  }
  actor.rectangles.push_back(std::move(rectangle));
}

void read_ufun(const XmlFile& file, pugi::xml_node node, const Domain& domain, double scale, int depth, Actor& actor) {
  if (depth > kMaxNesting) throw file.error(node, fmt::format("<ufun> nested deeper than {}", kMaxNesting));
  scale *= file.optional_number(node, "weight").value_or(1.0);
  const std::string_view aggregation = node.attribute("aggregation").value();
  if (!aggregation.empty() && !equals_ignoring_case(aggregation, "sum"))
    throw file.error(node, fmt::format("<ufun> aggregation '{}' is not supported (sum only)", aggregation));
  for (pugi::xml_node child : node.children()) {
    const std::string_view tag = child.name();
    if (tag == "hyperRectangle") read_rectangle(file, child, domain, scale, actor);
    if (tag == "ufun") read_ufun(file, child, domain, scale, depth + 1, actor);
  }
}

void read_rectangles(const XmlFile& file, const Domain& domain, Actor& actor, Notes& notes) {
  const pugi::xml_node utility = first_descendant(file.root(), "utility");
  if (!utility) throw file.error(file.root(), "nonlinear profile has no <utility> element");
  actor.rectangle_scale = file.number(utility, "maxutility");
  if (actor.rectangle_scale <= 0) throw file.error(utility, "maxutility must be positive");
  const pugi::xml_node ufun = utility.child("ufun");
  if (!ufun) throw file.error(utility, "<utility> has no <ufun> element");
  read_ufun(file, ufun, domain, 1.0, 0, actor);
  notes.push_back(fmt::format("GENIUS nonlinear profile: {} hyper-rectangles, maxutility {:g}", actor.rectangles.size(),
                              actor.rectangle_scale));
}

}  // namespace

Actor read_profile(const XmlFile& file, const Domain& domain, const GeniusOptions& options) {
  Actor actor;
  actor.weights = options.normalise_weights ? Weights::normalised : Weights::raw;
  actor.stances.assign(domain.issues.size(), Stance{});
  Notes notes;
  read_reservation_and_discount(file, actor, notes);
  const std::string_view type = file.root().attribute("type").value();
  if (equals_ignoring_case(type, "nonlinear")) {
    read_rectangles(file, domain, actor, notes);
  } else if (type.empty() || equals_ignoring_case(type, "linear") || equals_ignoring_case(type, "additive") ||
             equals_ignoring_case(type, "uncertain")) {
    read_linear(file, domain, actor, notes);
  } else {
    throw file.error(file.root(), fmt::format("utility_space type '{}' is not supported (linear or nonlinear)", type));
  }
  for (const auto& note : notes) actor.note += (actor.note.empty() ? "" : "; ") + note;
  return actor;
}

}  // namespace parley::genius_detail
