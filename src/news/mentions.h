// Mention spotting: the persons, organisations and places a text names, by
// rules over words (titles, verbs of saying, capitals, particles) and the
// gazetteer (news/gazetteer.h). Linking mentions to entities across
// documents and to the lists is news/entities.h's job.
#ifndef QANTARA_NEWS_MENTIONS_H_
#define QANTARA_NEWS_MENTIONS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "news/gazetteer.h"

namespace qantara::news {

struct Mention {
  size_t start = 0, end = 0;  // UTF-8 byte offsets into the text
  std::string text;           // text.substr(start, end - start)
  MentionType type = MentionType::kPerson;
  const GazetteerEntry* entry = nullptr;  // set when the gazetteer named it
  std::string cue;            // why: "gazetteer", "title", "saying_verb", "given_name",
                              // "capitals", "known_name", "cross_script", "org_head"
};

// Mentions of `text` (valid UTF-8), in text order, not overlapping.
// Thread-safe.
std::vector<Mention> SpotMentions(std::string_view text, const Gazetteer& gazetteer);

}  // namespace qantara::news

#endif  // QANTARA_NEWS_MENTIONS_H_
