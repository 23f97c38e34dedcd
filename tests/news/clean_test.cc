#include "news/clean.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace qantara::news {
namespace {

Block P(std::string text, size_t link_bytes = 0) {
  Block b;
  b.text = std::move(text);
  b.link_bytes = link_bytes;
  return b;
}
Block H(std::string text) {
  Block b = P(std::move(text));
  b.kind = Block::Kind::kHeading;
  return b;
}
Block Furniture(std::string text) {
  Block b = P(std::move(text));
  b.furniture = true;
  return b;
}
Block Link(std::string text) { return P(text, text.size()); }

const std::string kPara1 =
    "Le ministre des Affaires étrangères a reçu mardi à Rabat son homologue espagnol pour "
    "évoquer la coopération entre les deux pays dans la lutte contre le terrorisme.";
const std::string kPara2 =
    "Les deux responsables ont aussi parlé de la migration et de la sécurité dans la région du "
    "Sahel, selon un communiqué publié à l'issue de la rencontre.";
const std::string kPara3 =
    "La prochaine réunion du comité mixte se tiendra à Madrid au mois de juin, a précisé le "
    "ministère dans son communiqué.";

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}
bool InText(const CleanText& c, const std::string& s) {
  return c.text.find(s) != std::string::npos;
}

// Each case: a block of boilerplate put into a page of real paragraphs.
TEST(Clean, DropsEachKindOfBoilerplate) {
  const std::vector<Block> cases = {
      Furniture("Accueil Politique Economie Sport"),
      P("Partager Tweet"),
      P("Partager sur Facebook"),
      P("مشاركة"),
      P("Cookies : nous utilisons des cookies pour améliorer votre expérience. J'accepte"),
      P("(Photo: Jean Martin / AFP)"),
      P("Crédit photo : Reuters"),
      P("© AFP 2024"),
      P("© 2024 Le Journal. Tous droits réservés."),
      P("جميع الحقوق محفوظة لموقع الأخبار 2024"),
      P("Copyright 2024 The Daily News"),
      P("InternationalNational"),
      Link("Le Maroc et l'Espagne signent un accord sur la pêche à Rabat"),
  };
  for (const Block& boiler : cases) {
    Page page;
    page.blocks = {H("Bourita reçoit son homologue espagnol"), P(kPara1), boiler, P(kPara2),
                   P(kPara3)};
    const CleanText c = Clean(page, "", "", nullptr);
    EXPECT_TRUE(Has(c.removed, boiler.text)) << boiler.text;
    EXPECT_FALSE(InText(c, boiler.text)) << boiler.text;
    EXPECT_TRUE(InText(c, kPara1) && InText(c, kPara2) && InText(c, kPara3)) << boiler.text;
  }
}

TEST(Clean, ReadMoreBlocksAndTheirLinks) {
  for (const std::string header :
       {"Lire aussi", "À lire aussi :", "Read more", "Related", "اقرأ أيضا", "اقرأ المزيد"}) {
    Page page;
    page.blocks = {P(kPara1), P(header), Link("Un autre article sur le Sahel"),
                   Link("Encore un autre titre"), P(kPara2)};
    const CleanText c = Clean(page, "Titre", "", nullptr);
    EXPECT_TRUE(Has(c.removed, header)) << header;
    EXPECT_TRUE(Has(c.removed, "Un autre article sur le Sahel")) << header;
    EXPECT_TRUE(Has(c.removed, "Encore un autre titre")) << header;
    EXPECT_TRUE(InText(c, kPara2)) << header;
  }
  Page inline_link;
  inline_link.blocks = {P(kPara1), P("Lire aussi : Le Sahel face à la sécheresse"), P(kPara2)};
  EXPECT_TRUE(Has(Clean(inline_link, "T", "", nullptr).removed,
                  "Lire aussi : Le Sahel face à la sécheresse"));
}

