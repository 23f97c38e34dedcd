// ParseHtml on made-up pages in French, Arabic and English.
#include "news/html.h"

#include <gtest/gtest.h>

namespace qantara::news {
namespace {

Page Parse(std::string_view html) {
  Result<Page> page = ParseHtml(html);
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  return page.ok() ? *page : Page{};
}

const Block* Find(const Page& page, std::string_view text) {
  for (const Block& b : page.blocks) {
    if (b.text.find(text) != std::string::npos) return &b;
  }
  return nullptr;
}

constexpr char kFrenchPage[] = R"(<!DOCTYPE html>
<html lang="fr"><head>
<meta charset="windows-1252">
<title>Bourita reçoit son homologue | Le Quotidien</title>
<meta property="og:title" content="Bourita reçoit son homologue">
<meta property="article:published_time" content="2019-02-05T10:00:00+01:00">
<script>var x = "<p>pas du texte</p>";</script><style>p { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li></ul></nav>
<article>
<header><h1>Bourita reçoit son homologue</h1><time datetime="2019-02-04">hier</time></header>
<p>Le ministre des Affaires étrangères, Nasser Bourita, a reçu <a href="/p">son homologue</a>
   ce mercredi&nbsp;6 février à Rabat &amp; Salé.</p>
<p>Les deux ministres ont évoqué <b>la coopération</b> <i>bilatérale</i>.</p>
<div class="share-buttons"><p>Partager sur Facebook</p></div>
</article>
<footer><p>© Le Quotidien 2019</p></footer>
<noscript>Activez JavaScript</noscript>
</body></html>)";

TEST(ParseHtml, FrenchArticle) {
  Page page = Parse(kFrenchPage);
  EXPECT_EQ(page.title, "Bourita reçoit son homologue");
  EXPECT_EQ(page.published, "2019-02-05T10:00:00+01:00");
  const Block* h1 = Find(page, "Bourita reçoit");
  ASSERT_NE(h1, nullptr);
  EXPECT_EQ(h1->kind, Block::Kind::kHeading);
  EXPECT_FALSE(h1->furniture);  // the article's own <header>
  const Block* p = Find(page, "Le ministre");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->text,
            "Le ministre des Affaires étrangères, Nasser Bourita, a reçu son homologue ce "
            "mercredi 6 février à Rabat & Salé.");
  EXPECT_EQ(p->link_bytes, std::string("son homologue").size());
  EXPECT_EQ(p->kind, Block::Kind::kParagraph);
  EXPECT_FALSE(p->furniture);
  ASSERT_NE(Find(page, "la coopération bilatérale."), nullptr);
  EXPECT_TRUE(Find(page, "Accueil")->furniture);
  EXPECT_EQ(Find(page, "Accueil")->kind, Block::Kind::kListItem);
  EXPECT_EQ(Find(page, "Accueil")->link_bytes, std::string("Accueil").size());
  EXPECT_TRUE(Find(page, "Partager")->furniture);
  EXPECT_TRUE(Find(page, "Le Quotidien 2019")->furniture);
  EXPECT_EQ(Find(page, "pas du texte"), nullptr);
  EXPECT_EQ(Find(page, "color"), nullptr);
  EXPECT_EQ(Find(page, "JavaScript"), nullptr);
}

TEST(ParseHtml, ArabicArticleWithJsonLd) {
  Page page =
      Parse(R"(<html dir="rtl" lang="ar"><head><title>الرئيسية - وزير الخارجية يستقبل نظيره</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "الجريدة"},
  {"@type": "NewsArticle", "headline": "وزير الخارجية يستقبل نظيره", "datePublished": "2019-02-06T09:30:00Z"}]}</script>
</head><body>
<div id="main-menu"><a href="/">الرئيسية</a></div>
<h1>وزير الخارجية يستقبل نظيره</h1>
<div class="article-body">استقبل وزير الخارجية ناصر بوريطة نظيره الفرنسي.<br>وتناولت المحادثات التعاون الثنائي.<p>فقرة ثالثة.</p>نص بعد الفقرة.</div>
<aside><p>مقالات ذات صلة</p></aside>
</body></html>)");
  EXPECT_EQ(page.title, "وزير الخارجية يستقبل نظيره");
  EXPECT_EQ(page.published, "2019-02-06T09:30:00Z");
  ASSERT_NE(Find(page, "استقبل وزير"), nullptr);
  EXPECT_EQ(Find(page, "استقبل وزير")->text, "استقبل وزير الخارجية ناصر بوريطة نظيره الفرنسي.");
  EXPECT_EQ(Find(page, "وتناولت")->text, "وتناولت المحادثات التعاون الثنائي.");
  EXPECT_EQ(Find(page, "نص بعد")->text, "نص بعد الفقرة.");
  EXPECT_TRUE(Find(page, "الرئيسية")->furniture);
  EXPECT_TRUE(Find(page, "ذات صلة")->furniture);
  EXPECT_FALSE(Find(page, "فقرة ثالثة")->furniture);
}

