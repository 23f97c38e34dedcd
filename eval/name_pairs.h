// Labelled name pairs for pair_eval (eval/README.md "Name pairs"): the
// made-up suite in eval/data/name_pairs.tsv, and pairs mined from the lists
// in ../shared/data (aliases of one entity, distinct entities with names
// alike).
#ifndef QANTARA_EVAL_NAME_PAIRS_H_
#define QANTARA_EVAL_NAME_PAIRS_H_

#include <string>
#include <vector>

#include "lists/entity.h"

namespace qantara::eval {

struct NamePair {
  std::string category;  // "person_initials", "mined_alias_organization", ...
  lists::Schema schema = lists::Schema::kPerson;
  bool match = false;    // the label: the same entity
  std::string query;
  std::string listed;
  bool heldout = false;  // never used to choose anything (HeldOut)
};

// Whether a pair belongs to the held-out third: a hash of its two names,
// so that the split does not move when pairs are added or reordered.
bool HeldOut(const std::string& query, const std::string& listed);

// Reads `path` (category, schema, label, query, listed; '#' comments).
// A malformed line is reported on stderr with its number and skipped.
std::vector<NamePair> ReadNamePairs(const std::string& path);

// Pairs mined from `entities` (one list's entities, `list` names it in the
// categories): up to `per_category` of each of
//   mined_alias_<schema>   an entity's primary name against one of its
//                          aliases that shares a word with it (spellings,
//                          legal forms, longer and shorter forms)
//   mined_script_<schema>  its original-script name against its primary name
//   mined_neg_<schema>     primary names of two entities of the list whose
//                          names share a word and look alike (token-set
//                          Jaro-Winkler >= 0.88 on the normalised names)
// Deterministic.
std::vector<NamePair> MinePairs(const std::vector<lists::Entity>& entities, size_t per_category);

}  // namespace qantara::eval

#endif  // QANTARA_EVAL_NAME_PAIRS_H_
