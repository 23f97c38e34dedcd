// Internal: the words and phrases of names that are not spelled but known:
// legal forms ("GmbH", "Societe a responsabilite limitee"), words organisation
// names are made of, in every language they are translated into ("movement",
// "mouvement", "harakat", and its Arabic spelling), and numbers ("17",
// "seventeen", "dix-sept", "XVII", "2nd"). Each becomes one token with a
// canonical form, so that its forms in every language and script compare
// equal. The tables are resources/legal_forms.tsv, org_words.tsv and
// number_words.tsv (tools/gen/gen_lexicon.py). Only names/*.cc include it.
#ifndef QANTARA_NAMES_INTERNAL_LEXICON_H_
#define QANTARA_NAMES_INTERNAL_LEXICON_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "names/name.h"

namespace qantara::names::lexicon {

enum class LexiconKind : unsigned char { kLegalForm, kConcept, kGeneric, kStop, kNumber };

// Where in a name a form is read as what the table says. A legal form that
// is also a common word, initials or a name part ("AS", "SA", "PT") counts
// only where legal forms stand: last (kEnd), or first or last for forms
// written before the name (kEdge: "PT Foo"), and never as the whole name.
enum class Where : unsigned char { kAnywhere, kEnd, kEdge };

struct LexiconEntry {
  const char* form;
  const char* canonical;
  LexiconKind kind;
  Where where;
};

struct Match {
  TokenRole role;
  std::string canonical;  // class, concept, or the number in digits
  size_t parts = 1;       // how many of the parts it spans
};

// The lexicon phrase that starts at parts[i], longest first, or a number:
// digits ("017" -> "17"), ordinals written with digits ("2nd", "1er", "3e"),
// number words and Roman numerals (the table), and a tens word with the
// units word after it ("twenty one", "vingt et un") or before it (Arabic
// "wahid wa ishrun"). `parts` are normalised words (text::NormalizeForMatching,
// split on spaces and hyphens).
std::optional<Match> MatchAt(const std::vector<std::string_view>& parts, size_t i);

// Runs of two or more one-letter words joined into one ("s a r l" -> "sarl",
// "a t c" -> "atc"): what "S.A.R.L." and "A.T.C." become once normalised, so
// that they meet "SARL" and "ATC". Digits are not letters. When `initials` is
// given, (*initials)[k] says whether output word k was written as initials
// (a run, or one Latin letter alone: "K." of "K. Adenauer").
std::vector<std::string> JoinLetterRuns(const std::vector<std::string>& words,
                                        std::vector<bool>* initials = nullptr);

// `raw` with the dots between initials written together dropped ("I.M.T.K.
// S.A." -> "IMTK. SA."), before normalising turns dots into spaces and the
// two abbreviations would run into one. ASCII letters only.
std::string JoinDottedInitials(std::string_view raw);

// `s` split on spaces and hyphens (the words of a normalised name).
std::vector<std::string_view> SplitParts(std::string_view s);

// SplitParts, then JoinLetterRuns.
std::vector<std::string> SplitWords(std::string_view normalized);

// The script of one word: Latin for ASCII, Arabic when it has an Arabic
// letter, else text::DominantScript.
text::Script ScriptOfWord(std::string_view word);

// `normalized` with its words in scripts other than Latin and Arabic
// (Cyrillic, Greek, Han, Hangul...) in Latin letters (text::TransliterateToLatin):
// names/ keys Latin and Arabic letters, and a Chinese or Korean name written
// as one word is several words in Latin ("deng xiao ping"). ParseName reads
// names so, and the lexicon's forms are read so too.
std::string LatinizeOtherScripts(const std::string& normalized);

}  // namespace qantara::names::lexicon

#endif  // QANTARA_NAMES_INTERNAL_LEXICON_H_
