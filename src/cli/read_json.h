// The output of `qantara read`: DESIGN.md's document line, an error line,
// and a readable form for a terminal.
#ifndef QANTARA_CLI_READ_JSON_H_
#define QANTARA_CLI_READ_JSON_H_

#include <string>
#include <string_view>
#include <vector>

#include "news/entities.h"
#include "news/read.h"

namespace qantara::cli {

// {"doc", "title", "published", "languages", "text", "removed", "mentions", "dates",
// "events", "story"} (+ "url" when known, "published_how", "notes" when decoding did
// something). An event is {"type", "text", "start", "end", "date", "date_from" (when dated:
// "text" or "published"), "place", "participants", "sentence"}; `events` are
// news::LinkEvents' for the document, `story` its news::StoryClusterer key.
std::string DocumentLine(const news::ReadDocument& doc,
                         const std::vector<news::LinkedMention>& mentions,
                         const std::vector<news::LinkedEvent>& events, std::string_view story);

enum class CameoFormat { kJsonl, kTsv };

// The document's events as CAMEO actor-action-actor rows (news::CameoRows),
// one line each, every line ending in '\n' ("" when there are none). JSON
// Lines: {"doc", "date", "actor1", "actor1_name", "code", "root", "type",
// "actor2", "actor2_name", "place", "event"} (null when unknown; `event` is
// the index in the document line's `events`). TSV: the same columns in that
// order, tabs and line breaks in values turned into spaces.
std::string CameoLines(const news::ReadDocument& doc, const std::vector<news::LinkedEvent>& events,
                       CameoFormat format);
// The TSV's header line, ending in '\n'.
std::string_view CameoTsvHeader();

// {"doc", "error"}
std::string ErrorLine(std::string_view doc, std::string_view error);

// A few lines for a person reading at a terminal.
std::string ReadableDocument(const news::ReadDocument& doc,
                             const std::vector<news::LinkedMention>& mentions,
                             const std::vector<news::LinkedEvent>& events, std::string_view story);

}  // namespace qantara::cli

#endif  // QANTARA_CLI_READ_JSON_H_
