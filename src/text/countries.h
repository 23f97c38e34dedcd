// Country names as lists write them -> ISO 3166-1 alpha-2 codes: reference data
// for the list readers, the scorer (nationalities) and the exports.
//
// The table is resources/countries.tsv (Debian iso-codes names plus the variants
// UN, OFAC, EU and UK use: "Korea, North", "Iran (Islamic Republic of)", "Turkiye",
// demonyms such as "Iraqi"), turned into generated/countries.inc by
// tools/gen/gen_countries.py. Thread-safe: the lookup table is built once.
#ifndef QANTARA_TEXT_COUNTRIES_H_
#define QANTARA_TEXT_COUNTRIES_H_

#include <string>
#include <string_view>

namespace qantara::text {

// The folded form used as the lookup key: ASCII lower case, Latin accents removed
// (U+00C0-U+017F), apostrophes dropped, other punctuation -> space, spaces
// collapsed, a leading "the " dropped. "TURKIYE" (with U+00DC) and "the Gambia." ->
// "turkiye", "gambia".
std::string FoldCountryName(std::string_view name);

// The lower-case alpha-2 code for a country name, variant or demonym (any case,
// accents optional); empty when unknown. Bare codes are not names: "NA" is not
// read as Namibia (UN writes "na" for "not available"); use IsCountryCode.
std::string CountryCode(std::string_view name);

// True for a known alpha-2 code in any case ("IQ", "iq", "xk").
bool IsCountryCode(std::string_view code);

}  // namespace qantara::text

#endif  // QANTARA_TEXT_COUNTRIES_H_
