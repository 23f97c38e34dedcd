// Date expressions in French, English and Arabic news: reading a date value
// (metadata, bylines), finding and resolving the dates an article's text speaks
// of, and guessing an article's own publication date when metadata gives none.
//
// Values are ISO 8601 strings at the granularity the text gives:
//   "2019-02-06" (day), "2019-02" (month), "2019" (year), "2019-W06" (ISO week,
//   for "la semaine derniere" / "last week" / Arabic "<the past week>"), "--02-06" (day
//   and month, year unknown), "" (found but not resolvable).
//
// Thread safety: every function is thread-safe (the word tables are built once).
// REQUIRES for every function: text is valid UTF-8 (see text/utf8.h). Work is
// linear in the input's length; nothing throws.
#ifndef QANTARA_NEWS_DATES_H_
#define QANTARA_NEWS_DATES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/env.h"
#include "news/document.h"
#include "news/model.h"

namespace qantara::news {

// A calendar date whose parts may be unknown (0).
struct CivilDate {
  int year = 0;   // 1000..2999, 0 = unknown
  int month = 0;  // 1..12, 0 = unknown
  int day = 0;    // 1..31, 0 = unknown (then month may still be known)
};

// "2019-02-06", "2019-02", "2019", "--02-06" (year unknown), "" when nothing
// usable is known (no year and no day+month).
std::string IsoValue(const CivilDate& d);

// A date as metadata or a byline writes it: ISO 8601 with time and zone
// ("2019-02-05T10:00:00+01:00"), RFC 2822 ("Tue, 05 Feb 2019 10:00:00 +0000"),
// numeric day first ("05/02/2019", "5.2.2019", "05/02/19"; month first only
// when the first number is over 12), named months in the three languages
// ("5 fevrier 2019", "vendredi, novembre 22, 2024", "Feb 5, 2019",
// Arabic "<Tuesday> 5 <Shubat> 2019", Eastern Arabic digits), with times, zones and "at"
// around it. The string must hold one date and nothing but date, time and
// filler words. nullopt when it is not a date.
std::optional<CivilDate> ParseDateValue(std::string_view s);

// Finds absolute and relative date expressions in `text`, in text order and
// without overlap, and resolves them against `anchor` (the article's
// published date; nullopt = unknown). The rules (dates.cc says why):
//  - day month year, month day year, numeric dates (day first unless the
//    first number is over 12, or the text's other numeric dates are all
//    month first), month + year, years after a cue ("en 2016", "<year> 2016" in Arabic) or
//    standing alone before punctuation: absolute, relative = false.
//  - day + month without year (with or without weekday): the year that puts
//    the date nearest the anchor; "dernier/last/<al-madi>" after it: the last one
//    before the anchor, "prochain/next/<al-muqbil>": the next one after. Without
//    anchor "--MM-DD" (the weekday is not used to guess a year here).
//  - a weekday alone: the last one on or before the anchor; "ce mercredi" /
//    "this Wednesday": the first one on or after it; "mercredi dernier": the
//    last one before; "mercredi prochain": the next one after.
//  - a month alone: the last one on or before the anchor's month unless it
//    comes within the next two months (then that one).
//  - hier/demain/il y a N jours...: anchor -+ N days; weeks give an ISO week
//    ("la semaine derniere") or a day ("il y a 2 semaines"); months "YYYY-MM";
//    years "YYYY".
// Without anchor, anchor-relative expressions are found with value "".
std::vector<DateMention> FindDates(std::string_view text, const std::optional<CivilDate>& anchor);

// How FindPublished found the date.
struct PublishedGuess {
  CivilDate date;
  std::string how;   // "byline", "dateline", "page_date" (a date line alone, not contradicted) or "inferred"
  size_t block = 0;  // index of the block it came from
};

// The article's own publication date when metadata gives none, from its
// blocks: a byline ("Publie le 5 fevrier 2019", "Posted on", Arabic "<published in>"; a
// publication date wins over an update date), else a dateline ("RABAT,
// 5 fevrier 2019 (MAP) -"), else a block that is only a date (a page's display
// date) when the text does not contradict it, else inferred from the text's
// deictic expressions ("demain" + "ce mercredi 6 fevrier" -> 5 February).
// A weekday + day + month without year gets, for inference only, the most
// recent year not after `current_year` in which that day is that weekday.
// nullopt when nothing says it.
std::optional<PublishedGuess> FindPublished(const std::vector<Block>& blocks, int current_year);

// As above with current_year = this year by the system clock.
std::optional<PublishedGuess> FindPublished(const std::vector<Block>& blocks);
// As above with current_year = this year by `env`'s clock.
std::optional<PublishedGuess> FindPublished(const std::vector<Block>& blocks, Env& env);

}  // namespace qantara::news

#endif  // QANTARA_NEWS_DATES_H_
