#include "parley/io/files.hpp"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <regex>
#include <stdexcept>
#include <system_error>
#include <utility>

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parley/io/input_error.hpp"

namespace parley {

namespace {

namespace fs = std::filesystem;

std::atomic<std::size_t> g_max_input_bytes{kDefaultMaxInputBytes};

constexpr std::string_view kTemporaryTag = ".parley-tmp-";

// Closes a descriptor on every path out of a function.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  // Closes now and reports close's own error (NFS and some full disks report there).
  int close() {
    const int result = ::close(fd_);
    fd_ = -1;
    return result;
  }

 private:
  int fd_;
};

std::string system_reason(int code) { return std::strerror(code); }

// "1.2 GB", "64 MB", "900 KB", "12 bytes": sizes in the units --max-input-mb speaks (2^20).
std::string size_text(std::size_t bytes) {
  const double kb = 1024.0, mb = kb * 1024, gb = mb * 1024;
  if (bytes >= gb) return fmt::format("{:.1f} GB", bytes / gb);
  if (bytes >= mb) return fmt::format("{:.{}f} MB", bytes / mb, bytes % (1 << 20) == 0 ? 0 : 1);
  if (bytes >= kb) return fmt::format("{:.0f} KB", bytes / kb);
  return fmt::format("{} bytes", bytes);
}

// A file or stream's kind in words, for "not a regular file (a FIFO)".
const char* kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a file";
}

// Reads `fd` to its end, but at most max_input_bytes() + 1 bytes: a size is only a hint (a
// regular file's, so that one read usually does), never trusted.
std::string read_bounded(int fd, const fs::path& path, std::size_t size_hint = 0) {
  const std::size_t limit = max_input_bytes();
  std::string text(std::min(limit, size_hint) + 1, '\0');
  std::size_t size = 0;
  for (;;) {
    if (text.size() == size) text.resize(std::min(limit + 1, std::max<std::size_t>(size * 2, size + 65536)));
    const std::size_t room = text.size() - size;
    if (room == 0) throw input_limit_error(path, "longer than");
    const ssize_t got = ::read(fd, text.data() + size, room);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw InputError(path.string(), 0, 0, fmt::format("cannot read: {}", system_reason(errno)), ErrorKind::io);
    }
    if (got == 0) break;
    size += static_cast<std::size_t>(got);
  }
  text.resize(size);
  return text;
}

// True when `path` (through any symbolic links) is a /proc/PID/fd/N entry, as /dev/stdin,
// /dev/fd/N and `<(command)` are: a descriptor this process already holds open.
bool names_open_descriptor(fs::path path) {
  static const std::regex kDescriptorFolder(R"(/proc/[0-9]+(/task/[0-9]+)?/fd)");
  for (int hop = 0; hop < 40; ++hop) {
    std::error_code error;
    const fs::path folder = fs::canonical(path.has_parent_path() ? path.parent_path() : fs::path("."), error);
    if (error) return false;
    if (std::regex_match(folder.string(), kDescriptorFolder)) return true;
    const fs::path target = fs::read_symlink(path, error);
    if (error) return false;  // not a link: the end of the chain
    path = target.is_absolute() ? target : folder / target;
  }
  return false;
}

// The streams read so far, by device and inode: a pipe cannot be read twice.
struct StreamCache {
  std::mutex mutex;
  std::map<std::pair<dev_t, ino_t>, std::string> texts;
};
StreamCache& stream_cache() {
  static StreamCache cache;
  return cache;
}

std::string read_stream_once(int fd, const struct stat& status, const fs::path& path) {
  StreamCache& cache = stream_cache();
  std::lock_guard lock(cache.mutex);
  const auto key = std::make_pair(status.st_dev, status.st_ino);
  if (auto found = cache.texts.find(key); found != cache.texts.end()) return found->second;
  std::string text = read_bounded(fd, path);
  cache.texts.emplace(key, text);
  return text;
}

// ---- writing ----

