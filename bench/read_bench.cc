// Reading news: the per-document pipeline of `qantara read`, per stage, with a Python peer.
//
// Workload: 300 news articles of about 3,000 bytes of text each, one third each in Arabic,
// French and English, half as HTML pages (a nav menu, the headline, a byline, a share bar,
// the paragraphs, a footer; article:published_time in a meta tag) and half as plain text
// (headline line, then paragraphs). Each article opens with a dateline ("PARIS, 5 mars 2019
// (AFP) - ") and carries two written dates and one relative one ("hier", "yesterday") among
// its sentences. The sentences are real ones when ../shared/data/news exists:
//   ar  NewsFANE Gold (newsfane_ar/NewsFANE_Gold_2014_170K.txt: tokens joined, U+200E and
//       BOM dropped, a sentence ends at a "." token)
//   fr  WikiNEuRal French test set (wikineural_fr/test.conllu: tokens joined)
//   en  TempEval-3 platinum (tempeval3_platinum_en/te3-platinum/*.tml: <TEXT> with its tags
//       stripped, split with text::Sentences; 37 KB, so its sentences recur across articles)
// and otherwise a few sentences written in this file (the output says which).
//   BM_Read/threads:N   PageOf + ReadPage (clean, published date, languages, dates, mentions,
//                       events)
//                       + EntityLinker::LinkDocument, as `qantara read` runs them (without
//                       --list: no screener); one linker per thread, new at each pass over
//                       the articles; SiteLines of all the pages is built beforehand, as a
//                       run builds it before ReadPage. items/s = articles/s.
//                       threads:1 is timed in CPU time, threads:2 in wall time.
//   BM_Stage/STAGE      one stage on the same articles, its input computed beforehand:
//                       parse_html (PageOf: libxml2 for pages, lines for texts), site_lines
//                       (SiteLines::AddPage, sequential in a run), clean, published,
//                       languages, dates, mentions, link, events (FindEvents + LinkEvents).
//                       Summed up at the end in us/article
//                       (CPU time).
//   peer                bench/peers/read_peer.py (python3-readability, python3-langdetect,
//                       python3-dateparser) on the same articles, run after the benchmarks;
//                       the ratio qantara one thread / peer (both in CPU time) is printed at
//                       the end.
#include <benchmark/benchmark.h>
#include <sys/utsname.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "news/clean.h"
#include "news/dates.h"
#include "news/entities.h"
#include "news/events.h"
#include "news/gazetteer.h"
#include "news/language.h"
#include "news/mentions.h"
#include "news/read.h"
#include "text/segment.h"

namespace fs = std::filesystem;
namespace qn = qantara::news;

