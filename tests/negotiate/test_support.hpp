#pragma once
// Small domains and scripted negotiators for the negotiate tests.

#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "parley/core/issue.hpp"
#include "parley/negotiate/domain.hpp"
#include "parley/negotiate/mechanism.hpp"

namespace parley::test {

// Discrete issues with the given numbers of options ("o0", "o1", ...).
inline std::vector<Issue> discrete_issues(const std::vector<std::uint32_t>& radices) {
  std::vector<Issue> issues;
  for (std::size_t k = 0; k < radices.size(); ++k) {
    Issue issue;
    issue.id = "i" + std::to_string(k);
    issue.name = issue.id;
    issue.kind = IssueKind::discrete;
    for (std::uint32_t v = 0; v < radices[k]; ++v) issue.options.push_back("o" + std::to_string(v));
    issues.push_back(issue);
  }
  return issues;
}

inline OutcomeSpace space_of(const std::vector<std::uint32_t>& radices) {
  const std::vector<Issue> issues = discrete_issues(radices);
  std::vector<std::size_t> all(issues.size());
  for (std::size_t k = 0; k < all.size(); ++k) all[k] = k;
  return OutcomeSpace(issues, all);
}

// A domain whose parties' utilities are given per outcome (index order).
inline CompiledDomain table_domain(const std::vector<std::uint32_t>& radices,
                                   const std::vector<std::vector<double>>& utilities,
                                   const std::vector<double>& reservation = {}, const std::vector<double>& discount = {}) {
  std::vector<PartyTable> tables;
  for (std::size_t p = 0; p < utilities.size(); ++p)
    tables.emplace_back(utilities[p], reservation.empty() ? 0.0 : reservation[p], discount.empty() ? 1.0 : discount[p]);
  return CompiledDomain(space_of(radices), std::move(tables));
}

// Replays a script of replies and records what it was given.
class Scripted final : public Negotiator {
 public:
  explicit Scripted(std::vector<Reply> script) : script_(script.begin(), script.end()) {}
  void on_start(const NegotiatorContext& context) override {
    context_ = context;  // spans in it are valid only during the negotiation
    discounts.assign(context.discounts.begin(), context.discounts.end());
    known = context.known_utilities.size();
    started = true;
  }
  Reply act(const Turn& turn) override {
    turns.push_back(turn);
    if (script_.empty()) return Reply::reject();
    const Reply r = script_.front();
    script_.pop_front();
    return r;
  }
  void observe(const Event& event) override { observed.push_back(event); }
  bool observes() const override { return listens; }
  void on_end(OutcomeIndex agreement) override { ended_with = agreement; }
  std::string name() const override { return "scripted"; }

  NegotiatorContext context_;
  bool started = false;
  bool listens = true;
  std::vector<double> discounts;
  std::size_t known = 0;
  std::vector<Turn> turns;
  std::vector<Event> observed;
  OutcomeIndex ended_with = 12345;

 private:
  std::deque<Reply> script_;
};

inline Reply reopen(Reply r, std::int32_t issue) {
  r.reopen = issue;
  return r;
}

}  // namespace parley::test
