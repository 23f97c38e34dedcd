// libFuzzer target: lists::LoadLists (src/lists/reader.h) on one file, or on
// several when the input holds the separator line "--8<--" (so that the OFAC
// CSV set, sdn + alt + add, is merged as when given together).
//
// The reader is chosen by content, so every reader (UN, OFAC XML and CSV, EU,
// UK, our JSONL and CSV, gzip) is reached from one target; seed it with the
// fixtures of tests/fixtures/lists/ (see fuzz/README.md).
// Properties: no crash, no sanitizer report, no hang; when the load succeeds,
// every entity has a list, a ref and at least one non-empty name, every name is
// valid UTF-8 of at most LoadOptions::max_name_bytes, and its JSON form reads
// back to the same entity.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "lists/entity_json.h"
#include "lists/reader.h"
#include "text/utf8.h"

namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_list_readers: property failed: %s\n", what);
    std::abort();
  }
}

std::string TempBase() {
  static const std::string base = [] {
    const char* tmp = std::getenv("TMPDIR");
    return std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/qantara_fuzz_list." +
           std::to_string(getpid()) + ".";
  }();
  return base;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace qantara;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> parts;
  constexpr std::string_view kSeparator = "\n--8<--\n";
  for (size_t start = 0;;) {
    size_t end = in.find(kSeparator, start);
    parts.push_back(in.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos || parts.size() == 4) break;
    start = end + kSeparator.size();
  }
  std::vector<std::string> paths;
  for (size_t i = 0; i < parts.size(); ++i) {
    paths.push_back(TempBase() + std::to_string(i));
    FILE* f = std::fopen(paths.back().c_str(), "wb");
    if (f == nullptr) std::abort();
    std::fwrite(parts[i].data(), 1, parts[i].size(), f);
    std::fclose(f);
  }
  lists::LoadOptions options;
  Result<lists::LoadResult> loaded = lists::LoadLists(paths, options);
  if (loaded.ok()) {
    for (const lists::Entity& e : loaded->entities) {
      Check(!e.list.empty() && !e.ref.empty(), "entity has a list and a ref");
      Check(!e.names.empty(), "entity has a name");
      for (const lists::EntityName& n : e.names) {
        Check(!n.value.empty(), "name is not empty");
        Check(text::ValidateUtf8(n.value).ok(), "name is valid UTF-8");
        Check(n.value.size() <= options.max_name_bytes, "name is within max_name_bytes");
      }
      Check(text::ValidateUtf8(e.caption).ok(), "caption is valid UTF-8");
      Result<lists::Entity> back = lists::EntityFromJson(lists::EntityToJson(e));
      Check(back.ok(), "EntityToJson output reads back");
      Check(back.ok() && back->id() == e.id() && back->names == e.names,
            "entity round-trips through JSON");
    }
  }
  for (const std::string& p : paths) std::remove(p.c_str());
  return 0;
}
