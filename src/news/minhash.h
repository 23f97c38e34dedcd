// MinHash signatures of a text's word 3-shingles, and their locality-sensitive
// bands: how stories (stories.h) find near-duplicate texts without comparing
// a document with every earlier one. ReadPage computes a document's signature
// on its worker thread; the story clusterer only compares signatures.
#ifndef QANTARA_NEWS_MINHASH_H_
#define QANTARA_NEWS_MINHASH_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "news/model.h"

namespace qantara::news {

// The signature of `text`'s word 3-shingles (words in matching form, so case,
// accents and Arabic spelling variants do not count).
TextSignature SignatureOf(std::string_view text);
inline MinHashSignature MinHash(std::string_view text) { return SignatureOf(text).minhash; }

// The share of equal values: an estimate of the shingle sets' Jaccard similarity.
double Similarity(const MinHashSignature& a, const MinHashSignature& b);

// Locality-sensitive hashing: kBands bands of kMinHashes / kBands values; two
// texts of similarity s share a band with probability 1 - (1 - s^4)^16 (0.88
// at s = 0.6, 0.99 at 0.75).
inline constexpr int kBands = 16;
uint64_t BandKey(const MinHashSignature& m, int band);

// FNV-1a, 64 bits: a hash that stays the same across runs and builds (story keys).
uint64_t StableHash(std::string_view s);

}  // namespace qantara::news

#endif  // QANTARA_NEWS_MINHASH_H_
