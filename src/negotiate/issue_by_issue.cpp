// Issue-by-issue negotiation with "agreed in principle" and reopening.
// Sources: the sequential (issue-by-issue) procedure of Fershtman (1990), "The importance of
// the agenda in bargaining", Games and Economic Behavior 2(3), and Bac & Raff (1996),
// "Issue-by-issue negotiations: the role of information and time preference"; the rule
// "nothing is agreed until everything is agreed" of diplomatic practice (e.g. the Good Friday
// Agreement talks), under which partial agreements stay provisional.
//
// Rules. The open issues are settled one at a time in agenda order (setting `order`, default
// the space's issue order; issues already agreed in principle in an earlier stage, given by
// SessionOptions::agreed_in_principle, are skipped). Each issue is negotiated by the SAO rules
// (sao.cpp) over whole outcomes, restricted to outcomes that keep the values agreed in
// principle so far (Turn::allowed); Turn::issue names the issue being settled. When every
// party supports the standing offer, its value on that issue is agreed in principle (event
// agreed_in_principle) and the next issue starts with nothing standing. Nothing is agreed until
// everything is agreed: the package binds only when the last issue is agreed; if the deadline
// or an issue's round budget (`rounds_per_issue`) runs out first, the negotiation times out
// and the values agreed in principle are reported (NegotiationResult::agreed_in_principle)
// but bind nobody.
// Reopening. On any turn a party may name an issue agreed in principle in Reply::reopen
// (besides its usual reply). If the `reopen` rule allows it — never; once (each party at most
// once, the default); any — the issue is open again (event reopen), the restriction is lifted
// at once, and the issue goes back on the agenda right after the current one. Turn::agreed
// shows every party the values agreed so far. The built-in strategies reopen an agreed issue
// when no outcome the agreements still allow reaches their reservation value (naming the
// issue whose release lets their best rational outcome back in; strategy_base.cpp).
// Time: rounds are counted across the whole agenda; relative time (r + 1) / (rounds + 1).
// Events: those of SAO plus agreed_in_principle and reopen; every party sees each one.
// Cancellation (SessionOptions::cancel) times out before the next action.
// Settings: order = "k;k;..." (space issue positions), rounds_per_issue = N (default:
// max(1, rounds / open issues)), reopen = never | once | any (default once).

#include <algorithm>
#include <deque>
#include <sstream>
#include <stdexcept>

#include "parley/core/error.hpp"
#include "protocols.hpp"
#include "session.hpp"
#include "stacked_offers.hpp"

namespace parley::detail {
namespace {

enum class ReopenRule { never, once, any };

struct Rules {
  std::vector<std::int32_t> order;
  std::int32_t rounds_per_issue = 0;
  ReopenRule reopen = ReopenRule::once;
};

// The state machine: issue `issue_` is on the table (a StackedOffers), its `used_`-th round
// is round `round_` overall, party `party_` acts next; `agenda_` holds the issues after it.
class IssueByIssueState final : public Session {
 public:
  static constexpr std::string_view kName = "issue_by_issue";

  IssueByIssueState(const CompiledDomain& domain, std::span<Negotiator* const> negotiators,
                    const SessionOptions& options, bool stepped, const Rules& rules)
      : Session(domain, negotiators, options, kName, stepped), reopen_(rules.reopen) {
    const std::size_t issues = domain.space().issue_count();
    std::vector<std::int32_t>& fixed = agreed_in_principle();
    fixed.assign(issues, -1);
    if (!options.agreed_in_principle.empty()) {
      if (options.agreed_in_principle.size() != issues)
        throw std::invalid_argument("issue_by_issue: agreed_in_principle needs one entry per issue");
      for (std::size_t k = 0; k < issues; ++k)
        if (options.agreed_in_principle[k] >= std::int32_t(domain.space().radix(k)))
          throw std::invalid_argument("issue_by_issue: agreed_in_principle value out of range");
      fixed = options.agreed_in_principle;
    }
    if (rules.order.empty()) {
      for (std::size_t k = 0; k < issues; ++k) agenda_.push_back(std::int32_t(k));
    } else {
      for (const std::int32_t k : rules.order) {
        if (k >= std::int32_t(issues)) throw std::invalid_argument("issue_by_issue: order names a missing issue");
        agenda_.push_back(k);
      }
      for (std::size_t k = 0; k < issues; ++k)
        if (std::find(rules.order.begin(), rules.order.end(), std::int32_t(k)) == rules.order.end())
          agenda_.push_back(std::int32_t(k));
    }
    agenda_.erase(std::remove_if(agenda_.begin(), agenda_.end(),
                                 [&fixed](std::int32_t k) { return fixed[std::size_t(k)] >= 0; }),
                  agenda_.end());
    per_issue_ = rules.rounds_per_issue > 0
                     ? rules.rounds_per_issue
                     : std::max<std::int32_t>(1, rounds() / std::max<std::int32_t>(1, std::int32_t(agenda_.size())));
    start();
    filter_ = OfferFilter(domain.space(), fixed);
    next_issue();
  }

