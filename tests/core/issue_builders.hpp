#pragma once
// Small issues for the core tests.

#include <cstddef>
#include <string>
#include <utility>

#include "parley/core/issue.hpp"

namespace parley::test {

// Whole numbers lower..upper.
inline Issue integer_issue(std::string id, double lower, double upper) {
  Issue issue;
  issue.id = std::move(id);
  issue.kind = IssueKind::integer;
  issue.lower = lower;
  issue.upper = upper;
  return issue;
}

// Unordered options "o0", "o1", ...
inline Issue discrete_issue(std::string id, std::size_t options) {
  Issue issue;
  issue.id = std::move(id);
  issue.kind = IssueKind::discrete;
  for (std::size_t i = 0; i < options; ++i) issue.options.push_back("o" + std::to_string(i));
  return issue;
}

}  // namespace parley::test
