// SiteLines: the short lines a site repeats from page to page (menus,
// slogans, footers), counted once per page by their normalised form's hash.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>

#include "news/clean.h"
#include "news/internal/clean_features.h"
#include "text/normalize.h"

namespace qantara::news {

using clean_internal::kShortBytes;

void SiteLines::AddPage(std::string_view site, const std::vector<Block>& blocks) {
  std::vector<uint64_t> seen;
  for (const Block& b : blocks) {
    if (b.text.empty() || b.text.size() > kShortBytes) continue;
    seen.push_back(std::hash<std::string>{}(text::NormalizeForMatching(b.text)));
  }
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  auto& counts = pages_[std::string(site)];
  for (uint64_t h : seen) ++counts[h];
}

bool SiteLines::Repeated(std::string_view site, std::string_view block_text) const {
  return RepeatedKey(site, text::NormalizeForMatching(block_text));
}

bool SiteLines::RepeatedKey(std::string_view site, const std::string& key) const {
  const auto it = pages_.find(std::string(site));
  if (it == pages_.end()) return false;
  const auto line = it->second.find(std::hash<std::string>{}(key));
  return line != it->second.end() && line->second >= 3;
}

}  // namespace qantara::news
