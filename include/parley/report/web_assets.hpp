#pragma once
// The scripts every HTML report inlines: the chart libraries (vega, vega-lite, vega-embed, at
// the versions of web/package-lock.json) and parley's loader (web/report-loader.js). They are
// built into the library, so `parley report` writes a self-contained page with nothing
// installed beside the binary.
#include <span>
#include <string_view>

namespace parley {

struct WebAsset {
  std::string_view name;     // the npm package: "vega", "vega-lite", "vega-embed"
  std::string_view version;  // from the package's package.json when parley was configured
  std::string_view source;   // the minified script
};

// The chart libraries in load order (vega, vega-lite, vega-embed): write each as
// <script>SOURCE</script>, in this order, before report_loader().
// Guarantees: every source is non-empty, contains no "</script" in any letter case (the build
// escapes it as "<\/script"), so it may be inlined as is, and is followed in memory by a NUL
// byte. The views point into the binary's read-only data: valid for the life of the process.
// Thread-safe.
std::span<const WebAsset> chart_library();

// parley's loader, web/report-loader.js, with the same guarantees. Inlined after the chart
// libraries, it embeds every <script type="application/json" class="chart-spec"
// data-for="ID"> into #ID .chart-view as SVG, and sets window.parleyReport: a Promise that
// resolves when every chart is drawn (then <body data-rendered="true">) and rejects on the
// first spec that is not JSON or fails to embed (that figure gets data-error).
std::string_view report_loader();

}  // namespace parley
