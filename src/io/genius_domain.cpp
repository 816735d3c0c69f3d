// GENIUS domain files (root <negotiation_template>): the issues and their values.
//
//   <negotiation_template><utility_space><objective index="0" name="root">
//     <issue index="1" name="Laptop" type="discrete"><item index="1" value="Dell"/>...</issue>
//     <issue index="2" name="price" type="integer" lowerbound="-5" upperbound="5"/>
//     <issue index="3" name="time" type="real"><range lowerbound="0" upperbound="1"/></issue>
//   </objective></utility_space></negotiation_template>
//
// Issues are taken in document order (GENIUS's preorder over nested objectives) and keep
// their `index` attribute, by which profiles refer to them.

#include <fmt/format.h>

#include <cmath>

#include "genius_detail.hpp"

namespace parley::genius_detail {

namespace {

// The issue's value type: `type`, else `vtype`, else `etype`; when none is given, items
// make it discrete.
std::string_view issue_type(pugi::xml_node issue) {
  for (const char* attribute : {"type", "vtype", "etype"})
    if (const auto found = issue.attribute(attribute)) return found.value();
  return issue.child("item") ? "discrete" : "";
}

void read_discrete(const XmlFile& file, pugi::xml_node node, Issue& issue) {
  issue.kind = IssueKind::discrete;
  std::set<std::string, std::less<>> seen;
  for (pugi::xml_node item : node.children("item")) {
    std::string value(file.text(item, "value"));
    // GENIUS would take it, but a parley option needs a name (profiles refer to values by it):
    // refused here rather than written as YAML that `parley validate` then rejects.
    if (value.empty())
      throw file.error(item, fmt::format("issue '{}' has an <item> with an empty value; parley needs a name for "
                                         "every option (give the item a value)",
                                         issue.name));
    if (!seen.insert(value).second)
      throw file.error(item, fmt::format("issue '{}' lists value '{}' twice", issue.name, value));
    issue.options.push_back(std::move(value));
  }
  if (issue.options.empty())
    throw file.error(node, fmt::format("discrete issue '{}' has no <item> values", issue.name));
}

void read_integer(const XmlFile& file, pugi::xml_node node, Issue& issue) {
  issue.kind = IssueKind::integer;
  const long long lower = file.integer(node, "lowerbound");
  const long long upper = file.integer(node, "upperbound");
  if (upper < lower)
    throw file.error(node,
                     fmt::format("integer issue '{}': upperbound {} is below lowerbound {}", issue.name, upper, lower));
  // Both bounds are checked before subtracting, so the difference cannot overflow.
  if (lower < -(1LL << 52) || upper > (1LL << 52) || upper - lower >= kMaxIntegerValues)
    throw file.error(node,
                     fmt::format("integer issue '{}' has too many values (at most {})", issue.name, kMaxIntegerValues));
  issue.lower = static_cast<double>(lower);
  issue.upper = static_cast<double>(upper);
}

void read_real(const XmlFile& file, pugi::xml_node node, Issue& issue) {
  issue.kind = IssueKind::continuous;
  // GENIUS writes the range as a <range> child; older files put it on the issue.
  const pugi::xml_node range = node.child("range") ? node.child("range") : node;
  issue.lower = file.number(range, "lowerbound");
  issue.upper = file.number(range, "upperbound");
  if (issue.upper < issue.lower)
    throw file.error(range, fmt::format("real issue '{}': upperbound {} is below lowerbound {}", issue.name,
                                        issue.upper, issue.lower));
  if (!std::isfinite(issue.upper - issue.lower))
    throw file.error(range, fmt::format("real issue '{}': the range is too wide", issue.name));
  issue.steps = kRealIssueSteps;
}

}  // namespace

Domain read_domain(const XmlFile& file) {
  const pugi::xml_node objective = first_descendant(file.root(), "objective");
  if (!objective) throw file.error(file.root(), "domain has no <objective> element holding its issues");

  Domain domain;
  std::set<std::string> ids;
  for_each_descendant(objective, [&](pugi::xml_node node) {
    const std::string_view tag = node.name();
    if (tag == "objective") {
      check_objective_depth(file, node, objective);
      return true;
    }
    if (tag != "issue") return false;

    const long long index = file.integer(node, "index");
    if (domain.by_index.count(index) != 0) throw file.error(node, fmt::format("two issues have index {}", index));
    Issue issue;
    const std::string_view name = node.attribute("name").value();
    issue.name = name.empty() ? fmt::format("issue {}", index) : std::string(name);
    const std::string_view type = issue_type(node);
    if (equals_ignoring_case(type, "discrete")) {
      read_discrete(file, node, issue);
    } else if (equals_ignoring_case(type, "integer")) {
      read_integer(file, node, issue);
    } else if (equals_ignoring_case(type, "real")) {
      read_real(file, node, issue);
    } else {
      throw file.error(node,
                       fmt::format("issue '{}' has type '{}'; expected discrete, integer or real", issue.name, type));
    }
    issue.id = unique_id(id_from_name(issue.name, fmt::format("issue_{}", index)), ids);
    domain.by_index.emplace(index, domain.issues.size());
    domain.genius_index.push_back(index);
    domain.issues.push_back(std::move(issue));
    return false;
  });
  if (domain.issues.empty()) throw file.error(objective, "domain declares no <issue>");
  return domain;
}

}  // namespace parley::genius_detail
