// When an article can have been written, from the office holders it names
// with their office ("le secretaire d'Etat americain John Kerry", "Ashton
// Carter, Secretary of Defense"): the tables resources/offices.tsv and
// resources/officeholders.tsv, generated into generated/officeholders.inc by
// tools/gen/gen_officeholders.py.
//
// FindPublished (dates.h) uses it to choose the year of a date written
// without one but with its weekday ("ce jeudi 21 juillet" is a Thursday in
// 2011, 2016 and 2022; John Kerry as Secretary of State says 2016).
#ifndef QANTARA_NEWS_OFFICEHOLDERS_H_
#define QANTARA_NEWS_OFFICEHOLDERS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "news/document.h"

namespace qantara::news {

// Days since 1970-01-01, both ends included.
struct DayRange {
  int64_t first = 0, last = 0;
};

// One holder named with the office's cue near the name.
struct NamedHolder {
  std::string canonical;        // "John Kerry"
  std::string office;           // "us_secretary_of_state"
  std::vector<DayRange> terms;  // every term of this holder in this office
};

// Every holder the blocks name with a cue of the office within eight words
// before or after the name, and no word that makes it past ("ancien",
// "former", "then", Arabic "al-sabiq") in that window. Furniture blocks are
// skipped. Each holder and office is reported once.
std::vector<NamedHolder> NamedHolders(const std::vector<Block>& blocks);

// The days when every holder in `named` was in office: the intersection of
// their terms. Empty when `named` is empty or their terms never overlap
// (a contradiction: the text is not trusted for this).
std::vector<DayRange> WritingDays(const std::vector<NamedHolder>& named);

}  // namespace qantara::news

#endif  // QANTARA_NEWS_OFFICEHOLDERS_H_
