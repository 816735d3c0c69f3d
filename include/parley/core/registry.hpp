#pragma once
// An open registry: entries found by name (strategies, protocols, forecast models). Built-in
// entries are added when a registry's default instance is made; a user's own C++ entry is
// added with add() and is then found everywhere a built-in one is.
//
// Why a process-wide default instance (the one exception to "no global state", STYLE.md):
// names are the currency of every interface above C++ — "boulware:e=3" in a scenario file or
// on the command line, a stage's `protocol: mediated`, `--model eum`, later Python keyword
// arguments. They must resolve to the same entry wherever they are read (CLI, staged runs,
// evaluate, bindings) without threading a registry through every call. The instance is
// created on first use (thread-safe), starts with the built-ins, only grows, and is safe to
// use from several threads: add() takes an exclusive lock, lookups a shared one. Entries are
// never removed or moved, so a pointer or reference returned stays valid for the program's
// life. Tests that need isolation make their own Registry.

#include <cstddef>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/core/error.hpp"

namespace parley {

template <class Entry>
class Registry {
 public:
  // `kind` and `kinds` name an entry in messages: "strategy", "strategies".
  Registry(std::string kind, std::string kinds) : kind_(std::move(kind)), kinds_(std::move(kinds)) {}
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // Adds `entry` under `name`. Throws parley::Error (invalid, field = kind) when `name` is
  // empty or already taken: a registered entry is never replaced.
  const Entry& add(std::string name, Entry entry) {
    std::unique_lock lock(mutex_);
    if (name.empty()) throw field_error(kind_, "cannot register a " + kind_ + " without a name");
    for (const auto& item : items_)
      if (item->first == name) throw field_error(kind_, "a " + kind_ + " named '" + name + "' is already registered");
    items_.push_back(std::make_unique<const std::pair<std::string, Entry>>(std::move(name), std::move(entry)));
    return items_.back()->second;
  }

  // The entry named `name`, or nullptr.
  const Entry* find(std::string_view name) const {
    std::shared_lock lock(mutex_);
    for (const auto& item : items_)
      if (item->first == name) return &item->second;
    return nullptr;
  }

  // The entry named `name`; throws parley::Error (unknown_name, field = `field`) naming the
  // closest name and every valid one: "unknown strategy 'x' (did you mean 'y'?); valid
  // strategies: a b c".
  const Entry& get(std::string_view name, const std::string& field) const {
    if (const Entry* entry = find(name)) return *entry;
    const std::vector<std::string> valid = names();
    std::string message = "unknown " + kind_ + " '" + std::string(name) + "'" + did_you_mean(name, valid) + "; valid " + kinds_ + ":";
    for (const std::string& n : valid) message += " " + n;
    throw field_error(field, message, ErrorKind::unknown_name);
  }

  // Names in registration order (built-ins first).
  std::vector<std::string> names() const {
    std::shared_lock lock(mutex_);
    std::vector<std::string> out;
    for (const auto& item : items_) out.push_back(item->first);
    return out;
  }

  // Every entry in registration order; the pointers stay valid (see above).
  std::vector<const Entry*> entries() const {
    std::shared_lock lock(mutex_);
    std::vector<const Entry*> out;
    for (const auto& item : items_) out.push_back(&item->second);
    return out;
  }

  std::size_t size() const {
    std::shared_lock lock(mutex_);
    return items_.size();
  }

 private:
  std::string kind_, kinds_;
  mutable std::shared_mutex mutex_;
  std::vector<std::unique_ptr<const std::pair<std::string, Entry>>> items_;
};

}  // namespace parley
