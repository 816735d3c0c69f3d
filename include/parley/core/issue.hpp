#pragma once
// An issue is one thing to decide. Every issue has a finite list of *values* that an outcome
// may pick (discrete options, integers, or the grid points of a continuous range); outcomes
// store a value index per issue, and `value_number` maps that index to the issue's scale.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace parley {

enum class IssueKind { continuous, integer, discrete };

struct LabelledPoint {
  double at = 0;
  std::string label;
  bool operator==(const LabelledPoint&) const = default;
};

struct Issue {
  std::string id;
  std::string name;  // human-readable; defaults to id
  IssueKind kind = IssueKind::continuous;

  // continuous and integer issues: the range [lower, upper]
  double lower = 0;
  double upper = 100;
  // continuous issues: number of evenly spaced grid points used when an outcome space is
  // enumerated (both ends included). REQUIRES: >= 2.
  std::uint32_t steps = 11;
  std::vector<LabelledPoint> labels;  // continuous: names for points of the range

  // discrete issues
  std::vector<std::string> options;
  bool ordered = false;  // ordered options have an ordinal scale 0..n-1

  // Known facts about the decision, used to evaluate forecasts (e.g. the DEU data): the
  // status quo (reference point) and the actual outcome, on the issue's scale.
  std::optional<double> reference_point;
  std::optional<double> known_outcome;

  // Number of values an outcome may pick for this issue.
  std::uint32_t value_count() const;
  // The number on the issue's scale for value index v (ordinal index for discrete issues).
  double value_number(std::uint32_t v) const;
  // Human-readable value v, the one way every report names a value:
  //   compact    the option name, or the number ({:g});
  //   labelled   the same, plus a continuous issue's label when one sits on that point:
  //              "100 (NATO membership)";
  //   described  labelled, or between which labels it lies: "40 (between neutral and EU)".
  enum class TextStyle { compact, labelled, described };
  std::string value_text(std::uint32_t v, TextStyle style = TextStyle::labelled) const;
  // Length of the scale (upper - lower, or options - 1 for discrete issues); 0 for a
  // single-valued issue.
  double scale_length() const;
  // Nearest value index to a number on the issue's scale; numbers beyond the scale (±inf
  // included) give the end value, NaN gives value 0 (callers that take user input refuse NaN
  // first: it names no value).
  std::uint32_t nearest_value(double number) const;

  bool operator==(const Issue&) const = default;
};

const char* to_string(IssueKind kind);

}  // namespace parley
