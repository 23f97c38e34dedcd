// Tests for text/normalize.h. Look-alike letters are written as \u escapes so
// that a reader can see which letter is Cyrillic or Greek; invisible and bidi
// characters are always escapes (STYLE.md).
#include "text/normalize.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/uversion.h>

#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "text/internal/normalize.h"
#include "text/utf8.h"

namespace qantara::text {
namespace {

std::string U8(char32_t cp) {
  std::string s;
  AppendUtf8(cp, &s);
  return s;
}

std::vector<char32_t> CodePoints(std::string_view s) {
  std::vector<char32_t> out;
  size_t i = 0;
  while (i < s.size()) out.push_back(DecodeUtf8(s, &i));
  return out;
}

std::string Hex(std::string_view s) {
  std::string out;
  for (char32_t cp : CodePoints(s)) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X ", static_cast<unsigned>(cp));
    out += buf;
  }
  return out;
}

struct Case {
  std::string input;
  std::string expected;
};

void ExpectAll(const std::vector<Case>& cases, std::string (*f)(std::string_view)) {
  for (const Case& c : cases) {
    const std::string got = f(c.input);
    EXPECT_EQ(got, c.expected) << "input: " << c.input << " [" << Hex(c.input) << "]\n got: ["
                               << Hex(got) << "]\n want: [" << Hex(c.expected) << "]";
  }
}

TEST(NormalizeArabic, FoldsSpellingVariants) {
  ExpectAll(
      {
          {"أحمد", "احمد"},        // alef with hamza above
          {"إبراهيم", "ابراهيم"},  // alef with hamza below
          {"آمنة", "امنه"},        // alef with madda; ta marbuta
          {"ٱلله", "الله"},        // alef wasla
          {"مؤمن", "مومن"},        // waw with hamza
          {"هانئ", "هاني"},        // yeh with hamza
          {"فاطمة", "فاطمه"},      // ta marbuta
          {"مصطفى", "مصطفي"},      // alef maqsura
          {"محمّد", "محمد"},       // shadda
          {"مُحَمَّدٌ", "محمد"},   // harakat and tanwin
          {"مـحـمـــد", "محمد"},   // tatweel
          {"رحمٰن", "رحمن"},       // superscript alef
          {"کریم", "كريم"},        // keheh, Farsi yeh
          {"علی", "علي"},          // Farsi yeh
          {"زادە", "زاده"},        // ae (Kurdish)
          {"ہمایوں", "همايون"},    // heh goal, noon ghunna (Urdu)
          {"ڢاطمة", "فاطمه"},      // Maghrebi feh
          {"٢٠١٩", "2019"},        // Arabic-Indic digits
          {"۲۰۱۹", "2019"},        // Extended Arabic-Indic (Persian) digits
          {"پ چ ژ گ ڤ", "پ چ ژ گ ڤ"},  // distinct sounds stay
          {"علاء", "علاء"},        // the stand-alone hamza stays
          {"Sébastien 12", "Sébastien 12"},
          {"", ""},
          // A mark carried by a tatweel goes with the tatweel.
          {"ب" + U8(0x0640) + U8(0x0301) + "ت", "بت"},
          // Decomposed hamza (alef + U+0654 ARABIC HAMZA ABOVE) folds like the precomposed one.
          {"ا" + U8(0x0654) + "حمد", "احمد"},
      },
      NormalizeArabic);
}

TEST(NormalizeForMatching, Arabic) {
  ExpectAll(
      {
          {"أسامة بن لادن", "اسامه بن لادن"},
          {"أبو بكر البغدادي", "ابو بكر البغدادي"},
          {"عبد-الله", "عبد-الله"},
          {"محمد، علي", "محمد علي"},  // Arabic comma
          {"مُحمّد ٢٠١٩", "محمد 2019"},
          // Presentation forms: alef isolated, lam initial, lam medial, heh final.
          {U8(0xFE8D) + U8(0xFEDF) + U8(0xFEE0) + U8(0xFEEA), "الله"},
          // Alef with hamza above isolated, hah initial, meem medial, dal final.
          {U8(0xFE83) + U8(0xFEA3) + U8(0xFEE4) + U8(0xFEAA), "احمد"},
          {U8(0xFEFB), "لا"},     // ARABIC LIGATURE LAM WITH ALEF ISOLATED FORM
          {U8(0xFDF2), "الله"},   // ARABIC LIGATURE ALLAH ISOLATED FORM
          {U8(0xFE70), ""},       // ARABIC FATHATAN ISOLATED FORM (space + mark)
          {U8(0xFB8E) + "ریم", "كريم"},  // ARABIC LETTER KEHEH ISOLATED FORM
      },
      NormalizeForMatching);
}

TEST(NormalizeForMatching, RemovesInvisibles) {
  ExpectAll(
      {
          {"محمد" + U8(0x200F), "محمد"},                       // RIGHT-TO-LEFT MARK
          {"مح" + U8(0x200C) + "مد", "محمد"},                  // ZERO WIDTH NON-JOINER
          {U8(0x202B) + "Abu Bakr" + U8(0x202C), "abu bakr"},  // RLE .. PDF
          {"Osa" + U8(0x200B) + "ma", "osama"},                // ZERO WIDTH SPACE
          {"Bag" + U8(0x00AD) + "hdadi", "baghdadi"},          // SOFT HYPHEN
          {U8(0xFEFF) + "Ali", "ali"},                         // BOM
          {"Ali" + U8(0x2066) + U8(0x061C) + U8(0x2069), "ali"},
      },
      NormalizeForMatching);
}

TEST(NormalizeForMatching, Latin) {
  ExpectAll(
      {
          {"Sébastien", "sebastien"},
          {"Müller", "muller"},
          {"Straße", "strasse"},
          {"STRASSE", "strasse"},
          {"Øystein Łukasz", "oystein lukasz"},
          {"İstanbul Iğdır", "istanbul igdir"},
          {"ĞÜŞÖÇ", "gusoc"},
          {"Nguyễn Văn Thiệu", "nguyen van thieu"},
          {"Ḥasan ʿAbd al-Raḥmān", "hasan abd al-rahman"},
          {"Ǿrsted Æsir Þór", "orsted aesir thor"},
          {"Əliyev", "aliyev"},
          {"e" + U8(0x0301) + "milie", "emilie"},     // decomposed input
          {"q" + U8(0x0303), "q"},                    // a mark with no precomposed form
          {U8(0xFF21) + U8(0xFF22) + U8(0xFF35), "abu"},  // fullwidth
          {U8(0x1D400) + U8(0x1D401), "ab"},          // MATHEMATICAL BOLD CAPITAL A, B
          {U8(0xFB01) + "rdaws", "firdaws"},          // LATIN SMALL LIGATURE FI
      },
      NormalizeForMatching);
}

TEST(NormalizeForMatching, Confusables) {
  ExpectAll(
      {
          {"\u041Esama", "osama"},                       // CYRILLIC CAPITAL LETTER O
          {"Us\u0430m\u0430", "usama"},                  // CYRILLIC SMALL LETTER A
          {"\u0412\u0430ghdadi", "baghdadi"},            // Cyrillic VE, A
          {"\u0420et\u0435r", "peter"},                  // Cyrillic ER, IE: 3 Latin letters to 2
          {"\u0420\u0435t\u0441r", "\u0440\u0435t\u0441r"},  // 2 Latin letters to 3: left alone
          {"Ar\u0441her \u0440aul", "archer paul"},      // Cyrillic ES, ER
          {"Al\u0451ksei", "aleksei"},                   // CYRILLIC SMALL LETTER IO
          {"\u039Fsama", "osama"},                       // GREEK CAPITAL LETTER OMICRON
          {"B\u03AFn", "bin"},                           // GREEK SMALL LETTER IOTA WITH TONOS
          {"\u0430\u0431-\u0412aghdadi", "\u0430\u0431-baghdadi"},  // words end at dashes
          {"\u0430l", "al"},                                     // a tie folds to Latin
          // Apostrophes do not end words: 3 Latin letters to 3 (Cyrillic I has no look-alike).
          {"O'\u0412\u0433\u0438en", "obr\u0438en"},
          {"Путин", "путин"},
          {"Владимир Путин", "владимир путин"},
          {"\u041F\u0443\u0442\u0438\u043D", "\u043F\u0443\u0442\u0438\u043D"},
          {"\u041Fy\u0442\u0438\u043D", "\u043Fy\u0442\u0438\u043D"},  // Latin y, mostly Cyrillic
          {"Σωκράτης", "σωκράτησ"},
      },
      NormalizeForMatching);
}

TEST(NormalizeForMatching, LatinNameWithLookAlikesBecomesAscii) {
  const std::vector<char32_t> look_alikes = {0x0430, 0x043E, 0x0435, 0x0440, 0x0441,   // a o e p c
                                             0x0410, 0x041E, 0x0415, 0x0420, 0x0421};  // capitals
  for (char32_t cp : look_alikes) {
    for (const std::string& name : {"Osama " + U8(cp) + "bcdef", "Ab" + U8(cp) + "del"}) {
      const std::string out = NormalizeForMatching(name);
      EXPECT_TRUE(IsAscii(out)) << Hex(name) << " -> " << Hex(out);
    }
  }
}

TEST(FoldConfusables, KeepsCaseAndRealWords) {
  ExpectAll(
      {
          {"\u041Esama", "Osama"},
          {"OS\u0410MA", "OSAMA"},
          {"Путин", "Путин"},
          {"Ivan Путин", "Ivan Путин"},
          {"\u0397ASAN", "HASAN"},  // GREEK CAPITAL LETTER ETA
          {"محمد", "محمد"},
          {"", ""},
      },
      FoldConfusables);
}

TEST(NormalizeForMatching, Punctuation) {
  ExpectAll(
      {
          {"al-Baghdadi", "al-baghdadi"},
          {"\u2018Awwad", "awwad"},
          {"O'Brien", "obrien"},
          {"O\u2019Neil O`Neil", "oneil oneil"},
          {"\"ABU  BAKR,\"", "abu bakr"},
          {"Abu Bakr al\u2013Baghdadi", "abu bakr al-baghdadi"},  // EN DASH
          {"al\u2212Baghdadi", "al-baghdadi"},                    // MINUS SIGN
          {"al - Baghdadi", "al baghdadi"},
          {"al--Baghdadi", "al-baghdadi"},
          {"-abu-", "abu"},
          {"Smith, John (Jr.)", "smith john jr"},
          {"  tabs\tand\nnewlines ", "tabs and newlines"},
          {"\u02BBAbd \u02BEAli \u02BFUmar \u02BCAmr", "abd ali umar amr"},
          {"a_b+c", "a b c"},
          {"ABU" + U8(0x00A0) + "BAKR", "abu bakr"},  // NO-BREAK SPACE
          {"O\u00B4Brien", "o brien"},  // ACUTE ACCENT is not an apostrophe: a separator
          {"", ""},
          {"   ", ""},
          {"---", ""},
          {"''", ""},
      },
      NormalizeForMatching);
}

TEST(DominantScript, MajorityOfLetters) {
  struct ScriptCase {
    std::string input;
    Script expected;
  };
  const std::vector<ScriptCase> cases = {
      {"Osama bin Laden", Script::kLatin},
      {"محمد", Script::kArabic},
      {"Путин", Script::kCyrillic},
      {"Σωκράτης", Script::kGreek},
      {"שלום", Script::kHebrew},
      {"毛泽东", Script::kHan},
      {"ทักษิณ", Script::kOther},
      {"123 - !", Script::kNone},
      {"", Script::kNone},
      {"Ali علي محمد", Script::kArabic},
      {"Ab عل", Script::kLatin},  // a tie goes to the earlier enum value
      {"مُحَمَّد", Script::kArabic},  // harakat (Inherited) ignored
  };
  for (const ScriptCase& c : cases) {
    EXPECT_EQ(DominantScript(c.input), c.expected) << c.input;
  }
}

TEST(ScriptName, Names) {
  EXPECT_EQ(ScriptName(Script::kNone), "none");
  EXPECT_EQ(ScriptName(Script::kLatin), "latin");
  EXPECT_EQ(ScriptName(Script::kArabic), "arabic");
  EXPECT_EQ(ScriptName(Script::kCyrillic), "cyrillic");
  EXPECT_EQ(ScriptName(Script::kGreek), "greek");
  EXPECT_EQ(ScriptName(Script::kHebrew), "hebrew");
  EXPECT_EQ(ScriptName(Script::kHan), "han");
  EXPECT_EQ(ScriptName(Script::kOther), "other");
}

TEST(RemoveInvisibles, HeaderListIsRemoved) {
  std::vector<char32_t> invisibles = {0x200E, 0x200F, 0x061C, 0x2060, 0xFEFF, 0x00AD};
  for (char32_t cp = 0x202A; cp <= 0x202E; ++cp) invisibles.push_back(cp);
  for (char32_t cp = 0x2066; cp <= 0x2069; ++cp) invisibles.push_back(cp);
  for (char32_t cp = 0x200B; cp <= 0x200D; ++cp) invisibles.push_back(cp);
  for (char32_t cp : invisibles) {
    EXPECT_EQ(RemoveInvisibles("a" + U8(cp) + "b"), "ab") << Hex(U8(cp));
    EXPECT_EQ(RemoveInvisibles("ب" + U8(cp) + "ت"), "بت") << Hex(U8(cp));
  }
  EXPECT_EQ(RemoveInvisibles("A" + U8(0xFE0F) + U8(0x3164) + "B"), "AB");  // VS16, HANGUL FILLER
  EXPECT_EQ(RemoveInvisibles("Abu Bakr, 1971"), "Abu Bakr, 1971");
  EXPECT_EQ(RemoveInvisibles("محمد بن سلمان"), "محمد بن سلمان");
}

// RemoveInvisibles removes exactly the Default_Ignorable_Code_Point property
// (it pre-filters code points for speed; this checks the filter).
TEST(RemoveInvisibles, EqualsDefaultIgnorableProperty) {
  for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const bool ignorable = u_hasBinaryProperty(cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
    ASSERT_EQ(RemoveInvisibles("a" + U8(cp) + "b"), ignorable ? "ab" : "a" + U8(cp) + "b")
        << Hex(U8(cp));
  }
}

TEST(IcuVersion, IsTheLinkedVersion) {
  UVersionInfo info;
  u_getVersion(info);
  char runtime[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(info, runtime);
  EXPECT_EQ(IcuVersion(), runtime);
  EXPECT_EQ(kNormalizerVersion, 1);
}

// Every code point of the Arabic block and the Arabic presentation forms, alone
// and between two letters of each script.
TEST(NormalizeForMatching, ExhaustiveArabicSweep) {
  std::vector<char32_t> cps;
  for (char32_t cp = 0x0600; cp <= 0x06FF; ++cp) cps.push_back(cp);
  for (char32_t cp = 0xFB50; cp <= 0xFDFF; ++cp) cps.push_back(cp);
  for (char32_t cp = 0xFE70; cp <= 0xFEFF; ++cp) cps.push_back(cp);
  const std::vector<std::pair<std::string, std::string>> contexts = {
      {"", ""}, {"ب", "ت"}, {"a", "b"}, {"ب ", ""}, {"", "ـ"}};
  for (char32_t cp : cps) {
    for (const auto& [before, after] : contexts) {
      const std::string in = before + U8(cp) + after;
      const std::string once = NormalizeForMatching(in);
      ASSERT_TRUE(ValidateUtf8(once).ok()) << Hex(in);
      ASSERT_EQ(NormalizeForMatching(once), once) << Hex(in) << " -> " << Hex(once);
      for (char32_t c : CodePoints(once)) {
        ASSERT_NE(c, 0x0640u) << "tatweel left: " << Hex(in) << " -> " << Hex(once);
        ASSERT_FALSE((c >= 0x064B && c <= 0x065F) || c == 0x0670)
            << "haraka left: " << Hex(in) << " -> " << Hex(once);
        const bool presentation = (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
        ASSERT_FALSE(presentation && (U_GET_GC_MASK(c) & U_GC_L_MASK))
            << "presentation form left: " << Hex(in) << " -> " << Hex(once);
      }
    }
  }
}

// Every assigned code point, alone and inside a word: valid and idempotent.
// Unassigned and private-use code points outside the BMP (most of the code
// space) are all handled alike, so the BMP's stand for them.
TEST(NormalizeForMatching, EveryCodePointIsIdempotent) {
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const int8_t type = u_charType(cp);
    if (cp > 0xFFFF && (type == U_UNASSIGNED || type == U_PRIVATE_USE_CHAR)) continue;
    for (const std::string& in : {U8(cp), "a" + U8(cp) + "b"}) {
      const std::string once = NormalizeForMatching(in);
      ASSERT_TRUE(ValidateUtf8(once).ok()) << Hex(in);
      ASSERT_EQ(NormalizeForMatching(once), once) << Hex(in) << " -> " << Hex(once);
    }
  }
}

// Inputs that once broke idempotence (found by fuzzing before release).
TEST(NormalizeForMatching, IdempotentOnKnownHardCases) {
  const std::vector<std::string> cases = {
      // A folded Greek omega followed by a spacing mark (Mc) and a non-spacing one.
      U8(0x03C9) + U8(0x17C4) + U8(0x17C9) + U8(0x17C4) + "a",
      // A tatweel carrying a spacing and a non-spacing mark, after a Latin letter.
      "a" + U8(0x0640) + U8(0x0903) + U8(0x0301) + "b",
      // Hangul jamo joined by the removal of an apostrophe.
      U8(0x1100) + "'" + U8(0x1161),
      // ARABIC LETTER HIGH HAMZA ALEF in a word with Latin and Cyrillic letters.
      U8(0x03C2) + "a" + U8(0x02BF) + U8(0x0430) + "ee" + U8(0x0675),
  };
  for (const std::string& in : cases) {
    const std::string once = NormalizeForMatching(in);
    EXPECT_TRUE(ValidateUtf8(once).ok()) << Hex(in);
    EXPECT_EQ(NormalizeForMatching(once), once) << Hex(in) << " -> " << Hex(once);
  }
}

// Random strings over a pool of troublesome code points: valid and idempotent.
TEST(NormalizeForMatching, RandomMixedScriptIsIdempotent) {
  const std::vector<char32_t> pool = {
      'a', 'B', 'o', 'z', '1', ' ', '-', '\'', '`', ',', '.', '\t',
      0x00E9, 0x00DF, 0x0130, 0x00F8, 0x0301, 0x0308, 0x0327, 0x00B4,  // Latin and marks
      0x0627, 0x0623, 0x0629, 0x0649, 0x0644, 0x0647, 0x064A, 0x0640,  // Arabic letters, tatweel
      0x064E, 0x0651, 0x0654, 0x0670, 0x0660, 0x06F9, 0x06CC, 0x06A9,  // harakat, digits, Persian
      0xFEFB, 0xFE8D, 0xFDF2, 0xFE70, 0x0674, 0x0675,                  // presentation forms
      0x0410, 0x0430, 0x041E, 0x0435, 0x0451, 0x0439, 0x0438, 0x0306,  // Cyrillic
      0x039F, 0x03B1, 0x03AC, 0x03C2, 0x0397,                          // Greek
      0x1100, 0x1161, 0x11A8, 0xAC00,                                  // Hangul jamo, syllable
      0x200B, 0x200F, 0x00AD, 0x2019, 0x02BF, 0x2013, 0x2212, 0x00A0,  // invisibles, punctuation
      0x05D0, 0x05B8, 0x0915, 0x094D, 0x0903, 0x17C4, 0x17C9, 0x20DD,  // other scripts, Mc, Me
      0x4E00, 0xFF21, 0x1D400, 0xFFFD};
  std::mt19937 rng(7);
  std::uniform_int_distribution<size_t> pick(0, pool.size() - 1);
  std::uniform_int_distribution<int> length(0, 12);
  for (int n = 0; n < 100000; ++n) {
    std::string in;
    for (int k = length(rng); k > 0; --k) AppendUtf8(pool[pick(rng)], &in);
    const std::string once = NormalizeForMatching(in);
    ASSERT_TRUE(ValidateUtf8(once).ok()) << Hex(in);
    ASSERT_EQ(NormalizeForMatching(once), once) << Hex(in) << " -> " << Hex(once);
  }
}

// The ASCII fast path against the ICU path.
TEST(NormalizeForMatching, AsciiFastPathEqualsIcuPath) {
  std::string s;
  for (int a = 0; a < 128; ++a) {
    for (int b = 0; b < 128; ++b) {
      s.assign({static_cast<char>(a), static_cast<char>(b)});
      ASSERT_EQ(internal::NormalizeForMatchingAscii(s), internal::NormalizeForMatchingIcu(s))
          << a << " " << b;
    }
  }
  const std::string alphabet =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
      "      --''``!\"#$%&()*+,./:;<=>?@[\\]^_{|}~\t\n\r\x01\x7F";
  std::mt19937 rng(42);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> any(0, 127);
  std::uniform_int_distribution<int> length(0, 40);
  for (int n = 0; n < 100000; ++n) {
    s.clear();
    for (int k = length(rng); k > 0; --k) {
      s.push_back(n % 10 == 0 ? static_cast<char>(any(rng)) : alphabet[pick(rng)]);
    }
    ASSERT_EQ(internal::NormalizeForMatchingAscii(s), internal::NormalizeForMatchingIcu(s)) << s;
    ASSERT_EQ(NormalizeForMatching(s), internal::NormalizeForMatchingIcu(s)) << s;
  }
}

TEST(NormalizeForMatching, InvalidUtf8StillGivesValidUtf8) {
  const std::string out = NormalizeForMatching("Ab\xC3(u \xED\xA0\x80 \xE9");
  EXPECT_TRUE(ValidateUtf8(out).ok());
  EXPECT_EQ(out, "ab u");
}

TEST(NormalizeForMatching, ThreadSafeFirstUse) {
  const std::vector<std::string> inputs = {"أسامة بن لادن", "Sébastien Müller", "\u041Esama",
                                           "O'Brien", "مُحَمَّد ٢٠١٩"};
  std::vector<std::string> expected;
  std::vector<std::vector<std::string>> got(8);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&inputs, &got, t] {
      for (int round = 0; round < 200; ++round) {
        for (const std::string& in : inputs) got[t].push_back(NormalizeForMatching(in));
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (const std::string& in : inputs) expected.push_back(NormalizeForMatching(in));
  for (int t = 0; t < 8; ++t) {
    for (size_t k = 0; k < got[t].size(); ++k) {
      ASSERT_EQ(got[t][k], expected[k % inputs.size()]);
    }
  }
}

}  // namespace
}  // namespace qantara::text
