// GENIUS / ANAC domain folders -> Scenario. The file formats are read by genius_domain.cpp
// (issues) and genius_profile.cpp (utility functions); this file finds the files, names
// things and assembles the scenario: one issue per domain issue, one actor per profile,
// one stage "all" over every issue, no channels.

#include "parley/io/genius.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <system_error>

#include "genius_detail.hpp"
#include "scenario_yaml_internal.hpp"
#include "parley/io/files.hpp"
#include "parley/io/input_error.hpp"

namespace parley {

namespace genius_detail {

std::string id_from_name(std::string_view name, std::string_view fallback) {
  std::string id;
  bool pending_separator = false;
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_') {
      if (pending_separator && !id.empty()) id += '_';
      pending_separator = false;
      id += static_cast<char>(std::tolower(u));
    } else {
      pending_separator = true;
    }
  }
  while (!id.empty() && id.back() == '_') id.pop_back();
  const auto first = id.find_first_not_of('_');
  id.erase(0, first == std::string::npos ? id.size() : first);
  return id.empty() ? std::string(fallback) : id;
}

}  // namespace genius_detail

namespace {

using genius_detail::XmlFile;

static_assert(genius_detail::kMaxIntegerValues <= yaml_scenario::kMaxExplicitValues,
              "an imported integer issue must fit the scenario format's explicit values");

constexpr std::string_view kDomainRoot = "negotiation_template";
constexpr std::string_view kProfileRoot = "utility_space";

// Files whose first character (after a UTF-8 byte-order mark and white space) is not '<' are
// not XML at all, e.g. the `pareto.xml` frontiers of the ANAC 2014 domains: skipped.
bool looks_like_xml(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const auto first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '<';
}

bool has_xml_extension(const std::filesystem::path& path) {
  return genius_detail::equals_ignoring_case(path.extension().string(), ".xml");
}

std::string file_name_of(const std::string& label) { return std::filesystem::path(label).filename().string(); }

void require_root(const XmlFile& file, std::string_view expected, std::string_view what) {
  const std::string_view root = file.root().name();
  if (root != expected)
    throw file.error(file.root(), fmt::format("root element is <{}>; a GENIUS {} has <{}>", root, what, expected));
}

struct ProfileFile {
  const XmlFile* file;
  std::string party;  // the profile's name: its file stem
};

Scenario assemble(const XmlFile& domain_file, const std::vector<ProfileFile>& profiles, const std::string& name,
                  const GeniusOptions& options) {
  const genius_detail::Domain domain = genius_detail::read_domain(domain_file);
  if (profiles.empty())
    throw InputError(domain_file.name(), "no GENIUS profile (root element <utility_space>) to go with this domain");

  Scenario scenario;
  scenario.name = name;
  scenario.description =
      fmt::format("Imported from the GENIUS domain {} with {} profile{}", file_name_of(domain_file.name()),
                  profiles.size(), profiles.size() == 1 ? "" : "s");
  scenario.issues = domain.issues;

  std::set<std::string> actor_ids;
  for (const ProfileFile& profile : profiles) {
    Actor actor = genius_detail::read_profile(*profile.file, domain, options);
    actor.name = profile.party;
    actor.id = genius_detail::unique_id(genius_detail::id_from_name(profile.party, "party"), actor_ids);
    const std::string source = fmt::format("GENIUS profile {}", file_name_of(profile.file->name()));
    actor.note = actor.note.empty() ? source : fmt::format("{}; {}", source, actor.note);
    scenario.actors.push_back(std::move(actor));
  }

  // The scenario format caps the explicit values of a file; refuse here what the written
  // file would fail on.
  std::uint64_t explicit_values = 0;
  for (const Actor& actor : scenario.actors)
    for (const Stance& stance : actor.stances) explicit_values += stance.values.size();
  if (explicit_values > yaml_scenario::kMaxExplicitValuesTotal)
    throw InputError(domain_file.name(),
                     fmt::format("the profiles give {} explicit utilities in all, more than a scenario file holds ({})",
                                 explicit_values, yaml_scenario::kMaxExplicitValuesTotal));

  scenario.stages.push_back(all_issues_stage(scenario.issues.size()));
  return scenario;
}

std::string party_name(const std::string& file_name, std::size_t position) {
  const std::string stem = std::filesystem::path(file_name).stem().string();
  return stem.empty() ? fmt::format("party {}", position + 1) : stem;
}

std::string folder_name(const std::filesystem::path& folder) {
  std::error_code error;
  std::filesystem::path path = std::filesystem::weakly_canonical(folder, error);
  if (error) path = folder.lexically_normal();
  if (!path.has_filename()) path = path.parent_path();
  const std::string name = path.filename().string();
  return name.empty() ? "genius" : name;
}

}  // namespace

