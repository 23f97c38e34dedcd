// The news routes (src/server/api_news.cc, news_archive.cc) through
// Api::Handle, without sockets: an entity's timeline by key or by name in
// either script, in date order, with its errors (404 unknown entity, 400 bad
// limit, 503 without a news database, 401 without a key), and the alerts of
// the lists being served, over made-up articles stored here with the store's
// own API and a two-person list written here.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "lists/entity_json.h"
#include "server/api.h"
#include "service/news_archive.h"

namespace qantara::server {
namespace {

using service::ListSnapshot;
using service::MakeSnapshot;
using service::NewsArchive;

using nlohmann::json;

// "Karim Nadir al-Wazzani" in Arabic script (made up).
const std::string kKarimAr =
    "\u0643\u0631\u064a\u0645 \u0646\u0627\u062f\u0631 \u0627\u0644\u0648\u0632\u0627\u0646\u064a";

std::shared_ptr<const ListSnapshot> Snapshot(const std::vector<std::string>& lines) {
  std::vector<lists::Entity> entities;
  for (const std::string& line : lines) {
    auto e = lists::EntityFromJson(line);
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    if (e.ok()) entities.push_back(std::move(*e));
  }
  std::shared_ptr<const screen::CandidateIndex> index =
      screen::CandidateIndex::Build(std::move(entities), 1);
  return MakeSnapshot(std::make_shared<const screen::Screener>(index, screen::ScreenOptions()),
                      {});
}

std::string ListedKarim() {
  return json{{"id", "nws:N-1"},
              {"list", "nws"},
              {"ref", "N-1"},
              {"schema", "Person"},
              {"caption", "Karim Nadir al-Wazzani"},
              {"names",
               {{{"value", "Karim Nadir al-Wazzani"}, {"kind", "primary"}},
                {{"value", kKarimAr}, {"kind", "original_script"}}}}}
      .dump();
}

std::string ListedOther() {
  return json{{"id", "nws:N-2"}, {"list", "nws"},   {"ref", "N-2"},
              {"schema", "Person"}, {"caption", "Hassan Idrissi Benali"},
              {"names", {"Hassan Idrissi Benali"}}}
      .dump();
}

news::Mention At(const std::string& text, const std::string& what, news::MentionType type) {
  news::Mention m;
  m.text = what;
  m.start = text.find(what);
  EXPECT_NE(m.start, std::string::npos) << what;
  m.end = m.start + what.size();
  m.type = type;
  return m;
}

news::LinkedEvent Meeting(const std::string& date, const news::LinkedMention& place,
                          const std::vector<news::LinkedMention>& who, std::string sentence) {
  news::LinkedEvent e;
  e.type = news::EventType::kMeeting;
  e.text = "rencontr\u00e9";
  e.date = date;
  e.place = news::EventActor{place.entity, place.mention.text, news::MentionType::kLocation};
  for (const auto& p : who) e.participants.push_back({p.entity, p.mention.text, p.mention.type});
  e.sentence = std::move(sentence);
  return e;
}

class ApiNewsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = store::ServiceStore::Open(":memory:");
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    key_ = *db_->AddKey("sam", store::Role::kScreener);
    path_ = ::testing::TempDir() + "/api_news_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
    WriteNews();
    auto news = NewsArchive::Open(path_);
    ASSERT_TRUE(news.ok()) << news.status().ToString();
    news_ = std::move(*news);
    api_ = std::make_unique<Api>(db_.get(), &metrics_, ApiLimits());
    api_->SetLists(Snapshot({ListedKarim(), ListedOther()}));
    api_->SetNews(news_.get());
  }

