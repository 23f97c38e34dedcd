// news/fold.h: one code point into a word's matching form.
#include "news/fold.h"

#include <unicode/uchar.h>

#include "text/utf8.h"

namespace qantara::news {
namespace {

// Base letters of U+00C0..U+00FF ('*' = not a letter, '#' = two letters).
constexpr char kLatin1Base[] = "aaaaaa#ceeeeiiiidnooooo*ouuuuy##aaaaaa#ceeeeiiiidnooooo*ouuuuy#y";

}  // namespace

void AppendFolded(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  } else if (c >= 0xC0 && c <= 0xFF && kLatin1Base[c - 0xC0] != '#' &&
             kLatin1Base[c - 0xC0] != '*') {
    out->push_back(kLatin1Base[c - 0xC0]);
  } else if (c == 0x0152 || c == 0x0153) {  // LATIN LIGATURE OE
    out->append("oe");
  } else if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671) {  // ALEF forms
    text::AppendUtf8(0x0627, out);                                        // ARABIC LETTER ALEF
  } else if (c == 0x0629) {                 // ARABIC LETTER TEH MARBUTA
    text::AppendUtf8(0x0647, out);          // ARABIC LETTER HEH
  } else if (c == 0x0649 || c == 0x06CC) {  // ALEF MAKSURA, FARSI YEH
    text::AppendUtf8(0x064A, out);          // ARABIC LETTER YEH
  } else if (c == 0x0640 || (c >= 0x064B && c <= 0x065F) || c == 0x0670) {
    // TATWEEL and harakat carry nothing for dates.
  } else {
    text::AppendUtf8(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))), out);
  }
}

}  // namespace qantara::news
