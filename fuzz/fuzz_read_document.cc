// libFuzzer target: the per-document pipeline of `qantara read` (src/news/):
// DecodeText, then PageOf (HTML or plain text, by the first byte's low bit),
// ReadPage and entity linking; and the WARC reader on the same bytes.
// Properties:
//   - the clean text, title, removed blocks and every mention/date text are
//     valid UTF-8;
//   - every mention and date's [start, end) lies in `text` and selects its text;
//   - language shares are in (0, 1] and sum to 1 (when there are any);
//   - reading is deterministic (the same bytes read twice give the same text);
//   - the WARC reader stops on bad input with a Status, never crashes.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "news/encoding.h"
#include "news/entities.h"
#include "news/read.h"
#include "news/warc.h"
#include "text/utf8.h"

namespace {

using namespace qantara;

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_read_document: property failed: %s\n", what);
    std::abort();
  }
}

bool Valid(std::string_view s) { return text::ValidateUtf8(s).ok(); }

template <typename Spans>
void CheckSpans(const std::string& text, const Spans& spans) {
  for (const auto& s : spans) {
    Check(s.start <= s.end && s.end <= text.size(), "span inside the text");
    Check(text.compare(s.start, s.end - s.start, s.text) == 0, "span selects its text");
    Check(Valid(s.text), "span text is valid UTF-8");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  news::SourceDocument doc;
  doc.doc = "fuzz";
  doc.format = size > 0 && (data[0] & 1) ? news::SourceDocument::Format::kHtml
                                          : news::SourceDocument::Format::kText;
  doc.body = news::DecodeText(bytes, "", &doc.notes);
  Check(Valid(doc.body), "decoded body is valid UTF-8");
  Result<news::Page> page = news::PageOf(doc);
  if (page.ok()) {
    news::SiteLines lines;
    lines.AddPage("site", page->blocks);
    const auto& gazetteer = news::Gazetteer::BuiltIn();
    news::ReadDocument r = news::ReadPage(doc, *page, &lines, gazetteer);
    Check(Valid(r.text) && Valid(r.title), "text and title are valid UTF-8");
    for (const std::string& removed : r.removed) Check(Valid(removed), "removed is valid UTF-8");
    CheckSpans(r.text, r.mentions);
    CheckSpans(r.text, r.dates);
    double total = 0;
    for (const auto& share : r.languages.shares) {
      Check(share.share > 0 && share.share <= 1.0 + 1e-9, "a share is in (0, 1]");
      total += share.share;
    }
    Check(r.languages.shares.empty() || std::fabs(total - 1.0) < 1e-6, "shares sum to 1");
    news::EntityLinker linker(nullptr);
    Check(linker.LinkDocument(r.mentions).size() <= r.mentions.size(), "linking keeps mentions");
    Check(news::ReadPage(doc, *page, &lines, gazetteer).text == r.text, "reading is deterministic");
  }
  news::WarcReader warc(bytes, 1 << 20);
  news::WarcRecord record;
  for (int i = 0; i < 64 && warc.Next(&record); ++i) {
    Check(record.oversized || record.block.size() == record.content_length, "block size");
  }
  return 0;
}
