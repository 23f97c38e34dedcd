// HTML page -> Page, in one pass of libxml2's HTML parser in SAX mode.
//
// Why SAX and not htmlReadMemory plus a tree walk: on a 50 MB page of small
// elements the tree took 1.2 GB and 4.9 s; the SAX pass takes about 100 MB
// (the page itself included) and 0.7 s, and libxml2's tree builder stops at
// 256 levels of nesting (silently dropping the rest of the page) where its
// SAX parser does not. PageBuilder keeps one 16-byte Frame per open element,
// with every inherited fact (block kind, furniture, skipped, inside a link,
// inside <article>) copied down at push time, so no event ever looks up the
// stack and nothing recurses. The rules are listed in html.h.
#include "news/html.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include <array>
#include <climits>
#include <cstring>
#include <mutex>
#include <nlohmann/json.hpp>

#include "base/ascii.h"

namespace qantara::news {
namespace {

std::string_view View(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

// The value of attribute `name` in libxml2's SAX attribute list, or "".
std::string_view Attribute(const xmlChar** attrs, std::string_view name) {
  for (const xmlChar** a = attrs; a != nullptr && a[0] != nullptr; a += 2) {
    if (View(a[0]) == name) return View(a[1]);
  }
  return {};
}

bool OneOf(std::string_view s, std::initializer_list<std::string_view> set) {
  for (std::string_view x : set) {
    if (s == x) return true;
  }
  return false;
}

bool IsSkipped(std::string_view tag) {
  return OneOf(tag, {"script", "style", "noscript", "template", "svg", "math", "iframe", "object",
                     "select", "button", "head"});
}

bool IsBlock(std::string_view tag) {
  return OneOf(tag, {"p",          "h1",      "h2",      "h3",    "h4",      "h5",         "h6",
                     "li",         "dd",      "dt",      "td",    "th",      "blockquote", "pre",
                     "figcaption", "caption", "address", "div",   "section", "article",    "main",
                     "header",     "footer",  "nav",     "aside", "table",   "tr",         "thead",
                     "tbody",      "tfoot",   "ul",      "ol",    "dl",      "form",       "figure",
                     "fieldset",   "details", "summary", "hr",    "body",    "menu",       "center",
                     "legend",     "option"});
}

Block::Kind KindOf(std::string_view tag) {
  if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') {
    return Block::Kind::kHeading;
  }
  if (OneOf(tag, {"li", "dd", "dt"})) return Block::Kind::kListItem;
  if (OneOf(tag, {"td", "th", "caption", "figcaption", "pre", "address"})) {
    return Block::Kind::kOther;
  }
  return Block::Kind::kParagraph;
}

// Class or id words that mark page furniture (html.h).
bool MarksFurniture(std::string_view class_and_id) {
  if (class_and_id.empty()) return false;
  std::string s = AsciiLower(class_and_id);
  static constexpr std::string_view kWords[] = {
      "nav",       "menu",    "share",  "social",  "cookie",     "consent",
      "comment",   "related", "footer", "sidebar", "breadcrumb", "newsletter",
      "subscribe", "advert",  "promo",  "tags",    "author-bio", "widget"};
  for (std::string_view w : kWords) {
    if (s.find(w) != std::string::npos) return true;
  }
  for (size_t at = s.find("ad-"); at != std::string::npos; at = s.find("ad-", at + 1)) {
    if (at == 0 || s[at - 1] == ' ' || s[at - 1] == '-' || s[at - 1] == '_') return true;
  }
  return false;
}

// Where `published` came from; a lower rank wins.
enum PublishedRank { kArticleMeta, kNamedMeta, kItemprop, kJsonLd, kTimeElement, kRanks };

struct Frame {
  const xmlChar* name;  // interned by libxml2's dictionary
  Block::Kind kind;     // of the innermost block element, this one included
  bool block : 1;
  bool furniture : 1;
  bool skip : 1;
  bool link : 1;
  bool article : 1;   // inside <article> or <main>
  bool header : 1;    // inside <header>
  bool captures : 1;  // ends a capture (title, h1, itemprop, JSON-LD)
};

class PageBuilder {
 public:
  void Start(const xmlChar* name, const xmlChar** attrs);
  void End(const xmlChar* name);
  void Text(std::string_view chars);
  Page Finish();

 private:
  enum class Capture { kNone, kTitle, kH1, kItemprop, kJsonLd };
  Frame MakeFrame(const xmlChar* name, std::string_view tag, const xmlChar** attrs) const;
  void ReadMetadata(std::string_view tag, const xmlChar** attrs, Frame* frame);
  void Pop();
  void Flush();
  void AppendText(std::string_view chars);
  void EndCapture();
  void SetPublished(PublishedRank rank, std::string_view value);
  void ReadJsonLd();
  std::string TitleWithoutSiteName() const;

