// Scenario and its parts, read-only, under their C++ names; parley.load.

#include <memory>
#include <string>
#include <vector>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "parley/core/scenario.hpp"
#include "parley/io/load.hpp"

namespace parley::python {

namespace {

// Properties return copies: a Python object never points into a Scenario it does not own.
template <typename Class, typename Value>
auto copy_of(Value Class::*member) {
  return [member](const Class& object) { return object.*member; };
}

std::vector<std::string> ids_of(const auto& items) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(item.id);
  return ids;
}

}  // namespace

void bind_scenario(py::module_& m) {
  py::class_<Issue>(m, "Issue", "One issue of a scenario (parley::Issue): its scale or options.")
      .def_property_readonly("id", copy_of(&Issue::id))
      .def_property_readonly("name", copy_of(&Issue::name))
      .def_property_readonly("kind", [](const Issue& i) { return std::string(to_string(i.kind)); },
                             "continuous, integer or discrete")
      .def_property_readonly("lower", copy_of(&Issue::lower))
      .def_property_readonly("upper", copy_of(&Issue::upper))
      .def_property_readonly("steps", copy_of(&Issue::steps), "grid points of a continuous issue")
      .def_property_readonly("options", copy_of(&Issue::options), "the options of a discrete issue")
      .def_property_readonly("ordered", copy_of(&Issue::ordered))
      .def_property_readonly("reference_point", copy_of(&Issue::reference_point))
      .def_property_readonly("known_outcome", copy_of(&Issue::known_outcome))
      .def("value_count", &Issue::value_count, "The number of values an outcome may take on this issue.")
      .def("value_number", &Issue::value_number, py::arg("v"), "The number of value index v on the issue's scale.")
      .def("__repr__", [](const Issue& i) { return "<parley.Issue " + i.id + ">"; });

  py::class_<Stance>(m, "Stance", "An actor's stance on one issue (parley::Stance).")
      .def_property_readonly("position", copy_of(&Stance::position), "on the issue's scale (ordinal index if discrete)")
      .def_property_readonly("salience", copy_of(&Stance::salience), "relative weight of the issue; 0 = no stake")
      .def_property_readonly("values", copy_of(&Stance::values), "explicit utility per issue value (empty if none)")
      .def("has_stake", &Stance::has_stake);

  py::class_<Actor>(m, "Actor", "One actor of a scenario (parley::Actor).")
      .def_property_readonly("id", copy_of(&Actor::id))
      .def_property_readonly("name", copy_of(&Actor::name))
      .def_property_readonly("capability", copy_of(&Actor::capability))
      .def_property_readonly("stances", copy_of(&Actor::stances), "one Stance per scenario issue, in issue order")
      .def_property_readonly("reservation_value", copy_of(&Actor::reservation_value))
      .def_property_readonly("risk", copy_of(&Actor::risk))
      .def_property_readonly("discount", copy_of(&Actor::discount))
      .def_property_readonly("strategy", copy_of(&Actor::strategy), "the actor's own strategy text ('' if none)")
      .def_property_readonly("note", copy_of(&Actor::note))
      .def("uses_rectangles", &Actor::uses_rectangles)
      .def("__repr__", [](const Actor& a) { return "<parley.Actor " + a.id + ">"; });

  py::class_<Stage>(m, "Stage", "One stage of a scenario's negotiation (parley::Stage).")
      .def_property_readonly("id", copy_of(&Stage::id))
      .def_property_readonly("name", copy_of(&Stage::name))
      .def_property_readonly("issues", copy_of(&Stage::issues), "scenario issue indices")
      .def_property_readonly("channel", copy_of(&Stage::channel), "channel index, None: every actor at the table")
      .def_property_readonly("protocol", copy_of(&Stage::protocol))
      .def_property_readonly("protocol_settings", copy_of(&Stage::protocol_settings))
      .def_property_readonly("deadline", copy_of(&Stage::deadline), "rounds")
      .def_property_readonly("ratify", copy_of(&Stage::ratify), "actor indices of the ratifiers")
      .def_property_readonly("after", copy_of(&Stage::after), "index of the stage that must succeed first, or None")
      .def("__repr__", [](const Stage& s) { return "<parley.Stage " + s.id + ">"; });

  py::class_<Scenario, std::shared_ptr<Scenario>>(
      m, "Scenario", "Everything about one negotiation (parley::Scenario), as parley.load read it. Read-only.")
      .def_property_readonly("name", copy_of(&Scenario::name))
      .def_property_readonly("description", copy_of(&Scenario::description))
      .def_property_readonly("issues", copy_of(&Scenario::issues), "list of Issue")
      .def_property_readonly("actors", copy_of(&Scenario::actors), "list of Actor")
      .def_property_readonly("stages", copy_of(&Scenario::stages), "list of Stage (never empty)")
      .def_property_readonly("channels", [](const Scenario& s) { return ids_of(s.channels); }, "channel ids")
      .def_property_readonly("variants", [](const Scenario& s) { return ids_of(s.variants); },
                             "ids of the variants parley.load(path, variant=ID) can apply")
      .def_property_readonly("variant", copy_of(&Scenario::variant), "the variant applied ('' for the base)")
      .def("find_issue", &Scenario::find_issue, py::arg("id"), "Index of the issue with this id, or None.")
      .def("find_actor", &Scenario::find_actor, py::arg("id"), "Index of the actor with this id, or None.")
      .def("find_stage", &Scenario::find_stage, py::arg("id"), "Index of the stage with this id, or None.")
      .def("__repr__", [](const Scenario& s) {
        return "<parley.Scenario '" + s.name + "': " + std::to_string(s.issues.size()) + " issues, " +
               std::to_string(s.actors.size()) + " actors, " + std::to_string(s.stages.size()) + " stages>";
      });

  m.def(
      "load",
      [](const std::filesystem::path& path, const std::string& variant) {
        return std::make_shared<Scenario>(load_scenario(path, variant));
      },
      py::arg("path"), py::arg("variant") = "",
      "load(path, variant='') -> Scenario\n\n"
      "Reads a scenario as every parley command does: parley YAML, or a peer tool's input (GENIUS\n"
      "domain folder, KTAB CSV/XML, BDM CSV, DEU TSV, exchange file) detected from the content.\n"
      "With a variant id, applies that variant of a YAML scenario. Raises parley.InputError\n"
      "(with .file, .line, .column) on a file that cannot be read or breaks a rule.");
}

}  // namespace parley::python
