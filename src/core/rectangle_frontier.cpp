// Exact Pareto frontier of hyper-rectangle (GENIUS "nonlinear") utilities on outcome spaces
// too large to enumerate (the ANAC 2014 domains have up to 10^50 outcomes).
//
// Model. Every rectangle is normalised to a *box*: a signed weight paid when the outcome is
// inside all of the box's bounds. An inclusive rectangle of utility w is a box of weight w;
// an exclusive one pays w unless the outcome is inside all its bounds, i.e. a constant w plus
// a box of weight -w. Bounds covering an issue's whole range are dropped, bounds on the same
// issue intersected, boxes that can never (or always) be entered folded into constants.
// Linear-additive parties contribute their per-issue value tables.
//
// Search. Depth-first branch and bound over partial assignments of issues. A box is
// *decided* once some assigned issue violates it (it pays nothing) or all its issues are
// assigned inside (it pays for sure); otherwise it is *open*. At each node:
//   1. Bound. Each party's utility is split issue by issue: an open positive box of weight w
//      splits w into shares over its unassigned issues (in proportion to how many values each
//      bound excludes, which prunes best in practice), each share paid on the values inside
//      that issue's bound. If the outcome ends inside the box every issue collects its share,
//      so the split never underestimates. An open negative box counts only once a single
//      issue is left (then exactly, on the values inside); linear parties add their tables.
//      Every completion's utility vector is then at most (guaranteed part) + Σ_issues
//      c_i(v_i), a sum of one point per unassigned issue. For two parties the node's
//      optimistic region is the downward closure of the Minkowski sum of the per-issue convex
//      hulls (summed by merging hull edges by slope); for k != 2 parties, the box of per-party
//      maxima cut by weighted sums (every pair of parties, and all parties equally).
//   2. Prune when every point of that region is covered (weakly dominated, up to
//      kFrontierTolerance) by the frontier found so far, i.e. when no corner of the uncovered
//      region lies strictly inside it: for two parties the corners of the frontier's
//      staircase, for k parties the local lower bounds kept by FrontierArchiveK.
//   3. Separable nodes are solved outright. When every open box has a single unassigned
//      issue left, the split of step 1 is exact, so the subtree's frontier is the frontier of
//      the Minkowski sum of the per-issue point sets: it is merged issue by issue (as for
//      linear-additive utilities), keeping the undominated partial sums that the remaining
//      issues could still lift out of the covered region. (A leaf, where no unassigned issue
//      matters any more, is the case of no issue to merge; irrelevant issues take value 0.)
//   4. Branch on the unassigned issue carrying the most open weight. Its values are grouped
//      into classes that no open box (nor linear table) tells apart, and a class is dropped
//      when another class is at least as good for every open box and table (then every
//      completion through it is weakly dominated by the same completion through the other).
//      Children are visited best first (by the sum of their bound contributions).
// Before the search, weighted-sum local searches (coordinate ascent from several starts, for
// weights spread over [0,1]) seed the frontier so that pruning bites from the first node.
//
// Exactness. The search is exact (utility vectors within kFrontierTolerance count as equal)
// unless it exceeds its node budget (max_nodes, default kDefaultMaxSearchNodes); then it
// stops, says so (budget_reached), and returns the frontier found so far, still a set of mutually undominated outcomes with their evaluated utilities. The reported
// utilities are always those of CompiledUtility::operator() on the reported outcome.
//
// Cost on the GENIUS hyper-rectangle domains (2 parties, 10-50 issues of 10 values, 20-130
// rectangles each): 40 to 400 000 nodes, at most about a second. More parties cost much
// more, as frontiers grow and the k-party region is coarser: three parties on a 30-issue
// ANAC 2014 space (60 rectangles each) take 3.3 million nodes and about a minute for a
// frontier of 2013 points.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <vector>

#include <fmt/format.h>

#include "frontier_archive.hpp"
#include "frontiers.hpp"
#include "parley/core/limits.hpp"
#include "parley/core/random.hpp"

namespace parley::detail {
namespace {

constexpr double kTol = kFrontierTolerance;
constexpr double kInf = std::numeric_limits<double>::infinity();

struct Bound {
  std::uint32_t issue, min, max;  // value indices, inclusive
};

// Pays `weight` (signed) when the outcome is inside every bound.
struct Box {
  std::uint32_t party = 0;
  double weight = 0;
  std::uint32_t first = 0, count = 0;  // range in Problem::bounds
};

struct IssueRef {
  std::uint32_t box, min, max;
  double excluded;  // number of values outside the bound
};

// The normalised problem: boxes, constants and linear tables per party.
struct Problem {
  std::size_t parties = 0;
  std::size_t issues = 0;
  std::vector<std::uint32_t> radix;
  std::vector<Box> boxes;
  std::vector<Bound> bounds;
  std::vector<double> excluded;  // per bound: number of values outside it (>= 1)
  std::vector<std::vector<IssueRef>> by_issue;  // boxes bounding each issue
  std::vector<double> constant;  // per party
  std::vector<const CompiledUtility*> linear;  // per party, null for rectangle parties
  std::vector<char> linear_matters;  // per issue: some linear table is not constant on it
  std::vector<char> varies;  // per party and issue: the party's table is not constant on it

