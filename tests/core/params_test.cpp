#include "parley/core/params.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "parley/core/error.hpp"
#include "parley/core/registry.hpp"

namespace parley {
namespace {

const std::vector<ParamSpec>& specs() {
  static const std::vector<ParamSpec> list = {
      ParamSpec::number("e", 4, {0, 1e6, true}, "exponent"),
      ParamSpec::integer("rounds", 10, {0, 10000}, "rounds"),
      ParamSpec::integer_or_word("mediator", "neutral", {"neutral"}, {0, 63}, "who mediates"),
      ParamSpec::boolean("record", true, "record offers"),
      ParamSpec::choice("model", {"none", "frequency"}, "none", "opponent model"),
      ParamSpec::text("note", "", "free text"),
      ParamSpec::integer_list("order", {0, 100}, "issue order"),
  };
  return list;
}

const ParamOwner kOwner{"strategy", "parameter", "strategy", "test", false};

ParamValues parse(std::vector<std::pair<std::string, std::string>> given, const ParamOwner& owner = kOwner) {
  return parse_params(specs(), given, owner);
}

Error error_of(std::vector<std::pair<std::string, std::string>> given, const ParamOwner& owner = kOwner) {
  try {
    parse(std::move(given), owner);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error";
  return Error(ErrorKind::invalid, "");
}

TEST(Params, DefaultsComeFromTheSpecs) {
  const ParamValues v = parse({});
  EXPECT_EQ(v.number("e"), 4);
  EXPECT_EQ(v.integer("rounds"), 10);
  EXPECT_EQ(v.number("rounds"), 10);
  EXPECT_TRUE(v.is_word("mediator"));
  EXPECT_EQ(v.text("mediator"), "neutral");
  EXPECT_TRUE(v.flag("record"));
  EXPECT_EQ(v.choice("model"), 0u);
  EXPECT_EQ(v.text("model"), "none");
  EXPECT_EQ(v.text("note"), "");
  EXPECT_TRUE(v.integers("order").empty());
  EXPECT_FALSE(v.given("e"));
}

TEST(Params, GivenValuesAreTyped) {
  const ParamValues v = parse({{"e", "0.25"}, {"rounds", "3"}, {"mediator", "2"}, {"record", "off"},
                               {"model", "frequency"}, {"note", "[1, 2]"}, {"order", "2;0;1"}});
  EXPECT_EQ(v.number("e"), 0.25);
  EXPECT_EQ(v.integer("rounds"), 3);
  EXPECT_FALSE(v.is_word("mediator"));
  EXPECT_EQ(v.integer("mediator"), 2);
  EXPECT_FALSE(v.flag("record"));
  EXPECT_EQ(v.choice("model"), 1u);
  EXPECT_EQ(v.text("note"), "[1, 2]");
  EXPECT_EQ(v.integers("order"), (std::vector<long long>{2, 0, 1}));
  EXPECT_TRUE(v.given("e"));
  EXPECT_EQ(v.values().size(), specs().size());
}

TEST(Params, BadValuesSayWhatIsExpected) {
  const Error e = error_of({{"e", "0"}});
  EXPECT_EQ(e.kind(), ErrorKind::invalid);
  EXPECT_EQ(e.location().field, "strategy");
  EXPECT_TRUE(e.location().file.empty());
  EXPECT_EQ(e.message(), "parameter 'e' of strategy 'test' must be a number in (0, 1e+06] (not '0')");
  EXPECT_NE(error_of({{"e", "abc"}}).message().find("not 'abc'"), std::string::npos);
  EXPECT_NE(error_of({{"e", "nan"}}).message().find("a number"), std::string::npos);
  EXPECT_NE(error_of({{"rounds", "1.5"}}).message().find("a whole number in [0, 10000]"), std::string::npos);
  EXPECT_NE(error_of({{"mediator", "x"}}).message().find("a whole number in [0, 63] or neutral"), std::string::npos);
  EXPECT_NE(error_of({{"record", "maybe"}}).message().find("one of: true, false, yes, no"), std::string::npos);
  const std::string choice = error_of({{"model", "frequncy"}}).message();
  EXPECT_NE(choice.find("one of: none, frequency"), std::string::npos) << choice;
  EXPECT_NE(choice.find("did you mean 'frequency'"), std::string::npos) << choice;
  EXPECT_NE(error_of({{"order", "1;x"}}).message().find("separated by ';'"), std::string::npos);
  EXPECT_NE(error_of({{"e", "1"}, {"e", "2"}}).message().find("given twice"), std::string::npos);
}

TEST(Params, UnknownNamesListTheValidOnes) {
  const Error e = error_of({{"rouns", "1"}});
  EXPECT_EQ(e.kind(), ErrorKind::unknown_name);
  EXPECT_NE(e.message().find("unknown parameter 'rouns' of strategy 'test' (did you mean 'rounds'?)"), std::string::npos)
      << e.message();
  EXPECT_NE(e.message().find("valid parameters: e (default 4) rounds (default 10)"), std::string::npos) << e.message();
  try {
    parse_params({}, std::vector<std::pair<std::string, std::string>>{{"x", "1"}}, kOwner);
    ADD_FAILURE();
  } catch (const Error& none) {
    EXPECT_NE(none.message().find("it takes none"), std::string::npos);
  }
}

TEST(Params, OwnerFieldAndCase) {
  ParamOwner stage{"stages.truce.settings.", "setting", "stage", "truce", false};
  EXPECT_EQ(error_of({{"model", "x"}}, stage).location().field, "stages.truce.settings.model");
  ParamOwner loose{"model parameter", "parameter", "model", "smp", true};
  const ParamValues v = parse({{"MODEL", "FREQUENCY"}, {"Record", "TRUE"}}, loose);
  EXPECT_EQ(v.text("model"), "frequency");
  EXPECT_TRUE(v.flag("record"));
  EXPECT_THROW(parse({{"MODEL", "frequency"}}), Error);  // exact case by default
}

TEST(Params, AccessorsCheckTheirType) {
  const ParamValues v = parse({});
  EXPECT_THROW(v.number("missing"), std::logic_error);
  EXPECT_THROW(v.flag("e"), std::logic_error);
  EXPECT_THROW(v.integer("mediator"), std::logic_error);  // holds a word
  EXPECT_THROW(v.choice("record"), std::logic_error);
  EXPECT_THROW(v.integers("rounds"), std::logic_error);
}

TEST(Params, BadDefaultIsAProgrammingError) {
  const std::vector<ParamSpec> broken = {ParamSpec::number("x", 5, {0, 1}, "")};
  EXPECT_THROW(parse_params(broken, std::map<std::string, std::string>{}, kOwner), std::logic_error);
}

TEST(Params, SpecTexts) {
  EXPECT_EQ(specs()[0].default_value, "4");
  EXPECT_EQ(specs()[0].domain(), "(0, 1e+06]");
  EXPECT_EQ(specs()[2].domain(), "[0, 63] | neutral");
  EXPECT_EQ(specs()[4].domain(), "none | frequency");
  EXPECT_EQ(specs()[3].domain(), "");
  EXPECT_EQ(ParamRange{1}.text(), ">= 1");
  EXPECT_EQ(ParamRange{}.text(), "any");
  EXPECT_EQ(ParamSpec::number("m", 1e-9, {0, 1}, "").default_value, "1e-09");
  EXPECT_EQ(std::string(to_string(ParamType::integer_list)), "integer list");
  EXPECT_EQ(find_param(specs(), "ROUNDS", true), &specs()[1]);
  EXPECT_EQ(find_param(specs(), "ROUNDS"), nullptr);
}

TEST(Registry, FindsAddsAndRefusesDuplicates) {
  Registry<int> registry("widget", "widgets");
  registry.add("one", 1);
  registry.add("two", 2);
  EXPECT_EQ(*registry.find("two"), 2);
  EXPECT_EQ(registry.find("three"), nullptr);
  EXPECT_EQ(registry.names(), (std::vector<std::string>{"one", "two"}));
  EXPECT_THROW(registry.add("one", 3), Error);
  EXPECT_THROW(registry.add("", 3), Error);
  try {
    registry.get("twoo", "widget");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::unknown_name);
    EXPECT_EQ(e.location().field, "widget");
    EXPECT_EQ(e.message(), "unknown widget 'twoo' (did you mean 'two'?); valid widgets: one two");
  }
}

TEST(Registry, ConcurrentAddsAndLookupsKeepEveryEntry) {
  Registry<int> registry("widget", "widgets");
  const int* first = &registry.add("w0", 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&registry, t] {
      for (int k = 0; k < 50; ++k) {
        registry.add("t" + std::to_string(t) + "_" + std::to_string(k), k);
        (void)registry.find("w0");
      }
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(registry.size(), 201u);
  EXPECT_EQ(registry.find("w0"), first);  // entries never move
}

}  // namespace
}  // namespace parley
