// One self-contained HTML page (html_page.hpp).
#include "parley/report/html_page.hpp"

#include <fmt/format.h>

#include <variant>

#include "parley/report/web_assets.hpp"

namespace parley {
namespace {

// Print: charts and their tables are never cut across pages; tables lose their scroll
// height so every row is on paper.
constexpr std::string_view kStyle = R"(
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6472; --rule: #d9dde3; --band: #f5f7fa; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink);
       margin: 0; background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 1.7em; margin: 0 0 .2em; }
h2 { font-size: 1.3em; margin: 1.8em 0 .5em; padding-top: .6em; border-top: 2px solid var(--rule); }
h3 { font-size: 1.08em; margin: 1.3em 0 .4em; }
p { margin: .35em 0; max-width: 72em; }
p.note, figcaption, footer { color: var(--muted); font-size: .9em; }
p.indent-1 { margin-left: 1.5em; } p.indent-2 { margin-left: 3em; } p.indent-3 { margin-left: 4.5em; }
table { border-collapse: collapse; font-size: .88em; margin: .4em 0 .8em; }
th, td { border-bottom: 1px solid var(--rule); padding: 3px 9px; text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; position: sticky; top: 0; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
table.pairs th { background: none; position: static; font-weight: 500; color: var(--muted); }
figure.chart { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; margin: 1em 0 1.6em;
               break-inside: avoid; page-break-inside: avoid; }
figure.chart .chart-view { flex: 0 0 auto; min-height: 60px; }
figure.chart .chart-side { flex: 1 1 280px; min-width: 260px; }
figure.chart .chart-side .scroll { max-height: 22em; overflow: auto; }
figcaption strong { color: var(--ink); display: block; font-size: 1.05em; }
footer { border-top: 1px solid var(--rule); margin-top: 3em; padding-top: .8em; }
@media print {
  main { max-width: none; padding: 0; }
  figure.chart .chart-side .scroll { max-height: none; overflow: visible; }
  th { position: static; }
  h2 { break-after: avoid; }
}
)";

bool looks_numeric(const std::string& cell) {
  if (cell.empty()) return false;
  std::size_t digits = 0;
  for (char c : cell) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (c != '.' && c != '-' && c != '+' && c != '%' && c != 'e' && c != ',')
      return false;
  }
  return digits > 0;
}

std::string table_html(const ReportTable& table, std::string_view css_class) {
  std::string html = css_class.empty() ? "<table>" : fmt::format("<table class=\"{}\">", css_class);
  html += "<thead><tr>";
  for (const std::string& cell : table.header) html += "<th>" + html_escape(cell) + "</th>";
  html += "</tr></thead><tbody>\n";
  for (const auto& row : table.rows) {
    html += "<tr>";
    for (const std::string& cell : row)
      html += (looks_numeric(cell) ? "<td class=\"number\">" : "<td>") + html_escape(cell) + "</td>";
    html += "</tr>\n";
  }
  return html + "</tbody></table>\n";
}

// JSON inside <script type="application/json">: "</script" or "<!--" in a label must not end
// or change the element, so < > & are written as \u escapes (still the same JSON).
std::string script_json(const nlohmann::json& value) {
  const std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

HtmlPage::HtmlPage(std::string title, std::string scenario_hash)
    : title_(std::move(title)), scenario_hash_(std::move(scenario_hash)) {}

void HtmlPage::heading(std::string_view text, int level) {
  level = level < 1 ? 1 : (level > 4 ? 4 : level);
  body_ += fmt::format("<h{0}>{1}</h{0}>\n", level, html_escape(text));
}

void HtmlPage::paragraph(std::string_view text) { body_ += "<p>" + html_escape(text) + "</p>\n"; }

void HtmlPage::note(std::string_view text) { body_ += "<p class=\"note\">" + html_escape(text) + "</p>\n"; }

void HtmlPage::table(const ReportTable& table) { body_ += table_html(table, ""); }

void HtmlPage::blocks(const Report& report) {
  struct Renderer {
    std::string& out;
    void operator()(const ReportHeading& heading) const { out += "<h3>" + html_escape(heading.text) + "</h3>\n"; }
    void operator()(const ReportLine& line) const {
      const int indent = line.indent < 0 ? 0 : (line.indent > 3 ? 3 : line.indent);
      out += indent ? fmt::format("<p class=\"indent-{}\">", indent) : std::string("<p>");
      out += html_escape(line.text) + "</p>\n";
    }
    void operator()(const ReportPairs& pairs) const {
      out += "<table class=\"pairs\"><tbody>\n";
      for (const auto& [label, value] : pairs.rows)
        out += "<tr><th>" + html_escape(label) + "</th><td>" + html_escape(value) + "</td></tr>\n";
      out += "</tbody></table>\n";
    }
    void operator()(const ReportTable& table) const { out += table_html(table, ""); }
  };
  for (const ReportBlock& block : report) std::visit(Renderer{body_}, block);
}

void HtmlPage::chart(Chart chart) {
  const std::string id = fmt::format("chart-{}", charts_.size() + 1);
  body_ += fmt::format("<figure class=\"chart\" id=\"{}\" data-chart=\"{}\">\n<div class=\"chart-view\"></div>\n", id,
                       html_escape(chart.kind));
  body_ += "<div class=\"chart-side\"><figcaption><strong>" + html_escape(chart.title) + "</strong>" +
           html_escape(chart.caption) + "</figcaption>\n<div class=\"scroll\">" + table_html(chart.data, "chart-data") +
           "</div></div>\n</figure>\n";
  body_ += fmt::format("<script type=\"application/json\" class=\"chart-spec\" data-for=\"{}\">{}</script>\n", id,
                       script_json(chart.spec));
  charts_.push_back(std::move(chart));
}

std::string HtmlPage::html() const {
  std::string page = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  page += "<title>" + html_escape(title_) + "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n";
  page += fmt::format("<body data-parley-version=\"{}\" data-scenario-hash=\"{}\">\n<main>\n", html_escape(PARLEY_VERSION),
                      html_escape(scenario_hash_));
  page += body_;
  page += fmt::format("<footer>Made by parley {}{}. Charts drawn with", html_escape(PARLEY_VERSION),
                      scenario_hash_.empty() ? "" : " from scenario " + html_escape(scenario_hash_));
  bool first = true;
  for (const WebAsset& asset : chart_library()) {
    page += fmt::format("{} {} {}", first ? "" : ",", html_escape(asset.name), html_escape(asset.version));
    first = false;
  }
  page += ", inlined in this file: it needs no network.</footer>\n</main>\n";
  for (const WebAsset& asset : chart_library()) page += "<script>" + std::string(asset.source) + "</script>\n";
  page += "<script>" + std::string(report_loader()) + "</script>\n</body>\n</html>\n";
  return page;
}

}  // namespace parley
