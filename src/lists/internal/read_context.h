// What every list reader shares (internal to lists/): where issues go, the
// options, and the final checks every entity passes before it is returned.
#ifndef QANTARA_LISTS_INTERNAL_READ_CONTEXT_H_
#define QANTARA_LISTS_INTERNAL_READ_CONTEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "lists/entity.h"
#include "lists/reader.h"

namespace qantara::lists {

// One file being read. Not thread-safe (one reader, one thread).
struct ReadContext {
  std::string path;
  const LoadOptions* options = nullptr;
  std::vector<LoadIssue>* issues = nullptr;

  // Records a skipped or repaired record.
  void Issue(size_t line, std::string message) const;
  // A whole-file failure: "path:line: message" ("path: message" when line is 0).
  Status Error(StatusCode code, size_t line, std::string_view message) const;
};

// Checks and bounds one entity read from `ctx.path` at `line`:
//   - every string must be valid UTF-8 (else the record is skipped with an issue
//     naming the field);
//   - names are trimmed and whitespace-collapsed; empty names go; names longer than
//     max_name_bytes are dropped with an issue; duplicates go (a repeated name keeps
//     its strongest kind); beyond max_names_per_entity, names are dropped with an issue;
//   - an entity without a primary name gets its first name promoted to primary;
//     an empty caption becomes the first primary name;
//   - birth dates, nationalities, ids and programs lose duplicates and are bounded
//     by the same max_names_per_entity cap (with an issue); ids without a number go.
// Returns false (after an issue) when the record is unusable: no ref or no name left.
bool FinishEntity(Entity* entity, const ReadContext& ctx, size_t line);

// Adds the codes of the countries named in `text` (see CountriesIn) to *codes;
// a piece that names no known country becomes an issue naming `field`.
// "na", "n/a", "unknown" and empty text are silently ignored.
void AddCountries(std::string_view text, std::vector<std::string>* codes, const ReadContext& ctx,
                  size_t line, std::string_view field);

// The country code for one document's country, or "" (unknown names become an issue).
std::string DocumentCountry(std::string_view text, const ReadContext& ctx, size_t line,
                            std::string_view field);

}  // namespace qantara::lists

#endif  // QANTARA_LISTS_INTERNAL_READ_CONTEXT_H_
