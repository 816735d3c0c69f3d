#pragma once
// Internal test tool: the golden negotiation traces. A fixed list of seeded negotiations —
// random and MiCRO strategies (the generator and uniform_below), the mediated protocol's
// random start, candidate shuffle and jumps (uniform_below, shuffle), issue by issue,
// alternating offers, time-based and Nash-seeking strategies (floating-point paths) on
// three GENIUS domains, staged runs of the flagship scenario, and direct draws of every
// distribution in core/random.hpp for three seeds — printed as text, every
// double with 17 significant digits. tests/data/golden/traces.txt holds the output; the
// libstdc++ build (golden_tests) and the libc++ build (tests/libcxx/run.sh) must both
// reproduce it byte for byte. Uses only the core and negotiate layers.
#include <string>

namespace parley::golden {

std::string golden_traces();

}  // namespace parley::golden
