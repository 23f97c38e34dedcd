#include "bench/http/query_mix.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

namespace qantara::http_bench {

namespace fs = std::filesystem;

fs::path SharedData() { return fs::path(QANTARA_SOURCE_DIR) / ".." / "shared" / "data"; }

std::vector<std::string> ListFiles(const fs::path& dir) {
  std::vector<std::string> files;
  for (const char* f : {"un_consolidated.xml", "ofac_sdn.csv", "ofac_alt.csv", "ofac_add.csv",
                        "ofac_consolidated_nonsdn.xml", "uk_conlist.csv"}) {
    if (fs::exists(dir / f)) files.push_back((dir / f).string());
  }
  return files;
}

namespace {

bool HasArabic(const std::string& s) {
  for (unsigned char c : s) {
    if (c == 0xD8 || c == 0xD9 || c == 0xDA || c == 0xDB) return true;  // U+0600..U+06FF lead bytes
  }
  return false;
}

std::string DropOneLetter(std::string value, std::mt19937& rng) {
  if (value.size() <= 4) return value;
  size_t at = 1 + rng() % (value.size() - 2);
  while (at > 0 && (static_cast<unsigned char>(value[at]) & 0xC0) == 0x80) --at;
  size_t end = at + 1;
  while (end < value.size() && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) ++end;
  value.erase(at, end - at);
  return value;
}

// Latin and Arabic name words (even: Latin, odd: Arabic), or syllables without the file.
std::vector<std::string> NameWords() {
  std::vector<std::string> words;
  std::ifstream in(SharedData() / "names" / "google_ar2en.txt");
  std::string line;
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 >= line.size()) continue;
    words.push_back(line.substr(tab + 1));  // the English side
    words.push_back(line.substr(0, tab));   // the Arabic side
  }
  if (words.empty()) {
    for (const char* a : {"ka", "ro", "mi", "sel", "dan"}) {
      for (const char* b : {"tu", "var", "len", "po", "gis"}) {
        words.push_back(std::string(a) + b);
        words.push_back(std::string(b) + a);
      }
    }
  }
  return words;
}

std::string UrlEncode(const std::string& s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::vector<QueryName> MakeQueryMix(const std::vector<qantara::lists::Entity>& entities,
                                    uint32_t seed, size_t n) {
  std::vector<const std::string*> latin, arabic;
  for (const auto& e : entities) {
    for (const auto& name : e.names) {
      if (name.value.empty() || name.value.size() > 200) continue;
      (HasArabic(name.value) ? arabic : latin).push_back(&name.value);
    }
  }
  if (arabic.empty()) arabic = latin;
  const std::vector<std::string> words = NameWords();
  std::mt19937 rng(seed);
  std::vector<QueryName> out;
  while (out.size() < n) {
    const size_t slot = out.size() % 10;  // 0-1 Latin, 2 Arabic, 3 typo, 4-9 made up
    if (slot <= 1) {
      out.push_back({*latin[rng() % latin.size()], "listed_latin"});
    } else if (slot == 2) {
      out.push_back({*arabic[rng() % arabic.size()], "listed_arabic"});
    } else if (slot == 3) {
      out.push_back({DropOneLetter(*latin[rng() % latin.size()], rng), "listed_typo"});
    } else {
      std::string made;
      const size_t parity = rng() % 2, count = 2 + rng() % 2;
      for (size_t w = 0; w < count; ++w) {
        if (w) made += ' ';
        made += words[(rng() % (words.size() / 2)) * 2 + parity];
      }
      out.push_back({made, "made_up"});
    }
  }
  std::shuffle(out.begin(), out.end(), rng);
  return out;
}

// The raw HTTP/1.1 requests (keep-alive is HTTP/1.1's default).
std::vector<std::string> MakeRequests(const std::vector<QueryName>& names, const std::string& route,
                                      int port, const std::string& key) {
  const std::string common = "Host: 127.0.0.1:" + std::to_string(port) +
                             "\r\nAuthorization: Bearer " + key + "\r\n";
  std::vector<std::string> out;
  for (size_t i = 0; i < names.size(); ++i) {
    const bool post = route == "screen" || (route == "mix" && i % 2 == 1);
    if (post) {
      const std::string body = nlohmann::json{{"name", names[i].name}}.dump(
          -1, ' ', false, nlohmann::json::error_handler_t::replace);
      out.push_back("POST /v1/screen HTTP/1.1\r\n" + common +
                    "Content-Type: application/json\r\nContent-Length: " +
                    std::to_string(body.size()) + "\r\n\r\n" + body);
    } else {
      out.push_back("GET /v1/match?name=" + UrlEncode(names[i].name) + " HTTP/1.1\r\n" + common +
                    "\r\n");
    }
  }
  return out;
}

}  // namespace qantara::http_bench
