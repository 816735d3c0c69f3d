#pragma once
// Internal to the YAML scenario reader: a typed, located view of a yaml-cpp document.
//
// Every accessor checks the node's type and range and throws InputError at the node's
// 1-based line:column with a message that names the field by its dotted path
// ("actors.us.stances.ceasefire.salience") and says how to fix it.
//
// Variants are applied as an override table instead of by mutating the tree: a `Value`
// knows its path, and looking up a child whose path is overridden yields the variant's node
// (so errors point at the variant's line). Nodes shared through YAML anchors stay shared in
// the base document and are never modified.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace parley::yaml_tree {

// Rejects input nested deeper than `max_depth` levels (block indentation plus flow
// brackets) before yaml-cpp sees it: the parser recurses once per level.
void check_nesting(std::string_view text, const std::string& file, int max_depth);

// Rejects text that is not valid UTF-8 (YAML is Unicode text; yaml-cpp would silently
// replace bad bytes), naming the line and column of the first bad byte.
void check_utf8(std::string_view text, const std::string& file);

// Parses one YAML document; syntax errors become InputError at yaml-cpp's mark.
YAML::Node load_document(std::string_view text, const std::string& file);

// One `set` entry of a variant.
struct Override {
  std::string path;  // dotted, as written
  YAML::Mark key_mark;  // of the key in `set`
  YAML::Node value;  // the new value
  bool adds = false;  // the path's last key is absent from the base document
};

// How many map entries and list items all reads of one file may visit. YAML aliases let a
// few bytes stand for a huge tree ("billion laughs"); the budget turns that into an error.
struct Budget {
  std::uint64_t remaining;
};

// The file name and the overrides in force while one scenario is built.
class Context {
 public:
  Context(std::string file, Budget& budget) : file_(std::move(file)), budget_(&budget) {}
  // REQUIRES: no two overrides overlap (neither path is a prefix of the other).
  void set_overrides(const std::vector<Override>& overrides);

  const std::string& file() const { return file_; }
  const Override* override_at(const std::string& path) const;
  // Overrides adding a key absent from the map at `parent_path`, in `set` order.
  std::span<const Override* const> additions(const std::string& parent_path) const;

  [[noreturn]] void fail(const YAML::Mark& mark, std::string message) const;
  // Spends `count` entries of the budget; fails at `mark` when it is exhausted.
  void charge(std::size_t count, const YAML::Mark& mark) const;

 private:
  std::string file_;
  Budget* budget_;
  std::map<std::string, const Override*> by_path_;
  std::map<std::string, std::vector<const Override*>> additions_;
};

std::string child_path(const std::string& parent, std::string_view key);
// "'text'" (shortened), "a map", "a list" or "empty": how a node reads in messages.
std::string describe(const YAML::Node& node);
// Numbers as YAML writes them: decimal, optional sign and exponent; finite only.
std::optional<double> parse_number(std::string_view text);
std::string format_number(double x);  // shortest text that reads back as the same double

struct Entry;

class Value {
 public:
  Value(const Context& context, YAML::Node node, std::string path, YAML::Mark fallback_mark);
  Value(const Value&) = default;
  // yaml-cpp's Node::operator= writes through to the document; rebind instead.
  Value& operator=(const Value& other) {
    context_ = other.context_;
    node_.reset(other.node_);
    path_ = other.path_;
    fallback_mark_ = other.fallback_mark_;
    return *this;
  }

  const YAML::Node& node() const { return node_; }
  const std::string& path() const { return path_; }
  const Context& context() const { return *context_; }
  // The node's position; for an empty value, its key's position.
  YAML::Mark mark() const;
  [[noreturn]] void fail(std::string message) const { context_->fail(mark(), std::move(message)); }

  bool is_null() const { return node_.IsNull(); }
  // True when a variant sets this value to null (`~`, `null` or nothing): that removes an
  // optional field, a stance or a protocol setting from the varied scenario.
  bool removed_by_variant() const { return node_.IsNull() && context_->override_at(path_) != nullptr; }
  bool is_map() const { return node_.IsMap(); }
  bool is_list() const { return node_.IsSequence(); }

  std::string text() const;  // any non-empty scalar
  double number() const;     // finite
  std::int64_t integer() const;
  bool boolean() const;
  std::string id(std::string_view what) const;  // text matching [A-Za-z0-9_-]+

  // Range-checked numbers; the message names the bounds.
  double number_at_least(double lower, bool inclusive) const;
  double number_in(double lower, bool lower_inclusive, double upper, bool upper_inclusive) const;
  std::int64_t integer_in(std::int64_t lower, std::int64_t upper) const;

  // A list (overrides of single items applied).
  std::vector<Value> items() const;
  // A map in document order, overrides applied and added keys last; rejects non-scalar and
  // duplicate keys ("duplicate <key_kind> 'x' (first at line n)"). An empty value is an
  // empty map when `allow_empty` is true.
  std::vector<Entry> entries(std::string_view key_kind, bool allow_empty = false) const;

  Value child(const YAML::Node& node, std::string_view key, YAML::Mark key_mark) const;

 private:
  const Context* context_;
  YAML::Node node_;
  std::string path_;
  YAML::Mark fallback_mark_;
};

struct Entry {
  std::string key;
  YAML::Mark key_mark;
  Value value;
};

// A map with a fixed set of fields: unknown fields are rejected with "did you mean". A field
// a variant sets to null is absent; `require` of such a field fails at the variant's key.
class Record {
 public:
  // `what` names the map in messages ("issue 'guarantees'", "the scenario").
  Record(const Value& map, std::string what, std::span<const std::string_view> fields, bool allow_empty = false);

  const Value& self() const { return self_; }
  const std::string& what() const { return what_; }
  const Value* find(std::string_view field) const;
  // Throws "<what> needs `field` (<hint>)" at the map when absent.
  const Value& require(std::string_view field, std::string_view hint) const;
  YAML::Mark key_mark(std::string_view field) const;

 private:
  Value self_;
  std::string what_;
  std::vector<Entry> entries_;
  std::vector<Entry> removed_;  // fields a variant sets to null
};

}  // namespace parley::yaml_tree
