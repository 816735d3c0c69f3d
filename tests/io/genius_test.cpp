#include "parley/io/genius.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "parley/core/utility.hpp"
#include "parley/io/load.hpp"
#include "parley/io/input_error.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

const fs::path kData = fs::path(PARLEY_TEST_DATA) / "genius";

// Utility of `outcome` (value indices in scenario issue order) for actor `a`, over stage 0.
double utility(const Scenario& scenario, std::size_t a, const Outcome& outcome) {
  const OutcomeSpace space = scenario.stage_space(0);
  const CompiledUtility u(scenario.actors.at(a), scenario.issues, space);
  return u(outcome);
}

std::size_t actor(const Scenario& scenario, const std::string& id) {
  const auto found = scenario.find_actor(id);
  EXPECT_TRUE(found.has_value()) << id;
  return found.value_or(0);
}

// Value index of option `text` of issue `issue`.
std::uint32_t option(const Scenario& scenario, const std::string& issue, const std::string& text) {
  const auto i = scenario.find_issue(issue);
  EXPECT_TRUE(i.has_value()) << issue;
  const auto& options = scenario.issues.at(i.value_or(0)).options;
  const auto found = std::find(options.begin(), options.end(), text);
  EXPECT_NE(found, options.end()) << issue << " / " << text;
  return static_cast<std::uint32_t>(found - options.begin());
}

// A fresh empty folder under the system's temporary directory, removed at scope exit.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    std::random_device seed;
    path_ = fs::temp_directory_path() / ("parley-genius-test-" + std::to_string(seed()));
    fs::create_directories(path_);
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
  }

 private:
  fs::path path_;
};

// Runs `f`, which must throw InputError; returns it.
template <typename F>
InputError input_error(F&& f) {
  try {
    f();
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "no InputError thrown";
  return InputError("", "");
}

constexpr const char* kSmallDomain = R"(<negotiation_template>
<utility_space number_of_issues="2">
<objective index="0" name="root" type="objective">
  <issue index="1" name="Colour" type="discrete">
    <item index="1" value="red"/>
    <item index="2" value="blue"/>
  </issue>
  <issue index="2" name="Size" type="discrete">
    <item index="1" value="small"/>
    <item index="2" value="large"/>
  </issue>
</objective>
</utility_space>
</negotiation_template>
)";

std::string small_profile(const std::string& colour_weight = "0.6", const std::string& extra_issue = "") {
  return R"(<utility_space>
<objective index="0" name="root" type="objective">
  <issue index="1" name="Colour" type="discrete">
    <item index="1" value="red" evaluation="1"/>
    <item index="2" value="blue" evaluation="4"/>
  </issue>
  <issue index="2" name="Size" type="discrete">
    <item index="1" value="small" evaluation="2"/>
    <item index="2" value="large" evaluation="1"/>
  </issue>
)" + extra_issue +
         R"(  <weight index="1" value=")" + colour_weight + R"("/>
  <weight index="2" value="0.4"/>
</objective>
</utility_space>
)";
}

// ---- every real domain loads ---------------------------------------------------------------

TEST(Genius, EveryDomainFolderLoads) {
  std::size_t folders_with_xml = 0;
  std::size_t loaded = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kData)) {
    if (!entry.is_directory()) continue;
    const bool has_xml = std::any_of(fs::directory_iterator(entry.path()), fs::directory_iterator(),
                                     [](const auto& file) { return file.path().extension() == ".xml"; });
    if (!has_xml) continue;
    ++folders_with_xml;
    const std::string where = fs::relative(entry.path(), kData).string();
    ASSERT_TRUE(is_genius_folder(entry.path())) << where;
    Scenario scenario;
    ASSERT_NO_THROW(scenario = import_genius(entry.path())) << where;
    ++loaded;

    EXPECT_EQ(scenario.name, entry.path().filename().string());
    ASSERT_EQ(scenario.stages.size(), 1u) << where;
    EXPECT_EQ(scenario.stages[0].id, "all");
    EXPECT_EQ(scenario.stages[0].issues.size(), scenario.issues.size());
    EXPECT_TRUE(scenario.channels.empty());
    // 2 to 9 parties, except ItexvsCypressDomain, whose 20 profiles are alternatives
    // (Cypress and Itex with reservation values 0.0 ... 0.9), each imported as an actor.
    EXPECT_GE(scenario.actors.size(), 2u) << where;
    EXPECT_LE(scenario.actors.size(), where == "other/ItexvsCypressDomain" ? 20u : 9u) << where;
    for (const auto& a : scenario.actors) {
      EXPECT_EQ(a.stances.size(), scenario.issues.size()) << where;
      EXPECT_GT(a.discount, 0.0);
      EXPECT_LE(a.discount, 1.0);
    }

    const OutcomeSpace space = scenario.stage_space(0);
    const std::string count = space.cardinality().to_string();
    EXPECT_GE(count.size(), 1u);
    // Utilities of enumerable spaces stay within [0, 1] (checked where that is cheap).
    if (space.enumerable() && space.size() <= 400'000) {
      for (std::size_t a = 0; a < scenario.actors.size(); ++a) {
        const auto all = CompiledUtility(scenario.actors[a], scenario.issues, space).all_utilities(space);
        const auto [low, high] = std::minmax_element(all.begin(), all.end());
        EXPECT_GE(*low, -1e-12) << where << " " << scenario.actors[a].id;
        EXPECT_LE(*high, 1 + 1e-12) << where << " " << scenario.actors[a].id;
      }
    }
  }
  EXPECT_EQ(loaded, folders_with_xml);
  EXPECT_EQ(loaded, 158u);  // the folders copied from the reference data
}

