// The mention tagger (news/tagger.h): hashed features, Viterbi, the model file.
//
// Features are hashed, not looked up in a vocabulary, so that the model is
// one fixed table and extraction allocates nothing per feature: each word's
// matching form is hashed once and every template mixes that hash with its
// own id. Templates: the word, its two neighbours on each side, shapes
// (capitals, script, digits), prefixes and suffixes of one to three letters,
// for Arabic the word without its one-letter clitic and without the article,
// breaks and glue, the gazetteer's word kinds of the word and its neighbours
// (titles, verbs of saying, organisation heads, given names...), and what the
// rules of news/mentions.h said (label and cue) about the word and its
// neighbours. The gazetteer's places and organisations reach the tagger
// through the rules' "gazetteer" cue. Checked on the held-out fifth of each
// set of eval/mention_eval.cc (eval/README.md, "Mentions").
#include "news/tagger.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace qantara::news {
namespace {

constexpr std::string_view kMagic = "QTAGGER\n";
constexpr uint32_t kVersion = 1;
constexpr uint32_t kHashSeed = 0x51a7e3u;                  // stored in the file header; a format
constexpr std::string_view kAlefLam = "\xd8\xa7\xd9\x84";  // ALEF, LAM: the article
// WAW, FEH, BEH, LAM, KAF: one-letter clitics written on the next word.
constexpr std::string_view kClitics[] = {"\xd9\x88", "\xd9\x81", "\xd8\xa8", "\xd9\x84",
                                         "\xd9\x83"};

uint32_t HashBytes(std::string_view s, uint32_t h = 2166136261u) {
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

// A template's feature from a value: murmur3's finaliser over both.
uint32_t Mix(uint32_t value, uint32_t tmpl) {
  uint32_t h = value ^ ((tmpl + kHashSeed) * 0x9e3779b1u);
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}

bool StartsWithClitic(const Word& w) {
  if (w.script != text::Script::kArabic || w.norm.size() < 2 + 4) return false;
  for (std::string_view c : kClitics) {
    if (std::string_view(w.norm).substr(0, c.size()) == c) return true;
  }
  return false;
}

std::string_view WithoutArticle(std::string_view w) {
  if (w.size() > kAlefLam.size() + 4 && w.substr(0, kAlefLam.size()) == kAlefLam) {
    w.remove_prefix(kAlefLam.size());
  }
  return w;
}

int Shape(const Word& w) {
  switch (w.script) {
    case text::Script::kNone:
      return 0;  // digits
    case text::Script::kLatin:
      return w.all_caps ? 1 : w.capitalized ? 2 : 3;
    case text::Script::kArabic:
      return 4;
    default:
      return 5;
  }
}

int LengthClass(std::string_view norm) {
  size_t letters = 0;
  for (unsigned char c : norm) letters += (c & 0xc0) != 0x80;
  return letters <= 3 ? static_cast<int>(letters) : letters <= 5 ? 4 : letters <= 8 ? 5 : 6;
}

// The first / last n letters (UTF-8 code points) of s.
std::string_view Prefix(std::string_view s, int n) {
  size_t i = 0;
  for (int k = 0; k < n && i < s.size(); ++k) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xc0) == 0x80) ++i;
  }
  return s.substr(0, i);
}
std::string_view Suffix(std::string_view s, int n) {
  size_t i = s.size();
  for (int k = 0; k < n && i > 0; ++k) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xc0) == 0x80) --i;
  }
  return s.substr(i);
}

// The word kinds of a word that the tagger reads, as bits (WordKind values);
// Arabic words also without a clitic (bits from 16). The rules read the
// others, and the tagger reads the rules.
uint32_t Kinds(const Word& w, const Gazetteer& g) {
  static constexpr WordKind kRead[] = {
      WordKind::kPersonTitle, WordKind::kSayingVerb, WordKind::kOrgHead,    WordKind::kPlaceHead,
      WordKind::kGivenName,   WordKind::kFunction,   WordKind::kInstitution};
  static constexpr uint32_t kReadMask = [] {
    uint32_t m = 0;
    for (WordKind k : kRead) m |= 1u << static_cast<int>(k);
    return m;
  }();
  static constexpr uint32_t kRestMask = 1u << static_cast<int>(WordKind::kPersonTitle) |
                                        1u << static_cast<int>(WordKind::kOrgHead) |
                                        1u << static_cast<int>(WordKind::kGivenName);
  uint32_t bits = g.Kinds(w.norm) & kReadMask;
  if (bits == 0 && StartsWithClitic(w)) {
    bits = (g.Kinds(std::string_view(w.norm).substr(2)) & kRestMask) << 16;
  }
  return bits;
}

