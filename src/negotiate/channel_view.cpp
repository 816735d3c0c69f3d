// The channel layer: membership and visibility of a stage's events (channels.hpp).

#include <stdexcept>

#include "parley/negotiate/channels.hpp"

namespace parley {

StageChannel::StageChannel(const Scenario& scenario, std::size_t stage)
    : channel_index_(scenario.stages.at(stage).channel), member_(scenario.actors.size(), !channel_index_) {
  if (channel_index_) {
    const Channel& channel = scenario.channels.at(*channel_index_);
    outsiders_see_ = channel.outsiders_see;
    for (std::size_t actor : channel.members) member_.at(actor) = true;
  }
}

StageChannel::StageChannel(std::size_t actor_count, const std::optional<Channel>& channel)
    : member_(actor_count, !channel) {
  if (channel) {
    channel_index_ = 0;
    outsiders_see_ = channel->outsiders_see;
    for (std::size_t actor : channel->members) member_.at(actor) = true;
  }
}

bool StageChannel::observes(std::size_t actor, Disclosure what, std::optional<std::size_t> addressee,
                            bool public_at_table) const {
  if (member_.at(actor)) return what != Disclosure::table || public_at_table;
  switch (what) {
    case Disclosure::talks: return outsiders_see_ != Visibility::nothing;
    case Disclosure::table: return false;
    case Disclosure::decision: return outsiders_see_ == Visibility::decisions;
    case Disclosure::ratification: return addressee && *addressee == actor;
  }
  return false;
}

std::vector<std::size_t> StageChannel::observers(Disclosure what, std::optional<std::size_t> sender,
                                                 std::optional<std::size_t> addressee, bool public_at_table) const {
  std::vector<std::size_t> actors;
  for (std::size_t actor = 0; actor < member_.size(); ++actor)
    if ((!sender || *sender != actor) && observes(actor, what, addressee, public_at_table)) actors.push_back(actor);
  return actors;
}

VisibilityHook StageChannel::table_hook(const std::vector<std::size_t>& parties) const {
  if (parties.size() > kMaxParties) throw std::invalid_argument("more parties at the table than kMaxParties");
  PartySet members = 0;
  for (std::size_t p = 0; p < parties.size(); ++p)
    if (member_.at(parties[p])) members |= party_bit(p);
  return [members](const Event&, PartySet entitled) { return entitled & members; };
}

}  // namespace parley
