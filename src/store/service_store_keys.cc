// API keys (see service_store.h): their creation, revocation and listing,
// and FindKey's cache, so that a request's key check does not wait behind
// another's recording.
#include <nlohmann/json.hpp>

#include "base/env.h"
#include "io/digest.h"
#include "store/internal/transaction.h"
#include "store/service_store.h"

namespace qantara::store {
namespace {

// 32 random bytes from the Env (the OS's CSPRNG by default), hex, with a recognisable prefix.
Result<std::string> NewKey(Env* env) {
  unsigned char bytes[32];
  Status random = env->RandomBytes(bytes, sizeof bytes);
  if (!random.ok()) return Status::IoError("cannot make a key: " + random.message());
  static const char kHex[] = "0123456789abcdef";
  std::string key = "qk_";
  for (unsigned char b : bytes) {
    key += kHex[b >> 4];
    key += kHex[b & 15];
  }
  return key;
}

// The cache holds at most this many keys (unknown ones included, so that
// random keys cannot grow it without bound): when full, the expired entries
// go, and if none has expired, all of them.
constexpr size_t kMaxCachedKeys = 4096;

}  // namespace

using internal::InTransaction;

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kScreener:
      return "screener";
    case Role::kReviewer:
      return "reviewer";
    case Role::kAdmin:
      return "admin";
  }
  return "screener";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role r : {Role::kScreener, Role::kReviewer, Role::kAdmin}) {
    if (RoleName(r) == name) return r;
  }
  return std::nullopt;
}

Result<std::string> ServiceStore::AddKey(std::string_view name, Role role) {
  if (name.empty()) return Status::InvalidArgument("a key needs a --name");
  Result<std::string> key = NewKey(options_.env ? options_.env : Env::Default());
  if (!key.ok()) return key.status();
  MutexLock lock(&mu_);
  Status s = InTransaction(*db_, [&]() -> Status {
    mu_.AssertHeld();  // the caller's lock (clang does not see it in a lambda)
    auto taken = db_->PrepareCached("SELECT 1 FROM api_keys WHERE name = ?");
    if (!taken.ok()) return taken.status();
    auto row = taken->Bind(1, name).Step();
    if (!row.ok()) return row.status();
    if (*row) return Status::InvalidArgument("a key named \"" + std::string(name) + "\" exists");
    const std::string at = options_.now();
    auto insert = db_->PrepareCached(
        "INSERT INTO api_keys(name, role, key_sha256, created_at) VALUES(?, ?, ?, ?)");
    if (!insert.ok()) return insert.status();
    insert->Bind(1, name).Bind(2, RoleName(role)).Bind(3, io::Sha256Hex(*key)).Bind(4, at);
    QANTARA_RETURN_IF_ERROR(insert->Run());
    nlohmann::json payload = {{"name", name}, {"role", RoleName(role)}};
    return AppendAudit("admin:cli", "key.add", payload.dump());
  });
  if (!s.ok()) return s;
  ForgetKeys();  // it may be cached as unknown
  return key;
}

Result<std::optional<ApiKey>> ServiceStore::FindKey(std::string_view key) {
  std::string hash = io::Sha256Hex(key);
  const bool caching = options_.key_cache_ttl.count() > 0;
  uint64_t generation = 0;
  if (caching) {
    MutexLock lock(&keys_mu_);
    auto it = keys_.find(hash);
    if (it != keys_.end() && options_.steady_now() < it->second.expires) return it->second.key;
    generation = keys_generation_;
  }
  Result<std::optional<ApiKey>> found = [&] {
    MutexLock lock(&mu_);
    return FindKeyLocked(hash);
  }();
  if (!found.ok() || !caching) return found;
  MutexLock lock(&keys_mu_);
  // A ForgetKeys since the read (a revocation here) makes what was read stale.
  if (generation != keys_generation_) return found;
  const auto now = options_.steady_now();
  if (keys_.size() >= kMaxCachedKeys && keys_.find(hash) == keys_.end()) {
    std::erase_if(keys_, [&](const auto& entry) { return !(now < entry.second.expires); });
    if (keys_.size() >= kMaxCachedKeys) keys_.clear();
  }
  keys_[std::move(hash)] = CachedKey{*found, now + options_.key_cache_ttl};
  return found;
}

size_t ServiceStore::cached_keys() {
  MutexLock lock(&keys_mu_);
  return keys_.size();
}

void ServiceStore::ForgetKeys() {
  MutexLock lock(&keys_mu_);
  keys_.clear();
  ++keys_generation_;
}

Result<std::optional<ApiKey>> ServiceStore::FindKeyLocked(const std::string& key_sha256) {
  auto find =
      db_->PrepareCached("SELECT name, role FROM api_keys WHERE key_sha256 = ? AND revoked = 0");
  if (!find.ok()) return find.status();
  auto row = find->Bind(1, key_sha256).Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<ApiKey>();
  std::optional<Role> role = ParseRole(find->Text(1));
  if (!role) return Status::Corruption(db_->path() + ": api_keys: unknown role " + find->Text(1));
  return std::optional<ApiKey>(ApiKey{find->Text(0), *role});
}

Result<RevokeOutcome> ServiceStore::RevokeKey(std::string_view name, int64_t id,
                                              std::string_view actor) {
  MutexLock lock(&mu_);
  RevokeOutcome outcome = RevokeOutcome::kRevoked;
  const std::string who =
      name.empty() ? "id " + std::to_string(id) : "\"" + std::string(name) + "\"";
  Status s = InTransaction(*db_, [&]() -> Status {
    mu_.AssertHeld();  // the caller's lock (clang does not see it in a lambda)
    auto find =
        db_->PrepareCached(name.empty() ? "SELECT id, name, revoked FROM api_keys WHERE id = ?"
                                        : "SELECT id, name, revoked FROM api_keys WHERE name = ?");
    if (!find.ok()) return find.status();
    if (name.empty()) {
      find->Bind(1, id);
    } else {
      find->Bind(1, name);
    }
    auto row = find->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::NotFound("no key " + who + " (see `qantara keys list`)");
    const int64_t key_id = find->Int(0);
    const std::string key_name = find->Text(1);
    if (find->Int(2) != 0) {
      outcome = RevokeOutcome::kAlreadyRevoked;
      return Status::Ok();
    }
    auto revoke =
        db_->PrepareCached("UPDATE api_keys SET revoked = 1, revoked_at = ? WHERE id = ?");
    if (!revoke.ok()) return revoke.status();
    QANTARA_RETURN_IF_ERROR(revoke->Bind(1, options_.now()).Bind(2, key_id).Run());
    nlohmann::json payload = {{"key", key_id}, {"name", key_name}};
    return AppendAudit(actor, "key.revoke", payload.dump());
  });
  if (!s.ok()) return s;
  ForgetKeys();  // from the next request on, not after the TTL
  return outcome;
}

Result<std::vector<KeyInfo>> ServiceStore::ListKeys() {
  MutexLock lock(&mu_);
  auto list = db_->PrepareCached(
      "SELECT id, name, role, created_at, revoked, revoked_at FROM api_keys ORDER BY id");
  if (!list.ok()) return list.status();
  std::vector<KeyInfo> out;
  for (;;) {
    auto row = list->Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    std::optional<Role> role = ParseRole(list->Text(2));
    if (!role) return Status::Corruption(db_->path() + ": api_keys: unknown role " + list->Text(2));
    out.push_back({list->Int(0), list->Text(1), *role, list->Text(3), list->Int(4) != 0,
                   list->IsNull(5) ? std::string() : list->Text(5)});
  }
}

}  // namespace qantara::store
