// Language per sentence: script first, then CLD2 within the script.
//
// What. The text is split with text::Sentences(). Each sentence's letters are
// counted by script (Latin, Arabic, other); the majority script decides which
// family of languages it can be in, so an Arabic name quoted in a French
// sentence does not make it Arabic, and a Latin acronym in an Arabic sentence
// does not make it English.
//   Arabic script is "ar" unless Persian/Urdu/Pashto letters (PEH, GAF, KEHEH,
//   FARSI YEH, ...; Arabic news writes none of them, except in the odd foreign
//   name) make up 5 % of its letters: only then is CLD2 asked, and only a
//   reliable non-Arabic answer is taken. CLD2 on short Arabic sentences says
//   "fa" or "ur" often enough to miss the 99 % target; this keeps it out.
//   Latin script goes to CLD2 (ExtDetectLanguageSummary, plain text) with the
//   document's Latin language (one CLD2 call on all Latin sentences together)
//   as content-language and language hint. A reliable answer on 60 letters or
//   more is taken as it is. Otherwise the evidence is weak, and the answer is
//   restricted to French or English, the two Latin languages of the news we
//   read: the sentence's function words (kFrench, kEnglish below: frequent,
//   unambiguous words; "a", "on", "an", "but" are left out because the other
//   language has them too) decide when they differ; then CLD2's ranking
//   among fr/en; then the document's language when it is fr/en; then CLD2's
//   answer; else "und".
//   Other scripts take CLD2's answer ("und" when it has none).
// A sentence without letters takes the language of the one before it (else
// the one after) and adds nothing to the shares, which count letters.
//
// Speed. One CLD2 call per Latin sentence and one for the document; Arabic
// sentences cost a letter count only. eval/language_eval prints the speed.
//
// Checked against. tests/news/language_test.cc and eval/language_eval
// (NewsFANE Arabic, WikiNEuRal and Europeana French, TempEval-3 English; the
// peer python3-langdetect on the same sentences).
#include "news/language.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <malloc.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>  // compact_lang_det.h uses FILE without including it
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/segment.h"
#include "text/utf8.h"

namespace qantara::news {
namespace {

constexpr int kStrongLetters = 60;  // a reliable CLD2 answer on this many letters stands

// Function words: lower case, ASCII or \u escapes. "l", "d" and "qu" come from
// French elisions ("l'Etat", "qu'il"), which the tokenizer splits at the
// apostrophe. kFrench holds words that Spanish, Italian and Portuguese do not
// write; kFrenchShared those they do ("la", "de", "que"...), which only count
// when the choice is already between French and English.
constexpr std::string_view kFrench[] = {
    "les",           "des",   "du",    "une",        "est",       "sont",      "dans",   "pour",
    "sur",           "avec",  "au",    "aux",        "cette",     "ces",       "qui",    "ils",
    "elle",          "elles", "nous",  "vous",       "leur",      "leurs",     "mais",   "pas",
    "ont",           "selon", "avait", "apr\u00e8s", "tr\u00e8s", "\u00eatre", "\u00e0", "o\u00f9",
    "\u00e9t\u00e9", "l",     "d",     "qu",         "et",        "chez",      "aussi",  "dit"};
constexpr std::string_view kFrenchShared[] = {"le", "la",  "de",    "en",    "un",   "que",  "il",
                                              "se", "ne",  "sa",    "son",   "ses",  "ce",   "ou",
                                              "je", "par", "entre", "comme", "sous", "lors", "nos"};
constexpr std::string_view kEnglish[] = {
    "the",   "of",    "and",  "to",   "in",    "is",     "are",  "was",   "were",  "that",
    "for",   "with",  "as",   "by",   "from",  "at",     "this", "these", "those", "it",
    "its",   "he",    "she",  "they", "we",    "his",    "her",  "their", "have",  "has",
    "had",   "been",  "be",   "will", "would", "which",  "who",  "not",   "or",    "said",
    "after", "about", "than", "into", "over",  "also",   "more", "there", "what",  "when",
    "i",     "you",   "our",  "can",  "could", "should", "did",  "does",  "do",    "my"};

// Letters of the Arabic script that Arabic does not use (Persian, Urdu, Pashto...).
bool IsNonArabicLetterOfArabicScript(char32_t cp) {
  switch (cp) {
    case 0x067E:  // ARABIC LETTER PEH
    case 0x0686:  // ARABIC LETTER TCHEH
    case 0x0698:  // ARABIC LETTER JEH
    case 0x06AF:  // ARABIC LETTER GAF
    case 0x06A9:  // ARABIC LETTER KEHEH
    case 0x06CC:  // ARABIC LETTER FARSI YEH
    case 0x0679:  // ARABIC LETTER TTEH
    case 0x0688:  // ARABIC LETTER DDAL
    case 0x0691:  // ARABIC LETTER RREH
    case 0x06BA:  // ARABIC LETTER NOON GHUNNA
    case 0x06BE:  // ARABIC LETTER HEH DOACHASHMEE
    case 0x06C1:  // ARABIC LETTER HEH GOAL
    case 0x06D2:  // ARABIC LETTER YEH BARREE
      return true;
    default:
      return false;
  }
}

bool IsArabicScript(char32_t cp) {
  return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
         (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
         (cp >= 0xFE70 && cp <= 0xFEFF);
}

bool IsLatinScript(char32_t cp) {
  return (cp >= 0x00C0 && cp <= 0x024F) || (cp >= 0x1E00 && cp <= 0x1EFF) ||
         (cp >= 0x0250 && cp <= 0x02AF);
}

struct LetterCounts {
  size_t latin = 0, arabic = 0, other = 0;
  size_t non_arabic = 0;  // Arabic-script letters that Arabic does not use
  size_t total() const { return latin + arabic + other; }
};

LetterCounts CountLetters(std::string_view s) {
  LetterCounts n;
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) ++n.latin;
      ++i;
      continue;
    }
    const char32_t cp = text::DecodeUtf8(s, &i);
    if (!u_isalpha(cp)) continue;
    if (IsArabicScript(cp)) {
      ++n.arabic;
      if (IsNonArabicLetterOfArabicScript(cp)) ++n.non_arabic;
    } else if (IsLatinScript(cp)) {
      ++n.latin;
    } else {
      ++n.other;
    }
  }
  return n;
}

