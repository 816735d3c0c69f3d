// One staged negotiation per variant of a scenario (compare).

#include "parley/io/variant_comparison.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "parley/core/error.hpp"
#include "parley/io/document_header.hpp"
#include "parley/io/negotiation_json.hpp"

namespace parley {

namespace {

std::vector<std::string> resolve_variants(const Scenario& base, const std::vector<std::string>& requested) {
  std::vector<std::string> known;
  for (const VariantSummary& v : base.variants) known.push_back(v.id);
  std::vector<std::string> names = requested;
  if (names.empty()) {
    names.push_back(kBaseVariant);
    names.insert(names.end(), known.begin(), known.end());
  }
  std::vector<std::string> valid = known;
  valid.insert(valid.begin(), kBaseVariant);
  for (const std::string& name : names) {
    if (std::find(valid.begin(), valid.end(), name) != valid.end()) continue;
    throw field_error(
        "variants",
        fmt::format("no variant '{}'{}; variants: {}", name, did_you_mean(name, valid), fmt::join(valid, ", ")),
        ErrorKind::unknown_name);
  }
  return names;
}

}  // namespace

VariantComparison compare_variants(const ScenarioFile& file, const std::vector<std::string>& variants,
                                   const std::function<StagedOptions(const Scenario&)>& options_for) {
  VariantComparison comparison;
  comparison.base = file.base;
  const std::vector<std::string> names = resolve_variants(file.base, variants);
  (void)options_for(file.base);  // variants keep the same actors: check the choices once, up front
  const bool base_is_variant = file.variants.count(kBaseVariant) > 0;
  for (const std::string& name : names) {
    VariantRun run;
    run.name = name;
    run.scenario = name == kBaseVariant && !base_is_variant ? file.base : file.variants.at(name);
    StagedOptions options = options_for(run.scenario);
    options.record_trace = false;
    run.result = run_staged(run.scenario, options);
    comparison.runs.push_back(std::move(run));
  }
  return comparison;
}

nlohmann::json comparison_to_json(const VariantComparison& comparison) {
  nlohmann::json json;
  add_document_header(json, comparison.base);  // each variant's document carries its own
  json["scenario"] = comparison.base.name;
  json["variants"] = nlohmann::json::array();
  for (const VariantRun& run : comparison.runs) {
    nlohmann::json item = staged_result_to_json(run.scenario, run.result);
    item["variant"] = run.name;
    json["variants"].push_back(std::move(item));
  }
  return json;
}

}  // namespace parley
