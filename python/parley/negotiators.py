"""Negotiators (strategies) written in Python, and strategy registration.

Subclass `Negotiator` and implement propose(turn) and respond(turn) (or act(turn) itself);
pass the class where a strategy is asked for, or register it by name:

    class Steady(parley.Negotiator):
        def on_start(self, context):
            super().on_start(context)
            self.order = np.argsort(-context.utilities, kind="stable")   # best first
        def propose(self, turn):
            return parley.Reply.propose(int(self.order[int(turn.time * (len(self.order) - 1) / 2)]))
        def respond(self, turn):
            ...

    parley.negotiate(talks, strategies={"us": Steady})
    parley.register_strategy(Steady, "steady", params={"e": 1.0})   # then "steady:e=2" works

The C++ names and contract are those of include/parley/negotiate/negotiator.hpp; see
docs/python.md, "Strategies in Python".
"""

from . import _parley
from ._parley import (
    Deadline,
    DiscountClock,
    Event,
    EventKind,
    NegotiatorContext,
    Reply,
    ReplyKind,
    Turn,
    TurnKind,
    strategy_names,
)

__all__ = [
    "Deadline",
    "DiscountClock",
    "Event",
    "EventKind",
    "Negotiator",
    "NegotiatorContext",
    "Reply",
    "ReplyKind",
    "Turn",
    "TurnKind",
    "register_strategy",
    "strategy_names",
]


class Negotiator:
    """A strategy written in Python (parley::Negotiator).

    parley makes one object per negotiation (from the class, with the registered parameters
    as keyword arguments) and calls, in order:

    on_start(context)  once: a NegotiatorContext with this party's own utilities and the
                       negotiation's public facts; the default keeps it as self.context.
    act(turn) -> Reply whenever the protocol needs this party's move; the default calls
                       propose(turn) when turn.kind is TurnKind.propose (no standing offer)
                       and respond(turn) otherwise (an offer stands, or a mediated text is
                       put to a vote).
    observe(event)     each event this party is entitled to see (its channel's rules), never
                       its own actions. Not called at all unless the class overrides it.
    on_end(agreement)  once, with the agreed outcome index or None.
    name()             the name in traces and reports; default: the strategy's spec text.

    Outcomes are indices into the negotiation's outcome space (context.outcome_count of
    them; context.decode(o) gives each issue's value index). Every random choice must come
    from context.seed (e.g. random.Random(context.seed)): same seed, same result, on any
    thread. An exception raised here ends the negotiation and reaches the caller unchanged.
    """

    context = None

    def on_start(self, context):
        """Called once before the first turn; keeps `context` as self.context."""
        self.context = context

    def act(self, turn):
        """Answers `turn` with a Reply; dispatches to propose() or respond() by turn.kind."""
        if turn.kind == TurnKind.propose:
            return self.propose(turn)
        return self.respond(turn)

    def propose(self, turn):
        """No offer stands: return Reply.propose(outcome), Reply.reject() (pass) or Reply.end()."""
        raise NotImplementedError(f"{type(self).__name__} must implement propose(turn) or act(turn)")

    def respond(self, turn):
        """turn.offer stands (or, TurnKind.vote, is a text put to a vote): Reply.accept(),
        Reply.propose(outcome) (a counter-offer), Reply.reject() or Reply.end()."""
        raise NotImplementedError(f"{type(self).__name__} must implement respond(turn) or act(turn)")

    def observe(self, event):
        """An Event this party is entitled to observe. Override to use them."""

    def on_end(self, agreement):
        """Called once when the negotiation ends; `agreement` is an outcome index or None."""

    def name(self):
        """The strategy's name in traces and reports (default: its spec text)."""
        return type(self).__name__


_parley._set_negotiator_base(Negotiator)

_TYPES = {bool: "boolean", int: "integer", float: "number", str: "text"}


def _text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ";".join(str(int(v)) for v in value)
    return repr(value) if isinstance(value, float) else str(value)


def _param(name, spec):
    """One parameter spec as the dict _parley._register_strategy reads."""
    if not isinstance(spec, dict):
        kind = _TYPES.get(type(spec))
        if kind is None:
            raise TypeError(f"parameter '{name}': give a default (bool, int, float or str) or a dict with 'type' and 'default'")
        spec = {"type": kind, "default": spec}
    spec = dict(spec)
    kind = spec.get("type") or _TYPES.get(type(spec.get("default")))
    if kind is None:
        raise TypeError(f"parameter '{name}': say its 'type' (number, integer, boolean, choice, text, integer_list)")
    out = {"name": name, "type": kind, "default": _text(spec.get("default", "")), "doc": spec.get("doc", "")}
    if "range" in spec:
        out["low"], out["high"] = spec["range"]
    for key in ("low", "high", "low_open", "high_open"):
        if key in spec:
            out[key] = spec[key]
    if "choices" in spec:
        out["choices"] = [str(c) for c in spec["choices"]]
    return out


def register_strategy(cls=None, name=None, summary="", params=None, source=""):
    """Registers a Negotiator subclass as strategy `name` (default: the class's name).

    Afterwards "name" and "name:k=v,..." work wherever a strategy spec does: negotiate's
    strategies={...}, tournaments, an actor's `strategy:` in a scenario file (register
    before loading it), `parley.strategy_names()`. Parameters are validated by the C++
    parameter specs (errors: parley.Error with field "strategy") and passed to the class as
    keyword arguments, typed: cls(**{name: value}).

    params: {name: default} (bool, int, float or str gives the type) or {name: {"type":
    "number"|"integer"|"boolean"|"choice"|"text"|"integer_list", "default": ..., "range":
    (low, high), "low_open"/"high_open": bool, "choices": [...], "doc": "..."}}.

    Registering a name again replaces its class (notebooks re-run cells); its parameters
    cannot change (parley.Error: use another name or restart). A name a C++ strategy has
    (e.g. "boulware") is refused. Returns the class, so it also works as a decorator:
    @register_strategy or @register_strategy(name="x", params={...}).
    """
    if cls is None:
        return lambda c: register_strategy(c, name=name, summary=summary, params=params, source=source)
    if not (isinstance(cls, type) and issubclass(cls, Negotiator)):
        raise TypeError("register_strategy: expected a subclass of parley.Negotiator")
    specs = [_param(key, spec) for key, spec in (params or {}).items()]
    _parley._register_strategy(cls, name or cls.__name__, summary, source, specs)
    return cls
