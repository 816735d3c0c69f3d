#pragma once
// Internal: what the built-in strategies share — the context, the rational utility range
// (NegMAS's presorted AspirationNegotiator definition), offer fitting under a filter, the
// default vote on mediated texts, and the unit factories the registry calls.

#include <array>
#include <cmath>
#include <string_view>
#include <memory>
#include <string>
#include <vector>

#include "parley/core/params.hpp"
#include "parley/core/random.hpp"
#include "parley/negotiate/aspiration.hpp"
#include "parley/negotiate/negotiator.hpp"
#include "parley/negotiate/opponent_model.hpp"

namespace parley::detail {

class StrategyBase : public Negotiator {
 public:
  explicit StrategyBase(std::string name) : name_(std::move(name)) {}
  std::string name() const override { return name_; }

  void on_start(const NegotiatorContext& context) override;
  Reply act(const Turn& turn) override {
    if (turn.kind == TurnKind::vote) return vote(turn);
    Reply reply = decide(turn);
    // Individual rationality: no built-in strategy offers less than its reservation value
    // (an offer it cannot fit above it becomes a pass).
    if (reply.kind == ReplyKind::offer && reply.outcome < table_->size() && u(reply.outcome) < reservation())
      reply = Reply::reject();
    if (!turn.agreed.empty()) reply.reopen = issue_to_reopen(turn);
    return reply;
  }

 protected:
  // Called at the end of on_start, once the members below are set.
  virtual void start() {}
  // A propose or respond turn.
  virtual Reply decide(const Turn& turn) = 0;
  // A mediated text: vote for it iff it is worth at least the text in force (hill climbing;
  // with none in force, iff it is worth at least the reservation value).
  virtual Reply vote(const Turn& turn);

  double u(OutcomeIndex o) const { return table_->utility(o); }
  double reservation() const { return table_->reservation_value(); }
  // `o` if the turn's filter allows it; else the allowed outcome nearest above it in own
  // utility; else the best allowed one (kNoOutcome if the filter allows none).
  OutcomeIndex fit(OutcomeIndex o, const Turn& turn) const;
  // Issue by issue: when no outcome the agreements in principle still allow reaches the
  // reservation value, the agreed issue whose reopening would let the best outcome back in
  // (the first in space order that makes an outcome >= reservation value reachable); else -1.
  std::int32_t issue_to_reopen(const Turn& turn) const;
  // Best outcome allowed on this turn.
  OutcomeIndex best(const Turn& turn) const { return table_->best_allowed(turn.allowed); }

  const NegotiatorContext* context_ = nullptr;
  const PartyTable* table_ = nullptr;
  // NegMAS's rational range: u_max the best utility, u_min the worst utility of an outcome at
  // or above the reservation value, raised to it; both the reservation value when no outcome
  // reaches it.
  double u_max_ = 0, u_min_ = 0;
  std::int64_t last_rational_rank_ = -1;  // rank of the worst outcome >= reservation value

 private:
  std::string name_;
};

// Frequency models of every other party, fed by observed offers.
class OpponentModels {
 public:
  void reset(const NegotiatorContext& context);
  void observe(const Event& event);
  // Mean estimated utility of `o` over the other parties.
  double estimate(OutcomeIndex o) const;
  bool any_data() const;
  // Tabulates the current estimates so that prepared_estimate(o) == estimate(o), bit for
  // bit, until the next observe(): a scan of many outcomes then costs one table look-up per
  // issue and party instead of a division each.
  void prepare();
  double prepared_estimate(OutcomeIndex o) const;
  // estimate(o) of every outcome o of the space, bit for bit, into `all` (indexed by
  // outcome): the terms are summed issue by issue down an odometer over the space, so each
  // partial sum is shared by the outcomes below it and no outcome is decoded.
  // Cost O(space size) additions; `all` is resized once per negotiation.
  void estimate_all(std::vector<double>& all);

 private:
  std::vector<FrequencyOpponentModel> models_;  // indexed by party (own slot unused)
  std::size_t self_ = 0;
  // prepare()'s tables: per party, the terms (empty: no offer seen, estimate 0.5) and weight.
  std::vector<std::vector<double>> terms_;
  std::vector<double> total_weight_;
  std::vector<std::uint32_t> radices_, strides_, offsets_;
  void add_terms(const std::vector<double>& terms, double total_weight, std::vector<double>& all, bool first) const;
};

// Among ranks [max(0, rank - window + 1), rank] of `table` (outcomes at or just above a target),
// the allowed outcome with the highest estimate; kNoOutcome if none is allowed there.
OutcomeIndex best_for_others(const PartyTable& table, std::int64_t rank, std::int64_t window,
                             const OfferFilter* filter, const OpponentModels& models);

// The aspiration family's settings from its parameters (aspiration_type or e, max_aspiration,
// tolerance, negmas), as the registry specifies them.
AspirationSettings aspiration_settings(const ParamValues& params);

// The factories the registry calls (strategy_registry.cpp), one per unit.

std::unique_ptr<Negotiator> make_aspiration(const std::string& name, const ParamValues& params, std::uint64_t seed);
std::unique_ptr<Negotiator> make_hardliner(const std::string& name, const ParamValues& params, std::uint64_t seed);
std::unique_ptr<Negotiator> make_tit_for_tat(const std::string& name, const ParamValues& params, std::uint64_t seed);
std::unique_ptr<Negotiator> make_micro(const std::string& name, const ParamValues& params, std::uint64_t seed);
std::unique_ptr<Negotiator> make_random(const std::string& name, const ParamValues& params, std::uint64_t seed);
std::unique_ptr<Negotiator> make_nash_seeking(const std::string& name, const ParamValues& params, std::uint64_t seed);
std::unique_ptr<Negotiator> make_rubinstein(const std::string& name, const ParamValues& params, std::uint64_t seed);
std::unique_ptr<Negotiator> make_ratification_aware(const std::string& name, const ParamValues& params,
                                                    std::uint64_t seed);

}  // namespace parley::detail
