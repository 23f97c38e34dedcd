// A statistical mention tagger: a structured averaged perceptron that labels
// each word of a text (news/words.h) O, B-X, I-X or C-X (X = person,
// organisation, location; C-X = B-X on an Arabic word whose one-letter
// clitic, wa-, fa-, bi-, li-, ka-, stays out of the mention), decoded by
// Viterbi over the transitions BIO allows. Its features are hashed into a
// fixed table; among them are what the rules of news/mentions.h said about
// the word (RuleHint), so that the tagger learns when to trust them.
//
// The model is trained by eval/train_tagger.cc on ../shared/data/news and
// embedded into the library at build time (resources/tagger/, docs/news.md,
// "Tagger"); SpotMentions uses Tagger::BuiltIn().
#ifndef QANTARA_NEWS_TAGGER_H_
#define QANTARA_NEWS_TAGGER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "news/gazetteer.h"
#include "news/words.h"

namespace qantara::news {

// Word labels. Never renumber: model files store weights by label.
enum TagLabel : int {
  kTagO = 0,
  kTagBPer,
  kTagIPer,
  kTagBOrg,
  kTagIOrg,
  kTagBLoc,
  kTagILoc,
  kTagCPer,
  kTagCOrg,
  kTagCLoc,  // B-X, the word's first letter (a clitic) left out
};
constexpr int kTagLabels = 10;

// "O", "B-PER", ..., "C-LOC".
std::string_view TagLabelName(int label);
// The label that begins (B) / continues (I) / begins after a clitic (C) a mention of `type`.
int BeginLabel(MentionType type);
int InsideLabel(MentionType type);
int CliticLabel(MentionType type);
// The mention type of a label other than kTagO.
MentionType LabelType(int label);

// What the rules said about one word: the label of the rule mention holding
// it (kTagO when none; never a C label) and that mention's cue.
struct RuleHint {
  int label = kTagO;
  std::string_view cue;
};

// The hashed features of every word: those of word i are
// features[offsets[i]] .. features[offsets[i + 1] - 1] (full 32-bit hashes;
// the model reduces them to its table). `hints` is empty or one per word.
// Thread-safe (the gazetteer is immutable).
void ExtractTaggerFeatures(const std::vector<Word>& words, const Gazetteer& gazetteer,
                           const std::vector<RuleHint>& hints, std::vector<uint32_t>* features,
                           std::vector<uint32_t>* offsets);

// Whether label `label` may follow `previous` (-1: at the start), and may
// stand on `word` (C labels only on an Arabic word starting with a clitic).
bool TransitionAllowed(int previous, int label);
bool LabelFits(int label, const Word& word);

// Best label sequence by Viterbi. `emissions` holds n * kTagLabels scores
// (word-major); `transitions` (kTagLabels + 1) * kTagLabels, row 0 from the
// start, row p + 1 from label p. Disallowed transitions and labels never win.
std::vector<int> DecodeLabels(const std::vector<Word>& words, const std::vector<float>& emissions,
                              const float* transitions);

// The weights as a file holds them.
struct TaggerModel {
  uint32_t bucket_bits = 18;       // the table has 2^bucket_bits rows of kTagLabels weights
  float scale = 1;                 // weight = stored / scale
  std::vector<int16_t> weights;    // (1 << bucket_bits) * kTagLabels
  std::vector<float> transitions;  // (kTagLabels + 1) * kTagLabels
  std::string note;                // training data and command (text, in the header)
};

// The file format (little-endian): "QTAGGER\n", then text lines "key: value"
// (version, hash_seed, labels, bucket_bits, training, command) up to an empty
// line, then bucket_bits (u32), scale (f32), the transitions (f32) and the
// weights (i16).
std::string EncodeTaggerModel(const TaggerModel& model);
Result<TaggerModel> DecodeTaggerModel(std::string_view bytes);

// Immutable once built; thread-safe.
class Tagger {
 public:
  explicit Tagger(TaggerModel model);

  // The model embedded at build time; loaded() is false when the build had
  // none (then Tag labels every word kTagO). Built once, on first use.
  static const Tagger& BuiltIn();

  bool loaded() const { return !model_.weights.empty(); }
  const TaggerModel& model() const { return model_; }

  // One label per word.
  std::vector<int> Tag(const std::vector<Word>& words, const Gazetteer& gazetteer,
                       const std::vector<RuleHint>& hints) const;

 private:
  TaggerModel model_;
};

}  // namespace qantara::news

#endif  // QANTARA_NEWS_TAGGER_H_