[[noreturn]] void throw_write_error(const fs::path& path, const std::string& reason) {
  Location location;
  location.file = path.string();
  throw Error(ErrorKind::io, fmt::format("cannot write: {}", reason), std::move(location));
}

// write(2) until everything is out; returns 0 or the errno that stopped it.
int write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t put = ::write(fd, content.data(), content.size());
    if (put < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    content.remove_prefix(static_cast<std::size_t>(put));
  }
  return 0;
}

void write_standard_output(std::string_view content) {
  if (!content.empty()) std::fwrite(content.data(), 1, content.size(), stdout);
  check_standard_output();
}

bool is_standard_output(const struct stat& status) {
  struct stat out {};
  return ::fstat(STDOUT_FILENO, &out) == 0 && out.st_dev == status.st_dev && out.st_ino == status.st_ino;
}

// Follows `path`'s symbolic links (of its last component) to the file they name, which may
// not exist yet.
fs::path resolve_links(fs::path path) {
  for (int hop = 0; hop < 40; ++hop) {
    std::error_code error;
    if (!fs::is_symlink(fs::symlink_status(path, error))) return path;
    const fs::path target = fs::read_symlink(path, error);
    if (error) throw_write_error(path, error.message());
    path = target.is_absolute() ? target : path.parent_path() / target;
  }
  throw_write_error(path, system_reason(ELOOP));
}

void write_atomically(const fs::path& path, const fs::path& target, const struct stat* existing,
                      std::string_view content) {
  const fs::path folder = target.parent_path();
  remove_stale_temporaries(folder);
  // The temporary's name must fit NAME_MAX (255) whatever the target's length.
  const std::string suffix = fmt::format("{}{}", kTemporaryTag, ::getpid());
  const fs::path temporary = folder / (target.filename().string().substr(0, 255 - suffix.size()) + suffix);
  ::unlink(temporary.c_str());  // a stale one of an earlier process with this PID
  Descriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
  if (fd.get() < 0) {
    const int code = errno;
    const std::string where = folder.empty() ? "." : folder.string();
    if (code == ENOENT) throw_write_error(path, fmt::format("the folder {} does not exist", where));
    if (code == ENOTDIR) throw_write_error(path, fmt::format("{} is not a folder", where));
    throw_write_error(path, system_reason(code));
  }
  auto fail = [&](int code) {
    ::unlink(temporary.c_str());
    throw_write_error(path, system_reason(code));
  };
  ::flock(fd.get(), LOCK_EX | LOCK_NB);  // tells a cleaner in another process this one is alive
  if (existing) {
    if (::fchown(fd.get(), existing->st_uid, existing->st_gid) != 0) {
      // Only root may give a file away: others keep their own ownership, as an editor does.
    }
    if (::fchmod(fd.get(), existing->st_mode & 07777) != 0) fail(errno);
  }
  if (const int code = write_all(fd.get(), content)) fail(code);
  if (::fsync(fd.get()) != 0 && errno != EINVAL) fail(errno);
  if (fd.close() != 0) fail(errno);
  if (::rename(temporary.c_str(), target.c_str()) != 0) fail(errno);
}

}  // namespace

