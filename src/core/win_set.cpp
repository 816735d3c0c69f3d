// win_set(): Putnam's (1988) win-sets of a stage, counted (win_set.hpp says how) and located
// on the analysis's Pareto frontier.

#include "parley/core/win_set.hpp"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>

#include "solution_rules.hpp"
#include "win_set_count.hpp"

namespace parley {
namespace detail {
namespace {

// Margin of the issue-by-issue count's pruning and early completion: a sum of issue terms
// differs from its exact value by ~1e-16 per term, so 1e-9 only ever postpones a decision to
// the exact comparison at the last issue.
constexpr double kMargin = 1e-9;
// Utilities the issue-by-issue count may store (256 MB), whatever max_states says: many
// parties make each vector long.
constexpr std::uint64_t kMaxStoredUtilities = std::uint64_t{1} << 25;

// How many parties accept an outcome, from which every count follows: the win-set (none
// rejects), the table's (no table party rejects), each party alone, and the win-set without
// party i's consent (none rejects, or i is the only one).
struct Tally {
  explicit Tally(std::size_t parties) : acceptance(parties, 0), only_rejecter(parties, 0) {}
  std::uint64_t size = 0, table = 0, total = 0;
  std::vector<std::uint64_t> acceptance, only_rejecter;
};

// Rectangle utilities through per-issue bitsets: bit r of mask(k, v) says whether value v of
// issue k lies within rectangle r's bounds on issue k (set when r does not bound k), so r
// contains an outcome iff its bit survives the AND over the issues: one AND per issue and
// 64 rectangles instead of a walk over every rectangle's bounds. Satisfied utilities are
// added in rectangle order, as CompiledUtility::operator() adds them: the same doubles.
class RectangleUtility {
 public:
  // Masks beyond this many words (128 MB) are not built; operator() is used instead.
  static constexpr std::uint64_t kMaxWords = std::uint64_t{1} << 24;

  RectangleUtility(const CompiledUtility& party, const OutcomeSpace& space)
      : party_(party), rectangles_(party.rectangles()), words_((rectangles_.size() + 63) / 64) {
    std::uint64_t values = 0;
    for (std::size_t k = 0; k < space.issue_count(); ++k) {
      offsets_.push_back(values);
      values += space.radix(k);
    }
    if (values * words_ > kMaxWords) return;
    masks_.assign(values * words_, ~std::uint64_t{0});
    for (std::size_t r = 0; r < rectangles_.size(); ++r)
      for (const auto& bound : rectangles_[r].bounds)
        for (std::uint32_t v = 0; v < space.radix(bound.position); ++v)
          if (v < bound.min || v > bound.max)
            masks_[(offsets_[bound.position] + v) * words_ + r / 64] &= ~(std::uint64_t{1} << (r % 64));
    inside_.resize(words_);
    exclusive_.assign(words_, 0);
    used_.assign(words_, 0);
    for (std::size_t r = 0; r < rectangles_.size(); ++r) {
      used_[r / 64] |= std::uint64_t{1} << (r % 64);
      if (rectangles_[r].exclusive) exclusive_[r / 64] |= std::uint64_t{1} << (r % 64);
    }
  }

  double operator()(std::span<const std::uint32_t> outcome) {
    if (masks_.empty() && !rectangles_.empty()) return party_(outcome);
    std::fill(inside_.begin(), inside_.end(), ~std::uint64_t{0});
    for (std::size_t k = 0; k < outcome.size(); ++k) {
      const std::uint64_t* mask = masks_.data() + (offsets_[k] + outcome[k]) * words_;
      for (std::size_t w = 0; w < words_; ++w) inside_[w] &= mask[w];
    }
    // Satisfied: inside an inclusive rectangle or outside an exclusive one. Set bits are
    // visited in increasing order, so the sum runs in rectangle order.
    double utility = 0;
    for (std::size_t w = 0; w < words_; ++w) {
      std::uint64_t satisfied = (inside_[w] ^ exclusive_[w]) & used_[w];
      while (satisfied != 0) {
        utility += rectangles_[w * 64 + std::size_t(std::countr_zero(satisfied))].utility;
        satisfied &= satisfied - 1;
      }
    }
    // Without a binding cap the positive utilities add up to below 1: min(1, ·) is a no-op.
    return party_.cap_can_bind() ? std::min(1.0, utility) : utility;
  }