  Problem(std::span<const CompiledUtility> utilities, const OutcomeSpace& space) {
    parties = utilities.size();
    issues = space.issue_count();
    radix = space.radices();
    by_issue.resize(issues);
    constant.assign(parties, 0.0);
    linear.assign(parties, nullptr);
    linear_matters.assign(issues, 0);
    varies.assign(parties * issues, 0);
    for (std::size_t p = 0; p < parties; ++p) {
      const CompiledUtility& u = utilities[p];
      if (u.is_linear()) {
        linear[p] = &u;
        for (std::size_t i = 0; i < issues; ++i) {
          const auto table = u.issue_table(i);
          if (!table.empty() && std::any_of(table.begin(), table.end(), [&](double v) { return v != table[0]; }))
            linear_matters[i] = varies[p * issues + i] = 1;
          else if (!table.empty())
            constant[p] += table[0];  // then table() reports 0 for it
        }
        continue;
      }
      for (const auto& rectangle : u.rectangles()) add_rectangle(std::uint32_t(p), rectangle);
    }
    for (std::uint32_t b = 0; b < boxes.size(); ++b)
      for (std::uint32_t k = 0; k < boxes[b].count; ++k) {
        const Bound& bound = bounds[boxes[b].first + k];
        by_issue[bound.issue].push_back({b, bound.min, bound.max, excluded[boxes[b].first + k]});
      }
  }

  bool linear_on(std::size_t issue) const { return linear_matters[issue] != 0; }

  // Party p's linear value of value v of `issue`, 0 where the table is constant (its value
  // is in `constant`) and for rectangle parties.
  double table(std::size_t p, std::size_t issue, std::uint32_t v) const {
    return varies[p * issues + issue] ? linear[p]->issue_table(issue)[v] : 0.0;
  }

 private:
  void add_rectangle(std::uint32_t party, const CompiledUtility::Rectangle& rectangle) {
    if (rectangle.utility == 0) return;
    // Intersect the bounds per issue; drop those covering the whole range.
    std::vector<Bound> own;
    bool can_be_inside = true;
    for (const auto& b : rectangle.bounds) {
      const std::uint32_t top = radix[b.position] == 0 ? 0 : radix[b.position] - 1;
      Bound bound{b.position, b.min, std::min(b.max, top)};
      auto same = std::find_if(own.begin(), own.end(), [&](const Bound& o) { return o.issue == bound.issue; });
      if (same == own.end()) {
        own.push_back(bound);
      } else {
        same->min = std::max(same->min, bound.min);
        same->max = std::min(same->max, bound.max);
      }
    }
    for (const auto& b : own)
      if (b.min > b.max || radix[b.issue] == 0) can_be_inside = false;
    std::erase_if(own, [&](const Bound& b) { return b.min == 0 && b.max + 1 == radix[b.issue]; });

    double weight = rectangle.utility;
    if (rectangle.exclusive) {
      // Pays w unless inside: a constant w and a box of weight -w.
      if (!can_be_inside) {
        constant[party] += weight;
        return;
      }
      if (own.empty()) return;  // always inside: never pays
      constant[party] += weight;
      weight = -weight;
    } else {
      if (!can_be_inside) return;
      if (own.empty()) {
        constant[party] += weight;
        return;
      }
    }
    boxes.push_back({party, weight, std::uint32_t(bounds.size()), std::uint32_t(own.size())});
    bounds.insert(bounds.end(), own.begin(), own.end());
    for (const auto& b : own) excluded.push_back(double(radix[b.issue] - (b.max - b.min + 1)));
  }
};

struct Vec2 {
  double x, y;
};

double cross(Vec2 a, Vec2 b) { return a.x * b.y - a.y * b.x; }

class Search {
 public:
  Search(std::span<const CompiledUtility> utilities, const OutcomeSpace& space, std::uint64_t max_nodes,
         std::uint64_t max_memory)
      : utilities_(utilities),
        problem_(utilities, space),
        archive_k_(utilities.size()),
        max_nodes_(max_nodes),
        max_memory_(max_memory) {
    const std::size_t n = problem_.issues;
    offset_.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) offset_[i + 1] = offset_[i] + problem_.radix[i] + 1;
    value_.assign(n, 0);
    assigned_.assign(n, 0);
    remaining_.resize(problem_.boxes.size());
    violated_.assign(problem_.boxes.size(), 0);
    open_excluded_.assign(problem_.boxes.size(), 0.0);
    for (std::size_t b = 0; b < problem_.boxes.size(); ++b) {
      remaining_[b] = problem_.boxes[b].count;
      for (std::uint32_t k = 0; k < remaining_[b]; ++k)
        open_excluded_[b] += problem_.excluded[problem_.boxes[b].first + k];
    }
    fixed_ = problem_.constant;
    contribution_.assign(problem_.parties * offset_[n], 0.0);
    activity_.assign(n, 0.0);
    issue_max_.assign(problem_.parties * n, 0.0);
    relevant_.assign(n, 0);
    children_.resize(n + 1);
    outcome_.assign(n, 0);
    // k != 2: cuts along every pair of parties and the utilitarian direction.
    const std::size_t k = problem_.parties;
    if (k >= 3) {
      for (std::size_t p = 0; p < k; ++p)
        for (std::size_t q = p + 1; q < k; ++q) {
          std::vector<double> lambda(k, 0.0);
          lambda[p] = lambda[q] = 0.5;
          cut_weights_.insert(cut_weights_.end(), lambda.begin(), lambda.end());
        }
      cut_weights_.insert(cut_weights_.end(), k, 1.0 / double(k));
    }
  }