// "fr", "en", ... from CLD2; "" for unknown or a script pseudo-language.
std::string CodeOf(CLD2::Language lang) {
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return "";
  std::string code = CLD2::LanguageCode(lang);
  if (code == "un" || code.rfind("xx", 0) == 0) return "";
  if (code == "iw") return "he";  // CLD2 keeps the withdrawn code for Hebrew
  if (code == "in") return "id";
  if (code == "jw") return "jv";
  if (const size_t dash = code.find('-'); dash != std::string::npos) code.resize(dash);
  return code;
}

struct Cld2Answer {
  CLD2::Language lang3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE,
                             CLD2::UNKNOWN_LANGUAGE};
  bool reliable = false;
};

// CLD2 allocates about 250 KB of scratch per call, in pieces under glibc's
// mmap threshold, and frees it; with glibc's default trim threshold (128 KB)
// each call then gives the heap top back to the kernel and faults it in again,
// about 70 us a call, 25 times the detection itself. Keeping up to 8 MB of
// free heap instead costs nothing worth counting. (Process-wide: the CLI may
// set it at start instead; setting it twice is harmless.)
void KeepCld2ScratchMapped() {
  static const bool once = [] { return mallopt(M_TRIM_THRESHOLD, 8 << 20) == 1; }();
  (void)once;
}

Cld2Answer AskCld2(std::string_view s, const std::string& hint_code, CLD2::Language hint) {
  KeepCld2ScratchMapped();
  Cld2Answer a;
  CLD2::CLDHints hints = {hint_code.empty() ? nullptr : hint_code.c_str(), nullptr,
                          CLD2::UNKNOWN_ENCODING, hint};
  int percent3[3];
  double scores3[3];
  int text_bytes = 0;
  CLD2::ExtDetectLanguageSummary(s.data(), static_cast<int>(s.size()), /*is_plain_text=*/true,
                                 &hints, 0, a.lang3, percent3, scores3, nullptr, &text_bytes,
                                 &a.reliable);
  return a;
}

// Evidence for French and English in a sentence's words.
struct WordEvidence {
  int fr = 0;         // kFrench words
  int fr_shared = 0;  // kFrenchShared words
  int en = 0;         // kEnglish words
  int accented = 0;   // words with a letter that French writes and English does not
  int fr_all() const { return fr + fr_shared; }
};

bool IsFrenchAccent(char32_t cp) {
  switch (cp) {
    case 0x00E0:
    case 0x00E2:
    case 0x00E7:
    case 0x00E8:
    case 0x00E9:  // a-grave a-circ c-cedil e-grave e-acute
    case 0x00EA:
    case 0x00EB:
    case 0x00EE:
    case 0x00EF:
    case 0x00F4:  // e-circ e-diaer i-circ i-diaer o-circ
    case 0x00F9:
    case 0x00FB:
    case 0x0153:  // u-grave u-circ oe
      return true;
    default:
      return false;
  }
}