bool is_genius_folder(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_directory(path, error)) return false;
  std::filesystem::directory_iterator entry(path, error);
  for (; !error && entry != std::filesystem::directory_iterator(); entry.increment(error)) {
    if (!entry->is_regular_file(error) || !has_xml_extension(entry->path())) continue;
    try {
      std::string text = read_text_file(entry->path());
      if (!looks_like_xml(text) || text.find(kDomainRoot) == std::string::npos) continue;
      const XmlFile file(entry->path().string(), std::move(text));
      if (file.root().name() == kDomainRoot) return true;
    } catch (const InputError&) {
      // unreadable or malformed: not evidence of a GENIUS folder
    }
  }
  return false;
}

Scenario import_genius(const std::filesystem::path& folder, const GeniusOptions& options) {
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error)) throw InputError(folder.string(), "not a folder");
  std::vector<std::filesystem::path> paths;
  std::filesystem::directory_iterator entry(folder, error);
  for (; !error && entry != std::filesystem::directory_iterator(); entry.increment(error))
    if (entry->is_regular_file(error) && has_xml_extension(entry->path())) paths.push_back(entry->path());
  if (error) throw InputError(folder.string(), fmt::format("cannot list the folder: {}", error.message()));
  std::sort(paths.begin(), paths.end(),
            [](const auto& a, const auto& b) { return a.filename().string() < b.filename().string(); });

  std::unique_ptr<XmlFile> domain;
  std::vector<std::unique_ptr<XmlFile>> profile_files;
  for (const auto& path : paths) {
    std::string text = read_text_file(path);
    if (!looks_like_xml(text)) continue;
    auto file = std::make_unique<XmlFile>(path.string(), std::move(text));
    const std::string_view root = file->root().name();
    if (root == kDomainRoot) {
      if (domain)
        throw InputError(path.string(), fmt::format("a second domain file (root <{}>); {} is one already", kDomainRoot,
                                                    file_name_of(domain->name())));
      domain = std::move(file);
    } else if (root == kProfileRoot) {
      profile_files.push_back(std::move(file));
    }
    // Any other root is not a GENIUS domain or profile: ignored.
  }
  if (!domain)
    throw InputError(folder.string(),
                     fmt::format("no GENIUS domain file (an .xml file with root element <{}>)", kDomainRoot));

  std::vector<ProfileFile> profiles;
  for (const auto& file : profile_files)
    profiles.push_back({file.get(), party_name(file_name_of(file->name()), profiles.size())});
  return assemble(*domain, profiles, folder_name(folder), options);
}

Scenario parse_genius(std::string_view domain_xml, const std::vector<std::pair<std::string, std::string>>& profiles,
                      const std::string& domain_name, const GeniusOptions& options) {
  const XmlFile domain(domain_name, std::string(domain_xml));
  require_root(domain, kDomainRoot, "domain file");
  std::vector<std::unique_ptr<XmlFile>> files;
  std::vector<ProfileFile> profile_files;
  for (const auto& [name, text] : profiles) {
    files.push_back(std::make_unique<XmlFile>(name, text));
    require_root(*files.back(), kProfileRoot, "profile");
    profile_files.push_back({files.back().get(), party_name(name, profile_files.size())});
  }
  return assemble(domain, profile_files, domain_name, options);
}

}  // namespace parley
