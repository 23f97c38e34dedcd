// Internal: reading a name written in another spelling convention back into
// the English one (resources/latin_variants.tsv, tools/gen/gen_variants.py).
//
// Cyrillic names reach lists and travel documents in German (Krawtschenko,
// Jurij), Polish (Krawczenko), French (Kravtchenko, Iouri), Latvian
// (Kravcenko with a caron, Jurijs) or Czech spellings as well as in English
// (Kravchenko, Yuriy), the spelling text/'s transliterators produce; Arabic
// names in Turkish (Recep for Rajab). The convention shows in the name: in
// letters with diacritics and in spellings English does not use (tsch, sz,
// -ij, -owa). ParseName detects it and rewrites the name's Latin words into
// the English spelling before keys are made. Only names/*.cc include it.
#ifndef QANTARA_NAMES_INTERNAL_CONVENTIONS_H_
#define QANTARA_NAMES_INTERNAL_CONVENTIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qantara::names::conventions {

// The convention a name is written in: `written` is the name as written
// (letters with diacritics count), `words` its normalised words (markers and
// hints count in the Latin ones). -1 when none counts enough.
int Detect(std::string_view written, const std::vector<std::string>& words);

// `written` with the letters that `convention` replaces replaced ("Sevcenko"
// with carons -> "Shevchenko"), or empty when it has none of them.
std::string ReplaceLetters(int convention, std::string_view written);

// One normalised Latin word read in `convention` and spelled in English:
// "krawtschenko" in German -> "kravchenko".
std::string Rewrite(int convention, std::string_view word);

// Chinese names are written in Hanyu Pinyin (Deng Xiaoping, and what text/
// gives for Han characters) or in Wade-Giles (Teng Hsiao-ping), with its
// aspiration apostrophes dropped more often than not. A name whose words are
// all runs of Wade-Giles syllables (resources/chinese_syllables.tsv), one at
// least not pinyin and spelled as only Wade-Giles spells (hsieh, chih,
// jung; not the jan of "Wali Jan"), is read in pinyin, one word per
// syllable as Wade-Giles hyphenates and text/ writes Han ("Teng Hsiao-ping"
// -> "deng xiao bing"; where only the lost apostrophe told two syllables
// apart, the one without it). Returns the words so read, or nothing for a
// name that is not Wade-Giles. Pinyin names keep their spelling, typos and all.
std::optional<std::vector<std::string>> ReadChinese(const std::vector<std::string>& words);

// The convention's name in resources/latin_variants.tsv ("de"), for tests.
std::string_view Name(int convention);

}  // namespace qantara::names::conventions

#endif  // QANTARA_NAMES_INTERNAL_CONVENTIONS_H_
