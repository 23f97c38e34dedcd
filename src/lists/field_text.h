// Small string functions the list readers share (internal to lists/).
//
// Lists pad, wrap and decorate their fields in many ways ("-0- ", names broken over
// lines in XML, "LAST, First"); these functions undo that so every reader hands
// the same clean strings to the entity model.
#ifndef QANTARA_LISTS_FIELD_TEXT_H_
#define QANTARA_LISTS_FIELD_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace qantara::lists {

// Removes leading and trailing ASCII whitespace.
std::string_view TrimSpaces(std::string_view s);

// Trims and turns every run of ASCII whitespace (spaces, tabs, newlines) into one space.
std::string CollapseSpaces(std::string_view s);

// ASCII lower case; other bytes unchanged.
std::string AsciiLower(std::string_view s);

// Case-insensitive ASCII equality and prefix test.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);

// Splits on `sep`, trims each piece and drops empty pieces.
std::vector<std::string> SplitTrimmed(std::string_view s, char sep);

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

// Decodes Windows-1252 bytes into UTF-8 (bytes undefined in cp1252 become U+FFFD).
std::string Cp1252ToUtf8(std::string_view s);

// True when a byte string that is not valid UTF-8 has no well-formed UTF-8
// multi-byte sequence at all, so it is most likely a legacy single-byte file.
bool LooksLikeSingleByteText(std::string_view s);

// The text of a legacy CSV file (OFAC, UK) as UTF-8: valid UTF-8 comes back as
// is; a file without any UTF-8 multi-byte sequence is decoded as Windows-1252
// into *storage; anything else comes back as is (the reader reports bad rows).
std::string_view LegacyTextAsUtf8(std::string_view data, std::string* storage);

// Strips a UTF-8 byte order mark.
std::string_view StripBom(std::string_view s);

// Appends `value` to `out` unless it is empty or already there. Linear: for
// vectors that stay small (country codes, a group's regimes).
void AddUnique(std::vector<std::string>* out, std::string value);

// Appends `value` to `out` unless it is empty (FinishEntity removes duplicates
// later, after bounding the vector).
void AddValue(std::vector<std::string>* out, std::string value);

}  // namespace qantara::lists

#endif  // QANTARA_LISTS_FIELD_TEXT_H_
