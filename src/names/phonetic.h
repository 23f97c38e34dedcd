// Cross-script phonetic keys: one consonant skeleton for a name word, whether it
// is written in Arabic or Latin script (docs/phonetic_key.md).
//
//   Bourita, Burita and the Arabic spelling     -> "BRT"
//   Mohamed, Muhammad and the Arabic spelling   -> "MHMD"
//   Cheikh, Sheikh and the Arabic al-shaykh     -> "SK"   (article stripped)
//
// A key is a string over the classes B D F H J K L M N R S T Z (the tables in
// resources/arabic_letters.tsv and resources/latin_graphemes.tsv): vowels,
// alef, ayn, hamza, waw and yeh give nothing; repeated classes collapse; a final
// H is dropped (ta marbuta and final -ah/-eh are written either way).
// Keys are persisted in indexes: kPhoneticKeyVersion changes when any key does,
// and tests/names/phonetic_test.cc pins golden values.
#ifndef QANTARA_NAMES_PHONETIC_H_
#define QANTARA_NAMES_PHONETIC_H_

#include <string>
#include <string_view>

namespace qantara::names {

inline constexpr int kPhoneticKeyVersion = 1;

// The key of one word in matching form (text::NormalizeForMatching output,
// article already stripped). Characters of other scripts and digits give nothing.
std::string PhoneticKey(std::string_view word);

// The key with classes that spellings swap most merged (D/T/Z/S, J/K, B/F)
// and repeats collapsed: "MHMT" (Mehmet) and "MHMD" (Mohamed) -> "MHMT";
// "KZM" (Kazim) and "KTM" (Kathim) -> "KTM".
// The index files words under it so that such swaps need no neighbour search.
std::string CoarseKey(std::string_view key);

// Similarity of two keys in [0, 1]: 1 - weighted edit distance / longer length,
// where substitutions between classes that spellings confuse (D/T, S/Z, J/K...,
// resources/key_similarity.tsv) cost less than 1. Two empty keys give 1.
double KeySimilarity(std::string_view a, std::string_view b);

}  // namespace qantara::names

#endif  // QANTARA_NAMES_PHONETIC_H_