TEST(Genius, OutcomeSpaceSizes) {
  const auto size = [](const std::string& folder) {
    return import_genius(kData / folder).stage_space(0).cardinality().to_string();
  };
  EXPECT_EQ(size("anac/y2011/Laptop"), "27");
  EXPECT_EQ(size("anac/y2011/Camera"), "3600");
  EXPECT_EQ(size("anac/y2010/ItexvsCypress"), "180");
  EXPECT_EQ(size("anac/y2011/Car"), "15625");
  EXPECT_EQ(size("anac/y2012/SupermarketA"), "112896");
  EXPECT_EQ(size("anac/y2010/Travel"), "188160");
  EXPECT_EQ(size("anac/y2011/Energy"), "390625");
  EXPECT_EQ(size("other/AMPOvsCity"), "1944000");
  // Despite its name, the ANAC 2014 "50issues" domain declares 40 integer issues of 10 values.
  EXPECT_EQ(size("anac/y2014/50issues"), "1" + std::string(40, '0'));
  EXPECT_EQ(size("anac/y2014/30issues"), "1" + std::string(30, '0'));
  // 50 issues of 10 values: 10^50 outcomes.
  EXPECT_EQ(size("other/S-1NAGUNL-255"), "1" + std::string(50, '0'));
}

// ---- hand-computed utilities ---------------------------------------------------------------

TEST(Genius, LaptopIssuesAndIds) {
  const Scenario laptop = import_genius(kData / "anac/y2011/Laptop");
  EXPECT_EQ(laptop.name, "Laptop");
  ASSERT_EQ(laptop.issues.size(), 3u);
  EXPECT_EQ(laptop.issues[0].id, "laptop");
  EXPECT_EQ(laptop.issues[1].id, "harddisk");
  EXPECT_EQ(laptop.issues[2].id, "external_monitor");
  EXPECT_EQ(laptop.issues[2].name, "External Monitor");
  EXPECT_EQ(laptop.issues[2].kind, IssueKind::discrete);
  EXPECT_EQ(laptop.issues[2].options, (std::vector<std::string>{"19'' LCD", "20'' LCD", "23'' LCD"}));
  ASSERT_EQ(laptop.actors.size(), 2u);
  // Profiles in file-name order; ids from the file stems.
  EXPECT_EQ(laptop.actors[0].id, "laptop_buyer_utility");
  EXPECT_EQ(laptop.actors[0].name, "laptop_buyer_utility");
  EXPECT_EQ(laptop.actors[1].id, "laptop_seller_utility");
  // The raw GENIUS weights are kept as saliences.
  EXPECT_DOUBLE_EQ(laptop.actors[0].stances[0].salience, 0.4452125771655631);
  EXPECT_NE(laptop.actors[0].note.find("sum to 1.000051804"), std::string::npos) << laptop.actors[0].note;
}

