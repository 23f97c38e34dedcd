// The entity's JSON form: DESIGN.md "Entities", one object per line. It is both
// what `qantara lists export --jsonl` prints and our own JSONL list format.
//
//   {"id":"un:QDi.299","list":"un","ref":"QDi.299","schema":"Person",
//    "caption":"...","names":[{"value":"...","kind":"primary"}],
//    "birth_dates":["1971-07-28"],"nationalities":["iq"],"gender":"male",
//    "ids":[{"type":"passport","number":"...","country":"iq"}],
//    "programs":["..."],"listed_on":"2011-10-05"}
//
// Thread-safe (no shared state).
#ifndef QANTARA_LISTS_ENTITY_JSON_H_
#define QANTARA_LISTS_ENTITY_JSON_H_

#include <string>
#include <string_view>

#include "base/status.h"
#include "lists/entity.h"

namespace qantara::lists {

// One line of JSON (no trailing newline) with every key above, in that order;
// empty fields are written as "" or []. Bytes that are not valid UTF-8 are
// written as U+FFFD, so the output is always valid JSON.
std::string EntityToJson(const Entity& entity);

// Reads one line written by EntityToJson, or by hand for an in-house list.
// Required: at least one name ("names" or "caption"). Optional, with defaults:
//   "schema" (Person), "list" and "ref" (else split from "id" = "list:ref"; an
//   empty list is left for the caller to fill), "names[].kind" (primary for the
//   first name, alias after; a name may also be a plain string), everything else
//   empty. Unknown keys are ignored. Duplicates are kept (LoadLists removes them).
// "nationalities" take alpha-2 codes or country names; "birth_dates" and
// "listed_on" any form PartialDate::Parse reads (stored in its text form).
// On failure returns kCorruption whose message names the field, e.g.
//   field "birth_dates[1]": cannot read date "31/02/1970"
Result<Entity> EntityFromJson(std::string_view line);

}  // namespace qantara::lists

#endif  // QANTARA_LISTS_ENTITY_JSON_H_