// Per word, what its neighbours' features need.
struct WordInfo {
  uint32_t form = 0, kinds = 0, hint = 0;
  int shape = 0;
};

// Kinds of every word, looked up once per distinct form (function words
// make a good part of a text): an open-addressing table on the form hash.
void AllKinds(const std::vector<Word>& words, const Gazetteer& g, std::vector<WordInfo>* info) {
  size_t size = 64;
  while (size < 2 * words.size()) size *= 2;
  std::vector<uint32_t> slots(size, 0);  // word index + 1 of a form's first occurrence; 0 empty
  for (size_t i = 0; i < words.size(); ++i) {
    WordInfo& me = (*info)[i];
    for (size_t s = me.form & (size - 1);; s = (s + 1) & (size - 1)) {
      if (slots[s] == 0) {
        slots[s] = static_cast<uint32_t>(i + 1);
        me.kinds = Kinds(words[i], g);
        break;
      }
      const size_t j = slots[s] - 1;
      if ((*info)[j].form == me.form && words[j].norm == words[i].norm) {
        me.kinds = (*info)[j].kinds;
        break;
      }
    }
  }
}

enum Template : uint32_t {
  kBias,
  kForm,
  kPrev,
  kNext,
  kPrev2,
  kNext2,
  kShape,
  kPrevShape,
  kNextShape,
  kShapes,
  kPrefix1,
  kPrefix2,
  kPrefix3,
  kSuffix1,
  kSuffix2,
  kSuffix3,
  kNoClitic,
  kNoArticle,
  kBreak,
  kKindSet,
  kKind,
  kPrevKind = kKind + 32,
  kNextKind = kPrevKind + 32,
  kHintCue = kNextKind + 32,
  kHint,
  kPrevHint,
  kNextHint,
  kPrevFormShape,
  kNextFormShape,
  kLength,
  kHintShape,
};

void WordFeatures(const std::vector<Word>& words, const std::vector<WordInfo>& info, size_t i,
                  std::vector<uint32_t>* out) {
  const Word& w = words[i];
  const WordInfo& me = info[i];
  const size_t n = words.size();
  const auto at = [&](ptrdiff_t k) -> const WordInfo* {
    const ptrdiff_t j = static_cast<ptrdiff_t>(i) + k;
    return j < 0 || j >= static_cast<ptrdiff_t>(n) ? nullptr : &info[j];
  };
  const WordInfo* p = at(-1);
  const WordInfo* q = at(1);
  const uint32_t none = 0x7fffffffu;
  const auto add = [&](uint32_t tmpl, uint32_t value) { out->push_back(Mix(value, tmpl)); };
  add(kBias, 0);
  add(kForm, me.form);
  add(kPrev, p ? p->form : none);
  add(kNext, q ? q->form : none);
  add(kPrev2, at(-2) ? at(-2)->form : none);
  add(kNext2, at(2) ? at(2)->form : none);
  const int ps = p ? p->shape : 7, qs = q ? q->shape : 7;
  add(kShape, me.shape);
  add(kPrevShape, ps);
  add(kNextShape, qs);
  add(kShapes, ps * 64 + me.shape * 8 + qs);
  for (int k = 1; k <= 3; ++k) {
    add(kPrefix1 + k - 1, HashBytes(Prefix(w.norm, k)));
    add(kSuffix1 + k - 1, HashBytes(Suffix(w.norm, k)));
  }
  if (w.script == text::Script::kArabic) {
    std::string_view base = w.norm;
    if (StartsWithClitic(w)) {
      base.remove_prefix(2);
      add(kNoClitic, HashBytes(base));
    }
    add(kNoArticle, HashBytes(WithoutArticle(base)));
  }
  add(kBreak, (w.breaks_before ? 1 : 0) + (w.glued ? 2 : 0) + (i == 0 ? 4 : 0) + me.shape * 8);
  add(kLength, LengthClass(w.norm) * 8 + me.shape);
  add(kKindSet, me.kinds);
  for (uint32_t b = me.kinds; b; b &= b - 1) add(kKind + __builtin_ctz(b), 1);
  if (p) {
    for (uint32_t b = p->kinds; b; b &= b - 1) add(kPrevKind + __builtin_ctz(b), 1);
  }
  if (q) {
    for (uint32_t b = q->kinds; b; b &= b - 1) add(kNextKind + __builtin_ctz(b), 1);
  }
  add(kHintCue, me.hint);
  add(kHint, me.hint & 0xf);
  add(kHintShape, (me.hint & 0xf) * 8 + me.shape);
  add(kPrevHint, p ? p->hint & 0xf : 15);
  add(kNextHint, q ? q->hint & 0xf : 15);
  add(kPrevFormShape, (p ? p->form : none) ^ (me.shape * 0x01000193u));
  add(kNextFormShape, (q ? q->form : none) ^ (me.shape * 0x01000193u));
}

}  // namespace

