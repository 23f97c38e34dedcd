// Helpers of the tests of news/events.h: a text read with its mentions given
// by hand (so that each event rule is tested on its own), and questions on the
// events found.
#ifndef QANTARA_TESTS_NEWS_GIVEN_MENTIONS_H_
#define QANTARA_TESTS_NEWS_GIVEN_MENTIONS_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "news/events.h"
#include "news/read.h"

namespace qantara::news::given_mentions {

// A text and its mentions, given as (text, type) and found at their first
// occurrence after the previous one.
struct Given {
  std::string text;
  MentionType type;
};

struct Doc {
  std::string text;
  std::vector<Mention> mentions;
  std::vector<DateMention> dates;
  std::vector<Event> events;
  std::vector<LinkedMention> linked;
  std::vector<LinkedEvent> linked_events;
};

inline std::string Key(const Given& g) {
  const char* prefix = g.type == MentionType::kPerson         ? "p:"
                       : g.type == MentionType::kOrganization ? "o:"
                                                              : "l:";
  return prefix + Slug(g.text);
}

inline Doc Find(std::string text, const std::vector<Given>& given,
                const std::string& published = "2024-03-14",
                const EventOptions& options = EventOptions()) {
  Doc d;
  d.text = std::move(text);
  size_t from = 0;
  for (const Given& g : given) {
    const size_t at = d.text.find(g.text, from);
    EXPECT_NE(at, std::string::npos) << g.text;
    if (at == std::string::npos) continue;
    Mention m;
    m.start = at;
    m.end = at + g.text.size();
    m.text = g.text;
    m.type = g.type;
    d.mentions.push_back(m);
    LinkedMention l;
    l.mention = m;
    l.entity = Key(g);
    l.canonical = g.text;
    d.linked.push_back(l);
    from = m.end;
  }
  std::optional<CivilDate> anchor = ParseDateValue(published);
  d.dates = FindDates(d.text, anchor);
  d.events = FindEvents(d.text, DetectLanguages(d.text).sentences, d.mentions, d.dates, published,
                        options);
  d.linked_events = LinkEvents(d.text, d.events, d.linked);
  return d;
}

inline std::vector<const LinkedEvent*> OfType(const Doc& d, EventType type) {
  std::vector<const LinkedEvent*> out;
  for (const LinkedEvent& e : d.linked_events) {
    if (e.type == type) out.push_back(&e);
  }
  return out;
}

inline bool HasParticipant(const LinkedEvent& e, const std::string& key) {
  return std::any_of(e.participants.begin(), e.participants.end(),
                     [&](const EventActor& a) { return a.entity == key; });
}

inline std::string PlaceOf(const LinkedEvent& e) { return e.place ? e.place->entity : ""; }

}  // namespace qantara::news::given_mentions

#endif  // QANTARA_TESTS_NEWS_GIVEN_MENTIONS_H_
