// Reading one news document: the pipeline of `qantara read` for one
// document, up to (not including) entity linking, which news/entities.h does
// afterwards in input order.
//
//   SourceDocument --PageOf--> Page --(SiteLines of the run)--> ReadPage:
//     clean (clean.h) -> published date (metadata, byline, dateline, inferred)
//     -> languages per sentence (language.h) -> dates (dates.h) -> mentions
//     (mentions.h) -> events (events.h)
//
// PageOf and ReadPage are thread-safe: a run calls them for many documents
// at once and keeps SiteLines and the linker on one thread.
#ifndef QANTARA_NEWS_READ_H_
#define QANTARA_NEWS_READ_H_

#include <string>
#include <vector>

#include "base/status.h"
#include "news/clean.h"
#include "news/dates.h"
#include "news/document.h"
#include "news/events.h"
#include "news/gazetteer.h"
#include "news/html.h"
#include "news/language.h"
#include "news/mentions.h"
#include "news/minhash.h"

namespace qantara::news {

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

// The page of a source document: HTML parsed into blocks, plain text split
// into lines. Fails only on HTML libxml2 cannot read at all.
Result<Page> PageOf(const SourceDocument& source);

// Which site a document belongs to, for SiteLines: the URL's host, else the
// folder of the path, else "".
std::string SiteOf(const SourceDocument& source);

// Reads a page. `site_lines` (may be null) knows the lines other pages of
// the run's sites repeat.
ReadDocument ReadPage(const SourceDocument& source, const Page& page, const SiteLines* site_lines,
                      const Gazetteer& gazetteer);

}  // namespace qantara::news

#endif  // QANTARA_NEWS_READ_H_
