// FindPublished: an article's own publication date from its blocks, by
// byline, dateline, a lone display date the text does not contradict, or
// inference from deictic words next to dated ones (dates.cc, at the top, says
// why in this order).
#include <algorithm>
#include <cstdlib>

#include "base/env.h"
#include "news/dates.h"
#include "news/internal/date_calendar.h"
#include "news/internal/date_scan.h"
#include "news/officeholders.h"

namespace qantara::news {
namespace {

using dates_internal::CivilFromDays;
using dates_internal::Cue;
using dates_internal::DaysFromCivil;
using dates_internal::ForEachShape;
using dates_internal::FullDate;
using dates_internal::kThisMod;
using dates_internal::PhraseHit;
using dates_internal::Scanner;
using dates_internal::Shape;
using dates_internal::ToDays;
using dates_internal::TokType;
using dates_internal::ValidDay;
using dates_internal::WeekdayOf;

constexpr size_t kMaxBlocks = 2000;   // blocks read by FindPublished
constexpr size_t kBylineBytes = 300;  // a byline or dateline sits at a block's start
constexpr size_t kMaxBlockBytes = 1 << 16;

std::string_view Prefix(std::string_view s, size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

struct Evidence {
  CivilDate date;
  size_t block = 0;
};

// "Publie le 5 fevrier 2019", "Posted on Feb 5, 2019", Arabic "<published in> 5 <February> 2019".
// A publication date wins over an update date.
std::optional<Evidence> FindByline(const std::vector<Block>& blocks) {
  std::optional<Evidence> updated;
  for (size_t b = 0; b < blocks.size() && b < kMaxBlocks; ++b) {
    Scanner sc(Prefix(blocks[b].text, kBylineBytes), false);
    for (size_t i = 0; i < sc.size(); ++i) {
      PhraseHit pub = sc.MatchCue(i, Cue::kPublished);
      PhraseHit upd = sc.MatchCue(i, Cue::kUpdated);
      const PhraseHit& hit = pub.end >= upd.end ? pub : upd;
      if (!hit.phrase) continue;
      for (size_t j = hit.end; j < sc.size() && j <= hit.end + 3; ++j) {
        std::optional<Shape> s = sc.MatchAt(j);
        if (!s || s->type != Shape::Type::kDate || !FullDate(s->date)) continue;
        if (hit.phrase->cue == Cue::kPublished) return Evidence{s->date, b};
        if (!updated) updated = Evidence{s->date, b};
        break;
      }
    }
  }
  return updated;
}

// "RABAT, 5 fevrier 2019 (MAP) - ...": place, comma, date, then agency or dash.
std::optional<Evidence> FindDateline(const std::vector<Block>& blocks) {
  for (size_t b = 0; b < blocks.size() && b < kMaxBlocks; ++b) {
    if (blocks[b].furniture) continue;
    Scanner sc(Prefix(blocks[b].text, kBylineBytes), false);
    for (size_t i = 1; i < sc.size() && i < 12; ++i) {
      const std::string& comma = sc.tok(i - 1).norm;
      // "RABAT, 5 fevrier 2019 (MAP) -", or without the comma, as Arabic
      // datelines are often written: one to three words of place, then the date.
      const bool after_comma = i >= 2 && (comma == "," || comma == "\xD8\x8C");  // ARABIC COMMA
      bool after_place = i <= 3;
      for (size_t k = 0; k < i && after_place; ++k) after_place = sc.tok(k).type == TokType::kWord;
      if (!after_comma && !after_place) continue;
      std::optional<Shape> s = sc.MatchAt(i);
      if (!s || s->type != Shape::Type::kDate || !FullDate(s->date) || s->end >= sc.size()) {
        continue;
      }
      const std::string& after = sc.tok(s->end).norm;
      if (after == "(" || after == "-" || (after_comma && after == ":"))
        return Evidence{s->date, b};
    }
  }
  return std::nullopt;
}

// A block that is only a date near the top: often the site's date of today.
std::optional<Evidence> FindDisplayDate(const std::vector<Block>& blocks) {
  for (size_t b = 0; b < blocks.size() && b < 30; ++b) {
    if (blocks[b].text.size() > 80) continue;
    std::optional<CivilDate> d = ParseDateValue(blocks[b].text);
    if (d && FullDate(*d)) return Evidence{*d, b};
  }
  return std::nullopt;
}

// The days the office holders a text names allow (officeholders.h), found on
// first use: most texts write their years and never need them.
class WritingEra {
 public:
  explicit WritingEra(const std::vector<Block>& blocks) : blocks_(blocks) {}
  bool Allows(int64_t day) {
    if (!done_) {
      days_ = WritingDays(NamedHolders(blocks_));
      done_ = true;
    }
    return days_.empty() || std::any_of(days_.begin(), days_.end(), [day](const DayRange& r) {
             return r.first <= day && day <= r.last;
           });
  }

 private:
  const std::vector<Block>& blocks_;
  bool done_ = false;
  std::vector<DayRange> days_;
};

// The most recent year not after `current_year` in which month/day falls on
// `weekday` and which the office holders named allow; without such a year,
// the most recent one the weekday allows.
int YearFromWeekday(int month, int day, int weekday, int current_year, WritingEra* era) {
  int latest = 0;
  for (int y = current_year; y > current_year - 40; --y) {
    if (!ValidDay(y, month, day) || WeekdayOf(DaysFromCivil(y, month, day)) != weekday) continue;
    if (latest == 0) latest = y;
    if (era->Allows(DaysFromCivil(y, month, day))) return y;
  }
  return latest;
}

// The date a dated shape gives, its year inferred from the weekday when missing.
std::optional<CivilDate> DatedDay(const Shape& s, int current_year, WritingEra* era) {
  if (s.type != Shape::Type::kDate || s.date.day == 0) return std::nullopt;
  CivilDate d = s.date;
  if (d.year == 0 && s.weekday > 0)
    d.year = YearFromWeekday(d.month, d.day, s.weekday, current_year, era);
  if (d.year == 0) return std::nullopt;
  return d;
}

// What the text's deictic words say of the writing day:
//  - "hier, mardi 5 fevrier" / "aujourd'hui 6 fevrier": the date minus the offset;
//  - "ce mercredi 6 fevrier": that day, or the day before when "demain" is said
//    somewhere (the writing is within the 6 days before a "ce <weekday>").
std::optional<Evidence> Infer(const std::vector<Block>& blocks, int current_year) {
  WritingEra era(blocks);
  std::optional<Evidence> adjacent, this_day;
  bool tomorrow = false;
  for (size_t b = 0; b < blocks.size() && b < kMaxBlocks && !adjacent; ++b) {
    if (blocks[b].furniture) continue;
    Scanner sc(Prefix(blocks[b].text, kMaxBlockBytes), false);
    std::optional<Shape> deictic;
    ForEachShape(sc, [&](const Shape& s) {
      const bool day_word = s.type == Shape::Type::kRel && s.rel->unit == 'd' && !s.rel->per_n;
      if (day_word && s.rel->value == 1) tomorrow = true;
      std::optional<CivilDate> d = DatedDay(s, current_year, &era);
      if (d && deictic && !adjacent) {
        bool near = true;
        for (size_t k = deictic->end; k < s.first; ++k) near &= sc.tok(k).type == TokType::kPunct;
        if (near && s.first - deictic->end <= 1) {
          adjacent = Evidence{CivilFromDays(ToDays(*d) - deictic->rel->value), b};
        }
      }
      if (d && s.modifier == kThisMod && !this_day) this_day = Evidence{*d, b};
      deictic = day_word ? std::optional<Shape>(s) : std::nullopt;
    });
  }
  if (adjacent) return adjacent;
  if (this_day && tomorrow) this_day->date = CivilFromDays(ToDays(this_day->date) - 1);
  return this_day;
}

// Whether the text's own full dates are all far (over 90 days) from `d`.
bool FarFromText(const std::vector<Block>& blocks, const Evidence& d) {
  bool any = false, near = false;
  for (size_t b = 0; b < blocks.size() && b < kMaxBlocks && !near; ++b) {
    if (b == d.block || blocks[b].furniture) continue;
    Scanner sc(Prefix(blocks[b].text, kMaxBlockBytes), false);
    ForEachShape(sc, [&](const Shape& s) {
      if (s.type != Shape::Type::kDate || !FullDate(s.date)) return;
      any = true;
      near |= std::llabs(ToDays(s.date) - ToDays(d.date)) <= 90;
    });
  }
  return any && !near;
}

}  // namespace

std::optional<PublishedGuess> FindPublished(const std::vector<Block>& blocks, int current_year) {
  if (std::optional<Evidence> e = FindByline(blocks))
    return PublishedGuess{e->date, "byline", e->block};
  if (std::optional<Evidence> e = FindDateline(blocks)) {
    return PublishedGuess{e->date, "dateline", e->block};
  }
  std::optional<Evidence> inferred = Infer(blocks, current_year);
  if (std::optional<Evidence> shown = FindDisplayDate(blocks)) {
    const bool contradicted = inferred
                                  ? std::llabs(ToDays(inferred->date) - ToDays(shown->date)) > 21
                                  : FarFromText(blocks, *shown);
    if (!contradicted) return PublishedGuess{shown->date, "page_date", shown->block};
  }
  if (inferred) return PublishedGuess{inferred->date, "inferred", inferred->block};
  return std::nullopt;
}

std::optional<PublishedGuess> FindPublished(const std::vector<Block>& blocks) {
  return FindPublished(blocks, *Env::Default());
}

std::optional<PublishedGuess> FindPublished(const std::vector<Block>& blocks, Env& env) {
  return FindPublished(blocks, CurrentYear(env));
}

}  // namespace qantara::news
