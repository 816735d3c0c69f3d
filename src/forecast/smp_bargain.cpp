// SMP bargain interpolation (KTAB SMPActor::interpBrgnSnPm and interpBrgnS2PMax): where an
// initiator i and its target j settle on each dimension, given each side's salience s and
// victory probability p.
//   S1P1 / S2P2: both move to the point weighted by s^n p^n (n = 1, 2), rounded to 1e-4
//               (KTAB: "to avoid spurious precision"); a 1e-6 weight on the own position keeps
//               0/0 away when neither side cares or can coerce.
//   S2PMax:     the weaker side concedes the fraction d s_other² / (d s_other² + (1−d) s_own²)
//               of the distance, d = the other side's probability advantage; no rounding.

#include <cmath>

#include "smp_detail.hpp"

namespace parley::smp::detail {

namespace {

// KTAB's (int)(0.5 + x·10⁴)/10⁴. Values an int cannot hold (only KTAB's receiver quirk with
// S1P1 can produce them) are returned unrounded instead of overflowing.
double round4(double x) {
  const double scale = 10000.0;
  const double shifted = 0.5 + (x * scale);
  if (!(std::fabs(shifted) < 2147483647.0)) return x;
  const int y = static_cast<int>(shifted);
  return static_cast<double>(y) / scale;
}

void interpolate_power(double n, double m, double tik, double sik, double prb_i, double tjk, double sjk, double prb_j,
                       double& bik, double& bjk) {
  const double wik = std::pow(sik, n) * std::pow(prb_i, m);
  const double wjk = std::pow(sjk, n) * std::pow(prb_j, m);
  constexpr double kMinWeight = 1e-6;
  bik = round4(((wik + kMinWeight) * tik + wjk * tjk) / (wik + kMinWeight + wjk));
  bjk = round4((wik * tik + (kMinWeight + wjk) * tjk) / (wik + kMinWeight + wjk));
}

void interpolate_max(double tik, double sik, double prb_i, double tjk, double sjk, double prb_j, double& bik,
                     double& bjk) {
  const double di = (prb_j > prb_i) ? (prb_j - prb_i) : 0;
  const double dj = (prb_i > prb_j) ? (prb_i - prb_j) : 0;
  const double sik2 = sik * sik;
  const double sjk2 = sjk * sjk;
  constexpr double kMinWeight = 1e-6;
  const double dik = (di * sjk2) / ((di * sjk2) + kMinWeight + ((1 - di) * sik2));
  const double djk = (dj * sik2) / ((dj * sik2) + kMinWeight + ((1 - dj) * sjk2));
  bik = tik + dik * (tjk - tik);
  bjk = tjk + djk * (tik - tjk);
}

}  // namespace

void interpolate_bargain(InterVecBrgn rule, const double* ti, const double* si, double pi, const double* tj,
                         const double* sj, double pj, std::size_t dims, double* bi, double* bj) {
  for (std::size_t k = 0; k < dims; ++k) {
    switch (rule) {
      case InterVecBrgn::s1p1: interpolate_power(1, 1, ti[k], si[k], pi, tj[k], sj[k], pj, bi[k], bj[k]); break;
      case InterVecBrgn::s2p2: interpolate_power(2, 2, ti[k], si[k], pi, tj[k], sj[k], pj, bi[k], bj[k]); break;
      case InterVecBrgn::s2pmax: interpolate_max(ti[k], si[k], pi, tj[k], sj[k], pj, bi[k], bj[k]); break;
    }
  }
}

}  // namespace parley::smp::detail
