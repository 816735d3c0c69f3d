// evaluate(): the DEU reference figures, cross-validation, and the scoring itself.

#include "parley/forecast/evaluate.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "parley/io/deu.hpp"
#include "parley/core/error.hpp"
#include "table_builder.hpp"

namespace parley::test {
namespace {

std::vector<EvaluationCase> deu_cases() {
  static const std::vector<EvaluationCase> cases = [] {
    std::vector<EvaluationCase> all;
    for (const Scenario& issue : import_deu(std::filesystem::path(PARLEY_TEST_DATA) / "deu/deu3.tsv").issues)
      for (auto& c : evaluation_cases(issue)) all.push_back(std::move(c));
    return all;
  }();
  return cases;
}

const ModelScore& row(const Evaluation& evaluation, const std::string& name) {
  for (const auto& s : evaluation.scores)
    if (s.name == name) return s;
  throw std::runtime_error("no row " + name);
}

TEST(Evaluate, ReproducesTheDeuReferenceFigures) {
  const auto cases = deu_cases();
  ASSERT_EQ(cases.size(), 353u);
  EvaluationOptions options;
  options.models = {"compromise", "nash", "salience-mean", "mean", "median", "midpoint", "actor:com", "reference-point"};
  options.folds = 0;
  const Evaluation evaluation = evaluate(cases, options);
  EXPECT_EQ(evaluation.cases, 353u);
  struct Expected {
    const char* name;
    double mae;
    std::size_t n;
  };
  for (const Expected& e : {Expected{"compromise", 23.09, 353}, Expected{"nash", 23.09, 353},
                            Expected{"salience-mean", 23.61, 353}, Expected{"mean", 23.71, 353},
                            Expected{"median", 27.32, 353}, Expected{"midpoint", 28.02, 353},
                            Expected{"actor:com", 37.70, 348}, Expected{"reference-point", 51.11, 253}}) {
    const ModelScore& s = row(evaluation, e.name);
    EXPECT_NEAR(s.mae, e.mae, 0.005) << e.name;
    EXPECT_EQ(s.n, e.n) << e.name;
    EXPECT_LE(s.hit5, s.hit10) << e.name;
    EXPECT_GE(s.median_ae, 0) << e.name;
  }
}

TEST(Evaluate, CrossValidatedRowsAreReproducibleAndBeatTheCompromiseModel) {
  const auto cases = deu_cases();
  EvaluationOptions options;
  options.models = {"compromise", "compromise-cv", "nash-cv"};
  options.folds = 10;
  options.seed = 1;
  options.interval_draws = 0;  // point forecasts only (interval_test.cpp tests the intervals): 3× faster
  const Evaluation first = evaluate(cases, options);
  const Evaluation second = evaluate(cases, options);
  for (const char* name : {"compromise-cv", "nash-cv"}) {
    EXPECT_EQ(row(first, name).mae, row(second, name).mae) << name;
    EXPECT_TRUE(row(first, name).cross_validated);
    EXPECT_EQ(row(first, name).n, 353u);
    EXPECT_FALSE(row(first, name).fitted.empty());
  }
  EXPECT_LT(row(first, "nash-cv").mae, row(first, "compromise").mae);
  // Another split: still out of sample, still better than the compromise model.
  options.seed = 2;
  const Evaluation other = evaluate(cases, options);
  EXPECT_LT(row(other, "nash-cv").mae, row(other, "compromise").mae);
}

TEST(Evaluate, ScoresHandComputedCases) {
  // Two cases on 0–100: compromise forecasts 25 (outcome 30, error 5) and 50 (outcome 80,
  // error 30).
  std::vector<EvaluationCase> cases(2);
  cases[0].table = make_table({{"a", 3, {0}, {1}}, {"b", 1, {100}, {1}}});
  cases[0].outcome = 30;
  cases[1].table = make_table({{"a", 1, {0}, {1}}, {"b", 1, {100}, {1}}});
  cases[1].outcome = 80;
  EvaluationOptions options;
  options.models = {"compromise"};
  options.folds = 0;
  const ModelScore s = evaluate(cases, options).scores.at(0);
  EXPECT_EQ(s.n, 2u);
  EXPECT_DOUBLE_EQ(s.mae, 17.5);
  EXPECT_DOUBLE_EQ(s.median_ae, 17.5);
  EXPECT_DOUBLE_EQ(s.hit5, 0.5);
  EXPECT_DOUBLE_EQ(s.hit10, 0.5);
  // Errors are in points of a 0–100 scale: the same case on 0–10 scores the same.
  cases[0].table = make_table({{"a", 3, {0}, {1}}, {"b", 1, {10}, {1}}}, 0, 10);
  cases[0].outcome = 3;
  EXPECT_DOUBLE_EQ(evaluate(cases, options).scores.at(0).mae, 17.5);
}

TEST(Evaluate, BenchmarkActorsBecomeDefaultRows) {
  // No actor is known by name: a benchmark actor is scored only when the options name it,
  // after reference-point, and only when some case has it.
  std::vector<EvaluationCase> cases(2);
  cases[0].table = make_table({{"a", 1, {20}, {1}}, {"chair", 1, {60}, {1}}}, 0, 100, 40.0);
  cases[0].outcome = 50;
  cases[1].table = make_table({{"a", 1, {20}, {1}}, {"b", 1, {80}, {1}}}, 0, 100, 40.0);
  cases[1].outcome = 50;
  EvaluationOptions options;
  options.folds = 0;
  auto names = [&] {
    std::vector<std::string> out;
    for (const auto& s : evaluate(cases, options).scores) out.push_back(s.name);
    return out;
  };
  const auto plain = names();
  EXPECT_EQ(std::count_if(plain.begin(), plain.end(), [](const std::string& n) { return n.rfind("actor:", 0) == 0; }), 0);
  options.benchmark_actors = {"chair", "nobody"};
  const auto with = names();
  const auto at = std::find(with.begin(), with.end(), "actor:chair");
  ASSERT_NE(at, with.end());
  EXPECT_EQ(*(at - 1), "reference-point");
  EXPECT_EQ(std::find(with.begin(), with.end(), "actor:nobody"), with.end());
  const Evaluation evaluation = evaluate(cases, options);
  const ModelScore& chair = row(evaluation, "actor:chair");
  EXPECT_EQ(chair.n, 1u);
  EXPECT_DOUBLE_EQ(chair.mae, 10);
}

TEST(Evaluate, RejectsUnknownRowsAndTooManyFolds) {
  std::vector<EvaluationCase> cases(1);
  cases[0].table = make_table({{"a", 1, {0}, {1}}, {"b", 1, {100}, {1}}});
  EvaluationOptions options;
  // Errors name the field, never a command-line flag.
  auto field_of = [&] {
    try {
      evaluate(cases, options);
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()).find("--"), std::string::npos) << e.what();
      return e.location().field;
    }
    return std::string("no error");
  };
  options.models = {"compromize"};
  options.folds = 0;
  EXPECT_EQ(field_of(), "evaluation row");
  options.models = {"nash-cv"};
  EXPECT_EQ(field_of(), "evaluation row");  // needs folds
  options.models = {};
  options.folds = 5;
  EXPECT_EQ(field_of(), "folds");  // 5 folds for 1 case
}

TEST(Evaluate, CasesFromAScenario) {
  Scenario scenario;
  Issue a, b;
  a.id = "a";
  a.known_outcome = 40;
  b.id = "b";
  scenario.issues = {a, b};
  Actor actor;
  actor.id = "x";
  actor.stances = {Stance{10, 1, {}}, Stance{20, 1, {}}};
  scenario.actors = {actor};
  const auto cases = evaluation_cases(scenario);
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0].id, "a");
  EXPECT_EQ(cases[0].outcome, 40);
  EXPECT_EQ(cases[0].table.dimension_count(), 1u);
}

}  // namespace
}  // namespace parley::test
