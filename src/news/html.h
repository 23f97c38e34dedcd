// Turning an HTML page into text blocks (see document.h: Page, Block).
//
// The page is read with libxml2's HTML parser in SAX mode: no tree is built,
// so memory stays near the size of the page plus its text (a 50 MB page of
// small elements: about 0.7 s and 100 MB, where a libxml2 tree took 1.2 GB),
// and nesting depth costs one small stack entry per open element (100,000
// nested <div> are fine; nothing here recurses).
//
// Blocks: the text between two block boundaries is one Block. Boundaries are
// the start and end of block elements (p, h1-h6, li, dd, dt, td, th,
// blockquote, pre, figcaption, caption, address, div, section, article, main,
// header, footer, nav, aside, table, tr, ul, ol, dl, form, figure...) and <br>,
// so text directly inside a <div> between child blocks, and each <br>-separated
// line, is a block of its own. Kind: h1-h6 -> kHeading; li, dd, dt -> kListItem;
// td, th, caption, figcaption, pre, address -> kOther; anything else
// kParagraph. Skipped with their content: script, style, noscript, template,
// svg, math, iframe, object, select, button, and everything in <head> but the
// title and metadata.
//
// Furniture: a block is furniture when most of its bytes are inside <nav>,
// <footer>, <aside>, <form>, <menu>, a <header> that is not inside <article>
// or <main> (an article's own header holds its headline), or an element whose
// class or id contains, case-insensitively, one of: nav, menu, share, social,
// cookie, consent, comment, related, footer, sidebar, breadcrumb, newsletter,
// subscribe, advert, promo, tags, author-bio, widget, or "ad-" at the start
// of a word ("ad-slot", "top-ad-box", not "head-line").
//
// Title: <title>, with a site name removed when the title is "Rest | Site",
// "Rest - Site" (also en dash, em dash, " :: ", " : ") or "Site | Rest" and Rest
// equals og:title or the first <h1>; og:title when there is no <title>.
// Published, as written, from the first of: <meta property=
// "article:published_time">; <meta name> date, pubdate, publish-date,
// publishdate, dc.date.issued, dcterms.issued (case-insensitive);
// itemprop="datePublished" (content or datetime attribute, else its text);
// "datePublished" in a <script type="application/ld+json"> (anywhere in the
// JSON); the first <time datetime> inside <article> (or inside a <header>).
#ifndef QANTARA_NEWS_HTML_H_
#define QANTARA_NEWS_HTML_H_

#include <string_view>

#include "base/status.h"
#include "news/document.h"

namespace qantara::news {

// Parses `html_utf8` (already decoded: a <meta charset> in it is ignored).
// Fails with kResourceExhausted for a page over 2 GB (the parser's limit) and
// kInternal when libxml2 cannot start. Broken markup is recovered, never an
// error. Thread-safe (libxml2 is initialised once).
Result<Page> ParseHtml(std::string_view html_utf8);

}  // namespace qantara::news

#endif  // QANTARA_NEWS_HTML_H_
