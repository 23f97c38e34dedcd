// The news database behind the service's news routes (GET /v1/timeline/{entity}
// and GET /v1/alerts, server/api_news.cc): a database written by `qantara read --db`,
// opened once by `qantara serve --news-db FILE` and only read (a reader may
// keep writing it: SQLite's WAL lets the two share the file).
//
// Thread-safe: NewsStore is one connection for one thread at a time, so every
// call takes the archive's lock; requests for news wait for each other, never
// for screening. Alerts screen the stored persons and organisations against
// the lists being served (news::ListedEntity, as `qantara alerts` does) and
// remember each entity's answer for the screener it was screened on, so a
// second request only screens the entities added or renamed since; a reload
// (a new screener) starts afresh.
#ifndef QANTARA_SERVICE_NEWS_ARCHIVE_H_
#define QANTARA_SERVICE_NEWS_ARCHIVE_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/mutex.h"
#include "base/status.h"
#include "news/entities.h"
#include "screen/screener.h"
#include "store/news_store.h"

namespace qantara::service {

// One entity's timeline as GET /v1/timeline/{entity} answers it.
struct EntityTimeline {
  std::vector<std::string> keys;              // the entities the query named; empty: none
  std::vector<store::TimelineEntry> entries;  // by date, unknown dates last
  std::vector<store::EntityLabel> labels;     // the keys, places and participants named above
};

class NewsArchive {
 public:
  // Opens `path`, which must exist: kNotFound naming it otherwise (a typo
  // must not serve an empty database).
  static Result<std::unique_ptr<NewsArchive>> Open(const std::string& path);

  const std::string& path() const { return path_; }

  // The timeline of the entities `entity` names (a key such as
  // "p:karima-bennani", or a name in any script), at most `limit` entries.
  // keys is empty when it names none.
  Result<EntityTimeline> Timeline(std::string_view entity, size_t limit) EXCLUDES(mu_);

  // The documents that mention an entity that `screener`'s lists hold at
  // `threshold` or more, newest first, at most `limit`; `since` as
  // NewsStore::Alerts. REQUIRES: screener != nullptr.
  Result<std::vector<store::Alert>> Alerts(std::shared_ptr<const screen::Screener> screener,
                                           double threshold, size_t limit, std::string_view since)
      EXCLUDES(mu_);

 private:
  NewsArchive(std::string path, std::unique_ptr<store::NewsStore> store)
      : path_(std::move(path)), store_(std::move(store)) {}

  const std::string path_;
  Mutex mu_;  // guards everything below
  const std::unique_ptr<store::NewsStore> store_ PT_GUARDED_BY(mu_);
  // Entities screened on `screened_with_`: entity key -> (its names joined, its entry).
  std::weak_ptr<const screen::Screener> screened_with_ GUARDED_BY(mu_);
  double screened_at_ GUARDED_BY(mu_) = -1;
  std::unordered_map<std::string, std::pair<std::string, std::optional<news::Listed>>> listed_
      GUARDED_BY(mu_);
};

}  // namespace qantara::service

#endif  // QANTARA_SERVICE_NEWS_ARCHIVE_H_
