// Tournaments (tournament.hpp). Scores: ANAC (Baarslag et al. 2013); confidence intervals:
// Student's t for means, Wilson (1927) score interval for rates.
#include "parley/run/tournament.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <thread>

#include "parley/core/error.hpp"
#include "parley/core/random.hpp"
#include "parley/core/scenario.hpp"
#include "parley/core/scenario_hash.hpp"
#include "parley/run/executor.hpp"

namespace parley {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// S^P, or 0 when it passes kMaxTournamentRuns.
std::uint64_t power_capped(std::uint64_t base, std::size_t exponent) {
  std::uint64_t result = 1;
  for (std::size_t i = 0; i < exponent; ++i) {
    if (result > kMaxTournamentRuns / base) return 0;
    result *= base;
  }
  return result;
}

// Two-sided 95% quantile of Student's t with `df` degrees of freedom (df >= 1), from the
// standard table; beyond 30 degrees of freedom the normal quantile is within 2%.
double t_quantile_95(std::uint64_t df) {
  static constexpr std::array<double, 30> table = {
      12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
      2.120,  2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
  if (df <= table.size()) return table[df - 1];
  if (df <= 60) return 2.000;
  if (df <= 120) return 1.980;
  return 1.960;
}

}  // namespace

Estimate mean_estimate(std::span<const double> values) {
  Estimate e;
  e.n = values.size();
  if (e.n == 0) return {kNaN, kNaN, kNaN, 0};
  double sum = 0;
  for (double v : values) sum += v;
  e.mean = sum / double(e.n);
  if (e.n == 1) {
    e.low = e.high = kNaN;
    return e;
  }
  double squares = 0;
  for (double v : values) squares += (v - e.mean) * (v - e.mean);
  const double half = t_quantile_95(e.n - 1) * std::sqrt(squares / double(e.n - 1) / double(e.n));
  e.low = e.mean - half;
  e.high = e.mean + half;
  return e;
}

Estimate rate_estimate(std::uint64_t successes, std::uint64_t trials) {
  if (trials == 0) return {kNaN, kNaN, kNaN, 0};
  const double n = double(trials), p = double(successes) / n, z = 1.959964;
  const double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
  const double half = z / (1 + z * z / n) * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n));
  return {p, std::max(0.0, centre - half), std::min(1.0, centre + half), trials};
}

