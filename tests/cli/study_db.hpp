#pragma once
// Reading results databases in CLI tests: every table but `meta`, row for row, as text.
#include <sqlite3.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace parley::test {

// Executes `sql` on the database and returns every row, each value as text (blobs as hex),
// rows in the order SQLite returns them.
inline std::string query_text(const std::filesystem::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  // Read-write (never created): a database whose writer was killed may need its WAL index
  // rebuilt before it can be read, which a read-only connection may refuse ("attempt to
  // write a readonly database"). Reading changes no table.
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + path.string());
  }
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    const std::string message = sqlite3_errmsg(db);
    sqlite3_close(db);
    throw std::runtime_error(message);
  }
  std::string text;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(statement); ++c) {
      if (sqlite3_column_type(statement, c) == SQLITE_BLOB) {
        const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(statement, c));
        static const char* hex = "0123456789abcdef";
        for (int i = 0; i < sqlite3_column_bytes(statement, c); ++i) text += {hex[bytes[i] >> 4], hex[bytes[i] & 15]};
      } else if (const unsigned char* value = sqlite3_column_text(statement, c)) {
        text += reinterpret_cast<const char*>(value);
      } else {
        text += "NULL";
      }
      text += '|';
    }
    text += '\n';
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return text;
}

// Every table except `meta`, in name order, each row for row as stored.
inline std::string tables_outside_meta(const std::filesystem::path& path) {
  std::string all;
  const std::string names =
      query_text(path, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'meta' ORDER BY name");
  std::size_t start = 0;
  while (start < names.size()) {
    const std::size_t end = names.find('\n', start);
    const std::string name = names.substr(start, end - start - 1);  // drop the trailing '|'
    all += "== " + name + "\n" + query_text(path, "SELECT * FROM \"" + name + "\"");
    start = end + 1;
  }
  return all;
}

inline long long count_rows(const std::filesystem::path& path, const std::string& table) {
  return std::stoll(query_text(path, "SELECT count(*) FROM " + table));
}

}  // namespace parley::test
