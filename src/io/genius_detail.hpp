#pragma once
// Internal to the GENIUS importer (genius.cpp, genius_xml.cpp, genius_profile.cpp): XML
// files that know their line numbers, the domain's issue table, and the profile reader.
// Not part of the public API.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "delimited_text.hpp"

#include "parley/core/actor.hpp"
#include "parley/core/issue.hpp"
#include "parley/io/genius.hpp"
#include "parley/io/input_error.hpp"

namespace parley::genius_detail {

// Largest integer issue accepted: every value gets an explicit utility per actor, and a
// scenario file takes explicit `values` on issues of at most 100,000 values
// (yaml_scenario::kMaxExplicitValues; genius.cpp checks they agree), so an import is always
// a file that parley reads back.
inline constexpr long long kMaxIntegerValues = 100'000;
// GENIUS's own discretisation of real issues in its analysis (IssueReal): 21 grid points.
inline constexpr std::uint32_t kRealIssueSteps = 21;
// Deepest nesting of <objective> or <ufun> elements accepted.
inline constexpr int kMaxNesting = 64;

// One parsed XML file. Keeps its text so that every error can say file:line:col.
class XmlFile {
 public:
  // Throws InputError at the parser's error position when `text` is not well-formed XML.
  // Raw '&' in attributes and blank lines before `<?xml` are accepted (pugixml keeps an
  // unknown entity as text and skips leading whitespace).
  XmlFile(std::string name, std::string text);
  XmlFile(const XmlFile&) = delete;
  XmlFile& operator=(const XmlFile&) = delete;

  const std::string& name() const { return name_; }
  pugi::xml_node root() const { return document_.document_element(); }

  // An InputError located at `at` (its line and column when pugixml knows its offset).
  InputError error(pugi::xml_node at, const std::string& message) const;

  // Attribute readers; each throws an InputError located at `node` when the attribute is
  // missing (required forms) or is not a finite number / an integer.
  std::string_view text(pugi::xml_node node, const char* attribute) const;
  double number(pugi::xml_node node, const char* attribute) const;
  std::optional<double> optional_number(pugi::xml_node node, const char* attribute) const;
  long long integer(pugi::xml_node node, const char* attribute) const;

 private:
  std::string name_;
  std::string text_;
  pugi::xml_document document_;
};

// Parses a number the way GENIUS files write them ("0.5", " 12 ", "1e-3", "+3").
std::optional<double> parse_number(std::string_view text);
std::optional<long long> parse_integer(std::string_view text);

// Visits every element below `node` (not `node` itself) in document order, without
// recursion. `visit` returns false to skip an element's children.
void for_each_descendant(pugi::xml_node node, const std::function<bool(pugi::xml_node)>& visit);

// Throws file.error(node) when `node` sits more than kMaxNesting objectives below `root`.
void check_objective_depth(const XmlFile& file, pugi::xml_node node, pugi::xml_node root);
// The first element named `name` below `node` in document order, or an empty node.
pugi::xml_node first_descendant(pugi::xml_node node, std::string_view name);

bool equals_ignoring_case(std::string_view a, std::string_view b);

// An id matching [A-Za-z0-9_-]+ made from a human name: lower case, every run of other
// characters becomes one '_', no '_' at either end ("External Monitor" -> "external_monitor").
// `fallback` when nothing is left.
std::string id_from_name(std::string_view name, std::string_view fallback);
// `id`, or `id_2`, `id_3`, ... : the first not in `taken`; adds it to `taken`.
using io_detail::unique_id;

// The issues of a domain file, in GENIUS preorder, with their GENIUS `index` attributes.
struct Domain {
  std::vector<Issue> issues;
  std::vector<long long> genius_index;        // per issue
  std::map<long long, std::size_t> by_index;  // GENIUS index -> issue position

  std::optional<std::size_t> find(long long index) const {
    const auto found = by_index.find(index);
    if (found == by_index.end()) return std::nullopt;
    return found->second;
  }
};

// REQUIRES: file.root() is <negotiation_template>. Throws InputError.
Domain read_domain(const XmlFile& file);

// One party's utility function. REQUIRES: file.root() is <utility_space>. Fills stances
// (one per domain issue), rectangles, weights (raw unless options.normalise_weights),
// reservation value, discount and note; leaves id and name to the caller. Throws InputError.
Actor read_profile(const XmlFile& file, const Domain& domain, const GeniusOptions& options);

}  // namespace parley::genius_detail
