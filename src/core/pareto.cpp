#include "pareto.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace parley::detail {
namespace {

constexpr double kMinusInfinity = -std::numeric_limits<double>::infinity();

std::vector<std::size_t> front1(const PointView& points) {
  if (points.count == 0) return {};
  std::size_t best = 0;
  for (std::size_t i = 1; i < points.count; ++i)
    if (points.at(i, 0) > points.at(best, 0)) best = i;
  return {best};
}

struct Point2 {
  double u1, u2;
  std::size_t index;
};

// Points that may be on a 2-party frontier. A monotone bucketing of u1 means every point
// in a higher bucket has a strictly larger u1, so a point whose u2 does not beat the best
// u2 of all higher buckets is dominated. Random clouds keep only a thin band near the front.
std::vector<Point2> front2_candidates(const PointView& points) {
  const std::size_t n = points.count;
  std::vector<Point2> candidates;
  double lo = std::numeric_limits<double>::infinity(), hi = kMinusInfinity;
  if (n >= kPrefilterMin) {
    for (std::size_t i = 0; i < n; ++i) {
      lo = std::min(lo, points.at(i, 0));
      hi = std::max(hi, points.at(i, 0));
    }
  }
  const double width = hi - lo;
  if (n < kPrefilterMin || !(width > 0) || !std::isfinite(width)) {
    candidates.reserve(n);
    for (std::size_t i = 0; i < n; ++i) candidates.push_back({points.at(i, 0), points.at(i, 1), i});
    return candidates;
  }
  const std::size_t buckets = std::clamp<std::size_t>(n / 32, 1024, std::size_t{1} << 16);
  const double scale = double(buckets) / width;
  const auto bucket = [&](double u1) { return std::min(buckets - 1, std::size_t((u1 - lo) * scale)); };
  std::vector<double> beyond(buckets, kMinusInfinity);  // first: best u2 within each bucket
  for (std::size_t i = 0; i < n; ++i) {
    double& best = beyond[bucket(points.at(i, 0))];
    best = std::max(best, points.at(i, 1));
  }
  double running = kMinusInfinity;  // then: best u2 over all higher buckets
  for (std::size_t b = buckets; b-- > 0;) {
    const double here = beyond[b];
    beyond[b] = running;
    running = std::max(running, here);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double u1 = points.at(i, 0), u2 = points.at(i, 1);
    if (u2 > beyond[bucket(u1)]) candidates.push_back({u1, u2, i});
  }
  return candidates;
}

std::vector<std::size_t> front2(const PointView& points) {
  std::vector<Point2> candidates = front2_candidates(points);
  // Best u1 first; among equal u1 the best u2, then the smallest index, comes first, so
  // the sweep keeps exactly the points whose u2 beats everything before them.
  std::sort(candidates.begin(), candidates.end(), [](const Point2& x, const Point2& y) {
    if (x.u1 != y.u1) return x.u1 > y.u1;
    if (x.u2 != y.u2) return x.u2 > y.u2;
    return x.index < y.index;
  });
  std::vector<std::size_t> front;
  double best_u2 = kMinusInfinity;
  for (const Point2& point : candidates) {
    if (!front.empty() && point.u2 <= best_u2) continue;
    front.push_back(point.index);
    best_u2 = point.u2;
  }
  std::sort(front.begin(), front.end());
  return front;
}

}  // namespace

std::vector<std::size_t> pareto_front(const PointView& points) {
  switch (points.parties()) {
    case 1: return front1(points);
    case 2: return front2(points);
    default: return pareto_front_many(points);
  }
}

}  // namespace parley::detail
