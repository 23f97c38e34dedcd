// One reader per list format (internal to lists/; LoadLists in reader.cc picks one).
//
// Every reader takes a whole decoded file (gunzipped, UTF-8 or the format's own
// encoding), appends finished entities (see FinishEntity) to *out, fills
// source->list, ->published and ->records, and reports bad records through ctx.
// It returns a non-OK Status only when the file as a whole cannot be used.
#ifndef QANTARA_LISTS_INTERNAL_FORMAT_READERS_H_
#define QANTARA_LISTS_INTERNAL_FORMAT_READERS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "lists/entity.h"
#include "lists/internal/read_context.h"
#include "lists/reader.h"

namespace qantara::lists {

Status ReadUnXml(std::string_view data, const ReadContext& ctx, ListSource* source,
                 std::vector<Entity>* out);
Status ReadOfacXml(std::string_view data, const ReadContext& ctx, ListSource* source,
                   std::vector<Entity>* out);
Status ReadEuXml(std::string_view data, const ReadContext& ctx, ListSource* source,
                 std::vector<Entity>* out);
Status ReadUkCsv(std::string_view data, const ReadContext& ctx, ListSource* source,
                 std::vector<Entity>* out);
Status ReadJsonl(std::string_view data, const ReadContext& ctx, ListSource* source,
                 std::vector<Entity>* out);
Status ReadSimpleCsv(std::string_view data, const ReadContext& ctx, ListSource* source,
                     std::vector<Entity>* out);

// OFAC's legacy CSV set. sdn.csv defines the entities; alt.csv (aliases) and
// add.csv (addresses) refer to them by ent_num and may come in any order, so the
// three are gathered here and merged once every file has been read.
struct OfacCsvSet {
  struct Record {
    Entity entity;
    std::string path;  // the sdn.csv it came from
    size_t line = 0;
  };
  struct AltRow {
    std::string ent_num;
    std::string name;
    std::string path;
    size_t line = 0;
  };
  struct AddRow {
    std::string ent_num;
    std::string path;
    size_t line = 0;
  };
  std::vector<Record> records;
  std::unordered_map<std::string, size_t> by_ent_num;  // -> index in records
  std::vector<AltRow> alts;
  std::vector<AddRow> adds;
  std::vector<std::string> alt_add_paths;  // alt/add files, for "given without sdn.csv"
};

// Read one file of the set into *set (nothing is finished yet).
Status ReadOfacSdnCsv(std::string_view data, const ReadContext& ctx, ListSource* source,
                      OfacCsvSet* set);
Status ReadOfacAltCsv(std::string_view data, const ReadContext& ctx, ListSource* source,
                      OfacCsvSet* set);
Status ReadOfacAddCsv(std::string_view data, const ReadContext& ctx, ListSource* source,
                      OfacCsvSet* set);

// Merges alt rows into their sdn records (orphans become issues), finishes every
// record and appends the entities to *out. `ctx.path` is ignored: issues name the
// file each row came from.
void MergeOfacCsvSet(OfacCsvSet* set, const ReadContext& ctx, std::vector<Entity>* out);

// What OFAC's remarks column says, read by ParseOfacRemarks (ofac_remarks.cc).
struct OfacRemarks {
  std::vector<PartialDate> birth_dates;
  std::vector<std::string> nationality_text;  // "Iraq", "Korea, North" (nationality and citizen)
  std::string gender;                         // "male", "female" or empty
  std::vector<IdentityDocument> ids;          // country holds the country *name* here
  std::vector<std::string> weak_aliases;      // the quoted a.k.a./f.k.a./n.k.a. names
  std::vector<std::string> unread_dates;      // DOB values PartialDate could not read
};
OfacRemarks ParseOfacRemarks(std::string_view remarks);

// Maps an OFAC id type ("Passport", "National ID No.", ...) to our type, or ""
// for entries that are not identity documents (websites, sanctions notes, dates).
std::string OfacIdType(std::string_view published_type);

// Reads a US-style "MM/DD/YYYY" date (OFAC's Publish_Date) into ISO "YYYY-MM-DD";
// "" when it is not one.
std::string UsDateToIso(std::string_view s);

}  // namespace qantara::lists

#endif  // QANTARA_LISTS_INTERNAL_FORMAT_READERS_H_
