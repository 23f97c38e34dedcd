// Bug (found by fuzz/fuzz_query_jsonl, fixed: particle-only queries now search
// their particles by canonical form, CandidateIndex::Searched): a query whose name has
// only particles or titles ("Abu", its Arabic spelling) gathers no candidate
// from the index, because CandidateIndex::Candidates only follows name words;
// scoring every listed name (ScreenOptions::brute_force) matches the listed
// "Abu Hamza". With the entity's birth date, nationality and passport number
// the brute-force score is 0.97, above the default threshold, and the index
// returns nothing: the index is not "safe by construction" (screener.cc) for
// such queries.
//   echo '{"name":"Abu","birth_date":"1975-03-02","nationality":"iq",
//          "id_number":"Z0001234"}' | qantara screen --list data/sample_list.jsonl
// gives no match; with --brute-force, demo:D-001 at 0.9713.
#include <memory>
#include <vector>

#include "gtest/gtest.h"
#include "lists/entity.h"
#include "screen/screener.h"

namespace qantara::screen {
namespace {

std::shared_ptr<const CandidateIndex> OnePerson() {
  lists::Entity e;
  e.list = "demo";
  e.ref = "D-1";
  e.schema = lists::Schema::kPerson;
  e.caption = "Zayd Qasim al-Fulani";
  e.names = {{"Zayd Qasim al-Fulani", lists::NameKind::kPrimary},
             {"Abu Hamza", lists::NameKind::kWeakAlias}};
  e.birth_dates = {*lists::PartialDate::Parse("1975-03-02")};
  e.nationalities = {"iq"};
  e.gender = "male";
  e.ids = {{"passport", "Z0001234", "iq"}};
  std::vector<lists::Entity> entities = {e};
  return CandidateIndex::Build(entities);
}

TEST(IndexParticleOnlyQuery, IndexMatchesBruteForce) {
  std::shared_ptr<const CandidateIndex> index = OnePerson();
  ScreenOptions options;  // the default threshold
  Screener indexed(index, options);
  options.brute_force = true;
  Screener brute(index, options);
  for (const char* name : {"Abu", "\xD8\xA3\xD8\xA8\xD9\x88" /* Abu in Arabic script */}) {
    Query q;
    q.name = name;
    q.birth_date = "1975-03-02";
    q.nationality = "iq";
    q.id_number = "Z0001234";
    ScreenScratch scratch;
    Result<ScreenResult> a = indexed.Screen(q, &scratch);
    Result<ScreenResult> b = brute.Screen(q, &scratch);
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_EQ(a->matches.size(), b->matches.size()) << name;
    for (size_t i = 0; i < a->matches.size(); ++i) {
      EXPECT_EQ(a->matches[i].entity, b->matches[i].entity);
      EXPECT_DOUBLE_EQ(a->matches[i].score, b->matches[i].score);
    }
  }
}

}  // namespace
}  // namespace qantara::screen
