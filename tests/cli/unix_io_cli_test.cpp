// parley as a Unix tool (issue 8): `-` for stdin and stdout, output errors as user errors,
// `-o` writing through devices, FIFOs and symbolic links, stale temporaries cleaned, bounded
// inputs, "did you mean" for options, and out of memory as a clear message.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <thread>

#include <signal.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "run_cli.hpp"

namespace parley::test {
namespace {

namespace fs = std::filesystem;

const fs::path kData = PARLEY_TEST_DATA;
const fs::path kFlagship = fs::path(PARLEY_SOURCE_DIR) / "scenarios/talks-2025.yaml";

// Runs `sh -c SCRIPT` where $PARLEY is the binary; stdout and stderr captured unless the
// script redirects them itself.
CliResult run_shell(const std::string& script, const fs::path& dir) {
  std::ofstream(dir / "script.sh") << "PARLEY='" << PARLEY_BINARY << "'\n" << script << "\n";
  const std::string command = "sh '" + (dir / "script.sh").string() + "' >'" + (dir / "sh.out").string() + "' 2>'" +
                              (dir / "sh.err").string() + "'";
  const int raw = std::system(command.c_str());
  CliResult result;
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.out = slurp(dir / "sh.out");
  result.err = slurp(dir / "sh.err");
  return result;
}

void write_text(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// A process id that no live process has: a child that has already been reaped.
pid_t dead_pid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  return child;
}

// A character device to write to: a copy of /dev/null or /dev/full inside `dir` when running
// as root (a regressed writer run as root would replace the real node for the whole
// machine), the real one otherwise (where a regression cannot touch /dev).
fs::path device(const fs::path& dir, const std::string& name, unsigned minor) {
  if (::geteuid() != 0) return "/dev/" + name;
  const fs::path node = dir / name;
  if (::mknod(node.c_str(), S_IFCHR | 0666, ::makedev(1, minor)) != 0) return "/dev/" + name;
  return node;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class UnixIoCli : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = fresh_directory("unixio"); }
  void TearDown() override {
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(dir_);
  }
  std::vector<std::string> temporaries() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_))
      if (has(entry.path().filename().string(), "tmp-")) names.push_back(entry.path().filename().string());
    return names;
  }
  fs::path dir_;
};

// ---- 1. output failures are user errors -------------------------------------------------

TEST_F(UnixIoCli, OutputIntoAMissingFolderIsAUserErrorWithItsCause) {
  const fs::path missing = dir_ / "no-such-folder" / "out.json";
  const auto analyze = run_cli("analyze " + quoted(kFlagship) + " --json -o " + quoted(missing));
  EXPECT_EQ(analyze.status, 2) << analyze.err;
  EXPECT_FALSE(has(analyze.err, "internal error")) << analyze.err;
  EXPECT_TRUE(has(analyze.err, "out.json: cannot write: the folder")) << analyze.err;
  EXPECT_TRUE(has(analyze.err, "does not exist")) << analyze.err;

  const auto trace = run_cli("negotiate " + quoted(kFlagship) + " --trace " + quoted(missing));
  EXPECT_EQ(trace.status, 2) << trace.err;
  EXPECT_TRUE(has(trace.err, "cannot write: the folder")) << trace.err;
}

TEST_F(UnixIoCli, OutputWithoutPermissionIsAUserErrorAndLeavesNothing) {
  // root passes permission bits, but not sysfs's.
  fs::path target;
  if (::geteuid() == 0) {
    target = "/sys/parley-test-output.json";
  } else {
    fs::create_directory(dir_ / "locked");
    fs::permissions(dir_ / "locked", fs::perms::owner_read | fs::perms::owner_exec);
    target = dir_ / "locked" / "out.json";
  }
  const auto result = run_cli("analyze " + quoted(kFlagship) + " --json -o " + quoted(target));
  EXPECT_EQ(result.status, 2) << result.err;
  EXPECT_FALSE(has(result.err, "internal error")) << result.err;
  EXPECT_TRUE(has(result.err, "cannot write: Permission denied") || has(result.err, "cannot write: Read-only"))
      << result.err;
  EXPECT_FALSE(fs::exists(target));
}

