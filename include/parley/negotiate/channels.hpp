#pragma once
// The channel layer: who may observe what of a stage's negotiation.
//
// A stage runs in one channel (or at a table open to every actor). Its *members* see every
// offer and answer made at the table; actors outside it learn only what the channel's
// `outsiders_see` grants, on a scale where each level includes the one before:
//
//   nothing     not even that talks happen
//   talks       that talks happen (the stage opens), not what is said or decided
//   decisions   that talks happen, and the decision when it is announced
//
// A ratifier outside the channel is always shown the agreement it is asked to ratify, and
// nothing else of the talks.
//
// Leak-proof by construction (see docs/negotiation.md, "Channels"):
// - only members with a stake sit at the table (are negotiators of the mechanism), so only
//   their strategies exist while the talks run;
// - the VisibilityHook handed to the mechanism narrows every event's observers to members;
// - StageChannel::observers() is the one function that decides who observes a session event
//   (the talks opening, a ratification, an announcement); the trace records its answer.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "parley/core/scenario.hpp"
#include "parley/negotiate/event.hpp"
#include "parley/negotiate/mechanism.hpp"

namespace parley {

// What kind of information an event of a staged negotiation discloses.
enum class Disclosure : std::uint8_t {
  talks,         // that the talks of a stage open (no content)
  table,         // an action at the table: offer, answer, text, agreed in principle, end
  decision,      // the stage's result, announced when the stage ends
  ratification,  // an agreement put to one ratifier, or that ratifier's answer
};

// The channel rules of one stage, for a scenario's actors.
class StageChannel {
 public:
  // Stage `stage` of `scenario`. REQUIRES: stage < scenario.stages.size().
  StageChannel(const Scenario& scenario, std::size_t stage);
  // A channel given directly (tests): members as actor indices, or every actor when
  // `channel` is empty.
  StageChannel(std::size_t actor_count, const std::optional<Channel>& channel);

  std::optional<std::size_t> channel() const { return channel_index_; }
  Visibility outsiders_see() const { return outsiders_see_; }
  bool is_member(std::size_t actor) const { return member_[actor]; }
  std::size_t actor_count() const { return member_.size(); }

  // Whether `actor` observes an event of kind `what`. `addressee` is the ratifier concerned
  // (Disclosure::ratification only): a ratification is observed by the members and that
  // ratifier. `public_at_table` (Disclosure::table only): the mechanism showed the event to
  // every party at the table except its sender; members who do not negotiate see only such
  // events, never a private answer to a mediator.
  bool observes(std::size_t actor, Disclosure what, std::optional<std::size_t> addressee = std::nullopt,
                bool public_at_table = true) const;
  // Every actor who observes such an event, in actor order, without `sender` (if any).
  std::vector<std::size_t> observers(Disclosure what, std::optional<std::size_t> sender = std::nullopt,
                                     std::optional<std::size_t> addressee = std::nullopt,
                                     bool public_at_table = true) const;

  // The hook for the mechanism of this stage, whose parties are the actors `parties` (party
  // p is actor parties[p]): observers are narrowed to parties who are members.
  // REQUIRES: parties.size() <= kMaxParties.
  VisibilityHook table_hook(const std::vector<std::size_t>& parties) const;

 private:
  std::optional<std::size_t> channel_index_;
  Visibility outsiders_see_ = Visibility::decisions;
  std::vector<bool> member_;
};

}  // namespace parley