  RectangleFrontier run() {
    RectangleFrontier out;
    for (std::uint32_t r : problem_.radix)
      if (r == 0) return out;  // empty space
    seed();
    node(0);
    out.frontier = collect();
    out.nodes = nodes_;
    out.budget_reached = budget_reached_;
    return out;
  }

 private:
  std::size_t parties() const { return problem_.parties; }
  double& contribution(std::size_t p, std::size_t issue, std::uint32_t v) {
    return contribution_[p * offset_.back() + offset_[issue] + v];
  }

  // ---- frontier bookkeeping -------------------------------------------------------------

  void offer(const Outcome& outcome) {
    std::vector<double>& u = scratch_utilities_;
    u.resize(parties());
    for (std::size_t p = 0; p < parties(); ++p) u[p] = utilities_[p](outcome);
    if (parties() == 2)
      archive2_.insert(u[0], u[1], outcome);
    else
      archive_k_.insert(u, outcome);
    const std::size_t points = parties() == 2 ? archive2_.entries().size() : archive_k_.entries().size();
    const std::uint64_t bytes = saturating_product(points, frontier_point_bytes(parties(), outcome.size()), 2) +
                                saturating_product(parties() == 2 ? 0 : archive_k_.corner_count(), parties() * sizeof(double));
    check_memory(bytes, max_memory_,
                 fmt::format("the Pareto frontier of {} parties (past {} points found)", parties(), points),
                 "; analyse fewer parties or a smaller stage");
  }

  std::vector<ScoredOutcome> collect() const {
    std::vector<ScoredOutcome> out;
    if (parties() == 2) {
      for (auto it = archive2_.entries().rbegin(); it != archive2_.entries().rend(); ++it)
        out.push_back({it->outcome, {utilities_[0](it->outcome), utilities_[1](it->outcome)}});
    } else {
      for (const auto& e : archive_k_.entries()) out.push_back({e.outcome, e.utilities});
    }
    return out;
  }

  // ---- seeding: weighted-sum coordinate ascent ------------------------------------------

  // Local optimum of Σ_p weights[p]·u_p from `outcome`, changing one issue at a time.
  void ascend(Outcome& outcome, std::span<const double> weights) {
    const std::size_t n = problem_.issues;
    // violations per box for the current outcome
    std::vector<std::uint32_t> outside(problem_.boxes.size(), 0);
    for (std::size_t i = 0; i < n; ++i)
      for (const auto& ref : problem_.by_issue[i])
        if (outcome[i] < ref.min || outcome[i] > ref.max) ++outside[ref.box];
    bool improved = true;
    for (int sweep = 0; improved && sweep < 100; ++sweep) {
      improved = false;
      for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t current = outcome[i];
        double best_gain = kTol;
        std::uint32_t best = current;
        for (std::uint32_t v = 0; v < problem_.radix[i]; ++v) {
          if (v == current) continue;
          double gain = 0;
          for (std::size_t p = 0; p < parties(); ++p)
            if (problem_.linear[p]) gain += weights[p] * (problem_.table(p, i, v) - problem_.table(p, i, current));
          for (const auto& ref : problem_.by_issue[i]) {
            const bool was_in = current >= ref.min && current <= ref.max;
            const bool now_in = v >= ref.min && v <= ref.max;
            if (was_in == now_in) continue;
            const std::uint32_t others = outside[ref.box] - (was_in ? 0 : 1);
            if (others != 0) continue;
            const Box& box = problem_.boxes[ref.box];
            gain += weights[box.party] * (now_in ? box.weight : -box.weight);
          }
          if (gain > best_gain) {
            best_gain = gain;
            best = v;
          }
        }
        if (best != current) {
          for (const auto& ref : problem_.by_issue[i]) {
            const bool was_in = current >= ref.min && current <= ref.max;
            const bool now_in = best >= ref.min && best <= ref.max;
            if (was_in && !now_in) ++outside[ref.box];
            if (!was_in && now_in) --outside[ref.box];
          }
          outcome[i] = best;
          improved = true;
        }
      }
    }
  }

