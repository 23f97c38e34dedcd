// MinHash (minhash.h). Each shingle is hashed once (FNV-1a over its three
// words, then splitmix64's finaliser); the 64 hash functions are multiply-adds
// on that hash with fixed odd multipliers, so signatures are stable.
#include "news/minhash.h"

#include <algorithm>
#include <vector>

#include "news/words.h"

namespace qantara::news {
namespace {

constexpr int kRows = kMinHashes / kBands;

uint64_t Fnv1a(std::string_view s, uint64_t h = 0xcbf29ce484222325ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

// A 64-bit mix (splitmix64's finaliser), so that similar shingles spread.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// The i-th hash function: a multiply-add on the shingle's 64-bit hash, high
// half kept (odd multipliers from a fixed seed).
struct HashFamily {
  std::array<uint64_t, kMinHashes> a, b;
  HashFamily() {
    uint64_t x = 0x51ab1e5eedull;
    for (int i = 0; i < kMinHashes; ++i) {
      a[i] = Mix(x += 0x9e3779b97f4a7c15ull) | 1;
      b[i] = Mix(x += 0x9e3779b97f4a7c15ull);
    }
  }
};

}  // namespace

TextSignature SignatureOf(std::string_view text) {
  static const HashFamily family;
  const std::vector<Word> words = SplitWords(text);
  TextSignature out;
  out.minhash.fill(UINT32_MAX);
  out.words = words.size();
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    uint64_t h = Fnv1a(words[i].norm);
    h = Fnv1a("\x1f", h);
    h = Fnv1a(words[i + 1].norm, h);
    h = Fnv1a("\x1f", h);
    h = Mix(Fnv1a(words[i + 2].norm, h));
    for (int k = 0; k < kMinHashes; ++k) {
      const uint32_t v = static_cast<uint32_t>((h * family.a[k] + family.b[k]) >> 32);
      out.minhash[k] = std::min(out.minhash[k], v);
    }
  }
  return out;
}

double Similarity(const MinHashSignature& a, const MinHashSignature& b) {
  int same = 0;
  for (int k = 0; k < kMinHashes; ++k) same += a[k] == b[k];
  return static_cast<double>(same) / kMinHashes;
}

uint64_t BandKey(const MinHashSignature& m, int band) {
  uint64_t h = Mix(static_cast<uint64_t>(band) + 1);
  for (int r = 0; r < kRows; ++r) h = Mix(h ^ m[band * kRows + r]);
  return h;
}

uint64_t StableHash(std::string_view s) { return Fnv1a(s); }

}  // namespace qantara::news
