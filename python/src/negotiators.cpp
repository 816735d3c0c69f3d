// Negotiators written in Python: the C++ negotiation vocabulary (negotiate/negotiator.hpp,
// event.hpp) under its C++ names, the adapter that runs a Python object as a
// parley::Negotiator inside every protocol, and registration of Python strategies in the C++
// strategy registry (negotiate/strategies.hpp), so that "name:k=v" works wherever a spec does.
//
// Speed (bench/python_strategies.py): one Python call per act() and observe(). The adapter
// looks the methods up once, in on_start; the Turn and Event it hands over are one object per
// negotiator, updated in place, and replaced only when the strategy kept a reference to the
// previous one (so a kept Turn never changes under its holder); Reply.accept(), reject() and
// end() are shared immutable objects.
//
// GIL: every call into Python (the factory, every Negotiator method, the destructor) takes
// the GIL, so negotiations run by C++ code that released it (negotiate, tournaments on worker
// threads) call Python strategies safely. A Python exception raised in a strategy travels as
// py::error_already_set through the engine and reaches the Python caller unchanged.

#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "parley/core/error.hpp"
#include "parley/core/params.hpp"
#include "parley/negotiate/negotiator.hpp"
#include "parley/negotiate/strategies.hpp"

namespace parley::python {

namespace {

// ---- module-lifetime Python objects (never released: they must outlive every negotiation) --

PyObject* negotiator_base = nullptr;   // parley.Negotiator (python/parley/negotiators.py)
PyObject* strategy_classes = nullptr;  // dict: registered name -> (class, params, summary)
std::vector<PyObject*> turn_kinds, reply_kinds, event_kinds, discount_clocks;  // IntEnum members
PyObject* accept_reply = nullptr;  // the shared Reply.accept(), reject() and end()
PyObject* reject_reply = nullptr;
PyObject* end_reply = nullptr;

// An IntEnum named `name` in module parley, with `members` in value order; fills `cache` with
// its members, so that a getter returns an existing object (no allocation per access).
py::object int_enum(py::module_& m, const char* name, const std::vector<const char*>& members, const char* doc,
                    std::vector<PyObject*>& cache) {
  py::list items;
  for (std::size_t i = 0; i < members.size(); ++i) items.append(py::make_tuple(members[i], i));
  py::object type = py::module_::import("enum").attr("IntEnum")(name, items, py::arg("module") = "parley");
  type.attr("__doc__") = doc;
  for (const char* member : members) cache.push_back(py::object(type.attr(member)).release().ptr());
  m.attr(name) = type;
  return type;
}

py::object member(const std::vector<PyObject*>& cache, std::size_t index) {
  return py::reinterpret_borrow<py::object>(cache.at(index));
}

py::object outcome_or_none(OutcomeIndex o) { return o == kNoOutcome ? py::object(py::none()) : py::object(py::int_(o)); }

// A Python integer (or anything with __index__) as an outcome; None and anything outside
// [0, kNoOutcome) is kNoOutcome, which every protocol treats as no offer (reject).
OutcomeIndex outcome_from(py::handle value) {
  if (value.is_none()) return kNoOutcome;
  py::object index = py::reinterpret_steal<py::object>(PyNumber_Index(value.ptr()));
  if (!index) throw py::error_already_set();
  int overflow = 0;
  const long long o = PyLong_AsLongLongAndOverflow(index.ptr(), &overflow);
  if (overflow != 0 || o < 0 || o >= static_cast<long long>(kNoOutcome)) return kNoOutcome;
  return static_cast<OutcomeIndex>(o);
}

std::size_t enum_index(py::handle value, std::size_t count, const char* what) {
  const long long v = py::reinterpret_steal<py::object>(PyNumber_Index(value.ptr())).cast<long long>();
  if (v < 0 || static_cast<std::size_t>(v) >= count) throw py::value_error(fmt::format("not a {}: {}", what, v));
  return static_cast<std::size_t>(v);
}

// ---- Turn: what a negotiator answers --------------------------------------------------------

// The Python Turn. While the adapter owns it, `turn.allowed` and `turn.agreed` point into the
// protocol's state; detach() copies them in before the adapter lets go of it.
struct TurnView {
  Turn turn;
  OfferFilter filter;
  std::vector<std::int32_t> agreed;

