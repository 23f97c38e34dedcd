// The words the event rules read and the trigger table. Events are looked
// for on every article, so this is a hot path: one pass over the text, an
// ASCII fast path, a fold table for Latin-1 and Arabic letters instead of
// ICU normalisation (the triggers are common words: case, accents and
// Arabic letter variants are all that differ), and one hash lookup per
// word and proclitic reading. The table's forms go through the same
// splitting and folding, so the two always agree.
#include "news/internal/events_lexicon.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <unordered_set>

#include "news/fold.h"
#include "text/utf8.h"

namespace qantara::news::events_internal {
namespace {

struct TriggerRow {
  const char* type;
  const char* lang;
  const char* kind;
  const char* form;
};

constexpr TriggerRow kTriggerRows[] = {
#include "generated/event_triggers.inc"
};

// The code point at *pos (ASCII without a call), moving *pos past it.
inline char32_t Next(std::string_view s, size_t* pos) {
  const unsigned char b = static_cast<unsigned char>(s[*pos]);
  if (b < 0x80) {
    ++*pos;
    return b;
  }
  return text::DecodeUtf8(s, pos);
}

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(static_cast<UChar32>(c)) ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

// Apostrophes and hyphens join nothing: "s'est" is two words, "anti-Daech"
// too, but they are not punctuation between words.
bool IsJoiner(char32_t c) {
  return c == '\'' || c == '-' || c == 0x2019 || c == 0x02BC || c == 0x2010 || c == 0x2011;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F || (c >= 0x2000 && c <= 0x200A);
}

// Arabic letters of the proclitics, as UTF-8.
constexpr std::string_view kWaw = "\xD9\x88", kFeh = "\xD9\x81";  // WAW, FEH
constexpr std::string_view kBeh = "\xD8\xA8", kLam = "\xD9\x84",
                           kKaf = "\xD9\x83";         // BEH, LAM, KAF
constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";  // ALEF LAM
constexpr size_t kMinStem = 6;                        // three Arabic letters

void MarkStems(EventWord* w) {
  const std::string_view s = w->norm;
  size_t at = 0;
  auto take = [&](std::string_view p) {
    if (s.size() - at < p.size() + kMinStem || s.compare(at, p.size(), p) != 0) return false;
    at += p.size();
    if (w->stems < w->stem_at.size()) w->stem_at[w->stems++] = static_cast<uint8_t>(at);
    return true;
  };
  if (!take(kWaw)) take(kFeh);
  if (take(kLam)) {
    take(kLam);  // li- + al- writes LAM LAM (the article's alef drops)
  } else if (!take(kBeh)) {
    take(kKaf);
  }
  take(kAl);
}

TriggerKind KindOf(std::string_view k) {
  if (k == "verb") return TriggerKind::kVerb;
  if (k == "future") return TriggerKind::kFuture;
  if (k == "receive") return TriggerKind::kReceive;
  if (k == "saying") return TriggerKind::kSaying;
  if (k == "host") return TriggerKind::kHost;
  if (k == "block") return TriggerKind::kBlock;
  return TriggerKind::kNoun;
}

TriggerLexicon BuildLexicon() {
  TriggerLexicon lex;
  std::unordered_map<std::string, bool> seen;
  for (const TriggerRow& row : kTriggerRows) {
    TriggerForm f;
    std::optional<EventType> type = EventTypeFromName(row.type);
    f.event = type.has_value();
    if (type) f.type = *type;
    f.kind = KindOf(row.kind);
    std::string key;
    for (EventWord& w : SplitEventWords(row.form)) {
      key += w.norm + ' ';
      f.words.push_back(std::move(w.norm));
    }
    if (f.words.empty() || !seen.emplace(key, true).second) continue;  // the table is checked
    lex.by_first[f.words[0]].push_back(static_cast<uint32_t>(lex.forms.size()));
    lex.forms.push_back(std::move(f));
  }
  for (auto& [first, list] : lex.by_first) {
    lex.sketch[TriggerLexicon::Sketch(first)] = true;
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      return lex.forms[a].words.size() > lex.forms[b].words.size();
    });
  }
  return lex;
}

bool WordIs(const EventWord& w, std::string_view folded) {
  for (size_t k = 0; k < w.stems; ++k) {
    if (w.Stem(k) == folded) return true;
  }
  return false;
}

// An adverb that may stand inside a verb phrase of the table ("a ensuite
// arrete", "s'est longuement entretenu", "has also signed"): French words in
// -ment, English in -ly, and a few short ones.
bool IsAdverb(const EventWord& w) {
  static const std::unordered_set<std::string_view> kShort = {
      "ensuite", "deja", "aussi",   "enfin", "encore", "bien", "hier", "alors",     "meme",
      "then",    "also", "already", "again", "later",  "just", "now",  "reportedly"};
  const std::string_view n = w.norm;
  if (w.arabic || n.size() < 3) return false;
  return kShort.count(n) > 0 || (n.size() > 5 && (n.ends_with("ment") || n.ends_with("ly")));
}

}  // namespace

std::vector<EventWord> SplitEventWords(std::string_view text) {
  std::vector<EventWord> words;
  words.reserve(text.size() / 6 + 1);
  bool punct = false;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t at = pos;
    const char32_t c = Next(text, &pos);
    if (!IsWordChar(c)) {
      if (!IsSpace(c) && !IsJoiner(c)) punct = true;
      continue;
    }
    EventWord w;
    w.start = at;
    w.punct_before = punct;
    w.arabic = c >= 0x0600 && c <= 0x06FF;
    AppendFolded(c, &w.norm);
    size_t end = pos;
    while (end < text.size()) {
      size_t next = end;
      const char32_t d = Next(text, &next);
      if (!IsWordChar(d)) break;
      AppendFolded(d, &w.norm);
      end = next;
    }
    w.end = pos = end;
    if (w.arabic) MarkStems(&w);
    words.push_back(std::move(w));
    punct = false;
  }
  return words;
}

const TriggerLexicon& Triggers() {
  static const TriggerLexicon kLexicon = BuildLexicon();
  return kLexicon;
}

TriggerHit MatchTrigger(const std::vector<EventWord>& words, size_t i) {
  const TriggerLexicon& lex = Triggers();
  const EventWord& w = words[i];
  for (size_t k = 0; k < w.stems; ++k) {
    const std::string_view stem = w.Stem(k);
    if (stem.empty() || !lex.sketch[TriggerLexicon::Sketch(stem)]) continue;
    auto it = lex.by_first.find(stem);
    if (it == lex.by_first.end()) continue;
    for (uint32_t index : it->second) {
      const TriggerForm& f = lex.forms[index];
      if (i + f.words.size() > words.size()) continue;
      size_t at = i + 1;
      bool skipped = false, all = true;
      for (size_t j = 1; j < f.words.size() && all; ++j, ++at) {
        if (at < words.size() && !skipped && !words[at].punct_before && IsAdverb(words[at]) &&
            at + 1 < words.size() && !WordIs(words[at], f.words[j])) {
          skipped = true;  // "a ensuite arrete", "has also signed"
          ++at;
        }
        all = at < words.size() && !words[at].punct_before && WordIs(words[at], f.words[j]);
      }
      if (all) return {&f, at};
    }
  }
  return {};
}

}  // namespace qantara::news::events_internal