TEST(Genius, LaptopUtilitiesByHand) {
  // GENIUS's AdditiveUtilitySpace.getUtility: Σ raw weight · evaluation / max evaluation,
  // capped at 1. (These expectations were divided by the weight sum until issue 8, when
  // parley still normalised imported weights; GENIUS never did.)
  const Scenario laptop = import_genius(kData / "anac/y2011/Laptop");
  const std::size_t buyer = actor(laptop, "laptop_buyer_utility");
  const std::size_t seller = actor(laptop, "laptop_seller_utility");
  const auto outcome = [&](const char* make, const char* disk, const char* monitor) {
    return Outcome{option(laptop, "laptop", make), option(laptop, "harddisk", disk),
                   option(laptop, "external_monitor", monitor)};
  };
  EXPECT_EQ(laptop.actors[buyer].weights, Weights::raw);
  // laptop_buyer_utility.xml: weights Laptop 0.4452125771655631, Harddisk 0.37808251708013424,
  // External Monitor 0.1767567099260568 (sum 1.000051804171754; the seller has the same
  // three weights);
  // evaluations Laptop Dell 12, Macintosh 20, HP 30 (max 30); Harddisk 60 Gb 30, 80 Gb 20,
  // 120 Gb 9 (max 30); Monitor 19'' 30, 20'' 10, 23'' 20 (max 30).
  // (HP, 60 Gb, 20'' LCD): 0.4452125771655631·30/30 + 0.37808251708013424·30/30
  //                        + 0.1767567099260568·10/30 = 0.8822139975543829
  EXPECT_NEAR(utility(laptop, buyer, outcome("HP", "60 Gb", "20'' LCD")), 0.8822139975543829, 1e-12);
  // (Dell, 120 Gb, 19'' LCD): 0.4452125771655631·12/30 + 0.37808251708013424·9/30
  //                           + 0.1767567099260568·30/30 = 0.46826649591632236
  EXPECT_NEAR(utility(laptop, buyer, outcome("Dell", "120 Gb", "19'' LCD")), 0.46826649591632236, 1e-12);
  // (HP, 60 Gb, 19'' LCD) is the best of every issue: 1.000051804171754 before the cap, 1 after.
  EXPECT_EQ(utility(laptop, buyer, outcome("HP", "60 Gb", "19'' LCD")), 1.0);

  // laptop_seller_utility.xml: weights 0.37808251708013424, 0.1767567099260568, 0.4452125771655631;
  // Laptop Dell 12, Macintosh 30, HP 20 (max 30); Harddisk 60 Gb 20, 80 Gb 30, 120 Gb 9
  // (max 30); Monitor 19'' 3, 20'' 2, 23'' 1 (max 3).
  // (Dell, 120 Gb, 19'' LCD): 0.37808251708013424·12/30 + 0.1767567099260568·9/30
  //                           + 0.4452125771655631·3/3 = 0.6494725969754338
  EXPECT_NEAR(utility(laptop, seller, outcome("Dell", "120 Gb", "19'' LCD")), 0.6494725969754338, 1e-12);
  // (Macintosh, 80 Gb, 23'' LCD): 0.37808251708013424 + 0.1767567099260568 + 0.4452125771655631/3
  //                               = 0.7032434193947121
  EXPECT_NEAR(utility(laptop, seller, outcome("Macintosh", "80 Gb", "23'' LCD")), 0.7032434193947121, 1e-12);
  EXPECT_EQ(utility(laptop, seller, outcome("Macintosh", "80 Gb", "19'' LCD")), 1.0);

  // Reservation value 0 and discount factor 0.42441038 in both profiles.
  EXPECT_EQ(laptop.actors[buyer].reservation_value, 0.0);
  EXPECT_DOUBLE_EQ(laptop.actors[buyer].discount, 0.42441038);

  // --normalise-weights gives parley's convention: the same sums divided by the weight sum,
  // and no cap (nothing exceeds 1 then).
  const Scenario normalised = import_genius(kData / "anac/y2011/Laptop", GeniusOptions{true});
  EXPECT_EQ(normalised.actors[buyer].weights, Weights::normalised);
  const double weight_sum = 0.4452125771655631 + 0.37808251708013424 + 0.1767567099260568;
  EXPECT_NEAR(utility(normalised, buyer, outcome("HP", "60 Gb", "20'' LCD")), 0.8822139975543829 / weight_sum, 1e-12);
  EXPECT_NEAR(utility(normalised, seller, outcome("Dell", "120 Gb", "19'' LCD")), 0.6494725969754338 / weight_sum,
              1e-12);
  EXPECT_NEAR(utility(normalised, buyer, outcome("HP", "60 Gb", "19'' LCD")), 1.0, 1e-15);
  EXPECT_NE(normalised.actors[buyer].note.find("divided by their sum"), std::string::npos)
      << normalised.actors[buyer].note;
}

TEST(Genius, Anac2012PhoneAndLaptopUseTheRawWeights) {
  // ANAC 2012 PhoneA, Phone-A-prof2.xml: weights 0.19809841554214838, 0.04601302397681726,
  // 0.49714223885671444, 0.15232377562964988, 0.1 (sum 0.99357745400533), so its best
  // outcome is worth that sum in GENIUS, not 1.
  const Scenario phone = import_genius(kData / "anac/y2012/PhoneA");
  const std::size_t second = actor(phone, "phone-a-prof2");
  Outcome best(phone.issues.size());
  for (std::size_t i = 0; i < best.size(); ++i) {
    const auto& values = phone.actors[second].stances[i].values;
    best[i] = static_cast<std::uint32_t>(std::max_element(values.begin(), values.end()) - values.begin());
  }
  EXPECT_NEAR(utility(phone, second, best),
              0.19809841554214838 + 0.04601302397681726 + 0.49714223885671444 + 0.15232377562964988 + 0.1, 1e-12);
  const Scenario normalised = import_genius(kData / "anac/y2012/PhoneA", GeniusOptions{true});
  EXPECT_NEAR(utility(normalised, second, best), 1.0, 1e-12);

  // ANAC 2012 LaptopA, Laptop-A-prof1.xml: weights 0.4452125771655631, 0.37808251708013424,
  // 0.1767567099260568; Laptop Dell 12, Macintosh 20, HP 30; Harddisk 60 Gb 30, 80 Gb 20,
  // 120 Gb 9; Monitor 19'' 30, 20'' 10, 23'' 20 (every maximum 30).
  // (Dell, 80 Gb, 20'' LCD) = 0.4452125771655631·12/30 + 0.37808251708013424·20/30
  //                         + 0.1767567099260568·10/30 = 0.489058945561667
  const Scenario laptop = import_genius(kData / "anac/y2012/LaptopA");
  const std::size_t first = actor(laptop, "laptop-a-prof1");
  const Outcome dell{option(laptop, "laptop", "Dell"), option(laptop, "harddisk", "80 Gb"),
                     option(laptop, "external_monitor", "20'' LCD")};
  EXPECT_NEAR(utility(laptop, first, dell), 0.489058945561667, 1e-12);
}

