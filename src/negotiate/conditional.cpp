// Conditional acceptance: "accepted in principle, with nuances".
// A wrapper that makes any negotiator accept only outcomes satisfying a caller's condition
// (typically on linked issues: "we accept the ceasefire line only if sanctions relief comes
// with it"), and offer only such outcomes. Contract in strategies.hpp (with_condition).
// The condition is tabulated once per outcome at start; each turn then costs O(log n) plus
// the scan past outcomes a filter forbids.

#include <algorithm>
#include <numeric>
#include <vector>

#include "parley/negotiate/strategies.hpp"

namespace parley {
namespace {

class Conditional final : public Negotiator {
 public:
  Conditional(std::unique_ptr<Negotiator> inner, AcceptCondition condition, std::string description)
      : inner_(std::move(inner)), condition_(std::move(condition)) {
    name_ = inner_->name() + " if " + description;
  }

  std::string name() const override { return name_; }

  void on_start(const NegotiatorContext& context) override {
    table_ = context.table;
    const std::size_t n = table_->size();
    ok_.assign(n, 0);
    Outcome buffer(context.space->issue_count());
    for (std::size_t o = 0; o < n; ++o) {
      context.space->decode(o, buffer);
      ok_[o] = condition_(buffer) ? 1 : 0;
    }
    satisfying_.clear();
    for (const OutcomeIndex o : table_->ranked_span(0, n))
      if (ok_[o]) satisfying_.push_back(o);
    inner_->on_start(context);
  }

  Reply act(const Turn& turn) override {
    if (satisfying_.empty()) return Reply::reject();
    Reply reply = inner_->act(turn);
    switch (reply.kind) {
      case ReplyKind::accept:
        if (turn.offer >= ok_.size() || ok_[turn.offer]) return reply;  // nothing standing: the session rejects it
        if (turn.kind == TurnKind::vote) return Reply::reject();
        return with_reopen(Reply::propose(replacement(turn.offer, turn)), reply);
      case ReplyKind::offer:
        if (reply.outcome >= ok_.size() || ok_[reply.outcome]) return reply;  // the session rejects invalid ones
        return with_reopen(Reply::propose(replacement(reply.outcome, turn)), reply);
      default: return reply;
    }
  }

  void observe(const Event& event) override { inner_->observe(event); }
  bool observes() const override { return inner_->observes(); }
  void on_end(OutcomeIndex agreement) override { inner_->on_end(agreement); }

 private:
  Reply with_reopen(Reply reply, const Reply& original) const {
    // No replacement, or one below the reservation value: pass.
    if (reply.outcome == kNoOutcome || table_->utility(reply.outcome) < table_->reservation_value())
      reply = Reply::reject();
    reply.reopen = original.reopen;
    return reply;
  }

  // The satisfying outcome nearest to `o` in own utility: the lowest at or above u(o), else
  // the best below; honouring the turn's filter.
  OutcomeIndex replacement(OutcomeIndex o, const Turn& turn) const {
    const double target = table_->utility(o);
    // satisfying_ is in descending utility: the run of those >= target is a prefix.
    const auto it = std::partition_point(satisfying_.begin(), satisfying_.end(),
                                         [this, target](OutcomeIndex s) { return table_->utility(s) >= target; });
    const OfferFilter* filter = turn.allowed != nullptr && !turn.allowed->empty() ? turn.allowed : nullptr;
    for (auto up = it; up != satisfying_.begin();) {
      --up;
      if (filter == nullptr || filter->allows(*up)) return *up;
    }
    for (auto down = it; down != satisfying_.end(); ++down)
      if (filter == nullptr || filter->allows(*down)) return *down;
    return kNoOutcome;
  }

  std::unique_ptr<Negotiator> inner_;
  AcceptCondition condition_;
  std::string name_;
  const PartyTable* table_ = nullptr;
  std::vector<std::uint8_t> ok_;
  std::vector<OutcomeIndex> satisfying_;
};

}  // namespace

std::unique_ptr<Negotiator> with_condition(std::unique_ptr<Negotiator> inner, AcceptCondition condition,
                                           std::string description) {
  return std::make_unique<Conditional>(std::move(inner), std::move(condition), std::move(description));
}

}  // namespace parley