// Removes temporaries `*.parley-tmp-PID` in `folder` whose writer is gone (see files.hpp).
void remove_stale_temporaries(const fs::path& folder) {
  std::error_code error;
  fs::directory_iterator entry(folder.empty() ? fs::path(".") : folder, error);
  for (; !error && entry != fs::directory_iterator(); entry.increment(error)) {
    const std::string name = entry->path().filename().string();
    const std::size_t tag = name.rfind(kTemporaryTag);
    if (tag == std::string::npos || tag == 0) continue;
    std::string digits = name.substr(tag + kTemporaryTag.size());
    // SQLite's companions of a temporary database ("...-123-journal") go with it.
    for (const std::string_view companion : {"-journal", "-wal", "-shm"})
      if (digits.ends_with(companion)) digits.resize(digits.size() - companion.size());
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid <= 0 || ::kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to judge
    struct stat status {};
    if (::lstat(entry->path().c_str(), &status) != 0 || !S_ISREG(status.st_mode) || status.st_uid != ::geteuid())
      continue;
    Descriptor fd(::open(entry->path().c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
    if (fd.get() < 0 || ::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) continue;  // someone writes it
    ::unlink(entry->path().c_str());
  }
}

std::size_t max_input_bytes() { return g_max_input_bytes.load(std::memory_order_relaxed); }

void set_max_input_bytes(std::size_t bytes) {
  if (bytes == 0) throw std::invalid_argument("set_max_input_bytes: the ceiling must be positive");
  g_max_input_bytes.store(bytes, std::memory_order_relaxed);
}

Error input_limit_error(const fs::path& path, std::string_view how_big) {
  Location location;
  location.file = path.string();
  location.field = std::string(kInputLimitField);
  return Error(ErrorKind::too_large, fmt::format("{} the input limit of {}", how_big, size_text(max_input_bytes())),
               std::move(location));
}

bool is_standard_stream(const fs::path& path) { return path.native() == "-"; }

std::string read_text_file(const fs::path& path) {
  const std::string name = path.string();
  if (is_standard_stream(path)) {
    struct stat status {};
    if (::fstat(STDIN_FILENO, &status) != 0)
      throw InputError(name, 0, 0, fmt::format("cannot read standard input: {}", system_reason(errno)), ErrorKind::io);
    return read_stream_once(STDIN_FILENO, status, path);
  }
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) {
    if (errno == ENOENT) throw InputError(name, 0, 0, "no such file", ErrorKind::io);
    throw InputError(name, 0, 0, fmt::format("cannot read: {}", system_reason(errno)), ErrorKind::io);
  }
  if (S_ISDIR(status.st_mode)) throw InputError(name, 0, 0, "is a folder, not a file", ErrorKind::io);
  const bool regular = S_ISREG(status.st_mode);
  if (!regular && !names_open_descriptor(path))
    throw InputError(
        name, 0, 0,
        fmt::format("not a regular file ({}); to read a stream, give - and pipe it in", kind_of(status.st_mode)),
        ErrorKind::io);
  if (regular && static_cast<std::uintmax_t>(status.st_size) > max_input_bytes())
    throw input_limit_error(path, size_text(static_cast<std::size_t>(status.st_size)) + " is over");
  // O_NONBLOCK: opening a FIFO must not wait for a writer; reads then block as usual.
  Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0) throw InputError(name, 0, 0, fmt::format("cannot read: {}", system_reason(errno)), ErrorKind::io);
  const int flags = ::fcntl(fd.get(), F_GETFL);
  if (flags >= 0) ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK);
  if (regular) return read_bounded(fd.get(), path, static_cast<std::size_t>(status.st_size));
  return read_stream_once(fd.get(), status, path);
}

void write_output_file(const fs::path& path, std::string_view content) {
  if (is_standard_stream(path)) return write_standard_output(content);
  struct stat status {};
  if (::stat(path.c_str(), &status) == 0) {
    if (S_ISDIR(status.st_mode)) throw_write_error(path, "it is a folder");
    if (is_standard_output(status)) return write_standard_output(content);
    if (!S_ISREG(status.st_mode)) {  // a device, FIFO or socket: write through, never replace
      Descriptor fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY));
      if (fd.get() < 0) throw_write_error(path, system_reason(errno));
      if (const int code = write_all(fd.get(), content)) throw_write_error(path, system_reason(code));
      if (fd.close() != 0) throw_write_error(path, system_reason(errno));
      return;
    }
    return write_atomically(path, resolve_links(path), &status, content);
  }
  if (errno != ENOENT) throw_write_error(path, system_reason(errno));
  write_atomically(path, resolve_links(path), nullptr, content);
}

void check_standard_output() {
  errno = 0;
  const bool flushed = std::fflush(stdout) == 0;
  const int code = errno;
  if (flushed && !std::ferror(stdout)) return;
  std::clearerr(stdout);
  throw Error(ErrorKind::io, fmt::format("cannot write standard output: {}",
                                         code != 0 ? system_reason(code) : std::string("a write failed")));
}

}  // namespace parley
