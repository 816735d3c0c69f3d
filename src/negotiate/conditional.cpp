// Conditional acceptance: "accepted in principle, with nuances".
// A wrapper that makes any negotiator accept only outcomes satisfying a caller's condition
// (typically on linked issues: "we accept the ceasefire line only if sanctions relief comes
// with it"), and offer only such outcomes. Contract in strategies.hpp (with_condition); the
// filtering itself is FilteredNegotiator's (filtered.hpp). Each turn costs O(log n) plus the
// scan past outcomes a filter forbids.

#include <algorithm>
#include <vector>

#include "filtered.hpp"
#include "parley/negotiate/strategies.hpp"

namespace parley {

namespace detail {

FilteredNegotiator::FilteredNegotiator(std::unique_ptr<Negotiator> inner, std::string name,
                                       WhenNothingAllowed when_nothing_allowed)
    : inner_(std::move(inner)), name_(std::move(name)), when_nothing_allowed_(when_nothing_allowed) {}

void FilteredNegotiator::on_start(const NegotiatorContext& context) {
  table_ = context.table;
  const std::size_t n = table_->size();
  allowed_.assign(n, 0);
  allow(context, allowed_);
  satisfying_.clear();
  // Nothing forbidden (a ratification-aware negotiator without ratifiers): no ranking to build.
  filtering_ = std::find(allowed_.begin(), allowed_.end(), std::uint8_t{0}) != allowed_.end();
  if (!filtering_) {
    worth_it_ = true;
    inner_->on_start(context);
    return;
  }
  for (const OutcomeIndex o : table_->ranked_span(0, n))
    if (allowed_[o]) satisfying_.push_back(o);
  worth_it_ = !satisfying_.empty() && table_->utility(satisfying_.front()) >= table_->reservation_value();
  inner_->on_start(context);
}

Reply FilteredNegotiator::act(const Turn& turn) {
  if (!filtering_) return inner_->act(turn);
  if (when_nothing_allowed_ == WhenNothingAllowed::walk_away && !worth_it_) return Reply::end();
  if (satisfying_.empty()) return Reply::reject();
  Reply reply = inner_->act(turn);
  switch (reply.kind) {
    case ReplyKind::accept:
      if (turn.offer >= allowed_.size() || allowed_[turn.offer]) return reply;  // nothing standing: the session rejects it
      if (turn.kind == TurnKind::vote) return Reply::reject();
      return with_reopen(Reply::propose(replacement(turn.offer, turn)), reply);
    case ReplyKind::offer:
      if (reply.outcome >= allowed_.size() || allowed_[reply.outcome]) return reply;  // the session rejects invalid ones
      return with_reopen(Reply::propose(replacement(reply.outcome, turn)), reply);
    default: return reply;
  }
}

Reply FilteredNegotiator::with_reopen(Reply reply, const Reply& original) const {
  // No replacement, or one below the reservation value: pass.
  if (reply.outcome == kNoOutcome || table_->utility(reply.outcome) < table_->reservation_value())
    reply = Reply::reject();
  reply.reopen = original.reopen;
  return reply;
}

// The allowed outcome nearest to `o` in own utility: the lowest at or above u(o), else the
// best below; honouring the turn's filter.
OutcomeIndex FilteredNegotiator::replacement(OutcomeIndex o, const Turn& turn) const {
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

}  // namespace detail

namespace {

class Conditional final : public detail::FilteredNegotiator {
 public:
  Conditional(std::unique_ptr<Negotiator> inner, AcceptCondition condition, std::string name)
      : FilteredNegotiator(std::move(inner), std::move(name), WhenNothingAllowed::pass),
        condition_(std::move(condition)) {}

 private:
  void allow(const NegotiatorContext& context, std::vector<std::uint8_t>& allowed) override {
    Outcome buffer(context.space->issue_count());
    for (std::size_t o = 0; o < allowed.size(); ++o) {
      context.space->decode(o, buffer);
      allowed[o] = condition_(buffer) ? 1 : 0;
    }
  }

  AcceptCondition condition_;
};

}  // namespace

std::unique_ptr<Negotiator> with_condition(std::unique_ptr<Negotiator> inner, AcceptCondition condition,
                                           std::string description) {
  std::string name = inner->name() + " if " + description;
  return std::make_unique<Conditional>(std::move(inner), std::move(condition), std::move(name));
}

}  // namespace parley
