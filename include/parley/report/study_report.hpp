#pragma once
// `parley report RESULTS.sqlite`: a tournament or sweep database on one page.
//   tournament: the ranking with 95% intervals (the table `parley results` prints), each
//     strategy's own utility as a box plot, and agreement rates with their intervals;
//   sweep: every forecast's median and 10–90% range per issue and model, each stage's
//     agreement and veto rates, each actor's utility as a histogram per stage, and a
//     tornado chart of the inputs that move the most sensitive results (Spearman's rho).
// Chart layer names (the marks the browser tests count): ranking "means", "intervals";
// utilities "boxes", "whiskers", "medians"; agreement "rates"; sweep-forecast "medians",
// "ranges"; histogram "bins"; tornado "influences".

#include <string>

#include "parley/io/results_db.hpp"
#include "parley/report/html_page.hpp"

namespace parley {

// Charts of a sweep's histograms use this many equal bins over each actor's [0, 1] utility.
inline constexpr std::size_t kHistogramBins = 20;
// Tornado charts: the results with the strongest influence, and the inputs shown per result.
inline constexpr std::size_t kTornadoResults = 6;
inline constexpr std::size_t kTornadoInputs = 8;

// `path` names the database on the page. Throws parley::Error (invalid) for a database with
// no finished run and as stored_sweep_plan does for a malformed identity.
HtmlPage study_report(const StoredStudy& study, const std::string& path);

}  // namespace parley
