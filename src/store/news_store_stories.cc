// What each stored document's story was found by (schema v3's
// story_evidence), kept so that `qantara read --db` run again on new articles
// continues the stories of the runs before it rather than starting new keys.
#include <cstdio>
#include <cstdlib>

#include "news/minhash.h"
#include "store/news_store.h"

namespace qantara::store {
namespace {

std::string Lines(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (item.find('\n') != std::string::npos) continue;  // keys never hold one
    if (!out.empty()) out.push_back('\n');
    out += item;
  }
  return out;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

std::string Hex(const news::MinHashSignature& minhash) {
  std::string out;
  out.reserve(minhash.size() * 8);
  char buf[9];
  for (uint32_t v : minhash) {
    std::snprintf(buf, sizeof buf, "%08x", v);
    out += buf;
  }
  return out;
}

// False when `hex` is not kMinHashes values of 8 hex digits.
bool FromHex(const std::string& hex, news::MinHashSignature* minhash) {
  if (hex.size() != minhash->size() * 8) return false;
  for (size_t i = 0; i < minhash->size(); ++i) {
    const std::string part = hex.substr(i * 8, 8);
    char* end = nullptr;
    (*minhash)[i] = static_cast<uint32_t>(std::strtoul(part.c_str(), &end, 16));
    if (end != part.c_str() + 8) return false;
  }
  return true;
}

}  // namespace

Status NewsStore::SaveStoryEvidence(int64_t document, const news::StoryEvidence& evidence) {
  const news::TextSignature signature =
      evidence.signature ? *evidence.signature : news::SignatureOf(evidence.text);
  auto insert = db_->Prepare(
      "INSERT OR REPLACE INTO story_evidence(document, words, minhash, actors, places, events, "
      "event_days) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!insert.ok()) return insert.status();
  insert->Bind(1, document).Bind(2, static_cast<int64_t>(signature.words));
  insert->Bind(3, Hex(signature.minhash)).Bind(4, Lines(evidence.actors));
  insert->Bind(5, Lines(evidence.places)).Bind(6, Lines(evidence.events));
  insert->Bind(7, Lines(evidence.event_days));
  return insert->Run();
}

Result<std::vector<std::pair<std::string, news::StoryEvidence>>> NewsStore::LoadStories(
    size_t latest) {
  auto rows = db_->Prepare(
      "SELECT * FROM (SELECT d.id, d.doc, d.published, d.story, s.words, s.minhash, s.actors, "
      "s.places, s.events, s.event_days FROM story_evidence s JOIN documents d ON d.id = "
      "s.document WHERE d.story IS NOT NULL ORDER BY d.id DESC LIMIT ?1) ORDER BY id");
  if (!rows.ok()) return rows.status();
  rows->Bind(1, static_cast<int64_t>(latest));
  std::vector<std::pair<std::string, news::StoryEvidence>> out;
  for (;;) {
    Result<bool> row = rows->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    news::StoryEvidence e;
    e.doc = rows->Text(1);
    if (!rows->IsNull(2)) e.published = rows->Text(2);
    news::TextSignature signature;
    signature.words = static_cast<size_t>(rows->Int(4));
    if (!FromHex(rows->Text(5), &signature.minhash)) {
      return Status::InvalidArgument("story_evidence of document \"" + e.doc +
                                     "\": field minhash is not " +
                                     std::to_string(news::kMinHashes) + " hex values");
    }
    e.signature = signature;
    e.actors = SplitLines(rows->Text(6));
    e.places = SplitLines(rows->Text(7));
    e.events = SplitLines(rows->Text(8));
    e.event_days = SplitLines(rows->Text(9));
    out.emplace_back(rows->Text(3), std::move(e));
  }
  return out;
}

}  // namespace qantara::store
