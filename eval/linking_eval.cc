// Cross-script entity linking: does a person named in Arabic script join the
// entity of the same person named in Latin script, among many?
//
//   build/eval/linking_eval [--shared DIR]
//
// Sets (under ../shared/data; it says so and exits 0 when they are absent):
//   un_pairs   names/un_sc_arabic_latin.tsv, persons: every UN person's primary
//              Latin name is read first, one document each, so that the linker
//              knows them all (about 370 persons); then each of its Arabic-script
//              names, one document each. Right: the Arabic name joins the
//              entity of its own Latin name; wrong: another person's; new: none.
//              Then the same with a family name alone (the last Arabic word),
//              as a second mention of a person already named in full would be.
//   seeds      ../shared/seeds read as `qantara read` reads them (no lists):
//              for every person mentioned in Arabic script, whether its entity
//              also has a Latin mention; and the persons found, with their
//              canonical forms, for a reader to check.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "news/entities.h"
#include "news/read.h"
#include "news/source.h"

namespace fs = std::filesystem;
namespace qn = qantara::news;

namespace {

struct Person {
  std::string latin;
  std::vector<std::string> arabic;
};

std::map<std::string, Person> ReadUnPersons(const fs::path& tsv) {
  std::map<std::string, Person> persons;
  std::ifstream in(tsv);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, '\t');) f.push_back(cell);
    if (f.size() < 6 || f[1] != "PERSON") continue;
    Person& p = persons[f[0]];
    if (f[5] == "primary") p.latin = f[4];
    if (std::find(p.arabic.begin(), p.arabic.end(), f[3]) == p.arabic.end()) p.arabic.push_back(f[3]);
  }
  for (auto it = persons.begin(); it != persons.end();) {
    it = it->second.latin.empty() ? persons.erase(it) : std::next(it);
  }
  return persons;
}

qn::Mention PersonMention(const std::string& text) {
  qn::Mention m;
  m.text = text;
  m.end = text.size();
  m.type = qn::MentionType::kPerson;
  return m;
}

void Print(const char* what, size_t right, size_t wrong, size_t fresh) {
  const double n = static_cast<double>(right + wrong + fresh);
  std::printf("  %-28s %5zu names: right %.3f  wrong %.3f  new %.3f\n", what,
              right + wrong + fresh, right / n, wrong / n, fresh / n);
}

void UnPairs(const fs::path& shared) {
  const fs::path tsv = shared / "names" / "un_sc_arabic_latin.tsv";
  if (!fs::exists(tsv)) {
    std::printf("un_pairs: skipped (%s is absent)\n", tsv.c_str());
    return;
  }
  const std::map<std::string, Person> persons = ReadUnPersons(tsv);
  std::printf("un_pairs (%zu UN persons with a primary Latin name and an Arabic name)\n",
              persons.size());
  for (bool surname_only : {false, true}) {
    qn::EntityLinker linker(nullptr);
    std::map<std::string, std::string> key_of;
    for (const auto& [ref, p] : persons) key_of[ref] = linker.LinkDocument({PersonMention(p.latin)})[0].entity;
    size_t right = 0, wrong = 0, fresh = 0;
    std::set<std::string> known;
    for (const auto& [ref, k] : key_of) known.insert(k);
    for (const auto& [ref, p] : persons) {
      for (const std::string& arabic : p.arabic) {
        std::string name = arabic;
        if (surname_only) name = arabic.substr(arabic.rfind(' ') == std::string::npos ? 0 : arabic.rfind(' ') + 1);
        auto linked = linker.LinkDocument({PersonMention(name)});
        if (linked.empty()) continue;
        const std::string& key = linked[0].entity;
        if (key == key_of.at(ref)) {
          ++right;
        } else if (known.count(key)) {
          ++wrong;
        } else {
          ++fresh;
        }
      }
    }
    Print(surname_only ? "family name alone (Arabic)" : "full name (Arabic)", right, wrong, fresh);
  }
}

void Seeds(const fs::path& seeds) {
  if (!fs::exists(seeds)) {
    std::printf("seeds: skipped (%s is absent)\n", seeds.c_str());
    return;
  }
  std::vector<std::string> paths;
  for (const auto& e : fs::directory_iterator(seeds)) paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  qn::EntityLinker linker(nullptr);
  std::map<std::string, std::set<std::string>> forms;  // entity -> mention texts
  std::map<std::string, std::string> canonical;
  qn::SiteLines lines;
  qn::ForEachDocument(
      paths, qn::SourceOptions(),
      [&](qn::SourceDocument d) {
        auto page = qn::PageOf(d);
        if (!page.ok()) return;
        qn::ReadDocument r = qn::ReadPage(d, *page, &lines, qn::Gazetteer::BuiltIn());
        for (const auto& l : linker.LinkDocument(r.mentions)) {
          if (l.mention.type != qn::MentionType::kPerson) continue;
          forms[l.entity].insert(l.mention.text);
          canonical[l.entity] = l.canonical;
        }
      },
      [](qn::SourceError) {});
  size_t arabic = 0, bridged = 0;
  std::printf("seeds (%zu documents): persons\n", paths.size());
  for (const auto& [key, texts] : forms) {
    bool has_arabic = false, has_latin = false;
    std::string shown;
    for (const std::string& t : texts) {
      const bool is_arabic = t.find('\xd8') != std::string::npos || t.find('\xd9') != std::string::npos;
      (is_arabic ? has_arabic : has_latin) = true;
      shown += (shown.empty() ? "" : " | ") + t;
    }
    arabic += has_arabic;
    bridged += has_arabic && has_latin;
    std::printf("  %-28s %-26s %s\n", key.c_str(), canonical[key].c_str(), shown.c_str());
  }
  std::printf("  persons named in Arabic script whose entity also has a Latin mention: %zu of %zu\n",
              bridged, arabic);
}

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = fs::path(QANTARA_SOURCE_DIR) / ".." / "shared";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--shared" && i + 1 < argc) {
      shared = argv[++i];
    } else {
      std::fprintf(stderr, "usage: linking_eval [--shared DIR]\n");
      return 2;
    }
  }
  if (!fs::exists(shared / "data")) {
    std::printf("linking_eval: %s/data is absent: nothing to evaluate\n", shared.c_str());
    return 0;
  }
  UnPairs(shared / "data");
  Seeds(shared / "seeds");
  return 0;
}
