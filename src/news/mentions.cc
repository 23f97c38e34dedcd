// Mention spotting by rules, in five passes over the words of a text:
//   1. the gazetteer: the longest known form of a place or an organisation;
//   2. Latin runs of capitalised words (with name particles: al-, el-, ben,
//      ibn, abu, ould, de...), classified by what surrounds them: a title
//      before (M., Secretary), a verb of saying after, a known given name
//      first, a place starter first (Saint-, San, New), an organisation head
//      word inside (then the name runs on through lower-case adjectives and
//      "de" + noun: Ligue nationale de hockey), a plural before "de" + place
//      (Canucks de Vancouver, a team); runs made only of institutional words
//      (Affaires, Etat), sentence starters or one hyphenated compound
//      (Loire-Atlantique) are not persons;
//   3. Arabic, which has no capitals (mentions_arabic.cc): the words after a
//      title phrase (ra'is al-wuzara al-isra'ili), after a verb of saying, after
//      a known given name, and after an organisation head word;
//   4. names already found, again, anywhere in the text: a surname alone
//      (Bourita, after Nasser Bourita), and the Arabic spelling of a Latin
//      name found in the same text, by phonetic key (names/phonetic.h), which
//      is how a bilingual page names one person in two scripts.
// Rules, not a model: every decision can be explained by its `cue`. The
// gold-set figures in eval/ say how far this carries (eval/README.md,
// "Mentions"): what is left is mostly uncued single surnames and names of
// clubs, bands and firms, which need a statistical tagger.
#include "news/mentions.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "names/phonetic.h"
#include "news/internal/mention_spotter.h"

