#include "screen/screener.h"

#include <gtest/gtest.h>

#include "tests/screen/test_lists.h"

namespace qantara::screen {
namespace {

class ScreenerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<lists::Entity> entities = testing::RandomEntities(500, 9);
    for (auto& e : testing::CuratedEntities()) entities.push_back(e);
    index_ = CandidateIndex::Build(entities);
  }
  Result<ScreenResult> Screen(const Query& q, ScreenOptions options = {}) {
    Screener s(index_, options, allow_);
    return s.Screen(q, &scratch_);
  }
  std::string Top(const std::string& name) {
    Query q;
    q.name = name;
    auto r = Screen(q);
    if (!r.ok() || r->matches.empty()) return "";
    return index_->entities()[r->matches[0].entity].ref;
  }
  std::shared_ptr<const CandidateIndex> index_;
  std::shared_ptr<const AllowList> allow_;
  ScreenScratch scratch_;
};

// {query, expected top ref ("" = no match)}: Arabic, French, English spellings,
// particles, order and typos.
TEST_F(ScreenerTest, MatchTable) {
  const std::pair<const char*, const char*> kCases[] = {
      {"Zayd Qasim al-Fulani", "P1"},
      {"زيد قاسم الفلاني", "P1"},
      {"Zaid Kassem El Foulani", "P1"},
      {"al-Fulani, Zayd Qasim", "P1"},
      {"Zayd Qasim al-Fulanu", "P1"},           // one typo
      {"Abou Hamza El Foulani", "P1"},
      {"عبد الرحمن يوسف حرباوي", "P2"},
      {"Abdelrahmane Youssef Harbaoui", "P2"},
      {"Nasreddine Ould Mahjoub", "P3"},
      {"نصر الدين ولد محجوب", "P3"},
      {"Fatima-Zahra Bent Lahcen", "P4"},
      {"Hidayat Allah Wardak", "P7"},
      {"هداية الله وردك", "P7"},
      {"Khalil Ibrahim Chaibani", "P6"},
      {"Jean-Pierre Dupont", ""},
      {"Zayd", ""},                              // one given name alone is not enough
      {"Hassan", ""},
  };
  for (const auto& [query, ref] : kCases) EXPECT_EQ(Top(query), ref) << query;
}

// A made-up organisation listed with its acronym in parentheses: the name
// without it and the acronym alone are both its names.
TEST_F(ScreenerTest, ParenthesisedAcronymIsItsOwnName) {
  lists::Entity org = testing::Person("O1", {"Nordwind Harbour Network (NHN)"});
  org.schema = lists::Schema::kOrganization;
  std::shared_ptr<const CandidateIndex> index = CandidateIndex::Build({org});
  Screener s(index, ScreenOptions(), nullptr);
  for (const char* query : {"Nordwind Harbour Network", "NHN"}) {
    Query q;
    q.name = query;
    auto r = s.Screen(q, &scratch_);
    ASSERT_TRUE(r.ok());
    ASSERT_FALSE(r->matches.empty()) << query;
    EXPECT_GE(r->matches[0].score, 0.95) << query;
  }
  // A person's parenthesis is another name of theirs, not a reading: "Wasiq"
  // alone does not reach "Karim Daoud (Wasiq)".
  std::shared_ptr<const CandidateIndex> persons =
      CandidateIndex::Build({testing::Person("P9", {"Karim Daoud (Wasiq)"})});
  Screener p(persons, ScreenOptions(), nullptr);
  Query q;
  q.name = "Wasiq";
  auto r = p.Screen(q, &scratch_);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->matches.empty());
}

TEST_F(ScreenerTest, QualifiersRaiseAndLower) {
  Query q;
  q.name = "Zaid Kassem El Foulani";
  ScreenOptions low;
  low.threshold = 0.3;
  auto plain = Screen(q, low);
  q.birth_date = "1975-03-02";
  q.nationality = "Iraq";
  auto same = Screen(q, low);
  q.birth_date = "1990";
  q.nationality = "fr";
  q.gender = "female";
  auto other = Screen(q, low);
  ASSERT_TRUE(plain.ok() && same.ok() && other.ok());
  ASSERT_FALSE(plain->matches.empty());
  ASSERT_FALSE(same->matches.empty());
  ASSERT_FALSE(other->matches.empty());
  EXPECT_GT(same->matches[0].score, plain->matches[0].score);
  EXPECT_LT(other->matches[0].score, plain->matches[0].score);
  const Explanation& e = other->matches[0].explanation;
  EXPECT_LT(e.birth_date, 0);
  EXPECT_LT(e.nationality, 0);
  EXPECT_LT(e.gender, 0);
  EXPECT_FALSE(e.tokens.empty());
}

TEST_F(ScreenerTest, SchemaMismatchLowers) {
  Query q;
  q.name = "Zayd Qasim al-Fulani";
  q.schema = lists::Schema::kOrganization;
  auto r = Screen(q);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->matches.empty());
}

TEST_F(ScreenerTest, ResultsAreSortedAndCapped) {
  Query q;
  q.name = "Mohamed Ali Hassan";
  ScreenOptions o;
  o.threshold = 0.2;
  o.top_k = 3;
  auto r = Screen(q, o);
  ASSERT_TRUE(r.ok());
  EXPECT_LE(r->matches.size(), 3u);
  for (size_t i = 1; i < r->matches.size(); ++i) {
    EXPECT_GE(r->matches[i - 1].score, r->matches[i].score);
  }
}

TEST_F(ScreenerTest, BadNamesAreErrors) {
  Query q;
  q.name = "";
  EXPECT_EQ(Screen(q).status().code(), StatusCode::kInvalidArgument);
  q.name = " ,, ";
  EXPECT_EQ(Screen(q).status().code(), StatusCode::kInvalidArgument);
  q.name = std::string(1 << 20, 'a');  // a 1 MB name
  EXPECT_EQ(Screen(q).status().code(), StatusCode::kResourceExhausted);
}

TEST_F(ScreenerTest, AllowListSuppressesOnlyTheClearedPair) {
  auto allow = std::make_shared<AllowList>();
  allow->Add(AllowList::Identity("Zaid Kassem El Foulani", "1975"), "test:P1", "different person");
  allow_ = allow;
  Query q;
  q.name = "Zaid Kassem El Foulani";
  q.birth_date = "1975";
  auto r = Screen(q);
  ASSERT_TRUE(r.ok());
  for (const Match& m : r->matches) EXPECT_NE(index_->entities()[m.entity].ref, "P1");
  ASSERT_EQ(r->suppressed.size(), 1u);
  q.birth_date = "1976";  // another identity: raised again
  r = Screen(q);
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->matches.empty());
  EXPECT_EQ(index_->entities()[r->matches[0].entity].ref, "P1");
}

}  // namespace
}  // namespace qantara::screen