  // Three made-up articles: a meeting in Tangier in 2023 (French), Karim in
  // Arabic script in 2021, and Odalric Fernbach alone in 2024.
  void WriteNews() {
    auto store = store::NewsStore::Open(path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    news::EntityLinker linker(nullptr);
    const std::string fr =
        "Le ministre Odalric Fernbach a rencontr\u00e9 Karim Nadir al-Wazzani \u00e0 Tanger.";
    auto m1 = linker.LinkDocument({At(fr, "Odalric Fernbach", news::MentionType::kPerson),
                                   At(fr, "Karim Nadir al-Wazzani", news::MentionType::kPerson),
                                   At(fr, "Tanger", news::MentionType::kLocation)});
    ASSERT_EQ(m1.size(), 3u);
    fernbach_ = m1[0].entity;
    karim_ = m1[1].entity;
    tanger_ = m1[2].entity;
    ASSERT_TRUE((*store)
                    ->SaveDocument(Doc("tanger", "2023-11-02", fr), m1,
                                   {Meeting("2023-11-02", m1[2], {m1[0], m1[1]}, fr)}, "s:1")
                    .ok());
    const std::string ar = kKarimAr + " \u0641\u064a \u0627\u0644\u0631\u0628\u0627\u0637.";
    auto m2 = linker.LinkDocument({At(ar, kKarimAr, news::MentionType::kPerson)});
    ASSERT_TRUE((*store)->SaveDocument(Doc("rabat-ar", "2021-03-15", ar), m2).ok());
    arabic_key_ = m2[0].entity;
    const std::string alone = "Odalric Fernbach a quitt\u00e9 ses fonctions.";
    auto m3 = linker.LinkDocument({At(alone, "Odalric Fernbach", news::MentionType::kPerson)});
    ASSERT_TRUE((*store)->SaveDocument(Doc("depart", "2024-01-20", alone), m3).ok());
    ASSERT_TRUE((*store)->SaveEntities(linker.TakeChanged()).ok());
  }

  static news::ReadDocument Doc(std::string id, std::string published, std::string text) {
    news::ReadDocument d;
    d.doc = std::move(id);
    d.title = "Titre " + d.doc;
    d.published = std::move(published);
    d.text = std::move(text);
    return d;
  }

  ApiResponse Get(const std::string& path, const std::multimap<std::string, std::string>& params =
                                               {}) const {
    return GetWith(*api_, path, params, key_);
  }
  static ApiResponse GetWith(const Api& api, const std::string& path,
                             const std::multimap<std::string, std::string>& params,
                             const std::string& key) {
    ApiRequest r;
    r.method = "GET";
    r.path = path;
    r.params = params;
    r.authorization = key.empty() ? "" : "Bearer " + key;
    return api.Handle(r);
  }
  static json Body(const ApiResponse& r) {
    json j = json::parse(r.body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.body;
    return j;
  }
  static void ExpectError(const ApiResponse& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(Body(r).value("code", ""), code) << r.body;
  }

  std::unique_ptr<store::ServiceStore> db_;
  Metrics metrics_;
  std::unique_ptr<NewsArchive> news_;
  std::unique_ptr<Api> api_;
  std::string key_, path_;
  std::string fernbach_, karim_, tanger_, arabic_key_;
};

TEST_F(ApiNewsTest, TimelineByNameIsInDateOrderWithEventFields) {
  ApiResponse r = Get("/v1/timeline/Fernbach");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.route, "/v1/timeline/{id}");
  json t = Body(r);
  EXPECT_EQ(t["entity"], "Fernbach");
  EXPECT_EQ(t["keys"], json::array({fernbach_}));
  ASSERT_EQ(t["entries"].size(), 2u) << r.body;
  const json& meeting = t["entries"][0];
  EXPECT_EQ(meeting["date"], "2023-11-02");
  EXPECT_EQ(meeting["kind"], "meeting");
  EXPECT_EQ(meeting["doc"], "tanger");
  EXPECT_EQ(meeting["title"], "Titre tanger");
  EXPECT_EQ(meeting["place"], tanger_);
  EXPECT_EQ(meeting["participants"], json::array({fernbach_, karim_}));
  EXPECT_NE(meeting["sentence"].get<std::string>().find("Tanger"), std::string::npos);
  const json& mention = t["entries"][1];
  EXPECT_EQ(mention["date"], "2024-01-20");
  EXPECT_EQ(mention["kind"], "mention");
  EXPECT_EQ(mention["text"], "Odalric Fernbach");
  EXPECT_FALSE(mention.contains("sentence"));
  // Every key named above reads as its type and canonical form.
  EXPECT_EQ(t["entities"][tanger_]["type"], "location");
  EXPECT_EQ(t["entities"][tanger_]["canonical"], "Tanger");
  EXPECT_EQ(t["entities"][karim_]["canonical"], "Karim Nadir al-Wazzani");
  EXPECT_EQ(t["entities"][fernbach_]["type"], "person");
  // By key: the same entries.
  json by_key = Body(Get("/v1/timeline/" + fernbach_));
  EXPECT_EQ(by_key["keys"], t["keys"]);
  EXPECT_EQ(by_key["entries"], t["entries"]);
}

TEST_F(ApiNewsTest, TimelineByArabicNameFindsTheSamePerson) {
  ASSERT_EQ(arabic_key_, karim_) << "the linker joins the Arabic spelling to the Latin one";
  json ar = Body(Get("/v1/timeline/" + kKarimAr));
  EXPECT_EQ(ar["entity"], kKarimAr);
  EXPECT_EQ(ar["keys"], json::array({karim_}));
  ASSERT_EQ(ar["entries"].size(), 2u) << ar.dump();
  EXPECT_EQ(ar["entries"][0]["date"], "2021-03-15");  // the Arabic article, a mention
  EXPECT_EQ(ar["entries"][0]["text"], kKarimAr);
  EXPECT_EQ(ar["entries"][1]["date"], "2023-11-02");  // the meeting
  json latin = Body(Get("/v1/timeline/Karim Nadir al-Wazzani"));
  EXPECT_EQ(latin["entries"], ar["entries"]);
}

TEST_F(ApiNewsTest, TimelineErrors) {
  ExpectError(Get("/v1/timeline/Personne Inconnue"), 404, "not_found");
  EXPECT_NE(Get("/v1/timeline/Personne Inconnue").body.find("Personne Inconnue"),
            std::string::npos);
  ExpectError(Get("/v1/timeline/p:nobody"), 404, "not_found");
  ExpectError(Get("/v1/timeline/"), 404, "not_found");
  ExpectError(Get("/v1/timeline/" + std::string(257, 'a')), 400, "bad_request");
  for (const char* bad : {"0", "-1", "abc", "1001", "", "2x", "99999999999"}) {
    ExpectError(Get("/v1/timeline/Fernbach", {{"limit", bad}}), 400, "bad_request");
  }
  json one = Body(Get("/v1/timeline/Fernbach", {{"limit", "1"}}));
  ASSERT_EQ(one["entries"].size(), 1u);
  EXPECT_EQ(one["entries"][0]["date"], "2023-11-02");
  EXPECT_EQ(Get("/v1/timeline/Fernbach", {{"limit", "1000"}}).status, 200);
  // A key is needed, and the route is GET only.
  ExpectError(GetWith(*api_, "/v1/timeline/Fernbach", {}, ""), 401, "unauthorized");
  ExpectError(GetWith(*api_, "/v1/timeline/Fernbach", {}, "qk_wrong"), 401, "unauthorized");
  ApiRequest post;
  post.method = "POST";
  post.path = "/v1/timeline/Fernbach";
  post.authorization = "Bearer " + key_;
  ExpectError(api_->Handle(post), 405, "method_not_allowed");
}

TEST_F(ApiNewsTest, WithoutANewsDatabaseBothRoutesAre503) {
  Api bare(db_.get(), &metrics_, ApiLimits());
  bare.SetLists(Snapshot({ListedKarim()}));
  for (const char* path : {"/v1/timeline/Fernbach", "/v1/alerts"}) {
    ApiResponse r = GetWith(bare, path, {}, key_);
    ExpectError(r, 503, "unavailable");
    EXPECT_NE(r.body.find("--news-db"), std::string::npos) << r.body;
  }
  // The key is checked first: no key is 401 even there.
  ExpectError(GetWith(bare, "/v1/alerts", {}, ""), 401, "unauthorized");
}

TEST_F(ApiNewsTest, AlertsNameTheListedPersonWithEvidenceNewestFirst) {
  ApiResponse r = Get("/v1/alerts");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.route, "/v1/alerts");
  json alerts = Body(r)["alerts"];
  ASSERT_EQ(alerts.size(), 2u) << r.body;  // Karim's two documents; Fernbach is not listed
  EXPECT_EQ(alerts[0]["doc"], "tanger");
  EXPECT_EQ(alerts[0]["published"], "2023-11-02");
  EXPECT_EQ(alerts[1]["doc"], "rabat-ar");
  for (const json& a : alerts) {
    EXPECT_EQ(a["entity"], karim_);
    EXPECT_EQ(a["listed"]["list"], "nws");
    EXPECT_EQ(a["listed"]["ref"], "N-1");
    EXPECT_EQ(a["listed"]["caption"], "Karim Nadir al-Wazzani");
    EXPECT_GE(a["listed"]["score"].get<double>(), 0.88);
    EXPECT_NE(a["evidence"].get<std::string>().find(a["mention"]["text"].get<std::string>()),
              std::string::npos)
        << a.dump();
  }
  EXPECT_EQ(alerts[0]["mention"]["text"], "Karim Nadir al-Wazzani");
  EXPECT_EQ(alerts[1]["mention"]["text"], kKarimAr);
  EXPECT_EQ(alerts[1]["mention"]["start"], 0);

