// Events in news: meetings, visits, phone calls, statements, press
// conferences, agreements, attacks and arrests, found by rules over a
// document's sentences, mentions and dates (no model), in French, English
// and Arabic; DESIGN.md's `events` field, and actor-action-actor rows in
// CAMEO's codes for users of GDELT-like tools.
//
// Two steps, as for mentions: FindEvents reads one document (thread-safe,
// called by news/read.cc's ReadPage on worker threads) and refers to the
// document's mentions by index; LinkEvents, called once the mentions are
// linked (news/entities.h), turns indices into entity keys and merges the
// events of the document that are one real event.
//
// The rules (events.cc says why; docs/news.md "Events" gives the limits):
//  - trigger: the longest form of resources/event_triggers.tsv at a word of
//    a sentence (words folded as the table is; Arabic proclitics wa-, fa-,
//    bi-, li-, ka-, al- taken off);
//  - participants: the person and organisation mentions of the sentence (in
//    text order; a statement's speaker first, an attack's author first: the
//    one named right after it through de/by/of); not, in a meeting, call,
//    visit, statement or agreement, one that an opposition word (contre,
//    against, defeat of, Arabic didd) introduces; a sentence that opens with a
//    pronoun (il, elle, ils, he, she, they...) and names nobody takes the
//    first person of the sentence before;
//  - place: the location mention nearest the trigger that a locative word
//    introduces (a, au, aux, dans, in, at, Arabic fi, ila, the bi- clitic;
//    en, to, vers weaker), else one next to a host verb ("Washington
//    accueillera", Arabic "tastadif al-Ribat"), else the document's
//    dateline place ("RABAT, 12 mars (MAP) -");
//  - date: the resolved date mention of the sentence nearest the trigger;
//    else the published date when the trigger is a verb in the present or
//    the past ("a rencontre", "met"), or any non-future trigger in the lead
//    (news reports the day's events); else none;
//  - statements, so that "said" does not flood: a statement noun
//    (declaration, communique, statement, Arabic bayan) anywhere; a verb of
//    saying only in the lead sentences and with a person mention within
//    four words of it (that person is the speaker);
//  - an event needs a participant, a place or a date of its own sentence.
// LinkEvents then merges events of one type whose dates and places agree
// (equal, or one unknown) and whose participants overlap (or, when one
// names nobody, that share a known place or date), or that have the same
// known date and place; and adds the persons of a
// visit to the meeting held at the visit's place on its date.
#ifndef QANTARA_NEWS_EVENTS_H_
#define QANTARA_NEWS_EVENTS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "news/dates.h"
#include "news/entities.h"
#include "news/language.h"
#include "news/mentions.h"
#include "news/model.h"

namespace qantara::news {

struct EventOptions {
  // Sentences at the start of the text that count as the lead (a headline
  // and the first sentence or two): verbs of saying make statements there
  // only, and a noun trigger there is dated by the published date. Default 3.
  size_t lead_sentences = 3;
  // A verb of saying makes a statement when a person mention is at most
  // this many words away. Default 4.
  size_t speaker_window = 4;
  // A locative word introduces a location mention at most this many words
  // after it ("dans la province d'Alep"). Default 4.
  size_t place_window = 4;
  // At most this many participants per event (the nearest to the trigger).
  // Default 8.
  size_t max_participants = 8;
};

// The events of `text` (a document's clean text, valid UTF-8), in text
// order, one per trigger (not merged: LinkEvents does that). `sentences` are
// the text's sentences (Languages::sentences), `mentions` and `dates` what
// SpotMentions and FindDates found in the same text, `published` the
// document's ISO date ("" unknown). Linear in the text; thread-safe.
std::vector<Event> FindEvents(std::string_view text, const std::vector<SentenceLanguage>& sentences,
                              const std::vector<Mention>& mentions,
                              const std::vector<DateMention>& dates, std::string_view published,
                              const EventOptions& options = EventOptions());

// The events of one document with entity keys, merged (see the top of this
// file). `events` are FindEvents' for `text`; `mentions` are
// EntityLinker::LinkDocument's for the same document, in the same order as
// the mentions FindEvents was given.
std::vector<LinkedEvent> LinkEvents(std::string_view text, const std::vector<Event>& events,
                                    const std::vector<LinkedMention>& mentions);

// One actor-action-actor row in CAMEO's terms (the event codes GDELT uses).
struct CameoRow {
  EventType type = EventType::kMeeting;
  std::string code;   // CAMEO event code: "040", "041", "042", "010", "057", "180", "173"
  std::string root;   // its root (first two digits): "04", "01", "05", "18", "17"
  EventActor actor1;  // who acts; entity "" when unknown
  EventActor actor2;  // whom it is done to or with; entity "" when none
  std::string date;   // the event's
  std::string place;  // the place's entity key, "" unknown
  size_t event = 0;   // index of the event in LinkEvents' result
};

// The CAMEO code of an event type: meeting 040 (consult), call 041 (discuss
// by telephone), visit 042 (make a visit), statement and press_conference
// 010 (make statement), agreement 057 (sign formal agreement), attack 180
// (use unconventional violence), arrest 173 (arrest, detain).
std::string_view CameoCode(EventType type);

// The rows of the events: actor1 is the first participant (for an arrest,
// the first organisation: the police, not the arrested), and each other
// participant gives one row actor1 -> it; an event with one participant gives
// one row with no actor2, one with none gives no row. At most
// `max_rows_per_event` rows per event.
std::vector<CameoRow> CameoRows(const std::vector<LinkedEvent>& events,
                                size_t max_rows_per_event = 16);

}  // namespace qantara::news

#endif  // QANTARA_NEWS_EVENTS_H_
