// Loading official and in-house watchlists into Entities.
//
// Start here for lists/: LoadLists() reads any mix of supported files, picks the
// reader by content (never by file name), reads gzip transparently, merges
// OFAC's CSV set (sdn + alt + add) when given together, and reports every bad
// record without losing the good ones.
//
// Formats (DESIGN.md "Entities"):
//   un        UN Security Council Consolidated List XML (<CONSOLIDATED_LIST>)
//   ofac_xml  OFAC sdnList XML (SDN or consolidated non-SDN, with or without namespace)
//   ofac_csv  OFAC legacy CSV set: sdn.csv (12 columns), alt.csv (5), add.csv (6)
//   eu        EU Financial Sanctions File XML (<export> of <sanctionEntity>)
//   uk        HM Treasury OFSI ConList.csv ("Last Updated" row, then 36 columns)
//   jsonl     our own JSON Lines, one entity per line in the contract's form
//   csv       our own simple CSV: header with name (required), id, schema,
//             aliases ("; "-separated), birth_date, nationality, gender, list
#ifndef QANTARA_LISTS_READER_H_
#define QANTARA_LISTS_READER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "base/env.h"
#include "base/status.h"
#include "lists/entity.h"

namespace qantara::lists {

enum class Format { kUnknown, kUnXml, kOfacXml, kOfacSdnCsv, kOfacAltCsv, kOfacAddCsv, kEuXml, kUkCsv,
                    kJsonl, kCsv };
std::string_view FormatName(Format f);

// Guesses the format from the first bytes of a (decompressed) file.
Format DetectFormat(std::string_view head);

// A problem with one record or row: reported, skipped, and the load goes on.
struct LoadIssue {
  std::string file;
  size_t line = 0;      // 1-based line (CSV/JSONL) or the XML line of the element; 0 when unknown
  std::string message;  // what was wrong, naming the field
  std::string ToString() const;  // "file:line: message"
};

// What was read from one file.
struct ListSource {
  std::string path;
  Format format = Format::kUnknown;
  std::string list;          // "un", "ofac", ...
  std::string published;     // the file's own publication date (ISO) when it states one
  std::string sha256;        // of the file's bytes as read (after gunzip)
  size_t records = 0;        // records found in the file (entities, or rows for alt/add)
};

struct LoadOptions {
  // Name given to entities of in-house lists (jsonl/csv) that do not name one. Default "local".
  std::string default_list = "local";
  // Caps against hostile input (STYLE.md "Errors"): longer names are rejected
  // with an issue, extra aliases are dropped with an issue.
  size_t max_name_bytes = 1024;
  size_t max_names_per_entity = 1000;
  size_t max_file_bytes = size_t{1} << 30;
  // Where the files are read from. Default null: Env::Default() (tests inject faults).
  Env* env = nullptr;
};

struct LoadResult {
  std::vector<Entity> entities;
  std::vector<ListSource> sources;
  std::vector<LoadIssue> issues;  // bad records that were skipped or repaired
};

// Loads every file in `paths` (a .gz file is gunzipped). Returns a non-OK Status
// only when a whole file cannot be used (missing, unreadable, empty, binary,
// unknown format, truncated XML with no usable record); bad records inside a
// usable file become `issues` and the rest is loaded.
// When a truncated XML file still yields records, they are kept and the
// truncation is an issue.
Result<LoadResult> LoadLists(const std::vector<std::string>& paths, const LoadOptions& options = {});

}  // namespace qantara::lists

#endif  // QANTARA_LISTS_READER_H_
