// ParseOfacRemarks and OfacIdType (src/lists/ofac_remarks.cc).
#include <gtest/gtest.h>

#include "lists/internal/format_readers.h"

namespace qantara::lists {
namespace {

TEST(ParseOfacRemarks, ReadsTheClausesThatMatter) {
  OfacRemarks r = ParseOfacRemarks(
      "DOB 1964; alt. DOB 28 Aug 1962; POB Pyongyang, North Korea; nationality Korea, North; "
      "citizen Russia; Gender Male; Passport 290320764 (Korea, North) expires 2020; "
      "National ID No. 5209243072 (Germany); Website www.example.com; "
      "a.k.a. 'KIM, JIN SOK'; Linked To: TANCHON COMMERCIAL BANK.");
  ASSERT_EQ(r.birth_dates.size(), 2u);
  EXPECT_EQ(r.birth_dates[0].ToString(), "1964");
  EXPECT_EQ(r.birth_dates[1].ToString(), "1962-08-28");
  EXPECT_EQ(r.nationality_text, (std::vector<std::string>{"Korea, North", "Russia"}));
  EXPECT_EQ(r.gender, "male");
  ASSERT_EQ(r.ids.size(), 2u);
  EXPECT_EQ(r.ids[0].type, "passport");
  EXPECT_EQ(r.ids[0].number, "290320764");
  EXPECT_EQ(r.ids[0].country, "Korea, North");
  EXPECT_EQ(r.ids[1].type, "national_id");
  EXPECT_EQ(r.ids[1].number, "5209243072");
  EXPECT_EQ(r.weak_aliases, (std::vector<std::string>{"KIM, JIN SOK"}));
  EXPECT_TRUE(r.unread_dates.empty());
}

TEST(ParseOfacRemarks, QuotedNamesMayHoldApostrophesAndSemicolons) {
  OfacRemarks r =
      ParseOfacRemarks("a.k.a. 'ABU-MARZUQ, SA'ID'; f.k.a. 'AL-NOOR; LIGHT'; n.k.a. 'ZAYD'.");
  EXPECT_EQ(r.weak_aliases,
            (std::vector<std::string>{"ABU-MARZUQ, SA'ID", "AL-NOOR; LIGHT", "ZAYD"}));
}

TEST(ParseOfacRemarks, KeepsUnreadDatesForIssues) {
  OfacRemarks r = ParseOfacRemarks("DOB sometime in spring; DOB circa 1958-1960.");
  ASSERT_EQ(r.birth_dates.size(), 1u);
  EXPECT_EQ(r.birth_dates[0].ToString(), "1958/1960");
  EXPECT_EQ(r.unread_dates, (std::vector<std::string>{"sometime in spring"}));
}

TEST(ParseOfacRemarks, VesselIdentifiers) {
  OfacRemarks r = ParseOfacRemarks("Vessel Registration Identification IMO 9187629; MMSI 123.");
  ASSERT_EQ(r.ids.size(), 2u);
  EXPECT_EQ(r.ids[0].type, "imo");
  EXPECT_EQ(r.ids[0].number, "IMO 9187629");
  EXPECT_EQ(r.ids[1].type, "MMSI");
}

TEST(ParseOfacRemarks, EmptyRemarks) {
  OfacRemarks r = ParseOfacRemarks("");
  EXPECT_TRUE(r.birth_dates.empty());
  EXPECT_TRUE(r.weak_aliases.empty());
}

TEST(OfacIdType, MapsDocumentsAndDropsNonIdentifiers) {
  EXPECT_EQ(OfacIdType("Passport"), "passport");
  EXPECT_EQ(OfacIdType("National ID No."), "national_id");
  EXPECT_EQ(OfacIdType("Cedula No."), "national_id");
  EXPECT_EQ(OfacIdType("Tax ID No."), "Tax ID No.");
  EXPECT_EQ(OfacIdType("Unified Social Credit Code (USCC)"), "Unified Social Credit Code (USCC)");
  EXPECT_EQ(OfacIdType("Some New Registry"), "Some New Registry");
  EXPECT_EQ(OfacIdType("Website"), "");
  EXPECT_EQ(OfacIdType("Email Address"), "");
  EXPECT_EQ(OfacIdType("Secondary sanctions risk:"), "");
  EXPECT_EQ(OfacIdType("Executive Order 13662 Directive Determination -"), "");
  EXPECT_EQ(OfacIdType(""), "");
}

TEST(UsDateToIso, ReadsPublishDate) {
  EXPECT_EQ(UsDateToIso("03/28/2025"), "2025-03-28");
  EXPECT_EQ(UsDateToIso("28/03/2025"), "");
  EXPECT_EQ(UsDateToIso("2025-03-28"), "");
}

}  // namespace
}  // namespace qantara::lists
