#include "yaml_tree.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <sstream>

#include <yaml-cpp/eventhandler.h>

#include <fmt/format.h>

#include "parley/core/validate.hpp"
#include "parley/io/input_error.hpp"

namespace parley::yaml_tree {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Texts that mean NaN or infinity in YAML or C, or that overflow a double.
bool names_non_finite(std::string_view text) {
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) text.remove_prefix(1);
  if (!text.empty() && text[0] == '.') text.remove_prefix(1);
  const std::string word = lowercase(text);
  if (word == "nan" || word == "inf" || word == "infinity") return true;
  double ignored = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), ignored);
  return error == std::errc::result_out_of_range && end == text.data() + text.size();
}

std::string join(std::span<const std::string_view> words) {
  std::string out;
  for (const auto& word : words) {
    if (!out.empty()) out += ", ";
    out += word;
  }
  return out;
}

// Helpful hints for yaml-cpp's terse syntax messages.
std::string syntax_hint(const std::string& message) {
  if (message.find("illegal map value") != std::string::npos)
    return "; a value cannot itself hold `key: value` on the same line: quote the text or move the map "
           "to its own indented lines";
  if (message.find("end of sequence flow") != std::string::npos) return "; a `[` list is missing its closing `]`";
  if (message.find("end of map flow") != std::string::npos) return "; a `{` map is missing its closing `}`";
  if (message.find("anchor") != std::string::npos) return "; define `&name` before using `*name`";
  return "; check the indentation, brackets and quotes (text holding ': ' or ' #' must be quoted)";
}

}  // namespace

void check_nesting(std::string_view text, const std::string& file, int max_depth) {
  enum class Quote { none, single, double_ };
  std::vector<std::size_t> indents;  // columns of the open block levels
  int flow = 0;                      // open `[` and `{`
  Quote quote = Quote::none;
  std::optional<std::size_t> block_scalar_indent;  // inside `|`/`>` text more indented than this
  int line_number = 0;

  const auto too_deep = [&](std::size_t column) {
    if (static_cast<int>(indents.size()) + flow > max_depth)
      throw InputError(file, line_number, static_cast<int>(column) + 1,
                       fmt::format("the document is nested more than {} levels deep; a scenario needs only a "
                                   "few levels (check for runaway brackets or indentation)",
                                   max_depth));
  };

  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    std::size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    const bool blank = indent == line.size();
    if (block_scalar_indent) {
      if (blank || indent > *block_scalar_indent) continue;
      block_scalar_indent.reset();
    }

    std::size_t i = 0;
    bool token_start = true;
    if (quote == Quote::none && flow == 0) {
      if (blank || line[indent] == '#') continue;
      if (line.starts_with("---") || line.starts_with("...")) {
        indents.clear();
        continue;
      }
      while (!indents.empty() && indents.back() > indent) indents.pop_back();
      if (indents.empty() || indents.back() < indent) indents.push_back(indent);
      i = indent;
      // Compact nesting on one line: "- - x", "? x", "- key: value".
      while (i < line.size() && (line[i] == '-' || line[i] == '?') && (i + 1 == line.size() || is_blank(line[i + 1]))) {
        ++i;
        while (i < line.size() && is_blank(line[i])) ++i;
        if (i < line.size() && indents.back() < i) indents.push_back(i);
      }
      too_deep(i);
    }

    for (; i < line.size(); ++i) {
      const char c = line[i];
      if (quote == Quote::single) {
        if (c == '\'') {
          if (i + 1 < line.size() && line[i + 1] == '\'') {
            ++i;
          } else {
            quote = Quote::none;
            token_start = false;
          }
        }
        continue;
      }
      if (quote == Quote::double_) {
        if (c == '\\') {
          ++i;
        } else if (c == '"') {
          quote = Quote::none;
          token_start = false;
        }
        continue;
      }
      if (is_blank(c)) continue;
      if (c == '#' && (i == 0 || is_blank(line[i - 1]))) break;  // comment
      if (token_start && (c == '\'' || c == '"')) {
        quote = c == '\'' ? Quote::single : Quote::double_;
        continue;
      }
      if (token_start && (c == '&' || c == '!')) {  // anchor or tag before a node
        while (i + 1 < line.size() && !is_blank(line[i + 1])) ++i;
        continue;
      }
      if ((c == '[' || c == '{') && (flow > 0 || token_start)) {
        ++flow;
        too_deep(i);
        token_start = true;
        continue;
      }
      if ((c == ']' || c == '}') && flow > 0) {
        --flow;
        token_start = false;
        continue;
      }
      if (c == ',' && flow > 0) {
        token_start = true;
        continue;
      }
      if ((c == '-' || c == '?' || c == ':') && (i + 1 == line.size() || is_blank(line[i + 1]))) {
        token_start = true;
        continue;
      }
      if (flow == 0 && token_start && (c == '|' || c == '>')) {
        block_scalar_indent = indents.empty() ? 0 : indents.back();
        break;
      }
      token_start = false;
    }
  }
}

