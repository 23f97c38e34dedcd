// The gazetteer: every form of every entry, in matching form, in one hash
// map; a mention is the longest run of words whose joined matching form is a
// key. Capitalisation is checked against the written form so that "Maroc"
// does not fire on a lower-case common word and "UN" not on "un".
#include "news/gazetteer.h"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace qantara::news {
namespace {

struct FormRow {
  const char* id;
  const char* type;
  const char* canonical;
  const char* screen_as;
  const char* form;
};
const FormRow kGazetteerForms[] = {
#define QANTARA_GAZETTEER_FORMS
#include "generated/gazetteer.inc"
#undef QANTARA_GAZETTEER_FORMS
};

struct PlaceCountryRow {
  const char* place;
  const char* country;
  const char* iso2;
};
const PlaceCountryRow kPlaceCountries[] = {
#define QANTARA_PLACE_COUNTRIES
#include "generated/gazetteer.inc"
#undef QANTARA_PLACE_COUNTRIES
};

struct WordRow {
  const char* kind;
  const char* lang;
  const char* word;
};
const WordRow kMentionWords[] = {
#define QANTARA_MENTION_WORDS
#include "generated/gazetteer.inc"
#undef QANTARA_MENTION_WORDS
};

int KindIndex(std::string_view kind) {
  static constexpr std::string_view kNames[] = {"person_title",   "saying_verb", "org_head",
                                                "place_head",     "not_name",    "institution",
                                                "given_name",     "function",    "title_modifier",
                                                "name_connector", "common_noun", "place_starter"};
  static_assert(std::size(kNames) == kWordKinds);
  for (int i = 0; i < kWordKinds; ++i) {
    if (kNames[i] == kind) return i;
  }
  return -1;
}

bool StartsUpper(std::string_view form) {
  return !form.empty() && std::isupper(static_cast<unsigned char>(form[0]));
}

bool IsAcronym(std::string_view form) {
  int letters = 0;
  for (char c : form) {
    if (std::islower(static_cast<unsigned char>(c)) || (c & 0x80)) return false;
    letters += std::isupper(static_cast<unsigned char>(c)) ? 1 : 0;
  }
  return letters >= 2;
}

// Arabic one-letter clitics (waw, feh, beh, lam, kaf) in UTF-8.
constexpr std::string_view kClitics[] = {"\xd9\x88", "\xd9\x81", "\xd8\xa8", "\xd9\x84",
                                         "\xd9\x83"};
constexpr std::string_view kAlefLam = "\xd8\xa7\xd9\x84";  // ALEF, LAM: the article
constexpr std::string_view kLam = "\xd9\x84";

// Whether a word next to words[i], with no punctuation between, is also in capitals.
bool CapitalsAround(const std::vector<Word>& words, size_t i) {
  const bool before = i > 0 && !words[i].breaks_before && words[i - 1].all_caps;
  const bool after = i + 1 < words.size() && !words[i + 1].breaks_before && words[i + 1].all_caps;
  return before || after;
}

}  // namespace

std::string_view MentionTypeName(MentionType type) {
  switch (type) {
    case MentionType::kPerson:
      return "person";
    case MentionType::kOrganization:
      return "organization";
    case MentionType::kLocation:
      return "location";
  }
  return "location";
}

const Gazetteer& Gazetteer::BuiltIn() {
  static const Gazetteer* g = new Gazetteer();
  return *g;
}