 private:
  const CompiledUtility& party_;
  const std::vector<CompiledUtility::Rectangle>& rectangles_;
  std::size_t words_;
  std::vector<std::uint64_t> offsets_, masks_, inside_;
  std::vector<std::uint64_t> exclusive_, used_;  // bit r: rectangle r is exclusive; exists
};

// Each party's utility of one outcome at a time, as CompiledUtility::operator() computes it.
class Evaluator {
 public:
  Evaluator(std::span<const CompiledUtility> parties, const OutcomeSpace& space) : parties_(parties) {
    for (const CompiledUtility& party : parties) {
      if (party.rectangles().empty())
        rectangles_.emplace_back();
      else
        rectangles_.emplace_back(std::in_place, party, space);
    }
  }
  double operator()(std::size_t j, std::span<const std::uint32_t> outcome) {
    if (rectangles_[j]) return (*rectangles_[j])(outcome);
    return parties_[j](outcome);
  }

 private:
  std::span<const CompiledUtility> parties_;
  std::vector<std::optional<RectangleUtility>> rectangles_;
};

// Scores outcomes one at a time into a tally. `utilities` holds each party's utility.
class Scorer {
 public:
  Scorer(std::span<const CompiledUtility> parties, const std::vector<bool>& ratifier, Tally& tally)
      : ratifier_(ratifier), tally_(tally) {
    for (const CompiledUtility& party : parties) reservation_.push_back(party.reservation_value());
  }
  void add(std::span<const double> utilities) {
    std::size_t rejecting = 0, table_rejecting = 0, rejecter = 0;
    for (std::size_t j = 0; j < utilities.size(); ++j) {
      // The ratification vote's rule (stage_runner.cpp): exact, no tolerance.
      if (utilities[j] >= reservation_[j]) {
        ++tally_.acceptance[j];
      } else {
        ++rejecting;
        rejecter = j;
        if (!ratifier_[j]) ++table_rejecting;
      }
    }
    ++tally_.total;
    if (rejecting == 0) ++tally_.size;
    if (table_rejecting == 0) ++tally_.table;
    if (rejecting == 1) ++tally_.only_rejecter[rejecter];
  }

