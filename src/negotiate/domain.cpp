#include "parley/negotiate/domain.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "parley/negotiate/event.hpp"

namespace parley {

OfferFilter::OfferFilter(const OutcomeSpace& space, std::span<const std::int32_t> fixed) {
  const std::span<const std::uint32_t> strides = space.strides();
  for (std::size_t k = 0; k < fixed.size() && k < space.issue_count(); ++k)
    if (fixed[k] >= 0) checks_.push_back({strides[k], space.radix(k), std::uint32_t(fixed[k])});
}

PartyTable::PartyTable(std::vector<double> utilities, double reservation_value, double discount)
    : utility_(std::move(utilities)), reservation_value_(reservation_value), discount_(discount) {
  ranked_.resize(utility_.size());
  std::iota(ranked_.begin(), ranked_.end(), OutcomeIndex{0});
  const std::vector<double>& u = utility_;
  std::stable_sort(ranked_.begin(), ranked_.end(), [&u](OutcomeIndex a, OutcomeIndex b) { return u[a] > u[b]; });
  sorted_.resize(ranked_.size());
  for (std::size_t r = 0; r < ranked_.size(); ++r) sorted_[r] = utility_[ranked_[r]];
}

std::int64_t PartyTable::rank_at_least(double target) const {
  // sorted_ is descending: the first element < target ends the run of those >= target.
  const auto it = std::partition_point(sorted_.begin(), sorted_.end(), [target](double v) { return v >= target; });
  return std::int64_t(it - sorted_.begin()) - 1;
}

OutcomeIndex PartyTable::at_least(double target, const OfferFilter* filter) const {
  std::int64_t r = rank_at_least(target);
  if (filter == nullptr || filter->empty()) return r < 0 ? kNoOutcome : ranked_[std::size_t(r)];
  for (; r >= 0; --r)
    if (filter->allows(ranked_[std::size_t(r)])) return ranked_[std::size_t(r)];
  return kNoOutcome;
}

OutcomeIndex PartyTable::best_allowed(const OfferFilter* filter) const {
  if (filter == nullptr || filter->empty()) return best();
  for (const OutcomeIndex o : ranked_)
    if (filter->allows(o)) return o;
  return kNoOutcome;
}

namespace {

void check_space(const OutcomeSpace& space, std::size_t parties) {
  if (!space.enumerable() || space.size() >= kNoOutcome)
    throw std::invalid_argument("CompiledDomain: the outcome space is too large to enumerate");
  if (parties == 0 || parties > kMaxParties) throw std::invalid_argument("CompiledDomain: needs 1 to 64 parties");
}

}  // namespace

CompiledDomain::CompiledDomain(OutcomeSpace space, std::span<const CompiledUtility> parties)
    : space_(std::move(space)) {
  check_space(space_, parties.size());
  size_ = std::size_t(space_.size());
  parties_.reserve(parties.size());
  for (const CompiledUtility& u : parties)
    parties_.emplace_back(u.all_utilities(space_), u.reservation_value(), u.discount());
}

CompiledDomain::CompiledDomain(OutcomeSpace space, std::vector<PartyTable> parties)
    : space_(std::move(space)), parties_(std::move(parties)) {
  check_space(space_, parties_.size());
  size_ = std::size_t(space_.size());
  for (const PartyTable& table : parties_)
    if (table.size() != size_) throw std::invalid_argument("CompiledDomain: a party table does not match the space");
}

}  // namespace parley
