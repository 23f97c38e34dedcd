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

// {"doc", "title", "published", "languages", "text", "removed", "mentions", "dates"}
// (+ "url" when known, "published_how", "notes" when decoding did something).
std::string DocumentLine(const news::ReadDocument& doc,
                         const std::vector<news::LinkedMention>& mentions);

// {"doc", "error"}
std::string ErrorLine(std::string_view doc, std::string_view error);

// A few lines for a person reading at a terminal.
std::string ReadableDocument(const news::ReadDocument& doc,
                             const std::vector<news::LinkedMention>& mentions);

}  // namespace qantara::cli

#endif  // QANTARA_CLI_READ_JSON_H_