TEST(Genius, CameraUtilitiesByHand) {
  const Scenario camera = import_genius(kData / "anac/y2011/Camera");
  const std::size_t buyer = actor(camera, "camera_buyer_utility");
  // camera_buyer_utility.xml: weights Maker 0.34, Body 0.06, Lens 0.13, Tripod 0.10, Bag 0.11,
  // Accessory 0.26 (sum 1). Maker Canon 320 (max), Nikon 300; Body Full size 150 (max),
  // APS-C 50; Lens High end model 350 (max), Middle range model 100; Tripod GITZO 525 (max),
  // Manfrotto 250; Bag Domke 340 (max), Lowepro 55; Accessory Battery Grip 220 (max), Memory 10.
  const Outcome nikon = {option(camera, "maker", "Nikon"),
                         option(camera, "body", "APS-C"),
                         option(camera, "lens", "Middle range model"),
                         option(camera, "tripod", "Manfrotto"),
                         option(camera, "bag", "Lowepro"),
                         option(camera, "accessory", "Memory")};
  // 0.34·300/320 + 0.06·50/150 + 0.13·100/350 + 0.10·250/525 + 0.11·55/340 + 0.26·10/220
  // = 0.31875 + 0.02 + 0.037142857142857144 + 0.047619047619047616 + 0.017794117647058825
  //   + 0.011818181818181818 = 0.4531242042271455
  EXPECT_NEAR(utility(camera, buyer, nikon), 0.4531242042271455, 1e-9);
  const Outcome best = {option(camera, "maker", "Canon"),         option(camera, "body", "Full size"),
                        option(camera, "lens", "High end model"), option(camera, "tripod", "GITZO"),
                        option(camera, "bag", "Domke"),           option(camera, "accessory", "Battery Grip")};
  EXPECT_NEAR(utility(camera, buyer, best), 1.0, 1e-9);
  EXPECT_DOUBLE_EQ(camera.actors[buyer].discount, 0.890596104);
}

TEST(Genius, ReservationAndDiscount) {
  // Coffee_util1.xml: <discount_factor value="0.5">, <reservation value="0.2">.
  const Scenario coffee = import_genius(kData / "anac/y2013/Coffee");
  const Actor& first = coffee.actors[actor(coffee, "coffee_util1")];
  EXPECT_DOUBLE_EQ(first.reservation_value, 0.2);
  EXPECT_DOUBLE_EQ(first.discount, 0.5);
  // A rectangle profile with both: 10issuesDiscountedwithRV/profile-1.xml has
  // <discount_factor value="0.50" /> and <reservation value="0.75" />.
  const Scenario rv = import_genius(kData / "anac/y2014/10issuesDiscountedwithRV");
  EXPECT_DOUBLE_EQ(rv.actors[0].reservation_value, 0.75);
  EXPECT_DOUBLE_EQ(rv.actors[0].discount, 0.5);
  // IntegerDomain profiles say <discount_factor value="0.0">: GENIUS reads a factor outside
  // (0, 1] as no discount.
  const Scenario integer = import_genius(kData / "other/IntegerDomain");
  EXPECT_EQ(integer.actors[0].discount, 1.0);
}

TEST(Genius, IntegerIssuesUseTheLinearEvaluator) {
  const Scenario scenario = import_genius(kData / "other/IntegerDomain");
  ASSERT_EQ(scenario.issues.size(), 2u);
  const Issue& price = scenario.issues[0];
  EXPECT_EQ(price.kind, IssueKind::integer);
  EXPECT_EQ(price.lower, -5);
  EXPECT_EQ(price.upper, 5);
  EXPECT_EQ(price.value_count(), 11u);
  // IntegerDomain-prof1.xml: price slope 0.08, offset 0.3, evaluated at x − lowerbound and
  // clamped to [0, 1]: price −3 → 0.3 + 0.08·2 = 0.46; price 5 → 0.3 + 0.08·10 = 1.1 → 1.
  const Actor& first = scenario.actors[actor(scenario, "integerdomain-prof1")];
  EXPECT_NEAR(first.stances[0].values[2], 0.46, 1e-12);
  EXPECT_EQ(first.stances[0].values[10], 1.0);
  // Weights 0.75 and 0.25; otherprice slope 0.1, offset 0: otherprice 0 → 0.1·5 = 0.5.
  // u(price −3, otherprice 0) = 0.75·0.46 + 0.25·0.5 = 0.47.
  EXPECT_NEAR(utility(scenario, actor(scenario, "integerdomain-prof1"), {2, 5}), 0.47, 1e-9);
}

