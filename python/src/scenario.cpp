// Scenario and its parts under their C++ names, editable from Python; parley.load,
// parley.import_scenario, Scenario.validate / save / to_yaml.
//
// Value semantics (docs/python.md, "Building, editing and saving scenarios"): a part built in
// Python (parley.Actor(...)) owns its value; a part read from a scenario or a part
// (scenario.actors[0], actor.stances[2]) is a live view of that position, resolved again
// at every access, so `scenario.actors[0].capability = 2` edits the scenario and a view can
// never dangle (a position that no longer exists raises IndexError). Putting a part into a
// list copies its value. Lists of plain values (Stage.issues, Issue.options) come back as
// tuples and settings as a read-only mapping: editing those in place raises instead of
// editing a copy that is then lost; assign the whole field instead.

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "parley/core/error.hpp"
#include "parley/core/scenario.hpp"
#include "parley/core/validate.hpp"
#include "parley/io/files.hpp"
#include "parley/io/input_error.hpp"
#include "parley/io/load.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/negotiate/stage_plan.hpp"
#include "parley/negotiate/strategies.hpp"

namespace parley::python {

namespace {

// ---- Owned values and live views ---------------------------------------------------------

// A part of a scenario as Python holds it: a value it owns, or a place inside a Scenario
// (or inside an owned part) found again at every access. Copies of a Ref share its place.
template <typename T>
class Ref {
 public:
  using Resolver = std::function<T&()>;
  explicit Ref(T value = T{}) {
    auto owned = std::make_shared<T>(std::move(value));
    resolve_ = [owned]() -> T& { return *owned; };
  }
  static Ref view(Resolver resolve) {
    Ref ref;
    ref.resolve_ = std::move(resolve);
    ref.view_ = true;
    return ref;
  }
  T& get() const { return resolve_(); }
  const Resolver& resolver() const { return resolve_; }
  bool is_view() const { return view_; }

 private:
  Resolver resolve_;
  bool view_ = false;
};

// A list member of a part or of a Scenario, live like a view.
template <typename E>
struct ListRef {
  std::function<std::vector<E>&()> resolve;
  std::string name;  // "Scenario.actors", for messages
};

// How a binder reaches the C++ value behind `self`: Ref<T> for parts, the Scenario itself
// (held by shared_ptr) for the root.
template <typename T>
struct Access {
  using Self = Ref<T>;
  using Class = py::class_<Ref<T>>;
  static std::function<T&()> resolver(const Ref<T>& self) { return self.resolver(); }
};
template <>
struct Access<Scenario> {
  using Self = std::shared_ptr<Scenario>;
  using Class = py::class_<Scenario, std::shared_ptr<Scenario>>;
  static std::function<Scenario&()> resolver(const std::shared_ptr<Scenario>& self) {
    return [self]() -> Scenario& { return *self; };
  }
};

// The Python type name of each part, for messages and reprs.
template <typename T>
const char* type_name();
#define PARLEY_TYPE_NAME(T, NAME) \
  template <>                     \
  const char* type_name<T>() {    \
    return NAME;                  \
  }
PARLEY_TYPE_NAME(Issue, "Issue")
PARLEY_TYPE_NAME(LabelledPoint, "LabelledPoint")
PARLEY_TYPE_NAME(Stance, "Stance")
PARLEY_TYPE_NAME(HyperRectangle, "HyperRectangle")
PARLEY_TYPE_NAME(HyperRectangle::Bound, "Bound")
PARLEY_TYPE_NAME(Actor, "Actor")
PARLEY_TYPE_NAME(Channel, "Channel")
PARLEY_TYPE_NAME(Stage, "Stage")
PARLEY_TYPE_NAME(Link, "Link")
PARLEY_TYPE_NAME(VariantSummary, "VariantSummary")
PARLEY_TYPE_NAME(Distribution, "Distribution")
PARLEY_TYPE_NAME(UncertainInput, "UncertainInput")
PARLEY_TYPE_NAME(Belief, "Belief")
PARLEY_TYPE_NAME(Scenario, "Scenario")
#undef PARLEY_TYPE_NAME

// Each type's fields as plain Python objects, in declaration order (to_dict, repr).
template <typename T>
std::vector<std::pair<std::string, std::function<py::object(const T&)>>>& plain_fields() {
  static std::vector<std::pair<std::string, std::function<py::object(const T&)>>> fields;
  return fields;
}

template <typename T>
py::dict plain_dict(const T& value) {
  py::dict dict;
  for (const auto& [name, get] : plain_fields<T>()) dict[py::str(name)] = get(value);
  return dict;
}

// ---- Conversions of plain fields ---------------------------------------------------------

template <typename F>
struct IsVector : std::false_type {};
template <typename E>
struct IsVector<std::vector<E>> : std::true_type {};
template <typename F>
struct IsMap : std::false_type {};
template <typename K, typename V>
struct IsMap<std::map<K, V>> : std::true_type {};

// Lists come back as tuples and maps as read-only mappings, so an edit in place raises.
template <typename F>
py::object to_python_field(const F& value) {
  if constexpr (IsVector<F>::value) {
    return py::tuple(py::cast(value));
  } else if constexpr (IsMap<F>::value) {
    return py::module_::import("types").attr("MappingProxyType")(py::cast(value));
  } else {
    return py::cast(value);
  }
}

template <typename F>
py::object plain_field(const F& value) {
  return py::cast(value);
}

template <typename F>
F from_python_field(py::handle value, const std::string& where) {
  try {
    if constexpr (std::is_same_v<F, std::string>) {
      if (!py::isinstance<py::str>(value)) throw py::cast_error();
    } else if constexpr (IsVector<F>::value || IsMap<F>::value) {
      if (py::isinstance<py::str>(value)) throw py::cast_error();
    }
    return value.cast<F>();
  } catch (const py::cast_error&) {
    throw py::type_error(fmt::format("{}: cannot take {} ({})", where, py::repr(value).cast<std::string>(),
                                     py::str(py::type::handle_of(value).attr("__name__")).cast<std::string>()));
  }
}

template <typename E>
Ref<E>& part_from_python(py::handle value, const std::string& where) {
  try {
    return value.cast<Ref<E>&>();
  } catch (const py::cast_error&) {
    throw py::type_error(fmt::format("{}: expected a parley.{}, not {}", where, type_name<E>(),
                                     py::str(py::type::handle_of(value).attr("__name__")).cast<std::string>()));
  }
}

template <typename E>
std::vector<E> parts_from_python(py::handle value, const std::string& where) {
  if (py::isinstance<py::str>(value) || !py::isinstance<py::iterable>(value))
    throw py::type_error(fmt::format("{}: expected a list of parley.{}", where, type_name<E>()));
  std::vector<E> parts;
  for (py::handle item : value) parts.push_back(part_from_python<E>(item, where).get());
  return parts;
}

std::size_t list_index(std::ptrdiff_t index, std::size_t size, const std::string& name) {
  const std::ptrdiff_t at = index < 0 ? index + static_cast<std::ptrdiff_t>(size) : index;
  if (at < 0 || at >= static_cast<std::ptrdiff_t>(size))
    throw py::index_error(fmt::format("{}: index {} out of range ({} items)", name, index, size));
  return static_cast<std::size_t>(at);
}

// The view of element i of a live list: found again at every access.
template <typename E>
Ref<E> element_view(const ListRef<E>& list, std::size_t i) {
  return Ref<E>::view([resolve = list.resolve, i, name = list.name]() -> E& {
    std::vector<E>& items = resolve();
    if (i >= items.size())
      throw py::index_error(fmt::format("{}[{}] no longer exists (the list has {} items now)", name, i, items.size()));
    return items[i];
  });
}

// ---- Binding one part's fields -----------------------------------------------------------

template <typename T>
class Binder {
 public:
  using A = Access<T>;
  using Self = typename A::Self;
  explicit Binder(typename A::Class& cls) : cls_(cls) {}

