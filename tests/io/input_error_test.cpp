#include "parley/io/input_error.hpp"

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(InputError, FormatsLocation) {
  EXPECT_STREQ(InputError("s.yaml", 3, 7, "bad").what(), "s.yaml:3:7: bad");
  EXPECT_STREQ(InputError("s.yaml", "bad").what(), "s.yaml: bad");
}

TEST(ClosestMatch, SuggestsPlausibleMisspellings) {
  EXPECT_EQ(closest_match("salince", {"salience", "position", "values"}), "salience");
  EXPECT_EQ(closest_match("capabilty", {"capability", "name"}), "capability");
  EXPECT_EQ(closest_match("zzzzzz", {"salience", "position"}), "");
}

}  // namespace
}  // namespace parley