std::string_view TagLabelName(int label) {
  static constexpr std::string_view kNames[] = {"O",     "B-PER", "I-PER", "B-ORG", "I-ORG",
                                                "B-LOC", "I-LOC", "C-PER", "C-ORG", "C-LOC"};
  return label >= 0 && label < kTagLabels ? kNames[label] : "?";
}

int BeginLabel(MentionType type) { return 1 + 2 * static_cast<int>(type); }
int InsideLabel(MentionType type) { return 2 + 2 * static_cast<int>(type); }
int CliticLabel(MentionType type) { return kTagCPer + static_cast<int>(type); }
MentionType LabelType(int label) {
  return label >= kTagCPer ? MentionType(label - kTagCPer) : MentionType((label - 1) / 2);
}

void ExtractTaggerFeatures(const std::vector<Word>& words, const Gazetteer& gazetteer,
                           const std::vector<RuleHint>& hints, std::vector<uint32_t>* features,
                           std::vector<uint32_t>* offsets) {
  std::vector<WordInfo> info(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    info[i].form = HashBytes(words[i].norm);
    info[i].shape = Shape(words[i]);
    if (!hints.empty()) {
      info[i].hint = static_cast<uint32_t>(hints[i].label) |
                     (hints[i].label ? HashBytes(hints[i].cue) << 4 : 0);
    }
  }
  AllKinds(words, gazetteer, &info);
  features->clear();
  offsets->assign(1, 0);
  features->reserve(words.size() * 48);
  for (size_t i = 0; i < words.size(); ++i) {
    WordFeatures(words, info, i, features);
    offsets->push_back(static_cast<uint32_t>(features->size()));
  }
}

bool TransitionAllowed(int previous, int label) {
  if (label == kTagIPer || label == kTagIOrg || label == kTagILoc) {
    return previous > 0 && LabelType(previous) == LabelType(label);
  }
  return true;
}

bool LabelFits(int label, const Word& word) { return label < kTagCPer || StartsWithClitic(word); }

std::vector<int> DecodeLabels(const std::vector<Word>& words, const std::vector<float>& emissions,
                              const float* transitions) {
  const size_t n = words.size();
  std::vector<int> labels(n, kTagO);
  if (n == 0) return labels;
  constexpr float kNever = -std::numeric_limits<float>::infinity();
  std::vector<uint8_t> back(n * kTagLabels, 0);
  float score[kTagLabels], next[kTagLabels];
  for (int y = 0; y < kTagLabels; ++y) {
    score[y] =
        TransitionAllowed(-1, y) && LabelFits(y, words[0]) ? transitions[y] + emissions[y] : kNever;
  }
  for (size_t i = 1; i < n; ++i) {
    for (int y = 0; y < kTagLabels; ++y) {
      float best = kNever;
      int arg = 0;
      if (LabelFits(y, words[i])) {
        for (int p = 0; p < kTagLabels; ++p) {
          if (!TransitionAllowed(p, y)) continue;
          const float s = score[p] + transitions[(p + 1) * kTagLabels + y];
          if (s > best) best = s, arg = p;
        }
      }
      next[y] = best + emissions[i * kTagLabels + y];
      back[i * kTagLabels + y] = static_cast<uint8_t>(arg);
    }
    std::copy(next, next + kTagLabels, score);
  }
  labels[n - 1] = static_cast<int>(std::max_element(score, score + kTagLabels) - score);
  for (size_t i = n - 1; i > 0; --i) labels[i - 1] = back[i * kTagLabels + labels[i]];
  return labels;
}

Tagger::Tagger(TaggerModel model) : model_(std::move(model)) {}

