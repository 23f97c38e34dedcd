// The one-document pipeline (see read.h). The published date is taken in
// this order: the source's own field (a JSON Lines `published`), the page's
// metadata (meta tags, <time>, JSON-LD), a byline or dateline in the text,
// then what the text says of its own dates (dates.h, FindPublished). A date
// line a page displays on its own (today's date in the site's header) is
// only taken when the text does not contradict it.
#include "news/read.h"

#include <filesystem>

namespace qantara::news {
namespace {

std::string PublishedValue(std::string_view written) {
  if (written.empty()) return "";
  std::optional<CivilDate> d = ParseDateValue(written);
  return d ? IsoValue(*d) : "";
}

std::optional<CivilDate> Anchor(const std::string& iso) {
  if (iso.size() != 10) return std::nullopt;  // a day is needed to resolve "hier"
  CivilDate d;
  d.year = std::stoi(iso.substr(0, 4));
  d.month = std::stoi(iso.substr(5, 2));
  d.day = std::stoi(iso.substr(8, 2));
  return d;
}

// Whether the Latin-script part of a document is mostly English (the tagger
// learnt French and Arabic only).
bool MostlyEnglish(const Languages& languages) {
  double english = 0, latin = 0;
  for (const LanguageShare& s : languages.shares) {
    if (s.lang == "ar" || s.lang == "fa" || s.lang == "ur") continue;
    latin += s.share;
    if (s.lang == "en") english += s.share;
  }
  return latin > 0 && english > latin / 2;
}

}  // namespace

Result<Page> PageOf(const SourceDocument& source) {
  if (source.format == SourceDocument::Format::kHtml) return ParseHtml(source.body);
  Page page;
  page.blocks = TextBlocks(source.body);
  return page;
}

std::string SiteOf(const SourceDocument& source) {
  if (!source.url.empty()) {
    std::string_view u = source.url;
    size_t scheme = u.find("://");
    if (scheme != std::string_view::npos) u.remove_prefix(scheme + 3);
    return std::string(u.substr(0, u.find_first_of("/?#")));
  }
  std::filesystem::path p(source.doc);
  return p.has_parent_path() ? p.parent_path().string() : "";
}

ReadDocument ReadPage(const SourceDocument& source, const Page& page, const SiteLines* site_lines,
                      const Gazetteer& gazetteer) {
  ReadDocument r;
  r.doc = source.doc;
  r.url = source.url;
  r.notes = source.notes;
  r.extra_json = source.extra_json;
  CleanText clean = Clean(page, source.title, SiteOf(source), site_lines);
  r.title = std::move(clean.title);
  r.text = std::move(clean.text);
  r.removed = std::move(clean.removed);
  if (!(r.published = PublishedValue(source.published)).empty()) {
    r.published_how = "source";
  } else if (!(r.published = PublishedValue(page.published)).empty()) {
    r.published_how = "metadata";
  } else if (std::optional<PublishedGuess> guess = FindPublished(page.blocks)) {
    r.published = IsoValue(guess->date);
    r.published_how = guess->how;
  }
  r.languages = DetectLanguages(r.text);
  r.dates = FindDates(r.text, Anchor(r.published));
  MentionOptions mentions;
  mentions.tag_latin = !MostlyEnglish(r.languages);
  r.mentions = SpotMentions(r.text, gazetteer, mentions);
  r.events = FindEvents(r.text, r.languages.sentences, r.mentions, r.dates, r.published);
  r.signature = SignatureOf(r.text);
  return r;
}

}  // namespace qantara::news