  void seed() {
    const std::size_t n = problem_.issues;
    Rng rng(0x5eed);
    const int steps = parties() == 1 ? 1 : 20;
    std::vector<double> weights(parties());
    Outcome outcome(n);
    for (int s = 0; s <= steps; ++s) {
      // Weights: for two parties λ, 1-λ; for more, the corners and random mixtures.
      if (parties() == 2) {
        weights[0] = double(s) / steps;
        weights[1] = 1 - weights[0];
      } else {
        for (auto& w : weights) w = rng.uniform_real(0.01, 1);
        if (std::size_t(s) < parties())
          for (std::size_t p = 0; p < parties(); ++p) weights[p] = p == std::size_t(s) ? 1 : 1e-3;
      }
      for (int start = 0; start < 4; ++start) {
        for (std::size_t i = 0; i < n; ++i)
          outcome[i] = std::uint32_t(rng.uniform_below(problem_.radix[i]));
        ascend(outcome, weights);
        offer(outcome);
      }
    }
  }

  // ---- branch and bound -----------------------------------------------------------------

  void assign(std::size_t issue, std::uint32_t v) {
    value_[issue] = v;
    assigned_[issue] = 1;
    for (std::size_t p = 0; p < parties(); ++p)
      if (problem_.linear[p]) fixed_[p] += problem_.table(p, issue, v);
    for (const auto& ref : problem_.by_issue[issue]) {
      --remaining_[ref.box];
      open_excluded_[ref.box] -= ref.excluded;  // small integers: exact
      if (v < ref.min || v > ref.max) ++violated_[ref.box];
      if (remaining_[ref.box] == 0 && violated_[ref.box] == 0) {
        const Box& box = problem_.boxes[ref.box];
        fixed_[box.party] += box.weight;
      }
    }
  }

  void unassign(std::size_t issue) {
    const std::uint32_t v = value_[issue];
    for (const auto& ref : problem_.by_issue[issue]) {
      if (remaining_[ref.box] == 0 && violated_[ref.box] == 0) {
        const Box& box = problem_.boxes[ref.box];
        fixed_[box.party] -= box.weight;
      }
      ++remaining_[ref.box];
      open_excluded_[ref.box] += ref.excluded;
      if (v < ref.min || v > ref.max) --violated_[ref.box];
    }
    for (std::size_t p = 0; p < parties(); ++p)
      if (problem_.linear[p]) fixed_[p] -= problem_.table(p, issue, v);
    assigned_[issue] = 0;
  }

  bool open(std::size_t box) const { return violated_[box] == 0 && remaining_[box] > 0; }

  // Fills contribution_ (per party, issue and value), issue_max_, activity_, relevant_ and
  // separable_ for the unassigned issues, and the per-party optimistic utilities in `upper`.
  void bound(std::vector<double>& upper) {
    const std::size_t n = problem_.issues;
    separable_ = true;
    // Contributions are cleared (and later read) only for relevant issues; the others
    // contribute 0 to every party.
    auto make_relevant = [&](std::size_t i) {
      relevant_[i] = 1;
      for (std::size_t p = 0; p < parties(); ++p) std::fill_n(&contribution(p, i, 0), problem_.radix[i] + 1, 0.0);
    };
    for (std::size_t i = 0; i < n; ++i) {
      activity_[i] = 0;
      relevant_[i] = 0;
      if (!assigned_[i] && problem_.linear_on(i)) make_relevant(i);
    }
    for (std::size_t b = 0; b < problem_.boxes.size(); ++b) {
      if (!open(b)) continue;
      const Box& box = problem_.boxes[b];
      const bool spread = box.weight > 0 || remaining_[b] == 1;
      if (remaining_[b] > 1) separable_ = false;
      // Shares in proportion to how many values each bound excludes.
      const double scale = box.weight / open_excluded_[b];
      for (std::uint32_t k = 0; k < box.count; ++k) {
        const Bound& bd = problem_.bounds[box.first + k];
        if (assigned_[bd.issue]) continue;
        if (!relevant_[bd.issue]) make_relevant(bd.issue);
        activity_[bd.issue] += std::abs(box.weight);
        if (!spread) continue;
        const double share = scale * problem_.excluded[box.first + k];
        contribution(box.party, bd.issue, bd.min) += share;
        contribution(box.party, bd.issue, bd.max + 1) -= share;
      }
    }
    upper.assign(parties(), 0.0);
    for (std::size_t p = 0; p < parties(); ++p) {
      double total = fixed_[p];
      for (std::size_t i = 0; i < n; ++i) {
        issue_max_[p * n + i] = 0;
        if (!relevant_[i]) continue;
        double running = 0, best = -kInf;
        double* c = &contribution(p, i, 0);
        if (problem_.varies[p * n + i]) {
          const double* table = problem_.linear[p]->issue_table(i).data();
          for (std::uint32_t v = 0; v < problem_.radix[i]; ++v) {
            running += c[v];
            c[v] = running + table[v];
            best = std::max(best, c[v]);
          }
        } else {
          for (std::uint32_t v = 0; v < problem_.radix[i]; ++v) {
            running += c[v];
            c[v] = running;
            best = std::max(best, c[v]);
          }
        }
        issue_max_[p * n + i] = best;
        total += best;
      }
      upper[p] = total;
    }
  }

