// A news document on its way through `qantara read`: what a source gives
// (SourceDocument), the text blocks a page is made of (Block), and what
// reading returns (the fields of DESIGN.md's "Reading news" contract).
//
// Start here for news/: source.h finds documents in files, folders, JSON
// Lines and WARC archives; html.h turns a page into blocks; clean.h keeps the
// article's blocks; language.h, dates.h and mentions.h read the clean text;
// read.h runs them in that order for one document.
#ifndef QANTARA_NEWS_DOCUMENT_H_
#define QANTARA_NEWS_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "base/status.h"

namespace qantara::news {

// One document as its source gives it, decoded to valid UTF-8.
struct SourceDocument {
  enum class Format { kText, kHtml };
  std::string doc;        // DESIGN's `doc`: the file path, or the `id` of a JSON Lines line
                          // (path:LINE when the line has none), or path#N for the Nth WARC record
  std::string url;        // empty when unknown
  std::string title;      // given by the source (JSON Lines `title`), else empty
  std::string published;  // given by the source (JSON Lines `published`), as written; else empty
  Format format = Format::kText;
  std::string body;       // the text or the HTML, valid UTF-8
  std::string extra_json; // other fields of a JSON Lines line, as a JSON object ("" when none)
  std::vector<std::string> notes;  // what decoding did ("decoded as windows-1256", "mojibake repaired")
};

// A document the source could not give: the rest of the run goes on.
struct SourceError {
  std::string doc;  // as SourceDocument::doc would have been
  Status status;    // names the file and, where there is one, the line or record
};

// A run of text that a page shows as one unit: a paragraph, a heading, a list
// item, a table cell, or a line of a plain-text file.
struct Block {
  enum class Kind { kParagraph, kHeading, kListItem, kOther };
  Kind kind = Kind::kParagraph;
  std::string text;        // whitespace collapsed, trimmed, valid UTF-8
  size_t link_bytes = 0;   // bytes of `text` inside links (<a>)
  // Inside page furniture by markup: <nav>, <header>, <footer>, <aside>,
  // <form>, or an element whose class or id says menu, share, cookie,
  // comment, related, footer, sidebar, breadcrumb, newsletter...
  bool furniture = false;
};

// A page split into blocks, with what its markup says about it.
struct Page {
  std::string title;               // <title> / og:title, else empty
  std::string published;           // article:published_time, <time datetime>, datePublished...,
                                   // as written; else empty
  std::vector<Block> blocks;       // in reading order
};

}  // namespace qantara::news

#endif  // QANTARA_NEWS_DOCUMENT_H_
