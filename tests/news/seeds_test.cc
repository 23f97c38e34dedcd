// The seeds of ../shared/seeds (real French articles on the Coalition
// against Daech), read through the whole reader: each article's language and
// its own publication date (skipped when the seeds are absent).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "news/read.h"

namespace qantara::news {
namespace {

class Seeds : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(QANTARA_SHARED_DIR) / "seeds";
    if (!std::filesystem::exists(dir_ / "002_213c9fa733806da3.txt")) {
      GTEST_SKIP() << "no seeds in " << dir_ << " (../shared/seeds)";
    }
  }
  ReadDocument Read(const std::string& file) {
    std::ifstream in(dir_ / file, std::ios::binary);
    std::stringstream body;
    body << in.rdbuf();
    SourceDocument source;
    source.doc = (dir_ / file).string();
    source.body = body.str();
    Result<Page> page = PageOf(source);
    EXPECT_TRUE(page.ok());
    return ReadPage(source, *page, nullptr, Gazetteer::BuiltIn());
  }
  std::filesystem::path dir_;
};

TEST_F(Seeds, PublishedDates) {
  // "demain" before "ce mercredi 6 fevrier" (2019: Pompeo and Bolton in office).
  ReadDocument a = Read("000_ad7887748e0b045c.txt");
  EXPECT_EQ(a.published, "2019-02-05");
  ReadDocument b = Read("001_4a44a35d527dca6c.txt");
  EXPECT_EQ(b.published, "2022-05-11");
  // "ce jeudi 21 juillet" with no year is a Thursday in 2016 and 2022; John
  // Kerry and Ashton Carter in office say 2016.
  ReadDocument c = Read("002_213c9fa733806da3.txt");
  EXPECT_EQ(c.published, "2016-07-21");
  EXPECT_EQ(c.published_how, "inferred");
  // "les troupes d'El Baghdadi": a person, not a place.
  bool baghdadi = false;
  for (const Mention& m : a.mentions) {
    baghdadi |= m.text == "El Baghdadi" && m.type == MentionType::kPerson;
  }
  EXPECT_TRUE(baghdadi);
  for (const ReadDocument* d : {&a, &b, &c}) {
    ASSERT_FALSE(d->languages.shares.empty());
    EXPECT_EQ(d->languages.shares.front().lang, "fr") << d->doc;
  }
}

}  // namespace
}  // namespace qantara::news
