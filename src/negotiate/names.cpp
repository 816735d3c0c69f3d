// Display names of the negotiate enums (trace and report vocabulary).
#include "parley/negotiate/event.hpp"
#include "parley/negotiate/mechanism.hpp"

namespace parley {

std::string_view to_string(EventKind kind) {
  switch (kind) {
    case EventKind::offer: return "offer";
    case EventKind::accept: return "accept";
    case EventKind::reject: return "reject";
    case EventKind::no_offer: return "no_offer";
    case EventKind::end: return "end";
    case EventKind::text: return "text";
    case EventKind::agreed_in_principle: return "agreed_in_principle";
    case EventKind::reopen: return "reopen";
    case EventKind::agreement: return "agreement";
    case EventKind::timeout: return "timeout";
  }
  return "?";
}

std::string_view to_string(NegotiationStatus status) {
  switch (status) {
    case NegotiationStatus::agreement: return "agreement";
    case NegotiationStatus::ended: return "ended";
    case NegotiationStatus::timeout: return "timeout";
  }
  return "?";
}

}  // namespace parley
