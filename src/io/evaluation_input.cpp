// Reading the decisions evaluate scores the models on, and its JSON document.

#include "parley/io/evaluation_input.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "parley/core/error.hpp"
#include "parley/core/scenario_hash.hpp"
#include "parley/io/deu.hpp"
#include "parley/io/document_header.hpp"
#include "parley/io/forecast_json.hpp"
#include "parley/io/input_error.hpp"

namespace parley {

namespace {

// The cases of one file; every scenario read is appended to input.read (the document header
// hashes them). DEU files also name their benchmark actors (the Commission).
void add_cases(const std::filesystem::path& file, InputFormat format, EvaluationInput& input) {
  if (format == InputFormat::automatic) format = detect_input_format(file);
  const std::size_t before = input.cases.size();
  if (format == InputFormat::deu) {
    DeuData data = import_deu(file);
    for (const auto& id : data.benchmark_actors)
      if (std::find(input.benchmark_actors.begin(), input.benchmark_actors.end(), id) == input.benchmark_actors.end())
        input.benchmark_actors.push_back(id);
    for (const Scenario& issue : data.issues)
      for (auto& c : evaluation_cases(issue)) input.cases.push_back(std::move(c));
    for (Scenario& issue : data.issues) input.read.push_back(std::move(issue));
    input.sources.push_back(fmt::format("{} ({} issues with an outcome; {}; {} saliences imputed)",
                                        file.filename().string(), input.cases.size() - before, data.conventions,
                                        data.imputed_saliences));
    return;
  }
  input.read.push_back(load_scenario(file, "", format));
  for (auto& c : evaluation_cases(input.read.back())) input.cases.push_back(std::move(c));
  input.sources.push_back(
      fmt::format("{} ({} issues with a known outcome)", file.filename().string(), input.cases.size() - before));
}

}  // namespace

const char* to_string(CapabilitySource source) { return source == CapabilitySource::equal ? "equal" : "file"; }

CapabilitySource parse_capability_source(const std::string& text) {
  if (text == "file") return CapabilitySource::file;
  if (text == "equal") return CapabilitySource::equal;
  throw field_error("capability",
                    fmt::format("'{}': use file (the data's capabilities) or equal (every actor 1)", text));
}

EvaluationInput read_evaluation_input(const std::filesystem::path& path, InputFormat format,
                                      CapabilitySource capability) {
  EvaluationInput input;
  input.capability = capability;
  if (std::filesystem::is_directory(path) && format != InputFormat::genius) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(path))
      if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) add_cases(file, format, input);
  } else {
    add_cases(path, format, input);
  }
  if (input.cases.empty())
    throw InputError(path.string(), "no issue with a known outcome to evaluate against (DEU data: the `out` column)");
  if (capability == CapabilitySource::equal)
    for (auto& c : input.cases) c.table.capability.assign(c.table.actor_count(), 1.0);
  return input;
}

EvaluationOptions evaluation_options(const EvaluationInput& input) {
  EvaluationOptions options;
  options.benchmark_actors = input.benchmark_actors;
  return options;
}

nlohmann::json evaluation_document(const Evaluation& evaluation, const EvaluationInput& input, bool timings) {
  nlohmann::json document = evaluation_to_json(evaluation, timings);
  document["sources"] = input.sources;
  document["capability"] = to_string(input.capability);
  add_document_header(document, scenario_hash(input.read));  // every scenario read, in order
  return document;
}

}  // namespace parley