 private:
  const std::vector<bool>& ratifier_;
  Tally& tally_;
  std::vector<double> reservation_;
};

// Every outcome, in mixed-radix order: partial sums over the leading issues are kept per
// party and updated as an odometer turns, so each outcome costs one addition per party
// (rectangle utilities are evaluated whole). Sums run in operator()'s order.
void enumerate_into(std::span<const CompiledUtility> parties, const OutcomeSpace& space, Scorer& scorer) {
  const std::size_t k = parties.size(), n = space.issue_count();
  std::vector<double> utilities(k);
  Outcome outcome(n, 0);
  Evaluator evaluate(parties, space);
  const auto score = [&](std::span<const double> prefix) {
    for (std::size_t j = 0; j < k; ++j) {
      const CompiledUtility& party = parties[j];
      if (!party.rectangles().empty())
        utilities[j] = evaluate(j, outcome);
      else
        utilities[j] = party.cap_can_bind() ? std::min(1.0, prefix[j]) : prefix[j];
    }
    scorer.add(utilities);
  };
  if (n == 0) {
    const std::vector<double> zero(k, 0.0);
    score(zero);
    return;
  }
  // prefix[l * k + j]: party j's sum over issues 0..l-1 of the current outcome.
  std::vector<double> prefix((n + 1) * k, 0.0);
  const auto refresh = [&](std::size_t from) {
    for (std::size_t l = from; l < n; ++l)
      for (std::size_t j = 0; j < k; ++j) {
        const CompiledUtility& party = parties[j];
        const double term = party.rectangles().empty() ? party.issue_table(l)[outcome[l]] : 0.0;
        prefix[(l + 1) * k + j] = prefix[l * k + j] + term;
      }
  };
  refresh(0);
  while (true) {
    score(std::span<const double>(prefix).subspan(n * k, k));
    // Turn the odometer: the last issue fastest.
    std::size_t l = n;
    while (l-- > 0) {
      if (++outcome[l] < space.radix(l)) break;
      outcome[l] = 0;
    }
    if (l == std::size_t(-1)) return;
    refresh(l);
  }
}

OutcomeCount exact_count(double count, double space_size) {
  return {count, space_size > 0 ? count / space_size : 0, true, 0};
}

WinSetCounts counts_from(const Tally& tally, double space_size, bool sampled) {
  const auto make = [&](std::uint64_t hits) {
    if (!sampled) return exact_count(double(hits), space_size);
    const double n = double(tally.total), share = double(hits) / n;
    return OutcomeCount{share * space_size, share, false, std::sqrt(share * (1 - share) / n)};
  };
  WinSetCounts counts;
  counts.size = make(tally.size);
  counts.table = make(tally.table);
  for (std::size_t j = 0; j < tally.acceptance.size(); ++j) {
    counts.acceptance.push_back(make(tally.acceptance[j]));
    counts.without.push_back(make(tally.size + tally.only_rejecter[j]));
  }
  return counts;
}

WinSetCounts enumerated_counts(std::span<const CompiledUtility> parties, const std::vector<bool>& ratifier,
                               const OutcomeSpace& space) {
  Tally tally(parties.size());
  Scorer scorer(parties, ratifier, tally);
  enumerate_into(parties, space, scorer);
  return counts_from(tally, double(space.size()), false);
}

WinSetCounts sampled_counts(std::span<const CompiledUtility> parties, const std::vector<bool>& ratifier,
                            const OutcomeSpace& space, const WinSetOptions& options) {
  Tally tally(parties.size());
  Scorer scorer(parties, ratifier, tally);
  Rng rng(options.seed);
  std::vector<double> utilities(parties.size());
  Evaluator evaluate(parties, space);
  Outcome outcome(space.issue_count());
  const std::uint64_t samples = std::max<std::uint64_t>(1, options.samples);
  for (std::uint64_t s = 0; s < samples; ++s) {
    // OutcomeSpace::sample's draws, into one outcome reused.
    for (std::size_t l = 0; l < outcome.size(); ++l) outcome[l] = static_cast<std::uint32_t>(rng.uniform_below(space.radix(l)));
    for (std::size_t j = 0; j < parties.size(); ++j) utilities[j] = evaluate(j, outcome);
    scorer.add(utilities);
  }
  return counts_from(tally, space.cardinality().to_double(), true);
}

// Distinct partial utility vectors (one utility per counted party) with how many prefixes
// reach each: an open-addressing hash table over a flat array of vectors.
class PartialVectors {
 public:
  explicit PartialVectors(std::size_t width) : width_(width) { slots_.assign(64, kEmpty); }
  std::size_t size() const { return weights_.size(); }
  const double* vector(std::size_t i) const { return keys_.data() + i * width_; }
  double weight(std::size_t i) const { return weights_[i]; }
  void add(const double* key, double weight) {
    if ((weights_.size() + 1) * 2 > slots_.size()) grow();
    std::size_t slot = hash(key) & (slots_.size() - 1);
    while (slots_[slot] != kEmpty) {
      const std::uint32_t i = slots_[slot];
      if (std::equal(key, key + width_, vector(i))) {
        weights_[i] += weight;
        return;
      }
      slot = (slot + 1) & (slots_.size() - 1);
    }
    slots_[slot] = static_cast<std::uint32_t>(weights_.size());
    keys_.insert(keys_.end(), key, key + width_);
    weights_.push_back(weight);
  }