  void detach() {
    if (turn.allowed != nullptr) {
      filter = *turn.allowed;
      turn.allowed = &filter;
    }
    agreed.assign(turn.agreed.begin(), turn.agreed.end());
    turn.agreed = agreed;
  }
  bool allows(OutcomeIndex o) const { return turn.allowed == nullptr || turn.allowed->empty() || turn.allowed->allows(o); }
};

// ---- NegotiatorContext: what a negotiator is told at the start ------------------------------

struct ContextView {
  const NegotiatorContext* context = nullptr;  // null once the negotiation has ended
  std::uint64_t seed = 0;
  py::object utilities;  // the numpy view, made on first use

  const NegotiatorContext& get() const {
    if (context == nullptr)
      throw std::runtime_error("this NegotiatorContext belongs to a negotiation that has ended (copy what you need)");
    return *context;
  }
  const PartyTable& table() const { return *get().table; }
  OutcomeIndex checked(std::int64_t o) const {
    if (o < 0 || static_cast<std::uint64_t>(o) >= table().size())
      throw py::index_error(fmt::format("outcome {} outside 0..{}", o, table().size() - 1));
    return static_cast<OutcomeIndex>(o);
  }
};

// A read-only numpy view (no copy) of `values`, valid while the negotiation runs.
py::array_t<double> read_only_view(std::span<const double> values) {
  // A capsule as base: numpy then neither copies nor frees the memory.
  py::array_t<double> array({static_cast<py::ssize_t>(values.size())}, {static_cast<py::ssize_t>(sizeof(double))},
                            values.data(), py::capsule(values.data(), [](void*) {}));
  py::detail::array_proxy(array.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
  return array;
}

const OfferFilter* filter_of(const std::optional<TurnView*>& turn) {
  if (!turn || *turn == nullptr) return nullptr;
  const OfferFilter* f = (*turn)->turn.allowed;
  return f != nullptr && !f->empty() ? f : nullptr;
}

// ---- the adapter -------------------------------------------------------------------------

// A parley::Negotiator whose decisions a Python parley.Negotiator makes.
class PythonNegotiator final : public Negotiator {
 public:
  PythonNegotiator(py::object self, std::string spec_text, std::uint64_t seed)
      : self_(std::move(self)), spec_text_(std::move(spec_text)), seed_(seed) {
    py::object type = py::type::of(self_);
    const py::object base = py::reinterpret_borrow<py::object>(negotiator_base);
    const auto overrides = [&](const char* method) { return !type.attr(method).is(base.attr(method)); };
    custom_name_ = overrides("name");
    observes_ = overrides("observe");
  }

  ~PythonNegotiator() override {
    py::gil_scoped_acquire gil;
    close();
    self_ = py::object();
    act_ = propose_ = respond_ = observe_ = on_end_ = py::object();
    turn_ = event_ = context_ = py::object();
  }

  void on_start(const NegotiatorContext& context) override {
    py::gil_scoped_acquire gil;
    context_ = py::cast(ContextView{&context, seed_, py::object()});
    view_ = context_.cast<ContextView*>();
    py::object type = py::type::of(self_);
    const py::object base = py::reinterpret_borrow<py::object>(negotiator_base);
    // The default act() only dispatches on the turn's kind: do it here, one Python call less.
    if (!type.attr("act").is(base.attr("act"))) {
      act_ = self_.attr("act");
    } else {
      propose_ = self_.attr("propose");
      respond_ = self_.attr("respond");
    }
    if (observes_) observe_ = self_.attr("observe");
    on_end_ = self_.attr("on_end");
    self_.attr("on_start")(context_);
  }

  Reply act(const Turn& turn) override {
    py::gil_scoped_acquire gil;
    if (!turn_) {
      turn_ = py::cast(TurnView{});
      turn_view_ = turn_.cast<TurnView*>();
    }
    turn_view_->turn = turn;
    const py::object& method = act_ ? act_ : turn.kind == TurnKind::propose ? propose_ : respond_;
    PyObject* result = PyObject_CallOneArg(method.ptr(), turn_.ptr());
    if (Py_REFCNT(turn_.ptr()) > 1) {  // the strategy kept it: it stays as it is, we take a new one
      turn_view_->detach();
      turn_ = py::object();
    }
    if (result == nullptr) throw py::error_already_set();
    const py::object reply = py::reinterpret_steal<py::object>(result);
    if (!py::isinstance<Reply>(reply))
      throw py::type_error(fmt::format("{}.{}() returned {}, not a parley.Reply (use Reply.accept(), Reply.propose(outcome), "
                                       "Reply.reject() or Reply.end())",
                                       py::str(py::type::of(self_).attr("__name__")).cast<std::string>(),
                                       act_ ? "act" : turn.kind == TurnKind::propose ? "propose" : "respond",
                                       py::repr(reply).cast<std::string>()));
    return reply.cast<const Reply&>();
  }

  void observe(const Event& event) override {
    py::gil_scoped_acquire gil;
    if (!event_) {
      event_ = py::cast(event);
      event_value_ = event_.cast<Event*>();
    } else {
      *event_value_ = event;
    }
    PyObject* result = PyObject_CallOneArg(observe_.ptr(), event_.ptr());
    if (Py_REFCNT(event_.ptr()) > 1) event_ = py::object();  // kept: never changed again
    if (result == nullptr) throw py::error_already_set();
    Py_DECREF(result);
  }

  bool observes() const override { return observes_; }

  void on_end(OutcomeIndex agreement) override {
    py::gil_scoped_acquire gil;
    if (on_end_) on_end_(outcome_or_none(agreement));
    close();
  }

  std::string name() const override {
    if (!custom_name_) return spec_text_;
    py::gil_scoped_acquire gil;
    return py::str(self_.attr("name")()).cast<std::string>();
  }

 private:
  // The context and the kept turn's pointers die with the negotiation: cut them.
  void close() {
    if (view_ != nullptr) {
      view_->context = nullptr;
      view_->utilities = py::object();
      view_ = nullptr;
    }
    if (turn_view_ != nullptr && turn_) turn_view_->turn = Turn{};
  }

  py::object self_;
  std::string spec_text_;
  std::uint64_t seed_ = 0;
  bool custom_name_ = false;
  bool observes_ = true;
  py::object act_, propose_, respond_, observe_, on_end_;  // bound methods, looked up in on_start
  py::object context_;
  ContextView* view_ = nullptr;
  py::object turn_;  // reused while the strategy does not keep it
  TurnView* turn_view_ = nullptr;
  py::object event_;
  Event* event_value_ = nullptr;
};

// ---- registration ---------------------------------------------------------------------------

py::dict classes() { return py::reinterpret_borrow<py::dict>(strategy_classes); }

// The keyword arguments a registered class is constructed with: every parameter, typed.
py::dict keyword_arguments(const ParamValues& values) {
  py::dict kwargs;
  for (const ParamValues::Value& v : values.values()) {
    py::object value;
    switch (v.type) {
      case ParamType::number: value = py::float_(v.number); break;
      case ParamType::integer: value = v.word ? py::object(py::str(v.text)) : py::object(py::int_(v.integer)); break;
      case ParamType::boolean: value = py::bool_(values.flag(v.name)); break;
      case ParamType::choice:
      case ParamType::text: value = py::str(v.text); break;
      case ParamType::integer_list: value = py::cast(v.integers); break;
    }
    kwargs[py::str(v.name)] = value;
  }
  return kwargs;
}

std::unique_ptr<Negotiator> make_python_negotiator(const std::string& name, const std::string& spec_text,
                                                   const ParamValues& values, std::uint64_t seed) {
  py::gil_scoped_acquire gil;
  const py::dict table = classes();
  if (!table.contains(name)) throw field_error("strategy", fmt::format("strategy '{}' has no Python class", name));
  const py::object cls = py::reinterpret_borrow<py::tuple>(table[py::str(name)])[0];
  py::object self = cls(**keyword_arguments(values));
  if (!py::isinstance(self, py::reinterpret_borrow<py::object>(negotiator_base)))
    throw py::type_error(fmt::format("strategy '{}' made a {}, not a parley.Negotiator", name,
                                     py::str(py::type::of(self).attr("__name__")).cast<std::string>()));
  return std::make_unique<PythonNegotiator>(std::move(self), spec_text, seed);
}

ParamRange range_from(const py::dict& spec) {
  ParamRange range;
  if (spec.contains("low") && !spec["low"].is_none()) range.low = spec["low"].cast<double>();
  if (spec.contains("high") && !spec["high"].is_none()) range.high = spec["high"].cast<double>();
  if (spec.contains("low_open")) range.low_open = spec["low_open"].cast<bool>();
  if (spec.contains("high_open")) range.high_open = spec["high_open"].cast<bool>();
  return range;
}

// A parameter spec from the dict parley.register_strategy builds (negotiators.py): name,
// type, default (in the value syntax of core/params.hpp), low/high/low_open/high_open,
// choices, doc.
ParamSpec param_spec(const py::dict& spec) {
  static const std::map<std::string, ParamType> types{
      {"number", ParamType::number},   {"integer", ParamType::integer}, {"boolean", ParamType::boolean},
      {"choice", ParamType::choice},   {"text", ParamType::text},       {"integer_list", ParamType::integer_list}};
  ParamSpec p;
  p.name = spec["name"].cast<std::string>();
  const std::string type = spec["type"].cast<std::string>();
  const auto it = types.find(type);
  if (it == types.end())
    throw field_error("strategy", fmt::format("parameter '{}': unknown type '{}'; types: number, integer, boolean, choice, "
                                              "text, integer_list",
                                              p.name, type));
  p.type = it->second;
  p.default_value = spec["default"].cast<std::string>();
  p.range = range_from(spec);
  if (spec.contains("choices")) p.choices = spec["choices"].cast<std::vector<std::string>>();
  if (spec.contains("doc")) p.doc = spec["doc"].cast<std::string>();
  return p;
}

bool same_specs(const std::vector<ParamSpec>& a, const std::vector<ParamSpec>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const ParamSpec &x = a[i], &y = b[i];
    if (x.name != y.name || x.type != y.type || x.default_value != y.default_value || x.choices != y.choices ||
        x.range.text() != y.range.text())
      return false;
  }
  return true;
}

// Adds `cls` to the strategy registry under `name` (or replaces the class of an earlier
// Python registration with the same parameters).
void register_python_strategy(py::object cls, const std::string& name, const std::string& summary,
                              const std::string& source, const std::vector<py::dict>& param_dicts) {
  if (!PyType_Check(cls.ptr()) || PyObject_IsSubclass(cls.ptr(), negotiator_base) != 1)
    throw py::type_error("register_strategy: expected a subclass of parley.Negotiator");
  std::vector<ParamSpec> specs;
  for (const py::dict& d : param_dicts) specs.push_back(param_spec(d));
  const ParamOwner owner{"strategy", "parameter", "strategy", name, false};
  try {
    (void)parse_params(specs, std::vector<std::pair<std::string, std::string>>{}, owner);  // checks every default
  } catch (const std::logic_error& e) {
    throw field_error("strategy", fmt::format("strategy '{}': {}", name, e.what()), ErrorKind::invalid);
  }
  py::dict table = classes();
  if (table.contains(name)) {
    const StrategyInfo* info = strategy_registry().find(name);
    if (info != nullptr && !same_specs(info->params, specs))
      throw field_error("strategy", fmt::format("strategy '{}' is registered with other parameters; a strategy's "
                                                "parameters cannot change once registered (use another name, or restart "
                                                "the interpreter)",
                                                name),
                        ErrorKind::invalid);
    table[py::str(name)] = py::make_tuple(cls, summary);
    return;
  }
  StrategyInfo info;
  info.name = name;
  info.summary = summary;
  info.source = source.empty() ? "Python class " + py::str(cls.attr("__qualname__")).cast<std::string>() : source;
  info.params = std::move(specs);
  info.factory = [name](const std::string& spec_text, const ParamValues& values, std::uint64_t seed) {
    return make_python_negotiator(name, spec_text, values, seed);
  };
  register_strategy(std::move(info));  // throws parley::Error when a C++ strategy has the name
  table[py::str(name)] = py::make_tuple(cls, summary);
}

}  // namespace

std::string strategy_text(py::handle value) {
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  if (PyType_Check(value.ptr()) && negotiator_base != nullptr && PyObject_IsSubclass(value.ptr(), negotiator_base) == 1) {
    // Registered already (under any name): that name; else under the class's own name.
    for (const auto& [name, entry] : classes())
      if (py::object(py::reinterpret_borrow<py::tuple>(entry)[0]).is(value)) return name.cast<std::string>();
    const std::string name = py::str(value.attr("__name__")).cast<std::string>();
    // A class of that name registered before: the same class defined again (a notebook cell
    // run again) replaces it; another module's class of that name must not, silently.
    if (classes().contains(name)) {
      const py::object old = py::reinterpret_borrow<py::tuple>(classes()[py::str(name)])[0];
      const auto where = [](const py::object& cls) {
        return py::str(cls.attr("__module__")).cast<std::string>() + "." + py::str(cls.attr("__qualname__")).cast<std::string>();
      };
      if (where(old) != where(py::reinterpret_borrow<py::object>(value)))
        throw field_error("strategy", fmt::format("strategy '{}' is already {}; register {} under another name with "
                                                  "parley.register_strategy(cls, name)",
                                                  name, where(old), where(py::reinterpret_borrow<py::object>(value))),
                          ErrorKind::invalid);
    }
    register_python_strategy(py::reinterpret_borrow<py::object>(value), name, "", "", {});
    return name;
  }
  if (negotiator_base != nullptr && py::isinstance(value, py::reinterpret_borrow<py::object>(negotiator_base)))
    throw field_error("strategy", "a strategy is a parley.Negotiator class (one object per negotiation is made from it), "
                                  "not an instance: pass the class", ErrorKind::invalid);
  throw field_error("strategy", fmt::format("expected a spec text such as 'boulware:e=2' or a parley.Negotiator subclass, "
                                            "not {}", py::repr(value).cast<std::string>()),
                    ErrorKind::invalid);
}

void bind_negotiators(py::module_& m) {
  // pybind11 (2.10) finds numpy's C API the first time an array is made, in a function-local
  // static whose initialiser imports numpy. Made first on a worker thread, that initialiser
  // holds the static's guard while it waits for the GIL, and a thread holding the GIL that
  // makes an array waits for the guard: the tournament deadlock of issue 11. Making one here,
  // while the module is imported under the GIL, initialises it before any worker runs.
  (void)py::detail::npy_api::get();
  strategy_classes = py::dict().release().ptr();
  m.attr("_strategy_classes") = py::handle(strategy_classes);

  int_enum(m, "TurnKind", {"propose", "respond", "vote"},
           "What a turn asks (parley::TurnKind): propose (no standing offer: offer, pass or end), respond (an offer "
           "stands: accept, counter-offer or end), vote (mediated text: accept or reject).",
           turn_kinds);
  int_enum(m, "ReplyKind", {"accept", "offer", "reject", "end"},
           "A reply (parley::ReplyKind): accept the standing offer or text, offer an outcome, reject (a pass when "
           "proposing, a veto when voting) or end (walk away).",
           reply_kinds);
  int_enum(m, "EventKind",
           {"offer", "accept", "reject", "no_offer", "end", "text", "agreed_in_principle", "reopen", "agreement", "timeout"},
           "What happened (parley::EventKind), see include/parley/negotiate/event.hpp.", event_kinds);
  int_enum(m, "DiscountClock", {"rounds", "relative_time"},
           "What the exponent t of a discount factor counts (parley::DiscountClock): whole rounds, or relative time.",
           discount_clocks);

  py::class_<Deadline>(m, "Deadline", "When a negotiation ends: `rounds`, and `seconds` (inf: no wall-clock limit).")
      .def_readonly("rounds", &Deadline::rounds)
      .def_readonly("seconds", &Deadline::seconds)
      .def("__repr__", [](const Deadline& d) { return fmt::format("Deadline(rounds={}, seconds={})", d.rounds, d.seconds); });

  py::class_<TurnView>(m, "Turn",
                       "A turn a negotiator must answer (parley::Turn). The adapter hands the same object to each call "
                       "and updates it, unless the strategy kept a reference to it: then the kept one never changes.")
      .def_property_readonly("kind", [](const TurnView& t) { return member(turn_kinds, std::size_t(t.turn.kind)); },
                             "TurnKind: propose, respond or vote")
      .def_property_readonly("round", [](const TurnView& t) { return t.turn.round; }, "protocol round, 0-based")
      .def_property_readonly("moves", [](const TurnView& t) { return t.turn.moves; }, "moves made so far by every party")
      .def_property_readonly("time", [](const TurnView& t) { return t.turn.time; }, "relative time in [0, 1]")
      .def_property_readonly("offer", [](const TurnView& t) { return outcome_or_none(t.turn.offer); },
                             "the standing offer (respond) or proposed text (vote), an outcome index, or None")
      .def_property_readonly("proposer", [](const TurnView& t) { return t.turn.proposer; },
                             "party who made `offer`, -1 for the mechanism (a mediator)")
      .def_property_readonly("current", [](const TurnView& t) { return outcome_or_none(t.turn.current); },
                             "vote: the text in force, or None")
      .def_property_readonly("issue", [](const TurnView& t) { return t.turn.issue; },
                             "issue by issue: space position of the issue being settled, else -1")
      .def_property_readonly("agreed", [](const TurnView& t) { return py::tuple(py::cast(std::vector<std::int32_t>(t.turn.agreed.begin(), t.turn.agreed.end()))); },
                             "issue by issue: per space issue the value agreed in principle or -1; () otherwise")
      .def("allows", [](const TurnView& t, std::int64_t o) { return o >= 0 && o < std::int64_t(kNoOutcome) && t.allows(OutcomeIndex(o)); },
           py::arg("outcome"), "Whether an offer of `outcome` is allowed on this turn (issue by issue: the issues agreed in principle).")
      .def("__repr__", [](const TurnView& t) {
        return fmt::format("Turn(kind={}, round={}, time={}, offer={})", py::str(member(turn_kinds, std::size_t(t.turn.kind))).cast<std::string>(),
                           t.turn.round, t.turn.time, py::repr(outcome_or_none(t.turn.offer)).cast<std::string>());
      });

  py::class_<Reply> reply(m, "Reply",
                          "A negotiator's answer to a turn (parley::Reply), immutable. Make one with Reply.accept(), "
                          "Reply.propose(outcome), Reply.reject() or Reply.end(). An invalid reply (an offer outside the "
                          "space or the turn's filter, accept with nothing standing) counts as reject.");
  reply
      .def(py::init([](py::handle kind, py::handle outcome, std::int32_t reopen) {
             return Reply{ReplyKind(enum_index(kind, 4, "ReplyKind")), outcome_from(outcome), reopen};
           }),
           py::arg("kind") = 2, py::arg("outcome") = py::none(), py::arg("reopen") = -1)
      .def_property_readonly("kind", [](const Reply& r) { return member(reply_kinds, std::size_t(r.kind)); })
      .def_property_readonly("outcome", [](const Reply& r) { return outcome_or_none(r.outcome); })
      .def_readonly("reopen", &Reply::reopen, "issue by issue: space position of an issue to reopen, else -1")
      .def("__eq__", [](const Reply& a, const Reply& b) { return a.kind == b.kind && a.outcome == b.outcome && a.reopen == b.reopen; })
      .def("__repr__", [](const Reply& r) {
        return fmt::format("Reply({}{})", py::str(member(reply_kinds, std::size_t(r.kind))).cast<std::string>(),
                           r.kind == ReplyKind::offer ? fmt::format(", outcome={}", r.outcome) : "");
      });
  accept_reply = py::cast(Reply::accept()).release().ptr();
  reject_reply = py::cast(Reply::reject()).release().ptr();
  end_reply = py::cast(Reply::end()).release().ptr();
  reply.def_static("accept", [] { return py::reinterpret_borrow<py::object>(accept_reply); }, "Accept the standing offer (vote for the text).")
      .def_static("reject", [] { return py::reinterpret_borrow<py::object>(reject_reply); },
                  "Reject without a counter-offer: a pass when proposing, a veto when voting.")
      .def_static("end", [] { return py::reinterpret_borrow<py::object>(end_reply); }, "Walk away: the negotiation ends without agreement.")
      .def_static(
          "propose", [](py::handle outcome, std::int32_t reopen) { return Reply{ReplyKind::offer, outcome_from(outcome), reopen}; },
          py::arg("outcome"), py::arg("reopen") = -1,
          "Offer `outcome` (an outcome index), rejecting the standing offer if any. reopen: issue by issue, an agreed issue to reopen.");
  py::setattr(reply, "__hash__", py::none());

  py::class_<Event>(m, "Event",
                    "Something that happened at the table (parley::Event), observed because this party is entitled to. "
                    "The adapter reuses one object per negotiator unless the strategy keeps it.")
      .def_readonly("round", &Event::round)
      .def_readonly("time", &Event::time, "relative time in [0, 1]")
      .def_property_readonly("kind", [](const Event& e) { return member(event_kinds, std::size_t(e.kind)); }, "EventKind")
      .def_readonly("sender", &Event::sender, "party index, or -1 for the mechanism")
      .def_property_readonly("outcome", [](const Event& e) { return outcome_or_none(e.outcome); }, "outcome index or None")
      .def_readonly("issue", &Event::issue, "issue by issue: space issue position, else -1")
      .def_readonly("value", &Event::value, "agreed_in_principle: value index of `issue`, else -1")
      .def_property_readonly(
          "observers",
          [](const Event& e) {
            py::list parties;
            for (std::size_t p = 0; p < kMaxParties; ++p)
              if (contains(e.observers, p)) parties.append(p);
            return py::tuple(parties);
          },
          "party indices that observed the event (never its sender)")
      .def("__repr__", [](const Event& e) {
        return fmt::format("Event({}, round={}, sender={}, outcome={})", py::str(member(event_kinds, std::size_t(e.kind))).cast<std::string>(),
                           e.round, e.sender, py::repr(outcome_or_none(e.outcome)).cast<std::string>());
      });

  py::class_<ContextView>(m, "NegotiatorContext",
                          "What a negotiator is told at the start (parley::NegotiatorContext): the public facts of the "
                          "negotiation and its own utilities, nothing of the others'. Valid until on_end() returns; "
                          "copy what you keep (np.array(context.utilities)).")
      .def_property_readonly("self", [](const ContextView& c) { return c.get().self; }, "this negotiator's party index")
      .def_property_readonly("party_count", [](const ContextView& c) { return c.get().party_count; })
      .def_property_readonly("protocol", [](const ContextView& c) { return std::string(c.get().protocol); },
                             "sao, alternating, mediated, issue_by_issue (or ratification: a ratifier's single vote)")
      .def_property_readonly("deadline", [](const ContextView& c) { return c.get().deadline; })
      .def_property_readonly("clock", [](const ContextView& c) { return member(discount_clocks, std::size_t(c.get().clock)); })
      .def_property_readonly("time_offset", [](const ContextView& c) { return c.get().time_offset; },
                             "time elapsed in earlier stages, in clock units")
      .def_property_readonly("discounts", [](const ContextView& c) { const auto d = c.get().discounts; return py::tuple(py::cast(std::vector<double>(d.begin(), d.end()))); },
                             "every party's discount factor (common knowledge)")
      .def_readonly("seed", &ContextView::seed,
                    "this negotiator's own seed: make every random choice from it (random.Random(context.seed)), so that "
                    "the same seed gives the same result on any thread")
      .def_property_readonly("outcome_count", [](const ContextView& c) { return c.table().size(); })
      .def_property_readonly("issue_count", [](const ContextView& c) { return c.get().space->issue_count(); })
      .def_property_readonly("radices", [](const ContextView& c) { return py::tuple(py::cast(c.get().space->radices())); },
                             "number of values of each issue of the space")
      .def("value", [](const ContextView& c, std::int64_t o, std::size_t k) {
             const OutcomeIndex outcome = c.checked(o);
             if (k >= c.get().space->issue_count()) throw py::index_error(fmt::format("issue {} outside the space", k));
             return c.get().value(outcome, k);
           }, py::arg("outcome"), py::arg("k"), "Value index of the k-th issue in `outcome`.")
      .def("decode", [](const ContextView& c, std::int64_t o) { return py::tuple(py::cast(c.get().space->decode(c.checked(o)))); },
           py::arg("outcome"), "The value index of every issue in `outcome`.")
      .def("encode", [](const ContextView& c, const std::vector<std::uint32_t>& values) {
             const OutcomeSpace& space = *c.get().space;
             if (values.size() != space.issue_count())
               throw py::value_error(fmt::format("{} values for {} issues", values.size(), space.issue_count()));
             for (std::size_t k = 0; k < values.size(); ++k)
               if (values[k] >= space.radix(k)) throw py::value_error(fmt::format("value {} of issue {} outside 0..{}", values[k], k, space.radix(k) - 1));
             return space.encode(values);
           }, py::arg("values"), "The outcome index of one value index per issue.")
      .def("utility", [](const ContextView& c, std::int64_t o) { return c.table().utility(c.checked(o)); }, py::arg("outcome"),
           "This negotiator's utility of `outcome`.")
      .def_property_readonly(
          "utilities",
          [](ContextView& c) {
            if (!c.utilities) c.utilities = read_only_view(c.table().utilities());
            return c.utilities;
          },
          "Read-only float64 numpy view (no copy) of the own utility of every outcome, by outcome index; valid until "
          "on_end() returns.")
      .def_property_readonly("reservation_value", [](const ContextView& c) { return c.table().reservation_value(); })
      .def_property_readonly("discount", [](const ContextView& c) { return c.table().discount(); })
      .def_property_readonly("max_utility", [](const ContextView& c) { return c.table().max_utility(); })
      .def_property_readonly("min_utility", [](const ContextView& c) { return c.table().min_utility(); })
      .def_property_readonly("best", [](const ContextView& c) { return outcome_or_none(c.table().best()); }, "the best outcome")
      .def("ranked", [](const ContextView& c, std::int64_t rank) {
             if (rank < 0 || std::uint64_t(rank) >= c.table().size()) throw py::index_error("rank outside the space");
             return c.table().ranked(std::size_t(rank));
           }, py::arg("rank"), "The outcome of rank `rank` (0: the best; ties by ascending outcome index).")
      .def("at_least", [](const ContextView& c, double target, std::optional<TurnView*> turn) {
             return outcome_or_none(c.table().at_least(target, filter_of(turn)));
           }, py::arg("target"), py::arg("turn") = py::none(),
           "The outcome of lowest utility >= target (ties: the latest rank), allowed on `turn` if given; None if none.")
      .def("best_allowed", [](const ContextView& c, std::optional<TurnView*> turn) {
             return outcome_or_none(c.table().best_allowed(filter_of(turn)));
           }, py::arg("turn") = py::none(), "The best outcome allowed on `turn` (every outcome without one).")
      .def_property_readonly(
          "known_utilities",
          [](const ContextView& c) -> py::object {
            const auto known = c.get().known_utilities;
            if (known.empty()) return py::none();
            py::list tables;
            for (const PartyTable* t : known) tables.append(read_only_view(t->utilities()));
            return py::tuple(tables);
          },
          "With complete information: every party's utilities (read-only views, by party); None otherwise.");

  m.def("_set_negotiator_base", [](py::object base) { negotiator_base = base.inc_ref().ptr(); });
  m.def("_register_strategy", &register_python_strategy, py::arg("cls"), py::arg("name"), py::arg("summary"),
        py::arg("source"), py::arg("params"));
  m.def("_strategy_text", [](py::handle value) { return strategy_text(value); });
  m.def("strategy_names", &strategy_names, "Every registered strategy name, built-ins first (parley list strategies).");
}

}  // namespace parley::python