TEST(Genius, RectangleUtilitiesByHand) {
  // anac/y2014/10issues/profile-1.xml, maxutility 662. At the outcome with every issue at 0
  // (lowerbound 0, so value index 0), the satisfied rectangles are (in file order)
  // #7 utility 27 {i9 ∈ [0,6]}, #10 56 {i10 ∈ [0,7]}, #16 1 {i3 ∈ [0,7], i9 ∈ [0,6]},
  // #18 9 {i9 ∈ [0,8]}, #19 93 {i2 ∈ [0,7], i8 ∈ [0,5], i10 ∈ [0,5]}: 186 / 662.
  const Scenario y2014 = import_genius(kData / "anac/y2014/10issues");
  ASSERT_TRUE(y2014.actors[0].uses_rectangles());
  EXPECT_EQ(y2014.actors[0].rectangles.size(), 20u);
  EXPECT_EQ(y2014.actors[0].rectangle_scale, 662.0);
  EXPECT_NEAR(utility(y2014, 0, Outcome(10, 0)), 186.0 / 662.0, 1e-12);

  // other/S-1NAGUNL-114/profile-1.xml, maxutility 1316, mixes <INCLUDES> and <EXCLUDES>
  // rectangles. Outcome (i1..i10) = (9,1,9,7,9,0,3,6,4,9). Paying: #3 88, #4 40, #6 54, #7 55,
  // #8 59, #10 56, #11 7, #12 30 (EXCLUDES; i10 = 9 ∉ [0,7]), #15 32, #18 75 (EXCLUDES;
  // i2 = 1 ∉ [2,9]), #20 77, #21 79, #23 99, #25 73, #26 43 (EXCLUDES; i9 = 4 ∉ [5,9]).
  // Not paying, e.g. #24 71 (EXCLUDES i1 ∈ [0,9], i3 ∈ [5,9], i5 ∈ [8,9]: all hold) and
  // #19 91 (INCLUDES i5 ∈ [0,7]). Total 867 / 1316.
  const Scenario s114 = import_genius(kData / "other/S-1NAGUNL-114");
  EXPECT_EQ(s114.actors[0].rectangles.size(), 26u);
  EXPECT_NEAR(utility(s114, 0, Outcome{9, 1, 9, 7, 9, 0, 3, 6, 4, 9}), 867.0 / 1316.0, 1e-12);
}

TEST(Genius, SeveralAlternativeProfilesAreAllActors) {
  const Scenario itex = import_genius(kData / "other/ItexvsCypressDomain");
  ASSERT_EQ(itex.actors.size(), 20u);
  EXPECT_EQ(itex.actors[0].id, "itexvscypress_cypressareserve00");
  EXPECT_EQ(itex.actors[19].id, "itexvscypress_itexbreserve09");
}

// ---- parse_genius and non-strict XML -------------------------------------------------------

TEST(Genius, ParsesTextsAndSalienceNormalisation) {
  const Scenario s =
      parse_genius(kSmallDomain, {{"Alice.xml", small_profile()}, {"Bob", small_profile("1.6")}}, "shop");
  EXPECT_EQ(s.name, "shop");
  ASSERT_EQ(s.actors.size(), 2u);
  EXPECT_EQ(s.actors[0].id, "alice");
  EXPECT_EQ(s.actors[1].id, "bob");
  // Colour red 1/4, blue 1; Size small 1, large 1/2.
  EXPECT_EQ(s.actors[0].stances[0].values, (std::vector<double>{0.25, 1.0}));
  EXPECT_EQ(s.actors[0].stances[0].position, 1.0);  // its best value's index
  // Alice (0.6, 0.4): u(red, large) = 0.6·0.25 + 0.4·0.5 = 0.35.
  EXPECT_NEAR(utility(s, 0, {0, 1}), 0.35, 1e-12);
  // Bob's weights (1.6, 0.4) sum to 2 and are used as given, as GENIUS does:
  // 1.6·0.25 + 0.4·0.5 = 0.6, and (blue, small) 1.6 + 0.4 = 2 is capped at 1.
  EXPECT_NEAR(utility(s, 1, {0, 1}), 0.6, 1e-12);
  EXPECT_EQ(utility(s, 1, {1, 0}), 1.0);
  EXPECT_NE(s.actors[1].note.find("sum to 2"), std::string::npos) << s.actors[1].note;
  // Normalised on request (parley's convention, the behaviour before issue 8):
  // (1.6·0.25 + 0.4·0.5) / 2 = 0.3.
  const Scenario normalised = parse_genius(kSmallDomain, {{"Bob", small_profile("1.6")}}, "shop", GeniusOptions{true});
  EXPECT_NEAR(utility(normalised, 0, {0, 1}), 0.3, 1e-12);
  EXPECT_NEAR(utility(normalised, 0, {1, 0}), 1.0, 1e-12);
  EXPECT_EQ(s.actors[0].note, "GENIUS profile Alice.xml");
}

TEST(Genius, AcceptsNonStrictXml) {
  // A blank line before <?xml and a raw '&' in attributes, as some GENIUS files have.
  const std::string domain = "\n\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + std::string(kSmallDomain);
  const std::string with_ampersand = R"(<negotiation_template><utility_space><objective index="0" name="root">
  <issue index="1" name="R&D budget" type="discrete"><item index="1" value="low & slow"/><item index="2" value="high"/></issue>
</objective></utility_space></negotiation_template>)";
  const std::string profile = R"(
<?xml version="1.0"?>
<utility_space><objective index="0" name="root">
  <issue index="1" name="R&D budget" type="discrete">
    <item index="1" value="low & slow" evaluation="3"/><item index="2" value="high" evaluation="6"/>
  </issue>
  <weight index="1" value="1"/>