void check_utf8(std::string_view text, const std::string& file) {
  int line = 1;
  int column = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    std::uint32_t code = byte;
    if (byte >= 0x80) {
      if (byte >= 0xc2 && byte <= 0xdf) {
        length = 2;
        code = byte & 0x1f;
      } else if (byte >= 0xe0 && byte <= 0xef) {
        length = 3;
        code = byte & 0x0f;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        length = 4;
        code = byte & 0x07;
      } else {
        length = 0;
      }
      bool valid = length > 0 && i + length <= text.size();
      for (std::size_t k = 1; valid && k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        valid = (next & 0xc0) == 0x80;
        code = (code << 6) | (next & 0x3f);
      }
      // No overlong forms, surrogates or code points beyond U+10FFFF.
      valid = valid && !(length == 3 && code < 0x800) && !(length == 4 && (code < 0x10000 || code > 0x10ffff)) &&
              !(code >= 0xd800 && code <= 0xdfff);
      if (!valid)
        throw InputError(file, line, column,
                         "the file is not valid UTF-8 text here; save it as UTF-8 (most editors offer this under "
                         "\"Save as\" or \"Encoding\")");
    }
    i += length;
    if (byte == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
}

namespace {

// Counts the documents of a stream, stopping at the second: yaml-cpp 0.7 loops forever on a
// stray top-level ',' (each turn yields another empty document), so YAML::LoadAll cannot be
// used on untrusted text.
class DocumentCounter : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override {
    ++documents;
    if (documents == 2) second_start = mark;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

  int documents = 0;
  YAML::Mark second_start = YAML::Mark::null_mark();
};

[[noreturn]] void fail_at(const std::string& file, const YAML::Mark& mark, std::string message) {
  if (mark.is_null()) throw InputError(file, std::move(message));
  throw InputError(file, mark.line + 1, mark.column + 1, std::move(message));
}

}  // namespace

YAML::Node load_document(std::string_view text, const std::string& file) {
  const std::string input(text);
  YAML::Node root;
  DocumentCounter counter;
  try {
    root = YAML::Load(input);
    std::istringstream stream(input);
    YAML::Parser parser(stream);
    while (counter.documents < 2 && parser.HandleNextDocument(counter)) {
    }
  } catch (const YAML::Exception& error) {
    fail_at(file, error.mark, "YAML syntax error: " + error.msg + syntax_hint(error.msg));
  }
  if (counter.documents == 0)
    throw InputError(file, 1, 1, "the file is empty; a scenario needs at least `name`, `issues` and `actors`");
  if (counter.documents > 1) {
    const YAML::Mark& mark = counter.second_start;
    // yaml-cpp counts some bytes (a NUL among them) differently, so its position may lie past the text.
    const std::string_view rest =
        mark.is_null() ? std::string_view() : text.substr(std::min(text.size(), std::size_t(std::max(mark.pos, 0))));
    if (!rest.starts_with("---"))
      fail_at(file, mark, fmt::format("YAML syntax error: unexpected text after the end of the document{}",
                                      rest.starts_with(",") ? " (a stray ',')" : ""));
    fail_at(file, mark,
            "the file holds more than one YAML document (separated by `---`); a scenario file holds exactly one");
  }
  return root;
}

void Context::set_overrides(const std::vector<Override>& overrides) {
  by_path_.clear();
  additions_.clear();
  for (const auto& item : overrides) {
    by_path_[item.path] = &item;
    if (item.adds) {
      const auto dot = item.path.rfind('.');
      additions_[dot == std::string::npos ? std::string() : item.path.substr(0, dot)].push_back(&item);
    }
  }
}

const Override* Context::override_at(const std::string& path) const {
  const auto it = by_path_.find(path);
  return it == by_path_.end() ? nullptr : it->second;
}

std::span<const Override* const> Context::additions(const std::string& parent_path) const {
  const auto it = additions_.find(parent_path);
  if (it == additions_.end()) return {};
  return it->second;
}

void Context::fail(const YAML::Mark& mark, std::string message) const {
  if (mark.is_null()) throw InputError(file_, std::move(message));
  throw InputError(file_, mark.line + 1, mark.column + 1, std::move(message));
}

void Context::charge(std::size_t count, const YAML::Mark& mark) const {
  if (count <= budget_->remaining) {
    budget_->remaining -= count;
    return;
  }
  budget_->remaining = 0;
  fail(mark, "the document expands to too many entries to read (YAML aliases `*name` repeat what they name; "
             "write the entries out or use fewer aliases)");
}

std::string child_path(const std::string& parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  return fmt::format("{}.{}", parent, key);
}

std::string describe(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "empty";
  if (node.IsMap()) return "a map";
  if (node.IsSequence()) return "a list";
  const std::string& text = node.Scalar();
  if (text.size() > 40) return fmt::format("'{}...'", text.substr(0, 37));
  return fmt::format("'{}'", text);
}

std::optional<double> parse_number(std::string_view text) {
  if (!text.empty() && text[0] == '+') {
    text.remove_prefix(1);
    if (!text.empty() && text[0] == '-') return std::nullopt;
  }
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string format_number(double x) { return fmt::format("{}", x); }

Value::Value(const Context& context, YAML::Node node, std::string path, YAML::Mark fallback_mark)
    : context_(&context), node_(std::move(node)), path_(std::move(path)), fallback_mark_(fallback_mark) {}

YAML::Mark Value::mark() const {
  if (node_.IsNull() && !fallback_mark_.is_null()) return fallback_mark_;
  return node_.Mark();
}

std::string Value::text() const {
  if (node_.IsNull()) fail(fmt::format("{} is empty; give it a value", path_));
  if (!node_.IsScalar()) fail(fmt::format("{} must be text, not {}", path_, describe(node_)));
  return node_.Scalar();
}

double Value::number() const {
  if (!node_.IsScalar()) fail(fmt::format("{} must be a number, not {}", path_, describe(node_)));
  const std::string& text = node_.Scalar();
  if (const auto value = parse_number(text)) return *value;
  if (names_non_finite(text))
    fail(fmt::format("{} must be a finite number, not {} (NaN and infinity are not allowed)", path_, describe(node_)));
  fail(fmt::format("{} must be a number, not {}", path_, describe(node_)));
}

std::int64_t Value::integer() const {
  if (!node_.IsScalar()) fail(fmt::format("{} must be a whole number, not {}", path_, describe(node_)));
  std::string_view text = node_.Scalar();
  if (!text.empty() && text[0] == '+') text.remove_prefix(1);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc() && end == text.data() + text.size() && !text.empty()) return value;
  if (error == std::errc::result_out_of_range) fail(fmt::format("{} is too large ({})", path_, describe(node_)));
  fail(fmt::format("{} must be a whole number, not {}", path_, describe(node_)));
}

bool Value::boolean() const {
  if (node_.IsScalar()) {
    const std::string word = lowercase(node_.Scalar());
    if (word == "true") return true;
    if (word == "false") return false;
  }
  fail(fmt::format("{} must be true or false, not {}", path_, describe(node_)));
}

std::string Value::id(std::string_view what) const {
  std::string value = text();
  if (!is_valid_id(value))
    fail(fmt::format("invalid {} '{}' in {}: ids may contain only letters, digits, '_' and '-'", what, value, path_));
  return value;
}

double Value::number_at_least(double lower, bool inclusive) const {
  const double value = number();
  if (inclusive ? value < lower : value <= lower)
    fail(fmt::format("{} must be {} {}, not {}", path_, inclusive ? ">=" : ">", format_number(lower),
                     format_number(value)));
  return value;
}

double Value::number_in(double lower, bool lower_inclusive, double upper, bool upper_inclusive) const {
  const double value = number();
  const bool below = lower_inclusive ? value < lower : value <= lower;
  const bool above = upper_inclusive ? value > upper : value >= upper;
  if (below || above)
    fail(fmt::format("{} must be in {}{}, {}{}, not {}", path_, lower_inclusive ? "[" : "(", format_number(lower),
                     format_number(upper), upper_inclusive ? "]" : ")", format_number(value)));
  return value;
}

std::int64_t Value::integer_in(std::int64_t lower, std::int64_t upper) const {
  const std::int64_t value = integer();
  if (value < lower || value > upper)
    fail(fmt::format("{} must be a whole number from {} to {}, not {}", path_, lower, upper, value));
  return value;
}

Value Value::child(const YAML::Node& node, std::string_view key, YAML::Mark key_mark) const {
  std::string path = child_path(path_, key);
  if (const Override* item = context_->override_at(path))
    return Value(*context_, item->value, std::move(path), item->key_mark);
  return Value(*context_, node, std::move(path), key_mark);
}

std::vector<Value> Value::items() const {
  if (!node_.IsSequence()) fail(fmt::format("{} must be a list like [a, b], not {}", path_, describe(node_)));
  context_->charge(node_.size() + 1, mark());
  std::vector<Value> out;
  out.reserve(node_.size());
  std::size_t index = 0;
  for (const auto& item : node_) {
    out.push_back(child(item, std::to_string(index), item.IsNull() ? mark() : item.Mark()));
    ++index;
  }
  return out;
}

std::vector<Entry> Value::entries(std::string_view key_kind, bool allow_empty) const {
  std::vector<Entry> out;
  if (allow_empty && node_.IsNull()) return out;
  if (!node_.IsMap())
    fail(fmt::format("{} must be a map of `key: value` entries, not {}", path_.empty() ? "the file" : path_,
                     describe(node_)));
  context_->charge(node_.size() + 1, mark());
  std::map<std::string, int, std::less<>> first_line;
  for (const auto& pair : node_) {
    const YAML::Node& key = pair.first;
    if (!key.IsScalar())
      context_->fail(key.IsNull() ? pair.second.Mark() : key.Mark(),
                     fmt::format("a key in {} is {}; keys must be plain names", path_.empty() ? "the file" : path_,
                                 describe(key)));
    const std::string& name = key.Scalar();
    const auto [it, inserted] = first_line.emplace(name, key.Mark().line + 1);
    if (!inserted)
      context_->fail(key.Mark(), fmt::format("duplicate {} '{}'{} (first at line {}); each may appear only once",
                                             key_kind, name, path_.empty() ? "" : " in " + path_, it->second));
    out.push_back(Entry{name, key.Mark(), child(pair.second, name, key.Mark())});
  }
  for (const Override* item : context_->additions(path_)) {
    const auto dot = item->path.rfind('.');
    std::string key = dot == std::string::npos ? item->path : item->path.substr(dot + 1);
    out.push_back(Entry{key, item->key_mark, Value(*context_, item->value, item->path, item->key_mark)});
  }
  return out;
}

Record::Record(const Value& map, std::string what, std::span<const std::string_view> fields, bool allow_empty)
    : self_(map), what_(std::move(what)), entries_(map.entries("field", allow_empty)) {
  for (const auto& entry : entries_) {
    if (std::find(fields.begin(), fields.end(), entry.key) != fields.end()) continue;
    const std::vector<std::string> candidates(fields.begin(), fields.end());
    const std::string suggestion = closest_match(entry.key, candidates);
    map.context().fail(entry.key_mark,
                       suggestion.empty()
                           ? fmt::format("unknown field '{}' in {}; the fields are: {}", entry.key, what_, join(fields))
                           : fmt::format("unknown field '{}' in {}; did you mean '{}'?", entry.key, what_, suggestion));
  }
  const auto removed = std::stable_partition(entries_.begin(), entries_.end(),
                                             [](const Entry& entry) { return !entry.value.removed_by_variant(); });
  removed_.assign(std::make_move_iterator(removed), std::make_move_iterator(entries_.end()));
  entries_.erase(removed, entries_.end());
}

const Value* Record::find(std::string_view field) const {
  for (const auto& entry : entries_)
    if (entry.key == field) return &entry.value;
  return nullptr;
}

const Value& Record::require(std::string_view field, std::string_view hint) const {
  if (const Value* value = find(field)) return *value;
  for (const auto& entry : removed_)
    if (entry.key == field)
      self_.context().fail(self_.context().override_at(entry.value.path())->key_mark, fmt::format("{} is set to null, but {} needs `{}` ({}); null removes only "
                                                       "optional fields",
                                                       entry.value.path(), what_, field, hint));
  self_.fail(fmt::format("{} needs `{}` ({})", what_, field, hint));
}

YAML::Mark Record::key_mark(std::string_view field) const {
  for (const auto& entry : entries_)
    if (entry.key == field) return entry.key_mark;
  return self_.node().Mark();
}

}  // namespace parley::yaml_tree
