#pragma once
// The results database of a study (a tournament, a sweep): one SQLite file, the schema in
// docs/results.md. It holds the study's identity (kind, schema version, parley version, seed,
// every parameter, scenario hashes), one raw record per finished run (what `parley results`
// summarises again), the study's typed tables (one row per run and per actor result, for SQL
// and other tools) and a table `meta` with the wall-clock facts of each execution.
//
// Everything outside `meta` is a function of the study and the set of finished runs: rows are
// keyed by run (tables WITHOUT ROWID, so they are stored and read back in key order), and a
// block of runs is committed in one transaction (WAL journal). So a study killed at any
// moment holds whole blocks only, reopening the same study resumes with the runs it lacks
// (pending()), and the finished file equals, outside `meta`, an uninterrupted one, whatever
// the thread or MPI rank count.
//
// Safety: a file that is not a parley results database, or that holds another study (another
// scenario, seed, parameter, schema version), is refused with a parley::Error that says what
// differs, before anything is written to it. A new database is created complete (schema and
// identity) under a temporary name and renamed into place.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace parley {

// Bumped whenever a table or column changes meaning; a database of another version is refused.
inline constexpr int kResultsSchemaVersion = 1;

// What makes two executions the same study. Two identities are the same study when every
// field is equal.
struct StudyIdentity {
  std::string kind;  // "tournament", "sweep"
  // Every input that decides the records, in a fixed order (e.g. seed, strategies, domain
  // names and hashes, rounds, protocol). Values are text.
  std::vector<std::pair<std::string, std::string>> parameters;
  std::uint64_t runs = 0;  // runs of the whole study
  std::size_t width = 0;  // doubles per record
  // The study's own tables: CREATE TABLE statements (keyed by run, WITHOUT ROWID), created
  // with the database. Part of the identity: a changed table is another schema.
  std::vector<std::string> tables;
};

using SqlValue = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

// Inserts rows into a study's typed tables inside the transaction of one block. A NaN double
// is stored as NULL.
class RowInserter {
 public:
  virtual ~RowInserter() = default;
  // INSERT INTO table VALUES (values...). REQUIRES: table is one of the study's tables.
  virtual void insert(std::string_view table, std::initializer_list<SqlValue> values) = 0;
};
// Writes the typed rows of the runs of one block (runs[i]'s record is records[i·width ...]).
using RowWriter =
    std::function<void(RowInserter& rows, std::span<const std::uint64_t> runs, std::span<const double> records)>;

class ResultsDb {
 public:
  // Creates `path` (and missing parent folders) for `identity`, or reopens it when it holds
  // the same study. Throws parley::Error: kind io when it cannot be created, opened or read
  // (with SQLite's reason), kind invalid when the file is no parley results database, has
  // another schema version or holds another study (naming the first field that differs).
  ResultsDb(const std::filesystem::path& path, StudyIdentity identity);
  ~ResultsDb();
  ResultsDb(const ResultsDb&) = delete;
  ResultsDb& operator=(const ResultsDb&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // The study's runs without a record yet, in increasing order.
  std::vector<std::uint64_t> pending() const;
  // Commits one block atomically: each run's record and its typed rows. REQUIRES: runs not
  // yet committed, strictly increasing; records.size() == runs.size() · width.
  void commit(std::span<const std::uint64_t> runs, std::span<const double> records, const RowWriter& rows);
  // Sets meta.key = value (one transaction). Wall-clock facts only: nothing a summary reads.
  void set_meta(std::string_view key, std::string_view value);

 private:
  struct Impl;
  std::filesystem::path path_;
  std::unique_ptr<Impl> impl_;
};

// A stored study, read back for `parley results`.
struct StoredStudy {
  StudyIdentity identity;  // tables: empty (not needed to summarise)
  std::string parley_version;
  std::vector<std::uint64_t> runs;  // finished runs, increasing
  std::vector<double> records;  // runs.size() · width
  std::vector<std::pair<std::string, std::string>> meta;
  // The value of parameter `key`, or empty.
  std::string parameter(std::string_view key) const;
};
// Reads a results database without changing it. Throws parley::Error as ResultsDb does (io:
// missing or unreadable; invalid: not a parley results database, another schema version).
StoredStudy read_results(const std::filesystem::path& path);

}  // namespace parley
