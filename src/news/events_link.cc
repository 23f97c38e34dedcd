// Events with entity keys: merging the triggers of one document that are one
// event, and the CAMEO rows. News repeats itself: a headline, its lead and a
// paragraph further down name the same meeting three times, each time with
// part of what is known (the date in one sentence, the place in another,
// the participants in a third). Merging is greedy in text order: a trigger
// joins the first kept event of its type whose date and place do not
// contradict it and with which it shares a participant (or one of them has
// none), or which has the same known date and place. The first trigger
// stays the event's text and sentence; dates, places and participants are
// pooled.
#include <algorithm>

#include "news/events.h"
#include "news/gazetteer.h"

namespace qantara::news {
namespace {

constexpr std::string_view kTypeNames[kEventTypes] = {
    "meeting", "visit", "call", "statement", "press_conference", "agreement", "attack", "arrest"};

// CAMEO 1.1b3 event codes (Schrodt, "CAMEO Conflict and Mediation Event
// Observations Event and Actor Codebook", 2012).
constexpr std::string_view kCameo[kEventTypes] = {
    "040",  // meeting: consult, not specified below
    "042",  // visit: make a visit
    "041",  // call: discuss by telephone
    "010",  // statement: make statement, not specified below
    "010",  // press_conference: make statement
    "057",  // agreement: sign formal agreement
    "180",  // attack: use unconventional violence, not specified below
    "173",  // arrest: arrest, detain, or charge with legal action
};

// Dates agree when equal or one is unknown or only the published date (a
// guess that a date the text gives overrides).
bool DatesAgree(const LinkedEvent& a, const LinkedEvent& b) {
  return a.date.empty() || b.date.empty() || a.date == b.date ||
         a.date_source == EventDateSource::kPublished ||
         b.date_source == EventDateSource::kPublished;
}

bool SamePlace(const LinkedEvent& a, const LinkedEvent& b) {
  return a.place && b.place && a.place->entity == b.place->entity;
}

// Places agree when one is unknown, they are one place, or one is the
// country the other lies in ("Marrakech" and "le Maroc").
bool PlacesAgree(const LinkedEvent& a, const LinkedEvent& b) {
  if (!a.place || !b.place || SamePlace(a, b)) return true;
  return CountryOf(a.place->entity) == b.place->entity ||
         CountryOf(b.place->entity) == a.place->entity;
}

bool Has(const std::vector<EventActor>& actors, const std::string& entity) {
  return std::any_of(actors.begin(), actors.end(),
                     [&](const EventActor& x) { return x.entity == entity; });
}

bool Overlap(const std::vector<EventActor>& a, const std::vector<EventActor>& b) {
  return std::any_of(a.begin(), a.end(), [&](const EventActor& x) { return Has(b, x.entity); });
}

bool Mergeable(const LinkedEvent& kept, const LinkedEvent& e) {
  if (kept.type != e.type || !DatesAgree(kept, e) || !PlacesAgree(kept, e)) return false;
  const bool same_day = !kept.date.empty() && kept.date == e.date;
  // An event that names nobody joins one only through a place or a day they
  // share ("cette reunion ... en Irak" is not Kerry's meeting of the line before).
  if (kept.participants.empty() || e.participants.empty()) return SamePlace(kept, e) || same_day;
  if (Overlap(kept.participants, e.participants)) return true;
  return same_day && SamePlace(kept, e);
}

void Add(std::vector<EventActor>* actors, const EventActor& a) {
  if (!Has(*actors, a.entity)) actors->push_back(a);
}

void Merge(LinkedEvent* kept, const LinkedEvent& e) {
  ++kept->merged;
  const bool better =
      e.date_source == EventDateSource::kText && kept->date_source != EventDateSource::kText;
  if (kept->date.empty() || better) kept->date = e.date, kept->date_source = e.date_source;
  // The city rather than its country.
  if (!kept->place || (e.place && CountryOf(e.place->entity) == kept->place->entity)) {
    kept->place = e.place;
  }
  for (const EventActor& a : e.participants) Add(&kept->participants, a);
}

EventActor ActorOf(const LinkedMention& m) { return {m.entity, m.canonical, m.mention.type}; }

// A person who visits a place on a day takes part in the meeting held
// there that day ("X se rend demain a Washington" + "la reunion de demain a
// Washington").
void AddVisitorsToMeetings(std::vector<LinkedEvent>* events) {
  for (const LinkedEvent& v : *events) {
    if (v.type != EventType::kVisit || v.date.empty() || !v.place) continue;
    for (LinkedEvent& m : *events) {
      if (m.type != EventType::kMeeting || m.date != v.date || !SamePlace(m, v)) continue;
      for (const EventActor& a : v.participants) {
        if (a.type == MentionType::kPerson) Add(&m.participants, a);
      }
    }
  }
}

}  // namespace

std::string_view EventTypeName(EventType type) { return kTypeNames[static_cast<int>(type)]; }

std::optional<EventType> EventTypeFromName(std::string_view name) {
  for (int t = 0; t < kEventTypes; ++t) {
    if (kTypeNames[t] == name) return static_cast<EventType>(t);
  }
  return std::nullopt;
}

std::string_view CameoCode(EventType type) { return kCameo[static_cast<int>(type)]; }

std::vector<LinkedEvent> LinkEvents(std::string_view text, const std::vector<Event>& events,
                                    const std::vector<LinkedMention>& mentions) {
  std::vector<LinkedEvent> out;
  for (const Event& e : events) {
    LinkedEvent l;
    l.type = e.type;
    l.start = e.start;
    l.end = e.end;
    l.text = e.text;
    l.date = e.date;
    l.date_source = e.date_source;
    if (e.place && *e.place < mentions.size()) l.place = ActorOf(mentions[*e.place]);
    for (size_t p : e.participants) {
      if (p < mentions.size()) Add(&l.participants, ActorOf(mentions[p]));
    }
    l.sentence.assign(text.substr(e.sentence_start, e.sentence_end - e.sentence_start));
    auto kept =
        std::find_if(out.begin(), out.end(), [&](const LinkedEvent& k) { return Mergeable(k, l); });
    if (kept != out.end()) {
      Merge(&*kept, l);
    } else {
      out.push_back(std::move(l));
    }
  }
  AddVisitorsToMeetings(&out);
  return out;
}

std::vector<CameoRow> CameoRows(const std::vector<LinkedEvent>& events, size_t max_rows_per_event) {
  std::vector<CameoRow> rows;
  for (size_t i = 0; i < events.size(); ++i) {
    const LinkedEvent& e = events[i];
    CameoRow base;
    base.type = e.type;
    base.code = CameoCode(e.type);
    base.root = base.code.substr(0, 2);
    base.date = e.date;
    base.place = e.place ? e.place->entity : "";
    base.event = i;
    // Who acts: the first participant; for an arrest the first organisation
    // (the police), and nobody known when none is named.
    std::optional<size_t> actor;
    if (e.type == EventType::kArrest) {
      for (size_t k = 0; k < e.participants.size() && !actor; ++k) {
        if (e.participants[k].type == MentionType::kOrganization) actor = k;
      }
    } else if (!e.participants.empty()) {
      actor = 0;
    }
    if (actor) base.actor1 = e.participants[*actor];
    size_t made = 0;
    for (size_t k = 0; k < e.participants.size() && made < max_rows_per_event; ++k) {
      if (actor && k == *actor) continue;
      CameoRow row = base;
      row.actor2 = e.participants[k];
      rows.push_back(std::move(row));
      ++made;
    }
    if (made == 0 && actor && max_rows_per_event > 0) rows.push_back(std::move(base));
  }
  return rows;
}

}  // namespace qantara::news
