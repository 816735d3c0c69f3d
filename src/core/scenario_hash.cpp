// scenario_hash(): the canonical serialisation described in scenario_hash.hpp, fed byte by
// byte to 64-bit FNV-1a (Fowler, Noll, Vo; offset basis 14695981039346656037, prime
// 1099511628211).

#include "parley/core/scenario_hash.hpp"

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace parley {
namespace {

class Fnv1a {
 public:
  void bytes(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
      hash_ ^= p[i];
      hash_ *= 1099511628211ULL;
    }
  }
  // Little-endian, whatever the host.
  void u64(std::uint64_t x) {
    unsigned char b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>(x >> (8 * i));
    bytes(b, 8);
  }
  void flag(bool x) { u64(x ? 1 : 0); }
  void number(double x) {
    if (x == 0) x = 0;  // −0 hashes as 0
    if (std::isnan(x)) x = std::numeric_limits<double>::quiet_NaN();
    u64(std::bit_cast<std::uint64_t>(x));
  }
  void text(std::string_view s) {
    u64(s.size());
    bytes(s.data(), s.size());
  }
  void maybe(const std::optional<double>& x) {
    flag(x.has_value());
    if (x) number(*x);
  }
  void maybe(const std::optional<std::size_t>& x) {
    flag(x.has_value());
    if (x) u64(*x);
  }
  void indices(const std::vector<std::size_t>& xs) {
    u64(xs.size());
    for (std::size_t x : xs) u64(x);
  }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 14695981039346656037ULL;
};

void hash_issue(Fnv1a& h, const Issue& issue) {
  h.text(issue.id);
  h.text(to_string(issue.kind));
  switch (issue.kind) {
    case IssueKind::continuous:
      h.number(issue.lower);
      h.number(issue.upper);
      h.u64(issue.steps);
      h.u64(issue.labels.size());
      for (const LabelledPoint& point : issue.labels) {
        h.number(point.at);
        h.text(point.label);
      }
      break;
    case IssueKind::integer:
      h.number(issue.lower);
      h.number(issue.upper);
      break;
    case IssueKind::discrete:
      h.u64(issue.options.size());
      for (const std::string& option : issue.options) h.text(option);
      h.flag(issue.ordered);
      break;
  }
  h.maybe(issue.reference_point);
  h.maybe(issue.known_outcome);
}

void hash_distribution(Fnv1a& h, const Distribution& d) {
  h.text(to_string(d.kind));
  h.maybe(d.mean);
  h.number(d.sd);
  h.maybe(d.min);
  h.maybe(d.max);
  h.number(d.mode);
  h.u64(d.values.size());
  for (double v : d.values) h.number(v);
  h.u64(d.strategies.size());
  for (const std::string& strategy : d.strategies) h.text(strategy);
  h.u64(d.weights.size());
  for (double w : d.weights) h.number(w);
}

void hash_actor(Fnv1a& h, const Actor& actor) {
  h.text(actor.id);
  h.number(actor.capability);
  h.u64(actor.stances.size());
  for (const Stance& stance : actor.stances) {
    h.number(stance.position);
    h.number(stance.salience);
    h.u64(stance.values.size());
    for (double v : stance.values) h.number(v);
  }
  h.text(to_string(actor.shape));
  h.number(actor.reservation_value);
  h.number(actor.risk);
  h.number(actor.discount);
  h.text(actor.strategy);
  h.u64(actor.rectangles.size());
  for (const HyperRectangle& rectangle : actor.rectangles) {
    h.u64(rectangle.bounds.size());
    for (const HyperRectangle::Bound& bound : rectangle.bounds) {
      h.u64(bound.issue);
      h.u64(bound.min);
      h.u64(bound.max);
    }
    h.number(rectangle.utility);
    h.flag(rectangle.exclusive);
  }
  if (!actor.rectangles.empty()) h.number(actor.rectangle_scale);
  // Only when not the default, so that every scenario without raw weights keeps the hash it
  // had before the field existed (the format tag is unchanged).
  if (actor.weights != Weights::normalised) h.text(to_string(actor.weights));
  // Likewise only when there are any: ratification-aware negotiators read them.
  if (!actor.beliefs.empty()) {
    h.text("beliefs");
    h.u64(actor.beliefs.size());
    for (const Belief& belief : actor.beliefs) {
      h.u64(belief.about);
      hash_distribution(h, belief.reservation);
    }
  }
}

void hash_scenario(Fnv1a& h, const Scenario& scenario) {
  h.text("parley-scenario-hash/2");
  h.u64(scenario.issues.size());
  for (const Issue& issue : scenario.issues) hash_issue(h, issue);
  h.u64(scenario.actors.size());
  for (const Actor& actor : scenario.actors) hash_actor(h, actor);
  h.u64(scenario.channels.size());
  for (const Channel& channel : scenario.channels) {
    h.text(channel.id);
    h.indices(channel.members);
    h.text(to_string(channel.outsiders_see));
  }
  h.u64(scenario.stages.size());
  for (const Stage& stage : scenario.stages) {
    h.text(stage.id);
    h.indices(stage.issues);
    h.maybe(stage.channel);
    h.text(stage.protocol);
    h.u64(stage.protocol_settings.size());
    for (const auto& [key, value] : stage.protocol_settings) {  // std::map: sorted by key
      h.text(key);
      h.text(value);
    }
    h.u64(static_cast<std::uint64_t>(static_cast<std::int64_t>(stage.deadline)));
    h.indices(stage.ratify);
    h.maybe(stage.after);
  }
  h.u64(scenario.links.size());
  for (const Link& link : scenario.links) h.indices(link.issues);
  // Only when there is any, so that scenarios without it (and every drawn scenario) keep
  // their hash: what a sweep draws from is part of the study a results database holds.
  if (!scenario.uncertainty.empty()) {
    h.text("uncertainty");
    h.u64(scenario.uncertainty.size());
    for (const UncertainInput& input : scenario.uncertainty) {
      h.u64(input.actor);
      h.text(to_string(input.field));
      h.u64(per_issue(input.field) ? input.issue : 0);
      hash_distribution(h, input.distribution);
    }
  }
}

std::string hex(std::uint64_t x) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, x >>= 4) out[std::size_t(i)] = kDigits[x & 0xf];
  return out;
}

}  // namespace

std::string scenario_hash(const Scenario& scenario) {
  Fnv1a h;
  hash_scenario(h, scenario);
  return hex(h.value());
}

std::string scenario_hash(std::span<const Scenario> scenarios) {
  Fnv1a h;
  h.text("parley-scenario-list");
  h.u64(scenarios.size());
  for (const Scenario& scenario : scenarios) hash_scenario(h, scenario);
  return hex(h.value());
}

}  // namespace parley
