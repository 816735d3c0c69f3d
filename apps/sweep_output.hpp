#pragma once
// How a sweep's summary reads on a terminal: text tables. (Its JSON and CSV, and the texts of
// its inputs, are the library's: parley/io/sweep_summary.hpp.)

#include "parley/run/sweep.hpp"

namespace parley::cli {

void print_sweep(const SweepPlan& plan, const SweepSummary& summary);

}  // namespace parley::cli
