// The results database's file handling: companions a deleted database leaves behind.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "parley/io/results_db.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

StudyIdentity study(const std::string& seed) {
  StudyIdentity identity;
  identity.kind = "sweep";
  identity.parameters = {{"seed", seed}};
  identity.runs = 4;
  identity.width = 1;
  return identity;
}

void commit(ResultsDb& db, std::uint64_t run) {
  const std::uint64_t runs[] = {run};
  const double records[] = {double(run)};
  db.commit(runs, records, [](RowInserter&, std::span<const std::uint64_t>, std::span<const double>) {});
}

// A database deleted while its -wal and -shm stay (a killed run, then `rm db.sqlite`): a new
// database at the same path must not replay the old write-ahead log ("malformed").
TEST(ResultsDbFiles, ANewDatabaseIgnoresTheStaleCompanionsOfADeletedOne) {
  const fs::path dir = fs::temp_directory_path() / ("parley-results-db-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path path = dir / "study.sqlite";
  const fs::path wal = path.string() + "-wal", shm = path.string() + "-shm";
  {
    ResultsDb old(path, study("1"));
    for (std::uint64_t run = 0; run < 3; ++run) commit(old, run);
    ASSERT_TRUE(fs::exists(wal));  // the open database's log
    fs::copy_file(wal, dir / "kept-wal");
    fs::copy_file(shm, dir / "kept-shm");
  }
  fs::remove(path);
  fs::rename(dir / "kept-wal", wal);
  fs::rename(dir / "kept-shm", shm);

  {
    ResultsDb fresh(path, study("2"));
    EXPECT_EQ(fresh.pending(), (std::vector<std::uint64_t>{0, 1, 2, 3}));
    commit(fresh, 1);
  }
  const StoredStudy stored = read_results(path);
  EXPECT_EQ(stored.identity.parameters, study("2").parameters);
  EXPECT_EQ(stored.runs, std::vector<std::uint64_t>{1});
  fs::remove_all(dir);
}

}  // namespace
}  // namespace parley
