// Office holders in a text: each form of each holder and each cue of each
// office, as word sequences in matching form, looked up by their first word.
#include "news/officeholders.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "news/internal/date_calendar.h"
#include "news/words.h"

namespace qantara::news {
namespace {

struct CueRow {
  const char* office;
  const char* cue;
};
const CueRow kOfficeCues[] = {
#define QANTARA_OFFICE_CUES
#include "generated/officeholders.inc"
#undef QANTARA_OFFICE_CUES
};

struct TermRow {
  const char* office;
  int first_y, first_m, first_d, last_y, last_m, last_d;
  const char* canonical;
  const char* form;
};
const TermRow kOfficeTerms[] = {
#define QANTARA_OFFICE_TERMS
#include "generated/officeholders.inc"
#undef QANTARA_OFFICE_TERMS
};

constexpr size_t kMaxBlocks = 2000;
constexpr size_t kMaxBlockBytes = 1 << 16;
constexpr size_t kCueWindow = 8;  // words before or after the name where its office is said
constexpr size_t kAfterPast = 3;  // words after the name where "al-sabiq" makes it past

// Words that put a title in the past ("l'ancien secretaire d'Etat", "then-Secretary"),
// in the form they are written (MatchingForm normalises them as the text's words are).
constexpr std::string_view kPastWords[] = {
    "ancien",
    "ancienne",
    "anciens",
    "ex",
    "former",
    "late",
    "feu",
    "then",
    "\xD8\xA7\xD9\x84\xD8\xB3\xD8\xA7\xD8\xA8\xD9\x82",          // al-sabiq (former)
    "\xD8\xA7\xD9\x84\xD8\xB3\xD8\xA7\xD8\xA8\xD9\x82\xD8\xA9",  // al-sabiqa
    "\xD8\xA7\xD9\x84\xD8\xA3\xD8\xB3\xD8\xA8\xD9\x82",          // al-asbaq (former)
    "\xD8\xA7\xD9\x84\xD8\xB1\xD8\xA7\xD8\xAD\xD9\x84",          // al-rahil (the late)
    "\xD8\xA2\xD9\x86\xD8\xB0\xD8\xA7\xD9\x83",                  // anadhak (then)
    "\xD8\xAD\xD9\x8A\xD9\x86\xD9\x87\xD8\xA7",                  // hinaha (then)
};

std::vector<std::string> Split(std::string_view phrase) {
  std::vector<std::string> out;
  for (Word& w : SplitWords(phrase)) out.push_back(std::move(w.norm));
  return out;
}

struct Holder {
  std::string office, canonical;
  std::vector<DayRange> terms;
};

struct Tables {
  std::vector<Holder> holders;  // one per (office, canonical)
  struct Form {
    std::vector<std::string> words;
    size_t holder = 0;
  };
  std::unordered_map<std::string, std::vector<Form>> forms;                     // by first word
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> cues;  // office -> cues
  std::unordered_set<std::string> past;

  Tables() {
    std::unordered_map<std::string, size_t> index;
    for (const TermRow& r : kOfficeTerms) {
      const std::string key = std::string(r.office) + '\t' + r.canonical;
      auto [it, added] = index.emplace(key, holders.size());
      if (added) holders.push_back({r.office, r.canonical, {}});
      Holder& h = holders[it->second];
      const DayRange term{dates_internal::DaysFromCivil(r.first_y, r.first_m, r.first_d),
                          dates_internal::DaysFromCivil(r.last_y, r.last_m, r.last_d)};
      if (std::none_of(h.terms.begin(), h.terms.end(), [&](const DayRange& t) {
            return t.first == term.first && t.last == term.last;
          })) {
        h.terms.push_back(term);
      }
      std::vector<std::string> words = Split(r.form);
      if (words.empty()) continue;
      std::vector<Form>& list = forms[words.front()];
      // A named copy: clang (before 16) cannot capture a structured binding in a lambda.
      const size_t holder = it->second;
      const bool seen = std::any_of(list.begin(), list.end(), [&](const Form& f) {
        return f.holder == holder && f.words == words;
      });
      if (!seen) list.push_back({std::move(words), holder});
    }
    for (const CueRow& r : kOfficeCues) {
      std::vector<std::string> words = Split(r.cue);
      if (!words.empty()) cues[r.office].push_back(std::move(words));
    }
    for (std::string_view w : kPastWords) past.insert(MatchingForm(w));
  }
};

const Tables& GetTables() {
  static const Tables* tables = new Tables();
  return *tables;
}

bool WordsAt(const std::vector<Word>& words, size_t i, const std::vector<std::string>& seq) {
  if (i + seq.size() > words.size()) return false;
  for (size_t k = 0; k < seq.size(); ++k) {
    if (words[i + k].norm != seq[k]) return false;
  }
  return true;
}

// Whether a cue of `office` lies within the window around words [first, end)
// and no word of the window puts the title in the past.
bool SaidInOffice(const Tables& t, const std::string& office, const std::vector<Word>& words,
                  size_t first, size_t end) {
  auto cues = t.cues.find(office);
  if (cues == t.cues.end()) return false;
  const size_t from = first > kCueWindow ? first - kCueWindow : 0;
  const size_t to = std::min(words.size(), end + kCueWindow);
  for (size_t k = from; k < std::min(words.size(), end + kAfterPast); ++k) {
    if ((k < first || k >= end) && t.past.count(words[k].norm)) return false;
  }
  for (size_t k = from; k < to; ++k) {
    if (k >= first && k < end) continue;
    for (const std::vector<std::string>& cue : cues->second) {
      if (WordsAt(words, k, cue) && (k + cue.size() <= first || k >= end)) return true;
    }
  }
  return false;
}

}  // namespace

std::vector<NamedHolder> NamedHolders(const std::vector<Block>& blocks) {
  const Tables& t = GetTables();
  std::vector<bool> named(t.holders.size(), false);
  std::vector<NamedHolder> out;
  for (size_t b = 0; b < blocks.size() && b < kMaxBlocks; ++b) {
    if (blocks[b].furniture) continue;
    std::string_view text = blocks[b].text;
    if (text.size() > kMaxBlockBytes) text = text.substr(0, kMaxBlockBytes);
    const std::vector<Word> words = SplitWords(text);
    for (size_t i = 0; i < words.size(); ++i) {
      auto it = t.forms.find(words[i].norm);
      if (it == t.forms.end()) continue;
      for (const Tables::Form& form : it->second) {
        if (named[form.holder] || !WordsAt(words, i, form.words)) continue;
        const Holder& h = t.holders[form.holder];
        if (!SaidInOffice(t, h.office, words, i, i + form.words.size())) continue;
        named[form.holder] = true;
        out.push_back({h.canonical, h.office, h.terms});
      }
    }
  }
  return out;
}

std::vector<DayRange> WritingDays(const std::vector<NamedHolder>& named) {
  if (named.empty()) return {};
  std::vector<DayRange> days = named.front().terms;
  for (size_t n = 1; n < named.size(); ++n) {
    std::vector<DayRange> next;
    for (const DayRange& a : days) {
      for (const DayRange& b : named[n].terms) {
        const DayRange both{std::max(a.first, b.first), std::min(a.last, b.last)};
        if (both.first <= both.last) next.push_back(both);
      }
    }
    days = std::move(next);
  }
  return days;
}

}  // namespace qantara::news
