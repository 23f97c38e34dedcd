// The forms list fields are published in, and how the readers undo them
// (internal to lists/): UK-style numbered items, genders, OFAC's "LAST, First"
// names, names published in two scripts at once, fields naming several
// countries; and the two appenders the readers fill entity vectors with.
// General ASCII helpers are base/ascii.h's; windows-1252 is text/legacy_encoding.h's.
#ifndef QANTARA_LISTS_INTERNAL_FIELD_FORMS_H_
#define QANTARA_LISTS_INTERNAL_FIELD_FORMS_H_

#include <string>
#include <string_view>
#include <vector>

namespace qantara::lists {

// Splits "(1) A (2) B" (UK style enumerations) into {"A", "B"}; text without
// markers comes back as one piece. Pieces are trimmed of spaces and of the
// trailing '.', ',' or ';' lists put before the next marker.
std::vector<std::string> SplitNumberedItems(std::string_view s);

// "male" or "female" for Male/M/Female/F/... (any case); empty otherwise.
std::string NormalizeGender(std::string_view s);

// A person's name published as "LAST, First" (OFAC) in natural order
// ("First LAST"); a trailing generational suffix stays last ("DOE, John, Jr." ->
// "John DOE Jr."). Names without exactly that shape come back unchanged.
std::string NaturalOrderName(std::string_view s);

// True when `s` (valid UTF-8) has a letter outside the Latin script (Arabic,
// Cyrillic, Greek, Han, ...): such a name is an original-script name.
bool HasNonLatinLetters(std::string_view s);

// Splits a name published in two scripts at once, "Latin (non-Latin)" or
// "non-Latin (Latin; Latin)" as UN aliases sometimes are, into its non-Latin part
// and its Latin names. Returns false (outputs untouched) for any other shape,
// including parentheses within one script ("Ali (junior)").
bool SplitMixedScriptName(std::string_view s, std::string* non_latin,
                          std::vector<std::string>* latin);

struct CountryList {
  std::vector<std::string> codes;    // distinct codes in order of appearance
  std::vector<std::string> unknown;  // pieces that named no known country
};

// Reads a field that may name several countries: "(1) Iraq (2) Jordan",
// "Central African Republic. South Sudan", "Estonia, Russia". A piece that is a
// whole known name ("Congo, Democratic Republic of the") is never split.
CountryList CountriesIn(std::string_view text);

// Appends `value` to `out` unless it is empty or already there. Linear: for
// vectors that stay small (country codes, a group's regimes).
void AddUnique(std::vector<std::string>* out, std::string value);

// Appends `value` to `out` unless it is empty (FinishEntity removes duplicates
// later, after bounding the vector).
void AddValue(std::vector<std::string>* out, std::string value);

}  // namespace qantara::lists

#endif  // QANTARA_LISTS_INTERNAL_FIELD_FORMS_H_
