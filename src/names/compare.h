// Name-versus-name comparison that returns evidence, not a verdict.
//
// Mechanism only (STYLE.md): CompareNames aligns the tokens of two parsed names
// and reports each aligned pair with its similarity and the measure that gave
// it. How much each token weighs, what score makes a match, and how similar
// two tokens must be to align at all, is policy and belongs to screen/
// (screen/score_model.h): callers pass it in CompareOptions.
#ifndef QANTARA_NAMES_COMPARE_H_
#define QANTARA_NAMES_COMPARE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "names/name.h"

namespace qantara::names {

// Which measure gave a token pair its similarity.
enum class Measure : uint8_t {
  kExact,        // equal matching forms
  kParticle,     // same canonical particle or title
  kJaroWinkler,  // same script: Jaro-Winkler on the matching forms
  kSound,        // sound sequences (names/sounds.h), the cross-script measure
  kInitials,     // initials against the words they begin ("K." / Konrad, "NDM" / New Dawn Movement)
};
std::string_view MeasureName(Measure m);

// A float: callers keep thousands of these per query, and every comparison
// with CompareOptions::min_pair_similarity then sees the same value wherever
// it was kept.
struct TokenSimilarityResult {
  float similarity = 0;  // in [0, 1]
  Measure measure = Measure::kSound;
};

// The caller's policy for a comparison. It has no default: the value is the
// caller's to choose (screening's is screen::kMinPairSimilarity), and every
// caller that must agree with screening passes that one.
struct CompareOptions {
  constexpr CompareOptions(double min_pair_similarity, double initials_similarity,
                           double acronym_similarity)
      : min_pair_similarity(min_pair_similarity),
        initials_similarity(initials_similarity),
        acronym_similarity(acronym_similarity) {}
  // Token pairs below this similarity are never aligned, and TokenSimilarity
  // may report any lower value for them.
  double min_pair_similarity;
  // The similarity AlignJoined gives one or two initials and the words they
  // begin ("K." / Konrad, "HJ" / Hans-Juergen), and three initials or more
  // (an acronym: "NDM" / New Dawn Movement).
  double initials_similarity;
  double acronym_similarity;
};

// Whether two words are close enough in writing to be compared at all. True
// when they are spelled alike, or, when one is two joined words (JoinTokens),
// when their keys are equal (one script) or their coarse keys are as below
// (two scripts); else when
//   - their coarse keys are equal (names/phonetic.h: consonants alike up to
//     the class swaps spellings make) and have two classes or more, or
//   - their keys are equal (one class, or none: "Wee" and "Wei"), or are one
//     class each and CloseClasses ("Ewaz" / the Arabic "Awad"), or
//   - both keys have 3+ classes and one is the other with one class deleted, or
//   - both have 4+ letters and are at most one edit apart (a typo), or
//   - one is Arabic and ends in ta marbuta, the other Latin with the same key
//     and a T more ("Asbat" / its Arabic spelling: ConstructKey).
// Two words that fail this never align, however their letters compare; the
// index (screen/index.h) enumerates exactly these neighbours, which is what
// lets it promise the same results as scoring every listed name.
bool Comparable(const NameToken& a, const NameToken& b);

// Whether a token is a known word that is also spelled (Nasr is victory and a
// name): a concept or a generic word (names/name.h), or a number written in
// letters (Khamis is "fifth" and a name; numbers still compare with each
// other only by their value).
bool IsKnownWord(const NameToken& t);

// Whether a token compares by spelling and sound: words, titles (Qari, Haji,
// Mullah also stand in names) and known words. Other particles (bin, abu,
// al, legal forms, numbers in digits, stopwords) compare only by canonical form.
bool ComparesAsWord(const NameToken& t);

// Whether AlignJoined may align `t` as initials: a Latin word written as
// initials (one letter, or letters with dots between them), of two Latin
// letters ("TE", "HJ"), or of three to six without a vowel ("NDM"). Indexes
// that bound scores before aligning must allow for such tokens (screen/index.h):
// each letter may cover one word of the other name that begins with it.
bool MayBeInitials(const NameToken& t);

// The key the same word has in the other script when it ends in a construct
// ending: an Arabic word ending in heh (ta marbuta folded) is read "-a" alone
// and "-at" before a genitive ("Asbat al-Ansar", "Jabhat al-Nusra"), so its
// Latin spellings may have one T more at the end of the key; a Latin word
// ending in a vowel and t may be such a spelling, one T less. Empty when the
// token has no such ending. Comparable accepts a pair whose keys differ just
// so, and the index looks such keys up (screen/index.h).
std::string ConstructKey(const NameToken& t);

// True for two key classes that spellings swap (D/T, D/Z, S/Z, J/K: the
// pairs of resources/key_similarity.tsv that cost 0.4 or less).
bool CloseClasses(char a, char b);

// Whether two adjacent tokens may also be read as one word (JoinTokens): two
// words of one script, or a patronymic and the word after it, which lists
// write glued as often as not ("Ben Hassine" / "Benhassine", "Bin Laden" /
// "Binladin"; the parser cannot split "Ben..." words, Benjamin is one).
bool Joinable(const NameToken& a, const NameToken& b);

// Two adjacent tokens as one ("Wali" + "Jan" -> "WaliJan"), for names whose
// word boundaries differ. REQUIRES: Joinable(a, b).
NameToken JoinTokens(const NameToken& a, const NameToken& b);

// Similarity of two tokens: tokens spelled alike, or particles (bin, abu,
// al) with the same canonical form, score 1; other particles score 0 against
// anything; words and titles (which compare as words) that are Comparable compare by sound sequence always
// (names/sounds.h) and by Jaro-Winkler when both are in one script, taking the
// higher; other words have similarity 0. A similarity below
// options.min_pair_similarity may be reported as any lower value (no pair
// uses it).
TokenSimilarityResult TokenSimilarity(const NameToken& a, const NameToken& b,
                                      const CompareOptions& options);

// One aligned group: query tokens [query_begin, query_end) against candidate
// tokens [candidate_begin, candidate_end). Groups are one-to-one, or two
// adjacent tokens against one when a word boundary differs ("Wali Jan" vs
// "Walijan").
struct AlignedPair {
  uint8_t query_begin = 0, query_end = 0;
  uint8_t candidate_begin = 0, candidate_end = 0;
  float similarity = 0;
  Measure measure = Measure::kSound;
};

struct NameEvidence {
  std::vector<AlignedPair> pairs;  // in query order
};

// Aligns `query` with `candidate`: greedily by descending similarity, one to
// one, then tries two-to-one merges for tokens left unaligned; pairs below
// options.min_pair_similarity are not aligned. Deterministic; thread-safe.
NameEvidence CompareNames(const ParsedName& query, const ParsedName& candidate,
                          const CompareOptions& options);

// The same alignment from token similarities the caller already has (the
// index computes most of them while gathering candidates): `known[i * nc + j]`
// is TokenSimilarity(query.tokens[i], candidate.tokens[j], options) for the first
// nq = min(query.tokens.size(), kMaxNameTokens) query tokens and
// nc = min(candidate.tokens.size(), kMaxNameTokens) candidate tokens.
// Returns what CompareNames(query, candidate, options) returns.
NameEvidence CompareNames(const ParsedName& query, const ParsedName& candidate,
                          const TokenSimilarityResult* known, const CompareOptions& options);

// CompareNames in its two steps, for callers that can stop after the first
// (the second only aligns tokens the first left unaligned): the one-to-one
// alignment, then the two-to-one merges and the initials. Together they give
// CompareNames. Initials: a token written as one letter ("K.") aligns with a
// word of the other name that begins with it; a token written as initials
// ("J.-P.", "A.T.C."), or a Latin word of two to six consonants ("HJ", "NDM":
// MayBeInitials), aligns with as many adjacent words of the other name as
// it has letters when they begin with its letters in order (stopwords
// between them go with them: "Movement for Liberation" / "MFL"); at
// options.initials_similarity, or acronym_similarity for three letters or more.
NameEvidence AlignOneToOne(const ParsedName& query, const ParsedName& candidate,
                           const TokenSimilarityResult* known, const CompareOptions& options);
void AlignJoined(const ParsedName& query, const ParsedName& candidate,
                 const CompareOptions& options, NameEvidence* evidence);

}  // namespace qantara::names

#endif  // QANTARA_NAMES_COMPARE_H_
