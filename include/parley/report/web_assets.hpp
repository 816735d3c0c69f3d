#pragma once
// STUB until the web branch lands: the chart libraries inlined into every report.
#include <span>
#include <string_view>

namespace parley {
struct WebAsset {
  std::string_view name, version, source;
};
std::span<const WebAsset> chart_library();
std::string_view report_loader();
}  // namespace parley