  // Two parties: the upper-right boundary of the convex hull of the optimistic region, as
  // vertices from (upper[0], ·) to (·, upper[1]) with x descending and y ascending.
  void hull_chain(std::vector<Vec2>& chain) {
    const std::size_t n = problem_.issues;
    edges_.clear();
    Vec2 start{fixed_[0], fixed_[1]};
    std::vector<Vec2>& points = hull_points_;
    for (std::size_t i = 0; i < n; ++i) {
      if (!relevant_[i]) continue;
      // Most issues have one value best for both parties: its point is the whole hull.
      std::uint32_t best_x = 0, best_y = 0;
      for (std::uint32_t v = 1; v < problem_.radix[i]; ++v) {
        const double x = contribution(0, i, v), y = contribution(1, i, v);
        const double bx = contribution(0, i, best_x), by = contribution(1, i, best_y);
        if (x > bx || (x == bx && y > contribution(1, i, best_x))) best_x = v;
        if (y > by || (y == by && x > contribution(0, i, best_y))) best_y = v;
      }
      if (contribution(0, i, best_x) == contribution(0, i, best_y) &&
          contribution(1, i, best_x) == contribution(1, i, best_y)) {
        start.x += contribution(0, i, best_x);
        start.y += contribution(1, i, best_x);
        continue;
      }
      points.clear();
      for (std::uint32_t v = 0; v < problem_.radix[i]; ++v)
        points.push_back({contribution(0, i, v), contribution(1, i, v)});
      std::sort(points.begin(), points.end(), [](Vec2 a, Vec2 b) { return a.x > b.x || (a.x == b.x && a.y > b.y); });
      // Staircase of maxima, then its concave (counter-clockwise) hull.
      std::size_t top = 0;
      for (std::size_t k = 0; k < points.size(); ++k) {
        if (top > 0 && points[k].y <= points[top - 1].y) continue;
        while (top >= 2) {
          const Vec2 a = points[top - 2], b = points[top - 1];
          if (cross({b.x - a.x, b.y - a.y}, {points[k].x - b.x, points[k].y - b.y}) > 0) break;
          --top;
        }
        points[top++] = points[k];
      }
      start.x += points[0].x;
      start.y += points[0].y;
      for (std::size_t k = 1; k < top; ++k)
        edges_.push_back({points[k].x - points[k - 1].x, points[k].y - points[k - 1].y});
    }
    std::sort(edges_.begin(), edges_.end(), [](Vec2 a, Vec2 b) { return cross(a, b) > 0; });
    chain.clear();
    chain.push_back(start);
    for (const Vec2& e : edges_) chain.push_back({chain.back().x + e.x, chain.back().y + e.y});
  }

  // Optimistic y of the region at x (non-increasing in x); -inf beyond the region.
  static double region_height(const std::vector<Vec2>& chain, double x) {
    if (x > chain.front().x) return -kInf;
    if (x <= chain.back().x) return chain.back().y;
    // chain x is descending: find the segment [k-1, k] with chain[k].x <= x <= chain[k-1].x
    std::size_t lo = 0, hi = chain.size() - 1;  // chain[lo].x >= x > chain[hi].x
    while (hi - lo > 1) {
      const std::size_t mid = (lo + hi) / 2;
      (chain[mid].x >= x ? lo : hi) = mid;
    }
    const Vec2 a = chain[lo], b = chain[hi];
    if (a.x == b.x) return std::max(a.y, b.y);
    return a.y + (b.y - a.y) * (a.x - x) / (a.x - b.x);
  }

