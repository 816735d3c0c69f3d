#include "parley/core/parse_number.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace parley {
namespace {

TEST(ParseNumber, WholeTextAsFromCharsGeneral) {
  double value = -1;
  EXPECT_TRUE(parse_double("0.15", value));
  EXPECT_EQ(value, 0.15);
  EXPECT_TRUE(parse_double("-2.5e-3", value));
  EXPECT_EQ(value, -2.5e-3);
  EXPECT_TRUE(parse_double("3", value));
  EXPECT_EQ(value, 3.0);
  EXPECT_TRUE(parse_double(".5", value));
  EXPECT_EQ(value, 0.5);
  EXPECT_TRUE(parse_double("inf", value));
  EXPECT_TRUE(std::isinf(value));
}

TEST(ParseNumber, RejectsPartialOrForeignSyntaxAndKeepsTheValue) {
  double value = 7;
  for (const char* text : {"", " 1", "+1", "1x", "0x10", "1.5 ", "e3", "abc", "1e999"}) {
    EXPECT_FALSE(parse_double(text, value)) << text;
    EXPECT_EQ(value, 7) << text;
  }
  // A view into a longer buffer reads only its own characters.
  const std::string_view within = std::string_view("0.25junk").substr(0, 4);
  EXPECT_TRUE(parse_double(within, value));
  EXPECT_EQ(value, 0.25);
}

}  // namespace
}  // namespace parley
