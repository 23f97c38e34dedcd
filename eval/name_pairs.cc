#include "eval/name_pairs.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "names/similarity.h"
#include "text/normalize.h"
#include "text/transliterate.h"

namespace qantara::eval {
namespace {

uint64_t Fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(cur);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

// The words of a name in Latin letters, lower case, without punctuation.
std::vector<std::string> LatinWords(const std::string& name) {
  std::vector<std::string> words;
  for (const std::string& w : Split(text::NormalizeForMatching(text::TransliterateToLatin(name)), ' ')) {
    std::string clean;
    for (char c : w) {
      if (c != '-') clean += c;
    }
    if (!clean.empty()) words.push_back(clean);
  }
  return words;
}

std::string Join(std::vector<std::string> words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// Token-set Jaro-Winkler (the peer's measure, as fuzzywuzzy's token_set_ratio
// with Jaro-Winkler): the common words sorted, then each side's rest.
double TokenSetJaroWinkler(std::vector<std::string> a, std::vector<std::string> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::vector<std::string> common, only_a, only_b;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(only_a));
  std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(only_b));
  const std::string t = Join(common);
  std::string ta = Join(common), tb = Join(common);
  for (const auto& w : only_a) ta += (ta.empty() ? "" : " ") + w;
  for (const auto& w : only_b) tb += (tb.empty() ? "" : " ") + w;
  double best = names::JaroWinkler(ta, tb);
  if (!t.empty()) best = std::max({best, names::JaroWinkler(t, ta), names::JaroWinkler(t, tb)});
  return best;
}

std::string SchemaLower(lists::Schema s) {
  std::string out(lists::SchemaName(s));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const std::string* PrimaryName(const lists::Entity& e) {
  for (const auto& n : e.names) {
    if (n.kind == lists::NameKind::kPrimary) return &n.value;
  }
  return e.names.empty() ? nullptr : &e.names[0].value;
}

bool ShareWord(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& w : a) {
    if (w.size() >= 3 && std::find(b.begin(), b.end(), w) != b.end()) return true;
  }
  return false;
}

void Keep(std::vector<NamePair> found, size_t n, std::mt19937* rng, std::vector<NamePair>* out) {
  std::shuffle(found.begin(), found.end(), *rng);
  if (found.size() > n) found.resize(n);
  for (auto& p : found) {
    p.heldout = HeldOut(p.query, p.listed);
    out->push_back(std::move(p));
  }
}

}  // namespace

bool HeldOut(const std::string& query, const std::string& listed) {
  return Fnv1a(query + "\t" + listed) % 3 == 0;
}

std::vector<NamePair> ReadNamePairs(const std::string& path) {
  std::vector<NamePair> pairs;
  std::ifstream in(path);
  std::string line;
  size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols = Split(line, '\t');
    std::optional<lists::Schema> schema = cols.size() == 5 ? lists::ParseSchema(cols[1]) : std::nullopt;
    if (cols.size() != 5 || !schema || (cols[2] != "0" && cols[2] != "1") || cols[3].empty() ||
        cols[4].empty()) {
      std::fprintf(stderr, "%s:%zu: expected category, schema, label 0/1, query, listed\n",
                   path.c_str(), lineno);
      continue;
    }
    NamePair p{cols[0], *schema, cols[2] == "1", cols[3], cols[4], false};
    p.heldout = HeldOut(p.query, p.listed);
    pairs.push_back(std::move(p));
  }
  return pairs;
}

std::vector<NamePair> MinePairs(const std::vector<lists::Entity>& entities, size_t per_category) {
  std::mt19937 rng(20261207);
  std::map<std::string, std::vector<NamePair>> found;
  // Positives: names of one entity.
  for (const lists::Entity& e : entities) {
    const std::string* primary = PrimaryName(e);
    if (!primary || e.schema == lists::Schema::kAircraft) continue;
    const std::vector<std::string> pw = LatinWords(*primary);
    const std::string schema = SchemaLower(e.schema);
    for (const lists::EntityName& n : e.names) {
      if (&n.value == primary || n.kind == lists::NameKind::kWeakAlias) continue;
      const std::vector<std::string> nw = LatinWords(n.value);
      if (nw == pw || nw.empty()) continue;
      if (n.kind == lists::NameKind::kOriginalScript) {
        found["mined_script_" + schema].push_back({"mined_script_" + schema, e.schema, true, n.value,
                                                   *primary, false});
      } else if (pw.size() >= 2 && nw.size() >= 2 && ShareWord(pw, nw)) {
        found["mined_alias_" + schema].push_back({"mined_alias_" + schema, e.schema, true, n.value,
                                                  *primary, false});
      }
    }
  }
  // Hard negatives: two entities whose primary names share a word and look alike.
  std::map<std::string, std::vector<size_t>> by_word;
  std::vector<std::vector<std::string>> words(entities.size());
  for (size_t i = 0; i < entities.size(); ++i) {
    const std::string* primary = PrimaryName(entities[i]);
    if (!primary) continue;
    words[i] = LatinWords(*primary);
    for (const auto& w : std::set<std::string>(words[i].begin(), words[i].end())) {
      if (w.size() >= 3) by_word[w].push_back(i);
    }
  }
  std::set<std::pair<size_t, size_t>> seen;
  for (const auto& [word, ids] : by_word) {
    if (ids.size() > 40) continue;  // a common word: pairs of it say little
    for (size_t x = 0; x < ids.size(); ++x) {
      for (size_t y = x + 1; y < ids.size(); ++y) {
        const lists::Entity& a = entities[ids[x]];
        const lists::Entity& b = entities[ids[y]];
        if (a.schema != b.schema || a.schema == lists::Schema::kAircraft) continue;
        if (!seen.insert({ids[x], ids[y]}).second || words[ids[x]] == words[ids[y]]) continue;
        if (TokenSetJaroWinkler(words[ids[x]], words[ids[y]]) < 0.88) continue;
        const std::string c = "mined_neg_" + SchemaLower(a.schema);
        found[c].push_back({c, a.schema, false, *PrimaryName(a), *PrimaryName(b), false});
      }
    }
  }
  std::vector<NamePair> out;
  for (auto& [category, pairs] : found) Keep(std::move(pairs), per_category, &rng, &out);
  return out;
}

}  // namespace qantara::eval