  // True when some point of the region is not covered by the two-party frontier.
  bool region_open(const std::vector<Vec2>& chain) const {
    const auto& entries = archive2_.entries();
    // Uncovered points: x > a_{j-1} + tol and y > b_j + tol for some corner j, with
    // a_0 = -inf and b_{m+1} = -inf (entries sorted by x ascending).
    for (std::size_t j = 0; j <= entries.size(); ++j) {
      const double a = j == 0 ? -kInf : entries[j - 1].x + kTol;
      const double b = j == entries.size() ? -kInf : entries[j].y + kTol;
      if (a >= chain.front().x) return false;  // further corners lie further right
      if (region_height(chain, a) > b) return true;
    }
    return false;
  }

  // k != 2: the bounds B of the cuts λ·u <= B of the node's region, one per weight vector
  // of cut_weights_ (computed from the same per-issue split as the bound).
  void cut_bounds() {
    const std::size_t n = problem_.issues, k = parties();
    const std::size_t cuts = cut_weights_.size() / k;
    cut_bound_.assign(cuts, 0.0);
    for (std::size_t c = 0; c < cuts; ++c) {
      const double* lambda = &cut_weights_[c * k];
      double total = 0;
      for (std::size_t p = 0; p < k; ++p) total += lambda[p] * fixed_[p];
      for (std::size_t i = 0; i < n; ++i) {
        if (!relevant_[i]) continue;
        double best = -kInf;
        for (std::uint32_t v = 0; v < problem_.radix[i]; ++v) {
          double sum = 0;
          for (std::size_t p = 0; p < k; ++p)
            if (lambda[p] > 0) sum += lambda[p] * contribution(p, i, v);
          best = std::max(best, sum);
        }
        total += best;
      }
      cut_bound_[c] = total;
    }
  }

  // k != 2: true when some corner of the uncovered region lies strictly inside the node's
  // region {u <= upper_, λ·u <= B for every cut}: then uncovered points may lie in it.
  bool region_open_k() const {
    const std::size_t k = parties();
    const auto corners = archive_k_.corners();
    const std::size_t cuts = cut_bound_.size();
    for (std::size_t c = 0; c < archive_k_.corner_count(); ++c) {
      const double* corner = corners.data() + c * k;
      bool inside = true;
      for (std::size_t p = 0; p < k && inside; ++p) inside = corner[p] < upper_[p];
      for (std::size_t j = 0; j < cuts && inside; ++j) {
        double sum = 0;  // -inf components count only where λ > 0
        for (std::size_t p = 0; p < k; ++p)
          if (cut_weights_[j * k + p] > 0) sum += cut_weights_[j * k + p] * corner[p];
        inside = sum < cut_bound_[j];
      }
      if (inside) return true;
    }
    return false;
  }

  bool covered(const std::vector<double>& upper) const {
    return parties() == 2 ? archive2_.covers(upper[0], upper[1]) : archive_k_.covers(upper);
  }

  struct Child {
    std::uint32_t value;
    double score;
  };

  // Value classes of `issue` that survive dominance, best first, into `out`.
  void branch_values(std::size_t issue, std::vector<Child>& out) {
    const std::uint32_t r = problem_.radix[issue];
    touching_.clear();
    for (const auto& ref : problem_.by_issue[issue])
      if (open(ref.box)) touching_.push_back(ref);
    const std::size_t words = (touching_.size() + 63) / 64;
    // Membership bitsets per value, and masks of positive / negative boxes.
    member_.assign(std::size_t(r) * words, 0);
    positive_.assign(words, 0);
    negative_.assign(words, 0);
    for (std::size_t t = 0; t < touching_.size(); ++t) {
      const std::uint64_t bit = std::uint64_t(1) << (t % 64);
      (problem_.boxes[touching_[t].box].weight > 0 ? positive_ : negative_)[t / 64] |= bit;
      for (std::uint32_t v = touching_[t].min; v <= touching_[t].max; ++v) member_[v * words + t / 64] |= bit;
    }
    auto same = [&](std::uint32_t a, std::uint32_t b) {
      for (std::size_t w = 0; w < words; ++w)
        if (member_[a * words + w] != member_[b * words + w]) return false;
      for (std::size_t p = 0; p < parties(); ++p)
        if (problem_.linear[p] && problem_.table(p, issue, a) != problem_.table(p, issue, b)) return false;
      return true;
    };
    // b at least as good as a for every open box and table.
    auto dominates = [&](std::uint32_t b, std::uint32_t a) {
      for (std::size_t w = 0; w < words; ++w) {
        const std::uint64_t ma = member_[a * words + w], mb = member_[b * words + w];
        if ((ma & ~mb & positive_[w]) || (mb & ~ma & negative_[w])) return false;
      }
      for (std::size_t p = 0; p < parties(); ++p)
        if (problem_.linear[p] && problem_.table(p, issue, b) < problem_.table(p, issue, a)) return false;
      return true;
    };
    classes_.clear();
    for (std::uint32_t v = 0; v < r; ++v)
      if (std::none_of(classes_.begin(), classes_.end(), [&](std::uint32_t c) { return same(c, v); }))
        classes_.push_back(v);
    out.clear();
    const bool filter = classes_.size() <= 256;
    for (std::uint32_t c : classes_) {
      if (filter &&
          std::any_of(classes_.begin(), classes_.end(), [&](std::uint32_t d) { return d != c && dominates(d, c); }))
        continue;
      double score = 0;
      for (std::size_t p = 0; p < parties(); ++p) score += contribution(p, issue, c);
      out.push_back({c, score});
    }
    std::stable_sort(out.begin(), out.end(), [](const Child& a, const Child& b) { return a.score > b.score; });
  }