  Page page_;
  std::vector<Frame> stack_;
  std::string text_;
  size_t link_bytes_ = 0;
  size_t furniture_bytes_ = 0;
  bool pending_space_ = false;
  Capture capture_ = Capture::kNone;
  std::string captured_;
  std::string title_, og_title_, h1_;
  bool seen_title_ = false, seen_h1_ = false;
  std::array<std::string, kRanks> published_;
};

Frame PageBuilder::MakeFrame(const xmlChar* name, std::string_view tag,
                             const xmlChar** attrs) const {
  Frame parent{nullptr, Block::Kind::kParagraph, false, false, false, false, false, false, false};
  if (!stack_.empty()) parent = stack_.back();
  Frame f = parent;
  f.name = name;
  f.block = IsBlock(tag);
  f.captures = false;
  if (f.block) f.kind = KindOf(tag);
  f.skip = parent.skip || IsSkipped(tag);
  f.link = parent.link || tag == "a";
  f.article = parent.article || tag == "article" || tag == "main";
  f.header = parent.header || tag == "header";
  std::string class_and_id =
      std::string(Attribute(attrs, "class")) + " " + std::string(Attribute(attrs, "id"));
  f.furniture = parent.furniture || OneOf(tag, {"nav", "footer", "aside", "form", "menu"}) ||
                (tag == "header" && !parent.article) || MarksFurniture(class_and_id);
  return f;
}

void PageBuilder::Start(const xmlChar* name, const xmlChar** attrs) {
  std::string_view tag = View(name);
  Frame frame = MakeFrame(name, tag, attrs);
  if (frame.block || tag == "br") Flush();
  ReadMetadata(tag, attrs, &frame);
  stack_.push_back(frame);
}

void PageBuilder::ReadMetadata(std::string_view tag, const xmlChar** attrs, Frame* frame) {
  auto begin_capture = [&](Capture what) {
    if (capture_ != Capture::kNone) return;
    capture_ = what;
    captured_.clear();
    frame->captures = true;
  };
  if (tag == "meta") {
    std::string property = AsciiLower(Attribute(attrs, "property"));
    std::string name = AsciiLower(Attribute(attrs, "name"));
    std::string_view content = Attribute(attrs, "content");
    if (property == "og:title") og_title_ = std::string(content);
    if (property == "article:published_time") SetPublished(kArticleMeta, content);
    if (OneOf(name, {"date", "pubdate", "publish-date", "publishdate", "dc.date.issued",
                     "dcterms.issued"})) {
      SetPublished(kNamedMeta, content);
    }
  }
  if (Attribute(attrs, "itemprop") == "datePublished") {
    std::string_view value = Attribute(attrs, "content");
    if (value.empty()) value = Attribute(attrs, "datetime");
    if (!value.empty())
      SetPublished(kItemprop, value);
    else if (!frame->skip)
      begin_capture(Capture::kItemprop);
  }
  if (tag == "time" && (frame->article || frame->header)) {
    SetPublished(kTimeElement, Attribute(attrs, "datetime"));
  }
  if (tag == "title" && !seen_title_ &&
      !(stack_.size() > 0 && stack_.back().skip && View(stack_.back().name) != "head")) {
    seen_title_ = true;
    begin_capture(Capture::kTitle);
  }
  if (tag == "h1" && !seen_h1_ && !frame->skip) {
    seen_h1_ = true;
    begin_capture(Capture::kH1);
  }
  if (tag == "script" &&
      AsciiLower(Attribute(attrs, "type")).find("ld+json") != std::string::npos) {
    begin_capture(Capture::kJsonLd);
  }
}

void PageBuilder::End(const xmlChar* name) {
  // libxml2 balances its events; still, an unmatched end must not unwind the page.
  for (size_t i = stack_.size(); i-- > 0;) {
    if (stack_[i].name == name || View(stack_[i].name) == View(name)) {
      while (stack_.size() > i) Pop();
      return;
    }
  }
}

void PageBuilder::Pop() {
  Frame frame = stack_.back();
  if (frame.captures) EndCapture();
  if (frame.block) Flush();
  stack_.pop_back();
}

void PageBuilder::Text(std::string_view chars) {
  if (capture_ != Capture::kNone) {
    if (captured_.size() < (size_t{1} << 20)) captured_.append(chars);
    if (capture_ == Capture::kJsonLd || capture_ == Capture::kTitle) return;
  }
  if (stack_.empty() || stack_.back().skip) return;
  AppendText(chars);
}

// Appends with runs of white space (and no-break spaces) collapsed to one space.
void PageBuilder::AppendText(std::string_view chars) {
  const Frame& where = stack_.back();
  size_t before = text_.size();
  for (size_t i = 0; i < chars.size(); ++i) {
    char c = chars[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      pending_space_ = true;
      continue;
    }
    if (c == '\xC2' && i + 1 < chars.size() && chars[i + 1] == '\xA0') {  // NO-BREAK SPACE
      pending_space_ = true;
      ++i;
      continue;
    }
    if (pending_space_ && !text_.empty()) {
      text_.push_back(' ');
      if (text_.size() == before + 1) ++before;  // the separator belongs to neither side
    }
    pending_space_ = false;
    text_.push_back(c);
  }
  if (where.link) link_bytes_ += text_.size() - before;
  if (where.furniture) furniture_bytes_ += text_.size() - before;
}

void PageBuilder::Flush() {
  if (!text_.empty()) {
    Block block;
    block.kind = stack_.empty() ? Block::Kind::kParagraph : stack_.back().kind;
    block.text = std::move(text_);
    block.link_bytes = link_bytes_;
    block.furniture = furniture_bytes_ * 2 > block.text.size();
    page_.blocks.push_back(std::move(block));
  }
  text_.clear();
  link_bytes_ = furniture_bytes_ = 0;
  pending_space_ = false;
}

std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

void PageBuilder::EndCapture() {
  switch (capture_) {
    case Capture::kTitle:
      title_ = Collapse(captured_);
      break;
    case Capture::kH1:
      h1_ = Collapse(captured_);
      break;
    case Capture::kItemprop:
      SetPublished(kItemprop, Collapse(captured_));
      break;
    case Capture::kJsonLd:
      ReadJsonLd();
      break;
    case Capture::kNone:
      break;
  }
  capture_ = Capture::kNone;
  captured_.clear();
}

void PageBuilder::SetPublished(PublishedRank rank, std::string_view value) {
  std::string v = Collapse(value);
  if (published_[rank].empty()) published_[rank] = std::move(v);
}

// Finds "datePublished" anywhere in the JSON-LD (top level, @graph, arrays).
void PageBuilder::ReadJsonLd() {
  if (!published_[kJsonLd].empty()) return;
  try {
    nlohmann::json doc = nlohmann::json::parse(captured_, nullptr, /*allow_exceptions=*/false);
    std::vector<const nlohmann::json*> todo = {&doc};
    while (!todo.empty()) {
      const nlohmann::json* j = todo.back();
      todo.pop_back();
      if (j->is_object()) {
        auto it = j->find("datePublished");
        if (it != j->end() && it->is_string()) {
          SetPublished(kJsonLd, it->get_ref<const std::string&>());
          return;
        }
      }
      if (j->is_structured()) {
        for (auto it = j->rbegin(); it != j->rend(); ++it) todo.push_back(&*it);
      }
    }
  } catch (const std::exception&) {
    // Broken JSON-LD is common and says nothing about the page: ignore it.
  }
}

std::string PageBuilder::TitleWithoutSiteName() const {
  static constexpr std::string_view kSeparators[] = {
      " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " : "};  // EN DASH, EM DASH
  for (std::string_view sep : kSeparators) {
    size_t last = title_.rfind(sep);
    size_t first = title_.find(sep);
    for (std::string_view rest :
         {last == std::string::npos ? std::string_view() : std::string_view(title_).substr(0, last),
          first == std::string::npos ? std::string_view()
                                     : std::string_view(title_).substr(first + sep.size())}) {
      if (!rest.empty() && (rest == og_title_ || rest == h1_)) return std::string(rest);
    }
  }
  return title_;
}

Page PageBuilder::Finish() {
  while (!stack_.empty()) Pop();
  Flush();
  page_.title = title_.empty() ? Collapse(og_title_) : TitleWithoutSiteName();
  for (std::string& p : published_) {
    if (!p.empty()) {
      page_.published = std::move(p);
      break;
    }
  }
  return std::move(page_);
}

PageBuilder* Builder(void* ctx) {
  return static_cast<PageBuilder*>(static_cast<htmlParserCtxtPtr>(ctx)->_private);
}

}  // namespace

Result<Page> ParseHtml(std::string_view html_utf8) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  if (html_utf8.empty()) return Page{};
  if (html_utf8.size() > static_cast<size_t>(INT_MAX)) {
    return Status::ResourceExhausted("HTML page larger than 2 GB");
  }
  htmlParserCtxtPtr ctxt =
      htmlCreateMemoryParserCtxt(html_utf8.data(), static_cast<int>(html_utf8.size()));
  if (ctxt == nullptr) return Status::Internal("libxml2 could not start its HTML parser");
  PageBuilder builder;
  ctxt->_private = &builder;
  // HTML_PARSE_IGNORE_ENC: the text is already UTF-8 whatever its <meta> says.
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_IGNORE_ENC);
  xmlSAXHandler handler;
  std::memset(&handler, 0, sizeof handler);
  handler.startElement = [](void* ctx, const xmlChar* name, const xmlChar** attrs) {
    Builder(ctx)->Start(name, attrs);
  };
  handler.endElement = [](void* ctx, const xmlChar* name) { Builder(ctx)->End(name); };
  auto text = [](void* ctx, const xmlChar* chars, int len) {
    Builder(ctx)->Text(std::string_view(reinterpret_cast<const char*>(chars), len));
  };
  handler.characters = text;
  handler.cdataBlock = text;           // <script> and <style> content comes this way
  handler.ignorableWhitespace = text;  // "a</b> <i>b": that space separates words
  std::memcpy(ctxt->sax, &handler, sizeof handler);
  ctxt->userData = ctxt;
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  htmlParseDocument(ctxt);
  if (ctxt->myDoc != nullptr) xmlFreeDoc(ctxt->myDoc);
  htmlFreeParserCtxt(ctxt);
  return builder.Finish();
}

}  // namespace qantara::news