TEST_F(UnixIoCli, AFullStandardOutputFailsTheRun) {
  // show's output fills the buffer (fmt throws); validate's line waits in it until exit.
  for (const std::string command : {"show", "validate", "analyze"}) {
    const auto result = run_shell("\"$PARLEY\" " + command + " " + quoted(kFlagship) + " >/dev/full", dir_);
    EXPECT_EQ(result.status, 2) << command << ": " << result.err;
    EXPECT_TRUE(has(result.err, "cannot write standard output: No space left on device"))
        << command << ": " << result.err;
    EXPECT_FALSE(has(result.err, "internal error")) << result.err;
  }
  const fs::path full = device(dir_, "full", 7);
  const auto output = run_cli("analyze " + quoted(kFlagship) + " --json -o " + quoted(full));
  EXPECT_EQ(output.status, 2) << output.err;
  EXPECT_TRUE(has(output.err, full.string() + ": cannot write: No space left on device")) << output.err;
  EXPECT_TRUE(fs::is_character_file(full));
}

// ---- 2. `-` is standard input and standard output ---------------------------------------

TEST_F(UnixIoCli, ScenarioFromStandardInput) {
  const auto validate = run_shell("\"$PARLEY\" validate - < " + quoted(kFlagship), dir_);
  EXPECT_EQ(validate.status, 0) << validate.err;
  EXPECT_TRUE(has(validate.out, "-: ok (6 actors")) << validate.out;

  const auto show = run_shell("cat " + quoted(kFlagship) + " | \"$PARLEY\" show -", dir_);
  EXPECT_EQ(show.status, 0) << show.err;
  EXPECT_EQ(show.out, run_cli("show " + quoted(kFlagship)).out);

  // A pipe read through /dev/stdin: detection and loading must see the same text.
  const auto dev_stdin = run_shell("cat " + quoted(kFlagship) + " | \"$PARLEY\" validate /dev/stdin", dir_);
  EXPECT_EQ(dev_stdin.status, 0) << dev_stdin.err;

  // Errors name the input as the user did.
  write_text(dir_ / "bad.yaml", "name: x\nissues: 3\n");
  const auto bad = run_shell("cat " + quoted(dir_ / "bad.yaml") + " | \"$PARLEY\" validate -", dir_);
  const auto bad_named = run_cli("validate " + quoted(dir_ / "bad.yaml"));
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(bad.err, "-" + bad_named.err.substr(bad_named.err.find(':'))) << bad.err << bad_named.err;
}

TEST_F(UnixIoCli, ActorTablesFromStandardInputAreDetectedByContent) {
  const fs::path ktab = kData / "ktab/inputs/SOE-Pol-Comp.csv";
  const auto forecast = run_shell("cat " + quoted(ktab) + " | \"$PARLEY\" forecast - --model median --json", dir_);
  EXPECT_EQ(forecast.status, 0) << forecast.err;
  const auto bdm =
      run_shell("\"$PARLEY\" import bdm - < " + quoted(kData / "bdm/jmckib_ExampleActors_BDM1994_emissions.csv"), dir_);
  EXPECT_EQ(bdm.status, 0) << bdm.err;
  EXPECT_TRUE(has(bdm.out, "actors:")) << bdm.out;
}

TEST_F(UnixIoCli, AGeniusDomainCannotComeFromStandardInput) {
  const auto result =
      run_shell("\"$PARLEY\" analyze - < " + quoted(kData / "genius/anac/y2011/Laptop/laptop_domain.xml"), dir_);
  EXPECT_EQ(result.status, 2) << result.err;
  EXPECT_TRUE(has(result.err, "-: a GENIUS domain is a folder")) << result.err;
  EXPECT_TRUE(has(result.err, "cannot come from standard input")) << result.err;
  const auto imported = run_cli("import genius -");
  EXPECT_EQ(imported.status, 2) << imported.err;
  EXPECT_TRUE(has(imported.err, "cannot come from standard input")) << imported.err;
  const auto forced = run_shell("\"$PARLEY\" forecast - --format genius < /dev/null", dir_);
  EXPECT_EQ(forced.status, 2) << forced.err;
  EXPECT_TRUE(has(forced.err, "cannot come from standard input")) << forced.err;
}

TEST_F(UnixIoCli, DashAsOutputIsStandardOutput) {
  const auto result =
      run_shell("cd " + quoted(dir_) + " && \"$PARLEY\" analyze " + quoted(kFlagship) + " --json -o -", dir_);
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_FALSE(fs::exists(dir_ / "-"));
  EXPECT_EQ(nlohmann::json::parse(result.out)["parties"].size(), 3u);
  const auto import = run_shell(
      "cd " + quoted(dir_) + " && \"$PARLEY\" import genius " + quoted(kData / "genius/anac/y2011/Laptop") + " -o -",
      dir_);
  EXPECT_EQ(import.status, 0) << import.err;
  EXPECT_TRUE(has(import.out, "issues:"));
  EXPECT_FALSE(fs::exists(dir_ / "-"));
}

// ---- 3. -o writes through devices, FIFOs and links ---------------------------------------

