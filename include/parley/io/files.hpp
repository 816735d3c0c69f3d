#pragma once
// Reading inputs and writing results the way Unix tools do: `-` is standard input or output,
// inputs are bounded, and a result file is either wholly written or left as it was.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "parley/core/error.hpp"

namespace parley {

// ---- Reading ----------------------------------------------------------------------------

// The input ceiling: no single file, and no GENIUS folder's files together, may be larger.
// The largest real input parley knows is 88 KB (tests/data/deu/deu3.tsv; a GENIUS folder's
// files together stay under 260 KB); an issue at the YAML reader's 100,000-value cap, written
// value by value, is 1-2 MB. Parsing memory grows with size, up to ~250 bytes per input byte
// (a YAML flow list of one-character items: ~1 GB at 4 MB), so the default stays far from
// memory exhaustion while leaving 45 times the largest real input.
inline constexpr std::size_t kDefaultMaxInputBytes = std::size_t{4} << 20;

// The ceiling in force. It is process-wide, like a ulimit: the CLI sets it once, from
// `--max-input-mb`, before reading anything. Thread-safe.
std::size_t max_input_bytes();
// REQUIRES: bytes > 0.
void set_max_input_bytes(std::size_t bytes);

// The field of input-limit errors (the CLI names the option that raises it).
inline constexpr std::string_view kInputLimitField = "input limit";
// The error for an input over the ceiling: ErrorKind::too_large, file `path`, field
// kInputLimitField, "HOW_BIG the input limit of 4 MB" ("1.2 GB is over", "longer than").
Error input_limit_error(const std::filesystem::path& path, std::string_view how_big);

// True for "-", the name of standard input (to read) or standard output (to write).
bool is_standard_stream(const std::filesystem::path& path);

// Reads a whole input as text. Throws parley::Error with the path as its file:
//   ErrorKind::io         (an InputError) it does not exist, cannot be read, is a folder,
//                         or is not a regular file and not an open stream (below);
//   ErrorKind::too_large  it holds more than max_input_bytes(): input_limit_error.
// Never reads more than max_input_bytes() + 1 bytes, whatever the file claims to hold.
// What it reads:
//   - a regular file;
//   - "-": standard input, whatever it is (a pipe, a redirected file, a terminal);
//   - a path naming an already open descriptor (/dev/stdin, /dev/fd/N, /proc/self/fd/N, as
//     `<(command)` gives): the pipe or file behind it.
// A FIFO, device or socket given by its own name (mkfifo's FIFO, /dev/zero, /dev/urandom)
// is refused as "not a regular file": opening a FIFO waits for a writer that may never come,
// and a device may never end. Pipe such input into `-` instead.
// A stream can be read only once, so the first read of a stream (standard input, a pipe
// behind /dev/fd/N) is kept and a later read of the same stream in this process returns the
// same text: format detection and loading then see the same input.
std::string read_text_file(const std::filesystem::path& path);

// ---- Writing ----------------------------------------------------------------------------

// Writes `content` as the file `path`, so that readers see the old file or the new one,
// never part of either. Throws parley::Error (ErrorKind::io, file = path, the system's reason:
// "Permission denied", "the folder out does not exist", "No space left on device").
//   - "-", or any path that is this process's standard output (/dev/stdout when stdout is
//     a file or pipe): written to standard output.
//   - A device, FIFO or socket (/dev/null, a FIFO some reader holds open): written through,
//     in place; nothing is renamed or created.
//   - A symbolic link: the link stays and its target is written (atomically, as below). A
//     dangling link creates its target.
//   - A regular file, or a new one: written to a temporary NAME.parley-tmp-PID beside it
//     (held under an exclusive flock while written), synced, then renamed over it. An
//     existing file keeps its permission bits (and, where allowed, its owner); a new one
//     gets 0666 minus the umask. On failure the temporary is removed and `path` is
//     untouched.
// Temporaries left by a process that died mid-write (SIGKILL, power loss) are removed by
// the next write into the same folder: exactly the names `*.parley-tmp-PID` that are
// regular files of this user, whose PID is not a live process, and whose lock is free.
void write_output_file(const std::filesystem::path& path, std::string_view content);

// Removes the temporaries `*.parley-tmp-PID` (and their SQLite companions `-journal`, `-wal`,
// `-shm`) in `folder` that write_output_file would
// remove (see above). Writers that make their temporary by other means (a results
// database is created under such a name) call it before they start.
void remove_stale_temporaries(const std::filesystem::path& folder);

// Flushes standard output and throws parley::Error (ErrorKind::io, "cannot write standard
// output: REASON") if any write to it failed, such as on a full disk or /dev/full. The CLI
// calls it before exiting 0.
void check_standard_output();

}  // namespace parley
