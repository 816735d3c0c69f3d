// Tournament studies in the results database, and their summaries as JSON and CSV.
#include "parley/io/tournament_results.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "delimited_text.hpp"
#include "parley/core/error.hpp"
#include "parley/negotiate/mechanism.hpp"

namespace parley {
namespace {

std::string sql_text(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  return quoted + "'";
}

nlohmann::json number(double value) { return std::isnan(value) ? nlohmann::json(nullptr) : nlohmann::json(value); }

nlohmann::json estimate_json(const Estimate& e) {
  return {{"mean", number(e.mean)}, {"low", number(e.low)}, {"high", number(e.high)}, {"n", e.n}};
}

std::string csv_number(double value) { return std::isnan(value) ? "" : fmt::format("{}", value); }

}  // namespace

StudyIdentity tournament_identity(const Tournament& tournament) {
  const TournamentOptions& options = tournament.options();
  StudyIdentity identity;
  identity.kind = "tournament";
  identity.runs = tournament.run_count();
  identity.width = tournament.record_width();
  nlohmann::json strategies = nlohmann::json::array();
  for (const StrategySpec& spec : options.strategies) strategies.push_back(spec.text());
  nlohmann::json domains = nlohmann::json::array();
  for (const TournamentDomain& d : tournament.domains())
    domains.push_back({{"name", d.name}, {"hash", d.hash}, {"parties", d.parties}});
  nlohmann::json settings = nlohmann::json::object();
  for (const auto& [k, v] : options.protocol_settings) settings[k] = v;
  identity.parameters = {
      {"seed", std::to_string(options.seed)},
      {"protocol", options.protocol},
      {"protocol_settings", settings.dump()},
      {"rounds", std::to_string(options.rounds)},
      {"repetitions", std::to_string(options.repetitions)},
      {"strategies", strategies.dump()},
      {"domains", domains.dump()},
      {"offers", options.record_offers ? "recorded" : "not recorded"},
  };
  identity.tables = {
      "CREATE TABLE strategies (strategy INTEGER PRIMARY KEY, spec TEXT NOT NULL) WITHOUT ROWID",
      "CREATE TABLE domains (domain INTEGER PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL, "
      "outcomes INTEGER NOT NULL, parties INTEGER NOT NULL, first_run INTEGER NOT NULL, runs INTEGER NOT NULL, "
      "pareto_outcomes INTEGER NOT NULL, nash_utilities TEXT) WITHOUT ROWID",
      "CREATE TABLE runs (run INTEGER PRIMARY KEY, domain INTEGER NOT NULL, assignment INTEGER NOT NULL, "
      "repetition INTEGER NOT NULL, status TEXT NOT NULL, rounds INTEGER NOT NULL, agreement INTEGER, "
      "welfare REAL, pareto_distance REAL, nash_distance REAL) WITHOUT ROWID",
      "CREATE TABLE actor_results (run INTEGER NOT NULL, seat INTEGER NOT NULL, actor TEXT NOT NULL, "
      "strategy INTEGER NOT NULL, utility REAL, discounted REAL, PRIMARY KEY (run, seat)) WITHOUT ROWID",
  };
  if (options.record_offers)
    identity.tables.push_back(
        "CREATE TABLE offers (run INTEGER NOT NULL, move INTEGER NOT NULL, round INTEGER NOT NULL, seat INTEGER NOT "
        "NULL, kind TEXT NOT NULL, outcome INTEGER, PRIMARY KEY (run, move)) WITHOUT ROWID");
  for (std::size_t s = 0; s < options.strategies.size(); ++s)
    identity.tables.push_back(
        fmt::format("INSERT INTO strategies VALUES ({}, {})", s, sql_text(options.strategies[s].text())));
  for (std::size_t d = 0; d < tournament.domains().size(); ++d) {
    const TournamentDomain& domain = tournament.domains()[d];
    const Analysis& analysis = *domain.analysis;
    std::string nash = "NULL";
    if (analysis.nash) nash = sql_text(nlohmann::json(analysis.nash->utilities).dump());
    identity.tables.push_back(fmt::format("INSERT INTO domains VALUES ({}, {}, {}, {}, {}, {}, {}, {}, {})", d,
                                          sql_text(domain.name), sql_text(domain.hash), domain.outcomes,
                                          domain.parties.size(), domain.first_run, domain.runs,
                                          analysis.pareto.size(), nash));
  }
  return identity;
}

RowWriter tournament_row_writer(const Tournament& tournament) {
  return [&tournament](RowInserter& rows, std::span<const std::uint64_t> runs, std::span<const double> records) {
    namespace f = tournament_record;
    const std::size_t width = tournament.record_width();
    const bool offers = tournament.options().record_offers;
    for (std::size_t i = 0; i < runs.size(); ++i) {
      const double* r = records.data() + i * width;
      const auto run = static_cast<std::int64_t>(runs[i]);
      const auto status = static_cast<NegotiationStatus>(static_cast<int>(r[f::status]));
      const SqlValue agreement = r[f::agreement] < 0 ? SqlValue(nullptr) : SqlValue(std::int64_t(r[f::agreement]));
      rows.insert("runs", {run, std::int64_t(r[f::domain]), std::int64_t(r[f::assignment]),
                           std::int64_t(r[f::repetition]), std::string(to_string(status)), std::int64_t(r[f::rounds]),
                           agreement, r[f::welfare], r[f::pareto_distance], r[f::nash_distance]});
      const TournamentDomain& domain = tournament.domains()[static_cast<std::size_t>(r[f::domain])];
      for (std::size_t p = 0; p < domain.parties.size(); ++p) {
        const double* seat = r + f::seats + p * f::seat_width;
        rows.insert("actor_results", {run, std::int64_t(p), domain.parties[p], std::int64_t(seat[f::strategy]),
                                      seat[f::utility], seat[f::discounted]});
      }
      if (!offers) continue;
      const auto count = static_cast<std::size_t>(r[f::moves]);
      for (std::size_t m = 0; m < count; ++m) {
        const double* move = r + f::moves + 1 + m * f::move_width;
        const auto kind = static_cast<EventKind>(static_cast<int>(move[f::move_kind]));
        const SqlValue outcome =
            move[f::move_outcome] < 0 ? SqlValue(nullptr) : SqlValue(std::int64_t(move[f::move_outcome]));
        rows.insert("offers", {run, std::int64_t(m), std::int64_t(move[f::move_round]), std::int64_t(move[f::move_seat]),
                               std::string(to_string(kind)), outcome});
      }
    }
  };
}

std::vector<std::string> stored_tournament_strategies(const StoredStudy& study) {
  const std::string text = study.parameter("strategies");
  try {
    const nlohmann::json list = nlohmann::json::parse(text);
    std::vector<std::string> strategies = list.get<std::vector<std::string>>();
    if (!strategies.empty()) return strategies;
  } catch (const nlohmann::json::exception&) {
  }
  throw Error(ErrorKind::invalid, "the tournament database names no strategies (parameter `strategies` is missing or "
                                  "malformed)");
}

nlohmann::json tournament_summary_to_json(const TournamentSummary& summary, std::uint64_t planned_runs) {
  nlohmann::json ranking = nlohmann::json::array();
  for (const StrategyScore& s : summary.ranking)
    ranking.push_back({{"strategy", s.strategy},
                       {"negotiations", s.negotiations},
                       {"utility", estimate_json(s.utility)},
                       {"anac_score", estimate_json(s.anac_score)},
                       {"agreement", estimate_json(s.agreement)},
                       {"welfare", estimate_json(s.welfare)},
                       {"pareto_distance", estimate_json(s.pareto_distance)},
                       {"nash_distance", estimate_json(s.nash_distance)},
                       {"rounds", estimate_json(s.rounds)}});
  return {{"kind", "tournament"}, {"runs", summary.runs}, {"planned_runs", planned_runs}, {"ranking", ranking}};
}

std::string tournament_summary_to_csv(const TournamentSummary& summary) {
  std::string csv = "rank,strategy,negotiations";
  for (const char* name :
       {"utility", "anac_score", "agreement", "welfare", "pareto_distance", "nash_distance", "rounds"})
    csv += fmt::format(",{0},{0}_low,{0}_high", name);
  csv += "\n";
  for (std::size_t i = 0; i < summary.ranking.size(); ++i) {
    const StrategyScore& s = summary.ranking[i];
    csv += fmt::format("{},{},{}", i + 1, io_detail::csv_field(s.strategy), s.negotiations);
    for (const Estimate* e : {&s.utility, &s.anac_score, &s.agreement, &s.welfare, &s.pareto_distance,
                              &s.nash_distance, &s.rounds})
      csv += fmt::format(",{},{},{}", csv_number(e->mean), csv_number(e->low), csv_number(e->high));
    csv += "\n";
  }
  return csv;
}

}  // namespace parley
