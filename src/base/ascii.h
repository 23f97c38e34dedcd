// ASCII helpers on byte strings: case, spaces, splitting, the UTF-8 byte order
// mark. Bytes >= 0x80 are never changed or treated as letters or spaces, so the
// functions are safe on UTF-8 and on any legacy single-byte text; they do not
// depend on the C locale. Pure functions, thread-safe.
#ifndef QANTARA_BASE_ASCII_H_
#define QANTARA_BASE_ASCII_H_

#include <string>
#include <string_view>
#include <vector>

namespace qantara {

// Space, tab, newline, carriage return, form feed, vertical tab.
bool IsAsciiSpace(char c);

// ASCII lower case of one byte; other bytes unchanged.
char AsciiLower(char c);

// ASCII lower case; other bytes unchanged.
std::string AsciiLower(std::string_view s);

// Case-insensitive ASCII equality and prefix test.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);

// Removes leading and trailing ASCII whitespace.
std::string_view TrimSpaces(std::string_view s);

// Trims and turns every run of ASCII whitespace (spaces, tabs, newlines) into one space.
std::string CollapseSpaces(std::string_view s);

// Splits on `sep`, trims each piece and drops empty pieces.
std::vector<std::string> SplitTrimmed(std::string_view s, char sep);

// Strips a UTF-8 byte order mark.
std::string_view StripBom(std::string_view s);

}  // namespace qantara

#endif  // QANTARA_BASE_ASCII_H_
