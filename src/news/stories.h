// Stories: the documents of a run that report one story, across languages,
// under one key (DESIGN.md's `story`, "s:" + 12 hex digits).
//
// A document joins the earliest story that one of its earlier documents
// shares with it by:
//  1. near-duplicate text: the sets of its word 3-shingles (matching forms,
//     so case, accents and Arabic spelling variants do not count) overlap by
//     `min_similarity` (Jaccard) or more, estimated by MinHash; a copy, a wire
//     story republished with its own headline, a page read twice;
//  2. one event: an event of the same type, full date and place (the French
//     and Arabic reports of one press conference share no words, but they
//     share "press_conference|2022-05-11|l:marrakech");
//  3. one event seen from two sides: an event of the same type and full date
//     in both, with at least one person or organisation and one place in
//     common (a translation whose event sentence names no place: "four men
//     were arrested on January 15" beside "arretes ... a Tunis");
//  4. the same people at the same time: at least `shared_actors` persons or
//     organisations and one place in common, published at most
//     `max_days_apart` days apart.
// Otherwise it starts a story, keyed by its own `doc`. Meetings of one
// series in different years share actors and places but not dates: they stay
// distinct stories (a thread of stories is a later step).
//
// Not thread-safe: one clusterer per run, fed in input order, so that keys
// do not depend on thread timing. A run that adds to a database first seeds
// the clusterer with the documents stored before (Seed), so that a document
// read today joins the story it continues under that story's key.
#ifndef QANTARA_NEWS_STORIES_H_
#define QANTARA_NEWS_STORIES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "news/entities.h"
#include "news/events.h"
#include "news/minhash.h"
#include "news/model.h"
#include "news/read.h"

namespace qantara::news {

struct StoryOptions {
  double min_similarity = 0.6;  // rule 1: shingle sets' Jaccard similarity, estimated
  size_t min_words = 30;        // shorter texts are not compared as copies
  size_t shared_actors = 2;     // rule 4: persons or organisations in common
  int max_days_apart = 2;       // rule 4: published this close (both dates known)
};

// "meeting|2019-02-06|l:washington": type, date and place of an event ("" for
// an unknown place).
std::string EventSignature(std::string_view type, std::string_view date, std::string_view place);

// The evidence of a document read and linked: the entity keys of its persons
// and organisations (actors) and of its places, and the signatures of its
// events with a full date and a place; a call, which has no place, is signed
// by its participants instead ("call|2022-05-10|with:p:a,p:b").
StoryEvidence EvidenceOf(const ReadDocument& doc, const std::vector<LinkedMention>& mentions,
                         const std::vector<LinkedEvent>& events);

class StoryClusterer {
 public:
  explicit StoryClusterer(StoryOptions options = StoryOptions());

  // The story key of the next document (input order).
  std::string Add(const StoryEvidence& doc);
  // Remembers a document read before under its story key, as if Add had
  // given it that key (oldest first).
  void Seed(const StoryEvidence& doc, const std::string& story);

 private:
  struct Known {
    size_t story = 0;  // index into keys_
    MinHashSignature minhash{};
    bool compared = false;  // long enough to be compared as a copy
    int64_t day = 0;        // published, days since 1970-01-01
    bool dated = false;
    std::vector<std::string> actors, places;  // sorted, distinct
  };
  Known Prepare(const StoryEvidence& doc) const;
  size_t Join(const StoryEvidence& doc, const Known& me) const;  // SIZE_MAX when none
  void Remember(const StoryEvidence& doc, Known me);               // me.story set

  StoryOptions options_;
  std::vector<std::string> keys_;  // story keys
  std::unordered_map<std::string, size_t> key_index_;  // story key -> index into keys_
  std::vector<Known> docs_;
  std::unordered_map<uint32_t, std::vector<size_t>> bands_;        // band id << 16 | bits -> docs
  std::unordered_map<std::string, size_t> events_;                 // signature -> story
  std::unordered_map<std::string, std::vector<size_t>> event_days_;  // "type|date" -> docs
  std::unordered_map<std::string, std::vector<size_t>> by_actor_;  // actor -> docs (recent)
};

}  // namespace qantara::news

#endif  // QANTARA_NEWS_STORIES_H_