// Which lists `word` is in: bit 0 kFrench, bit 1 kFrenchShared, bit 2
// kEnglish (one hash lookup per word instead of a hundred comparisons).
uint8_t FunctionWordLists(std::string_view word) {
  static const auto* const kLists = [] {
    auto* t = new std::unordered_map<std::string_view, uint8_t>();
    for (std::string_view w : kFrench) (*t)[w] |= 1;
    for (std::string_view w : kFrenchShared) (*t)[w] |= 2;
    for (std::string_view w : kEnglish) (*t)[w] |= 4;
    return t;
  }();
  auto it = kLists->find(word);
  return it == kLists->end() ? 0 : it->second;
}

void CountWord(const std::string& word, bool accented, WordEvidence* ev) {
  if (accented) ++ev->accented;
  if (word.size() > 6) return;
  const uint8_t lists = FunctionWordLists(word);
  ev->fr += lists & 1;
  ev->fr_shared += (lists >> 1) & 1;
  ev->en += (lists >> 2) & 1;
}

WordEvidence CountFunctionWords(std::string_view s) {
  WordEvidence ev;
  std::string word;
  bool accented = false;
  for (size_t i = 0; i <= s.size();) {
    const char32_t cp = i < s.size() ? text::DecodeUtf8(s, &i) : (++i, U' ');
    if (cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') : u_isalpha(cp)) {
      const char32_t lower = cp < 0x80 ? (cp | 0x20) : u_tolower(cp);
      text::AppendUtf8(lower, &word);
      accented = accented || IsFrenchAccent(lower);
    } else if (!word.empty()) {
      CountWord(word, accented, &ev);
      word.clear();
      accented = false;
    }
  }
  return ev;
}

// French or English when the words say so clearly enough to overrule CLD2's
// `guess` ("" otherwise): English titles quoted in French sentences fool it.
std::string OverruleByWords(const std::string& guess, const WordEvidence& ev) {
  if (guess == "en" && ev.fr_all() >= 3 && ev.fr_all() >= 2 * ev.en) return "fr";
  if (guess == "fr" && ev.en >= 3 && ev.en >= 2 * ev.fr_all()) return "en";
  if (guess == "fr" || guess == "en") return "";
  if (ev.fr >= 2 && ev.fr >= 2 * ev.en) return "fr";
  if (ev.en >= 2 && ev.en >= 2 * ev.fr) return "en";
  return "";
}

// CLD2's first answer on a Latin sentence, before the document is known.
struct LatinGuess {
  std::string code;     // CLD2's top language, "" when none
  bool strong = false;  // reliable, on kStrongLetters letters or more
};

LatinGuess GuessLatin(std::string_view s, size_t letters) {
  // A sentence whose function words are all French (with an accent) or all
  // English, four or more of them, needs no CLD2 call (most of its cost).
  const WordEvidence ev = CountFunctionWords(s);
  if (letters >= kStrongLetters) {
    if (ev.fr >= 4 && ev.en == 0 && ev.accented >= 1) return {"fr", true};
    if (ev.en >= 4 && ev.fr_all() == 0 && ev.accented == 0) return {"en", true};
  }
  const Cld2Answer a = AskCld2(s, "", CLD2::UNKNOWN_LANGUAGE);
  return {CodeOf(a.lang3[0]), a.reliable && letters >= kStrongLetters};
}

struct DocumentHint {
  std::string code;  // the document's Latin language, "" when unknown
  CLD2::Language lang = CLD2::UNKNOWN_LANGUAGE;
};

// The Latin language with the most letters among the strong guesses (else
// among all guesses).
DocumentHint LatinDocumentLanguage(const std::vector<LatinGuess>& guesses,
                                   const std::vector<LetterCounts>& counts) {
  std::map<std::string, size_t> strong, any;
  for (size_t k = 0; k < guesses.size(); ++k) {
    if (guesses[k].code.empty()) continue;
    (guesses[k].strong ? strong : any)[guesses[k].code] += counts[k].latin;
  }
  const auto& votes = strong.empty() ? any : strong;
  DocumentHint doc;
  size_t best = 0;
  for (const auto& [code, n] : votes) {
    if (n > best) best = n, doc.code = code;
  }
  doc.lang =
      doc.code.empty() ? CLD2::UNKNOWN_LANGUAGE : CLD2::GetLanguageFromName(doc.code.c_str());
  return doc;
}

// A weak sentence: CLD2 again with the document's language as hints, then a
// choice between French and English.
std::string WeakLatinLanguage(std::string_view s, const WordEvidence& ev, const DocumentHint& doc) {
  const int fr = ev.fr_all() + ev.accented;
  if (fr != ev.en) return fr > ev.en ? "fr" : "en";
  const Cld2Answer a = doc.code.empty() ? Cld2Answer{} : AskCld2(s, doc.code, doc.lang);
  for (CLD2::Language l : a.lang3) {
    const std::string code = CodeOf(l);
    if (code == "fr" || code == "en") return code;
  }
  if (!doc.code.empty()) return doc.code;
  const std::string top = CodeOf(AskCld2(s, "", CLD2::UNKNOWN_LANGUAGE).lang3[0]);
  return top.empty() ? "und" : top;
}