</objective></utility_space>)";
  EXPECT_NO_THROW(parse_genius(domain, {{"p", small_profile()}}, "blank"));
  const Scenario s = parse_genius(with_ampersand, {{"p", profile}}, "amp");
  EXPECT_EQ(s.issues[0].name, "R&D budget");
  EXPECT_EQ(s.issues[0].id, "r_d_budget");
  EXPECT_EQ(s.issues[0].options[0], "low & slow");
  EXPECT_EQ(s.actors[0].stances[0].values, (std::vector<double>{0.5, 1.0}));
}

TEST(Genius, RealIssuesOnAGrid) {
  const std::string domain = R"(<negotiation_template><utility_space><objective index="0" name="root">
  <issue index="1" name="Delivery time" type="real"><range lowerbound="0" upperbound="10"/></issue>
</objective></utility_space></negotiation_template>)";
  const std::string profile = R"(<utility_space><objective index="0" name="root">
  <issue index="1" name="Delivery time" type="real"><range lowerbound="0" upperbound="10"/>
    <evaluator ftype="linear" parameter0="0.2" parameter1="0.1"/></issue>
  <weight index="1" value="1"/>
</objective></utility_space>)";
  const Scenario s = parse_genius(domain, {{"p", profile}}, "real");
  ASSERT_EQ(s.issues[0].kind, IssueKind::continuous);
  EXPECT_EQ(s.issues[0].steps, 21u);  // GENIUS's own discretisation of real issues
  const auto& values = s.actors[0].stances[0].values;
  ASSERT_EQ(values.size(), 21u);
  EXPECT_NEAR(values[0], 0.2, 1e-12);   // x = 0
  EXPECT_NEAR(values[5], 0.45, 1e-12);  // x = 2.5: 0.2 + 0.25
  EXPECT_EQ(values[20], 1.0);           // x = 10: 1.2 clamped to 1
}

TEST(Genius, UniqueIds) {
  const std::string domain = R"(<negotiation_template><utility_space><objective index="0" name="root">
  <issue index="1" name="Price!" type="discrete"><item value="a"/></issue>
  <issue index="2" name="price" type="discrete"><item value="a"/></issue>
  <issue index="3" name="  " type="discrete"><item value="a"/></issue>
</objective></utility_space></negotiation_template>)";
  const std::string profile = R"(<utility_space><objective index="0">
  <issue index="1"><item value="a" evaluation="1"/></issue><issue index="2"><item value="a" evaluation="1"/></issue>
  <issue index="3"><item value="a" evaluation="1"/></issue>
  <weight index="1" value="1"/><weight index="2" value="1"/><weight index="3" value="1"/>
</objective></utility_space>)";
  const Scenario s = parse_genius(domain, {{"Party A.xml", profile}, {"party_a.xml", profile}}, "ids");
  EXPECT_EQ(s.issues[0].id, "price");
  EXPECT_EQ(s.issues[1].id, "price_2");
  EXPECT_EQ(s.issues[2].id, "issue_3");
  EXPECT_EQ(s.actors[0].id, "party_a");
  EXPECT_EQ(s.actors[1].id, "party_a_2");
}

TEST(Genius, IssuesAreMatchedByIndexNotPosition) {
  // Domain issues in the order index 5 ("A", integer 0..3), index 2 ("B", discrete); the
  // profiles list them the other way round and refer to them by index only.
  const std::string domain = R"(<negotiation_template><utility_space><objective index="0" name="root">
  <issue index="5" name="A" type="integer" lowerbound="0" upperbound="3"/>
  <issue index="2" name="B" type="discrete"><item value="x"/><item value="y"/></issue>
</objective></utility_space></negotiation_template>)";
  const std::string linear = R"(<utility_space><objective index="0">
  <issue index="2" type="discrete"><item value="y" evaluation="5"/><item value="x" evaluation="10"/></issue>
  <issue index="5" type="integer" lowerbound="0" upperbound="3"><evaluator ftype="linear" slope="0.25" offset="0.25"/></issue>
  <weight index="2" value="0.8"/><weight index="5" value="0.2"/>
</objective></utility_space>)";
  const std::string rectangles = R"(<utility_space type="nonlinear"><objective index="0">
<utility maxutility="10"><ufun type="PlainUfun" weight="0.5" aggregation="sum">
  <hyperRectangle utility="4" weight="2"><INCLUDES index="5" min="2" max="3"/></hyperRectangle>
  <ufun type="PlainUfun" weight="3" aggregation="sum">
    <hyperRectangle utility="1"><INCLUDES index="5" min="0" max="3"/></hyperRectangle>
  </ufun>
