#include "bench/read/corpus.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <utility>

#include "bench/read/languages.h"
#include "news/gazetteer.h"
#include "text/segment.h"

namespace qantara::read_bench {

namespace fs = std::filesystem;
namespace qn = qantara::news;

namespace {

fs::path SharedNews() { return fs::path(QANTARA_SOURCE_DIR) / ".." / "shared" / "data" / "news"; }

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Sentences of a token-per-line file: `column` is the token's field; a sentence
// ends at a blank line, or after a "." token when `split_at_stops`. Tokens are
// joined with a space, except before closing punctuation and after an elision
// or an opening bracket.
std::vector<std::string> TokenSentences(const fs::path& p, int column, bool split_at_stops) {
  std::vector<std::string> out;
  std::ifstream in(p);
  std::string line, sentence;
  bool glue = false;  // no space before the next token
  auto keep = [&] {
    if (sentence.size() >= 30 && sentence.size() <= 400) out.push_back(sentence);
    sentence.clear();
    glue = false;
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> fields;
    std::stringstream ls(line);
    for (std::string f; std::getline(ls, f, '\t');) fields.push_back(f);
    std::string token = static_cast<int>(fields.size()) > column ? fields[column] : "";
    for (const std::string bad : {"\u200e", "\ufeff"}) {
      for (size_t at; (at = token.find(bad)) != std::string::npos;) token.erase(at, bad.size());
    }
    if (token.empty() || token.find_first_not_of(" \t") == std::string::npos) {
      keep();
      continue;
    }
    static const std::vector<std::string> closing = {".", ",", ";", ":",     ")",
                                                     "!", "?", "%", "\u060c"};
    const bool closes = std::find(closing.begin(), closing.end(), token) != closing.end();
    if (!sentence.empty() && !glue && !closes) sentence.push_back(' ');
    sentence += token;
    glue = token == "(" || token.back() == '\'' || token.ends_with("\u2019");
    if (split_at_stops && (token == "." || token == "!" || token == "?")) keep();
  }
  keep();
  return out;
}

std::vector<std::string> TimeMlSentences(const fs::path& dir) {
  std::vector<std::string> out;
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".tml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  const std::regex tag("<[^>]*>");
  for (const fs::path& f : files) {
    const std::string doc = Slurp(f);
    const size_t a = doc.find("<TEXT>"), b = doc.find("</TEXT>");
    if (a == std::string::npos || b == std::string::npos) continue;
    std::string text = std::regex_replace(doc.substr(a + 6, b - a - 6), tag, "");
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"&amp;", "&"},
                                   {"&lt;", "<"},
                                   {"&gt;", ">"},
                                   {"&quot;", "\""},
                                   {"&apos;", "'"}}) {
      for (size_t at; (at = text.find(from)) != std::string::npos;)
        text.replace(at, from.size(), to);
    }
    for (const auto& sp : qantara::text::Sentences(text)) {
      std::string s = text.substr(sp.start, sp.end - sp.start);
      std::replace(s.begin(), s.end(), '\n', ' ');
      if (s.size() >= 30 && s.size() <= 400) out.push_back(s);
    }
  }
  return out;
}

std::string Fill(std::string t, const std::map<std::string, std::string>& values) {
  for (const auto& [key, value] : values) {
    for (size_t at; (at = t.find(key)) != std::string::npos;) t.replace(at, key.size(), value);
  }
  return t;
}

