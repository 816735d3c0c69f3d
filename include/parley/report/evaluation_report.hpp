#pragma once
// `parley report --evaluate FILE`: how well the forecast models did on decisions with known
// outcomes (forecast/evaluate.hpp), on one page: every row's errors (the table `parley
// evaluate` prints), its mean absolute error, its errors case by case as a box plot, and the
// out-of-sample coverage of its 80% intervals against the 80% goal.
// Chart layer names: mae "bars"; coverage "coverage", "goal"; errors "boxes", "whiskers",
// "medians".

#include <string>
#include <vector>

#include "parley/forecast/evaluate.hpp"
#include "parley/report/html_page.hpp"

namespace parley {

// `sources` describe the data read (one line each); `data_hash` is scenario_hash of every
// scenario read. REQUIRES: evaluation came from evaluate(cases, ...).
HtmlPage evaluation_report(const Evaluation& evaluation, const std::vector<EvaluationCase>& cases,
                           const std::vector<std::string>& sources, const std::string& data_hash);

}  // namespace parley
