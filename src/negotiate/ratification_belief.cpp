// What a party at the table believes about its stage's ratifiers (ratification_belief.hpp).

#include "parley/negotiate/ratification_belief.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "parley/core/uncertainty.hpp"

namespace parley {

const char* to_string(RatifierKnowledge knowledge) {
  switch (knowledge) {
    case RatifierKnowledge::none: return "none";
    case RatifierKnowledge::shared_channel: return "shared_channel";
    case RatifierKnowledge::stated_belief: return "stated_belief";
    case RatifierKnowledge::announced: return "announced";
  }
  return "?";
}

namespace {

bool share_a_channel(const Scenario& scenario, std::size_t a, std::size_t b) {
  return std::any_of(scenario.channels.begin(), scenario.channels.end(), [a, b](const Channel& channel) {
    const auto& m = channel.members;
    return std::find(m.begin(), m.end(), a) != m.end() && std::find(m.begin(), m.end(), b) != m.end();
  });
}

}  // namespace

std::vector<RatifierView> ratifier_views(const Scenario& scenario, const CompiledStage& stage, std::size_t party) {
  std::vector<RatifierView> views;
  const Actor& actor = scenario.actors.at(party);
  for (const std::size_t r : stage.ratifiers()) {
    RatifierView view;
    view.ratifier = r;
    const auto belief = std::find_if(actor.beliefs.begin(), actor.beliefs.end(),
                                     [r](const Belief& b) { return b.about == r; });
    if (belief != actor.beliefs.end()) {
      view.knowledge = RatifierKnowledge::stated_belief;
      view.reservation = belief->reservation;
      // A normal belief without a mean is centred on the stated reservation (as in sweeps).
      if (view.reservation.kind == DistributionKind::normal && !view.reservation.mean)
        view.reservation.mean = scenario.actors[r].reservation_value;
    } else if (share_a_channel(scenario, party, r)) {
      view.knowledge = RatifierKnowledge::shared_channel;
      view.reservation.kind = DistributionKind::choice;
      view.reservation.values = {scenario.actors[r].reservation_value};
    }
    views.push_back(std::move(view));
  }
  return views;
}

void adopt_announcement(std::vector<RatifierView>& views, std::span<const RatifierView> announcer_views,
                        std::size_t announcer) {
  for (std::size_t k = 0; k < views.size() && k < announcer_views.size(); ++k) {
    // Its own channels and beliefs come first: an announcement cannot be checked.
    if (announcer_views[k].knowledge == RatifierKnowledge::none || views[k].knowledge != RatifierKnowledge::none)
      continue;
    views[k].knowledge = RatifierKnowledge::announced;
    views[k].reservation = announcer_views[k].reservation;
    views[k].announced_by = announcer;
  }
}

std::shared_ptr<const std::vector<float>> ratification_belief(const CompiledStage& stage,
                                                              std::span<const RatifierView> views) {
  // The table depends on which ratifiers are modelled and with what distribution, not on
  // where the belief came from.
  std::string key = "ratification:";
  for (const RatifierView& view : views) {
    if (view.knowledge == RatifierKnowledge::none) continue;
    const Distribution& d = view.reservation;
    key += fmt::format("{}/{}/{}/{}/{}/{}/{}/{};", view.ratifier, int(d.kind), d.mean.value_or(-1), d.sd,
                       d.min.value_or(-1), d.max.value_or(-1), d.mode, fmt::join(d.values, ","));
    key += fmt::format("{};", fmt::join(d.weights, ","));
  }
  return stage.shared_table(key, [&stage, views] {
    const OutcomeSpace& space = stage.space();
    std::vector<float> belief(space.size(), 1.0F);
    for (const RatifierView& view : views) {
      if (view.knowledge == RatifierKnowledge::none) continue;
      const std::vector<double> utilities = stage.utility_of(view.ratifier).all_utilities(space);
      const double stated = view.reservation.mean.value_or(0);
      for (std::size_t o = 0; o < utilities.size(); ++o)
        belief[o] *= float(probability_at_most(view.reservation, stated, 0, 1, utilities[o]));
    }
    return belief;
  });
}

}  // namespace parley