  // Indices into `points` (count × k, row-major) of the undominated points (exact
  // comparisons, so that merging many issues accumulates no tolerance; one of equal points).
  void undominated(const std::vector<double>& points, std::vector<std::uint32_t>& keep) {
    const std::size_t k = parties();
    const std::uint32_t count = std::uint32_t(points.size() / k);
    keep.clear();
    if (k == 2) {
      order_.resize(count);
      std::iota(order_.begin(), order_.end(), 0u);
      std::sort(order_.begin(), order_.end(), [&](std::uint32_t a, std::uint32_t b) {
        return points[2 * a] > points[2 * b] ||
               (points[2 * a] == points[2 * b] && points[2 * a + 1] > points[2 * b + 1]);
      });
      double best_y = -kInf;
      for (std::uint32_t a : order_)
        if (points[2 * a + 1] > best_y) {
          keep.push_back(a);
          best_y = points[2 * a + 1];
        }
      return;
    }
    auto at_least = [&](std::uint32_t a, std::uint32_t b) {  // a >= b everywhere
      for (std::size_t p = 0; p < k; ++p)
        if (points[a * k + p] < points[b * k + p]) return false;
      return true;
    };
    for (std::uint32_t a = 0; a < count; ++a) {
      bool dominated = false;
      for (std::uint32_t b = 0; b < count && !dominated; ++b)
        dominated = b != a && at_least(b, a) && (b < a || !at_least(a, b));  // ties: keep the first
      if (!dominated) keep.push_back(a);
    }
  }

  // Every open box has a single unassigned issue left (or none), so each completion's
  // utility is exactly fixed_ + Σ_issues contribution(·, issue, value): the subtree's frontier
  // is the frontier of a Minkowski sum, merged issue by issue (keeping only undominated
  // partial sums that may still reach an uncovered point).
  void solve_separable() {
    const std::size_t n = problem_.issues, k = parties();
    merge_issues_.clear();
    for (std::size_t i = 0; i < n; ++i)
      if (!assigned_[i] && relevant_[i]) merge_issues_.push_back(std::uint32_t(i));
    const std::size_t m = merge_issues_.size();
    // suffix_[t*k + p]: best party p can still add from merge issues t..m-1.
    suffix_.assign((m + 1) * k, 0.0);
    for (std::size_t t = m; t-- > 0;)
      for (std::size_t p = 0; p < k; ++p)
        suffix_[t * k + p] = suffix_[(t + 1) * k + p] + issue_max_[p * n + merge_issues_[t]];
    points_.assign(fixed_.begin(), fixed_.end());
    if (steps_.size() < m) steps_.resize(m);
    std::vector<double>& probe = scratch_probe_;
    probe.resize(k);
    for (std::size_t t = 0; t < m; ++t) {
      const std::uint32_t issue = merge_issues_[t];
      // The issue's undominated values.
      candidate_.clear();
      for (std::uint32_t v = 0; v < problem_.radix[issue]; ++v)
        for (std::size_t p = 0; p < k; ++p) candidate_.push_back(contribution(p, issue, v));
      undominated(candidate_, candidate_values_);
      const std::vector<std::uint32_t> values = candidate_values_;
      // All sums, then their undominated ones that the remaining issues could still lift
      // out of the covered region.
      const std::size_t count = points_.size() / k;
      next_points_.clear();
      next_parent_.clear();
      next_value_.clear();
      for (std::uint32_t s = 0; s < count; ++s)
        for (std::uint32_t v : values) {
          for (std::size_t p = 0; p < k; ++p) next_points_.push_back(points_[s * k + p] + contribution(p, issue, v));
          next_parent_.push_back(s);
          next_value_.push_back(v);
        }
      undominated(next_points_, candidate_values_);
      Step& step = steps_[t];
      step.parent.clear();
      step.value.clear();
      points_.clear();
      for (std::uint32_t a : candidate_values_) {
        for (std::size_t p = 0; p < k; ++p) probe[p] = next_points_[a * k + p] + suffix_[(t + 1) * k + p];
        if (covered(probe)) continue;
        for (std::size_t p = 0; p < k; ++p) points_.push_back(next_points_[a * k + p]);
        step.parent.push_back(next_parent_[a]);
        step.value.push_back(next_value_[a]);
      }
      if (points_.empty()) return;
    }
    const std::size_t count = points_.size() / k;
    for (std::uint32_t s = 0; s < count; ++s) {
      for (std::size_t i = 0; i < n; ++i) outcome_[i] = assigned_[i] ? value_[i] : 0;
      std::uint32_t at = s;
      for (std::size_t t = m; t-- > 0;) {
        outcome_[merge_issues_[t]] = steps_[t].value[at];
        at = steps_[t].parent[at];
      }
      offer(outcome_);
    }
  }