  json since = Body(Get("/v1/alerts", {{"since", "2022-01-01"}}))["alerts"];
  ASSERT_EQ(since.size(), 1u);
  EXPECT_EQ(since[0]["doc"], "tanger");
  EXPECT_TRUE(Body(Get("/v1/alerts", {{"since", "2030-01-01"}}))["alerts"].empty());
  EXPECT_EQ(Body(Get("/v1/alerts", {{"limit", "1"}}))["alerts"].size(), 1u);
  for (const char* bad : {"2022", "2022-13-01", "2022-01-32", "22-01-01x", "yesterday"}) {
    ExpectError(Get("/v1/alerts", {{"since", bad}}), 400, "bad_request");
  }
  ExpectError(Get("/v1/alerts", {{"limit", "0"}}), 400, "bad_request");
}

TEST_F(ApiNewsTest, AlertsFollowTheListsBeingServed) {
  ASSERT_EQ(Body(Get("/v1/alerts"))["alerts"].size(), 2u);
  api_->SetLists(Snapshot({ListedOther()}));  // Karim delisted
  EXPECT_TRUE(Body(Get("/v1/alerts"))["alerts"].empty());
  api_->SetLists(Snapshot({ListedKarim()}));  // and listed again
  EXPECT_EQ(Body(Get("/v1/alerts"))["alerts"].size(), 2u);
}

TEST_F(ApiNewsTest, ConcurrentRequestsShareTheArchive) {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      for (int k = 0; k < 20; ++k) {
        const bool alerts = (i + k) % 2 == 0;
        ApiResponse r = alerts ? Get("/v1/alerts") : Get("/v1/timeline/" + kKarimAr);
        const json j = Body(r);
        if (r.status == 200 && (alerts ? j["alerts"].size() : j["entries"].size()) == 2u) ++ok;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(ok.load(), 80);
}

TEST(NewsArchive, AMissingDatabaseIsNotFoundNamingIt) {
  const std::string missing = ::testing::TempDir() + "/no_such_news.db";
  std::filesystem::remove(missing);
  auto news = NewsArchive::Open(missing);
  ASSERT_FALSE(news.ok());
  EXPECT_EQ(news.status().code(), StatusCode::kNotFound);
  EXPECT_NE(news.status().message().find(missing), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(missing)) << "opening must not create it";
}

}  // namespace
}  // namespace qantara::server
