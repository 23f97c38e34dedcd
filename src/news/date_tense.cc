// The tense of the sentence around a date expression, for the resolution of
// the bare ones (a weekday, a month, a day without year): the tense word
// nearest the expression within its sentence decides ("le ministre a annonce
// que la reunion se tiendra samedi": "tiendra" is nearer than "a annonce").
//
// Tense words are the cues `future` and `past` of resources/date_words.tsv,
// plus two rules the table cannot hold: a French future by its ending (a
// lower-case word of five letters or more ending in -ra or -ront: "tiendra",
// "participeront"), and French "a" before a past participle ("a rencontre",
// "a dit"), since folded "a" is also the preposition.
#include <algorithm>
#include <string_view>

#include "news/internal/date_scan.h"

namespace qantara::news::dates_internal {
namespace {

constexpr size_t kReach = 8;  // tokens looked at on each side

bool EndsWith(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// Words ending in -ra that are not verbs.
constexpr std::string_view kNotFuture[] = {"extra",   "ultra",    "contra",  "camera",  "opera",
                                           "cholera", "sierra",   "mantra",  "cobra",   "zebra",
                                           "algebra", "diaspora", "agora",   "tiara",   "viagra",
                                           "hydra",   "chimera",  "pandora", "caldera", "affront"};

bool AllCaps(std::string_view raw) {
  for (unsigned char c : raw) {
    if (c >= 'a' && c <= 'z') return false;
  }
  return true;
}

// A lower-case word, or one in a headline's capitals ("LE VILLAGE FETERA").
bool FrenchFuture(const Token& t, std::string_view text) {
  if (t.type != TokType::kWord || t.norm.size() < 5) return false;
  if (t.upper && !AllCaps(text.substr(t.start, t.end - t.start))) return false;
  for (unsigned char c : t.norm) {
    if (c >= 0x80) return false;  // Latin words only (folded: ASCII)
  }
  if (!EndsWith(t.norm, "ra") && !EndsWith(t.norm, "ront")) return false;
  return std::find(std::begin(kNotFuture), std::end(kNotFuture), t.norm) == std::end(kNotFuture);
}

// Past participles that do not end in -e (folded): "a dit", "a fait", "a recu".
constexpr std::string_view kParticiples[] = {
    "dit",   "fait",   "eu",      "recu",    "pris",    "mis",     "vu",      "tenu",
    "ecrit", "promis", "permis",  "perdu",   "rendu",   "obtenu",  "soutenu", "voulu",
    "pu",    "du",     "conduit", "repondu", "detruit", "reconnu", "admis",   "atteint"};

bool FrenchPastAuxiliary(const Scanner& sc, std::string_view text, size_t k) {
  const Token& t = sc.tok(k);
  if (t.norm != "a" || text.substr(t.start, t.end - t.start) != "a" || k + 1 >= sc.size()) {
    return false;
  }
  const Token& next = sc.tok(k + 1);
  if (next.type != TokType::kWord) return false;
  const std::string_view raw = text.substr(next.start, next.end - next.start);
  if (EndsWith(raw, "\xC3\xA9") || EndsWith(raw, "\xC3\xA9s") ||
      EndsWith(raw,
               "\xC3\xA9"
               "e")) {
    return true;  // -e, -es, -ee with an acute accent
  }
  return std::find(std::begin(kParticiples), std::end(kParticiples), next.norm) !=
         std::end(kParticiples);
}

bool EndsSentence(const Scanner& sc, std::string_view text, size_t k) {
  const Token& t = sc.tok(k);
  if (t.type == TokType::kPunct && (t.norm == "." || t.norm == "!" || t.norm == "?" ||
                                    t.norm == "\xD8\x9F")) {  // ARABIC QUESTION MARK
    return true;
  }
  if (k + 1 >= sc.size()) return false;
  const std::string_view gap = text.substr(t.end, sc.tok(k + 1).start - t.end);
  return gap.find('\n') != std::string_view::npos;
}

Tense TenseAt(const Scanner& sc, std::string_view text, size_t k) {
  if (sc.MatchCue(k, Cue::kFuture).phrase || FrenchFuture(sc.tok(k), text)) return Tense::kFuture;
  if (sc.MatchCue(k, Cue::kPast).phrase || FrenchPastAuxiliary(sc, text, k)) return Tense::kPast;
  return Tense::kUnknown;
}

}  // namespace

Tense SentenceTense(const Scanner& sc, std::string_view text, size_t first, size_t end) {
  bool left_open = first > 0 && !EndsSentence(sc, text, first - 1);
  bool right_open = end > 0 && end < sc.size() && !EndsSentence(sc, text, end - 1);
  for (size_t d = 0; d < kReach && (left_open || right_open); ++d) {
    // Left first at equal distance: the verb usually comes before its date.
    if (left_open) {
      const size_t k = first - 1 - d;
      const Tense t = TenseAt(sc, text, k);
      if (t != Tense::kUnknown) return t;
      left_open = k > 0 && !EndsSentence(sc, text, k - 1);
    }
    if (right_open) {
      const size_t k = end + d;
      const bool last = k + 1 >= sc.size() || EndsSentence(sc, text, k);
      if (!(last && sc.tok(k).type == TokType::kPunct)) {
        const Tense t = TenseAt(sc, text, k);
        if (t != Tense::kUnknown) return t;
      }
      right_open = !last;
    }
  }
  return Tense::kUnknown;
}

}  // namespace qantara::news::dates_internal
