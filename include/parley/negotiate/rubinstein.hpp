#pragma once
// Rubinstein (1982), "Perfect equilibrium in a bargaining model", Econometrica 50(1): two
// players split a pie of size 1 by alternating offers, player i discounting by δ_i per period.
// The unique subgame-perfect equilibrium agrees immediately; the first proposer gets
//   x1* = (1 − δ2) / (1 − δ1·δ2)
// and the responder 1 − x1* = δ2·(1 − δ1) / (1 − δ1·δ2). In equilibrium each player, when
// proposing, demands its x* and accepts any offer worth at least δ_i · x_i* to it (what it
// would get by proposing next period).

namespace parley {

struct RubinsteinShares {
  double first = 0;   // share of the first proposer
  double second = 0;  // share of the responder
};

// REQUIRES: 0 <= d1, d2 <= 1 and d1·d2 < 1.
RubinsteinShares rubinstein_shares(double d1, double d2);

}  // namespace parley