  // A plain field: number, text, bool, optional number or index, list of those, settings.
  template <typename F>
  Binder& value(const char* name, F T::*member, const char* doc) {
    const std::string where = std::string(type_name<T>()) + "." + name;
    cls_.def_property(
        name, [member](const Self& self) { return to_python_field(A::resolver(self)().*member); },
        [member, where](const Self& self, py::handle value) {
          A::resolver(self)().*member = from_python_field<F>(value, where);
        },
        doc);
    plain_fields<T>().emplace_back(name, [member](const T& t) { return plain_field(t.*member); });
    names_.push_back(name);
    return *this;
  }

  // An enum field, as its word in the scenario format.
  template <typename Enum>
  Binder& choice(const char* name, Enum T::*member, std::initializer_list<Enum> all, const char* doc) {
    const std::string where = std::string(type_name<T>()) + "." + name;
    std::vector<Enum> choices(all);
    cls_.def_property(
        name, [member](const Self& self) { return std::string(to_string(A::resolver(self)().*member)); },
        [member, where, choices](const Self& self, py::handle value) {
          Enum parsed = choices.front();
          bool found = false;
          const std::string text = from_python_field<std::string>(value, where);
          std::vector<std::string> names;
          for (Enum e : choices) {
            names.push_back(to_string(e));
            if (text == to_string(e)) parsed = e, found = true;
          }
          if (!found)
            throw field_error(where, fmt::format("no choice '{}'{}; choices: {}", text, did_you_mean(text, names),
                                                 fmt::join(names, ", ")),
                              ErrorKind::unknown_name);
          A::resolver(self)().*member = parsed;
        },
        doc);
    plain_fields<T>().emplace_back(name, [member](const T& t) { return py::cast(std::string(to_string(t.*member))); });
    names_.push_back(name);
    return *this;
  }

  // A list of parts: a live list; assigning a list copies the parts in.
  template <typename E>
  Binder& list(const char* name, std::vector<E> T::*member, const char* doc) {
    const std::string where = std::string(type_name<T>()) + "." + name;
    cls_.def_property(
        name,
        [member, where](const Self& self) {
          return ListRef<E>{[resolve = A::resolver(self), member]() -> std::vector<E>& { return resolve().*member; }, where};
        },
        [member, where](const Self& self, py::handle value) {
          std::vector<E> parts = parts_from_python<E>(value, where);
          A::resolver(self)().*member = std::move(parts);
        },
        doc);
    plain_fields<T>().emplace_back(name, [member](const T& t) {
      py::list items;
      for (const E& item : t.*member) items.append(plain_dict(item));
      return py::object(items);
    });
    names_.push_back(name);
    return *this;
  }

