// Pareto filter for three or more parties (see pareto.hpp for the algorithms).

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <limits>
#include <map>
#include <numeric>
#include <span>

#include "pareto.hpp"

namespace parley::detail {
namespace {

constexpr double kMinusInfinity = -std::numeric_limits<double>::infinity();

// Survivors of k >= 3 points, copied row-major for cache-friendly comparisons.
struct Rows {
  std::size_t k = 0;
  std::vector<double> values;  // size() * k
  std::vector<std::size_t> index;  // original point index of each row
  const double* row(std::size_t r) const { return values.data() + r * k; }
  std::size_t size() const { return index.size(); }
  void add(const PointView& points, std::size_t i) {
    for (std::size_t j = 0; j < k; ++j) values.push_back(points.at(i, j));
    index.push_back(i);
  }
};

bool dominates_or_equals(const double* a, const double* b, std::size_t k) {
  for (std::size_t j = 0; j < k; ++j)
    if (a[j] < b[j]) return false;
  return true;
}

bool strictly_dominates(const double* a, const double* b, std::size_t k) {
  return dominates_or_equals(a, b, k) && !std::equal(a, a + k, b);
}

// Drops the points strictly dominated by a few pivots: the maximisers of Σ u and of
// Σ u + u_j. Maximisers of positive weightings are Pareto optimal and sit in the middle of
// the cloud, where they dominate most of it.
Rows pivot_survivors(const PointView& points) {
  const std::size_t n = points.count, k = points.parties();
  Rows rows{k, {}, {}};
  if (n < kPrefilterMin) {
    rows.values.reserve(n * k);
    for (std::size_t i = 0; i < n; ++i) rows.add(points, i);
    return rows;
  }
  std::vector<double> best(k + 1, kMinusInfinity);
  std::vector<std::size_t> argbest(k + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    double sum = 0;
    for (std::size_t j = 0; j < k; ++j) sum += points.at(i, j);
    for (std::size_t w = 0; w <= k; ++w) {
      const double score = w == k ? sum : sum + points.at(i, w);
      if (score > best[w]) {
        best[w] = score;
        argbest[w] = i;
      }
    }
  }
  std::sort(argbest.begin(), argbest.end());
  argbest.erase(std::unique(argbest.begin(), argbest.end()), argbest.end());
  Rows pivots{k, {}, {}};
  for (std::size_t i : argbest) pivots.add(points, i);
  std::vector<double> point(k);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < k; ++j) point[j] = points.at(i, j);
    bool dominated = false;
    for (std::size_t p = 0; p < pivots.size() && !dominated; ++p)
      dominated = strictly_dominates(pivots.row(p), point.data(), k);
    if (!dominated) rows.add(points, i);
  }
  return rows;
}

// Lexicographically descending, then by original index: a point that dominates or equals
// another always precedes it.
bool lex_before(const Rows& rows, std::size_t a, std::size_t b) {
  const double *x = rows.row(a), *y = rows.row(b);
  for (std::size_t j = 0; j < rows.k; ++j)
    if (x[j] != y[j]) return x[j] > y[j];
  return rows.index[a] < rows.index[b];
}

// 3 parties: in lexicographic order, a point is dominated or equal iff some earlier point
// is >= in (u2, u3); the 2-d staircase of earlier (u2, u3) answers that in O(log h).
std::vector<std::size_t> front3(const PointView& points) {
  const Rows rows = pivot_survivors(points);
  std::vector<std::size_t> order(rows.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return lex_before(rows, a, b); });
  std::map<double, double> staircase;  // u2 -> u3; u3 strictly decreases as u2 grows
  std::vector<std::size_t> front;
  for (std::size_t r : order) {
    const double u2 = rows.row(r)[1], u3 = rows.row(r)[2];
    auto it = staircase.lower_bound(u2);  // best u3 among points with at least u2
    if (it != staircase.end() && it->second >= u3) continue;
    front.push_back(rows.index[r]);
    if (it != staircase.end() && it->first == u2) it = staircase.erase(it);
    while (it != staircase.begin() && std::prev(it)->second <= u3) staircase.erase(std::prev(it));
    staircase.emplace_hint(it, u2, u3);
  }
  std::sort(front.begin(), front.end());
  return front;
}

// k >= 4: multidimensional divide and conquer (Kung, Luccio & Preparata 1975; Bentley
// 1980), O(n log^(k-2) n). Rows are sorted lexicographically descending, so a row can only
// be dominated by an earlier one: the maxima of the first half survive, and those of the
// second half survive unless a first-half maximum is >= on dimensions 1..k-1 (dimension 0
// holds by the order). That test, filter(), recurses the same way one dimension at a time.
class Skyline {
 public:
  Skyline(const Rows& rows, std::uint64_t max_work)
      : rows_(rows), k_(rows.k), removed_(rows.size(), 0), max_work_(max_work) {}

