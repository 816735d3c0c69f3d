// Results databases over SQLite's C API (results_db.hpp; schema in docs/results.md).
#include "parley/io/results_db.hpp"

#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <system_error>

#include "parley/core/error.hpp"
#include "parley/io/files.hpp"

namespace parley {
namespace fs = std::filesystem;
namespace {

Error sqlite_error(const fs::path& path, sqlite3* db, std::string_view what) {
  return Error(ErrorKind::io, fmt::format("{}: {}", what, db != nullptr ? sqlite3_errmsg(db) : "out of memory"),
               Location{path.string(), 0, 0, "", false});
}
Error study_error(const fs::path& path, std::string message) {
  return Error(ErrorKind::invalid, std::move(message), Location{path.string(), 0, 0, "", false});
}

class Connection {
 public:
  Connection(const fs::path& path, int flags) : path_(path) {
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      const Error error = sqlite_error(path, db_, "cannot open the results database");
      sqlite3_close(db_);
      throw error;
    }
    sqlite3_busy_timeout(db_, 10'000);
  }
  ~Connection() { sqlite3_close(db_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  sqlite3* get() const { return db_; }
  const fs::path& path() const { return path_; }
  void exec(const std::string& sql) const {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      const std::string reason = message != nullptr ? message : sqlite3_errmsg(db_);
      sqlite3_free(message);
      throw Error(ErrorKind::io, fmt::format("results database: {}", reason), Location{path_.string(), 0, 0, "", false});
    }
  }

 private:
  fs::path path_;
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(const Connection& connection, const std::string& sql) : connection_(&connection) {
    if (sqlite3_prepare_v2(connection.get(), sql.c_str(), -1, &statement_, nullptr) != SQLITE_OK)
      throw sqlite_error(connection.path(), connection.get(), "results database");
  }
  ~Statement() { sqlite3_finalize(statement_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind(int index, const SqlValue& value) {
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(value)) rc = sqlite3_bind_null(statement_, index);
    else if (const auto* i = std::get_if<std::int64_t>(&value)) rc = sqlite3_bind_int64(statement_, index, *i);
    else if (const auto* d = std::get_if<double>(&value))
      rc = std::isnan(*d) ? sqlite3_bind_null(statement_, index) : sqlite3_bind_double(statement_, index, *d);
    else {
      const std::string& s = std::get<std::string>(value);
      rc = sqlite3_bind_text(statement_, index, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    }
    check(rc);
  }
  void bind_blob(int index, const void* data, std::size_t bytes) {
    check(sqlite3_bind_blob(statement_, index, data, static_cast<int>(bytes), SQLITE_TRANSIENT));
  }
  // True while a row is ready.
  bool step() {
    const int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw sqlite_error(connection_->path(), connection_->get(), "results database");
  }
  void run() {
    while (step()) {
    }
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  std::int64_t integer(int column) const { return sqlite3_column_int64(statement_, column); }
  std::string text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    return p != nullptr ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))) : "";
  }
  std::span<const unsigned char> blob(int column) const {
    const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(statement_, column));
    return {p, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))};
  }

 private:
  void check(int rc) const {
    if (rc != SQLITE_OK) throw sqlite_error(connection_->path(), connection_->get(), "results database");
  }
  const Connection* connection_;
  sqlite3_stmt* statement_ = nullptr;
};

// The study table as key → value: identity fields as "kind", "schema", "runs", "width",
// "parameter:NAME", "table:N".
std::vector<std::pair<std::string, std::string>> identity_rows(const StudyIdentity& identity) {
  std::vector<std::pair<std::string, std::string>> rows;
  rows.emplace_back("kind", identity.kind);
  rows.emplace_back("schema", std::to_string(kResultsSchemaVersion));
  rows.emplace_back("runs", std::to_string(identity.runs));
  rows.emplace_back("width", std::to_string(identity.width));
  for (const auto& [key, value] : identity.parameters) rows.emplace_back("parameter:" + key, value);
  for (std::size_t i = 0; i < identity.tables.size(); ++i)
    rows.emplace_back(fmt::format("table:{:03}", i), identity.tables[i]);
  return rows;
}