namespace qantara::news {
namespace {

constexpr size_t kMaxRunWords = 5;
constexpr size_t kMaxOrgWords = 8;

bool IsConnector(std::string_view norm) {
  static const std::unordered_set<std::string_view> kConnectors = {
      "al", "el", "ad",  "ben", "bin", "ibn", "abu", "abou", "ould", "de",
      "du", "d",  "van", "von", "da",  "di",  "bou", "ait",  "ag"};
  return kConnectors.count(norm) > 0;
}

bool IsOf(std::string_view norm) {  // "de" and its forms, English "of"
  return norm == "de" || norm == "du" || norm == "des" || norm == "d" || norm == "of";
}

// French adjective endings: lower-case words that continue an organisation's
// name (Parti socialiste, Ligue nationale, Union europeenne).
bool LooksAdjective(std::string_view norm) {
  static constexpr std::string_view kEndings[] = {
      "al",   "ale",  "ales",  "aux",  "ien",   "ienne", "iens",  "iennes", "ais",
      "aise", "ain",  "aine",  "ains", "aines", "ique",  "iques", "iste",   "istes",
      "el",   "elle", "ois",   "oise", "ier",   "iere",  "een",   "eenne",  "if",
      "ive",  "aire", "aires", "unie", "unies", "ee",    "ees"};
  if (norm.size() < 4) return false;
  for (std::string_view e : kEndings) {
    if (norm.ends_with(e)) return true;
  }
  return false;
}

}  // namespace

// A lower-case French infinitive (discuter, agir): "de" + a verb is no name.
bool Spotter::LooksInfinitive(size_t i) const {
  const std::string& w = words_[i].norm;
  return !words_[i].capitalized && w.size() >= 5 && (w.ends_with("er") || w.ends_with("ir"));
}

Spotter::Spotter(std::string_view text, const Gazetteer& g, const MentionOptions& options)
    : text_(text),
      g_(g),
      options_(options),
      words_(SplitWords(text)),
      type_(words_.size(), kFree),
      kinds_(words_.size()) {
  for (size_t i = 0; i < words_.size(); ++i) {
    const std::string_view w = words_[i].norm;
    kinds_[i].kinds = g_.Kinds(w);
    if (!Arabic(i)) continue;
    for (std::string_view c : kArabicClitics) {  // at most one: a word has one first letter
      if (w.size() >= c.size() + 6 && w.substr(0, c.size()) == c) {
        kinds_[i].rest_kinds = g_.Kinds(w.substr(c.size()));
        kinds_[i].clitic = static_cast<uint8_t>(c.size());
        break;
      }
    }
  }
}

std::vector<Mention> Spotter::Run() {
  GazetteerPass();
  LatinRuns();
  ArabicCues();
  ArabicGivenNames();
  KnownNames();
  if (options_.tagger && options_.tagger->loaded()) {
    Combine(options_.tagger->Tag(words_, g_, Hints()));
  }
  std::sort(out_.begin(), out_.end(),
            [](const Mention& a, const Mention& b) { return a.start < b.start; });
  return std::move(out_);
}

void Spotter::Add(size_t first, size_t last, MentionType type, const GazetteerEntry* entry,
                  std::string_view cue, size_t prefix) {
  Mention m;
  m.start = words_[first].start + prefix;
  m.end = words_[last].end;
  m.text.assign(text_.substr(m.start, m.end - m.start));
  m.type = type;
  m.entry = entry;
  m.cue = cue;
  for (size_t k = first; k <= last; ++k) type_[k] = static_cast<int>(type);
  if (type == MentionType::kPerson) persons_.push_back({first, last});
  out_.push_back(std::move(m));
}

// Removes the mention that starts at word `first` (to merge it into a longer one).
void Spotter::Drop(size_t first) {
  for (size_t k = out_.size(); k-- > 0;) {
    if (out_[k].start >= words_[first].start && out_[k].start < words_[first].end) {
      for (size_t w = first; w < words_.size() && words_[w].start < out_[k].end; ++w) {
        type_[w] = kFree;
      }
      out_.erase(out_.begin() + static_cast<std::ptrdiff_t>(k));
      return;
    }
  }
}

int Spotter::KindPrefix(WordKind kind, size_t i) const {
  const uint32_t bit = 1u << static_cast<int>(kind);
  if (kinds_[i].kinds & bit) return 0;
  return (kinds_[i].rest_kinds & bit) ? kinds_[i].clitic : -1;
}

bool Spotter::Hyphened(size_t i) const {
  return words_[i].glued && words_[i].start > 0 && text_[words_[i].start - 1] == '-';
}

void Spotter::GazetteerPass() {
  for (size_t i = 0; i < words_.size();) {
    GazetteerMatch m = g_.Match(words_, i);
    if (!m.entry) {
      ++i;
      continue;
    }
    Add(i, i + m.words - 1, m.entry->type, m.entry, "gazetteer", m.prefix_bytes);
    i += m.words;
  }
}

// Whether word i can continue a capitalised run that started before it.
bool Spotter::Continues(size_t i) const {
  if (taken(i) || !Latin(i)) return false;
  if (words_[i].breaks_before) return false;
  if (words_[i].capitalized || Hyphened(i)) return true;  // Saint-Jean-de-Luz
  // A lower-case particle continues when a capitalised word follows it.
  return IsConnector(words_[i].norm) && i + 1 < words_.size() && !taken(i + 1) && Latin(i + 1) &&
         words_[i + 1].capitalized && !words_[i + 1].breaks_before;
}

void Spotter::LatinRuns() {
  for (size_t i = 0; i < words_.size();) {
    const bool starts = !taken(i) && Latin(i) &&
                        (words_[i].capitalized || (IsConnector(words_[i].norm) && Continues(i)));
    if (!starts) {
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < words_.size() && end - i < kMaxRunWords && Continues(end)) ++end;
    ClassifyLatin(i, end);
    i = end;
  }
}

// Name words of [begin, end): a hyphenated compound counts once, particles not.
size_t Spotter::NameWords(size_t begin, size_t end) const {
  size_t n = 0;
  for (size_t k = begin; k < end; ++k) n += !IsConnector(words_[k].norm) && !Hyphened(k);
  return n;
}

void Spotter::ClassifyLatin(size_t begin, size_t end) {
  // Sentence starters and connectors in front are not part of a name.
  while (begin < end && (Is(WordKind::kNotName, begin) ||
                         (IsConnector(words_[begin].norm) && !words_[begin].capitalized))) {
    ++begin;
  }
  while (end > begin && IsConnector(words_[end - 1].norm)) --end;
  // A title written with a capital (Secretary, Ambassador) is a cue, not a name word.
  bool titled = TitleBefore(begin);
  while (end - begin >= 2 && Is(WordKind::kPersonTitle, begin)) {
    ++begin;
    titled = true;
  }
  if (begin >= end) return;
  bool org = false, institution = false;
  for (size_t k = begin; k < end; ++k) {
    org |= Is(WordKind::kOrgHead, k);
    institution |= Is(WordKind::kInstitution, k) || Is(WordKind::kNotName, k);
  }
  // An organisation head wins over a place starter: New Dawn Movement, San Remo Bank.
  if (org) return AddOrganization(begin, end);
  if (Is(WordKind::kPlaceStarter, begin) && end - begin >= 2 && !titled) {
    return Add(begin, end - 1, MentionType::kLocation, nullptr, "place_starter");
  }
  if (institution) return;
  if (Team(begin, end)) return;
  ClassifyPerson(begin, end, titled);
}

void Spotter::ClassifyPerson(size_t begin, size_t end, bool titled) {
  const size_t name_words = NameWords(begin, end);
  if (name_words == 0) return;
  const bool saying = SayingAfter(end);
  const bool given = Is(WordKind::kGivenName, begin) && name_words >= 2;
  if (titled) return Add(begin, end - 1, MentionType::kPerson, nullptr, "title");
  if (given) return Add(begin, end - 1, MentionType::kPerson, nullptr, "given_name");
  if (saying) return Add(begin, end - 1, MentionType::kPerson, nullptr, "saying_verb");
  // A name particle before a name word: El Baghdadi, Abou Qatada, Ould Salek.
  if (end - begin >= 2 && IsConnector(words_[begin].norm) && !IsOf(words_[begin].norm)) {
    return Add(begin, end - 1, MentionType::kPerson, nullptr, "particle");
  }
  if (name_words >= 2 && name_words <= 4 && !words_[begin].all_caps) {
    Add(begin, end - 1, MentionType::kPerson, nullptr, "capitals");
  }
}

// An organisation head in [begin, end): the name runs on through lower-case
// adjectives and "de" (+ la, l') + a word, up to a break; a head alone
// (Ligue, Conseil) names no organisation in particular.
void Spotter::AddOrganization(size_t begin, size_t end) {
  const size_t n = words_.size();
  while (end < n && end - begin < kMaxOrgWords && !taken(end) && Latin(end) &&
         !words_[end].breaks_before) {
    if (LooksAdjective(words_[end].norm) && !words_[end].capitalized) {
      ++end;
      continue;
    }
    if (!IsOf(words_[end].norm)) break;
    size_t k = end + 1;
    if (k < n && !words_[k].breaks_before &&
        (words_[k].norm == "la" || words_[k].norm == "l" || words_[k].norm == "the")) {
      ++k;
    }
    if (k >= n || taken(k) || !Latin(k) || words_[k].breaks_before || words_[k].norm.size() < 3 ||
        Is(WordKind::kNotName, k) || LooksInfinitive(k)) {
      break;
    }
    end = k + 1;
    while (end < n && Hyphened(end) && !taken(end)) ++end;
  }
  bool named = false;
  for (size_t k = begin; k < end; ++k) named |= !Is(WordKind::kOrgHead, k) && !IsOf(words_[k].norm);
  if (named) Add(begin, end - 1, MentionType::kOrganization, nullptr, "org_head");
}

// A capitalised plural, then "de" and a place: a team (Canucks de Vancouver,
// Panthers de la Floride). Returns whether it added one.
bool Spotter::Team(size_t begin, size_t end) {
  if (Is(WordKind::kGivenName, begin) || words_[begin].all_caps) return false;
  size_t of = begin + 1;  // the "de" inside the run, or just after it
  while (of < end && !IsOf(words_[of].norm)) ++of;
  const std::string& plural = words_[of - 1].norm;
  if (of - begin > 2 || plural.size() < 4 || plural.back() != 's') return false;
  if (of < end) {  // the place is in the run: the gazetteer did not know it
    if (of + 1 >= end) return false;
    Add(begin, end - 1, MentionType::kOrganization, nullptr, "team");
    return true;
  }
  // The run, then "de" (la, l') and a place the gazetteer named: merge the two.
  size_t place = end + 1;
  if (place < words_.size() && (words_[place].norm == "la" || words_[place].norm == "l")) ++place;
  if (end >= words_.size() || !IsOf(words_[end].norm) || place >= words_.size() ||
      type_[place] != static_cast<int>(MentionType::kLocation) || words_[end].breaks_before ||
      words_[place].breaks_before) {
    return false;
  }
  size_t last = PlaceEnd(place);
  Drop(place);
  while (last < words_.size() && Latin(last) && words_[last].capitalized && !taken(last) &&
         !words_[last].breaks_before) {
    ++last;  // Royals de Kansas City
  }
  Add(begin, last - 1, MentionType::kOrganization, nullptr, "team");
  return true;
}

size_t Spotter::PlaceEnd(size_t place) const {
  size_t e = place + 1;
  for (const Mention& m : out_) {
    if (m.start >= words_[place].start && m.start < words_[place].end) {
      while (e < words_.size() && words_[e].start < m.end) ++e;
    }
  }
  return e;
}

bool Spotter::TitleBefore(size_t i) const {
  if (i == 0) return false;
  if (Is(WordKind::kPersonTitle, i - 1) && TitleFits(i - 1, i)) return true;
  return i >= 2 && !words_[i - 1].breaks_before &&
         g_.Is(WordKind::kPersonTitle, words_[i - 2].norm + " " + words_[i - 1].norm) &&
         TitleFits(i - 1, i);
}

// A title cue: "M." only with its capital (m. is metres), and nothing but
// spaces (or the abbreviation's full stop) between the title and the name.
bool Spotter::TitleFits(size_t title, size_t name) const {
  if (words_[title].norm == "m" && !words_[title].capitalized) return false;
  const std::string_view gap =
      text_.substr(words_[title].end, words_[name].start - words_[title].end);
  size_t k = 0;
  if (!gap.empty() && gap[0] == '.' && words_[title].norm.size() <= 4) k = 1;
  for (; k < gap.size(); ++k) {
    if (gap[k] != ' ') return false;
  }
  return true;
}

bool Spotter::SayingAfter(size_t end) const {
  if (end >= words_.size()) return false;
  if (Is(WordKind::kSayingVerb, end)) return true;
  return end + 1 < words_.size() &&
         g_.Is(WordKind::kSayingVerb, words_[end].norm + " " + words_[end + 1].norm);
}

// Surnames alone, and names spelled in the other script, of persons found:
// a name found once with a cue is a name wherever the text repeats it.
void Spotter::KnownNames() {
  std::unordered_set<std::string> known;       // words of person names, as written
  std::unordered_map<std::string, bool> keys;  // phonetic key -> the last word of a name
  for (auto [first, last] : persons_) {
    for (size_t k = first; k <= last; ++k) {
      if (IsConnector(words_[k].norm) || Is(WordKind::kNameConnector, k) ||
          words_[k].norm.size() < 3) {
        continue;
      }
      known.insert(words_[k].norm);
      std::string key = names::PhoneticKey(WithoutArticle(words_[k].norm));
      if (key.size() >= 3) keys[key] |= (k == last);
    }
  }
  if (known.empty()) return;
  const auto known_word = [&](size_t i) {
    return !taken(i) && known.count(words_[i].norm) > 0 && (words_[i].capitalized || Arabic(i)) &&
           !Is(WordKind::kGivenName, i);
  };
  for (size_t i = 0; i < words_.size(); ++i) {
    if (taken(i) || words_[i].norm.size() < 3) continue;
    if (known_word(i)) {
      size_t end = i + 1;
      while (end < words_.size() && !words_[end].breaks_before && known_word(end)) ++end;
      Add(i, end - 1, MentionType::kPerson, nullptr, "known_name");
      i = end - 1;
      continue;
    }
    if (!Arabic(i)) continue;
    auto it = keys.find(names::PhoneticKey(WithoutArticle(words_[i].norm)));
    if (it == keys.end() || !it->second) continue;  // a surname must end the run
    size_t first = i;
    if (i > 0 && ArabicNameWord(i - 1) && !words_[i].breaks_before &&
        keys.count(names::PhoneticKey(WithoutArticle(words_[i - 1].norm)))) {
      first = i - 1;
    }
    Add(first, i, MentionType::kPerson, nullptr, "cross_script");
  }
}

std::vector<RuleHint> Spotter::Hints() const {
  std::vector<RuleHint> hints(words_.size());
  std::vector<const Mention*> sorted;
  for (const Mention& m : out_) sorted.push_back(&m);
  std::sort(sorted.begin(), sorted.end(),
            [](const Mention* a, const Mention* b) { return a->start < b->start; });
  size_t k = 0;
  for (const Mention* m : sorted) {
    while (k < words_.size() && words_[k].end <= m->start) ++k;
    for (size_t j = k; j < words_.size() && words_[j].start < m->end; ++j) {
      hints[j] = {j == k ? BeginLabel(m->type) : InsideLabel(m->type), m->cue};
    }
  }
  return hints;
}

// A tagger mention of words [first, last]; a C label leaves the clitic out.
Mention Spotter::Tagged(size_t first, size_t last, int begin_label) const {
  Mention m;
  m.start = words_[first].start;
  if (begin_label >= kTagCPer && words_[first].end - m.start > 2) m.start += 2;  // one letter
  m.end = words_[last].end;
  m.text.assign(text_.substr(m.start, m.end - m.start));
  m.type = LabelType(begin_label);
  m.cue = "tagger";
  return m;
}

void Spotter::Combine(std::vector<int> labels) {
  // Latin words left to the rules: the tagger learnt French, not English.
  if (!options_.tag_latin) {
    for (size_t j = 0; j < labels.size(); ++j) {
      if (words_[j].script == text::Script::kLatin) labels[j] = kTagO;
    }
  }
  std::vector<Mention> rules = std::move(out_);
  out_.clear();
  std::sort(rules.begin(), rules.end(),
            [](const Mention& a, const Mention& b) { return a.start < b.start; });
  std::vector<bool> kept(rules.size(), false);
  std::unordered_map<size_t, Mention*> by_end;  // mentions do not overlap: ends are unique
  for (Mention& r : rules) by_end[r.end] = &r;
  // The rule mention of the same words and type (its start may leave a clitic out).
  const auto rule_at = [&](size_t word, size_t end, MentionType type) -> Mention* {
    auto it = by_end.find(end);
    Mention* r = it == by_end.end() ? nullptr : it->second;
    const bool same =
        r && r->type == type && r->start >= words_[word].start && r->start < words_[word].end;
    return same ? r : nullptr;
  };
  // Words inside a gazetteer mention: it names a known entity (its id links it,
  // to the lists too), so a tagger span that cuts across it gives way.
  std::vector<bool> known(words_.size(), false);
  for (const Mention& r : rules) {
    if (!r.entry) continue;
    for (size_t j = 0; j < words_.size(); ++j) {
      if (words_[j].end > r.start && words_[j].start < r.end) known[j] = true;
    }
  }
  for (size_t i = 0; i < labels.size();) {
    if (labels[i] == kTagO) {
      ++i;
      continue;
    }
    size_t last = i;
    while (last + 1 < labels.size() && labels[last + 1] == InsideLabel(LabelType(labels[i]))) {
      ++last;
    }
    const bool on_known = std::any_of(known.begin() + i, known.begin() + last + 1,
                                      [](bool k) { return k; });
    Mention m = Tagged(i, last, labels[i]);
    // A particle before a family name of the nisba form ("El Baghdadi", "Al-Masri": the
    // name ends in -i) is a person, whatever type the tagger gives the same words ("les
    // troupes d'El Baghdadi" reads like "les troupes de France" to it).
    if (Mention* r = rule_at(i, m.end, MentionType::kPerson);
        r && m.type != MentionType::kPerson && r->cue == "particle" && r->text.back() == 'i') {
      out_.push_back(*r);
      kept[static_cast<size_t>(r - rules.data())] = true;
      i = last + 1;
      continue;
    }
    if (on_known && !rule_at(i, m.end, m.type)) {
      i = last + 1;
      continue;
    }
    const bool free =
        std::all_of(type_.begin() + i, type_.begin() + last + 1, [](int t) { return t == kFree; });
    if (Mention* r = rule_at(i, m.end, m.type)) {
      if (options_.use == TaggerUse::kDecide) out_.push_back(*r);
      kept[static_cast<size_t>(r - rules.data())] = true;
    } else if (options_.use == TaggerUse::kDecide || free) {
      out_.push_back(std::move(m));
    }
    i = last + 1;
  }
  if (options_.use == TaggerUse::kFill) {
    for (Mention& r : rules) out_.push_back(std::move(r));
    return;
  }
  // Every gazetteer mention stays: it names a known entity (the UN in an
  // English text, which the tagger never trained on); so does a rule mention
  // of words the tagger left out, when they are Latin words it was told to leave.
  size_t k = 0;
  for (size_t i = 0; i < rules.size(); ++i) {
    Mention& r = rules[i];
    const bool latin_by_rules =
        !options_.tag_latin && text::DominantScript(r.text) == text::Script::kLatin;
    const bool strong_cue = r.cue == "org_head";  // an organisation named by its head word
    if (kept[i] || (!r.entry && !latin_by_rules && !strong_cue)) continue;
    while (k < words_.size() && words_[k].end <= r.start) ++k;
    bool untagged = true;
    for (size_t j = k; j < words_.size() && words_[j].start < r.end; ++j) {
      untagged &= labels[j] == kTagO;
    }
    if (untagged || r.entry) out_.push_back(std::move(r));
  }
}

const Tagger& MentionOptions::BuiltInTagger() { return Tagger::BuiltIn(); }

std::vector<Mention> SpotMentions(std::string_view text, const Gazetteer& gazetteer) {
  return Spotter(text, gazetteer, MentionOptions{}).Run();
}

std::vector<Mention> SpotMentions(std::string_view text, const Gazetteer& gazetteer,
                                  const MentionOptions& options) {
  return Spotter(text, gazetteer, options).Run();
}

}  // namespace qantara::news
