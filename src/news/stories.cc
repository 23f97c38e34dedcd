// Stories (stories.h says what joins two documents, and why). The four
// rules are looked up in indexes, never by comparing a document with every
// earlier one: MinHash signatures by their LSH bands (minhash.h; a candidate
// is then checked on the whole signature), events by signature, actors by
// key (the latest documents per actor), events by type and day.
//
// Why MinHash rather than SimHash: news texts are short (a few hundred
// words); one changed word moves a SimHash of 60 shingles by ten bits or
// more, while MinHash estimates the share of shingles in common directly.
#include "news/stories.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "news/internal/date_calendar.h"

namespace qantara::news {
namespace {

// An actor, or an event type on one day, remembers its latest documents only.
constexpr size_t kDocsPerKey = 256;

void RememberLatest(std::vector<size_t>* docs, size_t index) {
  if (docs->size() >= kDocsPerKey) docs->erase(docs->begin(), docs->begin() + kDocsPerKey / 2);
  docs->push_back(index);
}

// Days since 1970-01-01 of a full ISO date; false when `iso` is not one.
bool DayOf(std::string_view iso, int64_t* day) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return false;
  int y = 0, m = 0, d = 0;
  for (size_t i : {0, 1, 2, 3}) {
    if (iso[i] < '0' || iso[i] > '9') return false;
    y = y * 10 + (iso[i] - '0');
  }
  for (size_t i : {5, 6}) {
    if (iso[i] < '0' || iso[i] > '9') return false;
    m = m * 10 + (iso[i] - '0');
  }
  for (size_t i : {8, 9}) {
    if (iso[i] < '0' || iso[i] > '9') return false;
    d = d * 10 + (iso[i] - '0');
  }
  if (!dates_internal::ValidDay(y, m, d)) return false;
  *day = dates_internal::DaysFromCivil(y, m, d);
  return true;
}

std::vector<std::string> SortedDistinct(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

bool ShareOne(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) return true;
    a[i] < b[j] ? ++i : ++j;
  }
  return false;
}

}  // namespace

std::string EventSignature(std::string_view type, std::string_view date, std::string_view place) {
  std::string s(type);
  s.push_back('|');
  s.append(date);
  s.push_back('|');
  s.append(place);
  return s;
}

StoryEvidence EvidenceOf(const ReadDocument& doc, const std::vector<LinkedMention>& mentions,
                         const std::vector<LinkedEvent>& events) {
  StoryEvidence e;
  e.doc = doc.doc;
  e.signature = doc.signature;
  e.published = doc.published;
  for (const LinkedMention& m : mentions) {
    (m.mention.type == MentionType::kLocation ? e.places : e.actors).push_back(m.entity);
  }
  for (const LinkedEvent& ev : events) {
    if (ev.date.size() != 10) continue;  // a full date only
    const std::string_view type = EventTypeName(ev.type);
    e.event_days.push_back(std::string(type) + '|' + ev.date);
    if (ev.place) {
      e.events.push_back(EventSignature(type, ev.date, ev.place->entity));
    } else if (ev.type == EventType::kCall && ev.participants.size() >= 2) {
      std::vector<std::string> who;
      for (const EventActor& a : ev.participants) who.push_back(a.entity);
      std::sort(who.begin(), who.end());
      std::string with = "with:";
      for (size_t i = 0; i < who.size(); ++i) with += (i ? "," : "") + who[i];
      e.events.push_back(EventSignature(type, ev.date, with));
    }
  }
  return e;
}

StoryClusterer::StoryClusterer(StoryOptions options) : options_(options) {}

size_t StoryClusterer::Join(const StoryEvidence& doc, const Known& me) const {
  size_t best = SIZE_MAX;
  if (me.compared) {
    for (int band = 0; band < kBands; ++band) {
      auto it = bands_.find(BandKey(me.minhash, band));
      if (it == bands_.end()) continue;
      for (size_t d : it->second) {
        if (docs_[d].story < best &&
            Similarity(docs_[d].minhash, me.minhash) >= options_.min_similarity) {
          best = docs_[d].story;
        }
      }
    }
  }
  for (const std::string& signature : doc.events) {
    if (auto it = events_.find(signature); it != events_.end()) best = std::min(best, it->second);
  }
  for (const std::string& day : doc.event_days) {
    auto it = event_days_.find(day);
    if (it == event_days_.end()) continue;
    for (size_t d : it->second) {
      const Known& other = docs_[d];
      if (other.story < best && ShareOne(me.actors, other.actors) &&
          ShareOne(me.places, other.places)) {
        best = other.story;
      }
    }
  }
  if (me.dated && me.actors.size() >= options_.shared_actors && !me.places.empty()) {
    std::unordered_map<size_t, size_t> shared;  // earlier document -> actors in common
    for (const std::string& actor : me.actors) {
      auto it = by_actor_.find(actor);
      if (it == by_actor_.end()) continue;
      for (size_t d : it->second) ++shared[d];
    }
    for (const auto& [d, n] : shared) {
      const Known& other = docs_[d];
      if (n < options_.shared_actors || !other.dated || other.story >= best) continue;
      if (std::llabs(other.day - me.day) > options_.max_days_apart) continue;
      if (ShareOne(me.places, other.places)) best = other.story;
    }
  }
  return best;
}

StoryClusterer::Known StoryClusterer::Prepare(const StoryEvidence& doc) const {
  Known me;
  const TextSignature sh = doc.signature ? *doc.signature : SignatureOf(doc.text);
  me.minhash = sh.minhash;
  me.compared = sh.words >= options_.min_words;
  me.dated = DayOf(doc.published, &me.day);
  me.actors = SortedDistinct(doc.actors);
  me.places = SortedDistinct(doc.places);
  return me;
}

std::string StoryClusterer::Add(const StoryEvidence& doc) {
  Known me = Prepare(doc);
  me.story = Join(doc, me);
  if (me.story == SIZE_MAX) {
    char key[24];
    std::snprintf(key, sizeof key, "s:%012llx",
                  static_cast<unsigned long long>(StableHash(doc.doc) & 0xffffffffffffull));
    // A document stored before under its own key and read again keeps it.
    auto [it, added] = key_index_.emplace(key, keys_.size());
    if (added) keys_.emplace_back(key);
    me.story = it->second;
  }
  const size_t story = me.story;
  Remember(doc, std::move(me));
  return keys_[story];
}

void StoryClusterer::Seed(const StoryEvidence& doc, const std::string& story) {
  Known me = Prepare(doc);
  auto [it, added] = key_index_.emplace(story, keys_.size());
  if (added) keys_.push_back(story);
  me.story = it->second;
  Remember(doc, std::move(me));
}

void StoryClusterer::Remember(const StoryEvidence& doc, Known me) {
  const size_t index = docs_.size();
  if (me.compared) {
    for (int band = 0; band < kBands; ++band) bands_[BandKey(me.minhash, band)].push_back(index);
  }
  for (const std::string& signature : doc.events) events_.emplace(signature, me.story);
  for (const std::string& day : SortedDistinct(doc.event_days)) RememberLatest(&event_days_[day], index);
  for (const std::string& actor : me.actors) RememberLatest(&by_actor_[actor], index);
  docs_.push_back(std::move(me));
}

}  // namespace qantara::news
