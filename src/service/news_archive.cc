#include "service/news_archive.h"

#include <algorithm>

namespace qantara::service {
namespace {

// What an entity's listed answer depends on: its type and every name screened.
std::string NamesOf(const news::EntityRecord& e) {
  std::string out = std::string(news::MentionTypeName(e.type)) + '\n' + e.canonical;
  for (const std::string& n : e.names) out += '\n' + n;
  return out;
}

void AddKey(const std::string& key, std::vector<std::string>* keys) {
  if (!key.empty() && std::find(keys->begin(), keys->end(), key) == keys->end()) {
    keys->push_back(key);
  }
}

}  // namespace

Result<std::unique_ptr<NewsArchive>> NewsArchive::Open(const std::string& path) {
  auto store = store::NewsStore::OpenExisting(path);
  if (!store.ok()) return store.status();
  return std::unique_ptr<NewsArchive>(new NewsArchive(path, std::move(*store)));
}

Result<EntityTimeline> NewsArchive::Timeline(std::string_view entity, size_t limit) {
  MutexLock lock(&mu_);
  EntityTimeline out;
  auto keys = store_->ResolveEntities(entity);
  if (!keys.ok()) return keys.status();
  out.keys = std::move(*keys);
  if (out.keys.empty()) return out;
  auto entries = store_->Timeline(out.keys, limit);
  if (!entries.ok()) return entries.status();
  out.entries = std::move(*entries);
  std::vector<std::string> named = out.keys;
  for (const store::TimelineEntry& t : out.entries) {
    AddKey(t.place, &named);
    for (const std::string& p : t.participants) AddKey(p, &named);
  }
  auto labels = store_->FindEntities(named);
  if (!labels.ok()) return labels.status();
  out.labels = std::move(*labels);
  return out;
}

Result<std::vector<store::Alert>> NewsArchive::Alerts(
    std::shared_ptr<const screen::Screener> screener, double threshold, size_t limit,
    std::string_view since) {
  MutexLock lock(&mu_);
  if (screened_with_.lock() != screener || screened_at_ != threshold) {
    listed_.clear();
    screened_with_ = screener;
    screened_at_ = threshold;
  }
  auto entities = store_->LoadEntities();
  if (!entities.ok()) return entities.status();
  screen::ScreenScratch scratch;
  std::vector<std::pair<std::string, news::Listed>> listed;
  for (const news::EntityRecord& e : *entities) {
    std::string names = NamesOf(e);
    auto it = listed_.find(e.key);
    if (it == listed_.end() || it->second.first != names) {
      auto entry = news::ListedEntity(e, *screener, &scratch, threshold);
      it = listed_.insert_or_assign(e.key, std::make_pair(std::move(names), entry)).first;
    }
    if (it->second.second) listed.emplace_back(e.key, *it->second.second);
  }
  return store_->Alerts(listed, limit, since);
}

}  // namespace qantara::service