</ufun></utility></objective></utility_space>)";
  const Scenario s = parse_genius(domain, {{"linear.xml", linear}, {"rectangles.xml", rectangles}}, "order");
  ASSERT_EQ(s.issues.size(), 2u);
  EXPECT_EQ(s.issues[0].name, "A");
  EXPECT_EQ(s.issues[1].options, (std::vector<std::string>{"x", "y"}));
  const Actor& linear_actor = s.actors[0];
  EXPECT_EQ(linear_actor.stances[0].salience, 0.2);
  EXPECT_EQ(linear_actor.stances[0].values, (std::vector<double>{0.25, 0.5, 0.75, 1.0}));
  EXPECT_EQ(linear_actor.stances[1].salience, 0.8);
  EXPECT_EQ(linear_actor.stances[1].values, (std::vector<double>{1.0, 0.5}));
  // u(A = 1, B = y) = 0.2·0.5 + 0.8·0.5 = 0.5
  EXPECT_NEAR(utility(s, 0, {1, 1}), 0.5, 1e-12);
  // Rectangles: ufun weights multiply down: 4·2·0.5 = 4 for A ∈ [2,3], 1·0.5·3 = 1.5 always;
  // over maxutility 10.
  const Actor& rectangle_actor = s.actors[1];
  ASSERT_EQ(rectangle_actor.rectangles.size(), 2u);
  EXPECT_EQ(rectangle_actor.rectangles[0].bounds[0].issue, 0u);
  EXPECT_NEAR(utility(s, 1, {3, 0}), 0.55, 1e-12);
  EXPECT_NEAR(utility(s, 1, {1, 0}), 0.15, 1e-12);
}

// ---- bad input ------------------------------------------------------------------------------

TEST(Genius, FolderWithoutDomainFile) {
  TemporaryFolder folder;
  folder.write("only_profile.xml", small_profile());
  EXPECT_FALSE(is_genius_folder(folder.path()));
  const InputError error = input_error([&] { import_genius(folder.path()); });
  EXPECT_EQ(error.file(), folder.path().string());
  EXPECT_NE(error.message().find("no GENIUS domain file"), std::string::npos) << error.what();
}

// Reservations are utilities in [0, 1]: a profile outside that range fails the load with the
// field, rather than importing an actor no outcome can satisfy (issue 8).
TEST(Genius, ReservationOutsideZeroOneFailsTheLoad) {
  for (const char* reservation : {"5", "-0.5"}) {
    TemporaryFolder folder;
    folder.write("domain.xml", kSmallDomain);
    std::string profile = small_profile();
    profile.insert(profile.find("</utility_space>"), std::string("<reservation value=\"") + reservation + "\"/>\n");
    folder.write("p.xml", profile);
    const InputError error = input_error([&] { load_scenario(folder.path()); });
    EXPECT_EQ(error.file(), folder.path().string()) << reservation;
    EXPECT_NE(error.message().find(".reservation"), std::string::npos) << error.what();
    EXPECT_NE(error.message().find("[0, 1]"), std::string::npos) << error.what();
  }
}

TEST(Genius, FolderWithTwoDomainFiles) {
  TemporaryFolder folder;
  folder.write("a.xml", kSmallDomain);
  folder.write("b.xml", kSmallDomain);
  folder.write("p.xml", small_profile());
  const InputError error = input_error([&] { import_genius(folder.path()); });
  EXPECT_EQ(error.file(), (folder.path() / "b.xml").string());
}

TEST(Genius, FolderSkipsNonXmlFiles) {
  TemporaryFolder folder;
  folder.write("domain.xml", kSmallDomain);
  folder.write("p1.xml", small_profile());
  folder.write("pareto.xml", "\n0.5, 1.0\n1.0, 0.5\n");  // not XML at all, as in ANAC 2014
  folder.write("notes.txt", "<not read>");
  EXPECT_TRUE(is_genius_folder(folder.path()));
  const Scenario s = import_genius(folder.path());
  EXPECT_EQ(s.actors.size(), 1u);
  EXPECT_EQ(s.name, folder.path().filename().string());
}

