// Forecast models written in Python, their registration, and evaluate and compare.
//
// A Python model runs inside the engine through PythonForecastModel, a parley::ForecastModel
// registered in the C++ registry under the model's name. The registry never replaces an
// entry, but notebooks re-run cells: the adapter holds only the name and looks the Python
// object up in a name → object table on every call, so registering the same name again
// replaces the model everywhere (forecast, evaluate) without touching the registry.

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "parley/core/error.hpp"
#include "parley/core/params.hpp"
#include "parley/forecast/actor_table.hpp"
#include "parley/forecast/evaluate.hpp"
#include "parley/forecast/model.hpp"
#include "parley/io/evaluation_input.hpp"
#include "parley/io/load.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/io/variant_comparison.hpp"

namespace parley::python {

namespace {

// name → Python model object. A module-lifetime reference, never released (as module.cpp's
// error types): the C++ registry, which outlives the interpreter, holds only names.
PyObject* model_objects = nullptr;

py::dict model_table() { return py::reinterpret_borrow<py::dict>(model_objects); }

// A read-only float64 view of `size` doubles at `data`, kept alive by `owner`.
py::array_t<double> view(const double* data, std::vector<py::ssize_t> shape, py::handle owner) {
  std::vector<py::ssize_t> strides(shape.size(), static_cast<py::ssize_t>(sizeof(double)));
  for (std::size_t i = shape.size(); i-- > 1;) strides[i - 1] = strides[i] * shape[i];
  py::array_t<double> array(shape, strides, data, owner);
  py::detail::array_proxy(array.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
  return array;
}

// A property of ActorTable: a read-only view of one of its arrays, shaped by its axes.
enum class Axes { actors, dimensions, actors_by_dimensions };
auto table_view(std::vector<double> ActorTable::*member, Axes axes) {
  return [member, axes](const py::object& self) {
    const auto& table = self.cast<const ActorTable&>();
    const auto actors = static_cast<py::ssize_t>(table.actor_count());
    const auto dimensions = static_cast<py::ssize_t>(table.dimension_count());
    std::vector<py::ssize_t> shape{actors, dimensions};
    if (axes == Axes::actors) shape = {actors};
    if (axes == Axes::dimensions) shape = {dimensions};
    return view((table.*member).data(), std::move(shape), self);
  };
}

py::array_t<double> copy_array(const std::vector<double>& values) {
  py::array_t<double> array(static_cast<py::ssize_t>(values.size()));
  std::copy(values.begin(), values.end(), array.mutable_data());
  return array;
}

py::list optional_list(const std::vector<std::optional<double>>& values) {
  py::list list;
  for (const auto& x : values) list.append(x ? py::object(py::float_(*x)) : py::object(py::none()));
  return list;
}

// Validated values as Python objects: number → float, integer → int (or its word, str),
// boolean → bool, choice and text → str, integer list → list of int.
py::dict parameter_dict(const ParamValues& values) {
  py::dict out;
  for (const ParamValues::Value& v : values.values()) {
    py::object value;
    switch (v.type) {
      case ParamType::number:
        value = py::float_(v.number);
        break;
      case ParamType::integer:
        value = v.word ? py::object(py::str(v.text)) : py::object(py::int_(v.integer));
        break;
      case ParamType::boolean:
        value = py::bool_(values.flag(v.name));
        break;
      case ParamType::integer_list:
        value = py::cast(v.integers);
        break;
      default:
        value = py::str(v.text);
    }
    out[py::str(v.name)] = value;
  }
  return out;
}

// What a Python run() returned, as a Forecast of `table`: a parley.Forecast, a {dimension
// id: value} mapping, or a sequence of one value per dimension.
Forecast to_forecast(const py::object& returned, const ActorTable& table, const std::string& model) {
  Forecast forecast;
  if (py::isinstance<Forecast>(returned)) {
    forecast = returned.cast<Forecast>();
  } else if (py::isinstance<py::dict>(returned)) {
    const auto values = returned.cast<std::map<std::string, double>>();
    for (const std::string& dimension : table.dimensions) {
      const auto it = values.find(dimension);
      if (it == values.end())
        throw py::value_error(
            fmt::format("forecast model '{}': run() returned no value for dimension '{}'", model, dimension));
      forecast.outcome.push_back(it->second);
    }
    if (values.size() != table.dimension_count())
      throw py::value_error(
          fmt::format("forecast model '{}': run() returned values for dimensions the table does not have", model));
  } else {
    try {
      forecast.outcome = returned.cast<std::vector<double>>();
    } catch (const py::cast_error&) {
      throw py::type_error(
          fmt::format("forecast model '{}': run() must return a parley.Forecast, a dict {{dimension: "
                      "value}} or a sequence of numbers, not {}",
                      model, py::str(returned.get_type().attr("__name__")).cast<std::string>()));
    }
  }
  if (forecast.outcome.size() != table.dimension_count())
    throw py::value_error(fmt::format("forecast model '{}': run() returned {} outcome values for {} dimensions", model,
                                      forecast.outcome.size(), table.dimension_count()));
  for (const auto& round : forecast.rounds)
    if (round.size() != table.actor_count() * table.dimension_count())
      throw py::value_error(fmt::format("forecast model '{}': a round has {} positions, not actors × dimensions = {}",
                                        model, round.size(), table.actor_count() * table.dimension_count()));
  if (forecast.model.empty()) forecast.model = model;
  return forecast;
}

// A Python model as a parley::ForecastModel. Holds no Python object (see the file comment),
// so it may outlive the interpreter in the registry; every call takes the GIL.
class PythonForecastModel final : public ForecastModel {
 public:
  explicit PythonForecastModel(std::string name) : name_(std::move(name)) {}

  std::string name() const override { return name_; }
  std::string description() const override {
    py::gil_scoped_acquire gil;
    return py::str(object().attr("description")());
  }
  std::vector<ParamSpec> parameter_specs() const override {
    py::gil_scoped_acquire gil;
    return object().attr("parameter_specs")().cast<std::vector<ParamSpec>>();
  }
  Forecast run(const ActorTable& table, const ModelParameters& parameters, std::uint64_t seed) const override {
    const ParamValues values = read_parameters(*this, parameters);
    py::gil_scoped_acquire gil;
    const py::object returned = object().attr("run")(std::make_shared<ActorTable>(table), parameter_dict(values), seed);
    return to_forecast(returned, table, name_);
  }
  std::uint64_t work_estimate(const ActorTable& table, const ModelParameters& parameters) const override {
    const ParamValues values = read_parameters(*this, parameters);
    py::gil_scoped_acquire gil;
    return object()
        .attr("work_estimate")(std::make_shared<ActorTable>(table), parameter_dict(values))
        .cast<std::uint64_t>();
  }

 private:
  // REQUIRES: the GIL is held.
  py::object object() const { return model_table()[py::str(name_)]; }

  std::string name_;
};

// register_forecast_model(model_or_class): returns its argument, so it also decorates a class.
py::object register_model(py::object model_or_class) {
  py::object model = py::isinstance<py::type>(model_or_class) ? model_or_class() : model_or_class;
  for (const char* method : {"name", "description", "parameter_specs", "run", "work_estimate"})
    if (!py::hasattr(model, method))
      throw py::type_error(
          fmt::format("register_forecast_model: the model has no {}() (subclass parley.ForecastModel)", method));
  const py::object name_object = model.attr("name")();
  if (!py::isinstance<py::str>(name_object)) throw py::type_error("register_forecast_model: name() must return a str");
  const std::string name = name_object.cast<std::string>();
  py::dict table = model_table();
  if (!table.contains(name_object))
    register_forecast_model(std::make_unique<PythonForecastModel>(name));  // throws when taken
  table[name_object] = model;
  return model_or_class;
}

// ---- evaluate ---------------------------------------------------------------------------

struct EvaluationResult {
  Evaluation evaluation;
  std::vector<std::string> sources;
  std::string capability;
  std::vector<std::string> case_ids;
  nlohmann::json document;  // what `parley evaluate --json` prints
};

std::vector<std::string> names_argument(const py::object& names) {
  if (names.is_none()) return {};
  if (py::isinstance<py::str>(names)) return {names.cast<std::string>()};
  return names.cast<std::vector<std::string>>();
}

InputFormat format_argument(const std::string& text) {
  if (text.empty()) return InputFormat::automatic;
  if (auto format = parse_input_format(text)) return *format;
  const std::vector<std::string> names = {"auto", "yaml", "genius", "ktab", "bdm", "deu", "exchange"};
  throw field_error(
      "format",
      fmt::format("unknown format '{}'{}; formats: {}", text, did_you_mean(text, names), fmt::join(names, ", ")),
      ErrorKind::unknown_name);
}

EvaluationResult evaluate_data(const std::filesystem::path& data, const py::object& models, int folds,
                               std::uint64_t seed, int interval_draws, const std::string& capability,
                               const std::string& format, bool timings) {
  if (interval_draws < 0) throw field_error("interval draws", fmt::format("{}: use 0 or more", interval_draws));
  const InputFormat input_format = format_argument(format);
  const CapabilitySource source = parse_capability_source(capability);
  EvaluationOptions options;
  options.models = names_argument(models);
  options.folds = folds;
  options.seed = seed;
  options.interval_draws = interval_draws;
  EvaluationResult result;
  py::gil_scoped_release release;  // a Python model takes it back for each run
  const EvaluationInput input = read_evaluation_input(data, input_format, source);
  options.benchmark_actors = evaluation_options(input).benchmark_actors;
  result.evaluation = evaluate(input.cases, options);
  result.document = evaluation_document(result.evaluation, input, timings);
  result.sources = input.sources;
  result.capability = capability;
  for (const EvaluationCase& c : input.cases) result.case_ids.push_back(c.id);
  return result;
}

py::object optional_number(const std::optional<double>& x) {
  return x ? py::object(py::float_(*x)) : py::object(py::none());
}

// ---- compare ----------------------------------------------------------------------------

struct ComparisonResult {
  VariantComparison comparison;
};

ComparisonResult compare(const py::object& scenario_or_path, const py::object& variants,
                         const std::map<std::string, std::string>& strategies, std::uint64_t seed,
                         const std::optional<std::int32_t>& rounds) {
  ScenarioFile file;
  if (py::isinstance<Scenario>(scenario_or_path)) {
    // The scenario as its YAML writes it: the base with every variant's overrides.
    const Scenario& scenario = scenario_or_path.cast<const Scenario&>();
    file = parse_scenario_file_yaml(scenario_to_yaml(scenario), scenario.name);
  } else {
    const auto path = scenario_or_path.cast<std::filesystem::path>();
    py::gil_scoped_release release;
    file = load_scenario_file(path);
  }
  const std::vector<std::string> names = names_argument(variants);
  ComparisonResult result;
  py::gil_scoped_release release;
  result.comparison = compare_variants(
      file, names, [&](const Scenario& scenario) { return staged_options(scenario, seed, strategies, rounds); });
  return result;
}

const StageResult* stage_result(const StagedResult& result, std::size_t stage) {
  for (const StageResult& r : result.stages)
    if (r.stage == stage) return &r;
  return nullptr;
}

py::list comparison_records(const VariantComparison& comparison) {
  const Scenario& base = comparison.base;
  py::list records;
  for (const VariantRun& run : comparison.runs)
    for (std::size_t a = 0; a < base.actors.size(); ++a) {
      py::dict record;
      record["variant"] = run.name;
      record["actor"] = base.actors[a].id;
      record["overall"] = run.result.overall[a];
      record["reservation_value"] = run.scenario.actors[a].reservation_value;
      for (std::size_t s = 0; s < base.stages.size(); ++s) {
        const StageResult* r = stage_result(run.result, s);
        double utility = std::nan("");
        if (r)
          for (const ActorUtility& u : r->utilities)
            if (u.actor == a) utility = u.utility;
        record[py::str("status." + base.stages[s].id)] = r ? to_string(r->status) : "not run";
        record[py::str("utility." + base.stages[s].id)] = utility;
      }
      records.append(record);
    }
  return records;
}

// ---- bindings ---------------------------------------------------------------------------

void bind_parameters(py::module_& m) {
  // Strategies have ParamSpecs too: whichever part of the module binds a type first wins.
  const auto bound = [](const std::type_info& type) { return py::detail::get_type_info(type) != nullptr; };
  if (!bound(typeid(ParamType)))
    py::enum_<ParamType>(m, "ParamType", "The type of a parameter's value (core/params.hpp).")
        .value("number", ParamType::number)
        .value("integer", ParamType::integer)
        .value("boolean", ParamType::boolean)
        .value("choice", ParamType::choice)
        .value("text", ParamType::text)
        .value("integer_list", ParamType::integer_list);
  if (!bound(typeid(ParamRange)))
    py::class_<ParamRange>(m, "ParamRange",
                           "An interval of numbers; each end closed unless marked open; inf: no bound.")
        .def(py::init([](double low, double high, bool low_open, bool high_open) {
               return ParamRange{low, high, low_open, high_open};
             }),
             py::arg("low") = -INFINITY, py::arg("high") = INFINITY, py::arg("low_open") = false,
             py::arg("high_open") = false)
        .def_readonly("low", &ParamRange::low)
        .def_readonly("high", &ParamRange::high)
        .def_readonly("low_open", &ParamRange::low_open)
        .def_readonly("high_open", &ParamRange::high_open)
        .def("contains", &ParamRange::contains)
        .def("text", &ParamRange::text, "'[0, 1]', '(0, 1e+06]', '>= 1', 'any'")
        .def("__repr__", [](const ParamRange& r) { return "<parley.ParamRange " + r.text() + ">"; });
  if (bound(typeid(ParamSpec))) return;
  py::class_<ParamSpec>(m, "ParamSpec",
                        "One parameter: name, type, default (as text), range or choices, one line of doc.\n"
                        "Build with the static methods number, integer, integer_or_word, boolean, choice,\n"
                        "text and integer_list, as in C++ (core/params.hpp).")
      .def_readonly("name", &ParamSpec::name)
      .def_readonly("type", &ParamSpec::type)
      .def_readonly("default_value", &ParamSpec::default_value, "the default in the value syntax (text)")
      .def_readonly("range", &ParamSpec::range)
      .def_readonly("choices", &ParamSpec::choices)
      .def_readonly("doc", &ParamSpec::doc)
      .def("expected", &ParamSpec::expected, "what a value must be, e.g. 'a number in [0, 1]'")
      .def("domain", &ParamSpec::domain)
      .def_static("number", &ParamSpec::number, py::arg("name"), py::arg("default"), py::arg("range") = ParamRange{},
                  py::arg("doc") = "")
      .def_static("integer", &ParamSpec::integer, py::arg("name"), py::arg("default"), py::arg("range") = ParamRange{},
                  py::arg("doc") = "")
      .def_static("integer_or_word", &ParamSpec::integer_or_word, py::arg("name"), py::arg("default_word"),
                  py::arg("words"), py::arg("range") = ParamRange{}, py::arg("doc") = "")
      .def_static("boolean", &ParamSpec::boolean, py::arg("name"), py::arg("default"), py::arg("doc") = "")
      .def_static("choice", &ParamSpec::choice, py::arg("name"), py::arg("choices"), py::arg("default"),
                  py::arg("doc") = "")
      .def_static("text", &ParamSpec::text, py::arg("name"), py::arg("default") = "", py::arg("doc") = "")
      .def_static("integer_list", &ParamSpec::integer_list, py::arg("name"), py::arg("range") = ParamRange{},
                  py::arg("doc") = "")
      .def("__repr__", [](const ParamSpec& s) {
        return fmt::format("<parley.ParamSpec {} ({}) = '{}'>", s.name, to_string(s.type), s.default_value);
      });
}

void bind_tables(py::module_& m) {
  py::class_<ActorTable, std::shared_ptr<ActorTable>>(
      m, "ActorTable",
      "What a forecast model sees (forecast/actor_table.hpp): per actor its capability, per actor and\n"
      "dimension (issue) its position and salience. The arrays are read-only float64 views of the\n"
      "table (no copy); positions on each dimension's own scale [lower, upper], saliences in [0, 1]\n"
      "(0: no stake). A model may keep the table: it is its own copy.")
      .def_readonly("name", &ActorTable::name)
      .def_readonly("actors", &ActorTable::actors, "actor ids, one row each")
      .def_readonly("dimensions", &ActorTable::dimensions, "issue ids, one column each")
      .def_property_readonly("capability", table_view(&ActorTable::capability, Axes::actors),
                             "float64 array per actor (> 0)")
      .def_property_readonly("position", table_view(&ActorTable::position, Axes::actors_by_dimensions),
                             "float64 array, actors x dimensions")
      .def_property_readonly("salience", table_view(&ActorTable::salience, Axes::actors_by_dimensions),
                             "float64 array, actors x dimensions, in [0, 1]")
      .def_property_readonly("lower", table_view(&ActorTable::lower, Axes::dimensions),
                             "float64 array per dimension: the scale's lower end")
      .def_property_readonly("upper", table_view(&ActorTable::upper, Axes::dimensions),
                             "float64 array per dimension: the scale's upper end")
      .def_property_readonly(
          "reference_point", [](const ActorTable& t) { return optional_list(t.reference_point); },
          "per dimension: the status quo, or None")
      .def_property_readonly(
          "known_outcome", [](const ActorTable& t) { return optional_list(t.known_outcome); },
          "per dimension: the known outcome, or None")
      .def("actor_count", &ActorTable::actor_count)
      .def("dimension_count", &ActorTable::dimension_count)
      .def("position_of", &ActorTable::position_of, py::arg("actor"), py::arg("dimension"))
      .def("salience_of", &ActorTable::salience_of, py::arg("actor"), py::arg("dimension"))
      .def("__repr__", [](const ActorTable& t) {
        return fmt::format("<parley.ActorTable {} actors x {} dimensions>", t.actor_count(), t.dimension_count());
      });
  m.def(
      "to_actor_table",
      [](const Scenario& scenario, const std::vector<std::size_t>& issues) {
        try {
          return std::make_shared<ActorTable>(to_actor_table(scenario, issues));
        } catch (const std::invalid_argument& e) {
          throw field_error("scenario", fmt::format("cannot make an actor table: {}", e.what()));
        }
      },
      py::arg("scenario"), py::arg("issues") = std::vector<std::size_t>{},
      "to_actor_table(scenario, issues=[]) -> ActorTable\n\n"
      "The table forecast models see of `scenario` over `issues` (scenario issue indices; all\n"
      "when empty). Useful to try a model's run() by hand.");

  py::class_<Forecast>(m, "Forecast",
                       "What a forecast model's run() returns (forecast/model.hpp): the predicted outcome per\n"
                       "dimension, and for a dynamic model the positions after each round (round 0 the input)\n"
                       "and why it stopped.")
      .def(py::init([](const std::vector<double>& outcome, const std::vector<std::vector<double>>& rounds,
                       const std::string& stop_reason, const std::string& model) {
             Forecast f;
             f.model = model;
             f.outcome = outcome;
             f.rounds = rounds;
             f.stop_reason = stop_reason;
             return f;
           }),
           py::arg("outcome"), py::arg("rounds") = std::vector<std::vector<double>>{}, py::arg("stop_reason") = "",
           py::arg("model") = "",
           "Forecast(outcome, rounds=[], stop_reason='', model='')\n\n"
           "outcome: one value per dimension, on its scale. rounds: per round the positions, actor x\n"
           "dimension row-major (a flat sequence or a 2-D array's .ravel()). model defaults to the\n"
           "model's name.")
      .def_readonly("model", &Forecast::model)
      .def_property_readonly(
          "outcome", [](const Forecast& f) { return copy_array(f.outcome); }, "float64 array per dimension")
      .def_property_readonly(
          "rounds",
          [](const Forecast& f) {
            py::list rounds;
            for (const auto& round : f.rounds) rounds.append(copy_array(round));
            return rounds;
          },
          "per round a float64 array of positions, actor x dimension row-major; [] for static models")
      .def_readonly("stop_reason", &Forecast::stop_reason)
      .def("__repr__", [](const Forecast& f) { return fmt::format("<parley.Forecast {} values>", f.outcome.size()); });
}

void bind_evaluate(py::module_& m) {
  py::class_<ModelScore>(m, "ModelScore",
                         "One row of an evaluation: a model's errors on the cases (forecast/evaluate.hpp).")
      .def_readonly("name", &ModelScore::name)
      .def_readonly("description", &ModelScore::description)
      .def_readonly("n", &ModelScore::n, "cases forecast")
      .def_readonly("mae", &ModelScore::mae, "mean absolute error, points of a 0-100 scale")
      .def_readonly("median_ae", &ModelScore::median_ae)
      .def_readonly("hit5", &ModelScore::hit5, "share of cases with error <= 5 points")
      .def_readonly("hit10", &ModelScore::hit10)
      .def_readonly("cross_validated", &ModelScore::cross_validated)
      .def_readonly("fitted", &ModelScore::fitted, "cross-validated rows: what the folds chose")
      .def_property_readonly(
          "coverage80", [](const ModelScore& s) { return optional_number(s.coverage80); },
          "share of held-out outcomes inside the 80% interval, or None")
      .def_property_readonly("width80", [](const ModelScore& s) { return optional_number(s.width80); })
      .def_readonly("interval_draws", &ModelScore::interval_draws)
      .def_readonly("interval_fitted", &ModelScore::interval_fitted)
      .def_readonly("seconds", &ModelScore::seconds)
      .def_property_readonly(
          "case_errors", [](const ModelScore& s) { return copy_array(s.case_errors); },
          "float64 array per case: the absolute error, NaN where not forecast")
      .def("__repr__", [](const ModelScore& s) {
        return fmt::format("<parley.ModelScore {} mae={:.2f} n={}>", s.name, s.mae, s.n);
      });

  py::class_<EvaluationResult>(m, "Evaluation",
                               "`parley evaluate`: every model's errors on decisions with known outcomes.")
      .def_property_readonly(
          "cases", [](const EvaluationResult& r) { return r.evaluation.cases; }, "number of cases")
      .def_readonly("case_ids", &EvaluationResult::case_ids, "the cases' issue ids, in case order")
      .def_property_readonly("folds", [](const EvaluationResult& r) { return r.evaluation.folds; })
      .def_property_readonly("seed", [](const EvaluationResult& r) { return r.evaluation.seed; })
      .def_property_readonly(
          "scores", [](const EvaluationResult& r) { return r.evaluation.scores; }, "list of ModelScore, one per row")
      .def_property_readonly("notes", [](const EvaluationResult& r) { return r.evaluation.notes; })
      .def_readonly("sources", &EvaluationResult::sources, "per file read: its name and what it gave")
      .def_readonly("capability", &EvaluationResult::capability)
      .def_property_readonly("seconds", [](const EvaluationResult& r) { return r.evaluation.seconds; })
      .def(
          "score",
          [](const EvaluationResult& r, const std::string& name) {
            for (const ModelScore& s : r.evaluation.scores)
              if (s.name == name) return s;
            throw py::key_error(name);
          },
          py::arg("name"), "The row named `name` (KeyError if none).")
      .def_property_readonly(
          "errors",
          [](const EvaluationResult& r) {
            const auto rows = static_cast<py::ssize_t>(r.evaluation.scores.size());
            const auto cases = static_cast<py::ssize_t>(r.evaluation.cases);
            py::array_t<double> array({rows, cases});
            double* out = array.mutable_data();
            for (const ModelScore& s : r.evaluation.scores) {
              if (s.case_errors.size() == r.evaluation.cases)
                out = std::copy(s.case_errors.begin(), s.case_errors.end(), out);
              else
                out = std::fill_n(out, cases, std::nan(""));
            }
            return array;
          },
          "float64 array, rows x cases: absolute errors, NaN where a row did not forecast a case")
      .def(
          "records",
          [](const EvaluationResult& r) {
            py::list records;
            for (const ModelScore& s : r.evaluation.scores)
              for (std::size_t k = 0; k < s.case_errors.size() && k < r.case_ids.size(); ++k) {
                py::dict record;
                record["model"] = s.name;
                record["case"] = r.case_ids[k];
                record["case_index"] = k;
                record["error"] = s.case_errors[k];
                records.append(record);
              }
            return records;
          },
          "One dict per row and case: model, case (issue id), case_index, error (NaN where not\n"
          "forecast). pandas.DataFrame(e.records()) loads them.")
      .def(
          "to_dict", [](const EvaluationResult& r) { return to_python(r.document); },
          "The document `parley evaluate DATA --json` prints (with the same options), as plain objects.")
      .def("__repr__", [](const EvaluationResult& r) {
        return fmt::format("<parley.Evaluation {} cases, {} rows>", r.evaluation.cases, r.evaluation.scores.size());
      });

  m.def("evaluate", &evaluate_data, py::arg("data"), py::arg("models") = py::none(), py::arg("folds") = 10,
        py::arg("seed") = 1, py::arg("interval_draws") = EvaluationOptions{}.interval_draws,
        py::arg("capability") = "file", py::arg("format") = "", py::arg("timings") = false,
        "evaluate(data, models=None, folds=10, seed=1, interval_draws=40, capability='file', format='',\n"
        "         timings=False) -> Evaluation\n\n"
        "`parley evaluate DATA`: forecasts every issue with a known outcome in `data` (a DEU TSV file,\n"
        "a scenario, or a folder of them) with each row and scores it. models: None (every default\n"
        "row), a name or a list: the rows of `parley evaluate --models` or any registered forecast\n"
        "model, a Python one included (run with its defaults). folds >= 2 adds the cross-validated\n"
        "rows and the 80% intervals; capability 'equal' sets every actor's capability to 1; format\n"
        "as --format. timings adds wall-clock seconds to to_dict() (as --timings). Releases the GIL.");
}

void bind_compare(py::module_& m) {
  py::class_<ComparisonResult>(m, "VariantComparison",
                               "`parley compare`: the same negotiation under several variants of a scenario.")
      .def_property_readonly("scenario", [](const ComparisonResult& r) { return r.comparison.base.name; })
      .def_property_readonly(
          "variants",
          [](const ComparisonResult& r) {
            std::vector<std::string> names;
            for (const VariantRun& run : r.comparison.runs) names.push_back(run.name);
            return names;
          },
          "variant names in run order ('base': the scenario as written)")
      .def_property_readonly("actors",
                             [](const ComparisonResult& r) {
                               std::vector<std::string> ids;
                               for (const Actor& a : r.comparison.base.actors) ids.push_back(a.id);
                               return ids;
                             })
      .def_property_readonly(
          "overall",
          [](const ComparisonResult& r) {
            const auto& runs = r.comparison.runs;
            const std::size_t actors = r.comparison.base.actors.size();
            py::array_t<double> array({static_cast<py::ssize_t>(runs.size()), static_cast<py::ssize_t>(actors)});
            double* out = array.mutable_data();
            for (const VariantRun& run : runs) out = std::copy_n(run.result.overall.begin(), actors, out);
            return array;
          },
          "float64 array, variants x actors: each actor's overall utility (NaN without a stake)")
      .def(
          "records", [](const ComparisonResult& r) { return comparison_records(r.comparison); },
          "One dict per variant and actor: variant, actor, overall, reservation_value, and per stage\n"
          "'status.STAGE' and 'utility.STAGE' (NaN without a stake). pandas.DataFrame(c.records()).")
      .def(
          "to_dict", [](const ComparisonResult& r) { return to_python(comparison_to_json(r.comparison)); },
          "The document `parley compare FILE --variants ... --json` prints, as plain objects.")
      .def("__repr__", [](const ComparisonResult& r) {
        return fmt::format("<parley.VariantComparison {}: {} variants>", r.comparison.base.name,
                           r.comparison.runs.size());
      });

  m.def("compare", &compare, py::arg("scenario"), py::arg("variants") = py::none(),
        py::arg("strategies") = std::map<std::string, std::string>{}, py::arg("seed") = 0,
        py::arg("rounds") = py::none(),
        "compare(scenario, variants=None, strategies={}, seed=0, rounds=None) -> VariantComparison\n\n"
        "`parley compare FILE`: negotiates the scenario as written ('base') and each variant with the\n"
        "same strategies and seed. scenario: a path, or a Scenario (compared as its YAML writes it,\n"
        "with its variants). variants: None (base and every variant), a name or a list. strategies:\n"
        "{actor id or '*': 'name[:k=v,...]'} as --strategy; rounds overrides every deadline.\n"
        "Releases the GIL while it runs.");
}

}  // namespace

void bind_models(py::module_& m) {
  model_objects = py::dict().release().ptr();
  bind_parameters(m);
  bind_tables(m);
  m.def("register_forecast_model", &register_model, py::arg("model"),
        "register_forecast_model(model_or_class) -> its argument\n\n"
        "Registers a Python forecast model (a parley.ForecastModel instance, or a subclass, which is\n"
        "instantiated without arguments) under model.name(): parley.forecast(models=[name] or 'all')\n"
        "and parley.evaluate(models=[name]) then run it. Registering the same name again replaces\n"
        "the model (re-running a notebook cell works); a built-in's name is refused (parley.Error,\n"
        "field 'model'). Usable as a class decorator.");
  m.def(
      "_python_forecast_models", [] { return model_table(); },
      "The registered Python models, {name: object} (the table the engine looks models up in).");
  bind_evaluate(m);
  bind_compare(m);
}

}  // namespace parley::python
