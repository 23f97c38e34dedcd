// libFuzzer target: names::ParseName and names::CompareNames (src/names/).
//
// The input is split in two at its first newline (or in the middle) and each
// half, scrubbed to valid UTF-8 (ParseName requires it), is parsed. Properties:
//   - a parsed name has at most kMaxNameTokens tokens, each with a non-empty,
//     valid UTF-8 matching form, and its `normalized` form is valid UTF-8;
//   - parsing is deterministic;
//   - CompareNames(a, b) gives pairs with ranges inside both names, query
//     ranges in order and not overlapping, candidate ranges not overlapping,
//     similarities in [kMinPairSimilarity, 1]; CompareNames(a, a) aligns
//     every word of a name with itself.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "names/compare.h"
#include "names/name.h"
#include "screen/score_model.h"
#include "text/utf8.h"

namespace {

using namespace qantara;

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_parse_name: property failed: %s\n", what);
    std::abort();
  }
}

void CheckParsed(const names::ParsedName& p) {
  Check(p.tokens.size() <= names::kMaxNameTokens, "at most kMaxNameTokens tokens");
  Check(text::ValidateUtf8(p.normalized).ok(), "normalized is valid UTF-8");
  for (const names::NameToken& t : p.tokens) {
    Check(!t.text.empty(), "token text is not empty");
    Check(text::ValidateUtf8(t.text).ok(), "token text is valid UTF-8");
    Check(text::ValidateUtf8(t.surface).ok(), "token surface is valid UTF-8");
  }
}

void CheckEvidence(const names::NameEvidence& e, const names::ParsedName& q,
                   const names::ParsedName& c) {
  std::vector<bool> q_used(q.tokens.size()), c_used(c.tokens.size());
  for (const names::AlignedPair& p : e.pairs) {
    Check(p.query_begin < p.query_end && p.query_end <= q.tokens.size(), "query range inside");
    Check(p.candidate_begin < p.candidate_end && p.candidate_end <= c.tokens.size(),
          "candidate range inside");
    Check(p.similarity >= screen::kMinPairSimilarity - 1e-6 && p.similarity <= 1 + 1e-6,
          "similarity in [kMinPairSimilarity, 1]");
    for (size_t i = p.query_begin; i < p.query_end; ++i) {
      Check(!q_used[i], "query tokens aligned once");
      q_used[i] = true;
    }
    for (size_t i = p.candidate_begin; i < p.candidate_end; ++i) {
      Check(!c_used[i], "candidate tokens aligned once");
      c_used[i] = true;
    }
  }
  for (size_t i = 1; i < e.pairs.size(); ++i) {
    Check(e.pairs[i - 1].query_begin < e.pairs[i].query_begin, "pairs in query order");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t cut = in.find('\n');
  std::string_view first =
      cut == std::string_view::npos ? in.substr(0, size / 2) : in.substr(0, cut);
  std::string_view second =
      cut == std::string_view::npos ? in.substr(size / 2) : in.substr(cut + 1);
  std::string a_text = text::ScrubUtf8(first), b_text = text::ScrubUtf8(second);

  names::ParsedName a = names::ParseName(a_text), b = names::ParseName(b_text);
  CheckParsed(a);
  CheckParsed(b);
  names::ParsedName again = names::ParseName(a_text);
  Check(again.normalized == a.normalized && again.tokens.size() == a.tokens.size(),
        "parsing is deterministic");

  const names::CompareOptions& options = screen::kNameCompareOptions;
  CheckEvidence(names::CompareNames(a, b, options), a, b);
  CheckEvidence(names::CompareNames(b, a, options), b, a);
  names::NameEvidence self = names::CompareNames(a, a, options);
  CheckEvidence(self, a, a);
  size_t aligned = 0;
  for (const names::AlignedPair& p : self.pairs) aligned += p.query_end - p.query_begin;
  Check(aligned == a.tokens.size(), "a name aligns fully with itself");
  return 0;
}