  void apply(const Reply& raw) {
    begin_move();
    std::vector<std::int32_t>& fixed = agreed_in_principle();
    const auto me = std::int32_t(party_);
    if (raw.reopen >= 0 && raw.reopen < std::int32_t(fixed.size()) && raw.reopen != issue_ &&
        fixed[std::size_t(raw.reopen)] >= 0 &&
        (reopen_ == ReopenRule::any || (reopen_ == ReopenRule::once && !contains(reopened_, party_)))) {
      reopened_ |= party_bit(party_);
      fixed[std::size_t(raw.reopen)] = -1;
      filter_ = OfferFilter(domain().space(), fixed);
      agenda_.push_front(raw.reopen);
      event(EventKind::reopen, me, kNoOutcome, raw.reopen, -1);
    }
    switch (table_.play(*this, party_, validate(raw, &filter_), round_, t_, issue_)) {
      case StackedOffers::After::ended:
        return finish(NegotiationStatus::ended, kNoOutcome, me, round_ + 1, t_);
      case StackedOffers::After::supported: {
        const auto value = std::int32_t(domain().value(table_.standing, std::size_t(issue_)));
        fixed[std::size_t(issue_)] = value;
        filter_ = OfferFilter(domain().space(), fixed);
        event(EventKind::agreed_in_principle, kMechanism, table_.standing, issue_, value);
        ++round_;
        return next_issue();
      }
      case StackedOffers::After::open: break;
    }
    if (++party_ < parties()) {
      if (cancelled()) return conclude(true, round_ + 1);
      pose_party();
    } else {
      ++used_;
      ++round_;
      enter_round();
    }
  }

 private:
  void next_issue() {
    if (agenda_.empty()) return conclude(false, round_);
    issue_ = agenda_.front();
    agenda_.pop_front();
    table_ = StackedOffers{};
    used_ = 0;
    enter_round();
  }
  void enter_round() {
    party_ = 0;
    if (used_ >= per_issue_ || round_ >= rounds() || wall_clock_expired() || cancelled())
      return conclude(true, round_);  // the issue's rounds, or the deadline, ran out
    t_ = time(round_);
    pose_party();
  }
  void pose_party() {
    Turn& turn = table_.pose(*this, party_, round_, t_);
    turn.allowed = &filter_;
    turn.issue = issue_;
    turn.agreed = agreed_in_principle();
  }
  // The end: agreement when every issue is agreed in principle in time, else timeout (with
  // `begun` rounds begun).
  void conclude(bool out_of_time, std::int32_t begun) {
    const std::vector<std::int32_t>& fixed = agreed_in_principle();
    const std::int32_t rounds_used = std::min(begun, rounds());
    if (!out_of_time && std::all_of(fixed.begin(), fixed.end(), [](std::int32_t v) { return v >= 0; })) {
      const std::vector<std::uint32_t> package(fixed.begin(), fixed.end());
      const OutcomeIndex agreement = domain().encode(package);
      event(EventKind::agreement, kMechanism, agreement, -1, -1);
      return finish(NegotiationStatus::agreement, agreement, -1, rounds_used, t_);
    }
    event(EventKind::timeout, kMechanism, kNoOutcome, -1, -1);
    finish(NegotiationStatus::timeout, kNoOutcome, -1, rounds_used, t_);
  }
  void event(EventKind kind, std::int32_t sender, OutcomeIndex outcome, std::int32_t issue, std::int32_t value) {
    emit(round_, t_, kind, sender, outcome, everyone(), issue, value);
  }

  ReopenRule reopen_;
  std::int32_t per_issue_ = 1;
  std::deque<std::int32_t> agenda_;
  OfferFilter filter_;
  PartySet reopened_ = 0;  // parties that have reopened an issue
  StackedOffers table_;
  std::int32_t issue_ = -1;
  std::int32_t used_ = 0;  // rounds spent on issue_
  std::int32_t round_ = 0;
  std::size_t party_ = 0;
  double t_ = 0;
};

}  // namespace

std::unique_ptr<Protocol> make_issue_by_issue(const Settings& settings) {
  check_settings("issue_by_issue", settings, {"order", "rounds_per_issue", "reopen"});
  std::vector<std::int32_t> order;
  const std::string order_text = setting(settings, "order", "");
  if (!order_text.empty()) {
    std::stringstream in(order_text);
    std::string item;
    while (std::getline(in, item, ';')) {
      Settings one{{"order", item}};
      const auto k = std::int32_t(int_setting("issue_by_issue", one, "order", 0, 0, 1'000'000));
      if (std::find(order.begin(), order.end(), k) != order.end())
        throw field_error("protocol", "setting 'order' of protocol 'issue_by_issue' names issue " + item + " twice");
      order.push_back(k);
    }
  }
  const auto per_issue = std::int32_t(int_setting("issue_by_issue", settings, "rounds_per_issue", 0, 1, 1'000'000'000));
  const std::string rule = setting(settings, "reopen", "once");
  ReopenRule reopen = ReopenRule::once;
  if (rule == "never") reopen = ReopenRule::never;
  else if (rule == "any") reopen = ReopenRule::any;
  else if (rule != "once")
    throw field_error("protocol", "setting 'reopen' of protocol 'issue_by_issue' must be never, once or any, not '" + rule + "'");
  return std::make_unique<MachineProtocol<IssueByIssueState, Rules>>(Rules{std::move(order), per_issue, reopen});
}

}  // namespace parley::detail