TEST(ParseHtml, EnglishBlocksInReadingOrder) {
  Page page = Parse(R"(<body><div class="head-line"><h2>Talks in Washington</h2></div>
<div class="ad-slot">Buy now</div><div class="top-ad-box">Sale</div>
<ul><li>First point</li><li>Second <a href="#">point</a></li></ul>
<table><tr><td>Cell one</td><td>Cell two</td></tr></table>
<figure><img src="x.jpg"><figcaption>The ministers on Wednesday</figcaption></figure>
<blockquote>We agreed, he said.</blockquote><div class="comments"><p>Great article!</p></div>
<form><input name="q"><p>Search</p></form>
<svg><title>icon</title><text>svg text</text></svg>
</body>)");
  std::vector<std::string> texts;
  for (const Block& b : page.blocks) texts.push_back(b.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"Talks in Washington", "Buy now", "Sale",
                                             "First point", "Second point", "Cell one", "Cell two",
                                             "The ministers on Wednesday", "We agreed, he said.",
                                             "Great article!", "Search"}));
  EXPECT_FALSE(page.blocks[0].furniture);  // "head-line" is not "ad-"
  EXPECT_EQ(page.blocks[0].kind, Block::Kind::kHeading);
  EXPECT_TRUE(page.blocks[1].furniture);
  EXPECT_TRUE(page.blocks[2].furniture);
  EXPECT_EQ(page.blocks[4].kind, Block::Kind::kListItem);
  EXPECT_EQ(page.blocks[4].link_bytes, 5u);
  EXPECT_EQ(page.blocks[5].kind, Block::Kind::kOther);
  EXPECT_EQ(page.blocks[7].kind, Block::Kind::kOther);
  EXPECT_EQ(page.blocks[8].kind, Block::Kind::kParagraph);
  EXPECT_TRUE(page.blocks[9].furniture);
  EXPECT_TRUE(page.blocks[10].furniture);
  EXPECT_EQ(page.title, "");
}

TEST(ParseHtml, PublishedPriority) {
  // The first <time> in the article when nothing better is there.
  EXPECT_EQ(Parse("<article><p>x <time datetime=\"2019-02-01\">1er</time></p>"
                  "<time datetime=\"2019-03-01\">x</time></article>")
                .published,
            "2019-02-01");
  // <time> outside an article or header is a display date, not the article's.
  EXPECT_EQ(Parse("<div><time datetime=\"2019-02-01\">x</time></div>").published, "");
  EXPECT_EQ(Parse("<meta name=\"DC.date.issued\" content=\"2019-01-02\"><article>"
                  "<time datetime=\"2019-02-01\">x</time></article>")
                .published,
            "2019-01-02");
  EXPECT_EQ(Parse("<p>Posted <span itemprop=\"datePublished\"> 5 Feb 2019 </span></p>").published,
            "5 Feb 2019");
  EXPECT_EQ(Parse("<meta itemprop=\"datePublished\" content=\"2019-02-07\">"
                  "<meta name=\"pubdate\" content=\"2019-02-08\">")
                .published,
            "2019-02-08");
  EXPECT_EQ(Parse("<script type=\"application/ld+json\">{broken</script><p>x</p>").published, "");
}

TEST(ParseHtml, TitleSiteNameRules) {
  EXPECT_EQ(Parse("<title>Le Site | Titre</title><h1>Titre</h1>").title, "Titre");
  EXPECT_EQ(Parse("<title>Titre – Le Site</title><h1>Titre</h1>").title, "Titre");
  EXPECT_EQ(Parse("<title>Titre - sous-titre</title><h1>Autre</h1>").title, "Titre - sous-titre");
  EXPECT_EQ(Parse("<meta property=\"og:title\" content=\"Only OG\"><p>x</p>").title, "Only OG");
}

TEST(ParseHtml, WhitespaceAndEntities) {
  Page page = Parse("<p>  a<b>b</b> <i>c</i>\n\t d&nbsp;&nbsp;e &lt;f&gt; &#x627;</p><p> </p>");
  ASSERT_EQ(page.blocks.size(), 1u);
  EXPECT_EQ(page.blocks[0].text, "ab c d e <f> ا");
}

TEST(ParseHtml, DeepNestingWithoutRecursion) {
  std::string html = "<html><body><p>before</p>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep text";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "<p>after</p></body></html>";
  Page page = Parse(html);
  ASSERT_EQ(page.blocks.size(), 3u);
  EXPECT_EQ(page.blocks[1].text, "deep text");
  EXPECT_EQ(page.blocks[2].text, "after");
}

TEST(ParseHtml, BrokenAndEmptyMarkup) {
  EXPECT_TRUE(Parse("").blocks.empty());
  Page page = Parse("<p>one<p>two<div>three</span></b><li>four");
  std::vector<std::string> texts;
  for (const Block& b : page.blocks) texts.push_back(b.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"one", "two", "three", "four"}));
}

}  // namespace
}  // namespace qantara::news