std::string EscapeHtml(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

// Article `k` of language `lang`, from its sentence pool.
Article MakeArticle(const Lang& lang, const std::vector<std::string>& pool, size_t k, bool html,
                    std::mt19937* rng) {
  const int year = 2013 + static_cast<int>((*rng)() % 7),
            month = 1 + static_cast<int>((*rng)() % 12), day = 1 + static_cast<int>((*rng)() % 28);
  auto date = [&](int months_back, int d) {
    int m = month - months_back, y = year;
    while (m < 1) m += 12, --y;
    while (m > 12) m -= 12, ++y;
    return std::map<std::string, std::string>{
        {"{d}", std::to_string(d)}, {"{m}", lang.months[m - 1]}, {"{y}", std::to_string(y)}};
  };
  size_t next = (*rng)() % pool.size();
  std::string headline;
  for (size_t tries = 0; tries < 200 && headline.empty(); ++tries) {
    const std::string& s = pool[next++ % pool.size()];
    if (s.size() >= 40 && s.size() <= 140) headline = s;
  }
  if (headline.empty()) headline = pool[next++ % pool.size()].substr(0, 120);
  while (!headline.empty() && (headline.back() == '.' || headline.back() == ' '))
    headline.pop_back();
  // The sentence stream: the pool's sentences from `next`, with the dated ones at 2, 6 and 10.
  std::vector<std::string> paragraphs;
  std::string paragraph = Fill(lang.dateline, date(0, day));
  paragraph = Fill(paragraph, {{"{c}", lang.cities[(*rng)() % lang.cities.size()]}});
  size_t bytes = headline.size(), in_paragraph = 0, per_paragraph = 2 + (*rng)() % 3;
  for (size_t i = 0; bytes + paragraph.size() < kTextBytes; ++i) {
    std::string s;
    if (i == 2)
      s = Fill(lang.dated[0], date(3 + static_cast<int>(i % 5), 1 + (*rng)() % 28));
    else if (i == 6)
      s = Fill(lang.dated[1], date(-2, 1 + (*rng)() % 28));
    else if (i == 10)
      s = lang.dated[2];
    else
      s = pool[next++ % pool.size()];
    if (in_paragraph && !paragraph.empty()) paragraph += ' ';
    paragraph += s;
    if (++in_paragraph == per_paragraph) {
      bytes += 2 + paragraph.size();
      paragraphs.push_back(std::move(paragraph));
      paragraph.clear();
      in_paragraph = 0;
      per_paragraph = 2 + (*rng)() % 3;
    }
  }
  if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
  Article a;
  a.lang = lang.code;
  a.text_bytes = headline.size();
  for (const auto& p : paragraphs) a.text_bytes += 2 + p.size();
  char path[96];
  std::snprintf(path, sizeof path, "%04d/%02d/%s-%zu", year, month, lang.code, k);
  if (!html) {
    a.source.format = qn::SourceDocument::Format::kText;
    a.source.doc = std::string("articles/") + lang.site + "/" + path + ".txt";
    a.source.body = headline + "\n\n";
    for (const auto& p : paragraphs) a.source.body += p + "\n\n";
    return a;
  }
  a.source.format = qn::SourceDocument::Format::kHtml;
  a.source.url = std::string("https://") + lang.site + "/" + path + ".html";
  a.source.doc = a.source.url;
  char iso[32];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT09:30:00Z", year, month, day);
  std::string& b = a.source.body;
  b = std::string("<!DOCTYPE html>\n<html lang=\"") + lang.code +
      "\"><head><meta charset=\"utf-8\">" + "<title>" + EscapeHtml(headline) + " | " +
      lang.site_name + "</title>" + "<meta property=\"article:published_time\" content=\"" + iso +
      "\"></head>\n<body>\n" + "<header><div class=\"logo\"><a href=\"/\">" + lang.site_name +
      "</a></div><nav class=\"menu\"><ul>";
  for (const char* n : lang.nav) b += std::string("<li><a href=\"/s/\">") + n + "</a></li>";
  b += "</ul></nav></header>\n<main><article>\n<h1>" + EscapeHtml(headline) + "</h1>\n" +
       "<p class=\"byline\">" + lang.byline + "</p>\n<div class=\"share-bar\">";
  for (const char* s : lang.share) b += std::string("<a href=\"#share\">") + s + "</a> ";
  b += "</div>\n";
  for (const auto& p : paragraphs) b += "<p>" + EscapeHtml(p) + "</p>\n";
  b += "</article></main>\n<footer><p>" + Fill(lang.footer, {{"{y}", std::to_string(year)}}) +
       "</p><ul>";
  for (const char* l : lang.footer_links)
    b += std::string("<li><a href=\"/p/\">") + l + "</a></li>";
  b += "</ul></footer>\n</body></html>\n";
  return a;
}

}  // namespace

World* GetWorld() {
  static World* world = [] {
    auto* w = new World();
    std::map<std::string, std::vector<std::string>> pools;
    const fs::path news = SharedNews();
    if (fs::exists(news)) {
      pools["ar"] = TokenSentences(news / "newsfane_ar" / "NewsFANE_Gold_2014_170K.txt", 0, true);
      pools["fr"] = TokenSentences(news / "wikineural_fr" / "test.conllu", 1, false);
      pools["en"] = TimeMlSentences(news / "tempeval3_platinum_en" / "te3-platinum");
    }
    w->real_sentences = true;
    for (const Lang& l : Langs()) {
      if (pools[l.code].empty()) {
        w->real_sentences = false;
        pools[l.code].assign(l.own.begin(), l.own.end());
      }
      w->pool_sizes[l.code] = pools[l.code].size();
    }
    std::mt19937 rng(7);
    for (size_t k = 0; k < kArticles; ++k) {  // language k % 3; HTML when (k / 3) % 2 == 0
      const Lang& l = Langs()[k % 3];
      w->articles.push_back(MakeArticle(l, pools[l.code], k, (k / 3) % 2 == 0, &rng));
    }
    for (const Article& a : w->articles) {
      auto page = qn::PageOf(a.source);
      w->pages.push_back(page.ok() ? *page : qn::Page());
      w->sites.push_back(qn::SiteOf(a.source));
      w->site_lines.AddPage(w->sites.back(), w->pages.back().blocks);
    }
    for (size_t i = 0; i < w->articles.size(); ++i) {
      w->read.push_back(qn::ReadPage(w->articles[i].source, w->pages[i], &w->site_lines,
                                     qn::Gazetteer::BuiltIn()));
      const std::string& p = w->read.back().published;
      w->anchors.push_back(p.size() == 10 ? qn::ParseDateValue(p) : std::nullopt);
    }
    qn::EntityLinker linker(nullptr);
    for (const qn::ReadDocument& r : w->read) w->linked.push_back(linker.LinkDocument(r.mentions));
    return w;
  }();
  return world;
}

}  // namespace qantara::read_bench
