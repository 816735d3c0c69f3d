#pragma once
// Time-based aspiration, as defined by NegMAS (PolyAspiration / AspirationNegotiator;
// Faratin, Sierra & Jennings 1998 polynomial family):
//   aspiration(t) = max_aspiration · (1 − t^e),  t = relative time in [0, 1]
// with e = 4 "boulware" (tough until late), e = 1 "linear", e = 0.25 "conceder".
// The target utility maps it onto the party's rational range:
//   target(t) = aspiration(t) · (u_max − u_min) + u_min
// where u_max is the party's best utility and u_min the worst utility of an outcome at or
// above its reservation value, raised to the reservation value (NegMAS presorted mode).

namespace parley {

inline constexpr double kBoulwareExponent = 4.0;
inline constexpr double kLinearExponent = 1.0;
inline constexpr double kConcederExponent = 0.25;

// REQUIRES: 0 <= t <= 1, exponent > 0.
double aspiration(double t, double exponent, double max_aspiration = 1.0);

}  // namespace parley
