// The annotated mention sets of ../shared/data/news as eval/mention_eval.cc
// and eval/train_tagger.cc read them (eval/README.md, "Mentions"): tokens and
// gold spans per sentence, each sentence rebuilt into text as the language
// writes it, and the fixed split into training and held-out sentences.
#ifndef QANTARA_EVAL_MENTION_SETS_H_
#define QANTARA_EVAL_MENTION_SETS_H_

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace qantara::eval {

constexpr int kTypes = 3;     // MentionType's values: person, organization, location
constexpr int kNotOurs = -1;  // a gold type we do not spot (book, nationality, MISC)

struct Span {
  size_t first = 0, last = 0;  // token indices, inclusive
  int type = kNotOurs;
  std::string cue = {};  // predictions only
};

struct Sentence {
  std::vector<std::string> tokens;
  std::vector<Span> gold;
};

struct Set {
  std::string name, note;
  std::vector<Sentence> sentences;
  std::map<std::string, size_t> unmapped;  // gold labels the mapping does not know
};

// newsfane_ar, wikineural_fr (its first `wikineural_sentences`; 0 for all)
// and europeana_fr from `news_dir` (../shared/data/news).
std::vector<Set> ReadMentionSets(const std::filesystem::path& news_dir,
                                 size_t wikineural_sentences);

// The fixed split: sentence k of a set is held out for evaluation when
// k % 5 == 0 and trains the tagger otherwise.
inline bool HeldOut(size_t sentence) { return sentence % 5 == 0; }
// The sentences of `set` on one side of the split (name and note say which).
Set SplitSet(const Set& set, bool held_out);

struct TokenAt {
  size_t sentence = 0, token = 0, start = 0, end = 0;
};

// The text of sentences [begin, end), one a line, and where each token is in
// it; Arabic clitics joined to their word when `join_clitics`.
std::string Rebuild(const Set& set, size_t begin, size_t end, bool join_clitics,
                    std::vector<TokenAt>* at);

}  // namespace qantara::eval

#endif  // QANTARA_EVAL_MENTION_SETS_H_