Gazetteer::Gazetteer() {
  std::unordered_map<std::string, size_t> by_id;
  for (const FormRow& row : kGazetteerForms) {
    auto [it, added] = by_id.try_emplace(row.id, entries_.size());
    if (added) {
      GazetteerEntry e;
      e.id = row.id;
      e.type = std::string_view(row.type) == "organization" ? MentionType::kOrganization
                                                            : MentionType::kLocation;
      e.canonical = row.canonical;
      e.screen_as = row.screen_as;
      entries_.push_back(std::move(e));
    }
    const std::string key = MatchingForm(row.form);
    if (key.empty()) continue;
    max_words_ = std::max<size_t>(max_words_, std::count(key.begin(), key.end(), ' ') + 1);
    for (size_t space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1)) {
      prefixes_.insert(key.substr(0, space));
    }
    auto [form, fresh] =
        forms_.try_emplace(key, Form{it->second, StartsUpper(row.form), IsAcronym(row.form)});
    if (!fresh) {  // the laxest written form decides
      form->second.needs_capital &= StartsUpper(row.form);
      form->second.acronym &= IsAcronym(row.form);
    }
  }
  for (const WordRow& row : kMentionWords) {
    const int kind = KindIndex(row.kind);
    if (kind >= 0) kinds_[MatchingForm(row.word)] |= 1u << kind;
  }
}

uint32_t Gazetteer::Kinds(std::string_view norm) const {
  auto it = kinds_.find(norm);
  return it == kinds_.end() ? 0 : it->second;
}

bool Gazetteer::Fits(const Form& form, const std::vector<Word>& words, size_t i) const {
  const Word& first = words[i];
  if (first.script != text::Script::kLatin) return true;
  // In a line written in capitals (an OCR headline) "UN" is the French article.
  if (form.acronym) return first.all_caps && !CapitalsAround(words, i);
  return !form.needs_capital || first.capitalized;
}

GazetteerMatch Gazetteer::Match(const std::vector<Word>& words, size_t i) const {
  std::string key;
  GazetteerMatch best;
  // Candidate spellings of the first word: as written, and for Arabic without a clitic.
  std::string_view first = words[i].norm;
  std::vector<std::pair<std::string, size_t>> starts = {{std::string(first), 0}};
  if (words[i].script == text::Script::kArabic) {
    for (std::string_view clitic : kClitics) {
      // At least three letters must remain (two bytes each).
      if (first.size() >= clitic.size() + 6 && first.substr(0, clitic.size()) == clitic) {
        std::string rest(first.substr(clitic.size()));
        // li- before the article drops its alef: lil-maghrib is li + al-maghrib.
        size_t prefix = clitic.size();
        if (clitic == kLam && rest.substr(0, kLam.size()) == kLam) {
          rest = std::string(kAlefLam) + rest.substr(kLam.size());
          prefix = 0;  // lil- has no alef to start the mention at: it keeps the whole word
        }
        starts.emplace_back(std::move(rest), prefix);
      }
    }
  }
  for (const auto& [start, prefix] : starts) {
    key = start;
    for (size_t n = 1; n <= max_words_ && i + n <= words.size(); ++n) {
      if (n > 1) {
        if (words[i + n - 1].breaks_before) break;
        key += ' ';
        key += words[i + n - 1].norm;
      }
      auto it = forms_.find(key);
      if (it != forms_.end() && n > best.words && Fits(it->second, words, i)) {
        best = {&entries_[it->second.entry], n, prefix};
      }
      if (!prefixes_.count(key)) break;  // no longer form starts with these words
    }
  }
  return best;
}

namespace {

// The row of a built-in city or region, null for any other place.
const PlaceCountryRow* PlaceCountry(std::string_view place) {
  static const auto* const kCountries = [] {
    auto* m = new std::unordered_map<std::string_view, const PlaceCountryRow*>();
    for (const PlaceCountryRow& row : kPlaceCountries) m->emplace(row.place, &row);
    return m;
  }();
  auto it = kCountries->find(place);
  return it == kCountries->end() ? nullptr : it->second;
}

}  // namespace

std::string_view CountryOf(std::string_view place) {
  const PlaceCountryRow* row = PlaceCountry(place);
  return row ? row->country : std::string_view();
}

std::string_view CountryCodeOf(std::string_view place) {
  const PlaceCountryRow* row = PlaceCountry(place);
  return row ? row->iso2 : std::string_view();
}

}  // namespace qantara::news
