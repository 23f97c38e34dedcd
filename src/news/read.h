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
#include "news/model.h"

namespace qantara::news {

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
