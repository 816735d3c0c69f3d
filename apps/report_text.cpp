#include "report_text.hpp"

#include <algorithm>
#include <string>
#include <variant>

#include <fmt/format.h>

#include "text_table.hpp"

namespace parley::cli {

namespace {

std::string indentation(int levels) { return std::string(std::size_t(std::max(levels, 0)) * 2, ' '); }

struct Printer {
  void operator()(const ReportHeading& heading) const { fmt::print("\n{}\n", terminal_safe(heading.text)); }
  void operator()(const ReportLine& line) const {
    fmt::print("{}{}\n", indentation(line.indent), terminal_safe(line.text));
  }
  void operator()(const ReportPairs& pairs) const {
    std::size_t width = 0;
    for (const auto& [label, value] : pairs.rows) width = std::max(width, display_width(terminal_safe(label)));
    for (const auto& [label, value] : pairs.rows) {
      const std::string safe = terminal_safe(label);
      fmt::print("{}{}{}  {}\n", indentation(pairs.indent), safe, std::string(width - display_width(safe), ' '),
                 terminal_safe(value));
    }
  }
  void operator()(const ReportTable& table) const {
    TextTable text(table.header);
    for (const auto& row : table.rows) text.add(row);
    text.print();
  }
};

}  // namespace

void print_report(const Report& report) {
  for (const ReportBlock& block : report) std::visit(Printer{}, block);
}

}  // namespace parley::cli
