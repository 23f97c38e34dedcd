#include <gtest/gtest.h>

#include "lists/entity.h"

namespace qantara::lists {
namespace {

struct DateCase {
  const char* input;
  const char* expected;  // ToString() of the result; nullptr: Parse must fail
};

// The forms lists print (UN, OFAC, EU, UK) and our own text form.
constexpr DateCase kDateCases[] = {
    {"1971-07-28", "1971-07-28"},
    {"1971-07", "1971-07"},
    {"1971", "1971"},
    {"1960/1962", "1960/1962"},
    {"1971-07-28T00:00:00", "1971-07-28"},
    {"2015-04-07-04:00", "2015-04-07"},  // UN LISTED_ON with a zone offset
    {"2015-04-07Z", "2015-04-07"},
    {"2015-04-07+02:00", "2015-04-07"},
    {"28/07/1971", "1971-07-28"},  // UK dd/mm/yyyy
    {"00/00/1971", "1971"},        // UK: 00 for an unknown day and month
    {"00/07/1971", "1971-07"},
    {"07/1971", "1971-07"},  // UK mm/yyyy
    {"28.07.1971", "1971-07-28"},
    {"12 Jan 1970", "1970-01-12"},  // OFAC
    {"12 January 1970", "1970-01-12"},
    {"12 Sept 1970", "1970-09-12"},
    {"Jan 1970", "1970-01"},
    {"July 28, 1971", "1971-07-28"},
    {"circa 1975", "1975"},
    {"Circa 12 Jan 1970", "1970-01-12"},
    {"approximately 1975", "1975"},
    {"c. 1975", "1975"},
    {"circa 1958-1960", "1958/1960"},
    {"Between 1960 and 1962", "1960/1962"},
    {"1960 to 1962", "1960/1962"},
    {"01 Jan 1970 to 31 Dec 1971", "1970/1971"},
    {"01 Mar 1970 to 31 Mar 1970", "1970-03"},
    {"Mar 1970 to Feb 1971", "1970/1971"},
    {"12 Jan 1970 to 12 Jan 1970", "1970-01-12"},
    {"  1971  ", "1971"},
    {"1971.", "1971"},
    {"2000-02-29", "2000-02-29"},  // leap year
    {"", nullptr},
    {"unknown", nullptr},
    {"1962 to 1960", nullptr},  // backwards range
    {"31/02/1970", nullptr},    // no such day
    {"1900-02-29", nullptr},    // 1900 is not a leap year
    {"1971-13-01", nullptr},
    {"12", nullptr},
    {"99999", nullptr},
    {"12 Foo 1970", nullptr},
    {"1970#01#01", nullptr},
    {"between 1960", nullptr},
};

TEST(PartialDate, ParsesListForms) {
  for (const DateCase& c : kDateCases) {
    std::optional<PartialDate> d = PartialDate::Parse(c.input);
    if (c.expected == nullptr) {
      EXPECT_FALSE(d.has_value()) << "input \"" << c.input << "\" gave " << d->ToString();
    } else {
      ASSERT_TRUE(d.has_value()) << "input \"" << c.input << "\"";
      EXPECT_EQ(d->ToString(), c.expected) << "input \"" << c.input << "\"";
    }
  }
}

TEST(PartialDate, TextFormRoundTrips) {
  for (const DateCase& c : kDateCases) {
    if (c.expected == nullptr) continue;
    std::optional<PartialDate> d = PartialDate::Parse(c.expected);
    ASSERT_TRUE(d.has_value()) << c.expected;
    EXPECT_EQ(d->ToString(), c.expected);
    EXPECT_EQ(*d, *PartialDate::Parse(c.input));
  }
}

TEST(PartialDate, FieldsOfARange) {
  PartialDate d = *PartialDate::Parse("Between 1960 and 1962");
  EXPECT_EQ(d.year_from, 1960);
  EXPECT_EQ(d.year_to, 1962);
  EXPECT_EQ(d.month, 0);
  EXPECT_EQ(d.day, 0);
}

TEST(PartialDate, EmptyDateHasEmptyText) { EXPECT_EQ(PartialDate{}.ToString(), ""); }

TEST(PartialDate, RejectsLongInput) {
  EXPECT_FALSE(PartialDate::Parse(std::string(1000, '1')).has_value());
}

}  // namespace
}  // namespace qantara::lists