 private:
  static constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();
  std::uint64_t hash(const double* key) const {
    std::uint64_t h = width_;
    for (std::size_t j = 0; j < width_; ++j) {
      std::uint64_t bits = 0;
      const double x = key[j] == 0 ? 0.0 : key[j];  // -0 and +0 are one utility
      std::memcpy(&bits, &x, sizeof bits);
      h = splitmix64(h ^ bits);
    }
    return h;
  }
  void grow() {
    std::vector<std::uint32_t> slots(slots_.size() * 2, kEmpty);
    for (std::uint32_t i = 0; i < weights_.size(); ++i) {
      std::size_t slot = hash(vector(i)) & (slots.size() - 1);
      while (slots[slot] != kEmpty) slot = (slot + 1) & (slots.size() - 1);
      slots[slot] = i;
    }
    slots_.swap(slots);
  }
  std::size_t width_;
  std::vector<double> keys_, weights_;
  std::vector<std::uint32_t> slots_;
};

}  // namespace

std::optional<double> count_accepting(std::span<const CompiledUtility> parties, std::span<const std::size_t> subset,
                                      const OutcomeSpace& space, std::uint64_t max_states) {
  const std::size_t m = subset.size(), n = space.issue_count();
  // Suffix products of the radices: the outcomes completing a prefix of l issues.
  std::vector<double> completions(n + 1, 1.0);
  for (std::size_t l = n; l-- > 0;) completions[l] = completions[l + 1] * space.radix(l);
  if (m == 0) return completions[0];
  std::vector<double> reservation(m);
  for (std::size_t j = 0; j < m; ++j) {
    const CompiledUtility& party = parties[subset[j]];
    assert(party.rectangles().empty());
    reservation[j] = party.reservation_value();
    // min(1, u) >= d iff u >= d for d <= 1; above 1 a capped party accepts nothing.
    if (party.cap_can_bind() && reservation[j] > 1) return 0.0;
  }
  // least[l * m + j], most[...]: party j's smallest and largest sum over issues l..n-1.
  std::vector<double> least((n + 1) * m, 0.0), most((n + 1) * m, 0.0);
  for (std::size_t l = n; l-- > 0;)
    for (std::size_t j = 0; j < m; ++j) {
      const auto table = parties[subset[j]].issue_table(l);
      least[l * m + j] = least[(l + 1) * m + j] + *std::min_element(table.begin(), table.end());
      most[l * m + j] = most[(l + 1) * m + j] + *std::max_element(table.begin(), table.end());
    }
  if (n == 0) {
    for (std::size_t j = 0; j < m; ++j)
      if (!(0.0 >= reservation[j])) return 0.0;
    return 1.0;
  }
  const std::uint64_t state_limit = std::min<std::uint64_t>(max_states, kMaxStoredUtilities / m);

  double accepted = 0;
  PartialVectors states(m);
  const std::vector<double> origin(m, 0.0);
  states.add(origin.data(), 1.0);
  std::vector<double> terms, next(m);  // this issue's distinct term vectors, row-major
  std::vector<double> term_weights;
  std::vector<std::uint32_t> order;
  for (std::size_t l = 0; l < n; ++l) {
    // Values with the same terms for every counted party are one move, with a multiplicity.
    const std::uint32_t radix = space.radix(l);
    order.resize(radix);
    std::iota(order.begin(), order.end(), 0u);
    const auto term = [&](std::uint32_t v, std::size_t j) { return parties[subset[j]].issue_table(l)[v]; };
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      for (std::size_t j = 0; j < m; ++j)
        if (term(a, j) != term(b, j)) return term(a, j) < term(b, j);
      return false;
    });
    terms.clear();
    term_weights.clear();
    for (std::size_t i = 0; i < radix; ++i) {
      const bool same = i > 0 && [&] {
        for (std::size_t j = 0; j < m; ++j)
          if (term(order[i], j) != term(order[i - 1], j)) return false;
        return true;
      }();
      if (same) {
        term_weights.back() += 1;
        continue;
      }
      for (std::size_t j = 0; j < m; ++j) terms.push_back(term(order[i], j));
      term_weights.push_back(1);
    }

    const bool last = l + 1 == n;
    const double* rest_least = least.data() + (l + 1) * m;
    const double* rest_most = most.data() + (l + 1) * m;
    PartialVectors kept(m);
    for (std::size_t s = 0; s < states.size(); ++s) {
      const double* partial = states.vector(s);
      for (std::size_t t = 0; t < term_weights.size(); ++t) {
        const double weight = states.weight(s) * term_weights[t];
        bool dead = false, sure = true;
        for (std::size_t j = 0; j < m; ++j) {
          next[j] = partial[j] + terms[t * m + j];  // operator()'s order: left to right
          if (last) {
            dead = dead || !(next[j] >= reservation[j]);
          } else {
            dead = dead || next[j] + rest_most[j] < reservation[j] - kMargin;
            sure = sure && next[j] + rest_least[j] >= reservation[j] + kMargin;
          }
        }
        if (dead) continue;
        if (last || sure) {
          accepted += weight * completions[l + 1];
          continue;
        }
        kept.add(next.data(), weight);
        if (kept.size() > state_limit) return std::nullopt;
      }
    }
    states = std::move(kept);
  }
  return accepted;
}