TEST_F(UnixIoCli, OutputThroughASymbolicLinkWritesItsTarget) {
  write_text(dir_ / "real.json", "old");
  fs::create_symlink("real.json", dir_ / "link.json");
  const auto result = run_cli("analyze " + quoted(kFlagship) + " --json -o " + quoted(dir_ / "link.json"));
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.json"));
  EXPECT_EQ(fs::read_symlink(dir_ / "link.json"), "real.json");
  EXPECT_TRUE(has(slurp(dir_ / "real.json"), "\"pareto\""));
  // A dangling link creates its target.
  fs::create_symlink("new.json", dir_ / "dangling.json");
  ASSERT_EQ(run_cli("analyze " + quoted(kFlagship) + " --json -o " + quoted(dir_ / "dangling.json")).status, 0);
  EXPECT_TRUE(fs::is_symlink(dir_ / "dangling.json"));
  EXPECT_TRUE(has(slurp(dir_ / "new.json"), "\"pareto\""));
  EXPECT_TRUE(temporaries().empty());
}

TEST_F(UnixIoCli, OutputToAFifoWritesThrough) {
  const fs::path fifo = dir_ / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = slurp(fifo); });  // opening blocks until parley opens it
  const auto result = run_cli("analyze " + quoted(kFlagship) + " --json -o " + quoted(fifo));
  reader.join();
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_EQ(nlohmann::json::parse(received)["parties"].size(), 3u);
  EXPECT_TRUE(temporaries().empty());
}

TEST_F(UnixIoCli, OutputToDevicesWritesThrough) {
  const fs::path null_device = device(dir_, "null", 3);
  const auto null = run_cli("analyze " + quoted(kFlagship) + " --json -o " + quoted(null_device));
  EXPECT_EQ(null.status, 0) << null.err;
  EXPECT_TRUE(fs::is_character_file(null_device));
  // This process's standard output by another name (here a file): written to it, not replaced.
  const auto stdout_by_name = run_cli("analyze " + quoted(kFlagship) + " --json -o /dev/fd/1");
  EXPECT_EQ(stdout_by_name.status, 0) << stdout_by_name.err;
  EXPECT_EQ(nlohmann::json::parse(stdout_by_name.out)["parties"].size(), 3u);
}

TEST_F(UnixIoCli, OutputKeepsAnExistingFilesMode) {
  const fs::path target = dir_ / "private.yaml";
  write_text(target, "old");
  fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write);
  const auto result = run_cli("import genius " + quoted(kData / "genius/anac/y2011/Laptop") + " -o " + quoted(target));
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(fs::status(target).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_TRUE(has(slurp(target), "issues:"));
}

// ---- 4. temporaries of a killed run -----------------------------------------------------

TEST_F(UnixIoCli, StaleTemporariesAreRemovedByTheNextWrite) {
  const std::string dead = std::to_string(dead_pid());
  const std::string alive = std::to_string(::getpid());
  const std::vector<std::string> stale = {"trace.jsonl.parley-tmp-" + dead, "other.json.parley-tmp-" + dead};
  const std::vector<std::string> kept = {"trace.jsonl.parley-tmp-" + alive,  // a live writer's
                                         "trace.jsonl.tmp-" + dead,          // not our pattern
                                         "notes.parley-tmp-12x", ".parley-tmp-" + dead};
  for (const auto& name : stale) write_text(dir_ / name, "partial");
  for (const auto& name : kept) write_text(dir_ / name, "keep");
  fs::create_directory(dir_ / ("folder.parley-tmp-" + dead));  // not a regular file

  const auto result = run_cli("negotiate " + quoted(kFlagship) + " --trace " + quoted(dir_ / "trace.jsonl"));
  ASSERT_EQ(result.status, 0) << result.err;
  for (const auto& name : stale) EXPECT_FALSE(fs::exists(dir_ / name)) << name;
  for (const auto& name : kept) EXPECT_TRUE(fs::exists(dir_ / name)) << name;
  EXPECT_TRUE(fs::is_directory(dir_ / ("folder.parley-tmp-" + dead)));
  EXPECT_TRUE(fs::exists(dir_ / "trace.jsonl"));
}

// ---- 5. bounded input -------------------------------------------------------------------