  void node(std::size_t depth) {
    if (nodes_ >= max_nodes_) {
      budget_reached_ = true;  // this subtree stays unexplored
      return;
    }
    ++nodes_;
    bound(upper_);
    if (covered(upper_)) return;
    if (parties() == 2) {
      hull_chain(chain_);
      if (!region_open(chain_)) return;
    } else {
      cut_bounds();
      if (!region_open_k()) return;
    }
    if (separable_) {
      solve_separable();
      return;
    }
    // Branch on the relevant unassigned issue with the most open weight.
    std::size_t issue = problem_.issues;
    double most = -1;
    for (std::size_t i = 0; i < problem_.issues; ++i) {
      if (assigned_[i] || !relevant_[i]) continue;
      double activity = activity_[i];
      if (problem_.linear_on(i))
        for (std::size_t p = 0; p < parties(); ++p)
          if (problem_.linear[p]) {
            const auto table = problem_.linear[p]->issue_table(i);
            activity += *std::max_element(table.begin(), table.end()) - *std::min_element(table.begin(), table.end());
          }
      if (activity > most) {
        most = activity;
        issue = i;
      }
    }
    std::vector<Child>& children = children_[depth];
    branch_values(issue, children);
    for (std::size_t k = 0; k < children.size(); ++k) {
      assign(issue, children[k].value);
      node(depth + 1);
      unassign(issue);
    }
  }

  std::span<const CompiledUtility> utilities_;
  Problem problem_;
  FrontierArchive2 archive2_;
  FrontierArchiveK archive_k_;
  std::uint64_t max_nodes_;
  std::uint64_t max_memory_;
  std::uint64_t nodes_ = 0;
  bool budget_reached_ = false;

  // search state
  std::vector<std::uint32_t> value_;
  std::vector<char> assigned_;
  std::vector<std::uint32_t> remaining_;  // per box: unassigned bounded issues
  std::vector<std::uint32_t> violated_;  // per box: assigned issues outside the bound
  std::vector<double> open_excluded_;  // per box: values excluded by its unassigned bounds
  std::vector<double> fixed_;  // per party: utility already guaranteed

  // per-node scratch
  std::vector<std::size_t> offset_;  // per issue, into a party's slice of contribution_
  std::vector<double> contribution_;
  std::vector<double> upper_;
  std::vector<double> cut_weights_, cut_bound_;  // k != 2: cuts, k weights each, and their bounds
  std::vector<double> issue_max_;  // per party and issue: max over values of contribution_
  bool separable_ = false;  // every open box has one unassigned issue left
  // separable solve
  std::vector<std::uint32_t> merge_issues_;
  std::vector<double> suffix_, points_, next_points_, candidate_;
  std::vector<std::uint32_t> candidate_values_, order_;
  struct Step {
    std::vector<std::uint32_t> parent, value;
  };
  std::vector<Step> steps_;
  std::vector<std::uint32_t> next_parent_, next_value_;
  std::vector<double> activity_;
  std::vector<char> relevant_;
  std::vector<Vec2> edges_, hull_points_, chain_;
  std::vector<std::vector<Child>> children_;  // per depth
  std::vector<IssueRef> touching_;
  std::vector<std::uint64_t> member_, positive_, negative_;
  std::vector<std::uint32_t> classes_;
  Outcome outcome_;
  std::vector<double> scratch_utilities_, scratch_probe_;
};

}  // namespace

RectangleFrontier rectangle_frontier(std::span<const CompiledUtility> parties, const OutcomeSpace& space,
                                     std::uint64_t max_nodes, std::uint64_t max_memory_bytes) {
  if (parties.empty()) return {};
  return Search(parties, space, max_nodes, max_memory_bytes).run();
}

}  // namespace parley::detail
