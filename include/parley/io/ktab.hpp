#pragma once
// KTAB actor tables (KAPSARC Toolkit for Behavioral Analysis, github.com/KAPSARC/KTAB): the
// CSV and XML inputs of its Spatial Model of Politics.
//
// CSV: line 1 `name,description,#actors,#dims` (further fields ignored, as KTAB does);
// line 2 the header `Actor,Description,<Capability>,<Dim1> Position,<Dim1> Salience,...`;
// then one line per actor: name, description, capability (> 0), and per dimension a
// position and a salience, both on 0–100. Trailing commas, CRLF line ends and blank lines
// are accepted; fields may be double-quoted.
// XML: <Scenario> with name, desc, optional prngSeed and ModelParameters, Dimensions/dName,
// Actors/Actor (name, description, capability, Position/dCoord, Salience/dSal) and an
// optional IdealAdjustment (iaPair: adjustingIdeal, referencePos, adjust).
//
// The scenario: one continuous issue 0–100 per dimension (id from the dimension's name),
// one actor per row (id from its name; the description becomes the actor's note) with
// capability, position as given and salience / 100, and one stage over all issues.
// KTAB also requires each actor's saliences to sum to at most 100; so does this importer.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "parley/core/scenario.hpp"
#include "parley/forecast/model.hpp"

namespace parley {

struct KtabInput {
  Scenario scenario;
  // The XML's ModelParameters (KTAB names and values, e.g. VictoryProbModel=Linear) and,
  // when the IdealAdjustment differs from the identity, "IdealAdjustment" as JSON
  // [[adjusting actor id, reference actor id, rate], ...]. Empty for CSV files. Feed to the
  // "smp" forecast model.
  ModelParameters parameters;
  std::optional<std::uint64_t> seed;  // the XML's prngSeed
};

enum class KtabFormat { csv, xml };

// The format of `text` when it looks like a KTAB table: an XML document whose root is
// <Scenario> with <Actors>, or CSV whose second line starts with "Actor,".
std::optional<KtabFormat> detect_ktab_format(std::string_view text);

// Reads `file` (format from its content). Throws InputError("file:line:col: what is wrong").
KtabInput import_ktab(const std::filesystem::path& file);

// Parse text; `file_name` is used in error messages. Throw InputError.
KtabInput parse_ktab_csv(std::string_view text, const std::string& file_name);
KtabInput parse_ktab_xml(std::string_view text, const std::string& file_name);

}  // namespace parley
