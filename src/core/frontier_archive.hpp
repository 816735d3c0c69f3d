#pragma once
// Internal to the rectangle search: the undominated utility vectors found so far, with the
// outcome that reaches each.
//
// Points are compared with an absolute tolerance kFrontierTolerance: a point is *covered*
// when some archived point is at least as good for every party up to the tolerance (so a
// point equal to an archived one, or better by less than the tolerance, is not new).
//
// - FrontierArchive2: two parties, kept sorted by the first party's utility ascending (the
//   second's is then strictly descending), so coverage is one binary search and the
//   staircase of "still open" corners can be walked in order.
// - FrontierArchiveK: any number of parties, a plain list (linear scans); used for k != 2.
//   It also keeps the corners of the uncovered region (the "local lower bounds" of
//   Klamroth, Lacour & Vanderpooten, EJOR 2015, for maximisation): a point is uncovered iff
//   it is strictly above some corner in every component. Inserting z replaces each corner c
//   strictly below z + tol by the k corners c with one component raised to z_j + tol, and
//   drops those that lie above another corner (their orthant is contained in its orthant).
//   Corners are a superset view: an archived point later dropped for a better one keeps
//   its (then redundant up to the tolerance) cut.

#include <algorithm>
#include <cstddef>
#include <limits>
#include <span>
#include <vector>

#include "parley/core/outcome_space.hpp"

namespace parley::detail {

inline constexpr double kFrontierTolerance = 1e-9;

class FrontierArchive2 {
 public:
  struct Entry {
    double x = 0, y = 0;  // utilities of the first and second party
    Outcome outcome;
  };

  // True when an archived point is at least as good as (x, y) for both parties.
  bool covers(double x, double y) const {
    // First entry with entry.x >= x - tol: it has the largest y among those.
    auto it = std::lower_bound(entries_.begin(), entries_.end(), x - kFrontierTolerance,
                               [](const Entry& e, double value) { return e.x < value; });
    return it != entries_.end() && it->y >= y - kFrontierTolerance;
  }

  // Adds the point unless covered, dropping the archived points it covers. Returns whether
  // it was added.
  bool insert(double x, double y, const Outcome& outcome) {
    if (covers(x, y)) return false;
    // Entries with e.x <= x + tol form a prefix; among them those with e.y <= y + tol form a
    // suffix of that prefix (y descends), i.e. one contiguous range [first, last).
    auto last = std::upper_bound(entries_.begin(), entries_.end(), x + kFrontierTolerance,
                                 [](double value, const Entry& e) { return value < e.x; });
    auto first =
        std::partition_point(entries_.begin(), last, [&](const Entry& e) { return e.y > y + kFrontierTolerance; });
    first = entries_.erase(first, last);
    entries_.insert(first, Entry{x, y, outcome});
    return true;
  }

  // Sorted by x ascending, y strictly descending.
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  std::vector<Entry> entries_;
};

class FrontierArchiveK {
 public:
  struct Entry {
    std::vector<double> utilities;
    Outcome outcome;
  };

  explicit FrontierArchiveK(std::size_t parties)
      : parties_(parties), corners_(parties, -std::numeric_limits<double>::infinity()) {}

  bool covers(std::span<const double> u) const {
    return std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) { return at_least(e.utilities, u); });
  }

  bool insert(std::span<const double> u, const Outcome& outcome) {
    if (covers(u)) return false;
    std::erase_if(entries_, [&](const Entry& e) { return at_least(u, e.utilities); });
    entries_.push_back(Entry{std::vector<double>(u.begin(), u.end()), outcome});
    carve(u);
    return true;
  }

  const std::vector<Entry>& entries() const { return entries_; }

  // Corners of the uncovered region, `parties` values each (components may be -inf).
  std::span<const double> corners() const { return corners_; }
  std::size_t corner_count() const { return corners_.size() / parties_; }

 private:
  // a >= b - tol in every component.
  bool at_least(std::span<const double> a, std::span<const double> b) const {
    for (std::size_t p = 0; p < parties_; ++p)
      if (a[p] < b[p] - kFrontierTolerance) return false;
    return true;
  }

  void carve(std::span<const double> u) {
    const std::size_t k = parties_;
    std::vector<double> z(u.begin(), u.end());
    for (double& value : z) value += kFrontierTolerance;
    // Corners strictly below z lose their orthant's part below z.
    std::vector<double> candidates;
    for (std::size_t c = 0; c < corners_.size() / k;) {
      const double* corner = corners_.data() + c * k;
      bool below = true;
      for (std::size_t p = 0; p < k && below; ++p) below = corner[p] < z[p];
      if (!below) {
        ++c;
        continue;
      }
      for (std::size_t j = 0; j < k; ++j) {
        candidates.insert(candidates.end(), corner, corner + k);
        candidates[candidates.size() - k + j] = z[j];
      }
      // swap-remove corner c
      std::copy(corners_.end() - k, corners_.end(), corners_.begin() + c * k);
      corners_.resize(corners_.size() - k);
    }
    // Keep the candidates that lie above no other corner or candidate (ties: the first).
    auto at_or_below = [&](const double* a, const double* b) {  // a <= b everywhere
      for (std::size_t p = 0; p < k; ++p)
        if (a[p] > b[p]) return false;
      return true;
    };
    const std::size_t kept = corners_.size() / k, count = candidates.size() / k;
    for (std::size_t a = 0; a < count; ++a) {
      const double* candidate = candidates.data() + a * k;
      bool redundant = false;
      for (std::size_t c = 0; c < kept && !redundant; ++c) redundant = at_or_below(corners_.data() + c * k, candidate);
      for (std::size_t b = 0; b < count && !redundant; ++b) {
        const double* other = candidates.data() + b * k;
        redundant = b != a && at_or_below(other, candidate) && (b < a || !at_or_below(candidate, other));
      }
      if (!redundant) corners_.insert(corners_.end(), candidate, candidate + k);
    }
  }

  std::size_t parties_;
  std::vector<Entry> entries_;
  std::vector<double> corners_;
};

}  // namespace parley::detail