std::map<std::string, std::string> read_study_rows(const Connection& db) {
  Statement exists(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'study'");
  exists.step();
  if (exists.integer(0) == 0)
    throw study_error(db.path(), "not a parley results database (it has no table `study`)");
  std::map<std::string, std::string> rows;
  Statement select(db, "SELECT key, value FROM study");
  while (select.step()) rows[select.text(0)] = select.text(1);
  const auto schema = rows.find("schema");
  if (schema == rows.end() || rows.find("kind") == rows.end())
    throw study_error(db.path(), "not a parley results database (its table `study` lacks the kind or schema)");
  if (schema->second != std::to_string(kResultsSchemaVersion))
    throw study_error(db.path(), fmt::format("the database has results schema version {}; this parley reads version {} "
                                             "(rerun the study into a new file)",
                                             schema->second, kResultsSchemaVersion));
  return rows;
}

// SQLite opens lazily: reading the schema is what tells a file that is no database. Callers
// open read-only to look before anything is written (a wrong file stays as it was).
void check_is_database(const Connection& db) {
  try {
    Statement probe(db, "SELECT count(*) FROM sqlite_schema");
    probe.step();
  } catch (const Error&) {
    throw study_error(db.path(), fmt::format("not a parley results database ({})", sqlite3_errmsg(db.get())));
  }
}

// Opens a database to read it. A writer killed mid-commit can leave a WAL index that must be
// rebuilt before anyone reads, which a read-only connection may not do (SQLITE_READONLY_RECOVERY
// and its kin); such a database is opened for writing instead: rebuilding the index in the
// -shm file changes no table, and nothing else is written.
std::unique_ptr<Connection> open_to_read(const fs::path& path) {
  auto db = std::make_unique<Connection>(path, SQLITE_OPEN_READONLY);
  if (sqlite3_exec(db->get(), "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr) == SQLITE_OK) return db;
  if ((sqlite3_extended_errcode(db->get()) & 0xff) != SQLITE_READONLY) return db;  // check_is_database says why
  db.reset();
  return std::make_unique<Connection>(path, SQLITE_OPEN_READWRITE);
}

std::string display(const std::string& value) {
  return value.size() > 60 ? value.substr(0, 57) + "..." : value;
}

void create_database(const fs::path& path, const StudyIdentity& identity) {
  std::error_code ec;
  if (!path.parent_path().empty()) fs::create_directories(path.parent_path(), ec);
  remove_stale_temporaries(path.parent_path());
  const fs::path temporary = path.string() + ".parley-tmp-" + std::to_string(::getpid());
  fs::remove(temporary, ec);
  {
    Connection db(temporary, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    db.exec("BEGIN");
    db.exec("CREATE TABLE study (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID");
    db.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID");
    db.exec("CREATE TABLE records (run INTEGER PRIMARY KEY, record BLOB NOT NULL) WITHOUT ROWID");
    for (const std::string& table : identity.tables) db.exec(table);
    Statement insert(db, "INSERT INTO study VALUES (?, ?)");
    for (const auto& [key, value] : identity_rows(identity)) {
      insert.bind(1, key);
      insert.bind(2, value);
      insert.run();
    }
    insert.bind(1, std::string("parley_version"));
    insert.bind(2, std::string(PARLEY_VERSION));
    insert.run();
    db.exec("COMMIT");
  }
  // A deleted database's write-ahead log and index may remain (a killed run, then the file
  // removed by hand): SQLite would replay that log into the new file, bringing back another
  // study's records or corrupting it. Nothing opens them without their database.
  for (const char* companion : {"-wal", "-shm", "-journal"}) fs::remove(path.string() + companion, ec);
  fs::rename(temporary, path, ec);
  if (ec) {
    fs::remove(temporary);
    throw Error(ErrorKind::io, fmt::format("cannot create the results database: {}", ec.message()),
                Location{path.string(), 0, 0, "", false});
  }
}

}  // namespace

struct ResultsDb::Impl {
  StudyIdentity identity;
  Connection db;
  Impl(StudyIdentity id, const fs::path& path) : identity(std::move(id)), db(path, SQLITE_OPEN_READWRITE) {}
};

ResultsDb::ResultsDb(const fs::path& path, StudyIdentity identity) : path_(path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    create_database(path, identity);
  } else {
    const std::unique_ptr<Connection> reader = open_to_read(path);
    const Connection& db = *reader;
    check_is_database(db);
    const std::map<std::string, std::string> stored = read_study_rows(db);
    for (const auto& [key, value] : identity_rows(identity)) {
      const auto it = stored.find(key);
      if (it == stored.end() || it->second != value)
        throw study_error(path, fmt::format("the database holds another study: its {} is {}, this command's is {} "
                                            "(use another --db, or delete the file to start again)",
                                            key.starts_with("parameter:") ? key.substr(10) : key,
                                            it == stored.end() ? "missing" : display(it->second), display(value)));
    }
    for (const auto& [key, value] : stored)
      if (key.starts_with("parameter:") || key.starts_with("table:")) {
        bool known = false;
        for (const auto& row : identity_rows(identity)) known = known || row.first == key;
        if (!known)
          throw study_error(path, fmt::format("the database holds another study: it has {} {}, this command has none",
                                              key, display(value)));
      }
  }
  impl_ = std::make_unique<Impl>(std::move(identity), path);
  impl_->db.exec("PRAGMA journal_mode = WAL");
  // In WAL mode, NORMAL loses no committed transaction when the process dies (only on power
  // loss), and spares an fsync per block.
  impl_->db.exec("PRAGMA synchronous = NORMAL");
}

ResultsDb::~ResultsDb() {
  // Back to a rollback journal: the WAL is checkpointed into the file and removed, so a closed
  // database is one self-contained file (a reader opening it read-only creates no -wal/-shm).
  // A killed process never gets here; the next open recovers its WAL.
  if (impl_) sqlite3_exec(impl_->db.get(), "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
}

std::vector<std::uint64_t> ResultsDb::pending() const {
  std::vector<std::uint64_t> runs;
  Statement select(impl_->db, "SELECT run FROM records ORDER BY run");
  std::uint64_t next = 0;
  while (select.step()) {
    const auto done = static_cast<std::uint64_t>(select.integer(0));
    for (; next < done && next < impl_->identity.runs; ++next) runs.push_back(next);
    next = done + 1;
  }
  for (; next < impl_->identity.runs; ++next) runs.push_back(next);
  return runs;
}

namespace {
class StatementInserter : public RowInserter {
 public:
  explicit StatementInserter(const Connection& db) : db_(db) {}
  void insert(std::string_view table, std::initializer_list<SqlValue> values) override {
    auto it = statements_.find(table);
    if (it == statements_.end()) {
      std::string sql = fmt::format("INSERT INTO {} VALUES (", table);
      for (std::size_t i = 0; i < values.size(); ++i) sql += i == 0 ? "?" : ", ?";
      sql += ")";
      it = statements_.emplace(std::string(table), std::make_unique<Statement>(db_, sql)).first;
    }
    int index = 1;
    for (const SqlValue& value : values) it->second->bind(index++, value);
    it->second->run();
  }

 private:
  const Connection& db_;
  std::map<std::string, std::unique_ptr<Statement>, std::less<>> statements_;
};
}  // namespace

void ResultsDb::commit(std::span<const std::uint64_t> runs, std::span<const double> records, const RowWriter& rows) {
  const std::size_t width = impl_->identity.width;
  if (records.size() != runs.size() * width) throw std::invalid_argument("ResultsDb::commit: records do not fit runs");
  Connection& db = impl_->db;
  db.exec("BEGIN IMMEDIATE");
  try {
    Statement insert(db, "INSERT INTO records VALUES (?, ?)");
    for (std::size_t i = 0; i < runs.size(); ++i) {
      insert.bind(1, static_cast<std::int64_t>(runs[i]));
      insert.bind_blob(2, records.data() + i * width, width * sizeof(double));
      insert.run();
    }
    if (rows) {
      StatementInserter inserter(db);
      rows(inserter, runs, records);
    }
    db.exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void ResultsDb::set_meta(std::string_view key, std::string_view value) {
  Statement insert(impl_->db, "INSERT OR REPLACE INTO meta VALUES (?, ?)");
  insert.bind(1, std::string(key));
  insert.bind(2, std::string(value));
  insert.run();
}

std::string StoredStudy::parameter(std::string_view key) const {
  for (const auto& [k, v] : identity.parameters)
    if (k == key) return v;
  return {};
}

StoredStudy read_results(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    throw Error(ErrorKind::io, fs::exists(path, ec) ? "not a regular file" : "no such file",
                Location{path.string(), 0, 0, "", false});
  const std::unique_ptr<Connection> reader = open_to_read(path);
  const Connection& db = *reader;
  check_is_database(db);
  const std::map<std::string, std::string> rows = read_study_rows(db);
  StoredStudy study;
  study.identity.kind = rows.at("kind");
  try {
    study.identity.runs = std::stoull(rows.at("runs"));
    study.identity.width = std::stoull(rows.at("width"));
  } catch (const std::exception&) {
    throw study_error(path, "not a parley results database (its run count or record width is missing)");
  }
  if (const auto it = rows.find("parley_version"); it != rows.end()) study.parley_version = it->second;
  // The study table is keyed by name: parameters come back sorted by name.
  for (const auto& [key, value] : rows)
    if (key.starts_with("parameter:")) study.identity.parameters.emplace_back(key.substr(10), value);
  Statement select(db, "SELECT run, record FROM records ORDER BY run");
  while (select.step()) {
    const std::span<const unsigned char> blob = select.blob(1);
    if (blob.size() != study.identity.width * sizeof(double))
      throw study_error(path, fmt::format("run {}'s record has {} bytes, not {}", select.integer(0), blob.size(),
                                          study.identity.width * sizeof(double)));
    study.runs.push_back(static_cast<std::uint64_t>(select.integer(0)));
    const std::size_t at = study.records.size();
    study.records.resize(at + study.identity.width);
    std::memcpy(study.records.data() + at, blob.data(), blob.size());
  }
  Statement meta(db, "SELECT key, value FROM meta");
  while (meta.step()) study.meta.emplace_back(meta.text(0), meta.text(1));
  return study;
}

}  // namespace parley