WinSetCounts win_set_counts(std::span<const CompiledUtility> parties, const std::vector<bool>& ratifier,
                            const OutcomeSpace& space, const WinSetOptions& options, CountMethod method) {
  assert(!parties.empty() && parties.size() == ratifier.size());
  const bool additive =
      std::all_of(parties.begin(), parties.end(), [](const CompiledUtility& u) { return u.rectangles().empty(); });
  if (method == CountMethod::automatic) {
    // Rectangles cost a full evaluation per outcome: enumerate them only where that scores no
    // more outcomes than the sample would.
    if (space.enumerable() && (additive || space.size() <= options.samples))
      method = CountMethod::enumerate;
    else
      method = additive ? CountMethod::issue_by_issue : CountMethod::sample;
  }
  if (method == CountMethod::enumerate) return enumerated_counts(parties, ratifier, space);
  if (method == CountMethod::sample) return sampled_counts(parties, ratifier, space, options);

  // Issue by issue: one count per set of parties whose consent it needs; the same set asked
  // twice (one party; no ratifiers) is counted once.
  const std::size_t k = parties.size();
  const double space_size = space.cardinality().to_double();
  std::vector<std::pair<std::vector<std::size_t>, double>> done;
  const auto count = [&](std::vector<std::size_t> subset) -> std::optional<OutcomeCount> {
    for (const auto& [seen, value] : done)
      if (seen == subset) return exact_count(value, space_size);
    const std::optional<double> value = count_accepting(parties, subset, space, options.max_states);
    if (!value) return std::nullopt;
    done.emplace_back(std::move(subset), *value);
    return exact_count(*value, space_size);
  };
  std::vector<std::size_t> all(k), table;
  std::iota(all.begin(), all.end(), std::size_t{0});
  for (std::size_t j = 0; j < k; ++j)
    if (!ratifier[j]) table.push_back(j);
  WinSetCounts counts;
  const auto fail = [&] { return sampled_counts(parties, ratifier, space, options); };
  const auto size = count(all);
  if (!size) return fail();
  counts.size = *size;
  const auto table_size = count(table);
  if (!table_size) return fail();
  counts.table = *table_size;
  for (std::size_t j = 0; j < k; ++j) {
    const auto alone = count({j});
    std::vector<std::size_t> others;
    for (std::size_t i = 0; i < k; ++i)
      if (i != j) others.push_back(i);
    const auto without = count(others);
    if (!alone || !without) return fail();
    counts.acceptance.push_back(*alone);
    counts.without.push_back(*without);
  }
  return counts;
}

}  // namespace detail

namespace {

constexpr double kTolerance = detail::kSolutionTolerance;

using detail::best_of;

// Every party but `except` (none: every party) accepts.
bool accepted(const std::vector<double>& u, const std::vector<double>& d, std::size_t except = std::size_t(-1)) {
  for (std::size_t i = 0; i < u.size(); ++i)
    if (i != except && !(u[i] >= d[i])) return false;
  return true;
}

void locate_points(const Analysis& analysis, const std::vector<double>& d, WinSet& result) {
  const std::vector<ScoredOutcome>& frontier = analysis.pareto;
  const std::size_t k = d.size();
  for (std::size_t i = 0; i < k; ++i)
    result.best.push_back(best_of(frontier, [&](const std::vector<double>& u) -> std::optional<double> {
      if (!accepted(u, d)) return std::nullopt;
      return u[i];
    }));
  result.nash = best_of(frontier, [&](const std::vector<double>& u) -> std::optional<double> {
    double product = 1;
    for (std::size_t i = 0; i < k; ++i) {
      if (!(u[i] > d[i] + kTolerance)) return std::nullopt;
      product *= u[i] - d[i];
    }
    return product;
  });
  result.utilitarian = best_of(frontier, [&](const std::vector<double>& u) -> std::optional<double> {
    if (!accepted(u, d)) return std::nullopt;
    return std::accumulate(u.begin(), u.end(), 0.0);
  });
  if (!result.best.front()) return;
  result.kalai_smorodinsky = best_of(frontier, [&](const std::vector<double>& u) -> std::optional<double> {
    if (!accepted(u, d)) return std::nullopt;
    double least = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < k; ++i) {
      const double best = result.best[i]->utilities[i];
      // best_i == d_i: every accepted point gives i its best, a full share.
      least = std::min(least, best - d[i] > kTolerance ? (u[i] - d[i]) / (best - d[i]) : 1.0);
    }
    return least;
  });
}

