#pragma once
// One parameter vocabulary for every registry: strategies ("boulware:e=3"), protocol and
// stage settings (a stage's `settings`), forecast models (`--param`). A ParamSpec states a
// parameter once — name, type, default, range or choices, one line of documentation — and
// everything else comes from it: parsing and validation (parse_params), `parley list`, the
// tables in docs/, and later the Python keyword arguments. A default is written in its spec
// and nowhere else.
//
// Value syntax (the text form every caller hands in):
//   number        a decimal number ("0.25", "1e-9"), finite, within the spec's range
//   integer       a whole number within the range; or one of the spec's `choices` (words
//                 that stand for a special value, e.g. mediator=neutral)
//   boolean       true/false, yes/no, on/off, 1/0
//   choice        one of `choices`, exact spelling (any case with ParamOwner::ignore_case)
//   text          any text; its meaning is checked by the owner (e.g. a JSON list)
//   integer_list  whole numbers within the range, separated by ';' ("2;0;1")

#include <cstddef>
#include <limits>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley {

enum class ParamType : unsigned char { number, integer, boolean, choice, text, integer_list };
const char* to_string(ParamType type);  // "number", "integer", "boolean", "choice", "text", "integer list"

// An interval of numbers; each end closed (included) unless marked open. Infinite ends mean
// "no bound".
struct ParamRange {
  double low = -std::numeric_limits<double>::infinity();
  double high = std::numeric_limits<double>::infinity();
  bool low_open = false;
  bool high_open = false;

  bool contains(double x) const;
  // "[0, 1]", "(0, 1e+06]", ">= 1", "any" (shortest round-trip number text).
  std::string text() const;
};

struct ParamSpec {
  std::string name;
  ParamType type = ParamType::number;
  // The value used when none is given, in the value syntax above. Empty for a text or list
  // parameter means "none".
  std::string default_value;
  ParamRange range;                  // number, integer, integer_list
  std::vector<std::string> choices;  // choice: the values; integer: words accepted besides numbers
  std::string doc;                   // one line

  // Builders. Defaults are given typed and stored as text in the value syntax.
  static ParamSpec number(std::string name, double default_value, ParamRange range, std::string doc);
  static ParamSpec integer(std::string name, long long default_value, ParamRange range, std::string doc);
  // An integer that may also be one of `words`; `default_word` must be one of them.
  static ParamSpec integer_or_word(std::string name, std::string default_word, std::vector<std::string> words,
                                   ParamRange range, std::string doc);
  static ParamSpec boolean(std::string name, bool default_value, std::string doc);
  static ParamSpec choice(std::string name, std::vector<std::string> choices, std::string default_value, std::string doc);
  static ParamSpec text(std::string name, std::string default_value, std::string doc);
  static ParamSpec integer_list(std::string name, ParamRange range, std::string doc);

  // What a value must be: "a number in (0, 1e+06]", "one of: none, frequency", "true or false".
  std::string expected() const;
  // "range / choices" column of listings: "(0, 1e+06]", "none | frequency", "" for booleans.
  std::string domain() const;
};

// Who the parameters belong to: used in every message and in the error's location. Views:
// the texts must outlive the parse_params call (no allocation unless it throws).
struct ParamOwner {
  // Location::field of errors. A field ending in '.' gets the parameter's name appended
  // ("stages.truce.settings." → "stages.truce.settings.on_failure").
  std::string_view field;
  std::string_view noun = "parameter";  // what one parameter is called: "parameter", "setting", "SMP parameter"
  // Messages say "<noun> 'e' of <kind> '<name>'", e.g. "parameter 'e' of strategy 'boulware'";
  // without a kind just "<noun> 'e'".
  std::string_view kind;  // "strategy", "protocol", "model", "stage"
  std::string_view name;  // "boulware"
  bool ignore_case = false;  // names, choices and booleans match in any case (KTAB's spellings)
};

// Validated, typed values of every spec of a list (given or defaulted). Accessors take a
// spec's name. REQUIRES (every accessor): `name` is one of the specs' names and the accessor
// fits its type; otherwise std::logic_error (a programming error, not input).
class ParamValues {
 public:
  double number(std::string_view name) const;      // number or integer (not a word)
  long long integer(std::string_view name) const;  // integer given as a number
  bool flag(std::string_view name) const;          // boolean
  std::size_t choice(std::string_view name) const; // choice: index into the spec's choices
  // The value as text, canonical spelling (a choice as its spec writes it; a number as given).
  const std::string& text(std::string_view name) const;
  const std::vector<long long>& integers(std::string_view name) const;  // integer_list
  // Whether the value was given (false: it is the spec's default).
  bool given(std::string_view name) const;
  // Whether an integer_or_word parameter holds one of its words rather than a number.
  bool is_word(std::string_view name) const;

  struct Value {
    std::string name;
    ParamType type = ParamType::number;
    std::string text;
    double number = 0;
    long long integer = 0;
    std::size_t choice = 0;
    bool word = false;  // integer given as one of its words
    bool given = false;
    std::vector<long long> integers;
  };
  const std::vector<Value>& values() const { return values_; }  // in spec order

 private:
  friend ParamValues parse_params(std::span<const ParamSpec>, std::span<const std::pair<std::string, std::string>>,
                                  const ParamOwner&);
  const Value& at(std::string_view name, const char* accessor) const;
  std::vector<Value> values_;
};

// Parses and validates `given` (name → text, in the order written) against `specs`, filling in
// defaults. Throws parley::Error (field = owner.field):
//  - unknown_name for a name no spec has, with "did you mean" and the list of valid names
//    (each with its default) or "it takes none";
//  - invalid for a value that does not parse or is out of range, naming the expected type,
//    range or choices, or for a name given twice.
// REQUIRES: spec names are unique and every default is a valid value of its spec.
ParamValues parse_params(std::span<const ParamSpec> specs, std::span<const std::pair<std::string, std::string>> given,
                         const ParamOwner& owner);
ParamValues parse_params(std::span<const ParamSpec> specs, const std::map<std::string, std::string>& given,
                         const ParamOwner& owner);

// The spec of `name` in `specs`, or nullptr.
const ParamSpec* find_param(std::span<const ParamSpec> specs, std::string_view name, bool ignore_case = false);

// The shortest text that reads back as `x` ("4", "0.25", "1e+06").
std::string number_text(double x);

}  // namespace parley