  // The maxima of rows `ids`, which are lexicographically descending and distinct.
  std::vector<std::uint32_t> maxima(std::span<const std::uint32_t> ids) {
    if (ids.size() <= kSmall) {
      spend(ids.size() * ids.size());
      std::vector<std::uint32_t> kept;
      for (const std::uint32_t b : ids)
        if (std::none_of(kept.begin(), kept.end(), [&](std::uint32_t a) { return covers(a, b, 1); }))
          kept.push_back(b);
      return kept;
    }
    const std::size_t half = ids.size() / 2;
    std::vector<std::uint32_t> first = maxima(ids.first(half)), second = maxima(ids.subspan(half));
    filter(first, second, 1);
    for (const std::uint32_t b : second)
      if (!removed_[b]) first.push_back(b);
    return first;
  }

  std::uint64_t work() const { return work_; }

 private:
  using Ids = std::vector<std::uint32_t>;
  static constexpr std::size_t kSmall = 32;

  double at(std::uint32_t id, std::size_t j) const { return rows_.row(id)[j]; }
  // a >= b on every dimension from d on.
  bool covers(std::uint32_t a, std::uint32_t b, std::size_t d) const {
    for (std::size_t j = d; j < k_; ++j)
      if (at(a, j) < at(b, j)) return false;
    return true;
  }

  // Marks every row of `b` that some row of `a` covers on dimensions d..k-1.
  // REQUIRES: every row of `a` is >= every row of `b` on the dimensions before d.
  void filter(const Ids& a, const Ids& b, std::size_t d) {
    if (a.empty() || b.empty()) return;
    spend(a.size() + b.size());
    if (a.size() * b.size() <= kSmall * kSmall) {
      spend(a.size() * b.size());
      for (const std::uint32_t y : b)
        if (std::any_of(a.begin(), a.end(), [&](std::uint32_t x) { return covers(x, y, d); })) removed_[y] = 1;
      return;
    }
    if (d + 2 == k_) return filter2(a, b, d);
    // Split on dimension d at a threshold that leaves both sides non-empty.
    std::vector<double> values;
    values.reserve(a.size() + b.size());
    for (const Ids* side : {&a, &b})
      for (const std::uint32_t id : *side) values.push_back(at(id, d));
    auto middle = values.begin() + values.size() / 2;
    std::nth_element(values.begin(), middle, values.end());
    double threshold = *middle;
    if (*std::max_element(values.begin(), values.end()) == threshold) {
      double below = kMinusInfinity;
      bool any_below = false;
      for (const double v : values)
        if (v < threshold) below = any_below ? std::max(below, v) : v, any_below = true;
      if (!any_below) return filter(a, b, d + 1);  // all equal: dimension d is settled
      threshold = below;
    }
    Ids a_high, a_low, b_high, b_low;
    for (const std::uint32_t id : a) (at(id, d) > threshold ? a_high : a_low).push_back(id);
    for (const std::uint32_t id : b) (at(id, d) > threshold ? b_high : b_low).push_back(id);
    filter(a_high, b_high, d);
    filter(a_low, b_low, d);
    std::erase_if(b_low, [&](std::uint32_t id) { return removed_[id] != 0; });
    filter(a_high, b_low, d + 1);  // a_high beats b_low on d; a_low never covers b_high
  }

  // Two dimensions left: sweep both sides by dimension d descending, keeping the best
  // dimension d+1 among the rows of `a` seen so far.
  void filter2(const Ids& a, const Ids& b, std::size_t d) {
    Ids xs = a, ys = b;
    const auto descending = [&](std::uint32_t p, std::uint32_t q) { return at(p, d) > at(q, d); };
    std::sort(xs.begin(), xs.end(), descending);
    std::sort(ys.begin(), ys.end(), descending);
    double best = kMinusInfinity;
    std::size_t seen = 0;
    for (const std::uint32_t y : ys) {
      for (; seen < xs.size() && at(xs[seen], d) >= at(y, d); ++seen) best = std::max(best, at(xs[seen], d + 1));
      if (seen > 0 && best >= at(y, d + 1)) removed_[y] = 1;
    }
  }

  void spend(std::uint64_t work) {
    work_ += work;
    if (max_work_ != 0 && work_ > max_work_) throw FilterWorkExceeded{work_};
  }

  const Rows& rows_;
  std::size_t k_;
  std::vector<char> removed_;
  std::uint64_t max_work_;
  std::uint64_t work_ = 0;
};

std::vector<std::size_t> front_k(const PointView& points) {
  const Rows rows = pivot_survivors(points);
  std::vector<std::uint32_t> order(rows.size());
  std::iota(order.begin(), order.end(), std::uint32_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return lex_before(rows, a, b); });
  // Equal rows are adjacent, smallest index first: keep that one.
  order.erase(std::unique(order.begin(), order.end(),
                          [&](std::uint32_t a, std::uint32_t b) {
                            return std::equal(rows.row(a), rows.row(a) + rows.k, rows.row(b));
                          }),
              order.end());
  Skyline skyline(rows, points.max_work);
  std::vector<std::size_t> front;
  for (const std::uint32_t r : skyline.maxima(order)) front.push_back(rows.index[r]);
  if (points.work_spent != nullptr) *points.work_spent += skyline.work();
  std::sort(front.begin(), front.end());
  return front;
}

}  // namespace

std::vector<std::size_t> pareto_front_many(const PointView& points) {
  return points.parties() == 3 ? front3(points) : front_k(points);
}

}  // namespace parley::detail
