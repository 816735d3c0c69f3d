#pragma once
// What a party at the table believes about its stage's ratifiers: two-level games (Putnam
// 1988, "Diplomacy and Domestic Politics: The Logic of Two-Level Games"), with uncertainty
// about the ratifiers (Iida 1993, "When and How Do Domestic Constraints Matter?", Journal of
// Conflict Resolution 37(3)).
//
// A ratifier r accepts an agreement o iff u_r(o) >= d_r (staged.hpp, step 5). A party's view
// of r comes, in this order of precedence, from:
//   1. its stated belief about r (Actor::beliefs): r's stated utility function, and d_r drawn
//      from the belief's distribution;
//   2. a channel it shares with r (both members): r's stated utility function and reservation;
//   3. an announcement at the table: a party that ties its hands
//      (Negotiator::announces_ratification_constraint) tells the others its own view of each
//      ratifier it knows of (steps 1 and 2), and a party that knows nothing of that ratifier
//      adopts it (from the first such party in table order); an announcement cannot be
//      checked, so it never overrides what the party knows itself;
//   4. nothing: it does not model r, and believes r ratifies anything.
// Utility functions are the scenario's (stated positions and saliences are public); the
// reservation value is what a party may not know, or know wrongly.
// The belief that o is ratified is Π_r P(d_r <= u_r(o)) over the ratifiers it models: the
// ratifiers' thresholds are independent in its eyes.

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "parley/core/scenario.hpp"
#include "parley/negotiate/compiled.hpp"

namespace parley {

enum class RatifierKnowledge : std::uint8_t {
  none,            // no channel, belief or announcement: not modelled
  shared_channel,  // a channel with the ratifier: its stated reservation
  stated_belief,   // the party's `beliefs` entry
  announced,       // adopted from a party that tied its hands at the table
};
const char* to_string(RatifierKnowledge knowledge);  // "none", "shared_channel", "stated_belief", "announced"

struct RatifierView {
  std::size_t ratifier = 0;  // actor index
  RatifierKnowledge knowledge = RatifierKnowledge::none;
  // The believed reservation value (a choice of one value for a point); unused for none.
  Distribution reservation;
  std::optional<std::size_t> announced_by;  // announced: the actor who announced it
};

// The party's own view of each ratifier of `stage` (steps 1, 2 and 4 above), in ratifier order.
// REQUIRES: `stage` compiled from `scenario`; party < scenario.actors.size().
std::vector<RatifierView> ratifier_views(const Scenario& scenario, const CompiledStage& stage, std::size_t party);

// Step 3: `views` after the party hears `announcer_views` (the announcer's own views), sent
// by actor `announcer`: every ratifier the announcer models and the party does not is taken
// over as announced.
// REQUIRES: both in the same ratifier order (ratifier_views of the same stage).
void adopt_announcement(std::vector<RatifierView>& views, std::span<const RatifierView> announcer_views,
                        std::size_t announcer);

// The belief that each outcome of stage.space() is ratified, in mixed-radix order:
// Π_r P(d_r <= u_r(o)) over the views that model a ratifier (1 where none does). Built once
// per stage and distinct views (CompiledStage::shared_table), so runs through one
// CompiledScenario share it. REQUIRES: views from ratifier_views/adopt_announcement of
// `stage`; stage.space() enumerable.
std::shared_ptr<const std::vector<float>> ratification_belief(const CompiledStage& stage,
                                                              std::span<const RatifierView> views);

}  // namespace parley
