#include "parley/negotiate/domain.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
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
    // (side "left") lands on. The ranking runs descending, so the runs are the same sets.
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

struct PartyTable::RankIndex {
  double top = 0;    // the best utility
  double scale = 0;  // buckets per unit of utility below top (0: one bucket)
  double last = 0;   // buckets - 1
  std::uint32_t buckets = 1;
  std::vector<OutcomeIndex> order;  // outcomes by bucket; a bucket in rank order once sorted
  std::vector<std::uint32_t> begin;  // first rank of each bucket, then size(): buckets + 1
  std::unique_ptr<std::atomic<bool>[]> sorted;  // per bucket
  std::atomic<std::uint32_t> unsorted{0};       // buckets not sorted yet
  std::atomic<std::size_t> ranked{0};           // outcomes in sorted buckets
  std::mutex mutex;                             // held while a bucket is sorted

  // Monotone: a > b implies bucket_of(a) <= bucket_of(b) (a rounded subtraction, a product by
  // a positive constant, clamping and truncation all preserve order), so buckets hold
  // contiguous rank runs in descending utility and equal utilities share one. Branch-free, so
  // that the construction's passes vectorise; NaN lands in bucket 0.
  std::uint32_t bucket_of(double v) const {
    double x = (top - v) * scale;
    x = x > 0.0 ? x : 0.0;
    x = x < last ? x : last;
    return std::uint32_t(std::int32_t(x));
  }

  // Bucket ids of u[first, first + count) into ids. REQUIRES: count <= kChunk.
  static constexpr std::size_t kChunk = 256;
  void bucket_ids(const double* u, std::size_t count, std::uint32_t* ids) const {
    for (std::size_t j = 0; j < count; ++j) ids[j] = bucket_of(u[j]);
  }
};

namespace {

// The largest and smallest utility, as values (which of equal values, e.g. 0.0 and -0.0, is
// left to the ranking). Four independent chains: this pass runs at memory speed.
std::pair<double, double> value_range(const std::vector<double>& u) {
  double high[4] = {u[0], u[0], u[0], u[0]}, low[4] = {u[0], u[0], u[0], u[0]};
  std::size_t i = 0;
  for (; i + 4 <= u.size(); i += 4)
    for (std::size_t k = 0; k < 4; ++k) {
      const double v = u[i + k];
      high[k] = v > high[k] ? v : high[k];
      low[k] = v < low[k] ? v : low[k];
    }
  for (; i < u.size(); ++i) {
    high[0] = u[i] > high[0] ? u[i] : high[0];
    low[0] = u[i] < low[0] ? u[i] : low[0];
  }
  for (std::size_t k = 1; k < 4; ++k) {
    high[0] = high[k] > high[0] ? high[k] : high[0];
    low[0] = low[k] < low[0] ? low[k] : low[0];
  }
  return {high[0], low[0]};
}

}  // namespace

PartyTable::PartyTable(std::vector<double> utilities, double reservation_value, double discount)
    : utility_(std::move(utilities)),
      reservation_value_(reservation_value),
      discount_(discount),
      index_(std::make_shared<RankIndex>()),
      numpy_ties_(std::make_shared<NumpyTies>()) {
  const std::vector<double>& u = utility_;
  const std::size_t n = u.size();
  RankIndex& index = *index_;
  index.begin.assign(2, 0);
  index.sorted = std::make_unique<std::atomic<bool>[]>(1);
  if (n == 0) return;
  const auto [top, bottom] = value_range(u);
  index.top = top;
  const std::size_t wanted = std::clamp<std::size_t>(n / kOutcomesPerBucket, 1, kMaxRankBuckets);
  const double span = top - bottom;
  const double scale = double(wanted) / span;
  if (span > 0 && std::isfinite(scale) && scale > 0) {
    index.buckets = std::uint32_t(wanted);
    index.scale = scale;
    index.last = double(wanted - 1);
  }
  // Counting sort: bucket sizes, first ranks, then every outcome in ascending index order.
  const std::uint32_t buckets = index.buckets;
  std::uint32_t ids[RankIndex::kChunk];
  index.begin.assign(std::size_t(buckets) + 1, 0);
  for (std::size_t first = 0; first < n; first += RankIndex::kChunk) {
    const std::size_t count = std::min(RankIndex::kChunk, n - first);
    index.bucket_ids(u.data() + first, count, ids);
    for (std::size_t j = 0; j < count; ++j) ++index.begin[ids[j] + 1];
  }
  for (std::uint32_t b = 0; b < buckets; ++b) index.begin[b + 1] += index.begin[b];
  std::vector<std::uint32_t> next(index.begin.begin(), index.begin.end() - 1);
  index.order.resize(n);
  for (std::size_t first = 0; first < n; first += RankIndex::kChunk) {
    const std::size_t count = std::min(RankIndex::kChunk, n - first);
    index.bucket_ids(u.data() + first, count, ids);
    for (std::size_t j = 0; j < count; ++j) index.order[next[ids[j]]++] = OutcomeIndex(first + j);
  }
  // NaN compares with nothing (no order to rank by) and lands in bucket 0.
  for (std::uint32_t k = 0; k < index.begin[1]; ++k)
    if (std::isnan(u[index.order[k]])) throw std::invalid_argument("PartyTable: a utility is NaN");
  // Buckets of fewer than two outcomes are in rank order already.
  index.sorted = std::make_unique<std::atomic<bool>[]>(buckets);
  std::uint32_t unsorted = 0;
  std::size_t ranked = 0;
  for (std::uint32_t b = 0; b < buckets; ++b) {
    const std::uint32_t size = index.begin[b + 1] - index.begin[b];
    index.sorted[b].store(size < 2, std::memory_order_relaxed);
    unsorted += size < 2 ? 0 : 1;
    ranked += size < 2 ? size : 0;
  }
  index.ranked.store(ranked, std::memory_order_relaxed);
  index.unsorted.store(unsorted, std::memory_order_release);
  // The ends, exactly as the ranking places them (the first of the best, the last of the
  // worst): the first and the last non-empty bucket, sorted now.
  best_ = sorted_bucket(0).front();
  max_utility_ = u[best_];
  std::uint32_t end = buckets;
  while (index.begin[end - 1] == n) --end;  // the last bucket starting before n is non-empty
  min_utility_ = u[sorted_bucket(end - 1).back()];
}

