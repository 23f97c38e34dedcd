// Country names as lists write them -> ISO 3166-1 alpha-2 codes (internal to lists/).
//
// The table is resources/countries.tsv (Debian iso-codes names plus the variants
// UN, OFAC, EU and UK use: "Korea, North", "Iran (Islamic Republic of)", "Turkiye",
// demonyms such as "Iraqi"), turned into generated/countries.inc by
// tools/gen/gen_countries.py. Thread-safe: the lookup table is built once.
#ifndef QANTARA_LISTS_COUNTRIES_H_
#define QANTARA_LISTS_COUNTRIES_H_

#include <string>
#include <string_view>
#include <vector>

namespace qantara::lists {

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

struct CountryList {
  std::vector<std::string> codes;    // distinct codes in order of appearance
  std::vector<std::string> unknown;  // pieces that named no known country
};

// Reads a field that may name several countries: "(1) Iraq (2) Jordan",
// "Central African Republic. South Sudan", "Estonia, Russia". A piece that is a
// whole known name ("Congo, Democratic Republic of the") is never split.
CountryList CountriesIn(std::string_view text);

}  // namespace qantara::lists

#endif  // QANTARA_LISTS_COUNTRIES_H_
