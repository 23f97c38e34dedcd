// Made-up entities for screen/ tests: a few curated ones and many random ones.
#ifndef QANTARA_TESTS_SCREEN_TEST_LISTS_H_
#define QANTARA_TESTS_SCREEN_TEST_LISTS_H_

#include <random>
#include <string>
#include <vector>

#include "lists/entity.h"

namespace qantara::screen::testing {

inline lists::Entity Person(std::string ref, std::vector<std::string> names,
                            std::string birth = "", std::string nationality = "",
                            std::string gender = "") {
  lists::Entity e;
  e.list = "test";
  e.ref = std::move(ref);
  e.schema = lists::Schema::kPerson;
  e.caption = names.empty() ? "" : names[0];
  for (size_t i = 0; i < names.size(); ++i) {
    e.names.push_back({names[i], i == 0 ? lists::NameKind::kPrimary : lists::NameKind::kAlias});
  }
  if (!birth.empty()) e.birth_dates.push_back(*lists::PartialDate::Parse(birth));
  if (!nationality.empty()) e.nationalities.push_back(nationality);
  e.gender = gender;
  return e;
}

// Curated made-up people with the shapes of real listed names.
inline std::vector<lists::Entity> CuratedEntities() {
  return {
      Person("P1", {"Zayd Qasim al-Fulani", "Abu Hamza al-Fulani", "زيد قاسم الفلاني"}, "1975-03-02",
             "iq", "male"),
      Person("P2", {"Abd al-Rahman Yusuf Harbawi", "Abdurrahman Harbawi"}, "1980", "sy", "male"),
      Person("P3", {"Nasr al-Din Ould Mahjoub"}, "1969", "mr", "male"),
      Person("P4", {"Fatima Zahra Bent Lahcen"}, "1990-11-20", "ma", "female"),
      Person("P5", {"Mohamed Ali Hassan"}, "1985", "eg", "male"),
      Person("P6", {"Khalil Ibrahim al-Shaybani", "Khalil Ibrahim Shaibani"}, "1972", "iq", "male"),
      Person("P7", {"Hidayatullah Wardak"}, "1966", "af", "male"),
  };
}

// Random names from syllables, in Latin script, a third with an Arabic-script alias.
inline std::vector<lists::Entity> RandomEntities(size_t count, unsigned seed) {
  const char* latin[] = {"ka", "mal", "sa", "lim", "ha", "san", "ra", "shid", "mu", "ham",
                         "mad", "fa", "rid", "za", "kir", "ba", "dir", "na", "bil", "ta"};
  const char* arabic[] = {"كمال", "سليم", "حسن", "رشيد", "محمد", "فريد", "زكير", "بدير", "نبيل"};
  std::mt19937 rng(seed);
  std::vector<lists::Entity> out;
  for (size_t i = 0; i < count; ++i) {
    std::vector<std::string> names;
    std::string name;
    size_t words = 2 + rng() % 3;
    for (size_t w = 0; w < words; ++w) {
      if (!name.empty()) name += rng() % 5 == 0 ? " al-" : " ";
      size_t syllables = 1 + rng() % 3;
      for (size_t s = 0; s < syllables; ++s) name += latin[rng() % 20];
    }
    names.push_back(name);
    if (rng() % 3 == 0) {
      names.push_back(std::string(arabic[rng() % 9]) + " " + arabic[rng() % 9]);
    }
    out.push_back(Person("R" + std::to_string(i), names));
  }
  return out;
}

}  // namespace qantara::screen::testing

#endif  // QANTARA_TESTS_SCREEN_TEST_LISTS_H_
