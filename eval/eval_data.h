// Reading the evaluation sets of ../shared/data/names and building query sets
// from them (see eval/README.md for what each set measures).
#ifndef QANTARA_EVAL_EVAL_DATA_H_
#define QANTARA_EVAL_EVAL_DATA_H_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "lists/entity.h"

namespace qantara::eval {

// Rows of a tab-separated file, without a header when `skip_header`.
std::vector<std::vector<std::string>> ReadTsv(const std::string& path, bool skip_header);

// One query with the entity ids acceptable at rank 1 (none for benign names).
struct LabelledQuery {
  std::string name;
  std::vector<std::string> expected;  // entity ids; empty when the name is not listed
  // A top match whose listed name is this one (same words) also counts as right: lists
  // carry one person several times (UN and OFAC), and no engine can tell them apart.
  std::string source_name = {};
};

// Spelling variants of a Latin name: a transliteration swap (ou/u, ee/i,
// Mohamed/Muhammad...), a particle change (al- / el / dropped), a word order
// change, or one typo (insert, delete, substitute or swap a letter).
// Returns an empty string when no variant differs from `name`.
std::string LatinVariant(const std::string& name, std::mt19937& rng);

// Random names of 2-3 words drawn from `words`.
std::vector<std::string> RandomNames(const std::vector<std::string>& words, size_t count,
                                     std::mt19937& rng);

}  // namespace qantara::eval

#endif  // QANTARA_EVAL_EVAL_DATA_H_