TEST_F(UnixIoCli, EndlessDevicesAreRefusedOrBounded) {
  const auto zero = run_cli("validate /dev/zero");
  EXPECT_EQ(zero.status, 2) << zero.err;
  EXPECT_TRUE(has(zero.err, "/dev/zero: not a regular file (a character device)")) << zero.err;

  for (const std::string device : {"/dev/zero", "/dev/urandom"}) {
    const auto piped = run_shell("\"$PARLEY\" validate - < " + device, dir_);
    EXPECT_EQ(piped.status, 2) << piped.err;
    EXPECT_TRUE(has(piped.err, "-: longer than the input limit of 4 MB; raise it with --max-input-mb")) << piped.err;
    const auto named = run_shell("\"$PARLEY\" analyze /dev/stdin < " + device, dir_);
    EXPECT_EQ(named.status, 2) << named.err;
    EXPECT_TRUE(has(named.err, "longer than the input limit")) << named.err;
  }
}

TEST_F(UnixIoCli, AFifoGivenByNameIsRefusedNotWaitedOn) {
  const fs::path fifo = dir_ / "input";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const auto result = run_cli("validate " + quoted(fifo));  // no writer: waiting would be forever
  EXPECT_EQ(result.status, 2) << result.err;
  EXPECT_TRUE(has(result.err, "not a regular file (a FIFO); to read a stream, give - and pipe it in")) << result.err;
}

TEST_F(UnixIoCli, InputsOverTheCeilingAreRefusedUnlessItIsRaised) {
  // A valid scenario of 2 MB (a long comment).
  const std::string text = "# " + std::string(2 << 20, 'x') + "\n" + slurp(kFlagship);
  write_text(dir_ / "big.yaml", text);
  const auto refused = run_cli("validate " + quoted(dir_ / "big.yaml") + " --max-input-mb 1");
  EXPECT_EQ(refused.status, 2) << refused.err;
  EXPECT_TRUE(has(refused.err, "big.yaml: 2.0 MB is over the input limit of 1 MB; raise it with --max-input-mb"))
      << refused.err;
  // The option works before the command too, and raising it reads the file.
  const auto raised = run_cli("--max-input-mb 3 validate " + quoted(dir_ / "big.yaml"));
  EXPECT_EQ(raised.status, 0) << raised.err;
  EXPECT_TRUE(has(run_cli("--help").out, "--max-input-mb"));

  // A GENIUS folder: each file, and the folder as a whole.
  fs::copy(kData / "genius/anac/y2011/Laptop", dir_ / "Laptop");
  write_text(dir_ / "Laptop" / "zz_padding.xml", "<notes>" + std::string(700 << 10, 'x') + "</notes>\n");
  write_text(dir_ / "Laptop" / "zz_padding2.xml", "<notes>" + std::string(700 << 10, 'x') + "</notes>\n");
  const auto folder = run_cli("analyze " + quoted(dir_ / "Laptop") + " --max-input-mb 1");
  EXPECT_EQ(folder.status, 2) << folder.err;
  EXPECT_TRUE(has(folder.err, "XML files are together longer than the input limit of 1 MB")) << folder.err;
  EXPECT_EQ(run_cli("analyze " + quoted(dir_ / "Laptop") + " --max-input-mb 2").status, 0);
}

// ---- 6. unknown options -----------------------------------------------------------------

TEST_F(UnixIoCli, UnknownOptionsGetDidYouMean) {
  const auto analyze = run_cli("analyze " + quoted(kFlagship) + " --stag settlement");
  EXPECT_EQ(analyze.status, 2);
  EXPECT_TRUE(has(analyze.err, "parley analyze: unknown option '--stag' (did you mean '--stage'?)")) << analyze.err;
  const auto nested = run_cli("import ktab " + quoted(kData / "ktab/inputs/SOE-Pol-Comp.csv") + " --ouptut x.yaml");
  EXPECT_EQ(nested.status, 2);
  EXPECT_TRUE(has(nested.err, "parley import ktab: unknown option '--ouptut' (did you mean '--output'?)"))
      << nested.err;
  const auto far = run_cli("show " + quoted(kFlagship) + " --zzzzzz");
  EXPECT_EQ(far.status, 2);
  EXPECT_TRUE(has(far.err, "parley show: unknown option '--zzzzzz'\n")) << far.err;
}

// ---- 7. out of memory -------------------------------------------------------------------

TEST_F(UnixIoCli, OutOfMemoryIsAClearUserError) {
  if (kAddressSanitizer) GTEST_SKIP() << "ulimit -v and AddressSanitizer's shadow memory do not mix";
  // The ceiling raised to 1 TB with memory capped at 1 GB: reading /dev/zero runs out.
  const auto result = run_shell("ulimit -v 1000000 && \"$PARLEY\" validate - --max-input-mb 1048576 < /dev/zero", dir_);
  EXPECT_EQ(result.status, 2) << result.err;
  EXPECT_TRUE(has(result.err, "parley: out of memory: the input is too large for this command")) << result.err;
}

}  // namespace
}  // namespace parley::test
