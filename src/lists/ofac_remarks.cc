// OFAC's remarks: the legacy CSV puts everything but the name, type and programs
// in one free-text column, e.g.
//   DOB 1964; alt. DOB 28 Aug 1962; nationality Korea, North; Gender Male;
//   Passport 290320764 (Korea, North) expires 2020; a.k.a. 'KIM, JIN SOK'.
// Clauses are separated by "; ". We read the ones that matter for screening:
// DOB (and "alt. DOB"), nationality, citizen, Gender, identity documents from a
// known list of OFAC's own labels, and the quoted a.k.a./f.k.a./n.k.a. names.
//
// Those quoted names are OFAC's weak aliases: checked on the 2024 sdn.csv, none
// of its 3,663 quoted remark aliases appears in alt.csv, which holds the strong
// ones. They are read first because a name may contain ';' or an apostrophe
// ("ABU-MARZUQ, SA'ID"): a quote closes a name only before ';', ')', ',', the
// end, or a '.' that ends the clause.
#include <algorithm>
#include <string>

#include "base/ascii.h"
#include "lists/internal/field_forms.h"
#include "lists/internal/format_readers.h"

namespace qantara::lists {
namespace {

struct IdLabel {
  std::string_view label;  // as OFAC writes it
  std::string_view type;   // ours ("" = keep the label)
};

// Identity documents and registry numbers OFAC prints in remarks and idList.
constexpr IdLabel kIdLabels[] = {
    {"Passport", "passport"},
    {"Diplomatic Passport", "passport"},
    {"National ID No.", "national_id"},
    {"Cedula No.", "national_id"},
    {"Identification Number", "national_id"},
    {"D.N.I.", "national_id"},
    {"C.U.R.P.", "national_id"},
    {"C.U.R.P. #", "national_id"},
    {"C.U.I.", "national_id"},
    {"C.U.I.T.", "national_id"},
    {"Personal ID Card", "national_id"},
    {"Kenyan ID No.", "national_id"},
    {"National Foreign ID Number", "national_id"},
    {"Turkish Identification Number", "national_id"},
    {"Numero de Identidad", "national_id"},
    {"Citizen's Card Number", "national_id"},
    {"Credencial electoral", "national_id"},
    {"I.F.E.", "national_id"},
    {"Electoral Registry No.", "national_id"},
    {"SSN", "national_id"},
    {"Travel Document Number", ""},
    {"Residency Number", ""},
    {"Birth Certificate Number", ""},
    {"Driver's License No.", ""},
    {"Tax ID No.", ""},
    {"R.F.C.", ""},
    {"RFC", ""},
    {"NIT #", ""},
    {"RUC #", ""},
    {"V.A.T. Number", ""},
    {"US FEIN", ""},
    {"Italian Fiscal Code", ""},
    {"Registration Number", ""},
    {"Registration ID", ""},
    {"Public Registration Number", ""},
    {"Business Registration Number", ""},
    {"Business Registration Document #", ""},
    {"Business Number", ""},
    {"Enterprise Number", ""},
    {"Company Number", ""},
    {"UK Company Number", ""},
    {"Commercial Registry Number", ""},
    {"Certificate of Incorporation Number", ""},
    {"Chamber of Commerce Number", ""},
    {"Central Registration System Number", ""},
    {"Economic Register Number (CBLS)", ""},
    {"C.R. No.", ""},
    {"Folio Mercantil No.", ""},
    {"Matricula Mercantil No", ""},
    {"Trade License No.", ""},
    {"Registered Charity No.", ""},
    {"D-U-N-S Number", ""},
    {"Unified Social Credit Code (USCC)", ""},
    {"Legal Entity Number", ""},
    {"SWIFT/BIC", ""},
    {"BIK (RU)", ""},
    {"Vessel Registration Identification", ""},
    {"MMSI", ""},
    {"Aircraft Manufacturer's Serial Number (MSN)", ""},
    {"Aircraft Tail Number", ""},
};

// idList types that are not identifiers of the listed party.
constexpr std::string_view kNotIdentifiers[] = {
    "Website",
    "Email",
    "Phone",
    "Telephone",
    "Fax",
    "Secondary sanctions",
    "Executive Order",
    "Target Type",
    "Listing Date",
    "Effective Date",
    "Purchase/Sales",
    "Organization Established",
    "Organization Type",
    "Issuer Name",
    "Equity Ticker",
    "CAATSA",
    "Nationality of Registration",
    "Additional Sanctions Information",
    "Transactions Prohibited",
    "Digital Currency Address",
    "Gender",
    "Aircraft Manufacture Date",
    "Aircraft Model",
    "Aircraft Operator",
    "Aircraft Manufacturer's",
    "Vessel Year of Build",
    "Other Vessel",
    "Vessel Flag",
    "Government Gazette Number",
    "Former",
    "Related",
    "ISIN",
};

// The type for an identifier whose number says what it is.
std::string RefineType(std::string type, std::string_view number) {
  if (StartsWithIgnoreCase(number, "IMO ")) return "imo";
  return type;
}

// The longest label that starts `clause` and is followed by a space, or nullptr.
const IdLabel* MatchIdLabel(std::string_view clause) {
  const IdLabel* best = nullptr;
  for (const IdLabel& l : kIdLabels) {
    if (clause.size() > l.label.size() + 1 && clause.substr(0, l.label.size()) == l.label &&
        clause[l.label.size()] == ' ' && (best == nullptr || l.label.size() > best->label.size())) {
      best = &l;
    }
  }
  return best;
}

// "290320764 (Korea, North) expires 2020" -> number and country name.
void ReadIdentifier(std::string_view type, std::string_view rest, OfacRemarks* out) {
  rest = TrimSpaces(rest);
  std::string_view number = rest;
  std::string_view country;
  if (size_t open = rest.find(" ("); open != std::string_view::npos) {
    number = TrimSpaces(rest.substr(0, open));
    size_t close = rest.find(')', open);
    if (close != std::string_view::npos)
      country = TrimSpaces(rest.substr(open + 2, close - open - 2));
  }
  if (number.empty()) return;
  out->ids.push_back(
      {RefineType(std::string(type), number), std::string(number), std::string(country)});
}

// Position of the quote closing a name that starts at `from`, or npos.
size_t ClosingQuote(std::string_view s, size_t from) {
  for (size_t i = s.find('\'', from); i != std::string_view::npos; i = s.find('\'', i + 1)) {
    if (i + 1 == s.size()) return i;
    char next = s[i + 1];
    if (next == ';' || next == ')' || next == ',') return i;
    if (next == '.' && (i + 2 == s.size() || s[i + 2] == ' ' || s[i + 2] == ';')) return i;
  }
  return std::string_view::npos;
}

// Moves the quoted alias names into out->weak_aliases; returns the remaining text.
std::string TakeQuotedAliases(std::string_view s, OfacRemarks* out) {
  std::string rest;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t best = std::string_view::npos;
    for (std::string_view marker : {"a.k.a. '", "f.k.a. '", "n.k.a. '"}) {
      best = std::min(best, s.find(marker, pos));
    }
    if (best == std::string_view::npos) break;
    size_t start = best + 8;
    size_t close = ClosingQuote(s, start);
    if (close == std::string_view::npos) break;
    rest.append(s.substr(pos, best - pos)).append(";");
    std::string name = CollapseSpaces(s.substr(start, close - start));
    if (!name.empty()) out->weak_aliases.push_back(std::move(name));
    pos = close + 1;
  }
  rest.append(s.substr(pos));
  return rest;
}

void ReadClause(std::string_view clause, OfacRemarks* out) {
  if (clause.substr(0, 5) == "alt. ") clause.remove_prefix(5);
  if (clause.substr(0, 4) == "DOB ") {
    if (auto d = PartialDate::Parse(clause.substr(4))) {
      out->birth_dates.push_back(*d);
    } else {
      out->unread_dates.emplace_back(clause.substr(4));
    }
  } else if (clause.substr(0, 12) == "nationality ") {
    out->nationality_text.emplace_back(TrimSpaces(clause.substr(12)));
  } else if (clause.substr(0, 8) == "citizen ") {
    out->nationality_text.emplace_back(TrimSpaces(clause.substr(8)));
  } else if (clause.substr(0, 7) == "Gender ") {
    out->gender = NormalizeGender(clause.substr(7));
  } else if (const IdLabel* label = MatchIdLabel(clause)) {
    std::string_view type = label->type.empty() ? label->label : label->type;
    ReadIdentifier(type, clause.substr(label->label.size() + 1), out);
  }
}

}  // namespace

OfacRemarks ParseOfacRemarks(std::string_view remarks) {
  OfacRemarks out;
  remarks = TrimSpaces(remarks);
  if (remarks.empty()) return out;
  std::string rest = TakeQuotedAliases(remarks, &out);
  for (const std::string& piece : SplitTrimmed(rest, ';')) {
    std::string_view clause = piece;
    while (!clause.empty() && clause.back() == '.') clause.remove_suffix(1);
    ReadClause(TrimSpaces(clause), &out);
  }
  return out;
}

std::string OfacIdType(std::string_view published_type) {
  std::string_view t = TrimSpaces(published_type);
  while (!t.empty() && (t.back() == ':' || t.back() == '-' || t.back() == ' ')) t.remove_suffix(1);
  if (t.empty()) return "";
  for (const IdLabel& l : kIdLabels) {
    if (EqualsIgnoreCase(t, l.label)) return std::string(l.type.empty() ? l.label : l.type);
  }
  for (std::string_view deny : kNotIdentifiers) {
    if (StartsWithIgnoreCase(t, deny)) return "";
  }
  return std::string(t);
}

}  // namespace qantara::lists