Tournament::Tournament(std::vector<TournamentTable> tables, TournamentOptions options, std::size_t threads)
    : options_(std::move(options)) {
  if (options_.strategies.empty()) throw field_error("strategies", "a tournament needs at least one strategy");
  if (options_.repetitions == 0) throw field_error("repetitions", "repetitions must be at least 1");
  if (options_.rounds < 1 || options_.rounds > kMaxDeadlineRounds)
    throw field_error("deadline", fmt::format("the deadline must be 1..{} rounds, not {}", kMaxDeadlineRounds,
                                              options_.rounds));
  if (tables.empty()) throw field_error("domains", "a tournament needs at least one domain");
  protocol_ = make_protocol(options_.protocol, options_.protocol_settings);
  for (std::size_t i = 0; i < options_.strategies.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (options_.strategies[i].text() == options_.strategies[j].text())
        throw field_error("strategy", fmt::format("strategy {} is listed twice", options_.strategies[i].text()));
  // Validate every strategy once (unknown keys, bad values) before any run makes one.
  for (const StrategySpec& spec : options_.strategies) (void)make_negotiator(spec, 0);

  domains_.resize(tables.size());
  const std::uint64_t strategies = options_.strategies.size();
  for (std::size_t d = 0; d < tables.size(); ++d) {
    const TournamentTable& table = tables[d];
    const Scenario& scenario = *table.scenario;
    const Stage& stage = scenario.stages.at(table.stage);
    TournamentDomain& domain = domains_[d];
    domain.name = table.name;
    domain.hash = scenario_hash(scenario) + ":" + stage.id;
    std::vector<std::size_t> issues = stage.issues;
    std::sort(issues.begin(), issues.end());
    auto compiled = std::make_shared<CompiledScenario>(table.scenario, options_.max_memory_bytes);
    domain.compiled = compiled->stage(table.stage, issues, {});
    for (std::size_t actor : domain.compiled->parties()) domain.parties.push_back(scenario.actors[actor].id);
    const std::size_t seats = domain.parties.size();
    if (seats < 2 || seats > kMaxTournamentParties)
      throw field_error("domains", fmt::format("domain {} seats {} part{} at the table; a tournament needs 2 to {}",
                                               domain.name, seats, seats == 1 ? "y" : "ies", kMaxTournamentParties));
    if (options_.protocol == "alternating" && seats != 2)
      throw field_error("protocol", fmt::format("protocol alternating is bilateral, but domain {} seats {} parties",
                                                domain.name, seats));
    const std::uint64_t assignments = power_capped(strategies, seats);
    if (assignments == 0 || assignments > kMaxTournamentRuns / options_.repetitions ||
        run_count_ > kMaxTournamentRuns - assignments * options_.repetitions)
      throw Error(ErrorKind::too_large,
                  fmt::format("the tournament would plan more than {} runs (domain {}: {} strategies over {} seats, "
                              "{} repetitions); use fewer strategies or repetitions",
                              kMaxTournamentRuns, domain.name, strategies, seats, options_.repetitions),
                  Location{"", 0, 0, "strategies", false});
    domain.first_run = run_count_;
    domain.runs = assignments * options_.repetitions;
    run_count_ += domain.runs;
  }

  // Tables, sorted offers and the analysis, once per domain, several domains at a time.
  parallel_for_each(domains_.size(), threads, [&](std::size_t d) {
    const CompiledStage& stage = *domains_[d].compiled;
    (void)stage.domain();
    domains_[d].outcomes = stage.space().size();
    if (stage.consent() == stage.parties()) {
      domains_[d].analysis = stage.analysis();
    } else {
      std::vector<CompiledUtility> seats;
      for (std::size_t actor : stage.parties()) seats.push_back(stage.utility_of(actor));
      AnalysisOptions analysis_options;
      analysis_options.max_memory_bytes = options_.max_memory_bytes;
      domains_[d].analysis = std::make_shared<const Analysis>(analyze(seats, stage.space(), analysis_options));
    }
  });
}

std::size_t Tournament::move_capacity() const {
  std::size_t seats = 0;
  for (const TournamentDomain& d : domains_) seats = std::max(seats, d.parties.size());
  return static_cast<std::size_t>(options_.rounds) * seats;
}

std::size_t Tournament::record_width() const {
  namespace f = tournament_record;
  return f::base_width + (options_.record_offers ? 1 + f::move_width * move_capacity() : 0);
}

std::vector<std::size_t> Tournament::seat_strategies(std::uint64_t assignment, std::size_t parties) const {
  std::vector<std::size_t> seats(parties);
  const std::uint64_t s = options_.strategies.size();
  for (std::size_t p = parties; p-- > 0;) {
    seats[p] = static_cast<std::size_t>(assignment % s);
    assignment /= s;
  }
  return seats;
}

void Tournament::run(std::uint64_t run, std::span<double> record) const {
  namespace f = tournament_record;
  if (run >= run_count_ || record.size() != record_width()) throw std::invalid_argument("Tournament::run: bad run or record");
  const auto it = std::upper_bound(domains_.begin(), domains_.end(), run,
                                   [](std::uint64_t r, const TournamentDomain& d) { return r < d.first_run; });
  const std::size_t d = static_cast<std::size_t>(it - domains_.begin()) - 1;
  const TournamentDomain& domain = domains_[d];
  const std::uint64_t local = run - domain.first_run;
  const std::uint64_t assignment = local / options_.repetitions;
  const std::uint64_t repetition = local % options_.repetitions;
  const std::size_t seats = domain.parties.size();

  std::array<std::unique_ptr<Negotiator>, kMaxTournamentParties> owned;
  std::array<Negotiator*, kMaxTournamentParties> negotiators{};
  std::array<std::size_t, kMaxTournamentParties> strategy{};
  {
    std::uint64_t rest = assignment;
    const std::uint64_t s = options_.strategies.size();
    for (std::size_t p = seats; p-- > 0;) {
      strategy[p] = static_cast<std::size_t>(rest % s);
      rest /= s;
    }
  }
  for (std::size_t p = 0; p < seats; ++p) {
    owned[p] = make_negotiator(options_.strategies[strategy[p]], derive_seed(options_.seed, run, p));
    negotiators[p] = owned[p].get();
  }
  SessionOptions session;
  session.deadline.rounds = options_.rounds;
  session.clock = DiscountClock::relative_time;  // ANAC: discount over normalised time
  session.seed = derive_seed(options_.seed, run);
  session.record_trace = options_.record_offers;
  const NegotiationResult result =
      protocol_->run(domain.compiled->domain(), std::span<Negotiator* const>(negotiators.data(), seats), session);

  std::fill(record.begin(), record.end(), kNaN);
  record[f::domain] = double(d);
  record[f::assignment] = double(assignment);
  record[f::repetition] = double(repetition);
  record[f::status] = double(static_cast<int>(result.status));
  record[f::rounds] = double(result.rounds);
  record[f::agreement] = result.agreed() ? double(result.agreement) : -1.0;
  double welfare = 0;
  for (std::size_t p = 0; p < seats; ++p) welfare += result.discounted[p];
  record[f::welfare] = welfare;
  const Analysis& analysis = *domain.analysis;
  const Distances distance = distances(analysis, result.utilities);
  record[f::pareto_distance] = distance.pareto;
  record[f::nash_distance] = analysis.nash ? distance.nash : kNaN;
  for (std::size_t p = 0; p < seats; ++p) {
    double* seat = record.data() + f::seats + p * f::seat_width;
    seat[f::strategy] = double(strategy[p]);
    seat[f::utility] = result.utilities[p];
    seat[f::discounted] = result.discounted[p];
  }
  if (options_.record_offers) {
    const std::size_t capacity = move_capacity();
    std::size_t count = 0;
    for (const Event& event : result.trace.events) {
      if (event.sender < 0 || count == capacity) continue;
      double* move = record.data() + f::moves + 1 + count * f::move_width;
      move[f::move_round] = event.round;
      move[f::move_seat] = event.sender;
      move[f::move_kind] = double(static_cast<int>(event.kind));
      move[f::move_outcome] = event.outcome == kNoOutcome ? -1.0 : double(event.outcome);
      ++count;
    }
    record[f::moves] = double(count);
  }
}

TournamentSummary summarize_tournament(std::span<const std::string> strategies, std::span<const double> records,
                                       std::size_t width) {
  namespace f = tournament_record;
  const std::size_t n = strategies.size();
  struct Samples {
    std::vector<double> utility, welfare, pareto, nash, rounds, anac;
    std::uint64_t agreements = 0, seats = 0;
  };
  std::vector<Samples> samples(n);
  TournamentSummary summary;
  if (width < f::base_width) throw std::invalid_argument("summarize_tournament: records narrower than the base fields");
  summary.runs = records.size() / width;
  for (std::size_t r = 0; r < summary.runs; ++r) {
    const double* record = records.data() + r * width;
    const bool agreed = record[f::status] == 0;
    std::size_t seated = 0;
    bool mixed = false;
    for (std::size_t p = 0; p < kMaxTournamentParties; ++p) {
      const double s = record[f::seats + p * f::seat_width + f::strategy];
      if (std::isnan(s)) break;
      ++seated;
      if (s != record[f::seats + f::strategy]) mixed = true;
    }
    for (std::size_t p = 0; p < seated; ++p) {
      const double* seat = record + f::seats + p * f::seat_width;
      const auto s = static_cast<std::size_t>(seat[f::strategy]);
      if (s >= n) throw field_error("records", fmt::format("a record names strategy {} of {}", s, n));
      Samples& x = samples[s];
      ++x.seats;
      x.utility.push_back(seat[f::discounted]);
      x.welfare.push_back(record[f::welfare]);
      x.pareto.push_back(record[f::pareto_distance]);
      if (!std::isnan(record[f::nash_distance])) x.nash.push_back(record[f::nash_distance]);
      if (agreed) {
        ++x.agreements;
        x.rounds.push_back(record[f::rounds]);
      }
      // ANAC scores an agent against the others only: no self-play.
      if (mixed) x.anac.push_back(seat[f::discounted]);
    }
  }
  for (std::size_t s = 0; s < n; ++s) {
    const Samples& x = samples[s];
    StrategyScore score;
    score.strategy = strategies[s];
    score.negotiations = x.seats;
    score.utility = mean_estimate(x.utility);
    score.agreement = rate_estimate(x.agreements, x.seats);
    score.welfare = mean_estimate(x.welfare);
    score.pareto_distance = mean_estimate(x.pareto);
    score.nash_distance = mean_estimate(x.nash);
    score.rounds = mean_estimate(x.rounds);
    score.anac_score = mean_estimate(x.anac);
    summary.ranking.push_back(std::move(score));
  }
  std::stable_sort(summary.ranking.begin(), summary.ranking.end(), [](const StrategyScore& a, const StrategyScore& b) {
    const double x = std::isnan(a.utility.mean) ? -1 : a.utility.mean, y = std::isnan(b.utility.mean) ? -1 : b.utility.mean;
    if (x != y) return x > y;
    return a.strategy < b.strategy;
  });
  return summary;
}

}  // namespace parley
