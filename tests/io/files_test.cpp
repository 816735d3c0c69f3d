// files.hpp: the input ceiling at its edge, and write_output_file's file-level guarantees.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "parley/core/error.hpp"
#include "parley/io/files.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

class Files : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("parley-files-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    set_max_input_bytes(kDefaultMaxInputBytes);
    fs::remove_all(dir_);
  }
  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return dir_ / name;
  }
  fs::path dir_;
};

TEST_F(Files, ReadsUpToTheCeilingAndRefusesOneByteMore) {
  set_max_input_bytes(1000);
  EXPECT_EQ(read_text_file(write("at.txt", std::string(1000, 'a'))).size(), 1000u);
  try {
    read_text_file(write("over.txt", std::string(1001, 'a')));
    FAIL() << "read past the ceiling";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::too_large);
    EXPECT_NE(error.message().find("the input limit of"), std::string::npos) << error.message();
    EXPECT_EQ(error.location().file, (dir_ / "over.txt").string());
  }
}

TEST_F(Files, ReadingErrorsAreIoErrorsNamingTheFile) {
  for (const fs::path& path : {dir_ / "missing.yaml", dir_, fs::path("/dev/zero")}) {
    try {
      read_text_file(path);
      FAIL() << path;
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::io) << path;
      EXPECT_EQ(error.location().file, path.string());
    }
  }
}

TEST_F(Files, WritingReplacesAtomicallyKeepsTheModeAndLeavesNoTemporary) {
  const fs::path target = write("out.txt", "old");
  fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  write_output_file(target, "new");
  std::ifstream in(target);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), "new");
  EXPECT_EQ(fs::status(target).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(Files, DashIsTheStandardStream) {
  EXPECT_TRUE(is_standard_stream("-"));
  EXPECT_FALSE(is_standard_stream("./-"));
  EXPECT_FALSE(is_standard_stream("--"));
}

}  // namespace
}  // namespace parley
