// The score model through the real screening path: ranking pairs that only
// assert order (so they survive retuning), and the policy's named constants
// being the ones the screener applies. Every name here is made up.
#include "screen/score_model.h"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "screen/screener.h"
#include "tests/screen/test_lists.h"

namespace qantara::screen {
namespace {

using testing::Person;

lists::Entity Organization(std::string ref, std::vector<std::string> names) {
  lists::Entity e = Person(std::move(ref), std::move(names));
  e.schema = lists::Schema::kOrganization;
  e.gender.clear();
  return e;
}

// A tiny list written for these tests: one target per shape of name.
std::vector<lists::Entity> TinyList() {
  std::vector<lists::Entity> list = {
      Person("qasimi", {"Zubayr Hamdan al-Qasimi"}, "1975-03-02", "iq", "male"),
      Person("rashidi", {"سليمان عبيد الرشيدي"}, "1968", "sa", "male"),
      Person("khalfawi", {"Mustafa Shukri Khalfawi"}, "1981", "dz", "male"),
      Person("tahiri", {"Chakib Ouazzani Tahiri"}, "1977", "ma", "male"),
      Person("mansuri", {"Hamid al-Sabbagh Mansuri"}, "1959", "lb", "male"),
      Person("jelassi", {"Tarek ben Ammar Jelassi"}, "1983", "tn", "male"),
      Person("tamimi", {"Abu Khalid al-Tamimi"}, "1970", "jo", "male"),
      Person("haddawi", {"Rafiq Nadim Haddawi"}, "1988", "sy", "male"),
      Person("qutaybi", {"Idris Marwan Qutaybi"}, "1979", "ye", "male"),
      Person("saidani", {"Karim Jawad Saidani"}, "1965", "tn", "male"),
      Person("zaydi", {"Abd al-Karim al-Zaydi"}, "1972", "iq", "male"),
      Person("hassouni", {"Walid Hassouni"}, "1990-06-15", "ma", "male"),
      Person("lahlou", {"Nadia Salwa Lahlou"}, "1986", "ma", "female"),
      Organization("sahra", {"Nour al-Sahra Trading Company LLC"}),
      Organization("logistics", {"Wadi Sahel Logistics SARL"}),
  };
  list[0].ids.push_back({"passport", "ZQ-4471902", "iq"});
  return list;
}

Query Q(std::string name, std::string birth_date = "", std::string nationality = "") {
  Query q;
  q.name = std::move(name);
  q.birth_date = std::move(birth_date);
  q.nationality = std::move(nationality);
  return q;
}

Query WithSchema(Query q, lists::Schema schema) {
  q.schema = schema;
  return q;
}

Query WithGender(Query q, std::string gender) {
  q.gender = std::move(gender);
  return q;
}

Query WithId(Query q, std::string id) {
  q.id_number = std::move(id);
  return q;
}

class ScoreModelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { index_ = CandidateIndex::Build(TinyList()).release(); }
  static void TearDownTestSuite() {
    delete index_;
    index_ = nullptr;
  }
  // A screener over the shared index (not owned).
  static Screener MakeScreener(ScreenOptions options) {
    return Screener(std::shared_ptr<const CandidateIndex>(index_, [](const CandidateIndex*) {}),
                    options);
  }
  // The score of `q` against the entity `target` as screening gives it (0
  // when the entity is not among the matches at all).
  double Score(const Query& q, const std::string& target) {
    ScreenOptions options;
    options.threshold = 0;
    options.top_k = 1000;
    Screener screener = MakeScreener(options);
    ScreenScratch scratch;
    auto result = screener.Screen(q, &scratch);
    EXPECT_TRUE(result.ok()) << q.name;
    if (!result.ok()) return 0;
    for (const Match& m : result->matches) {
      if (index_->entities()[m.entity].ref == target) return m.score;
    }
    return 0;
  }
  static const CandidateIndex* index_;
};
const CandidateIndex* ScoreModelTest::index_ = nullptr;

// `better` scores above `worse` against the listed entity `target`. Scores
// are clamped to 1, so a qualifier that lifts is tested on a partial name.
struct RankingPair {
  Query better;
  Query worse;
  const char* target;
  const char* why;
};

TEST_F(ScoreModelTest, RankingPairs) {
  const lists::Schema kPersonSchema = lists::Schema::kPerson;
  const lists::Schema kOrgSchema = lists::Schema::kOrganization;
  const RankingPair kPairs[] = {
      // Arabic script against Latin, both ways.
      {Q("زبير حمدان القاسمي"), Q("زبير حمدان الهاشمي"), "qasimi", "Arabic query, Latin listed"},
      {Q("Sulayman Ubayd al-Rashidi"), Q("Sulayman Ubayd al-Rahimi"), "rashidi",
       "Latin query, Arabic listed"},
      {Q("Sulaiman Obeid Rachidi"), Q("Sulaiman Obeid"), "rashidi",
       "French spelling across scripts beats a name cut short"},
      // Model 3: a word missing on one side costs less than another word on both
      // sides; a patronymic chain read backwards is another person.
      {Q("Tarek ben Ammar"), Q("Tarek ben Ammar Jelloul"), "jelassi",
       "a word missing beats a word replaced"},
      {Q("Tarek ben Ammar Jelassi"), Q("Ammar ben Tarek Jelassi"), "jelassi",
       "father and son swapped around ben"},
      // French against English transliteration.
      {Q("Moustapha Choukri Khalfaoui"), Q("Moustapha Choukri Kherbaoui"), "khalfawi",
       "French spelling of an English-spelled name"},
      {Q("Shakib Wazzani Tahiri"), Q("Shakib Wazzani Tamimi"), "tahiri",
       "English spelling of a French-spelled name"},
      {Q("Oualid Hassouni"), Q("Oualid Hassani"), "hassouni", "ou for w"},
      // Particles: al-/el-, ben/bin, abu/abou.
      {Q("Hamid el-Sabbagh Mansuri"), Q("Hamid el-Dabbagh Mansouri"), "mansuri", "el- for al-"},
      {Q("Hamid Sabbagh Mansuri"), Q("Hamid Mansuri"), "mansuri", "article left out"},
      {Q("Tarek bin Ammar Jelassi"), Q("Tarek bin Ammar Zouari"), "jelassi", "bin for ben"},
      {Q("Abou Khaled Tamimi"), Q("Abou Walid Tamimi"), "tamimi", "abou for abu"},
      {Q("Abdelkarim Zaidi"), Q("Abdelhakim Zaidi"), "zaydi", "abd compound written as one word"},
      {Q("عبد الكريم الزيدي"), Q("عبد الحكيم الزيدي"), "zaydi", "abd compound in Arabic script"},
      // Word order, a typo, initials.
      {Q("Haddawi, Rafiq Nadim"), Q("Haddawi, Rafiq Karim"), "haddawi", "surname first"},
      {Q("Nadim Haddawi Rafiq"), Q("Rafiq Nadim Hammadi"), "haddawi", "order does not matter"},
      {Q("Idris Marwan Qutaybu"), Q("Idris Marwan Qurashi"), "qutaybi", "one typo"},
      {Q("Idris Marawn Qutaybi"), Q("Idris Qutaybi"), "qutaybi", "a typo beats a word left out"},
      {Q("Karim J. Saidani"), Q("Karim J. Souissi"), "saidani", "an initial"},
      {Q("Zubayr Hamdan al-Qasimi"), Q("Zubayr Hamdan al-Qasimi Jaafar"), "qasimi",
       "an extra query word lowers"},
      // Organisations and their legal forms.
      {WithSchema(Q("Nour al-Sahra Trading Company"), kOrgSchema),
       WithSchema(Q("Nour al-Bahr Trading Company LLC"), kOrgSchema), "sahra",
       "legal form left out beats another name"},
      {WithSchema(Q("Wadi Sahel Logistics SARL"), kOrgSchema),
       WithSchema(Q("Wadi Sahel Shipping SARL"), kOrgSchema), "logistics", "same legal form"},
      {WithSchema(Q("Nour al-Sahra Trading Company LLC"), kOrgSchema),
       WithSchema(Q("Nour al-Sahra Trading Company LLC"), kPersonSchema), "sahra",
       "another type of entity lowers"},
      // Birth date qualifiers.
      {Q("Zubayr al-Qasimi", "1975-03-02"), Q("Zubayr al-Qasimi"), "qasimi",
       "same full birth date lifts"},
      {Q("Zubayr Hamdan al-Qasimi", "1975"), Q("Zubayr Hamdan al-Qasimi", "1976"), "qasimi",
       "same birth year beats one year off"},
      {Q("Zubayr Hamdan al-Qasimi", "1976"), Q("Zubayr Hamdan al-Qasimi", "1984"), "qasimi",
       "one year off beats nine"},
      {Q("Zubayr Hamdan al-Qasimi"), Q("Zubayr Hamdan al-Qasimi", "1990"), "qasimi",
       "another birth year lowers"},
      {Q("Walid Hassouni Karam", "1990-06-15"), Q("Walid Hassouni Karam", "1990"), "hassouni",
       "the full date beats the year"},
      // Nationality, gender, ids.
      {Q("Chakib Tahiri", "", "ma"), Q("Chakib Tahiri"), "tahiri", "same nationality lifts"},
      {Q("Chakib Ouazzani Tahiri"), Q("Chakib Ouazzani Tahiri", "", "fr"), "tahiri",
       "another nationality lowers"},
      {Q("Chakib Ouazzani Tahiri", "", "Morocco"), Q("Chakib Ouazzani Tahiri", "", "Tunisia"),
       "tahiri", "nationality given as a country name"},
      {Q("Nadia Salwa Lahlou"), WithGender(Q("Nadia Salwa Lahlou"), "male"), "lahlou",
       "another gender lowers"},
      {WithId(Q("Zubair Qasimi"), "ZQ4471902"), Q("Zubair Qasimi"), "qasimi",
       "a matching id lifts"},
      // Qualifiers do not outweigh the name.
      {Q("Zubayr Hamdan al-Qasimi"), Q("Zubayr Hamdan al-Hashimi", "1975-03-02", "iq"), "qasimi",
       "the right name without qualifiers beats a wrong one with them"},
  };
  static_assert(std::size(kPairs) >= 20);
  for (const RankingPair& p : kPairs) {
    const double better = Score(p.better, p.target), worse = Score(p.worse, p.target);
    EXPECT_GT(better, worse) << p.why << ": \"" << p.better.name << "\" (" << better
                             << ") should beat \"" << p.worse.name << "\" (" << worse
                             << ") against " << p.target;
  }
}

TEST_F(ScoreModelTest, ScreenerUsesThePolicyConstants) {
  EXPECT_EQ(ScreenOptions().threshold, kDefaultThreshold);
  EXPECT_EQ(kNameCompareOptions.min_pair_similarity, kMinPairSimilarity);
  EXPECT_EQ(PairCredit(kCreditFloor), 0.0f);
  EXPECT_EQ(PairCredit(1.0f), 1.0f);
  // Weights by role.
  const names::ParsedName sheikh_abu = names::ParseName("Sheikh Abu Khalid");
  ASSERT_EQ(sheikh_abu.tokens.size(), 3u);
  EXPECT_EQ(index_->TokenWeight(sheikh_abu.tokens[0]), kTitleWeight);
  EXPECT_EQ(index_->TokenWeight(sheikh_abu.tokens[1]), kParticleWeight);
  EXPECT_GE(index_->TokenWeight(sheikh_abu.tokens[2]), kCommonWordWeight);
  EXPECT_LE(index_->TokenWeight(sheikh_abu.tokens[2]), kCommonWordWeight + kRareWordBonus);
  // Qualifier effects, as the explanation reports them.
  auto explain = [&](const Query& q) {
    ScreenOptions options;
    options.threshold = 0;
    Screener screener = MakeScreener(options);
    ScreenScratch scratch;
    auto result = screener.Screen(q, &scratch);
    EXPECT_TRUE(result.ok() && !result->matches.empty()) << q.name;
    return result.ok() && !result->matches.empty() ? result->matches[0].explanation : Explanation();
  };
  const std::string name = "Zubayr Hamdan al-Qasimi";
  EXPECT_EQ(explain(Q(name, "1975-03-02")).birth_date, kBirthDateExact);
  EXPECT_EQ(explain(Q(name, "1975")).birth_date, kBirthYearMatch);
  EXPECT_EQ(explain(Q(name, "1974")).birth_date, kBirthYearOffByOne);
  EXPECT_EQ(explain(Q(name, "1990")).birth_date, kBirthYearDifferent);
  EXPECT_EQ(explain(Q(name, "", "iq")).nationality, kNationalityMatch);
  EXPECT_EQ(explain(Q(name, "", "fr")).nationality, kNationalityMismatch);
  EXPECT_EQ(explain(WithGender(Q(name), "female")).gender, kGenderMismatch);
  EXPECT_EQ(explain(WithSchema(Q(name), lists::Schema::kVessel)).schema, kSchemaMismatch);
  EXPECT_EQ(explain(WithId(Q(name), "zq 4471902")).id_number, kIdNumberMatch);
  // The default threshold is the one the screener applies: a query whose
  // best score is below it returns nothing with default options.
  Screener screener = MakeScreener(ScreenOptions());
  ScreenScratch scratch;
  Query weak = Q("Zubayr Hamdan");
  const double weak_score = Score(weak, "qasimi");
  auto result = screener.Screen(weak, &scratch);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->matches.empty(), weak_score < kDefaultThreshold) << weak_score;
}

}  // namespace
}  // namespace qantara::screen