TEST(Clean, CommentsHeaderEndsTheArticle) {
  for (const std::string header : {"Commentaires", "Comments", "التعليقات", "3 commentaires"}) {
    Page page;
    page.blocks = {P(kPara1), P(kPara2), P(header),
                   P("Je trouve que cet article est très intéressant et bien écrit, merci pour ce "
                     "travail de qualité sur un sujet aussi important.")};
    const CleanText c = Clean(page, "Titre", "", nullptr);
    EXPECT_TRUE(Has(c.removed, header)) << header;
    EXPECT_EQ(c.removed.size(), 2u) << header;
    EXPECT_TRUE(InText(c, kPara2));
  }
}

TEST(Clean, DisplayDateAboveHeadlineGoesBylineStays) {
  Page page;
  page.blocks = {P("vendredi, novembre 22, 2024"),
                 P("InternationalNational"),
                 H("Bourita reçoit son homologue espagnol"),
                 P("Publié le 5 février 2019 à 10h30"),
                 H("Bourita reçoit son homologue espagnol"),
                 P(kPara1),
                 P(kPara2)};
  const CleanText c = Clean(page, "", "", nullptr);
  EXPECT_EQ(c.title, "Bourita reçoit son homologue espagnol");
  EXPECT_EQ(c.text.rfind(
                "Bourita reçoit son homologue espagnol\n\nPublié le 5 février 2019 à 10h30\n\n", 0),
            0u)
      << c.text;
  EXPECT_EQ(c.text.find("Bourita reçoit", 10), std::string::npos);  // once only
  EXPECT_TRUE(Has(c.removed, "vendredi, novembre 22, 2024"));
  EXPECT_TRUE(Has(c.removed, "InternationalNational"));
  EXPECT_TRUE(Has(c.removed, "Bourita reçoit son homologue espagnol"));
}

TEST(Clean, TitleFromPageTitleWithSiteName) {
  Page page;
  page.title = "Bourita reçoit son homologue espagnol | Le Journal";
  page.blocks = {Furniture("Le Journal"), H("Bourita reçoit son homologue espagnol"), P(kPara1)};
  const CleanText c = Clean(page, "", "", nullptr);
  EXPECT_EQ(c.title, "Bourita reçoit son homologue espagnol");
  EXPECT_EQ(c.text, "Bourita reçoit son homologue espagnol\n\n" + kPara1);
}

TEST(Clean, GivenTitleComesFirst) {
  Page page;
  page.blocks = {P(kPara1), P(kPara2)};
  const CleanText c = Clean(page, "Un titre donné", "", nullptr);
  EXPECT_EQ(c.title, "Un titre donné");
  EXPECT_EQ(c.text, "Un titre donné\n\n" + kPara1 + "\n\n" + kPara2);
  EXPECT_TRUE(c.removed.empty());
}

TEST(Clean, KeepsShortSentencesQuotesAndMixedScript) {
  Page page;
  page.blocks = {P(kPara1),
                 P("Il a refusé."),
                 P("« Nous restons vigilants », a-t-il dit."),
                 P("Le ministre Nasser Bourita (ناصر بوريطة) a conduit la délégation marocaine."),
                 H("Une coopération ancienne"),
                 P(kPara2),
                 P("Il tient depuis ses réunions en ligne.")};
  const CleanText c = Clean(page, "Titre", "", nullptr);
  for (const Block& b : page.blocks) EXPECT_TRUE(InText(c, b.text)) << b.text;
  EXPECT_TRUE(c.removed.empty());
}

TEST(Clean, DropsShortFurnitureAfterTheArticle) {
  Page page;
  page.blocks = {P(kPara1), P(kPara2), P("SA"), P("Suivez-nous"), P("Newsletter")};
  const CleanText c = Clean(page, "Titre", "", nullptr);
  EXPECT_EQ(c.removed, (std::vector<std::string>{"SA", "Suivez-nous", "Newsletter"}));
}

TEST(Clean, CaptionWithCreditGoes) {
  const std::string caption =
      "قال الوزير في الصورة خلال الاجتماع (Jalal Morchidi - Anadolu Ajansı)";
  Page page;
  page.blocks = {H("Titre"), P(caption), P(kPara1), P(kPara2)};
  EXPECT_TRUE(Has(Clean(page, "", "", nullptr).removed, caption));
}

