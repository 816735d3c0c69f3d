#include "parley/negotiate/domain.hpp"

#include <algorithm>
#include <bit>
#include <mutex>
#include <numeric>
#include <stdexcept>

#include "parley/negotiate/event.hpp"

namespace parley {

OfferFilter::OfferFilter(const OutcomeSpace& space, std::span<const std::int32_t> fixed) {
  const std::span<const std::uint32_t> strides = space.strides();
  for (std::size_t k = 0; k < fixed.size() && k < space.issue_count(); ++k)
    if (fixed[k] >= 0) checks_.push_back({strides[k], space.radix(k), std::uint32_t(fixed[k])});
}

namespace {

// numpy's default argsort of float64 (kind "quicksort"), as numpy up to 1.24 runs it and
// later versions where no SIMD sort is dispatched: an introsort on an index array, median of
// three, parts of more than 16 elements partitioned with the larger part deferred on a
// stack, insertion sort for the rest, heapsort past a depth of 2·floor(log2 n). It is not
// stable, and the order it leaves among equal values is what NegMAS 0.15's presorted
// inverter finds first. Written from the algorithm's description (numpy's npysort); the
// tests pin its tie order against numpy on this code's own examples.
class NumpyArgsort {
 public:
  explicit NumpyArgsort(std::span<const double> v) : v_(v) {}

  void sort(std::span<OutcomeIndex> index) const {
    if (index.size() < 2) return;
    constexpr std::ptrdiff_t kSmall = 15;  // partition while pr - pl > 15 (checked against numpy)
    struct Pending {
      OutcomeIndex* low;
      OutcomeIndex* high;
      int depth;
    };
    std::vector<Pending> stack;
    OutcomeIndex* pl = index.data();
    OutcomeIndex* pr = index.data() + index.size() - 1;
    int depth = 2 * (std::bit_width(index.size()) - 1);
    for (;;) {
      if (depth < 0) {
        heapsort(pl, pr - pl + 1);
      } else {
        while (pr - pl > kSmall) {
          OutcomeIndex* pm = pl + ((pr - pl) >> 1);
          if (less(*pm, *pl)) std::swap(*pm, *pl);
          if (less(*pr, *pm)) std::swap(*pr, *pm);
          if (less(*pm, *pl)) std::swap(*pm, *pl);
          const double pivot = v_[*pm];
          OutcomeIndex* pi = pl;
          OutcomeIndex* pj = pr - 1;
          std::swap(*pm, *pj);
          for (;;) {
            do ++pi;
            while (v_[*pi] < pivot);
            do --pj;
            while (pivot < v_[*pj]);
            if (pi >= pj) break;
            std::swap(*pi, *pj);
          }
          std::swap(*pi, *(pr - 1));
          if (pi - pl < pr - pi) {
            stack.push_back({pi + 1, pr, --depth});
            pr = pi - 1;
          } else {
            stack.push_back({pl, pi - 1, --depth});
            pl = pi + 1;
          }
        }
        for (OutcomeIndex* pi = pl + 1; pi <= pr; ++pi) {
          const OutcomeIndex vi = *pi;
          const double vp = v_[vi];
          OutcomeIndex* pj = pi;
          while (pj > pl && vp < v_[*(pj - 1)]) {
            *pj = *(pj - 1);
            --pj;
          }
          *pj = vi;
        }
      }
      if (stack.empty()) break;
      pl = stack.back().low;
      pr = stack.back().high;
      depth = stack.back().depth;
      stack.pop_back();
    }
  }

 private:
  bool less(OutcomeIndex a, OutcomeIndex b) const { return v_[a] < v_[b]; }

  // 1-based binary heap over a[1..n] (a = first - 1), as numpy's aheapsort.
  void heapsort(OutcomeIndex* first, std::ptrdiff_t n) const {
    OutcomeIndex* a = first - 1;
    auto sift = [&](std::ptrdiff_t i, std::ptrdiff_t size, OutcomeIndex moving) {
      for (std::ptrdiff_t j = i << 1; j <= size;) {
        if (j < size && less(a[j], a[j + 1])) ++j;
        if (!less(moving, a[j])) break;
        a[i] = a[j];
        i = j;
        j += j;
      }
      a[i] = moving;
    };
    for (std::ptrdiff_t l = n >> 1; l > 0; --l) sift(l, n, a[l]);
    for (; n > 1;) {
      const OutcomeIndex moving = a[n];
      a[n] = a[1];
      --n;
      sift(1, n, moving);
    }
  }

  std::span<const double> v_;
};

}  // namespace

struct PartyTable::NumpyTies {
  std::once_flag once;
  std::vector<OutcomeIndex> first_by_rank;
};

OutcomeIndex PartyTable::numpy_first_of_tie(std::int64_t rank) const {
  NumpyTies& ties = *numpy_ties_;
  std::call_once(ties.once, [this, &ties] {
    std::vector<OutcomeIndex> order(utility_.size());
    std::iota(order.begin(), order.end(), OutcomeIndex{0});
    NumpyArgsort(utility_).sort(order);
    // Ascending order: the first of each run of equal utilities is the one searchsorted
    // (side "left") lands on. ranked_ runs descending, so the runs are the same sets.
    std::vector<OutcomeIndex>& first = ties.first_by_rank;
    first.resize(utility_.size());
    std::size_t r = utility_.size();  // walk ranks from the worst up, runs in step with `order`
    for (std::size_t k = 0; k < order.size();) {
      const double value = utility_[order[k]];
      std::size_t end = k;
      while (end < order.size() && utility_[order[end]] == value) ++end;
      for (std::size_t j = k; j < end; ++j) first[--r] = order[k];
      k = end;
    }
  });
  return ties.first_by_rank[std::size_t(rank)];
}

PartyTable::PartyTable(std::vector<double> utilities, double reservation_value, double discount)
    : utility_(std::move(utilities)),
      reservation_value_(reservation_value),
      discount_(discount),
      numpy_ties_(std::make_shared<NumpyTies>()) {
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
