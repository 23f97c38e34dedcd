// Finding news documents: files, folders, standard input, JSON Lines, WARC.
//
// ForEachDocument is what `qantara read PATH...` walks. Each path is
//  - a file: .txt, .html/.htm, .jsonl/.json, .warc, .warc.gz, or .gz of any of
//    them; the format is chosen by content (WARC version line "WARC/1.", gzip
//    magic 1f 8b, JSON Lines when the first non-blank byte of the first
//    non-blank line is '{', HTML when the file starts, after a BOM, blanks and
//    comments, with <!doctype html, <html, <head or <body), and the name only
//    breaks a tie: a file with HTML tags in its first 1 KB (<p>, <div, <br...)
//    is HTML unless it is named .txt, and a .html/.htm file is HTML;
//  - a folder: walked recursively, entries sorted by name (byte order), hidden
//    entries (".name") skipped, symbolic links to folders not followed;
//  - "-": standard input, read whole.
//
// What a document is:
//  - a text or HTML file: one document, doc = the path as given (in a folder:
//    folder/sub/name);
//  - a JSON Lines line {"id", "url", "published", "title", "text"|"html", ...}:
//    one document; doc = id (a string, or a number as written) or "path:LINE"
//    (from 1) without one; `text` wins over `html` when both are given (html is
//    then kept in extra_json); every other field goes to extra_json; blank
//    lines are skipped;
//  - a WARC record: a "response" whose HTTP payload is HTML (or text/plain), or
//    a "resource"/"conversion" record of text/html or text/plain: doc =
//    "path#N", N being the record's index in the file from 0 (all records
//    counted, see warc.h); url = WARC-Target-URI; body = the HTTP body,
//    decoded with the charset of its Content-Type (else its <meta>); the
//    crawl date (WARC-Date) goes to extra_json as {"crawled": "..."}, never to
//    `published`. Other records (request, warcinfo, metadata, images) are
//    skipped silently. Non-200 responses are skipped too.
#ifndef QANTARA_NEWS_SOURCE_H_
#define QANTARA_NEWS_SOURCE_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "news/document.h"

namespace qantara::news {

struct SourceOptions {
  // A bigger document (file, JSON Lines line, WARC record or its decoded body)
  // is a SourceError (kResourceExhausted) naming it. Default 64 MiB.
  size_t max_document_bytes = size_t{64} << 20;
  // A bigger input file (or its gunzipped content, JSON Lines only; WARC files
  // are inflated record by record) is a SourceError (kResourceExhausted).
  // Default 4 GiB.
  size_t max_file_bytes = size_t{4} << 30;
};

// Walks `paths` in order and calls `on_document` for each document and
// `on_error` for each document (or file, or line, or record) that cannot be
// read, in input order, on the calling thread; never stops early for a bad
// document. Errors name the document: "path: binary file", "path: empty file",
// "path: No such file or directory" (kNotFound), "path:LINE: not JSON (...)",
// "path: record N at byte B: truncated (...)". Returns non-OK only when it
// cannot continue at all (today: never; kept for callers' sake).
Status ForEachDocument(const std::vector<std::string>& paths, const SourceOptions& options,
                       const std::function<void(SourceDocument)>& on_document,
                       const std::function<void(SourceError)>& on_error);

}  // namespace qantara::news

#endif  // QANTARA_NEWS_SOURCE_H_