TEST(Clean, ArabicArticle) {
  Page page;
  page.blocks = {Furniture("الرئيسية أخبار رياضة"),
                 H("بوريطة يستقبل نظيره الإسباني"),
                 P("استقبل وزير الشؤون الخارجية ناصر بوريطة يوم الثلاثاء في الرباط نظيره الإسباني، "
                   "وبحث معه التعاون بين البلدين في مجال الهجرة ومكافحة الإرهاب."),
                 P("مشاركة"),
                 P("وقال الوزير إن العلاقات بين البلدين متينة وإن التعاون سيتواصل في "
                   "السنوات المقبلة على جميع المستويات."),
                 P("اقرأ أيضا"),
                 Link("المغرب وإسبانيا يوقعان اتفاقا جديدا"),
                 P("التعليقات")};
  const CleanText c = Clean(page, "", "", nullptr);
  EXPECT_EQ(c.title, "بوريطة يستقبل نظيره الإسباني");
  EXPECT_EQ(c.removed.size(), 5u);
  EXPECT_TRUE(InText(c, "وقال الوزير"));
}

TEST(SiteLines, RepeatedOnTwoOtherPages) {
  SiteLines lines;
  auto page_with = [](const std::string& extra) {
    return std::vector<Block>{P("Le Journal, votre quotidien"), P(extra)};
  };
  lines.AddPage("example.com", page_with("a"));
  lines.AddPage("example.com", page_with("b"));
  EXPECT_FALSE(lines.Repeated("example.com", "Le Journal, votre quotidien"));  // 2 pages only
  lines.AddPage("example.com", page_with("c"));
  EXPECT_TRUE(lines.Repeated("example.com", "Le Journal, votre quotidien"));
  EXPECT_TRUE(lines.Repeated("example.com", "le journal votre quotidien"));  // normalised
  EXPECT_FALSE(lines.Repeated("example.com", "a"));
  EXPECT_FALSE(lines.Repeated("other.org", "Le Journal, votre quotidien"));
  // Counted once per page.
  SiteLines twice;
  twice.AddPage("s", {P("Menu"), P("Menu"), P("Menu")});
  EXPECT_FALSE(twice.Repeated("s", "Menu"));

  // A sentence-like line that only SiteLines can tell from the article.
  const std::string slogan = "Le Journal est le quotidien de la région.";
  lines.AddPage("example.com", {P(slogan)});
  lines.AddPage("example.com", {P(slogan)});
  lines.AddPage("example.com", {P(slogan)});
  Page page;
  page.blocks = {P(slogan), P(kPara1), P(kPara2)};
  const CleanText c = Clean(page, "Titre", "example.com", &lines);
  EXPECT_EQ(c.removed, (std::vector<std::string>{slogan}));
  EXPECT_TRUE(InText(Clean(page, "Titre", "example.com", nullptr), slogan));
}

TEST(TextBlocks, LinesBecomeBlocks) {
  const std::vector<Block> b =
      TextBlocks("Un titre sans point\n\n  Premier   paragraphe. \r\n\nSecond\tparagraphe.\n");
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0].kind, Block::Kind::kHeading);
  EXPECT_EQ(b[1].text, "Premier paragraphe.");
  EXPECT_EQ(b[1].kind, Block::Kind::kParagraph);
  EXPECT_EQ(b[2].text, "Second paragraphe.");
  EXPECT_EQ(TextBlocks("Une phrase complète.\nSuite.")[0].kind, Block::Kind::kParagraph);
  EXPECT_TRUE(TextBlocks("\n \n").empty());
}

