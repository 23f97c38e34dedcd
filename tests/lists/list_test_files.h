// Test helpers for lists/: fixture paths, a scratch directory, gzip.
#ifndef QANTARA_TESTS_LISTS_LIST_TEST_FILES_H_
#define QANTARA_TESTS_LISTS_LIST_TEST_FILES_H_

#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace qantara::lists::testing {

// Path of a fixture in tests/fixtures/lists/.
inline std::string Fixture(std::string_view name) {
  return std::string(QANTARA_SOURCE_DIR) + "/tests/fixtures/lists/" + std::string(name);
}

inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A directory removed (with its files) when the object goes away.
class ScratchDir {
 public:
  ScratchDir() {
    static int counter = 0;
    dir_ = std::filesystem::temp_directory_path() /
           ("qantara_lists_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter));
    std::filesystem::create_directories(dir_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  // Writes `bytes` to a file named `name` and returns its path.
  std::string Write(const std::string& name, std::string_view bytes) const {
    std::string path = (dir_ / name).string();
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
  }

 private:
  std::filesystem::path dir_;
};

// gzip-compresses `data` (one member), as `gzip` would.
inline std::string Gzip(std::string_view data) {
  z_stream zs{};
  deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

}  // namespace qantara::lists::testing

#endif  // QANTARA_TESTS_LISTS_LIST_TEST_FILES_H_
