// Every file in tests/data/bad/ starts with a comment naming the error it must produce:
//   # error: <line>:<col>: <substring of the message>
// The test loads the file and checks the InputError's line, column and message.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>

#include <gtest/gtest.h>

#include "parley/io/input_error.hpp"
#include "parley/io/scenario_yaml.hpp"

namespace parley {
namespace {

const std::filesystem::path kBad = std::filesystem::path(PARLEY_TEST_DATA) / "bad";

struct Expected {
  int line = 0;
  int column = 0;
  std::string message;
};

Expected read_header(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string first;
  std::getline(in, first);
  static const std::regex header(R"(# error: (\d+):(\d+): (.+))");
  std::smatch match;
  if (!std::regex_match(first, match, header)) return {};
  return {std::stoi(match[1]), std::stoi(match[2]), match[3]};
}

std::vector<std::filesystem::path> bad_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(kBad))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(ScenarioYamlErrors, EveryBadFixtureFailsWhereItsHeaderSays) {
  const auto files = bad_files();
  EXPECT_GE(files.size(), 25u);
  for (const auto& file : files) {
    SCOPED_TRACE(file.filename().string());
    const Expected expected = read_header(file);
    ASSERT_GT(expected.line, 0) << "first line must be `# error: <line>:<col>: <message>`";
    try {
      load_scenario_yaml(file);
      ADD_FAILURE() << "loaded without error";
    } catch (const InputError& error) {
      EXPECT_EQ(error.file(), file.string());
      EXPECT_EQ(error.line(), expected.line) << error.what();
      EXPECT_EQ(error.column(), expected.column) << error.what();
      EXPECT_NE(error.message().find(expected.message), std::string::npos)
          << error.what() << "\nexpected: " << expected.message;
      // what() is "file:line:col: message".
      EXPECT_EQ(std::string(error.what()),
                file.string() + ":" + std::to_string(expected.line) + ":" + std::to_string(expected.column) + ": " +
                    error.message());
    }
  }
}

// Each class of error named in docs/format.md has at least one fixture.
TEST(ScenarioYamlErrors, FixturesCoverEveryErrorClass) {
  const std::vector<std::string> classes = {
      "syntax_",          "unknown_root_field", "unknown_actor_field", "unknown_stance_field", "wrong_type_",
      "negative_salience", "capability_zero",   "reservation_out_of_range", "discount_zero", "steps_too_small",
      "position_out_of_range", "unknown_option", "duplicate_issue", "duplicate_actor", "duplicate_channel",
      "duplicate_stage", "duplicate_variant", "duplicate_stance", "unknown_actor_ref", "unknown_issue_ref",
      "unknown_channel_ref", "unknown_stage_ref", "stage_cycle", "empty_options", "integer_empty_range",
      "stage_without_issues", "variant_unknown_path", "variant_bad_value", "missing_name", "missing_issues",
      "missing_actors", "invalid_issue_id", "nan_number", "inf_number", "deep_nesting"};
  const auto files = bad_files();
  for (const auto& prefix : classes)
    EXPECT_TRUE(std::any_of(files.begin(), files.end(),
                            [&](const auto& file) { return file.filename().string().starts_with(prefix); }))
        << "no fixture for " << prefix;
}

TEST(ScenarioYamlErrors, EmptyAndNonMapDocuments) {
  // yaml-cpp 0.7 loops forever on a stray top-level ',' in LoadAll; the reader must not.
  for (const std::string text : {"", "# only a comment\n", "just text\n", "- a\n- b\n", ",", "[a],", "{a: 1},\n"}) {
    SCOPED_TRACE(text);
    EXPECT_THROW(parse_scenario_yaml(text, "x.yaml"), InputError);
  }
}

TEST(ScenarioYamlErrors, NumbersMustBeFinite) {
  const std::string head = "name: n\nissues: {x: {}}\nactors: {a: {capability: ";
  for (const std::string number : {".nan", ".NaN", "nan", ".inf", "-.Inf", "inf", "infinity", "1e999", "-1e400"}) {
    SCOPED_TRACE(number);
    try {
      parse_scenario_yaml(head + number + "}}\n", "n.yaml");
      ADD_FAILURE() << "accepted";
    } catch (const InputError& error) {
      EXPECT_NE(error.message().find("finite"), std::string::npos) << error.what();
      EXPECT_EQ(error.line(), 3);
    }
  }
  for (const std::string text : {"0x10", "1,5", "1_000", "+-1", "--1", "1e", ""}) {
    SCOPED_TRACE(text);
    EXPECT_THROW(parse_scenario_yaml(head + "'" + text + "'}}\n", "n.yaml"), InputError);
  }
}

TEST(ScenarioYamlErrors, EmptyValuesPointAtTheirKey) {
  try {
    parse_scenario_yaml("name: n\nissues: {x: {}}\nactors:\n  a:\n    capability:\n    note: x\n", "e.yaml");
    FAIL() << "expected InputError";
  } catch (const InputError& error) {
    EXPECT_EQ(error.line(), 5);
    EXPECT_EQ(error.column(), 5);
  }
}

// Found by fuzz_tournament_file: with NUL bytes in the text, yaml-cpp put the second
// document's start past the end of the text, and reading there threw std::out_of_range
// (an internal error) instead of the syntax error.
TEST(ScenarioYamlErrors, ADocumentEndPastTheTextIsASyntaxError) {
  const std::string text(
      "\x26\x00\x01\x0f\x2d\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x73\x72\x65\x71\x75\x65"
      "\x6e\x63\x79\x22\x2c\x20\x6d\x69\x63\x72\x6f\x2c\x20\x22\x74\x69\x74\x5f\x66\x6f\x72\x5f\x74\x61"
      "\x69\x24\x24\x24\x24\x24\x24\x3a\x20\x5b\x23\x5b\x61\x24\x24\x65\x73\x3a\x20\x5b\x62\x74\x3a\x66"
      "\x61\x63\x74\x6f\x72\x3d\x30\x2e\x35\x22\x5d\x73\x74\x73\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
      "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
      "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x4e\x34\x59\x41\x4d\x4c\x31\x35\x50\x61\x72\x73\x65"
      "\x72\x45\x78\x63\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
      "\x00\x00\x00\x00\x74\x65\x73\x6d\x53\x3a\x20\x5b\x23\x5b\x61\x5b\x23\x73\x61\x4e\x00\x00\x00\x00"
      "\x00\x00\x00\x00\x55\x4c\x4c\x69\x2c\x2c\x2c\x00",
      204);
  EXPECT_THROW((void)parse_scenario_yaml(text, "fuzz.yaml"), InputError);
}

}  // namespace
}  // namespace parley
