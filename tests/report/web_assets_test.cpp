#include "parley/report/web_assets.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace {

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

nlohmann::json package_lock() {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/web/package-lock.json");
  EXPECT_TRUE(in) << "cannot read web/package-lock.json";
  return nlohmann::json::parse(in);
}

TEST(WebAssets, ChartLibraryIsVegaThenVegaLiteThenVegaEmbed) {
  const auto library = parley::chart_library();
  ASSERT_EQ(library.size(), 3u);
  EXPECT_EQ(library[0].name, "vega");
  EXPECT_EQ(library[1].name, "vega-lite");
  EXPECT_EQ(library[2].name, "vega-embed");
}

TEST(WebAssets, VersionsAreThoseOfTheLockFile) {
  const auto lock = package_lock();
  for (const auto& asset : parley::chart_library()) {
    const std::string key = "node_modules/" + std::string(asset.name);
    ASSERT_TRUE(lock["packages"].contains(key)) << key;
    EXPECT_EQ(asset.version, lock["packages"][key]["version"].get<std::string>()) << asset.name;
    // ... and what the package.json at the top of web/ pins.
    EXPECT_EQ(asset.version, lock["packages"][""]["dependencies"][std::string(asset.name)].get<std::string>());
  }
}

TEST(WebAssets, SourcesAreTheMinifiedLibraries) {
  for (const auto& asset : parley::chart_library()) {
    EXPECT_GT(asset.source.size(), 10'000u) << asset.name;
    EXPECT_EQ(asset.source.data()[asset.source.size()], '\0') << asset.name;  // NUL after the view
  }
  // Each UMD bundle sets its global: what the next script and the loader use.
  EXPECT_NE(parley::chart_library()[0].source.find(".vega={}"), std::string_view::npos);
  EXPECT_NE(parley::chart_library()[1].source.find(".vegaLite={}"), std::string_view::npos);
  EXPECT_NE(parley::chart_library()[2].source.find(".vegaEmbed="), std::string_view::npos);
}

TEST(WebAssets, NoScriptMayEndItsScriptElement) {
  for (const auto& asset : parley::chart_library())
    EXPECT_EQ(lowercase(asset.source).find("</script"), std::string::npos) << asset.name;
  EXPECT_EQ(lowercase(parley::report_loader()).find("</script"), std::string::npos);
}

TEST(WebAssets, ReportLoaderIsWebReportLoaderJs) {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/web/report-loader.js", std::ios::binary);
  const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(file.empty());
  EXPECT_EQ(parley::report_loader(), file);
  EXPECT_NE(parley::report_loader().find("window.parleyReport"), std::string_view::npos);
}

}  // namespace
