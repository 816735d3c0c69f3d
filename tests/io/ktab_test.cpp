// KTAB CSV and XML importers: every shipped table, CSV/XML agreement, and bad files.

#include "parley/io/ktab.hpp"

#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "parley/io/input_error.hpp"

namespace parley {
namespace {

const std::filesystem::path kInputs = std::filesystem::path(PARLEY_TEST_DATA) / "ktab" / "inputs";

TEST(KtabImport, ShippedCsvTables) {
  struct Case {
    const char* file;
    std::size_t actors, dims;
  };
  for (const Case& c : {Case{"SOE-Competitive.csv", 34, 1}, Case{"SOE-Policy.csv", 26, 1}, Case{"SOE-Pol-Comp.csv", 13, 2},
                        Case{"dummyData_3Dim.csv", 7, 3}, Case{"dummyData_3Dim-no-final-comma.csv", 7, 3},
                        Case{"dummyData_6Dim.csv", 27, 6}, Case{"dummyData-a040.csv", 40, 1},
                        Case{"dummyData-a080.csv", 80, 1}, Case{"dummyData-a160.csv", 160, 1}}) {
    SCOPED_TRACE(c.file);
    const KtabInput input = import_ktab(kInputs / c.file);
    EXPECT_EQ(input.scenario.actors.size(), c.actors);
    EXPECT_EQ(input.scenario.issues.size(), c.dims);
    EXPECT_TRUE(input.parameters.empty());
    EXPECT_FALSE(input.seed);
    ASSERT_EQ(input.scenario.stages.size(), 1u);
    EXPECT_EQ(input.scenario.stages[0].issues.size(), c.dims);
    for (const Issue& issue : input.scenario.issues) {
      EXPECT_EQ(issue.kind, IssueKind::continuous);
      EXPECT_EQ(issue.lower, 0);
      EXPECT_EQ(issue.upper, 100);
    }
    for (const Actor& actor : input.scenario.actors) {
      EXPECT_GT(actor.capability, 0);
      ASSERT_EQ(actor.stances.size(), c.dims);
      for (const Stance& s : actor.stances) {
        EXPECT_GE(s.position, 0);
        EXPECT_LE(s.position, 100);
        EXPECT_GE(s.salience, 0);
        EXPECT_LE(s.salience, 1);
      }
    }
  }
}

TEST(KtabImport, SoeValuesAsGiven) {
  const Scenario s = import_ktab(kInputs / "SOE-Pol-Comp.csv").scenario;
  EXPECT_EQ(s.name, "China Policy/Competitive; scen 2");
  EXPECT_EQ(s.issues[0].name, "Policy Position");
  EXPECT_EQ(s.issues[0].id, "Policy_Position");
  EXPECT_EQ(s.actors[1].id, "LK");
  EXPECT_EQ(s.actors[1].name, "LK");
  EXPECT_NE(s.actors[1].note.find("Li Keqiang"), std::string::npos);
  EXPECT_DOUBLE_EQ(s.actors[1].capability, 60.2);
  EXPECT_DOUBLE_EQ(s.actors[1].stances[0].position, 45);
  EXPECT_DOUBLE_EQ(s.actors[1].stances[0].salience, 0.447);
  EXPECT_DOUBLE_EQ(s.actors[1].stances[1].position, 65);
  EXPECT_DOUBLE_EQ(s.actors[1].stances[1].salience, 0.413);
}

void expect_same_table(const Scenario& a, const Scenario& b) {
  ASSERT_EQ(a.actors.size(), b.actors.size());
  ASSERT_EQ(a.issues.size(), b.issues.size());
  for (std::size_t k = 0; k < a.issues.size(); ++k) EXPECT_EQ(a.issues[k].name, b.issues[k].name);
  for (std::size_t i = 0; i < a.actors.size(); ++i) {
    EXPECT_EQ(a.actors[i].id, b.actors[i].id);
    EXPECT_DOUBLE_EQ(a.actors[i].capability, b.actors[i].capability);
    for (std::size_t k = 0; k < a.issues.size(); ++k) {
      EXPECT_DOUBLE_EQ(a.actors[i].stances[k].position, b.actors[i].stances[k].position);
      EXPECT_DOUBLE_EQ(a.actors[i].stances[k].salience, b.actors[i].stances[k].salience);
    }
  }
}

TEST(KtabImport, CsvAndXmlOfTheSameTableAgree) {
  expect_same_table(import_ktab(kInputs / "SOE-Pol-Comp.csv").scenario, import_ktab(kInputs / "soepc-default.xml").scenario);
  expect_same_table(import_ktab(kInputs / "dummyData_3Dim.csv").scenario, import_ktab(kInputs / "d3-default.xml").scenario);
  expect_same_table(import_ktab(kInputs / "dummyData_3Dim.csv").scenario,
                    import_ktab(kInputs / "dummyData_3Dim-no-final-comma.csv").scenario);
}

TEST(KtabImport, XmlModelParametersAndSeed) {
  for (const auto& entry : std::filesystem::directory_iterator(kInputs)) {
    if (entry.path().extension() != ".xml") continue;
    SCOPED_TRACE(entry.path().filename().string());
    const KtabInput input = import_ktab(entry.path());
    EXPECT_EQ(input.parameters.size(), 9u);  // identity IdealAdjustment: no parameter
    EXPECT_TRUE(input.seed);
    // <prefix>-<Parameter>-<Value>.xml sets that parameter to that value.
    const std::string stem = entry.path().stem().string();
    const auto first = stem.find('-');
    const auto second = stem.find('-', first + 1);
    if (second != std::string::npos) {
      EXPECT_EQ(input.parameters.at(stem.substr(first + 1, second - first - 1)), stem.substr(second + 1));
    }
  }
  const KtabInput d3 = import_ktab(kInputs / "d3-default.xml");
  EXPECT_EQ(*d3.seed, 15455440707583219804ull);
  EXPECT_EQ(d3.parameters.at("VictoryProbModel"), "Linear");
}

const char* kMinimalXml = R"(<?xml version="1.0"?>
<Scenario>
  <name>Tiny</name>
  <desc>two actors</desc>
  <Dimensions><dName>Tax</dName></Dimensions>
  <Actors>
    <Actor><name>A</name><description>first</description><capability>10</capability>
      <Position><dCoord>20</dCoord></Position><Salience><dSal>50</dSal></Salience></Actor>
    <Actor><name>B</name><description>second</description><capability>30</capability>
      <Position><dCoord>80</dCoord></Position><Salience><dSal>70</dSal></Salience></Actor>
  </Actors>
  IDEAL
</Scenario>
)";

std::string minimal_xml(const std::string& ideal = "") {
  std::string text = kMinimalXml;
  text.replace(text.find("IDEAL"), 5, ideal);
  return text;
}

TEST(KtabImport, XmlWithoutParametersOrIdealAdjustment) {
  const KtabInput input = parse_ktab_xml(minimal_xml(), "tiny.xml");
  EXPECT_TRUE(input.parameters.empty());
  EXPECT_FALSE(input.seed);
  ASSERT_EQ(input.scenario.actors.size(), 2u);
  EXPECT_DOUBLE_EQ(input.scenario.actors[1].stances[0].salience, 0.7);
}

TEST(KtabImport, NonIdentityIdealAdjustmentBecomesAParameter) {
  const KtabInput input = parse_ktab_xml(
      minimal_xml("<IdealAdjustment><iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>B</referencePos>"
                  "<adjust>0.25</adjust></iaPair><iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>A</referencePos>"
                  "<adjust>0.5</adjust></iaPair></IdealAdjustment>"),
      "tiny.xml");
  const auto triples = nlohmann::json::parse(input.parameters.at("IdealAdjustment"));
  EXPECT_EQ(triples, nlohmann::json::parse(R"([["A","A",0.5],["A","B",0.25],["B","B",1.0]])"));
}

TEST(KtabImport, DetectsTheFormat) {
  EXPECT_EQ(detect_ktab_format(minimal_xml()), KtabFormat::xml);
  EXPECT_EQ(detect_ktab_format("T,d,1,1\nActor,Description,Power,P,S\nA,a,1,2,3\n"), KtabFormat::csv);
  EXPECT_EQ(detect_ktab_format("Actor,Capability,Position,Salience\nA,1,2,3\n"), std::nullopt);
  EXPECT_EQ(detect_ktab_format("<negotiation_template/>"), std::nullopt);
}

// The error message of parsing `text`, which must fail.
std::string csv_error(const std::string& text) {
  try {
    parse_ktab_csv(text, "t.csv");
  } catch (const InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no InputError for:\n" << text;
  return {};
}

std::string xml_error(const std::string& text) {
  try {
    parse_ktab_xml(text, "t.xml");
  } catch (const InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no InputError for:\n" << text;
  return {};
}

const std::string kHead = "Tiny,desc,2,2\nActor,Description,Power,P1,S1,P2,S2\n";

TEST(KtabImport, BadCsvFilesSayWhereAndWhat) {
  EXPECT_EQ(csv_error(kHead + "A,a,10,20,30,40\nB,b,10,20,30,40,50\n"),
            "t.csv:3: 6 columns; this table needs 7 (name, description, capability and a position and a salience for "
            "each of 2 dimensions)");
  EXPECT_EQ(csv_error(kHead + "A,a,10,20,30,4O,50\nB,b,10,20,30,40,50\n"),
            "t.csv:3:14: position must be a number, not '4O'");
  EXPECT_EQ(csv_error(kHead + "A,a,10,20,30,40,50\n"), "t.csv:3: the first line declares 2 actors but the file has 1 actor line");
  EXPECT_EQ(csv_error(kHead + "A,a,10,20,30,40,50\nB,b,1,2,3,4,5\nC,c,1,2,3,4,5\n"),
            "t.csv:5: more actor lines than the 2 the first line declares");
  EXPECT_EQ(csv_error(kHead + "A,a,0,20,30,40,50\nB,b,10,20,30,40,50\n"),
            "t.csv:3:5: capability of actor 'A' is 0; it must be > 0");
  EXPECT_EQ(csv_error(kHead + "A,a,-3,20,30,40,50\nB,b,10,20,30,40,50\n"),
            "t.csv:3:5: capability of actor 'A' is -3; it must be > 0");
  EXPECT_EQ(csv_error(kHead + "A,a,10,20,30,140,50\nB,b,10,20,30,40,50\n"),
            "t.csv:3:14: position of actor 'A' on 'P2' is 140; KTAB positions are on the scale 0–100");
  EXPECT_EQ(csv_error(kHead + "A,a,10,-1,30,40,50\nB,b,10,20,30,40,50\n"),
            "t.csv:3:8: position of actor 'A' on 'P1' is -1; KTAB positions are on the scale 0–100");
  EXPECT_EQ(csv_error(kHead + "A,a,10,20,101,40,50\nB,b,10,20,30,40,50\n"),
            "t.csv:3:11: salience of actor 'A' on 'P1' is 101; KTAB saliences are on the scale 0–100");
  EXPECT_EQ(csv_error(kHead + "A,a,10,20,60,40,50\nB,b,10,20,30,40,50\n"),
            "t.csv:3: saliences of actor 'A' sum to 110; KTAB requires at most 100 over all dimensions");
  EXPECT_EQ(csv_error("Tiny,desc,2,2\nActor,Description,Power,P1,S1,P2\nA,a,10,20,30,40,50\n"),
            "t.csv:2: the header has 6 columns; with 2 dimensions KTAB expects 7: Actor, Description, capability, then a "
            "position and a salience column per dimension");
  EXPECT_EQ(csv_error("Tiny,desc,two,2\nActor,Description,Power,P1,S1,P2,S2\n"),
            "t.csv:1:11: #actors must be a whole number, not 'two'");
  EXPECT_EQ(csv_error("Tiny,desc\nActor,Description\n"),
            "t.csv:1: the first line has 2 fields; KTAB expects name,description,#actors,#dimensions");
  EXPECT_EQ(csv_error("Tiny,desc,1,1\n"), "t.csv:2: a KTAB table needs a title line and a header line");
  EXPECT_EQ(csv_error("Tiny,desc,1,0\nActor,Description,Power\n"), "t.csv:1:13: #dimensions is 0; it must be between 1 and 10000");
  EXPECT_EQ(csv_error(kHead + "\"A,a,10,20,30,40,50\nB,b,10,20,30,40,50\n"), "t.csv:3:1: a quoted field is not closed (missing \")");
  EXPECT_EQ(csv_error(kHead + "A,a,10,20,30,40,50\nA,b,10,20,30,40,50\n"), "t.csv:4:1: actor 'A' appears twice");
  EXPECT_EQ(csv_error(""), "t.csv:1: a KTAB table needs a title line and a header line");
}

TEST(KtabImport, CsvQuirksAccepted) {
  // CRLF, quotes, spaces, trailing commas, blank lines, extra fields on line 1.
  const KtabInput input = parse_ktab_csv(
      "\"Tiny, quoted\" , \"a \"\"desc\"\"\", 2 , 1 ,0,,\r\nActor,Description,Power,P1,S1,\r\n\r\n A , a , 1.5 , 20 , "
      "30 ,,\r\nB,b,2,+80,70\r\n\r\n",
      "t.csv");
  EXPECT_EQ(input.scenario.name, "Tiny, quoted");
  ASSERT_EQ(input.scenario.actors.size(), 2u);
  EXPECT_EQ(input.scenario.actors[0].id, "A");
  EXPECT_DOUBLE_EQ(input.scenario.actors[0].capability, 1.5);
  EXPECT_DOUBLE_EQ(input.scenario.actors[1].stances[0].position, 80);
}

TEST(KtabImport, BadXmlFilesSayWhereAndWhat) {
  EXPECT_EQ(xml_error("<Scenario><name>x</name>\n<Dimensions></Scenario>"),
            "t.xml:2:15: not well-formed XML: Start-end tags mismatch");
  EXPECT_EQ(xml_error("<scenario/>"), "t.xml:1:1: the root element is <scenario>; a KTAB scenario's is <Scenario>");
  std::string text = minimal_xml();
  EXPECT_EQ(xml_error(std::string(text).replace(text.find("<capability>30"), 14, "<capability>x3")),
            "t.xml:9:59: capability must be a number, not 'x3'");
  EXPECT_EQ(xml_error(std::string(text).replace(text.find("<capability>30"), 14, "<capability>0")),
            "t.xml:9:59: capability of actor 'B' is 0; it must be > 0");
  EXPECT_EQ(xml_error(std::string(text).replace(text.find("<dCoord>80"), 10, "<dCoord>180")),
            "t.xml:10:17: position of actor 'B' on 'Tax' is 180; KTAB positions are on the scale 0–100");
  EXPECT_EQ(xml_error(std::string(text).replace(text.find("<dCoord>80</dCoord>"), 19, "")),
            "t.xml:10:7: actor 'B' has 0 <dCoord> values; the scenario has 1 dimension");
  EXPECT_EQ(xml_error(std::string(text).replace(text.find("<Dimensions>"), 37, "")), "t.xml:2:1: <Scenario> has no <Dimensions>");
  EXPECT_EQ(xml_error(minimal_xml("<ModelParameters><VotingRule>Proportional</VotingRule></ModelParameters>")),
            "t.xml:12:20: 'Proportional' is not a value of VotingRule; use one of: Binary, PropBin, Prop, PropCbc, Cubic, "
            "ASymProsp");
  EXPECT_NE(xml_error(minimal_xml("<ModelParameters><Speed>Fast</Speed></ModelParameters>"))
                .find("t.xml:12:20: unknown model parameter <Speed>; KTAB's are: VictoryProbModel, "),
            std::string::npos);
  EXPECT_EQ(xml_error(minimal_xml("<IdealAdjustment><iaPair><adjustingIdeal>C</adjustingIdeal><referencePos>A</referencePos>"
                                  "<adjust>1</adjust></iaPair></IdealAdjustment>")),
            "t.xml:12:28: no actor named 'C'");
}

TEST(KtabImport, MissingFile) { EXPECT_THROW(import_ktab(kInputs / "no-such-file.csv"), InputError); }

}  // namespace
}  // namespace parley