// Prints the cost on a 3 KB page of 20 paragraphs and 10 furniture blocks (never asserted).
TEST(Clean, SpeedOnA3KbPage) {
  Page page;
  page.blocks = {Furniture("Accueil Politique Economie"), H("Bourita reçoit son homologue")};
  for (int i = 0; i < 7; ++i) {
    page.blocks.push_back(P(kPara1));
    page.blocks.push_back(P(kPara2));
    page.blocks.push_back(Link("Un autre article"));
  }
  constexpr int kRuns = 1000;
  size_t bytes = 0;
  for (const Block& b : page.blocks) bytes += b.text.size();
  const auto t0 = std::chrono::steady_clock::now();
  size_t n = 0;
  for (int i = 0; i < kRuns; ++i) n += Clean(page, "", "", nullptr).text.size();
  const double us =
      std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count() /
      kRuns;
  std::printf("Clean: %.1f us per %zu-byte page of %zu blocks\n", us, bytes, page.blocks.size());
  EXPECT_GT(n, 0u);
}

TEST(Clean, EmptyPage) {
  const CleanText c = Clean(Page{}, "", "", nullptr);
  EXPECT_TRUE(c.title.empty() && c.text.empty() && c.removed.empty());
}

}  // namespace
}  // namespace qantara::news

namespace qantara::news {
namespace {

TEST(Clean, LongArabicParagraphWithItsStopWordsLateIsKept) {
  // A dateline and a long first paragraph whose first words hold no stop word
  // (our own sentences), before ordinary paragraphs.
  const std::string first =
      "\u062a\u0648\u0646\u0633 6 \u0633\u0628\u062a\u0645\u0628\u0631 2016 (\u0623 \u0641 "
      "\u0628) - \u0642\u0627\u0645\u062a \u0627\u0644\u062c\u0631\u0627\u0641\u0627\u062a "
      "\u0627\u0644\u0639\u0633\u0643\u0631\u064a\u0629 \u0628\u0627\u0639\u0645\u0627\u0644 "
      "\u062a\u062c\u0631\u064a\u0641 \u0648\u0627\u0642\u062a\u0644\u0627\u0639 "
      "\u0627\u0634\u062c\u0627\u0631 \u0627\u0644\u0632\u064a\u062a\u0648\u0646 \u0641\u064a "
      "\u0628\u0633\u0627\u062a\u064a\u0646 \u0641\u064a \u0646\u0641\u0633 "
      "\u0627\u0644\u0645\u0646\u0637\u0642\u0629 \u0648\u0641\u0642\u0627 \u0644\u0645\u0627 "
      "\u0642\u0627\u0644 \u0645\u0635\u062f\u0631 \u0627\u0645\u0646\u064a \u0645\u062d\u0644\u064a "
      "\u0648\u0630\u0644\u0643 \u0628\u0639\u062f \u0633\u0627\u0639\u0627\u062a \u0645\u0646 "
      "\u063a\u0627\u0631\u0627\u062a \u0627\u0633\u062a\u0647\u062f\u0641\u062a \u0645\u0646\u0627\u0632\u0644.";
  const std::string body =
      "\u0648\u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b \u0625\u0646 "
      "\u0627\u0644\u0627\u062c\u062a\u0645\u0627\u0639 \u0633\u064a\u0639\u0642\u062f \u0641\u064a "
      "\u0627\u0644\u0639\u0627\u0635\u0645\u0629 \u0628\u0639\u062f \u0623\u0646 \u062a\u0645 "
      "\u0627\u0644\u0627\u062a\u0641\u0627\u0642 \u0639\u0644\u0649 \u0627\u0644\u0645\u0648\u0639\u062f "
      "\u0645\u0639 \u0643\u0644 \u0627\u0644\u0623\u0637\u0631\u0627\u0641 \u0627\u0644\u062a\u064a "
      "\u062d\u0636\u0631\u062a.";
  Page page;
  page.blocks = TextBlocks("\u0639\u0646\u0648\u0627\u0646 \u0627\u0644\u062e\u0628\u0631\n\n" + first +
                           "\n\n" + body + "\n\n" + body + "\n");
  const CleanText c = Clean(page, "", "", nullptr);
  EXPECT_NE(c.text.find(first), std::string::npos) << "removed: " << c.removed.size();
}

}  // namespace
}  // namespace qantara::news
