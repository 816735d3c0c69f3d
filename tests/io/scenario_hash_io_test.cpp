// scenario_hash() over what the io layer reads: a scenario hashes the same however it was
// imported or written, and a variant that changes a value changes the hash.
#include <gtest/gtest.h>

#include <filesystem>

#include "parley/core/scenario_hash.hpp"
#include "parley/io/document_header.hpp"
#include "parley/io/genius.hpp"
#include "parley/io/input_error.hpp"
#include "parley/io/load.hpp"
#include "parley/io/scenario_yaml.hpp"

namespace parley {
namespace {

const std::filesystem::path kData = PARLEY_TEST_DATA;
const std::filesystem::path kFlagship = kData / "../../scenarios/talks-2025.yaml";

// Every GENIUS domain: imported, written as YAML and read back, the hash is the same.
TEST(ScenarioHashIo, ImportedAndWrittenHashAlike) {
  std::size_t folders = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kData / "genius")) {
    if (!entry.is_directory() || !is_genius_folder(entry.path())) continue;
    SCOPED_TRACE(entry.path().string());
    Scenario imported;
    try {
      imported = import_genius(entry.path());
    } catch (const InputError&) {
      continue;  // bad-input folders of the importer's own tests
    }
    const Scenario back = parse_scenario_yaml(scenario_to_yaml(imported), "written.yaml");
    EXPECT_EQ(scenario_hash(back), scenario_hash(imported));
    ++folders;
  }
  EXPECT_GT(folders, 100u);
}

TEST(ScenarioHashIo, VariantsChangeTheHashOfTheScenarioAsLoaded) {
  const Scenario base = load_scenario(kFlagship);
  EXPECT_EQ(scenario_hash(load_scenario(kFlagship)), scenario_hash(base));
  for (const VariantSummary& variant : base.variants)
    EXPECT_NE(scenario_hash(load_scenario(kFlagship, variant.id)), scenario_hash(base)) << variant.id;
}

TEST(DocumentHeader, VersionAndScenarioHash) {
  const Scenario scenario = load_scenario(kFlagship);
  nlohmann::json document = {{"scenario", scenario.name}};
  add_document_header(document, scenario);
  EXPECT_EQ(document["parley"]["version"], PARLEY_VERSION);
  EXPECT_EQ(document["parley"]["scenario_hash"], scenario_hash(scenario));
  EXPECT_EQ(document["scenario"], scenario.name);  // the rest of the document is left alone
  EXPECT_STREQ(parley_version(), PARLEY_VERSION);
  EXPECT_EQ(document_header("0123456789abcdef"),
            nlohmann::json({{"version", PARLEY_VERSION}, {"scenario_hash", "0123456789abcdef"}}));
  nlohmann::json empty;
  add_document_header(empty, std::string("00000000000000ff"));
  EXPECT_TRUE(empty.is_object());
  EXPECT_EQ(empty["parley"]["scenario_hash"], "00000000000000ff");
}

}  // namespace
}  // namespace parley