namespace {

constexpr size_t kArticles = 300;       // one third per language, half HTML
constexpr size_t kTextBytes = 3000;     // text per article (headline + paragraphs)
constexpr size_t kPeerDateSample = 60;  // articles dateparser is timed on (it is slow)

fs::path SharedNews() { return fs::path(QANTARA_SOURCE_DIR) / ".." / "shared" / "data" / "news"; }

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// What each language's pages and sentences are made of. Arabic and accented
// letters as \u escapes; the Arabic means what the English says.
struct Lang {
  const char* code;
  const char* site;       // host of its HTML pages, folder of its texts
  const char* site_name;  // in <title> and the footer
  std::vector<const char*> nav, share, footer_links;
  const char* footer;  // {y}: year
  const char* byline;
  std::vector<const char*> cities, months;
  const char* dateline;            // {c} city, {d} day, {m} month name, {y} year
  std::vector<const char*> dated;  // sentences with a date ({d} {m} {y}) or a relative one
  std::vector<const char*> own;    // sentences used without ../shared/data
};

const std::vector<Lang>& Langs() {
  static const std::vector<Lang> langs = {
      {"ar",
       "www.aljarida.example",
       "\u0627\u0644\u062c\u0631\u064a\u062f\u0629",  // al-Jarida
       // Home, World, Politics, Economy, Sport, Culture
       {"\u0627\u0644\u0631\u0626\u064a\u0633\u064a\u0629", "\u0627\u0644\u0639\u0627\u0644\u0645",
        "\u0633\u064a\u0627\u0633\u0629", "\u0627\u0642\u062a\u0635\u0627\u062f",
        "\u0631\u064a\u0627\u0636\u0629", "\u062b\u0642\u0627\u0641\u0629"},
       // Facebook, Twitter, WhatsApp, Mail
       {"\u0641\u064a\u0633\u0628\u0648\u0643", "\u062a\u0648\u064a\u062a\u0631",
        "\u0648\u0627\u062a\u0633\u0627\u0628", "\u0627\u0644\u0628\u0631\u064a\u062f"},
       // Contact us, About us, Privacy
       {"\u0627\u062a\u0635\u0644 \u0628\u0646\u0627", "\u0645\u0646 \u0646\u062d\u0646",
        "\u0627\u0644\u062e\u0635\u0648\u0635\u064a\u0629"},
       // (c) {y} al-Jarida. All rights reserved.
       "\u00a9 {y} \u0627\u0644\u062c\u0631\u064a\u062f\u0629. \u062c\u0645\u064a\u0639 "
       "\u0627\u0644\u062d\u0642\u0648\u0642 \u0645\u062d\u0641\u0648\u0638\u0629.",
       // By the editors
       "\u0628\u0642\u0644\u0645 \u0647\u064a\u0626\u0629 "
       "\u0627\u0644\u062a\u062d\u0631\u064a\u0631",
       // Rabat, Cairo, Beirut, Tunis, Amman
       {"\u0627\u0644\u0631\u0628\u0627\u0637", "\u0627\u0644\u0642\u0627\u0647\u0631\u0629",
        "\u0628\u064a\u0631\u0648\u062a", "\u062a\u0648\u0646\u0633", "\u0639\u0645\u0627\u0646"},
       {"\u064a\u0646\u0627\u064a\u0631", "\u0641\u0628\u0631\u0627\u064a\u0631",
        "\u0645\u0627\u0631\u0633", "\u0623\u0628\u0631\u064a\u0644", "\u0645\u0627\u064a\u0648",
        "\u064a\u0648\u0646\u064a\u0648", "\u064a\u0648\u0644\u064a\u0648",
        "\u0623\u063a\u0633\u0637\u0633", "\u0633\u0628\u062a\u0645\u0628\u0631",
        "\u0623\u0643\u062a\u0648\u0628\u0631", "\u0646\u0648\u0641\u0645\u0628\u0631",
        "\u062f\u064a\u0633\u0645\u0628\u0631"},
       "{c} {d} {m} {y} (\u0623 \u0641 \u0628) - ",  // (AFP)
       {// On {d} {m} {y}, the meeting was postponed to a later date.
        "\u0648\u0641\u064a {d} {m} {y}\u060c \u062a\u0645 \u062a\u0623\u062c\u064a\u0644 "
        "\u0627\u0644\u0627\u062c\u062a\u0645\u0627\u0639 \u0625\u0644\u0649 "
        "\u0645\u0648\u0639\u062f "
        "\u0644\u0627\u062d\u0642.",
        // The decision is expected before {d} {m} {y}.
        "\u0648\u0645\u0646 \u0627\u0644\u0645\u0646\u062a\u0638\u0631 \u0623\u0646 "
        "\u064a\u0635\u062f\u0631 "
        "\u0627\u0644\u0642\u0631\u0627\u0631 \u0642\u0628\u0644 {d} {m} {y}.",
        // The spokesman said yesterday that the talks would go on until the end of the month.
        "\u0648\u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b \u0623\u0645\u0633 "
        "\u0625\u0646 "
        "\u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0627\u062a "
        "\u0633\u062a\u0633\u062a\u0645\u0631 "
        "\u062d\u062a\u0649 \u0646\u0647\u0627\u064a\u0629 \u0627\u0644\u0634\u0647\u0631."},
       {// The Moroccan foreign ministry announced that minister Nasser Bourita will visit Cairo
        // next week.
        "\u0623\u0639\u0644\u0646\u062a \u0648\u0632\u0627\u0631\u0629 "
        "\u0627\u0644\u062e\u0627\u0631\u062c"
        "\u064a\u0629 \u0627\u0644\u0645\u063a\u0631\u0628\u064a\u0629 \u0623\u0646 "
        "\u0627\u0644\u0648"
        "\u0632\u064a\u0631 \u0646\u0627\u0635\u0631 \u0628\u0648\u0631\u064a\u0637\u0629 "
        "\u0633\u064a"
        "\u0632\u0648\u0631 \u0627\u0644\u0642\u0627\u0647\u0631\u0629 "
        "\u0627\u0644\u0623\u0633\u0628"
        "\u0648\u0639 \u0627\u0644\u0645\u0642\u0628\u0644.",
        // The head of government told a news conference that the economy grew markedly this year.
        "\u0648\u0642\u0627\u0644 \u0631\u0626\u064a\u0633 "
        "\u0627\u0644\u062d\u0643\u0648\u0645\u0629 "
        "\u0641\u064a \u0645\u0624\u062a\u0645\u0631 \u0635\u062d\u0641\u064a \u0625\u0646 "
        "\u0627\u0644"
        "\u0627\u0642\u062a\u0635\u0627\u062f \u0627\u0644\u0648\u0637\u0646\u064a "
        "\u0633\u062c\u0644 "
        "\u0646\u0645\u0648\u0627 \u0645\u0644\u062d\u0648\u0638\u0627 \u0647\u0630\u0627 "
        "\u0627\u0644"
        "\u0639\u0627\u0645.",
        // The United Nations confirmed that aid reached the stricken areas in the north.
        "\u0648\u0623\u0643\u062f\u062a \u0627\u0644\u0623\u0645\u0645 "
        "\u0627\u0644\u0645\u062a\u062d"
        "\u062f\u0629 \u0623\u0646 \u0627\u0644\u0645\u0633\u0627\u0639\u062f\u0627\u062a "
        "\u0627\u0644"
        "\u0625\u0646\u0633\u0627\u0646\u064a\u0629 \u0648\u0635\u0644\u062a \u0625\u0644\u0649 "
        "\u0627\u0644\u0645\u0646\u0627\u0637\u0642 "
        "\u0627\u0644\u0645\u062a\u0636\u0631\u0631\u0629 "
        "\u0641\u064a \u0634\u0645\u0627\u0644 \u0627\u0644\u0628\u0644\u0627\u062f.",
        // The decision comes after months of talks between the parties.
        "\u0648\u064a\u0623\u062a\u064a \u0647\u0630\u0627 \u0627\u0644\u0642\u0631\u0627\u0631 "
        "\u0628"
        "\u0639\u062f \u0623\u0634\u0647\u0631 \u0645\u0646 "
        "\u0627\u0644\u0645\u0641\u0627\u0648\u0636"
        "\u0627\u062a \u0628\u064a\u0646 \u0627\u0644\u0623\u0637\u0631\u0627\u0641 "
        "\u0627\u0644\u0645"
        "\u0639\u0646\u064a\u0629.",
        // The ministry's spokesman said the committee will hold its next meeting in Rabat.
        "\u0648\u0623\u0634\u0627\u0631 \u0627\u0644\u0645\u062a\u062d\u062f\u062b "
        "\u0628\u0627\u0633"
        "\u0645 \u0627\u0644\u0648\u0632\u0627\u0631\u0629 \u0625\u0644\u0649 \u0623\u0646 "
        "\u0627\u0644"
        "\u0644\u062c\u0646\u0629 \u0633\u062a\u0639\u0642\u062f "
        "\u0627\u062c\u062a\u0645\u0627\u0639"
        "\u0647\u0627 \u0627\u0644\u0645\u0642\u0628\u0644 \u0641\u064a "
        "\u0627\u0644\u0631\u0628\u0627"
        "\u0637.",
        // The European Union called on all parties to exercise restraint and respect the ceasefire.
        "\u0648\u062f\u0639\u0627 \u0627\u0644\u0627\u062a\u062d\u0627\u062f "
        "\u0627\u0644\u0623\u0648"
        "\u0631\u0648\u0628\u064a \u062c\u0645\u064a\u0639 "
        "\u0627\u0644\u0623\u0637\u0631\u0627\u0641 "
        "\u0625\u0644\u0649 \u0636\u0628\u0637 \u0627\u0644\u0646\u0641\u0633 "
        "\u0648\u0627\u062d\u062a"
        "\u0631\u0627\u0645 \u0648\u0642\u0641 \u0625\u0637\u0644\u0627\u0642 "
        "\u0627\u0644\u0646\u0627"
        "\u0631.",
        // The official news agency reported that the president received business leaders.
        "\u0648\u0630\u0643\u0631\u062a \u0648\u0643\u0627\u0644\u0629 "
        "\u0627\u0644\u0623\u0646\u0628"
        "\u0627\u0621 \u0627\u0644\u0631\u0633\u0645\u064a\u0629 \u0623\u0646 "
        "\u0627\u0644\u0631\u0626"
        "\u064a\u0633 \u0627\u0633\u062a\u0642\u0628\u0644 \u0648\u0641\u062f\u0627 \u0645\u0646 "
        "\u0631\u062c\u0627\u0644 \u0627\u0644\u0623\u0639\u0645\u0627\u0644.",
        // For his part, the economist said oil prices will stay high in the coming months.
        "\u0648\u0645\u0646 \u062c\u0647\u062a\u0647\u060c \u0642\u0627\u0644 "
        "\u0627\u0644\u062e\u0628"
        "\u064a\u0631 \u0627\u0644\u0627\u0642\u062a\u0635\u0627\u062f\u064a \u0625\u0646 "
        "\u0623\u0633"
        "\u0639\u0627\u0631 \u0627\u0644\u0646\u0641\u0637 \u0633\u062a\u0628\u0642\u0649 "
        "\u0645\u0631"
        "\u062a\u0641\u0639\u0629 \u0641\u064a \u0627\u0644\u0623\u0634\u0647\u0631 "
        "\u0627\u0644\u0645"
        "\u0642\u0628\u0644\u0629."}},
      {"fr",
       "www.lequotidien.example",
       "Le Quotidien",
       {"Accueil", "Monde", "Politique", "\u00c9conomie", "Sport", "Culture"},
       {"Partager sur Facebook", "Twitter", "WhatsApp", "E-mail"},
       {"Contact", "Qui sommes-nous ?", "Confidentialit\u00e9"},
       "\u00a9 {y} Le Quotidien. Tous droits r\u00e9serv\u00e9s.",
       "Par la r\u00e9daction",
       {"PARIS", "RABAT", "TUNIS", "ALGER", "BRUXELLES"},
       {"janvier", "f\u00e9vrier", "mars", "avril", "mai", "juin", "juillet", "ao\u00fbt",
        "septembre", "octobre", "novembre", "d\u00e9cembre"},
       "{c}, {d} {m} {y} (AFP) - ",
       {"Le {d} {m} {y}, la r\u00e9union avait \u00e9t\u00e9 report\u00e9e \u00e0 une date "
        "ult\u00e9rieure.",
        "Une d\u00e9cision est attendue avant le {d} {m} {y}.",
        "Le porte-parole a d\u00e9clar\u00e9 hier que les discussions se poursuivraient "
        "jusqu'\u00e0 "
        "la fin du mois."},
       {"Le ministre des Affaires \u00e9trang\u00e8res Nasser Bourita se rendra au Caire la "
        "semaine prochaine, a annonc\u00e9 son minist\u00e8re.",
        "Selon le chef du gouvernement, l'\u00e9conomie marocaine a nettement progress\u00e9 cette "
        "ann\u00e9e.",
        "Les Nations unies ont confirm\u00e9 que l'aide humanitaire avait atteint les r\u00e9gions "
        "sinistr\u00e9es du nord du pays.",
        "Cette d\u00e9cision intervient apr\u00e8s plusieurs mois de n\u00e9gociations entre les "
        "parties.",
        "La commission tiendra sa prochaine r\u00e9union \u00e0 Rabat, a pr\u00e9cis\u00e9 le "
        "porte-parole du minist\u00e8re.",
        "L'Union europ\u00e9enne a appel\u00e9 toutes les parties \u00e0 la retenue et au respect "
        "du "
        "cessez-le-feu.",
        "Le pr\u00e9sident Emmanuel Macron a re\u00e7u mardi une d\u00e9l\u00e9gation de chefs "
        "d'entreprise \u00e0 l'\u00c9lys\u00e9e.",
        "Pour l'\u00e9conomiste Jean Dupont, les prix du p\u00e9trole resteront \u00e9lev\u00e9s "
        "dans "
        "les mois \u00e0 venir."}},
      {"en",
       "www.dailynews.example",
       "The Daily News",
       {"Home", "World", "Politics", "Business", "Sport", "Culture"},
       {"Share on Facebook", "Twitter", "WhatsApp", "Email"},
       {"Contact us", "About us", "Privacy"},
       "\u00a9 {y} The Daily News. All rights reserved.",
       "By staff writers",
       {"WASHINGTON", "LONDON", "CAIRO", "RABAT", "NEW YORK"},
       {"January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"},
       "{c}, {m} {d}, {y} (AP) - ",
       {"On {m} {d}, {y}, the meeting was postponed until further notice.",
        "A decision is expected before {m} {d}, {y}.",
        "The spokesman said yesterday that the talks would go on until the end of the month."},
       {"Moroccan Foreign Minister Nasser Bourita will visit Cairo next week, his ministry said.",
        "The head of government told reporters that the economy had grown markedly this year.",
        "The United Nations confirmed that humanitarian aid had reached the stricken areas in the "
        "north of the country.",
        "The decision comes after months of negotiations between the parties.",
        "The committee will hold its next meeting in Rabat, a ministry spokesman said.",
        "The European Union called on all sides to show restraint and respect the ceasefire.",
        "President Joe Biden met business leaders at the White House on Tuesday.",
        "Oil prices will stay high in the coming months, economist John Smith said."}},
  };
  return langs;
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

struct Article {
  std::string lang;
  qn::SourceDocument source;
  size_t text_bytes = 0;  // headline + paragraphs, as written
};

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

// The articles and every stage's input, computed once.
struct World {
  bool real_sentences = false;
  std::map<std::string, size_t> pool_sizes;
  std::vector<Article> articles;
  std::vector<qn::Page> pages;
  std::vector<std::string> sites;
  qn::SiteLines site_lines;
  std::vector<qn::ReadDocument> read;  // ReadPage's output, for the stages after clean
  std::vector<std::optional<qn::CivilDate>> anchors;
  std::vector<std::vector<qn::LinkedMention>> linked;  // the read mentions, linked (for events)
};

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

// The whole per-document pipeline; each thread takes every threads-th article
// and links with its own linker, new at each pass (as a run starts with one).
void BM_Read(benchmark::State& state) {
  World* w = GetWorld();
  const auto& gazetteer = qn::Gazetteer::BuiltIn();
  size_t done = 0, mentions = 0;
  for (auto _ : state) {
    qn::EntityLinker linker(nullptr);
    for (size_t i = state.thread_index(); i < w->articles.size(); i += state.threads()) {
      const qn::SourceDocument& source = w->articles[i].source;
      auto page = qn::PageOf(source);
      if (!page.ok()) continue;
      qn::ReadDocument read = qn::ReadPage(source, *page, &w->site_lines, gazetteer);
      mentions += linker.LinkDocument(read.mentions).size();
      ++done;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(done));
  state.counters["mentions_per_article"] = benchmark::Counter(
      static_cast<double>(mentions) / std::max<size_t>(1, done), benchmark::Counter::kAvgThreads);
}
// One thread: CPU time (DESIGN's target is per core, and the machine may be shared);
// two threads: wall time.
BENCHMARK(BM_Read)->Threads(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Read)->Threads(2)->UseRealTime()->Unit(benchmark::kMillisecond);

enum class Stage {
  kParse,
  kSiteLines,
  kClean,
  kPublished,
  kLanguages,
  kDates,
  kMentions,
  kLink,
  kEvents
};

// One stage over all the articles per iteration.
void BM_Stage(benchmark::State& state, Stage stage) {
  World* w = GetWorld();
  const auto& gazetteer = qn::Gazetteer::BuiltIn();
  const size_t n = w->articles.size();
  for (auto _ : state) {
    switch (stage) {
      case Stage::kParse:
        for (size_t i = 0; i < n; ++i) benchmark::DoNotOptimize(qn::PageOf(w->articles[i].source));
        break;
      case Stage::kSiteLines: {
        qn::SiteLines lines;
        for (size_t i = 0; i < n; ++i) lines.AddPage(w->sites[i], w->pages[i].blocks);
        benchmark::DoNotOptimize(lines);
        break;
      }
      case Stage::kClean:
        for (size_t i = 0; i < n; ++i) {
          benchmark::DoNotOptimize(qn::Clean(w->pages[i], "", w->sites[i], &w->site_lines));
        }
        break;
      case Stage::kPublished:  // as read.cc: the page's metadata, else the text's own
        for (size_t i = 0; i < n; ++i) {
          auto meta = w->pages[i].published.empty() ? std::nullopt
                                                    : qn::ParseDateValue(w->pages[i].published);
          if (!meta) benchmark::DoNotOptimize(qn::FindPublished(w->pages[i].blocks));
          benchmark::DoNotOptimize(meta);
        }
        break;
      case Stage::kLanguages:
        for (size_t i = 0; i < n; ++i)
          benchmark::DoNotOptimize(qn::DetectLanguages(w->read[i].text));
        break;
      case Stage::kDates:
        for (size_t i = 0; i < n; ++i) {
          benchmark::DoNotOptimize(qn::FindDates(w->read[i].text, w->anchors[i]));
        }
        break;
      case Stage::kMentions:
        for (size_t i = 0; i < n; ++i) {
          benchmark::DoNotOptimize(qn::SpotMentions(w->read[i].text, gazetteer));
        }
        break;
      case Stage::kLink: {
        qn::EntityLinker linker(nullptr);
        for (size_t i = 0; i < n; ++i)
          benchmark::DoNotOptimize(linker.LinkDocument(w->read[i].mentions));
        break;
      }
      case Stage::kEvents:  // FindEvents (in ReadPage) + LinkEvents (when a line is written)
        for (size_t i = 0; i < n; ++i) {
          const qn::ReadDocument& r = w->read[i];
          auto events =
              qn::FindEvents(r.text, r.languages.sentences, r.mentions, r.dates, r.published);
          benchmark::DoNotOptimize(qn::LinkEvents(r.text, events, w->linked[i]));
        }
        break;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}
BENCHMARK_CAPTURE(BM_Stage, parse_html, Stage::kParse)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Stage, site_lines, Stage::kSiteLines)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Stage, clean, Stage::kClean)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Stage, published, Stage::kPublished)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Stage, languages, Stage::kLanguages)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Stage, dates, Stage::kDates)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Stage, mentions, Stage::kMentions)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Stage, link, Stage::kLink)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Stage, events, Stage::kEvents)->Unit(benchmark::kMillisecond);

