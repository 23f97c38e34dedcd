// The allow-list: (query identity, entity) pairs that a reviewer cleared as
// false positives, so that the same person is not raised again for the same
// listed entity. Another entity, or the same name with another birth date,
// is still raised.
#ifndef QANTARA_SCREEN_ALLOW_LIST_H_
#define QANTARA_SCREEN_ALLOW_LIST_H_

#include <string>
#include <string_view>
#include <unordered_map>

#include "base/status.h"

namespace qantara::screen {

struct Query;

class AllowList {
 public:
  // The identity of a query: its normalised name and birth date
  // ("mohamed ben ali|1980-02-01"). Spelling variants of one person are not
  // merged on purpose: a cleared decision covers what the reviewer saw.
  static std::string Identity(std::string_view name, std::string_view birth_date);

  // Records that `entity_id` ("un:QDi.299") was cleared for `identity`.
  void Add(const std::string& identity, const std::string& entity_id, std::string reason);

  // The reason recorded, or nullptr when the pair is not cleared.
  const std::string* Find(const std::string& identity, std::string_view entity_id) const;

  // Reads JSON Lines {"name", "birth_date"?, "entity", "reason"?}; a bad line is
  // an error naming the file and line (the allow-list is small and curated:
  // a partial one would raise cleared people again, so nothing is loaded).
  static Result<AllowList> Load(const std::string& path);

  size_t size() const { return entries_.size(); }

 private:
  std::unordered_map<std::string, std::string> entries_;  // identity + '\n' + entity -> reason
};

}  // namespace qantara::screen

#endif  // QANTARA_SCREEN_ALLOW_LIST_H_
