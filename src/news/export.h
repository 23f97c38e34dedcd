// What `qantara export` writes, as plain data: the documents a news database
// holds (with their linked mentions, events and story), its entities, and the
// list entries of listed entities when lists were given. export_ftm.h and
// export_stix.h turn it into FollowTheMoney entities and a STIX 2.1 bundle;
// the store fills it (store::NewsStore::Export). The deterministic ids both
// formats use (SHA-1 hex, UUIDv5) are io/digest.h's.
#ifndef QANTARA_NEWS_EXPORT_H_
#define QANTARA_NEWS_EXPORT_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lists/entity.h"
#include "news/entities.h"
#include "news/events.h"
#include "news/read.h"

namespace qantara::news {

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

// `written_at` (or any "YYYY-MM-DD[ HH:MM:SS]" / "YYYY[-MM]" date) as an RFC
// 3339 UTC timestamp with milliseconds ("2019-02-05T00:00:00.000Z"); a date
// missing its month or day takes the first one. "" when `s` is not such a date.
std::string Rfc3339(std::string_view s);

}  // namespace qantara::news

#endif  // QANTARA_NEWS_EXPORT_H_