TEST(Genius, UnknownIssueIndexInProfile) {
  TemporaryFolder folder;
  folder.write("domain.xml", kSmallDomain);
  // The extra issue sits on line 11 of the profile.
  folder.write(
      "p.xml",
      small_profile("0.6", R"(  <issue index="7" name="Ghost" type="discrete"><item value="x" evaluation="1"/></issue>
)"));
  const InputError error = input_error([&] { import_genius(folder.path()); });
  EXPECT_EQ(error.file(), (folder.path() / "p.xml").string());
  EXPECT_EQ(error.line(), 11);
  EXPECT_NE(error.message().find("issue index 7"), std::string::npos) << error.what();
}

TEST(Genius, MalformedXml) {
  TemporaryFolder folder;
  folder.write("domain.xml", kSmallDomain);
  folder.write("p.xml",
               "<utility_space>\n<objective index=\"0\">\n<weight index=\"1\" value=\"1\">\n</utility_space>\n");
  const InputError error = input_error([&] { import_genius(folder.path()); });
  EXPECT_EQ(error.file(), (folder.path() / "p.xml").string());
  EXPECT_GE(error.line(), 3);
  EXPECT_NE(error.message().find("malformed XML"), std::string::npos) << error.what();
}

TEST(Genius, NonNumericWeight) {
  const InputError error = input_error([&] { parse_genius(kSmallDomain, {{"p.xml", small_profile("heavy")}}, "d"); });
  EXPECT_EQ(error.file(), "p.xml");
  EXPECT_EQ(error.line(), 11);   // the <weight index="1"> line,
  EXPECT_EQ(error.column(), 3);  // at its '<'
  EXPECT_EQ(std::string(error.what()).rfind("p.xml:11:3: ", 0), 0u) << error.what();
  EXPECT_NE(error.message().find("\"heavy\" is not a number"), std::string::npos) << error.what();
}

TEST(Genius, OtherBadProfiles) {
  const auto message = [](const std::string& profile) {
    return input_error([&] { parse_genius(kSmallDomain, {{"p.xml", profile}}, "d"); }).message();
  };
  // An evaluation for a value the domain does not have.
  std::string profile = small_profile();
  profile.replace(profile.find("\"blue\""), 6, "\"green\"");
  EXPECT_NE(message(profile).find("'green' is not an option"), std::string::npos);
  // A missing weight.
  profile = small_profile();
  profile.erase(profile.find("  <weight index=\"2\""), std::string("  <weight index=\"2\" value=\"0.4\"/>\n").size());
  EXPECT_NE(message(profile).find("no <weight index=\"2\">"), std::string::npos);
  // A negative evaluation.
  profile = small_profile();
  profile.replace(profile.find("evaluation=\"4\""), 14, "evaluation=\"-4\"");
  EXPECT_NE(message(profile).find("negative"), std::string::npos);
  // The wrong root element.
  EXPECT_NE(message("<negotiation_template/>").find("root element is <negotiation_template>"), std::string::npos);
  // Not XML at all.
  EXPECT_NE(message("0.5, 1.0").find("not an XML document"), std::string::npos);
}

TEST(Genius, BadRectangles) {
  const std::string domain = R"(<negotiation_template><utility_space><objective index="0" name="root">
  <issue index="1" name="a" type="integer" lowerbound="0" upperbound="9"/>
  <issue index="2" name="b" type="discrete"><item value="x"/></issue>
</objective></utility_space></negotiation_template>)";
  const auto profile = [](const std::string& rectangle) {
    return R"(<utility_space type="nonlinear"><objective index="0">
<utility maxutility="10"><ufun type="PlainUfun" weight="1" aggregation="sum">
)" + rectangle +
           R"(
</ufun></utility></objective></utility_space>)";
  };
  const auto error = [&](const std::string& rectangle) {
    return input_error([&] { parse_genius(domain, {{"p.xml", profile(rectangle)}}, "d"); });
  };
  const InputError unknown =
      error(R"(<hyperRectangle utility="3"><INCLUDES index="5" min="0" max="1"/></hyperRectangle>)");
  EXPECT_EQ(unknown.line(), 3);
  EXPECT_NE(unknown.message().find("issue index 5"), std::string::npos) << unknown.what();
  EXPECT_NE(error(R"(<hyperRectangle utility="3"><INCLUDES index="2" min="0" max="1"/></hyperRectangle>)")
                .message()
                .find("integer issues only"),
            std::string::npos);
  // Bounds are clipped to the issue's range; a box outside it never pays.
  const Scenario s = parse_genius(
      domain, {{"p.xml", profile(R"(<hyperRectangle utility="4"><INCLUDES index="1" min="-3" max="2"/></hyperRectangle>
<hyperRectangle utility="5"><INCLUDES index="1" min="20" max="30"/></hyperRectangle>
<hyperRectangle utility="6"><EXCLUDES index="1" min="20" max="30"/></hyperRectangle>)")}},
      "d");
  ASSERT_EQ(s.actors[0].rectangles.size(), 2u);
  EXPECT_EQ(s.actors[0].rectangles[0].bounds[0].min, 0u);
  EXPECT_EQ(s.actors[0].rectangles[0].bounds[0].max, 2u);
  EXPECT_NEAR(utility(s, 0, {1, 0}), (4.0 + 6.0) / 10.0, 1e-12);
  EXPECT_NEAR(utility(s, 0, {5, 0}), 6.0 / 10.0, 1e-12);
}

TEST(Genius, BadDomains) {
  const auto message = [](const std::string& domain) {
    return input_error([&] { parse_genius(domain, {{"p.xml", small_profile()}}, "d.xml"); }).message();
  };
  EXPECT_NE(message("<negotiation_template><utility_space/></negotiation_template>").find("no <objective>"),
            std::string::npos);
  EXPECT_NE(
      message(
          R"(<negotiation_template><objective><issue index="1" name="n" type="integer" lowerbound="5" upperbound="1"/></objective></negotiation_template>)")
          .find("below lowerbound"),
      std::string::npos);
  EXPECT_NE(
      message(
          R"(<negotiation_template><objective><issue index="1" name="n" type="integer" lowerbound="0" upperbound="100000000000"/></objective></negotiation_template>)")
          .find("too many values"),
      std::string::npos);
  EXPECT_NE(
      message(
          R"(<negotiation_template><objective><issue index="1" name="n" type="colour"/></objective></negotiation_template>)")
          .find("type 'colour'"),
      std::string::npos);
  EXPECT_NE(
      message(R"(<negotiation_template><objective><issue index="x" name="n"/></objective></negotiation_template>)")
          .find("not an integer"),
      std::string::npos);
  EXPECT_NE(message("<utility_space/>").find("root element is <utility_space>"), std::string::npos);
}

}  // namespace
}  // namespace parley
