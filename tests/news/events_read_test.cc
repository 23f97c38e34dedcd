// Tests of the events through the whole reader (news/read.h): a document we
// wrote, and the seeds of ../shared/seeds (skipped when absent).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "news/events.h"
#include "news/gazetteer.h"
#include "news/read.h"
#include "tests/news/given_mentions.h"

namespace qantara::news {
namespace {

using given_mentions::HasParticipant;
using given_mentions::PlaceOf;

struct ReadResult {
  ReadDocument doc;
  std::vector<LinkedMention> mentions;
  std::vector<LinkedEvent> events;
};

ReadResult ReadText(const std::string& name, const std::string& body,
                    const std::string& published) {
  SourceDocument source;
  source.doc = name;
  source.body = body;
  source.published = published;
  ReadResult r;
  Result<Page> page = PageOf(source);
  EXPECT_TRUE(page.ok());
  if (!page.ok()) return r;
  r.doc = ReadPage(source, *page, nullptr, Gazetteer::BuiltIn());
  EntityLinker linker(nullptr);
  r.mentions = linker.LinkDocument(r.doc.mentions);
  r.events = LinkEvents(r.doc.text, r.doc.events, r.mentions);
  return r;
}

const LinkedEvent* FindEvent(const std::vector<LinkedEvent>& events, EventType type,
                             const std::string& place, const std::string& date_suffix) {
  for (const LinkedEvent& e : events) {
    if (e.type == type && PlaceOf(e) == place && e.date.ends_with(date_suffix)) return &e;
  }
  return nullptr;
}

TEST(EventsRead, ReaderFillsEventsOfTheDocument) {
  ReadResult r =
      ReadText("t1",
               "Le ministre des Affaires étrangères, M. Karim Tazlani, a rencontré mardi à "
               "Rabat son homologue M. Pierre Valmont.",
               "2024-03-14");
  ASSERT_FALSE(r.doc.events.empty());
  const LinkedEvent* e = FindEvent(r.events, EventType::kMeeting, "l:rabat", "2024-03-12");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(HasParticipant(*e, "p:karim-tazlani"));
  EXPECT_TRUE(HasParticipant(*e, "p:pierre-valmont"));
}

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The seeds: French articles on the Coalition against Daech's ministerial
// meetings (Washington, February 2019; Marrakech, May 2022; Washington, July
// 2016) and a Bourita-Blinken phone call. The published date is what the
// reader infers from each text.
class EventSeeds : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(QANTARA_SHARED_DIR) / "seeds";
    if (!std::filesystem::exists(dir_ / "000_ad7887748e0b045c.txt")) {
      GTEST_SKIP() << "no seeds in " << dir_ << " (../shared/seeds)";
    }
  }
  ReadResult Seed(const std::string& file) {
    const std::filesystem::path p = dir_ / file;
    return ReadText(p.string(), Slurp(p), "");
  }
  std::filesystem::path dir_;
};

TEST_F(EventSeeds, WashingtonMeetingOf2019WithBourita) {
  ReadResult r = Seed("000_ad7887748e0b045c.txt");
  const LinkedEvent* e = FindEvent(r.events, EventType::kMeeting, "l:washington", "2019-02-06");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(HasParticipant(*e, "p:nasser-bourita"));
  const LinkedEvent* visit = FindEvent(r.events, EventType::kVisit, "l:washington", "2019-02-06");
  ASSERT_NE(visit, nullptr);
  EXPECT_TRUE(HasParticipant(*visit, "p:nasser-bourita"));
}

TEST_F(EventSeeds, MarrakechMeetingAndTheCall) {
  ReadResult r = Seed("001_4a44a35d527dca6c.txt");
  const LinkedEvent* e = FindEvent(r.events, EventType::kMeeting, "l:marrakech", "2022-05-11");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(HasParticipant(*e, "o:global-coalition"));
  const LinkedEvent* call = nullptr;
  for (const LinkedEvent& x : r.events) {
    if (x.type == EventType::kCall) call = &x;
  }
  ASSERT_NE(call, nullptr);
  EXPECT_TRUE(HasParticipant(*call, "p:nasser-bourita"));
  EXPECT_TRUE(HasParticipant(*call, "p:antony-blinken"));
}

TEST_F(EventSeeds, WashingtonMeetingOf2016) {
  // The text gives "ce jeudi 21 juillet" and no year; the office holders it names (John Kerry,
  // Ashton Carter) give 2016 (news/officeholders.h).
  ReadResult r = Seed("002_213c9fa733806da3.txt");
  const LinkedEvent* e = FindEvent(r.events, EventType::kMeeting, "l:washington", "2016-07-21");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(HasParticipant(*e, "p:mbarka-bouaida"));
}

}  // namespace
}  // namespace qantara::news
