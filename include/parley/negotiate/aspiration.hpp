#pragma once
// Time-based aspiration, as defined by NegMAS (PolyAspiration / AspirationNegotiator;
// Faratin, Sierra & Jennings 1998 polynomial family):
//   aspiration(t) = max_aspiration · (1 − t^e),  t = relative time in [0, 1]
// with e = 4 "boulware" (tough until late), e = 1 "linear", e = 0.25 "conceder".
//
// The strategies `aspiration`, `boulware`, `linear` and `conceder` map it onto utilities by
// the definitions of one NegMAS version, chosen by their parameter `negmas`:
//
// NegMAS 0.15 (0.15.7, the current release; the default of `aspiration`):
//   floor = max(worst utility, reservation value), top = best utility;
//   bound(t) = clamp((top − floor) · aspiration(t) + floor − tolerance, floor, top),
//   tolerance 0.001 (AspirationNegotiator's `tolerance`). It accepts an offer iff its
//   utility >= bound(t), and never ends the negotiation itself. It offers the lowest utility
//   >= bound(t), or the highest utility below it if that lies within 1e-12 of the bound and
//   nearer ("nearest around the bound", PresortingInverseUtilityFunction.worst_in); among
//   outcomes of equal utility, the one numpy's default argsort puts first
//   (PartyTable::numpy_first_of_tie).
// NegMAS 0.8.9 (the default of `boulware`, `linear`, `conceder`):
//   target(t) = aspiration(t) · (u_max − u_min) + u_min, where u_max is the party's best
//   utility and u_min the worst utility of an outcome at or above its reservation value,
//   raised to the reservation value (presorted mode). It accepts iff utility >= target and
//   > reservation value, ends when the target falls below the reservation value, and offers
//   the lowest utility >= target (ties: the last outcome in a stable descending order).

namespace parley {

inline constexpr double kBoulwareExponent = 4.0;
inline constexpr double kLinearExponent = 1.0;
inline constexpr double kConcederExponent = 0.25;

// Whose definitions an aspiration strategy follows (see above).
enum class NegmasVersion : unsigned char { v0_8_9, v0_15 };

struct AspirationSettings {
  double exponent = kBoulwareExponent;  // e > 0
  double max_aspiration = 1.0;          // in [0, 1]
  double tolerance = 0.001;             // >= 0; used by v0_15 only
  NegmasVersion version = NegmasVersion::v0_15;
};

// REQUIRES: 0 <= t <= 1, exponent > 0.
double aspiration(double t, double exponent, double max_aspiration = 1.0);

}  // namespace parley
