// Internal to screen/: an immutable map from 64-bit keys to lists of ids, in two flat arrays.
//
// The index looks up a query word's neighbourhoods a few dozen times per
// word (one per deletion of its spelling and of its key). A node-based hash
// map costs several cache misses per lookup (bucket, node, vector); here a
// lookup probes one slot of an open-addressing table (at most half full) and
// then reads one contiguous run of ids.
#ifndef QANTARA_SCREEN_INTERNAL_FLAT_POSTINGS_H_
#define QANTARA_SCREEN_INTERNAL_FLAT_POSTINGS_H_

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace qantara::screen::internal {

class FlatPostings {
 public:
  FlatPostings() = default;
  // Takes every key's list (lists must not be empty; their order is kept).
  explicit FlatPostings(const std::unordered_map<uint64_t, std::vector<uint32_t>>& lists) {
    size_t capacity = 16;
    while (capacity < lists.size() * 2) capacity *= 2;
    slots_.assign(capacity, Slot());
    shift_ = 64;
    for (size_t c = capacity; c > 1; c /= 2) --shift_;
    for (const auto& [key, ids] : lists) {
      if (ids.empty()) continue;
      size_t slot = Home(key);
      while (slots_[slot].count != 0) slot = (slot + 1) & (capacity - 1);
      slots_[slot] = {key, static_cast<uint32_t>(ids_.size()), static_cast<uint32_t>(ids.size())};
      ids_.insert(ids_.end(), ids.begin(), ids.end());
    }
  }

  // The ids filed under `key`; empty when none are.
  std::span<const uint32_t> Find(uint64_t key) const {
    if (slots_.empty()) return {};
    const size_t mask = slots_.size() - 1;
    for (size_t slot = Home(key);; slot = (slot + 1) & mask) {
      const Slot& s = slots_[slot];
      if (s.count == 0) return {};
      if (s.key == key) return {ids_.data() + s.begin, s.count};
    }
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t begin = 0;
    uint32_t count = 0;  // 0: an empty slot
  };
  // Fibonacci hashing: the top bits of key * 2^64/phi.
  size_t Home(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }

  std::vector<Slot> slots_;
  std::vector<uint32_t> ids_;
  int shift_ = 64;
};

}  // namespace qantara::screen::internal

#endif  // QANTARA_SCREEN_INTERNAL_FLAT_POSTINGS_H_
