#pragma once
// Writing results: never leave a half-written file behind.

#include <filesystem>
#include <string>
#include <string_view>

namespace parley {

// Writes `content` to a temporary file beside `path`, then renames it over `path`.
// Throws std::runtime_error (with the path) when the file cannot be written.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

// Reads a whole file; throws InputError when it cannot be read.
std::string read_text_file(const std::filesystem::path& path);

}  // namespace parley