std::vector<int> Tagger::Tag(const std::vector<Word>& words, const Gazetteer& gazetteer,
                             const std::vector<RuleHint>& hints) const {
  if (!loaded() || words.empty()) return std::vector<int>(words.size(), kTagO);
  std::vector<uint32_t> features, offsets;
  ExtractTaggerFeatures(words, gazetteer, hints, &features, &offsets);
  const uint32_t mask = (1u << model_.bucket_bits) - 1;
  const int16_t* w = model_.weights.data();
  std::vector<float> emissions(words.size() * kTagLabels);
  const float inv = 1.0f / model_.scale;
  for (size_t i = 0; i < words.size(); ++i) {
    int32_t sum[kTagLabels] = {};
    for (uint32_t f = offsets[i]; f < offsets[i + 1]; ++f) {
      const int16_t* row = w + static_cast<size_t>(features[f] & mask) * kTagLabels;
      for (int y = 0; y < kTagLabels; ++y) sum[y] += row[y];
    }
    for (int y = 0; y < kTagLabels; ++y) emissions[i * kTagLabels + y] = sum[y] * inv;
  }
  return DecodeLabels(words, emissions, model_.transitions.data());
}

namespace {

template <typename T>
void Put(std::string* out, T v) {
  char b[sizeof(T)];
  std::memcpy(b, &v, sizeof(T));
  out->append(b, sizeof(T));
}

template <typename T>
bool Get(std::string_view* in, T* v) {
  if (in->size() < sizeof(T)) return false;
  std::memcpy(v, in->data(), sizeof(T));
  in->remove_prefix(sizeof(T));
  return true;
}

}  // namespace

std::string EncodeTaggerModel(const TaggerModel& model) {
  std::string out(kMagic);
  out += "version: " + std::to_string(kVersion) + "\n";
  out += "hash_seed: " + std::to_string(kHashSeed) + "\n";
  out += "labels:";
  for (int y = 0; y < kTagLabels; ++y) {
    out += ' ';
    out += TagLabelName(y);
  }
  out += "\nbucket_bits: " + std::to_string(model.bucket_bits) + "\n";
  out += model.note;
  if (!model.note.empty() && model.note.back() != '\n') out += '\n';
  out += '\n';
  Put(&out, model.bucket_bits);
  Put(&out, model.scale);
  for (float t : model.transitions) Put(&out, t);
  for (int16_t w : model.weights) Put(&out, w);
  return out;
}

Result<TaggerModel> DecodeTaggerModel(std::string_view in) {
  if (in.substr(0, kMagic.size()) != kMagic) {
    return Status::Corruption("tagger model: does not start with QTAGGER");
  }
  const size_t end = in.find("\n\n");
  if (end == std::string_view::npos) return Status::Corruption("tagger model: no end of header");
  TaggerModel m;
  const std::string_view header = in.substr(kMagic.size(), end + 1 - kMagic.size());
  const std::string expect =
      "version: " + std::to_string(kVersion) + "\nhash_seed: " + std::to_string(kHashSeed) + "\n";
  if (header.substr(0, expect.size()) != expect) {
    return Status::Unsupported("tagger model: version or hash_seed is not " + expect);
  }
  const size_t bits_at = header.find("bucket_bits: ");
  const size_t note_at = bits_at == std::string_view::npos ? bits_at : header.find('\n', bits_at);
  if (note_at != std::string_view::npos) m.note.assign(header.substr(note_at + 1));
  in.remove_prefix(end + 2);
  if (!Get(&in, &m.bucket_bits) || !Get(&in, &m.scale) || m.bucket_bits < 8 || m.bucket_bits > 24 ||
      !(m.scale > 0)) {
    return Status::Corruption("tagger model: bad bucket_bits or scale");
  }
  m.transitions.resize((kTagLabels + 1) * kTagLabels);
  m.weights.resize((size_t{1} << m.bucket_bits) * kTagLabels);
  if (in.size() != m.transitions.size() * sizeof(float) + m.weights.size() * sizeof(int16_t)) {
    return Status::Corruption("tagger model: " + std::to_string(in.size()) +
                              " bytes of weights, expected " +
                              std::to_string(m.transitions.size() * 4 + m.weights.size() * 2));
  }
  for (float& t : m.transitions) Get(&in, &t);
  std::memcpy(m.weights.data(), in.data(), m.weights.size() * sizeof(int16_t));
  return m;
}

// The embedded model file (news/CMakeLists.txt generates it from
// resources/tagger/; empty when there is none).
extern "C" const unsigned char qantara_tagger_model[];
extern "C" const size_t qantara_tagger_model_size;

const Tagger& Tagger::BuiltIn() {
  static const Tagger* tagger = [] {
    const std::string_view bytes(reinterpret_cast<const char*>(qantara_tagger_model),
                                 qantara_tagger_model_size);
    Result<TaggerModel> m = DecodeTaggerModel(bytes);
    // A build without weights (or with a broken file, which tagger_test catches) tags nothing.
    return new Tagger(m.ok() ? std::move(m).value() : TaggerModel{18, 1, {}, {}, ""});
  }();
  return *tagger;
}

}  // namespace qantara::news
