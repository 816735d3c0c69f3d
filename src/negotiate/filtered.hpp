#pragma once
// A negotiator that offers and accepts only outcomes of an allowed set, around any other
// negotiator: the shared machinery of conditional acceptance (with_condition,
// strategies.hpp) and of ratification-aware negotiators (ratification_aware.cpp).
//
// Offers always lie in the set: an inner offer outside it is replaced by the allowed outcome
// nearest in the party's own utility (the lowest at or above the inner offer's, else the
// best below); when the inner negotiator accepts an offer outside the set, the wrapper
// counter-offers that offer's replacement ("yes, with nuances"). A replacement below the
// party's reservation value is no offer (a pass). The set is tabulated once, at start.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "parley/negotiate/negotiator.hpp"

namespace parley::detail {

class FilteredNegotiator : public Negotiator {
 public:
  // What the wrapper does when no allowed outcome is worth its reservation value.
  enum class WhenNothingAllowed : std::uint8_t { pass, walk_away };

  std::string name() const override { return name_; }
  void on_start(const NegotiatorContext& context) final;
  Reply act(const Turn& turn) final;
  void observe(const Event& event) override { inner_->observe(event); }
  bool observes() const override { return inner_->observes(); }
  void on_end(OutcomeIndex agreement) override { inner_->on_end(agreement); }

 protected:
  FilteredNegotiator(std::unique_ptr<Negotiator> inner, std::string name, WhenNothingAllowed when_nothing_allowed);
  // Marks the allowed outcomes of the context's space: allowed[o] = 1. Called once, before
  // the inner negotiator's on_start. `allowed` arrives sized to the space, all 0.
  virtual void allow(const NegotiatorContext& context, std::vector<std::uint8_t>& allowed) = 0;

 private:
  Reply with_reopen(Reply reply, const Reply& original) const;
  OutcomeIndex replacement(OutcomeIndex o, const Turn& turn) const;

  std::unique_ptr<Negotiator> inner_;
  std::string name_;
  WhenNothingAllowed when_nothing_allowed_;
  const PartyTable* table_ = nullptr;
  std::vector<std::uint8_t> allowed_;
  std::vector<OutcomeIndex> satisfying_;  // allowed outcomes, best first in own utility
  bool worth_it_ = false;  // some allowed outcome is worth the reservation value
  bool filtering_ = true;  // false when every outcome is allowed: the inner negotiator alone acts
};

}  // namespace parley::detail
