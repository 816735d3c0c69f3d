#include "scenario_code.hpp"

#include <cstdio>
#include <optional>

namespace parley::golden {
namespace {

std::string number(double x) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", x);
  std::string text = buffer;
  if (text.find_first_of(".eni") == std::string::npos) text += ".0";
  return text;
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

template <class T>
std::string optional_index(const std::optional<T>& value) {
  return value ? std::to_string(*value) : std::string("std::nullopt");
}

const char* kind_name(IssueKind kind) {
  switch (kind) {
    case IssueKind::continuous: return "IssueKind::continuous";
    case IssueKind::integer: return "IssueKind::integer";
    case IssueKind::discrete: return "IssueKind::discrete";
  }
  return "";
}

const char* visibility_name(Visibility v) {
  switch (v) {
    case Visibility::nothing: return "Visibility::nothing";
    case Visibility::talks: return "Visibility::talks";
    case Visibility::decisions: return "Visibility::decisions";
  }
  return "";
}

std::string index_list(const std::vector<std::size_t>& items) {
  std::string out = "{";
  for (std::size_t k = 0; k < items.size(); ++k) out += (k ? ", " : "") + std::to_string(items[k]);
  return out + "}";
}

std::string number_list(const std::vector<double>& items) {
  std::string out = "{";
  for (std::size_t k = 0; k < items.size(); ++k) out += (k ? ", " : "") + number(items[k]);
  return out + "}";
}

}  // namespace

std::string scenario_code(const Scenario& s, std::string_view function) {
  std::string c = "Scenario " + std::string(function) + "() {\n  Scenario s;\n";
  c += "  s.name = " + quoted(s.name) + ";\n";
  for (const Issue& i : s.issues) {
    c += "  {\n    Issue i;\n";
    c += "    i.id = " + quoted(i.id) + ";\n    i.name = " + quoted(i.name) + ";\n";
    c += "    i.kind = " + std::string(kind_name(i.kind)) + ";\n";
    c += "    i.lower = " + number(i.lower) + ";\n    i.upper = " + number(i.upper) + ";\n";
    c += "    i.steps = " + std::to_string(i.steps) + ";\n";
    for (const LabelledPoint& p : i.labels) c += "    i.labels.push_back({" + number(p.at) + ", " + quoted(p.label) + "});\n";
    for (const std::string& o : i.options) c += "    i.options.push_back(" + quoted(o) + ");\n";
    c += std::string("    i.ordered = ") + (i.ordered ? "true" : "false") + ";\n";
    if (i.reference_point) c += "    i.reference_point = " + number(*i.reference_point) + ";\n";
    if (i.known_outcome) c += "    i.known_outcome = " + number(*i.known_outcome) + ";\n";
    c += "    s.issues.push_back(std::move(i));\n  }\n";
  }
  for (const Actor& a : s.actors) {
    c += "  {\n    Actor a;\n";
    c += "    a.id = " + quoted(a.id) + ";\n    a.name = " + quoted(a.name) + ";\n";
    c += "    a.capability = " + number(a.capability) + ";\n";
    for (const Stance& t : a.stances)
      c += "    a.stances.push_back({" + number(t.position) + ", " + number(t.salience) + ", " + number_list(t.values) +
           "});\n";
    c += std::string("    a.shape = ") + (a.shape == ValueShape::linear ? "ValueShape::linear" : "ValueShape::quadratic") +
         ";\n";
    c += "    a.reservation_value = " + number(a.reservation_value) + ";\n";
    c += "    a.risk = " + number(a.risk) + ";\n    a.discount = " + number(a.discount) + ";\n";
    for (const HyperRectangle& r : a.rectangles) {
      c += "    {\n      HyperRectangle r;\n";
      for (const HyperRectangle::Bound& b : r.bounds)
        c += "      r.bounds.push_back({" + std::to_string(b.issue) + ", " + std::to_string(b.min) + ", " +
             std::to_string(b.max) + "});\n";
      c += "      r.utility = " + number(r.utility) + ";\n";
      c += std::string("      r.exclusive = ") + (r.exclusive ? "true" : "false") + ";\n";
      c += "      a.rectangles.push_back(std::move(r));\n    }\n";
    }
    c += "    a.rectangle_scale = " + number(a.rectangle_scale) + ";\n";
    c += "    s.actors.push_back(std::move(a));\n  }\n";
  }
  for (const Channel& ch : s.channels) {
    c += "  s.channels.push_back({" + quoted(ch.id) + ", " + quoted(ch.name) + ", " + index_list(ch.members) + ", " +
         visibility_name(ch.outsiders_see) + "});\n";
  }
  for (const Stage& st : s.stages) {
    c += "  {\n    Stage st;\n";
    c += "    st.id = " + quoted(st.id) + ";\n    st.name = " + quoted(st.name) + ";\n";
    c += "    st.issues = " + index_list(st.issues) + ";\n";
    if (st.channel) c += "    st.channel = " + optional_index(st.channel) + ";\n";
    c += "    st.protocol = " + quoted(st.protocol) + ";\n";
    for (const auto& [key, value] : st.protocol_settings)
      c += "    st.protocol_settings[" + quoted(key) + "] = " + quoted(value) + ";\n";
    c += "    st.deadline = " + std::to_string(st.deadline) + ";\n";
    c += "    st.ratify = " + index_list(st.ratify) + ";\n";
    if (st.after) c += "    st.after = " + optional_index(st.after) + ";\n";
    c += "    s.stages.push_back(std::move(st));\n  }\n";
  }
  for (const Link& l : s.links) c += "  s.links.push_back({" + index_list(l.issues) + ", " + quoted(l.note) + "});\n";
  c += "  return s;\n}\n";
  return c;
}

}  // namespace parley::golden
