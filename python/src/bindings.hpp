#pragma once
// What the three translation units of the module _parley share (python/src): each binds one
// part of the C++ API under the C++ names (issue 11: the bindings mirror the C++ API name
// for name). The Python package `parley` (python/parley/__init__.py) re-exports them.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pybind11/pybind11.h>

#include "parley/core/scenario.hpp"
#include "parley/negotiate/staged.hpp"

namespace parley::python {

namespace py = pybind11;

// What a function that runs a scenario runs: a copy of it (later edits in Python do not
// reach a run or its result), given the one stage "all" when it has none, and checked as the
// YAML loader checks a file, so an edited scenario that breaks a rule raises parley.Error
// (with the field) instead of breaking a run (scenario.cpp).
std::shared_ptr<const Scenario> checked_scenario(const Scenario& scenario);

// parley.Error and parley.InputError, and the translator that raises them for parley::Error
// and parley::InputError (module.cpp).
void bind_errors(py::module_& m);
// Scenario and its parts, and parley.load (scenario.cpp).
void bind_scenario(py::module_& m);
// forecast, analyze, negotiate and their result types (results.cpp).
void bind_results(py::module_& m);
// Negotiators written in Python: the C++ Negotiator interface, the adapter that runs a Python
// object as a parley::Negotiator, and strategy registration (negotiators.cpp).
void bind_negotiators(py::module_& m);
// A strategy argument as spec text: a str as it is, a parley.Negotiator subclass by its
// registered name (registered under its class name first if it is not yet). Throws
// parley::Error (field "strategy") for anything else (negotiators.cpp).
std::string strategy_text(py::handle value);
// Forecast models written in Python, their registration, and evaluate (models.cpp).
void bind_models(py::module_& m);
// tournament, sweep, compare and stored results, with their records (studies.cpp).
void bind_studies(py::module_& m);

// A JSON value as plain Python objects (dict, list, str, int, float, bool, None). Non-finite
// numbers become None, as the CLI's JSON prints them (null), so to_dict() equals
// json.loads of the CLI's output.
py::object to_python(const nlohmann::json& value);

// The options of parley.negotiate and parley.compare (results.cpp): seed, strategies as
// {actor id or "*": "name[:k=v,...]"} and a deadline for every stage. Throws parley::Error
// (fields "strategy", "deadline").
StagedOptions staged_options(const Scenario& scenario, std::uint64_t seed,
                             const std::map<std::string, std::string>& strategies,
                             const std::optional<std::int32_t>& rounds);

}  // namespace parley::python
