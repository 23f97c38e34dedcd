// A news database as FollowTheMoney entities (the model of Aleph and
// OpenSanctions), one JSON object per line: {"id", "schema", "properties":
// {prop: [values]}}. The mapping (docs/export.md has the why):
//   person / organisation entity  -> Person / Organization (name, alias)
//   place                         -> Address (name, full, country when a country)
//   listed entity                 -> + Sanction (entity, authority = list,
//                                    authorityId = ref, program, listingDate)
//                                    and topics "sanction" on the entity
//   document                      -> Article (name, title, fileName = doc key,
//                                    publishedAt, sourceUrl, bodyText, language,
//                                    peopleMentioned, companiesMentioned, locationMentioned)
//   person/org mentioned in it    -> Mention (document, resolved, name as written,
//                                    detectedSchema), Aleph's form for a name found
//                                    in a document and resolved to an entity
//   place mentioned in it         -> Documentation (document, entity, role "mentioned")
//   event                         -> Event (name, summary = sentence, date,
//                                    location, addressEntity, involved, proof, sourceUrl)
// Ids are "qantara-" + SHA-1 of what the object stands for (entity key,
// document key, ...): the same database gives the same ids on every run.
#ifndef QANTARA_EXPORT_FTM_H_
#define QANTARA_EXPORT_FTM_H_

#include <string>
#include <vector>

#include "news/model.h"

namespace qantara::export_ {

// One JSON object (no newline) per entity: entities first, then sanctions,
// then per document its Article, Mentions, Documentations and Events.
std::vector<std::string> FtmEntities(const news::NewsExport& data);

// The FollowTheMoney id of the entity `key` ("p:nasser-bourita").
std::string FtmEntityId(const std::string& key);

}  // namespace qantara::export_

#endif  // QANTARA_EXPORT_FTM_H_