// A ratifier vetoing alone: its best outcome among those the others accept is on the frontier
// (the frontier point dominating such an outcome is accepted by the others too and gives the
// ratifier at least as much), and falls short of its reservation value there.
void find_blockers(std::span<const CompiledUtility> parties, const Analysis& analysis, const std::vector<double>& d,
                   WinSet& result) {
  for (std::size_t r = 0; r < parties.size(); ++r) {
    if (!result.ratifier[r] || result.without[r].empty()) continue;
    auto best = best_of(analysis.pareto, [&](const std::vector<double>& u) -> std::optional<double> {
      if (!accepted(u, d, r)) return std::nullopt;
      return u[r];
    });
    if (!best || best->utilities[r] >= d[r]) continue;  // a sampled size missed the win-set
    WinSetBlocker blocker;
    blocker.party = r;
    const CompiledUtility& party = parties[r];
    if (party.rectangles().empty()) {
      std::vector<std::pair<double, std::size_t>> losses;
      for (std::size_t l = 0; l < best->outcome.size(); ++l) {
        const auto table = party.issue_table(l);
        const double loss = *std::max_element(table.begin(), table.end()) - table[best->outcome[l]];
        if (loss > 1e-12) losses.emplace_back(-loss, l);  // largest first, then issue order
      }
      std::sort(losses.begin(), losses.end());
      for (const auto& [loss, l] : losses) {
        blocker.issues.push_back(l);
        blocker.losses.push_back(-loss);
      }
    }
    blocker.best_for_it = std::move(*best);
    result.blockers.push_back(std::move(blocker));
  }
}

// An estimate below the frontier points known to be inside (none of the draws fell in a set
// too rare to sample, say) is raised to them: a lower bound, so a rare set is never called
// empty while the frontier shows outcomes in it.
void floor_with_frontier(const Analysis& analysis, const std::vector<double>& d, double space_size, WinSet& w) {
  const std::size_t k = d.size();
  std::size_t size = 0, table = 0;
  std::vector<std::size_t> alone(k, 0), without(k, 0);
  for (const ScoredOutcome& point : analysis.pareto) {
    std::size_t rejecting = 0, rejecter = 0;
    bool table_accepts = true;
    for (std::size_t j = 0; j < k; ++j) {
      if (point.utilities[j] >= d[j]) {
        ++alone[j];
        continue;
      }
      ++rejecting;
      rejecter = j;
      table_accepts = table_accepts && w.ratifier[j];
    }
    size += rejecting == 0;
    table += table_accepts;
    if (rejecting == 0)
      for (std::size_t& count : without) ++count;
    if (rejecting == 1) ++without[rejecter];
  }
  const auto floor = [&](OutcomeCount& count, std::size_t known) {
    if (count.exact || count.count >= double(known)) return;
    count.count = double(known);
    count.share = space_size > 0 ? double(known) / space_size : 0;
  };
  floor(w.size, size);
  floor(w.table, table);
  for (std::size_t j = 0; j < k; ++j) {
    floor(w.acceptance[j], alone[j]);
    floor(w.without[j], without[j]);
  }
}

}  // namespace

WinSet win_set(std::span<const CompiledUtility> parties, const std::vector<bool>& ratifier, const OutcomeSpace& space,
               const Analysis& analysis, const WinSetOptions& options) {
  assert(!parties.empty() && parties.size() == ratifier.size());
  WinSet result;
  result.ratifier = ratifier;
  detail::WinSetCounts counts = detail::win_set_counts(parties, ratifier, space, options);
  result.size = counts.size;
  result.table = counts.table;
  result.acceptance = std::move(counts.acceptance);
  result.without = std::move(counts.without);
  std::vector<double> d;
  for (const CompiledUtility& party : parties) d.push_back(party.reservation_value());
  if (!result.size.exact) floor_with_frontier(analysis, d, space.cardinality().to_double(), result);
  locate_points(analysis, d, result);
  if (result.size.empty() && !result.table.empty() && !result.best.front()) find_blockers(parties, analysis, d, result);
  return result;
}

std::vector<bool> stage_ratifiers(const Scenario& scenario, std::size_t stage_index,
                                  const std::vector<std::size_t>& parties) {
  const Stage& stage = scenario.stages.at(stage_index);
  std::vector<bool> ratifier;
  for (const std::size_t p : parties) {
    const bool ratifies = std::find(stage.ratify.begin(), stage.ratify.end(), p) != stage.ratify.end();
    bool seated = !stage.channel.has_value();
    if (stage.channel) {
      const auto& members = scenario.channels.at(*stage.channel).members;
      seated = std::find(members.begin(), members.end(), p) != members.end();
    }
    ratifier.push_back(ratifies && !seated);
  }
  return ratifier;
}

}  // namespace parley
