#pragma once
// Prints report blocks (parley/io/report.hpp) as the CLI's plain text: a heading after a
// blank line, lines indented two spaces per level, label/value pairs with aligned labels,
// tables as TextTable prints them.

#include "parley/io/report.hpp"

namespace parley::cli {

void print_report(const Report& report);

}  // namespace parley::cli
