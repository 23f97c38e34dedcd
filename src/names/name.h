// A personal or organisation name as Qantara compares it: normalised words with
// roles and cross-script phonetic keys.
//
// Start here for names/: ParseName() turns "Abu Bakr al-Baghdadi" or
// the same name in Arabic script into tokens {abu: kunya} {bakr} {baghdadi}, each with a
// phonetic key (names/phonetic.h) that is the same in both scripts ("BKR").
// CompareNames() (names/compare.h) aligns the tokens of two parsed names.
#ifndef QANTARA_NAMES_NAME_H_
#define QANTARA_NAMES_NAME_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/normalize.h"

namespace qantara::names {

// Never renumber: roles are part of persisted evidence.
enum class TokenRole : uint8_t {
  kWord = 0,            // an ordinary name word (given name, family name, nisba)
  kArticle = 1,         // al-, el-, Arabic alef-lam when it stands alone (normally stripped from its word)
  kPatronymic = 2,      // bin, ben, ibn, ould, bint: "son/daughter of"
  kKunya = 3,           // abu, umm: "father/mother of"
  kCompoundPrefix = 4,  // abd when it could not be joined to a following word
  kCompoundSuffix = 5,  // allah, al-din when it could not be joined to a preceding word
  kTitle = 6,           // honorifics and titles before the name: sheikh, dr, mullah, haji, M.
  // Known words (resources/legal_forms.tsv, org_words.tsv, number_words.tsv):
  // `particle` holds what every form of them shares.
  kLegalForm = 7,    // GmbH, Ltd, S.A.R.L., Aktiengesellschaft: their class ("limited_liability")
  kNumber = 8,       // 17, seventeen, dix-sept, XVII, 17th: the number in digits
  kConcept = 9,      // movement, mouvement, harakat, its Arabic spelling: the concept ("movement")
  kGenericWord = 10, // words many unrelated organisations share: trading, group, bank
  kStopword = 11,    // of, the, de, and: nothing to compare
};
std::string_view TokenRoleName(TokenRole role);

// Fields in the order comparisons read them (the index compares a query word
// with hundreds of listed ones, and the alignment checks role, script, and
// the sizes of coarse and text of every candidate token: the first cache line
// holds those).
struct NameToken {
  TokenRole role = TokenRole::kWord;
  text::Script script = text::Script::kNone;
  uint8_t span = 1;       // 2 for two adjacent words joined by JoinTokens (names/compare.h)
  bool initials = false;  // written as initials: one letter ("K."), or several ("J.-P.", "A.T.C.")
  std::string coarse;     // names::CoarseKey(key), e.g. "BKT"
  std::string text;       // the matching form: normalised, article stripped, compounds joined
                          // ("baghdadi", "abdrahman", "nasrdin")
  std::string key;        // cross-script phonetic key (names/phonetic.h), e.g. "BKD"
  std::string sounds;     // vowel-aware sound sequence (names/sounds.h), e.g. "BaKDaDi"
  std::string particle;   // canonical particle or title ("bin", "abu", "sheikh"); empty for words
  std::string surface;    // the normalised words it was made from ("al-baghdadi", "abd al-rahman")
};

struct ParsedName {
  std::string normalized;  // text::NormalizeForMatching of the whole input
  std::vector<NameToken> tokens;
  text::Script script = text::Script::kNone;  // dominant script of the name
};

// Caps against hostile input: longer inputs are cut (at a code point boundary;
// tokens past kMaxNameTokens are dropped).
inline constexpr size_t kMaxNameBytes = 1024;
inline constexpr size_t kMaxNameTokens = 16;

// Parses a name. Order of work: normalise; words in other scripts than Latin
// and Arabic transliterated; split on spaces and hyphens; one-letter words in
// a row joined ("A.T.C." -> "atc"); known words and phrases (legal forms,
// organisation words, numbers) made one token each; strip
// the article from words ("al-baghdadi", its Arabic spelling, "el baghdadi" -> baghdadi);
// join compounds ("abd al-rahman", "abdul rahman", "abdurrahman" -> one word;
// "nasr al-din" / "nasreddine"; "hidayat allah" / "hidayatullah"); mark
// particles and leading titles from resources/particles.tsv; compute keys.
// REQUIRES: `raw` is valid UTF-8. Thread-safe.
ParsedName ParseName(std::string_view raw);

// Whether a token is a word organisation names are made of and personal
// names are not: a legal form, a concept, a generic word, a stopword or a
// number (resources/legal_forms.tsv, org_words.tsv, number_words.tsv).
bool IsOrganizationWord(const NameToken& token);

// The initials a name would be abbreviated to ("New Dawn Movement" -> "ndm";
// stopwords, legal forms, particles, titles and words of one or two letters
// that are not initials left out), when it has three
// to eight such words, each begins with a Latin letter, and it has an
// organisation word (persons are not abbreviated); else empty.
std::string Acronym(const ParsedName& name);

}  // namespace qantara::names

#endif  // QANTARA_NAMES_NAME_H_
