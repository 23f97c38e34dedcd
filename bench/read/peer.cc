#include "bench/read/peer.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace qantara::read_bench {

namespace qn = qantara::news;

namespace {

constexpr size_t kPeerDateSample = 60;  // articles dateparser is timed on (it is slow)

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\')
      out += '\\', out += static_cast<char>(c);
    else if (c == '\n')
      out += "\\n";
    else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else
      out += static_cast<char>(c);
  }
  return out + "\"";
}

}  // namespace

void RunPeer(const World* w, double one, std::map<std::string, double> us) {
  if (std::getenv("QANTARA_BENCH_NO_PEER")) return;
  const std::string jsonl = "/tmp/qantara_read_bench_articles.jsonl";
  {
    std::ofstream out(jsonl);
    for (const Article& a : w->articles) {
      out << "{\"id\":" << JsonString(a.source.doc) << ",\"lang\":" << JsonString(a.lang)
          << ",\"format\":\""
          << (a.source.format == qn::SourceDocument::Format::kHtml ? "html" : "text")
          << "\",\"body\":" << JsonString(a.source.body) << "}\n";
    }
  }
  const std::string cmd = "/usr/bin/python3 " + std::string(QANTARA_SOURCE_DIR) +
                          "/bench/peers/read_peer.py " + jsonl + " " +
                          std::to_string(kPeerDateSample);
  std::printf("\npeer: %s\n", cmd.c_str());
  std::fflush(stdout);
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return;
  char line[512];
  double peer_rate = 0, peer_clean = 0, peer_langs = 0, peer_dates = 0;
  while (std::fgets(line, sizeof line, p)) {
    std::fputs(line, stdout);
    std::sscanf(line, "articles_per_second %lf", &peer_rate);
    std::sscanf(line, "clean_us_per_article %lf", &peer_clean);
    std::sscanf(line, "languages_us_per_article %lf", &peer_langs);
    std::sscanf(line, "dates_us_per_article %lf", &peer_dates);
  }
  pclose(p);
  if (peer_rate > 0 && one > 0) {
    std::printf(
        "\nqantara one thread / peer: %.0fx (%.0f vs %.1f articles/s; the peer finds no "
        "mentions and links nothing)\n",
        one / peer_rate, one, peer_rate);
    auto part = [&](const char* what, double ours, double theirs) {
      if (ours > 0 && theirs > 0) {
        std::printf("  %-36s %9.1f vs %11.1f us/article: %.0fx\n", what, ours, theirs,
                    theirs / ours);
      }
    };
    part("parse_html+clean / readability", us["parse_html"] + us["clean"], peer_clean);
    part("languages / langdetect", us["languages"], peer_langs);
    part("dates / dateparser search_dates", us["dates"], peer_dates);
  }
}

}  // namespace qantara::read_bench
