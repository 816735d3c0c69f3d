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
// Settings: order = "k;k;..." (space issue positions), rounds_per_issue = N (default:
// max(1, rounds / open issues)), reopen = never | once | any (default once).

#include <algorithm>
#include <deque>
#include <sstream>
#include <stdexcept>

#include "parley/core/error.hpp"
#include "protocols.hpp"
#include "session.hpp"

namespace parley::detail {
namespace {

enum class ReopenRule { never, once, any };

class IssueByIssue final : public Protocol {
 public:
  IssueByIssue(std::vector<std::int32_t> order, std::int32_t rounds_per_issue, ReopenRule reopen)
      : order_(std::move(order)), rounds_per_issue_(rounds_per_issue), reopen_(reopen) {}
  std::string_view name() const override { return "issue_by_issue"; }

  NegotiationResult run(const CompiledDomain& domain, std::span<Negotiator* const> negotiators,
                        const SessionOptions& options) const override {
    Session s(domain, negotiators, options, name());
    const std::size_t issues = domain.space().issue_count();
    std::vector<std::int32_t>& fixed = s.agreed_in_principle();
    fixed.assign(issues, -1);
    if (!options.agreed_in_principle.empty()) {
      if (options.agreed_in_principle.size() != issues)
        throw std::invalid_argument("issue_by_issue: agreed_in_principle needs one entry per issue");
      for (std::size_t k = 0; k < issues; ++k)
        if (options.agreed_in_principle[k] >= std::int32_t(domain.space().radix(k)))
          throw std::invalid_argument("issue_by_issue: agreed_in_principle value out of range");
      fixed = options.agreed_in_principle;
    }
    std::deque<std::int32_t> agenda;
    if (order_.empty()) {
      for (std::size_t k = 0; k < issues; ++k) agenda.push_back(std::int32_t(k));
    } else {
      for (const std::int32_t k : order_) {
        if (k >= std::int32_t(issues)) throw std::invalid_argument("issue_by_issue: order names a missing issue");
        agenda.push_back(k);
      }
      for (std::size_t k = 0; k < issues; ++k)
        if (std::find(order_.begin(), order_.end(), std::int32_t(k)) == order_.end()) agenda.push_back(std::int32_t(k));
    }
    agenda.erase(std::remove_if(agenda.begin(), agenda.end(), [&fixed](std::int32_t k) { return fixed[std::size_t(k)] >= 0; }),
                 agenda.end());
    const std::int32_t per_issue =
        rounds_per_issue_ > 0 ? rounds_per_issue_
                              : std::max<std::int32_t>(1, s.rounds() / std::max<std::int32_t>(1, std::int32_t(agenda.size())));

    s.start();
    const std::size_t n = s.parties();
    const PartySet all = s.everyone();
    std::vector<bool> has_reopened(n, false);
    OfferFilter filter(domain.space(), fixed);
    std::int32_t round = 0;
    double t = 0;
    auto event = [&](EventKind kind, std::int32_t sender, OutcomeIndex outcome, std::int32_t issue, std::int32_t value) {
      Event e;
      e.round = round;
      e.time = t;
      e.kind = kind;
      e.sender = sender;
      e.outcome = outcome;
      e.issue = issue;
      e.value = value;
      s.emit(e, all);
    };

    bool out_of_time = false;
    while (!agenda.empty() && !out_of_time) {
      const std::int32_t issue = agenda.front();
      agenda.pop_front();
      OutcomeIndex standing = kNoOutcome;
      std::int32_t proposer = kMechanism;
      PartySet supporters = 0;
      bool settled = false;
      for (std::int32_t used = 0; used < per_issue && !settled; ++used, ++round) {
        if (round >= s.rounds() || s.wall_clock_expired()) break;
        t = s.time(round);
        for (std::size_t p = 0; p < n && !settled; ++p) {
          const auto me = std::int32_t(p);
          Turn turn;
          turn.kind = (standing == kNoOutcome || proposer == me) ? TurnKind::propose : TurnKind::respond;
          turn.round = round;
          turn.step = s.steps();
          turn.time = t;
          turn.offer = standing;
          turn.proposer = proposer;
          turn.allowed = &filter;
          turn.issue = issue;
          turn.agreed = fixed;
          const Reply raw = s.act(p, turn);
          if (raw.reopen >= 0 && raw.reopen < std::int32_t(issues) && raw.reopen != issue &&
              fixed[std::size_t(raw.reopen)] >= 0 &&
              (reopen_ == ReopenRule::any || (reopen_ == ReopenRule::once && !has_reopened[p]))) {
            has_reopened[p] = true;
            fixed[std::size_t(raw.reopen)] = -1;
            filter = OfferFilter(domain.space(), fixed);
            agenda.push_front(raw.reopen);
            event(EventKind::reopen, me, kNoOutcome, raw.reopen, -1);
          }
          const Reply reply = s.validate(p, turn, raw, &filter);
          switch (reply.kind) {
            case ReplyKind::accept:
              supporters |= party_bit(p);
              event(EventKind::accept, me, standing, issue, -1);
              break;
            case ReplyKind::offer:
              standing = reply.outcome;
              proposer = me;
              supporters = party_bit(p);
              event(EventKind::offer, me, standing, issue, -1);
              break;
            case ReplyKind::reject: {
              const bool nothing = standing == kNoOutcome || proposer == me;
              event(nothing ? EventKind::no_offer : EventKind::reject, me, nothing ? kNoOutcome : standing, issue, -1);
              break;
            }
            case ReplyKind::end:
              event(EventKind::end, me, kNoOutcome, issue, -1);
              return s.finish(NegotiationStatus::ended, kNoOutcome, me, round + 1, t);
          }
          if (standing != kNoOutcome && supporters == all) {
            const auto value = std::int32_t(domain.value(standing, std::size_t(issue)));
            fixed[std::size_t(issue)] = value;
            filter = OfferFilter(domain.space(), fixed);
            event(EventKind::agreed_in_principle, kMechanism, standing, issue, value);
            settled = true;
          }
        }
      }
      if (!settled) out_of_time = true;
    }
    const std::int32_t rounds_used = std::min(round, s.rounds());
    if (!out_of_time && std::all_of(fixed.begin(), fixed.end(), [](std::int32_t v) { return v >= 0; })) {
      std::vector<std::uint32_t> package(fixed.begin(), fixed.end());
      const OutcomeIndex agreement = domain.encode(package);
      event(EventKind::agreement, kMechanism, agreement, -1, -1);
      return s.finish(NegotiationStatus::agreement, agreement, -1, rounds_used, t);
    }
    event(EventKind::timeout, kMechanism, kNoOutcome, -1, -1);
    return s.finish(NegotiationStatus::timeout, kNoOutcome, -1, rounds_used, t);
  }

 private:
  std::vector<std::int32_t> order_;
  std::int32_t rounds_per_issue_;
  ReopenRule reopen_;
};

}  // namespace

std::unique_ptr<Protocol> make_issue_by_issue(const ParamValues& settings) {
  std::vector<std::int32_t> order;
  for (const long long k : settings.integers("order")) {
    if (std::find(order.begin(), order.end(), std::int32_t(k)) != order.end())
      throw field_error(kProtocolSettingField,
                        "setting 'order' of protocol 'issue_by_issue' names issue " + std::to_string(k) + " twice");
    order.push_back(std::int32_t(k));
  }
  // 0: deadline rounds / issues (auto)
  const auto per_issue = settings.is_word("rounds_per_issue") ? 0 : std::int32_t(settings.integer("rounds_per_issue"));
  constexpr ReopenRule kRules[] = {ReopenRule::never, ReopenRule::once, ReopenRule::any};  // the spec's choices
  const ReopenRule reopen = kRules[settings.choice("reopen")];
  return std::make_unique<IssueByIssue>(std::move(order), per_issue, reopen);
}

}  // namespace parley::detail