std::string ArabicScriptLanguage(std::string_view s, const LetterCounts& n) {
  if (n.non_arabic < 3 || n.non_arabic * 20 < n.arabic) return "ar";
  const Cld2Answer a = AskCld2(s, "", CLD2::UNKNOWN_LANGUAGE);
  const std::string top = CodeOf(a.lang3[0]);
  return a.reliable && !top.empty() ? top : "ar";
}

std::string OtherScriptLanguage(std::string_view s) {
  const std::string top = CodeOf(AskCld2(s, "", CLD2::UNKNOWN_LANGUAGE).lang3[0]);
  return top.empty() ? "und" : top;
}

std::string LatinLanguage(std::string_view s, const LatinGuess& guess, const DocumentHint& doc) {
  const WordEvidence ev = CountFunctionWords(s);
  if (!guess.strong) return WeakLatinLanguage(s, ev, doc);
  const std::string overruled = OverruleByWords(guess.code, ev);
  return overruled.empty() ? guess.code : overruled;
}

enum class SentenceScript { kNone, kLatin, kArabic, kOther };

SentenceScript ScriptOf(const LetterCounts& n) {
  if (n.total() == 0) return SentenceScript::kNone;
  if (n.arabic >= n.latin && n.arabic >= n.other) return SentenceScript::kArabic;
  return n.latin >= n.other ? SentenceScript::kLatin : SentenceScript::kOther;
}

// Sentences without letters take a neighbour's language.
void FillLetterless(const std::vector<LetterCounts>& counts, std::vector<SentenceLanguage>* out) {
  std::string prev;
  for (size_t k = 0; k < out->size(); ++k) {
    if (counts[k].total() > 0) {
      prev = (*out)[k].lang;
    } else if (!prev.empty()) {
      (*out)[k].lang = prev;
    }
  }
  std::string next = "und";
  for (size_t k = out->size(); k-- > 0;) {
    if (counts[k].total() > 0) {
      next = (*out)[k].lang;
    } else if ((*out)[k].lang.empty()) {
      (*out)[k].lang = next;
    }
  }
}

std::vector<LanguageShare> Shares(const std::vector<LetterCounts>& counts,
                                  const std::vector<SentenceLanguage>& sentences) {
  std::map<std::string, size_t> letters;
  size_t total = 0;
  for (size_t k = 0; k < sentences.size(); ++k) {
    if (counts[k].total() == 0) continue;
    letters[sentences[k].lang] += counts[k].total();
    total += counts[k].total();
  }
  std::vector<LanguageShare> shares;
  for (const auto& [lang, n] : letters) {
    shares.push_back({lang, static_cast<double>(n) / static_cast<double>(total)});
  }
  std::stable_sort(
      shares.begin(), shares.end(),
      [](const LanguageShare& a, const LanguageShare& b) { return a.share > b.share; });
  return shares;
}

}  // namespace

Languages DetectLanguages(std::string_view text) {
  Languages result;
  const std::vector<text::Span> spans = text::Sentences(text);
  const size_t n = spans.size();
  std::vector<std::string_view> sentence(n);
  std::vector<LetterCounts> counts(n);
  std::vector<LatinGuess> guesses(n);
  for (size_t k = 0; k < n; ++k) {
    sentence[k] = text.substr(spans[k].start, spans[k].end - spans[k].start);
    counts[k] = CountLetters(sentence[k]);
    if (ScriptOf(counts[k]) == SentenceScript::kLatin)
      guesses[k] = GuessLatin(sentence[k], counts[k].latin);
  }
  const DocumentHint doc = LatinDocumentLanguage(guesses, counts);
  for (size_t k = 0; k < n; ++k) {
    std::string lang;  // stays empty for a sentence without letters, filled below
    switch (ScriptOf(counts[k])) {
      case SentenceScript::kNone:
        break;
      case SentenceScript::kArabic:
        lang = ArabicScriptLanguage(sentence[k], counts[k]);
        break;
      case SentenceScript::kLatin:
        lang = LatinLanguage(sentence[k], guesses[k], doc);
        break;
      case SentenceScript::kOther:
        lang = OtherScriptLanguage(sentence[k]);
        break;
    }
    result.sentences.push_back({spans[k].start, spans[k].end, std::move(lang)});
  }
  FillLetterless(counts, &result.sentences);
  result.shares = Shares(counts, result.sentences);
  return result;
}

}  // namespace qantara::news
