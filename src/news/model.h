// The news model: the plain data the pipeline produces and the news store
// (store/news_store.h) and the exports (export/) read and write, apart from
// the code that makes it. A document as read (ReadDocument) with its
// mentions, dates, languages, events and text signature; linked mentions and
// events; entities as stored between runs; a story's evidence; everything a
// news database holds, for `qantara export` (NewsExport). The pipeline's
// headers (read.h, mentions.h, dates.h, events.h, entities.h, stories.h,
// minhash.h ...) include this one, so either name works for a caller.
//
// Only the standard library and other models (lists/entity.h) here: whoever
// includes it does not see the pipeline. Plain structs; the few functions
// declared here are defined with the pipeline (gazetteer.cc, events.cc).
#ifndef QANTARA_NEWS_MODEL_H_
#define QANTARA_NEWS_MODEL_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lists/entity.h"

namespace qantara::news {

enum class MentionType { kPerson, kOrganization, kLocation };
std::string_view MentionTypeName(MentionType type);  // "person", "organization", "location"

struct GazetteerEntry;  // news/gazetteer.h

struct Mention {
  size_t start = 0, end = 0;  // UTF-8 byte offsets into the text
  std::string text;           // text.substr(start, end - start)
  MentionType type = MentionType::kPerson;
  const GazetteerEntry* entry = nullptr;  // set when the gazetteer named it
  std::string cue;                        // why: "gazetteer", "title", "saying_verb", "given_name",
                                          // "capitals", "known_name", "cross_script", "org_head",
                                          // "tagger" (the tagger's own span)
};

// One sentence (text::Sentences) and its language.
struct SentenceLanguage {
  size_t start = 0, end = 0;  // UTF-8 byte offsets into the text given
  std::string lang;           // ISO 639-1 ("ar", "fr", "en", ...; a 3-letter ISO 639 code
                              // when a language has none), or "und"
};

// A language and the share of the document's letters written in it.
struct LanguageShare {
  std::string lang;
  double share = 0;  // in (0, 1]
};

struct Languages {
  std::vector<SentenceLanguage> sentences;  // in text order, one per sentence
  std::vector<LanguageShare> shares;        // sum to 1, largest first (ties by code); empty
                                            // when the text has no letters
};

// One date expression found in a text.
struct DateMention {
  size_t start = 0, end = 0;  // UTF-8 byte offsets into the text given
  std::string text;           // exactly text.substr(start, end - start)
  std::string value;          // IsoValue of the resolved date ("" when it cannot be resolved);
                              // may also be an ISO week "YYYY-Www"
  bool relative = false;      // resolved against the anchor (hier, ce mercredi, le 6 fevrier...)
};

// The least of 64 hash functions over the shingles, each. A text of fewer
// than three words has no shingle (every value is the maximum).
inline constexpr int kMinHashes = 64;
using MinHashSignature = std::array<uint32_t, kMinHashes>;

struct TextSignature {
  MinHashSignature minhash{};
  size_t words = 0;  // words of the text (short texts are not compared as copies)
};

struct Listed {
  std::string list, ref, caption;
  double score = 0;
};

struct LinkedMention {
  Mention mention;
  std::string entity;     // "p:nasser-bourita", "o:isil", "l:washington"
  std::string canonical;  // the entity's best Latin form so far
  std::optional<Listed> listed;
};

// An entity as a store keeps it between runs.
struct EntityRecord {
  std::string key;
  MentionType type = MentionType::kPerson;
  std::string canonical;
  std::vector<std::string> names;  // forms seen (the fullest first), at most kMaxNames
  std::optional<Listed> listed;
  static constexpr size_t kMaxNames = 16;
};

// DESIGN.md's event types; the values are a format (never renumber).
enum class EventType : uint8_t {
  kMeeting = 0,
  kVisit = 1,
  kCall = 2,
  kStatement = 3,
  kPressConference = 4,
  kAgreement = 5,
  kAttack = 6,
  kArrest = 7,
};
inline constexpr int kEventTypes = 8;

// "meeting", "visit", "call", "statement", "press_conference", "agreement",
// "attack", "arrest".
std::string_view EventTypeName(EventType type);
std::optional<EventType> EventTypeFromName(std::string_view name);

// How an event got its date.
enum class EventDateSource : uint8_t { kNone, kText, kPublished };

// An event of one document, before its mentions are linked.
struct Event {
  EventType type = EventType::kMeeting;
  size_t start = 0, end = 0;  // the trigger's UTF-8 byte offsets in the text
  std::string text;           // the trigger, text.substr(start, end - start)
  std::string date;           // ISO value as dates.h writes them; "" unknown
  EventDateSource date_source = EventDateSource::kNone;
  std::optional<size_t> place;       // index into the document's mentions (a location)
  std::vector<size_t> participants;  // indices into the mentions (persons, organisations)
  size_t sentence_start = 0, sentence_end = 0;  // the sentence, offsets in the text
};

// A participant or place of a linked event.
struct EventActor {
  std::string entity;     // the mention's entity key ("p:nasser-bourita")
  std::string canonical;  // its best Latin form
  MentionType type = MentionType::kPerson;
};

// DESIGN.md's event: {"type", "text", "start", "end", "date", "place",
// "participants", "sentence"}.
struct LinkedEvent {
  EventType type = EventType::kMeeting;
  size_t start = 0, end = 0;  // the first trigger of the merged events
  std::string text;
  std::string date;  // "" unknown
  EventDateSource date_source = EventDateSource::kNone;
  std::optional<EventActor> place;
  std::vector<EventActor> participants;  // distinct entities, first seen first
  std::string sentence;                  // the sentence of the first trigger
  size_t merged = 1;                     // how many triggers of the text it stands for
};

// A document read, before its mentions are linked.
struct ReadDocument {
  std::string doc;
  std::string url;
  std::string title;
  std::string published;  // ISO date ("2019-02-05", or coarser), "" when unknown
  std::string
      published_how;  // "source", "metadata", "byline", "dateline", "page_date", "inferred", ""
  Languages languages;
  std::string text;  // the clean text: mentions' and dates' offsets point into it
  std::vector<std::string> removed;
  std::vector<Mention> mentions;
  std::vector<DateMention> dates;
  std::vector<Event> events;       // by trigger, mentions by index (LinkEvents links and merges)
  TextSignature signature;         // of `text`, for near-duplicate stories (stories.h)
  std::vector<std::string> notes;  // what decoding and parsing did
  std::string extra_json;          // other fields of a JSON Lines input line
};

// What the clusterer needs of one document once its mentions and events are
// linked.
struct StoryEvidence {
  std::string doc;                         // the document's `doc`
  std::string text;                        // its clean text, when `signature` is not given
  std::optional<TextSignature> signature;  // SignatureOf(text), computed beforehand
  std::string published;                   // ISO date ("2019-02-05"), "" or coarser when unknown
  std::vector<std::string> actors;         // entity keys of its persons and organisations
  std::vector<std::string> places;         // entity keys of its locations
  std::vector<std::string> events;         // EventSignature() of its events with a full date
  std::vector<std::string> event_days;     // "type|date" of its events with a full date
};

// One stored document. `read` holds doc, url, title, published, languages
// (shares only), text and dates; its `mentions`, `events`, `removed`,
// `published_how` and `notes` are empty (the store does not keep them).
struct ExportedDocument {
  ReadDocument read;
  std::vector<LinkedMention> mentions;  // in text order; canonical and listed from the entity
  std::vector<LinkedEvent> events;      // actors carry entity keys, canonical forms and types
  std::string story;                    // "" when none
};

struct NewsExport {
  std::vector<ExportedDocument> documents;  // in the order they were stored
  std::vector<EntityRecord> entities;       // every stored entity, in the order stored
  // The entries of the lists given to the export, by "list:ref" (empty
  // without lists): they add programs and listing dates to listed entities.
  std::map<std::string, lists::Entity> list_entries;
  // When the database was last written, "YYYY-MM-DD HH:MM:SS" (UTC), "" when
  // unknown: the created/modified time of the exported objects, so that the
  // same database exports the same bytes.
  std::string written_at;
};

}  // namespace qantara::news

#endif  // QANTARA_NEWS_MODEL_H_
