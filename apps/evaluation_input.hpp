#pragma once
// The decisions `parley evaluate` and `parley report --evaluate` score the models on: one
// file, or every file of a folder, read as DEU data or as scenarios with known outcomes.

#include <string>
#include <vector>

#include "parley/core/scenario.hpp"
#include "parley/forecast/evaluate.hpp"
#include "parley/io/load.hpp"

namespace parley::cli {

struct EvaluationInput {
  std::vector<EvaluationCase> cases;
  std::vector<std::string> sources;           // per file read: its name and what it gave
  std::vector<Scenario> read;                 // every scenario read, in order (for the hash)
  std::vector<std::string> benchmark_actors;  // named by DEU files (the Commission)
};

// Throws InputError when nothing has a known outcome; "equal" capability sets every actor's
// capability to 1 ("file" keeps the data's).
EvaluationInput read_evaluation_input(const std::string& path, InputFormat format, const std::string& capability);

}  // namespace parley::cli
