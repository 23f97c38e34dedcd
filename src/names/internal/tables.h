// Internal: the reference tables of resources/*.tsv as generated C++ arrays.
// Not part of names/' contract; only names/*.cc include it.
#ifndef QANTARA_NAMES_INTERNAL_TABLES_H_
#define QANTARA_NAMES_INTERNAL_TABLES_H_

#include "names/name.h"

namespace qantara::names::tables {

struct ArabicLetterClass {
  char32_t code_point;
  char key;  // '-' for none
};
struct LatinGrapheme {
  const char* grapheme;
  const char* key;  // "" for none
};
struct KeyPairCost {
  char a, b;
  float cost;
};
struct ParticleEntry {
  const char* form;
  const char* canonical;
  TokenRole role;
};

#include "generated/name_tables.inc"

}  // namespace qantara::names::tables

#endif  // QANTARA_NAMES_INTERNAL_TABLES_H_
