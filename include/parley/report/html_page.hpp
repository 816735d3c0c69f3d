#pragma once
// One self-contained HTML page: the report blocks of io/report.hpp as HTML, and charts drawn
// in the browser by Vega-Lite (inlined with the page, web_assets.hpp), each with a table of
// the same numbers beside it. The page makes no network request, works offline and prints.
//
// The page follows one contract, which the browser tests (tests/browser) rely on:
//   <body data-parley-version=".." data-scenario-hash="..">
//   <figure class="chart" id="chart-N" data-chart="KIND"> <div class="chart-view"></div>
//     <figcaption>..</figcaption> <table class="chart-data">..</table> </figure>
//   <script type="application/json" class="chart-spec" data-for="chart-N">SPEC</script>
//   then the chart libraries and the loader, which sets window.parleyReport (a Promise that
//   resolves when every chart is drawn).
// Every text that comes from input (names, labels, notes) is escaped: a label
// `<script>alert(1)</script>` shows as text.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/io/report.hpp"

namespace parley {

// A chart: a Vega-Lite specification with its data inline (no "url"), and the same numbers
// as a table.
struct Chart {
  std::string kind;     // what it shows: positions, frontier, dance, forecast, history, ...
  std::string title;
  std::string caption;  // how to read it, and how the data was sampled or aggregated
  nlohmann::json spec;  // Vega-Lite
  ReportTable data;
};

// `text` with & < > " ' as character references.
std::string html_escape(std::string_view text);

class HtmlPage {
 public:
  // `title` names the page; `scenario_hash` (may be empty) and the parley version are
  // written on the body and in the page's footer.
  HtmlPage(std::string title, std::string scenario_hash);

  // The page's headline (level 1), a section heading (2) or a subsection heading (3).
  void heading(std::string_view text, int level = 2);
  void paragraph(std::string_view text);
  // A note in smaller type (how something was computed, what was left out).
  void note(std::string_view text);
  void table(const ReportTable& table);
  // Renders blocks as HTML: headings one level below `level`'s sections (h3), lines as
  // paragraphs (indented by their level), pairs as definition tables, tables as tables.
  void blocks(const Report& report);
  // Adds a chart where the page has got to. Its id is "chart-N" (N counts from 1).
  void chart(Chart chart);

  const std::vector<Chart>& charts() const { return charts_; }
  // The whole document.
  std::string html() const;

 private:
  std::string title_;
  std::string scenario_hash_;
  std::string body_;
  std::vector<Chart> charts_;
};

}  // namespace parley
