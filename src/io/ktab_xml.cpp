// KTAB's XML scenario (KTAB SMPModel::xmlRead), read with pugixml: see parley/io/ktab.hpp.

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ktab_detail.hpp"
#include "parley/forecast/smp.hpp"
#include "parley/io/input_error.hpp"
#include "parley/io/ktab.hpp"
#include "yaml_tree.hpp"

namespace parley {

namespace {

using ktab_detail::RawActor;
using ktab_detail::RawTable;
using ktab_detail::trimmed;

class XmlReader {
 public:
  XmlReader(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {}

  KtabInput read() {
    pugi::xml_document document;
    const pugi::xml_parse_result parsed =
        document.load_buffer(text_.data(), text_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) fail_at(static_cast<std::size_t>(parsed.offset), fmt::format("not well-formed XML: {}", parsed.description()));
    const pugi::xml_node scenario = document.document_element();
    if (std::string_view(scenario.name()) != "Scenario")
      fail(scenario, fmt::format("the root element is <{}>; a KTAB scenario's is <Scenario>", scenario.name()));

    RawTable table;
    table.name = text_of(scenario.child("name"));
    table.description = text_of(scenario.child("desc"));
    KtabInput input;
    if (const pugi::xml_node seed = scenario.child("prngSeed")) {
      const std::string t = text_of(seed);
      std::uint64_t value = 0;
      const auto [end, error] = std::from_chars(t.data(), t.data() + t.size(), value);
      if (t.empty() || error != std::errc() || end != t.data() + t.size())
        fail(seed, fmt::format("prngSeed must be a whole number from 0 to 2^64-1, not '{}'", t));
      input.seed = value;
    }
    if (const pugi::xml_node parameters = scenario.child("ModelParameters")) read_parameters(parameters, input);

    const pugi::xml_node dimensions = required(scenario, "Dimensions");
    for (const pugi::xml_node d : dimensions.children("dName")) {
      const std::string name = text_of(d);
      if (name.empty()) fail(d, "a dimension has no name");
      table.dimensions.push_back(name);
    }
    if (table.dimensions.empty()) fail(dimensions, "<Dimensions> lists no <dName>");
    const std::size_t dims = table.dimensions.size();

    const pugi::xml_node actors = required(scenario, "Actors");
    std::unordered_set<std::string> names;  // a hash set: tables of 10^5 actors (issue 8)
    for (const pugi::xml_node a : actors.children("Actor")) {
      RawActor actor;
      actor.name = text_of(required(a, "name"));
      if (actor.name.empty()) fail(a.child("name"), "the actor has no name");
      if (!names.insert(actor.name).second) fail(a.child("name"), fmt::format("actor '{}' appears twice", actor.name));
      actor.description = text_of(a.child("description"));
      const pugi::xml_node capability = required(a, "capability");
      actor.capability = number(capability, "capability");
      ktab_detail::check_capability(actor.name, actor.capability, at(capability));
      actor.position = coordinates(required(a, "Position"), "dCoord", dims, actor.name);
      actor.salience = coordinates(required(a, "Salience"), "dSal", dims, actor.name);
      std::size_t d = 0;
      for (const pugi::xml_node c : a.child("Position").children("dCoord")) {
        ktab_detail::check_position(actor.name, table.dimensions[d], actor.position[d], at(c));
        ++d;
      }
      d = 0;
      for (const pugi::xml_node c : a.child("Salience").children("dSal")) {
        ktab_detail::check_salience(actor.name, table.dimensions[d], actor.salience[d], at(c));
        ++d;
      }
      ktab_detail::check_salience_total(actor, at(a.child("Salience")));
      table.actors.push_back(std::move(actor));
    }
    if (table.actors.empty()) fail(actors, "<Actors> lists no <Actor>");
    input.scenario = ktab_detail::to_scenario(table, fmt::format("the KTAB XML file {}", file_));

    if (const pugi::xml_node adjustment = scenario.child("IdealAdjustment"))
      read_ideal_adjustment(adjustment, table, input);
    return input;
  }

 private:
  [[noreturn]] void fail_at(std::size_t offset, const std::string& message) const {
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < offset && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    throw InputError(file_, line, column, message);
  }
  [[noreturn]] void fail(const pugi::xml_node& node, const std::string& message) const {
    std::ptrdiff_t offset = node ? node.offset_debug() : -1;
    if (offset < 0) throw InputError(file_, message);
    // pugixml points at an element's name; point at its '<'.
    if (node.type() == pugi::node_element && offset > 0 && text_[static_cast<std::size_t>(offset) - 1] == '<') --offset;
    fail_at(static_cast<std::size_t>(offset), message);
  }
  ktab_detail::Fail at(const pugi::xml_node& node) const {
    return [this, node](const std::string& message) { fail(node, message); };
  }

  static std::string text_of(const pugi::xml_node& node) { return trimmed(node.child_value()); }

  pugi::xml_node required(const pugi::xml_node& parent, const char* name) const {
    const pugi::xml_node child = parent.child(name);
    if (!child) fail(parent, fmt::format("<{}> has no <{}>", parent.name(), name));
    return child;
  }

  double number(const pugi::xml_node& node, const char* what) const {
    const std::string t = text_of(node);
    const auto value = ktab_detail::parse_number(t);
    if (!value) fail(node, fmt::format("{} must be a number, not '{}'", what, t));
    return *value;
  }

  std::vector<double> coordinates(const pugi::xml_node& parent, const char* item, std::size_t dims,
                                  const std::string& actor) const {
    std::vector<double> values;
    for (const pugi::xml_node c : parent.children(item)) {
      if (values.size() == dims)
        fail(c, fmt::format("actor '{}' has more than {} <{}> values, one per dimension", actor, dims, item));
      values.push_back(number(c, item));
    }
    if (values.size() != dims)
      fail(parent, fmt::format("actor '{}' has {} <{}> value{}; the scenario has {} dimension{}", actor, values.size(),
                               item, values.size() == 1 ? "" : "s", dims, dims == 1 ? "" : "s"));
    return values;
  }

  void read_parameters(const pugi::xml_node& parameters, KtabInput& input) const {
    const auto& known = smp::ktab_parameters();
    std::string names;
    for (const auto& info : known) names += (names.empty() ? "" : ", ") + info.name;
    for (const pugi::xml_node p : parameters.children()) {
      if (p.type() != pugi::node_element) continue;
      const std::string name = p.name();
      const auto info = std::find_if(known.begin(), known.end(), [&](const auto& i) { return i.name == name; });
      if (info == known.end())
        fail(p, fmt::format("unknown model parameter <{}>; KTAB's are: {}", name, names));
      if (input.parameters.count(name)) fail(p, fmt::format("model parameter <{}> is given twice", name));
      const std::string value = text_of(p);
      if (std::find(info->values.begin(), info->values.end(), value) == info->values.end()) {
        std::string values;
        for (const auto& v : info->values) values += (values.empty() ? "" : ", ") + v;
        fail(p, fmt::format("'{}' is not a value of {}; use one of: {}", value, name, values));
      }
      input.parameters[name] = value;
    }
  }

  // Sparse: a table of 30,000 actors has 9·10^8 pairs but lists a few; a dense matrix of
  // them once ended in std::bad_alloc.
  void read_ideal_adjustment(const pugi::xml_node& adjustment, const RawTable& table, KtabInput& input) const {
    const std::size_t n = table.actors.size();
    std::unordered_map<std::string_view, std::size_t> index_of;
    for (std::size_t i = 0; i < n; ++i) index_of.emplace(table.actors[i].name, i);
    auto actor_index = [&](const pugi::xml_node& node) {
      const std::string name = text_of(node);
      const auto found = index_of.find(name);
      if (found == index_of.end()) fail(node, fmt::format("no actor named '{}'", name));
      return found->second;
    };
    std::map<std::pair<std::size_t, std::size_t>, double> rate;  // listed pairs; a later one wins
    for (const pugi::xml_node pair : adjustment.children("iaPair")) {
      const std::size_t i = actor_index(required(pair, "adjustingIdeal"));
      const std::size_t j = actor_index(required(pair, "referencePos"));
      const pugi::xml_node adjust = required(pair, "adjust");
      const double value = number(adjust, "adjust");
      if (!(value >= 0 && value <= 1)) fail(adjust, fmt::format("adjust is {}; it must be in [0,1]", value));
      rate[{i, j}] = value;
    }
    // Unlisted pairs: 1 on the diagonal (an actor keeps its own ideal), 0 elsewhere.
    std::vector<double> total(n, 1.0);
    bool identity = true;
    for (const auto& [pair, value] : rate) {
      const bool diagonal = pair.first == pair.second;
      total[pair.first] += value - (diagonal ? 1.0 : 0.0);
      identity = identity && value == (diagonal ? 1.0 : 0.0);
    }
    for (std::size_t i = 0; i < n; ++i)
      if (total[i] > 1 + 1e-10)
        fail(adjustment, fmt::format("the adjustment rates of '{}' sum to {}; they must sum to at most 1",
                                     table.actors[i].name, total[i]));
    if (identity) return;
    nlohmann::json triples = nlohmann::json::array();
    auto next = rate.begin();
    for (std::size_t i = 0; i < n; ++i) {
      // Row i in column order: the listed pairs, with the diagonal's 1 when it is not listed.
      bool diagonal_listed = false;
      std::vector<std::pair<std::size_t, double>> row;
      for (; next != rate.end() && next->first.first == i; ++next) {
        diagonal_listed = diagonal_listed || next->first.second == i;
        if (next->first.second == i || next->second != 0.0) row.emplace_back(next->first.second, next->second);
      }
      if (!diagonal_listed) row.emplace_back(i, 1.0);
      std::sort(row.begin(), row.end());
      for (const auto& [j, value] : row)
        triples.push_back({input.scenario.actors[i].id, input.scenario.actors[j].id, value});
    }
    input.parameters["IdealAdjustment"] = triples.dump();
  }

  std::string_view text_;
  std::string file_;
};

}  // namespace

KtabInput parse_ktab_xml(std::string_view text, const std::string& file_name) {
  // Read as UTF-8 (names go into YAML, which is UTF-8): refuse other bytes at their line.
  yaml_tree::check_utf8(text, file_name);
  return XmlReader(text, file_name).read();
}

}  // namespace parley