  // One part inside another (an uncertain input's distribution): a live view.
  template <typename E>
  Binder& part(const char* name, E T::*member, const char* doc) {
    const std::string where = std::string(type_name<T>()) + "." + name;
    cls_.def_property(
        name,
        [member](const Self& self) {
          return Ref<E>::view([resolve = A::resolver(self), member]() -> E& { return resolve().*member; });
        },
        [member, where](const Self& self, py::handle value) {
          E copy = part_from_python<E>(value, where).get();
          A::resolver(self)().*member = std::move(copy);
        },
        doc);
    plain_fields<T>().emplace_back(name, [member](const T& t) { return py::object(plain_dict(t.*member)); });
    names_.push_back(name);
    return *this;
  }

  const std::vector<std::string>& names() const { return names_; }

 private:
  typename A::Class& cls_;
  std::vector<std::string> names_;
};

// Sets the keyword arguments of a constructor on the new object, through the properties,
// so a constructor checks exactly what an assignment checks.
void set_fields(py::object object, const py::kwargs& fields, const std::vector<std::string>& names, const char* type) {
  for (const auto& [key, value] : fields) {
    const std::string name = py::str(key);
    if (std::find(names.begin(), names.end(), name) == names.end())
      throw py::type_error(fmt::format("{}() got an unexpected keyword argument '{}'{}; fields: {}", type, name,
                                       did_you_mean(name, names), fmt::join(names, ", ")));
    py::setattr(object, key, value);
  }
}

// The parts' common methods: keyword constructor, copy, ==, repr, to_dict.
template <typename T>
void bind_part_methods(py::class_<Ref<T>>& cls, const std::vector<std::string>& names, bool name_defaults_to_id) {
  cls.def(py::init([names, name_defaults_to_id](const py::kwargs& fields) {
            Ref<T> ref;
            set_fields(py::cast(ref), fields, names, type_name<T>());
            if constexpr (requires(T t) { t.name; t.id; }) {
              if (name_defaults_to_id && !fields.contains("name")) ref.get().name = ref.get().id;
            }
            return ref;
          }))
      .def(
          "copy", [](const Ref<T>& self) { return Ref<T>(self.get()); },
          "A detached copy: editing it leaves this one (and the scenario it may view) as it is.")
      .def("__copy__", [](const Ref<T>& self) { return Ref<T>(self.get()); })
      .def("__deepcopy__", [](const Ref<T>& self, py::handle) { return Ref<T>(self.get()); }, py::arg("memo"))
      .def(
          "__eq__", [](const Ref<T>& a, const Ref<T>& b) { return a.get() == b.get(); }, py::is_operator())
      .def_property_readonly("is_view", &Ref<T>::is_view,
                             "True when this is a live view of a place in a scenario (edits go there), False when it "
                             "owns its value")
      .def(
          "to_dict", [](const Ref<T>& self) { return plain_dict(self.get()); },
          "The fields as plain Python objects (dicts, lists, str, numbers, None), under the C++ names.")
      .def("__repr__", [](const Ref<T>& self) {
        std::string text = std::string(type_name<T>()) + "(";
        bool first = true;
        for (const auto& [name, get] : plain_fields<T>()) {
          text += (first ? "" : ", ") + name + "=" + py::repr(get(self.get())).template cast<std::string>();
          first = false;
        }
        return text + ")";
      });
  cls.attr("__hash__") = py::none();
}

// The live list type of one part type.
template <typename E>
void bind_list(py::module_& m, const char* python_name) {
  using L = ListRef<E>;
  py::class_<L> cls(m, python_name,
                    (std::string("A live list of parley.") + type_name<E>() +
                     " inside a scenario or part: items are live views, assigning or appending copies a part in.")
                        .c_str());
  cls.def("__len__", [](const L& l) { return l.resolve().size(); })
      .def(
          "__getitem__",
          [](const L& l, std::ptrdiff_t i) { return element_view(l, list_index(i, l.resolve().size(), l.name)); },
          py::arg("index"))
      .def(
          "__getitem__",
          [](const L& l, const py::slice& slice) {
            std::size_t start = 0, stop = 0, step = 0, length = 0;
            if (!slice.compute(l.resolve().size(), &start, &stop, &step, &length)) throw py::error_already_set();
            py::list views;
            for (std::size_t k = 0; k < length; ++k) views.append(element_view(l, start + k * step));
            return views;
          },
          py::arg("slice"))
      .def(
          "__setitem__",
          [](const L& l, std::ptrdiff_t i, py::handle value) {
            E copy = part_from_python<E>(value, l.name).get();
            std::vector<E>& items = l.resolve();
            items[list_index(i, items.size(), l.name)] = std::move(copy);
          },
          py::arg("index"), py::arg("value"))
      .def(
          "__delitem__",
          [](const L& l, std::ptrdiff_t i) {
            std::vector<E>& items = l.resolve();
            items.erase(items.begin() + static_cast<std::ptrdiff_t>(list_index(i, items.size(), l.name)));
          },
          py::arg("index"))
      .def("__iter__",
           [](const L& l) {
             py::list views;
             for (std::size_t i = 0; i < l.resolve().size(); ++i) views.append(element_view(l, i));
             return py::iter(views);
           })
      .def(
          "append",
          [](const L& l, py::handle value) {
            E copy = part_from_python<E>(value, l.name).get();
            l.resolve().push_back(std::move(copy));
          },
          py::arg("part"), "Appends a copy of the part.")
      .def(
          "insert",
          [](const L& l, std::ptrdiff_t i, py::handle value) {
            E copy = part_from_python<E>(value, l.name).get();
            std::vector<E>& items = l.resolve();
            const auto size = static_cast<std::ptrdiff_t>(items.size());
            const std::ptrdiff_t at = std::clamp(i < 0 ? i + size : i, std::ptrdiff_t{0}, size);
            items.insert(items.begin() + at, std::move(copy));
          },
          py::arg("index"), py::arg("part"), "Inserts a copy of the part before index.")
      .def(
          "extend",
          [](const L& l, py::handle values) {
            std::vector<E> copies = parts_from_python<E>(values, l.name);
            std::vector<E>& items = l.resolve();
            items.insert(items.end(), copies.begin(), copies.end());
          },
          py::arg("parts"), "Appends a copy of each part.")
      .def(
          "pop",
          [](const L& l, std::ptrdiff_t i) {
            std::vector<E>& items = l.resolve();
            const std::size_t at = list_index(i, items.size(), l.name);
            Ref<E> removed(std::move(items[at]));
            items.erase(items.begin() + static_cast<std::ptrdiff_t>(at));
            return removed;
          },
          py::arg("index") = -1, "Removes the part at index and returns it (detached).")
      .def("clear", [](const L& l) { l.resolve().clear(); })
      .def(
          "copy",
          [](const L& l) {
            py::list copies;
            for (const E& item : l.resolve()) copies.append(Ref<E>(item));
            return copies;
          },
          "A plain list of detached copies.")
      .def(
          "__eq__",
          [](const L& l, py::handle other) -> py::object {
            if (py::isinstance<py::str>(other) || !py::isinstance<py::sequence>(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            const std::vector<E>& items = l.resolve();
            const py::sequence sequence = py::reinterpret_borrow<py::sequence>(other);
            if (sequence.size() != items.size()) return py::bool_(false);
            for (std::size_t i = 0; i < items.size(); ++i) {
              py::object item = sequence[i];
              if (!py::isinstance<Ref<E>>(item) || !(item.cast<Ref<E>&>().get() == items[i])) return py::bool_(false);
            }
            return py::bool_(true);
          },
          py::is_operator())
      .def("__repr__", [](const L& l) {
        py::list views;
        for (std::size_t i = 0; i < l.resolve().size(); ++i) views.append(element_view(l, i));
        return py::repr(views).cast<std::string>();
      });
  cls.attr("__hash__") = py::none();
  if constexpr (requires(E e) { e.id; }) {
    cls.def(
        "__getitem__",
        [](const L& l, const std::string& id) {
          const std::vector<E>& items = l.resolve();
          std::vector<std::string> ids;
          for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i].id == id) return element_view(l, i);
            ids.push_back(items[i].id);
          }
          throw py::key_error(fmt::format("{}: no id '{}'{}", l.name, id, did_you_mean(id, ids)));
        },
        py::arg("id"), "The part with this id (a live view).");
    cls.def("ids", [](const L& l) {
      std::vector<std::string> ids;
      for (const E& item : l.resolve()) ids.push_back(item.id);
      return ids;
    }, "The ids, in order.");
  }
}

// The `format` argument of load and import_scenario: None for detection, or a --format name.
InputFormat input_format_named(const std::optional<std::string>& name) {
  if (!name) return InputFormat::automatic;
  if (auto format = parse_input_format(*name)) return *format;
  const std::vector<std::string> names = {"auto", "yaml", "genius", "ktab", "bdm", "deu", "exchange"};
  throw field_error("format", fmt::format("unknown format '{}'{}; formats: {}", *name, did_you_mean(*name, names),
                                          fmt::join(names, ", ")),
                    ErrorKind::unknown_name);
}

// ---- Checking, saving --------------------------------------------------------------------

// The scenario as the loader would hold it: a scenario without stages negotiates every issue
// in one stage "all", as a file without `stages:` does.
Scenario completed(const Scenario& scenario) {
  Scenario copy = scenario;
  if (copy.stages.empty() && !copy.issues.empty()) copy.stages.push_back(all_issues_stage(copy.issues.size()));
  return copy;
}

// What the YAML loader checks after it has read a document, in its order: the strategies
// the reader resolves as it reads (actors.ID.strategy, uncertainty choices), then validate()
// with the layers' catalog.
void check_like_loader(const Scenario& scenario) {
  for (const Actor& actor : scenario.actors) {
    if (actor.strategy.empty()) continue;
    try {
      (void)parse_strategy(actor.strategy);
    } catch (const Error& e) {
      throw field_error("actors." + actor.id + ".strategy", e.message(), e.kind());
    }
  }
  for (std::size_t k = 0; k < scenario.uncertainty.size(); ++k)
    for (std::size_t s = 0; s < scenario.uncertainty[k].distribution.strategies.size(); ++s) {
      const std::string& spec = scenario.uncertainty[k].distribution.strategies[s];
      if (spec.empty()) continue;  // validate() names it
      try {
        (void)parse_strategy(spec);
      } catch (const Error& e) {
        throw field_error(fmt::format("uncertainty.{}.strategy.choice.{}", k, s), e.message(), e.kind());
      }
    }
  validate(scenario, validation_catalog());
}

// Variants are the reader's to check (core keeps them for display); what the writer needs
// of them is checked here, so a bad one is a parley.Error naming it.
void check_variants(const Scenario& scenario) {
  std::vector<std::string> seen;
  for (const VariantSummary& variant : scenario.variants) {
    const std::string field = "variants." + variant.id;
    if (!is_valid_id(variant.id))
      throw field_error(field, fmt::format("invalid variant id '{}': ids may contain only letters, digits, '_' and '-'",
                                           variant.id));
    if (std::find(seen.begin(), seen.end(), variant.id) != seen.end())
      throw field_error(field, fmt::format("variant '{}' is defined twice", variant.id));
    seen.push_back(variant.id);
    if (variant.values.size() != variant.overrides.size())
      throw field_error(field + ".values", fmt::format("{} values for {} override paths; give one value per path",
                                                       variant.values.size(), variant.overrides.size()));
  }
}

std::string yaml_of(const Scenario& edited) {
  const Scenario scenario = completed(edited);
  check_like_loader(scenario);
  check_format_limits(scenario);
  check_variants(scenario);
  std::string text;
  try {
    text = scenario_to_yaml(scenario);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {  // a variant value that is not YAML flow text, say
    throw Error(ErrorKind::invalid, fmt::format("cannot write the scenario: {}", e.what()));
  }
  // Nothing is written that parley.load would refuse, with or without a variant: the reader
  // checks a few things validate() leaves to it (capability > 0, variant paths).
  try {
    (void)parse_scenario_file_yaml(text, "<scenario>");
  } catch (const Error& e) {
    throw Error(e.kind(), e.message());  // the reader's message; its position is in text never shown
  }
  return text;
}

}  // namespace

std::shared_ptr<const Scenario> checked_scenario(const Scenario& scenario) {
  auto copy = std::make_shared<Scenario>(completed(scenario));
  check_like_loader(*copy);
  return copy;
}

void bind_scenario(py::module_& m) {
  py::class_<Ref<LabelledPoint>> labelled_point(m, "LabelledPoint", "A named point of a continuous issue's range (parley::LabelledPoint).");
  Binder<LabelledPoint> lp(labelled_point);
  lp.value("at", &LabelledPoint::at, "the point on the range").value("label", &LabelledPoint::label, "its name");
  bind_part_methods(labelled_point, lp.names(), false);

  py::class_<Ref<Issue>> issue(
      m, "Issue",
      "One issue of a scenario (parley::Issue): its scale or options.\n\n"
      "Issue(id='', name=id, kind='continuous', lower=0, upper=100, steps=11, labels=[], options=[],\n"
      "      ordered=False, reference_point=None, known_outcome=None)");
  Binder<Issue> ib(issue);
  ib.value("id", &Issue::id, "letters, digits, '_' and '-'")
      .value("name", &Issue::name, "human-readable; the constructor defaults it to id")
      .choice("kind", &Issue::kind, {IssueKind::continuous, IssueKind::integer, IssueKind::discrete},
              "'continuous', 'integer' or 'discrete'")
      .value("lower", &Issue::lower, "continuous and integer issues: lower bound")
      .value("upper", &Issue::upper, "continuous and integer issues: upper bound")
      .value("steps", &Issue::steps, "grid points of a continuous issue (>= 2)")
      .list("labels", &Issue::labels, "continuous issues: list of LabelledPoint")
      .value("options", &Issue::options, "the options of a discrete issue (tuple; assign a list to change)")
      .value("ordered", &Issue::ordered, "discrete: the options have an ordinal scale 0..n-1")
      .value("reference_point", &Issue::reference_point, "the status quo on the issue's scale, or None")
      .value("known_outcome", &Issue::known_outcome, "the actual outcome on the issue's scale, or None");
  bind_part_methods(issue, ib.names(), true);
  issue.def("value_count", [](const Ref<Issue>& i) { return i.get().value_count(); },
            "The number of values an outcome may take on this issue.")
      .def("value_number", [](const Ref<Issue>& i, std::uint32_t v) { return i.get().value_number(v); }, py::arg("v"),
           "The number of value index v on the issue's scale.");

  py::class_<Ref<Stance>> stance(m, "Stance",
                                 "An actor's stance on one issue (parley::Stance).\n\n"
                                 "Stance(position=0, salience=0, values=[])");
  Binder<Stance> sb(stance);
  sb.value("position", &Stance::position, "on the issue's scale (ordinal index if discrete)")
      .value("salience", &Stance::salience, "relative weight of the issue; 0 = no stake")
      .value("values", &Stance::values, "explicit utility in [0, 1] per issue value (tuple; empty: none)");
  bind_part_methods(stance, sb.names(), false);
  stance.def("has_stake", [](const Ref<Stance>& s) { return s.get().has_stake(); });

  py::class_<Ref<HyperRectangle::Bound>> bound(m, "Bound",
                                               "One issue's bounds in a HyperRectangle (parley::HyperRectangle::Bound).\n\n"
                                               "Bound(issue=0, min=0, max=0)");
  Binder<HyperRectangle::Bound> bb(bound);
  bb.value("issue", &HyperRectangle::Bound::issue, "scenario issue index")
      .value("min", &HyperRectangle::Bound::min, "value index, inclusive")
      .value("max", &HyperRectangle::Bound::max, "value index, inclusive");
  bind_part_methods(bound, bb.names(), false);

  py::class_<Ref<HyperRectangle>> rectangle(m, "HyperRectangle",
                                            "A GENIUS constraint utility (parley::HyperRectangle).\n\n"
                                            "HyperRectangle(bounds=[], utility=0, exclusive=False)");
  Binder<HyperRectangle> hb(rectangle);
  hb.list("bounds", &HyperRectangle::bounds, "list of Bound")
      .value("utility", &HyperRectangle::utility, "earned when the outcome lies inside (or, exclusive, outside)")
      .value("exclusive", &HyperRectangle::exclusive, "earned when at least one bound is broken");
  bind_part_methods(rectangle, hb.names(), false);

  py::class_<Ref<Actor>> actor(
      m, "Actor",
      "One actor of a scenario (parley::Actor).\n\n"
      "Actor(id='', name=id, capability=1, stances=[], shape='linear', weights='normalised',\n"
      "      reservation_value=0, risk=0, discount=1, rectangles=[], rectangle_scale=1, note='',\n"
      "      strategy='', beliefs=[])\nstances: one Stance per scenario issue, in issue order.");
  Binder<Actor> ab(actor);
  ab.value("id", &Actor::id, "letters, digits, '_' and '-'")
      .value("name", &Actor::name, "the constructor defaults it to id")
      .value("capability", &Actor::capability, "power or clout, > 0")
      .list("stances", &Actor::stances, "one Stance per scenario issue, in issue order")
      .choice("shape", &Actor::shape, {ValueShape::linear, ValueShape::quadratic}, "'linear' or 'quadratic'")
      .choice("weights", &Actor::weights, {Weights::normalised, Weights::raw}, "'normalised' or 'raw' (GENIUS)")
      .value("reservation_value", &Actor::reservation_value, "utility of no agreement, in [0, 1]")
      .value("risk", &Actor::risk, "0 neutral, > 0 averse, < 0 acceptant")
      .value("discount", &Actor::discount, "per-round factor in (0, 1]")
      .list("rectangles", &Actor::rectangles, "list of HyperRectangle (GENIUS nonlinear utilities)")
      .value("rectangle_scale", &Actor::rectangle_scale, "GENIUS maxutility")
      .value("note", &Actor::note, "where the numbers come from")
      .value("strategy", &Actor::strategy, "the actor's own strategy spec ('' for the run's default)")
      .list("beliefs", &Actor::beliefs, "list of Belief: its estimates of other actors' reservation values");
  bind_part_methods(actor, ab.names(), true);
  actor.def("uses_rectangles", [](const Ref<Actor>& a) { return a.get().uses_rectangles(); });

  py::class_<Ref<Channel>> channel(m, "Channel",
                                   "A channel: who talks at a table and what outsiders see (parley::Channel).\n\n"
                                   "Channel(id='', name=id, members=[], outsiders_see='decisions')");
  Binder<Channel> cb(channel);
  cb.value("id", &Channel::id, "letters, digits, '_' and '-'")
      .value("name", &Channel::name, "the constructor defaults it to id")
      .value("members", &Channel::members, "actor indices (tuple; assign a list to change)")
      .choice("outsiders_see", &Channel::outsiders_see, {Visibility::nothing, Visibility::talks, Visibility::decisions},
              "'nothing', 'talks' or 'decisions'");
  bind_part_methods(channel, cb.names(), true);

  py::class_<Ref<Stage>> stage(
      m, "Stage",
      "One stage of a scenario's negotiation (parley::Stage).\n\n"
      "Stage(id='', name=id, issues=[], channel=None, protocol='sao', protocol_settings={},\n"
      "      deadline=100, ratify=[], after=None)");
  Binder<Stage> stb(stage);
  stb.value("id", &Stage::id, "letters, digits, '_' and '-'")
      .value("name", &Stage::name, "the constructor defaults it to id")
      .value("issues", &Stage::issues, "scenario issue indices (tuple; assign a list to change)")
      .value("channel", &Stage::channel, "channel index, None: every actor at the table")
      .value("protocol", &Stage::protocol, "protocol name (parley list protocols)")
      .value("protocol_settings", &Stage::protocol_settings,
             "{name: 'value'} (read-only mapping; assign a dict to change)")
      .value("deadline", &Stage::deadline, "rounds, 1 to 1000000")
      .value("ratify", &Stage::ratify, "actor indices of the ratifiers (tuple)")
      .value("after", &Stage::after, "index of the stage that must succeed first, or None");
  bind_part_methods(stage, stb.names(), true);

  py::class_<Ref<Link>> link(m, "Link",
                             "Issues that may be traded against each other (parley::Link).\n\nLink(issues=[], note='')");
  Binder<Link> lb(link);
  lb.value("issues", &Link::issues, "scenario issue indices, at least two (tuple)").value("note", &Link::note, "why");
  bind_part_methods(link, lb.names(), false);

  py::class_<Ref<VariantSummary>> variant(
      m, "VariantSummary",
      "A named set of overrides of a YAML scenario (parley::VariantSummary); parley.load(path, variant=ID)\n"
      "applies one. VariantSummary(id='', description='', overrides=[], values=[])");
  Binder<VariantSummary> vb(variant);
  vb.value("id", &VariantSummary::id, "the variant's id")
      .value("description", &VariantSummary::description, "what it supposes")
      .value("overrides", &VariantSummary::overrides, "paths of the fields it changes, e.g. 'actors.us.discount'")
      .value("values", &VariantSummary::values, "the new value of each override, as YAML flow text, e.g. '0.9'");
  bind_part_methods(variant, vb.names(), false);

  py::class_<Ref<Distribution>> distribution(
      m, "Distribution",
      "A distribution over an uncertain input (parley::Distribution).\n\n"
      "Distribution(kind='normal', mean=None, sd=0, min=None, max=None, mode=0, values=[],\n"
      "             strategies=[], weights=[])");
  Binder<Distribution> db(distribution);
  db.choice("kind", &Distribution::kind,
            {DistributionKind::normal, DistributionKind::uniform, DistributionKind::triangular, DistributionKind::choice},
            "'normal', 'uniform', 'triangular' or 'choice'")
      .value("mean", &Distribution::mean, "normal: None for the actor's stated value")
      .value("sd", &Distribution::sd, "normal: >= 0")
      .value("min", &Distribution::min, "normal: clip bound; uniform, triangular: support")
      .value("max", &Distribution::max, "normal: clip bound; uniform, triangular: support")
      .value("mode", &Distribution::mode, "triangular: in [min, max]")
      .value("values", &Distribution::values, "choice: the numbers")
      .value("strategies", &Distribution::strategies, "choice of a strategy: the strategy specs")
      .value("weights", &Distribution::weights, "choice: one weight per value (empty: equally likely)");
  bind_part_methods(distribution, db.names(), false);

  py::class_<Ref<UncertainInput>> uncertain(
      m, "UncertainInput",
      "A distribution over one field of one actor (parley::UncertainInput); sweeps and intervals draw from it.\n\n"
      "UncertainInput(actor=0, field='salience', issue=0, distribution=Distribution(), note='')");
  Binder<UncertainInput> ub(uncertain);
  ub.value("actor", &UncertainInput::actor, "actor index")
      .choice("field", &UncertainInput::field,
              {UncertainField::position, UncertainField::salience, UncertainField::capability, UncertainField::reservation,
               UncertainField::discount, UncertainField::strategy},
              "'position', 'salience', 'capability', 'reservation', 'discount' or 'strategy'")
      .value("issue", &UncertainInput::issue, "scenario issue index (position and salience)")
      .part("distribution", &UncertainInput::distribution, "the Distribution (a live view)")
      .value("note", &UncertainInput::note, "why the judgement is uncertain");
  bind_part_methods(uncertain, ub.names(), false);

  py::class_<Ref<Belief>> belief(
      m, "Belief",
      "What an actor believes of another's reservation value, for ratification-aware negotiators\n"
      "(parley::Belief).\n\nBelief(about=0, reservation=Distribution(), note='')\n"
      "A point estimate is Distribution(kind='choice', values=[x]).");
  Binder<Belief> beb(belief);
  beb.value("about", &Belief::about, "actor index of the actor it is about")
      .part("reservation", &Belief::reservation, "the Distribution of its reservation value (a live view)")
      .value("note", &Belief::note, "where the estimate comes from");
  bind_part_methods(belief, beb.names(), false);

  bind_list<LabelledPoint>(m, "LabelledPointList");
  bind_list<Issue>(m, "IssueList");
  bind_list<Stance>(m, "StanceList");
  bind_list<HyperRectangle::Bound>(m, "BoundList");
  bind_list<HyperRectangle>(m, "HyperRectangleList");
  bind_list<Actor>(m, "ActorList");
  bind_list<Channel>(m, "ChannelList");
  bind_list<Stage>(m, "StageList");
  bind_list<Link>(m, "LinkList");
  bind_list<VariantSummary>(m, "VariantSummaryList");
  bind_list<UncertainInput>(m, "UncertainInputList");
  bind_list<Belief>(m, "BeliefList");

  py::class_<Scenario, std::shared_ptr<Scenario>> scenario(
      m, "Scenario",
      "Everything about one negotiation (parley::Scenario): read by parley.load, or built and edited here.\n\n"
      "Scenario(name='', description='', issues=[], actors=[], channels=[], stages=[], links=[],\n"
      "         variants=[], uncertainty=[], variant='')\n\n"
      "Parts read from it are live views (scenario.actors[0].capability = 2 edits it); parts put into\n"
      "it are copied. Indices (Stage.issues, Channel.members, ...) are positions in its lists.\n"
      "validate() checks it as the YAML loader does; save(path) writes parley YAML. Without stages,\n"
      "it negotiates every issue in one stage 'all', as a file without `stages:` does.");
  Binder<Scenario> scb(scenario);
  scb.value("name", &Scenario::name, "the title")
      .value("description", &Scenario::description, "")
      .list("issues", &Scenario::issues, "live list of Issue")
      .list("actors", &Scenario::actors, "live list of Actor")
      .list("channels", &Scenario::channels, "live list of Channel")
      .list("stages", &Scenario::stages, "live list of Stage")
      .list("links", &Scenario::links, "live list of Link")
      .list("variants", &Scenario::variants, "live list of VariantSummary (parley.load(path, variant=ID) applies one)")
      .list("uncertainty", &Scenario::uncertainty, "live list of UncertainInput")
      .value("variant", &Scenario::variant, "the variant applied ('' for the base)");
  const std::vector<std::string> scenario_fields = scb.names();
  scenario
      .def(py::init([scenario_fields](const py::kwargs& fields) {
        auto made = std::make_shared<Scenario>();
        set_fields(py::cast(made), fields, scenario_fields, "Scenario");
        return made;
      }))
      .def("find_issue", &Scenario::find_issue, py::arg("id"), "Index of the issue with this id, or None.")
      .def("find_actor", &Scenario::find_actor, py::arg("id"), "Index of the actor with this id, or None.")
      .def("find_channel", &Scenario::find_channel, py::arg("id"), "Index of the channel with this id, or None.")
      .def("find_stage", &Scenario::find_stage, py::arg("id"), "Index of the stage with this id, or None.")
      .def(
          "validate", [](const Scenario& s) { (void)yaml_of(s); },
          "Checks the scenario as the YAML loader checks a file: strategies, every invariant of\n"
          "parley::validate (with the protocols' settings), the format's limits, and the rules the\n"
          "reader checks as it reads (capability > 0). Raises parley.Error with .field (the dotted\n"
          "path, e.g. 'stages.truce.protocol') and the loader's message; returns None when valid.")
      .def(
          "to_yaml", [](const Scenario& s) { return yaml_of(s); },
          "The scenario in the parley YAML format (as `parley import` writes it); validates first.")
      .def(
          "save",
          [](const Scenario& s, const std::filesystem::path& path) {
            const std::string text = yaml_of(s);
            py::gil_scoped_release release;
            write_output_file(path, text);
          },
          py::arg("path"),
          "Writes the scenario as parley YAML to path, wholly or not at all (a file is replaced only\n"
          "once the new one is complete). Validates first: raises parley.Error and writes nothing\n"
          "when the scenario is invalid. parley.load(path) then gives an equal scenario.")
      .def(
          "copy", [](const Scenario& s) { return std::make_shared<Scenario>(s); },
          "A detached copy (views of the copy edit the copy).")
      .def("__copy__", [](const Scenario& s) { return std::make_shared<Scenario>(s); })
      .def("__deepcopy__", [](const Scenario& s, py::handle) { return std::make_shared<Scenario>(s); }, py::arg("memo"))
      .def(
          "__eq__", [](const Scenario& a, const Scenario& b) { return a == b; }, py::is_operator())
      .def(
          "to_dict", [](const Scenario& s) { return plain_dict(s); },
          "The scenario's fields as plain Python objects, under the C++ names (indices stay indices).")
      .def("__repr__", [](const Scenario& s) {
        return "<parley.Scenario '" + s.name + "': " + std::to_string(s.issues.size()) + " issues, " +
               std::to_string(s.actors.size()) + " actors, " + std::to_string(s.stages.size()) + " stages>";
      });
  scenario.attr("__hash__") = py::none();

  m.def(
      "load",
      [](const std::filesystem::path& path, const std::string& variant, const std::optional<std::string>& format) {
        py::gil_scoped_release release;
        return std::make_shared<Scenario>(load_scenario(path, variant, input_format_named(format)));
      },
      py::arg("path"), py::arg("variant") = "", py::arg("format") = py::none(),
      "load(path, variant='', format=None) -> Scenario\n\n"
      "Reads a scenario as every parley command does: parley YAML, or a peer tool's input (GENIUS\n"
      "domain folder, KTAB CSV/XML, BDM CSV, DEU TSV, exchange file) detected from the content, or\n"
      "in the format named (as --format: yaml, genius, ktab, bdm, deu, exchange). With a variant id,\n"
      "applies that variant of a YAML scenario. Raises parley.InputError (with .file, .line,\n"
      ".column) on a file that cannot be read or breaks a rule.");

  m.def(
      "import_scenario",
      [](const std::filesystem::path& path, const std::optional<std::string>& format, bool normalise_weights) {
        py::gil_scoped_release release;
        return std::make_shared<Scenario>(import_scenario(path, input_format_named(format), GeniusOptions{normalise_weights}));
      },
      py::arg("path"), py::arg("format") = py::none(), py::arg("normalise_weights") = false,
      "import_scenario(path, format=None, normalise_weights=False) -> Scenario\n\n"
      "`parley import FORMAT`: a peer tool's input (genius, ktab, bdm, deu, exchange; detected from\n"
      "the content when format is None) as a scenario; .save(path) then writes what the command\n"
      "writes. normalise_weights: GENIUS weights divided by their sum (--normalise-weights).\n"
      "Raises parley.InputError; a parley YAML file is refused (use parley.load).");
}

}  // namespace parley::python
