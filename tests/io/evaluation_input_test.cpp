// read_evaluation_input and evaluation_document: the decisions evaluate scores the models on
// (shared by `parley evaluate`, `parley report --evaluate` and parley.evaluate).

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "parley/core/error.hpp"
#include "parley/io/evaluation_input.hpp"
#include "parley/io/input_error.hpp"

namespace parley {
namespace {

const std::filesystem::path kData = PARLEY_TEST_DATA;

TEST(EvaluationInput, DeuFileGivesItsCasesSourcesAndBenchmarkActors) {
  const EvaluationInput input = read_evaluation_input(kData / "deu" / "deu3.tsv");
  EXPECT_EQ(input.cases.size(), 353U);
  ASSERT_EQ(input.sources.size(), 1U);
  EXPECT_EQ(input.sources[0].rfind("deu3.tsv (353 issues with an outcome", 0), 0U) << input.sources[0];
  EXPECT_EQ(input.benchmark_actors, std::vector<std::string>{"com"});
  EXPECT_GE(input.read.size(), input.cases.size());  // one scenario per DEU issue, also those without an outcome
  EXPECT_EQ(evaluation_options(input).benchmark_actors, input.benchmark_actors);
  // A folder is every file in it: here the same one file.
  EXPECT_EQ(read_evaluation_input(kData / "deu").cases.size(), 353U);
}

TEST(EvaluationInput, EqualCapabilitySetsEveryActorToOne) {
  const EvaluationInput input =
      read_evaluation_input(kData / "deu" / "deu3.tsv", InputFormat::automatic, CapabilitySource::equal);
  for (const EvaluationCase& c : input.cases)
    for (double capability : c.table.capability) EXPECT_EQ(capability, 1.0) << c.id;
  EXPECT_EQ(parse_capability_source("equal"), CapabilitySource::equal);
  EXPECT_EQ(parse_capability_source("file"), CapabilitySource::file);
  try {
    parse_capability_source("gdp");
    FAIL() << "gdp accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.location().field, "capability");
  }
}

TEST(EvaluationInput, NothingKnownIsAnInputError) {
  EXPECT_THROW(read_evaluation_input(kData / "scenarios" / "minimal.yaml"), InputError);
}

TEST(EvaluationInput, DocumentAddsSourcesCapabilityAndHeader) {
  const EvaluationInput input =
      read_evaluation_input(kData / "deu" / "deu3.tsv", InputFormat::automatic, CapabilitySource::equal);
  EvaluationOptions options = evaluation_options(input);
  options.models = {"compromise"};
  options.folds = 0;
  const auto document = evaluation_document(evaluate(input.cases, options), input);
  EXPECT_EQ(document["sources"], input.sources);
  EXPECT_EQ(document["capability"], "equal");
  EXPECT_TRUE(document["parley"].contains("scenario_hash"));
  EXPECT_EQ(document["scores"][0]["name"], "compromise");
  EXPECT_FALSE(document.contains("seconds"));
}

}  // namespace
}  // namespace parley