void PartyTable::sort_bucket(std::size_t bucket) const {
  RankIndex& index = *index_;
  const std::lock_guard<std::mutex> lock(index.mutex);
  if (index.sorted[bucket].load(std::memory_order_relaxed)) return;  // another thread did
  const std::span<OutcomeIndex> run(index.order.data() + index.begin[bucket], index.begin[bucket + 1] - index.begin[bucket]);
  // Descending utility, ties by ascending index: a strict total order (no NaN), so the result
  // is the one a stable sort of all outcomes gives. std::sort does not allocate.
  const std::vector<double>& u = utility_;
  const auto before = [&u](OutcomeIndex a, OutcomeIndex b) { return u[a] > u[b] || (u[a] == u[b] && a < b); };
  // A bucket of one utility (long runs of ties) is in rank order already: the counting sort
  // left it in ascending index order.
  if (!std::is_sorted(run.begin(), run.end(), before)) std::sort(run.begin(), run.end(), before);
  index.ranked.fetch_add(run.size(), std::memory_order_relaxed);
  index.sorted[bucket].store(true, std::memory_order_release);
  index.unsorted.fetch_sub(1, std::memory_order_acq_rel);
}

std::span<const OutcomeIndex> PartyTable::sorted_bucket(std::size_t bucket) const {
  const RankIndex& index = *index_;
  if (!index.sorted[bucket].load(std::memory_order_acquire)) sort_bucket(bucket);
  return {index.order.data() + index.begin[bucket], index.begin[bucket + 1] - index.begin[bucket]};
}

std::size_t PartyTable::outcomes_ranked() const {
  return index_ ? index_->ranked.load(std::memory_order_relaxed) : 0;
}

std::size_t PartyTable::bucket_of_rank(std::size_t rank) const {
  const std::vector<std::uint32_t>& begin = index_->begin;
  // The last bucket starting at or before `rank` (empty buckets start where the next does).
  return std::size_t(std::upper_bound(begin.begin(), begin.end(), std::uint32_t(rank)) - begin.begin()) - 1;
}

OutcomeIndex PartyTable::ranked(std::size_t rank) const {
  const RankIndex& index = *index_;
  if (index.unsorted.load(std::memory_order_acquire) == 0) return index.order[rank];
  (void)sorted_bucket(bucket_of_rank(rank));
  return index.order[rank];
}

std::span<const OutcomeIndex> PartyTable::ranked_span(std::size_t first, std::size_t last) const {
  if (first >= last) return {};
  const RankIndex& index = *index_;
  if (index.unsorted.load(std::memory_order_acquire) != 0)
    for (std::size_t b = bucket_of_rank(first); b < index.buckets && index.begin[b] < last; ++b) (void)sorted_bucket(b);
  return std::span<const OutcomeIndex>(index.order.data() + first, last - first);
}

std::span<const OutcomeIndex>::iterator PartyTable::end_at_least(double target, std::size_t& bucket) const {
  // Every earlier bucket is above target and every later one below (bucket_of is monotone):
  // only target's own bucket needs a look.
  bucket = index_->bucket_of(target);
  const std::span<const OutcomeIndex> run = sorted_bucket(bucket);
  const std::vector<double>& u = utility_;
  return std::partition_point(run.begin(), run.end(), [&u, target](OutcomeIndex o) { return u[o] >= target; });
}

std::int64_t PartyTable::rank_at_least(double target) const {
  if (utility_.empty() || !(target <= max_utility_)) return -1;
  std::size_t bucket = 0;
  const auto end = end_at_least(target, bucket);
  const std::uint32_t first = index_->begin[bucket];
  return std::int64_t(std::to_address(end) - (index_->order.data() + first)) + first - 1;
}

OutcomeIndex PartyTable::at_least(double target, const OfferFilter* filter) const {
  if (utility_.empty() || !(target <= max_utility_)) return kNoOutcome;
  const RankIndex& index = *index_;
  std::size_t b = 0;
  const auto end = end_at_least(target, b);
  const OutcomeIndex* first = index.order.data() + index.begin[b];
  if (filter == nullptr || filter->empty()) {
    if (std::to_address(end) != first) return *(end - 1);  // target's own bucket has it
    return index.begin[b] == 0 ? kNoOutcome : ranked(index.begin[b] - 1);  // an earlier one
  }
  // Upwards in utility from there, a bucket at a time.
  for (const OutcomeIndex* o = std::to_address(end); o != first;)
    if (filter->allows(*--o)) return *o;
  while (b-- > 0) {
    const std::span<const OutcomeIndex> run = sorted_bucket(b);
    for (auto o = run.rbegin(); o != run.rend(); ++o)
      if (filter->allows(*o)) return *o;
  }
  return kNoOutcome;
}

OutcomeIndex PartyTable::best_allowed(const OfferFilter* filter) const {
  if (filter == nullptr || filter->empty()) return best();
  if (utility_.empty()) return kNoOutcome;
  for (std::size_t b = 0; b < index_->buckets; ++b)
    for (const OutcomeIndex o : sorted_bucket(b))
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