// The console output, keeping items/s of every run for the summary.
class Reporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& r : runs) {
      auto it = r.counters.find("items_per_second");
      if (!r.error_occurred && it != r.counters.end()) rates[r.benchmark_name()] = it->second;
    }
  }
  // items/s of the first run whose name starts with `prefix` and holds `part`; 0 when none.
  double Rate(const std::string& prefix, const std::string& part = "") const {
    for (const auto& [name, rate] : rates) {
      if (name.rfind(prefix, 0) == 0 && name.find(part) != std::string::npos) return rate;
    }
    return 0;
  }
  std::map<std::string, double> rates;
};

std::string CpuModel() {
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  }
  return "unknown";
}

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

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  World* w = GetWorld();
  struct utsname u;
  uname(&u);
  std::map<std::string, size_t> count, html, text_bytes, clean_bytes;
  size_t body_bytes = 0, sentences = 0, dates = 0, mentions = 0, removed[2] = {0, 0}, pages = 0,
         html_bytes = 0;
  for (size_t i = 0; i < w->articles.size(); ++i) {
    const Article& a = w->articles[i];
    ++count[a.lang];
    html[a.lang] += a.source.format == qn::SourceDocument::Format::kHtml;
    text_bytes[a.lang] += a.text_bytes;
    clean_bytes[a.lang] += w->read[i].text.size();
    body_bytes += a.source.body.size();
    sentences += w->read[i].languages.sentences.size();
    dates += w->read[i].dates.size();
    mentions += w->read[i].mentions.size();
    const bool is_html = a.source.format == qn::SourceDocument::Format::kHtml;
    pages += is_html;
    html_bytes += is_html ? a.source.body.size() : 0;
    removed[is_html] += w->read[i].removed.size();
  }
  std::string input;
  for (const auto& [lang, n] : count) {
    char line[200];
    std::snprintf(line, sizeof line, "%s%s: %zu articles (%zu HTML), %zu text bytes/article",
                  input.empty() ? "" : "; ", lang.c_str(), n, html[lang], text_bytes[lang] / n);
    input += line;
  }
  const size_t n = w->articles.size();
  std::printf("cpu: %s (%u hardware threads)\ncompiler: g++ %s\nicu: %s\nmachine: %s %s\n",
              CpuModel().c_str(), std::thread::hardware_concurrency(), __VERSION__, U_ICU_VERSION,
              u.machine, u.release);
  std::printf("input: %s\n", input.c_str());
  std::printf("sentences: %s (pool ar %zu, fr %zu, en %zu sentences)\n",
              w->real_sentences ? "real, from ../shared/data/news"
                                : "NOT real: ../shared/data/news missing, the few sentences "
                                  "written in bench/read_bench.cc, repeated",
              w->pool_sizes["ar"], w->pool_sizes["fr"], w->pool_sizes["en"]);
  std::printf(
      "source bytes: %zu per HTML page, %zu per text; after reading, per article: %.1f "
      "sentences, %.1f dates, %.1f mentions; blocks removed per HTML page %.1f, per text %.1f; "
      "clean text bytes/article ar %zu, fr %zu, en %zu\n\n",
      html_bytes / std::max<size_t>(1, pages),
      (body_bytes - html_bytes) / std::max<size_t>(1, n - pages), double(sentences) / n,
      double(dates) / n, double(mentions) / n, double(removed[1]) / std::max<size_t>(1, pages),
      double(removed[0]) / std::max<size_t>(1, n - pages), clean_bytes["ar"] / count["ar"],
      clean_bytes["fr"] / count["fr"], clean_bytes["en"] / count["en"]);
  benchmark::AddCustomContext("cpu", CpuModel());
  benchmark::AddCustomContext("compiler", __VERSION__);
  benchmark::AddCustomContext("icu", U_ICU_VERSION);
  benchmark::AddCustomContext("input", input);
  benchmark::AddCustomContext("sentences", w->real_sentences ? "real" : "written in the bench");
  Reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  // Where the time goes.
  const double one = reporter.Rate("BM_Read", "threads:1"),
               two = reporter.Rate("BM_Read", "threads:2");
  double load[3] = {0, 0, 0};
  getloadavg(load, 3);
  std::printf(
      "\nqantara, %zu articles (~%zu text bytes each), load average %.1f on %u hardware "
      "threads:\n",
      n, kTextBytes, load[0], std::thread::hardware_concurrency());
  if (one > 0) {
    std::printf("  whole pipeline: %.0f articles/s on one thread (CPU time, %.0f us/article)", one,
                1e6 / one);
  }
  if (two > 0) std::printf(", %.0f articles/s on two threads (wall time)", two);
  if (one > 0) std::printf("; DESIGN's target: >= 2,000 articles/s per core\n");
  double sum = 0;
  std::map<std::string, double> us;
  const std::vector<std::string> stages = {"parse_html", "site_lines", "clean",
                                           "published",  "languages",  "dates",
                                           "mentions",   "link",       "events"};
  for (const std::string& stage : stages) {
    const double rate = reporter.Rate("BM_Stage/" + stage);
    if (rate > 0) sum += us[stage] = 1e6 / rate;
  }
  for (const std::string& stage : stages) {
    if (us.count(stage)) {
      std::printf("  %-11s %8.1f us/article  %5.1f %%\n", stage.c_str(), us[stage],
                  100 * us[stage] / sum);
    }
  }
  if (sum > 0) std::printf("  %-11s %8.1f us/article (stages one by one, CPU time)\n", "sum", sum);

  // The peer, on the same articles.
  if (std::getenv("QANTARA_BENCH_NO_PEER")) return 0;
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
  if (!p) return 0;
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
  return 0;
}
