// Trains the mention tagger (news/tagger.h) and writes its weights file.
//
//   build/eval/train_tagger [--shared DIR] [--out FILE] [--epochs N] [--bits B]
//
// --bits: the table has 2^B rows (17: 2.6 MB file; 16 loses about 0.003 F1).
//
// Data: the training four fifths (eval/mention_sets.h: sentence k with
// k % 5 != 0) of NewsFANE (Arabic, gold), WikiNEuRal French (all its
// sentences, silver) and Europeana French (OCR, gold), each sentence rebuilt
// into text as mention_eval rebuilds it (Arabic clitics joined to their
// word), split by news::SplitWords and labelled from the gold spans; a word
// that carries a clitic in front of a gold span gets a C label. The rules
// (SpotMentions without the tagger) run on the same text and their mentions
// become the RuleHint features, as at run time. One joint model for both
// scripts: the templates see the script, and the word forms do not collide.
//
// Learning: a structured perceptron over Viterbi paths, weights averaged
// (Collins 2002), --epochs passes (15) in a fixed shuffled order. After each
// pass it prints the word-span F1 of the averaged model on the held-out
// fifth. The weights are scaled to int16 and written with a header naming
// the data and this command (default: resources/tagger/tagger.bin).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "eval/mention_sets.h"
#include "news/mentions.h"
#include "news/tagger.h"
#include "news/words.h"

namespace {

namespace fs = std::filesystem;
namespace news = qantara::news;
using namespace qantara::eval;  // NOLINT: the sets' types

constexpr int L = news::kTagLabels;

struct Example {
  std::vector<news::Word> words;
  std::vector<uint32_t> features, offsets;  // bucket indices
  std::vector<int> gold;
};

// Gold word labels from the token spans of sentence 0 of `at`.
std::vector<int> GoldLabels(const Sentence& sentence, const std::vector<TokenAt>& at,
                            const std::vector<news::Word>& words) {
  std::vector<int> labels(words.size(), news::kTagO);
  for (const Span& g : sentence.gold) {
    if (g.type == kNotOurs) continue;
    const size_t start = at[g.first].start, end = at[g.last].end;
    const auto type = news::MentionType(g.type);
    bool first = true;
    for (size_t i = 0; i < words.size(); ++i) {
      if (words[i].end <= start || words[i].start >= end) continue;
      int label = first ? news::BeginLabel(type) : news::InsideLabel(type);
      if (first && words[i].start < start && news::LabelFits(news::CliticLabel(type), words[i])) {
        label = news::CliticLabel(type);
      }
      labels[i] = label;
      first = false;
    }
  }
  return labels;
}

// What the rules say about each word (as news/mentions.cc's Spotter::Hints).
std::vector<news::RuleHint> Hints(const std::vector<news::Mention>& mentions,
                                  const std::vector<news::Word>& words) {
  std::vector<news::RuleHint> hints(words.size());
  for (const news::Mention& m : mentions) {
    bool first = true;
    for (size_t i = 0; i < words.size(); ++i) {
      if (words[i].end <= m.start || words[i].start >= m.end) continue;
      hints[i] = {first ? news::BeginLabel(m.type) : news::InsideLabel(m.type), m.cue};
      first = false;
    }
  }
  return hints;
}

std::vector<Example> Examples(const Set& set, uint32_t bits) {
  const news::Gazetteer& g = news::Gazetteer::BuiltIn();
  news::MentionOptions rules;
  rules.tagger = nullptr;
  std::vector<Example> out;
  for (size_t s = 0; s < set.sentences.size(); ++s) {
    std::vector<TokenAt> at;
    const std::string text = Rebuild(set, s, s + 1, true, &at);
    Example e;
    e.words = news::SplitWords(text);
    if (e.words.empty()) continue;
    e.gold = GoldLabels(set.sentences[s], at, e.words);
    const std::vector<news::Mention> mentions = news::SpotMentions(text, g, rules);
    news::ExtractTaggerFeatures(e.words, g, Hints(mentions, e.words), &e.features, &e.offsets);
    for (uint32_t& f : e.features) f &= (1u << bits) - 1;
    out.push_back(std::move(e));
  }
  return out;
}

struct Perceptron {
  std::vector<float> w, u;   // weights; their sum weighted by update time (for averaging)
  std::vector<float> t, tu;  // transitions, the same
  double clock = 1;

  explicit Perceptron(uint32_t bits)
      : w(size_t{L} << bits), u(w.size()), t((L + 1) * L), tu(t.size()) {}

  std::vector<int> Decode(const Example& e, const std::vector<float>& weights,
                          const std::vector<float>& trans) const {
    std::vector<float> em(e.words.size() * L, 0);
    for (size_t i = 0; i < e.words.size(); ++i) {
      for (uint32_t f = e.offsets[i]; f < e.offsets[i + 1]; ++f) {
        const float* row = &weights[size_t{e.features[f]} * L];
        for (int y = 0; y < L; ++y) em[i * L + y] += row[y];
      }
    }
    return news::DecodeLabels(e.words, em, trans.data());
  }

  void Bump(std::vector<float>& v, std::vector<float>& sum, size_t k, float d) {
    v[k] += d;
    sum[k] += static_cast<float>(clock) * d;
  }

  void Learn(const Example& e) {
    const std::vector<int> pred = Decode(e, w, t);
    for (size_t i = 0; i < pred.size(); ++i) {
      const int pg = i ? e.gold[i - 1] + 1 : 0, pp = i ? pred[i - 1] + 1 : 0;
      if (pred[i] == e.gold[i] && pg == pp) continue;
      Bump(t, tu, pg * L + e.gold[i], 1);
      Bump(t, tu, pp * L + pred[i], -1);
      if (pred[i] == e.gold[i]) continue;
      for (uint32_t f = e.offsets[i]; f < e.offsets[i + 1]; ++f) {
        Bump(w, u, size_t{e.features[f]} * L + e.gold[i], 1);
        Bump(w, u, size_t{e.features[f]} * L + pred[i], -1);
      }
    }
    ++clock;
  }

  // Averaged weights: w - u / clock.
  void Average(std::vector<float>* weights, std::vector<float>* trans) const {
    weights->resize(w.size());
    trans->resize(t.size());
    for (size_t k = 0; k < w.size(); ++k) (*weights)[k] = w[k] - u[k] / clock;
    for (size_t k = 0; k < t.size(); ++k) (*trans)[k] = t[k] - tu[k] / clock;
  }
};

// Word-span F1 (exact spans and types) of `labels` against gold.
struct Counts {
  size_t tp = 0, pred = 0, gold = 0;
};
void AddSpans(const std::vector<int>& gold, const std::vector<int>& pred, Counts* c) {
  const auto spans = [](const std::vector<int>& y) {
    std::vector<std::tuple<size_t, size_t, int>> out;
    for (size_t i = 0; i < y.size(); ++i) {
      if (y[i] == news::kTagO || y[i] == news::kTagIPer || y[i] == news::kTagIOrg ||
          y[i] == news::kTagILoc) {
        continue;
      }
      size_t j = i;
      while (j + 1 < y.size() && y[j + 1] == news::InsideLabel(news::LabelType(y[i]))) ++j;
      out.emplace_back(i, j, y[i]);
    }
    return out;
  };
  const auto g = spans(gold), p = spans(pred);
  c->gold += g.size(), c->pred += p.size();
  for (const auto& s : p) c->tp += std::find(g.begin(), g.end(), s) != g.end();
}

double F1(const Counts& c) { return c.pred + c.gold ? 2.0 * c.tp / (c.pred + c.gold) : 0; }

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = fs::path(QANTARA_SOURCE_DIR) / ".." / "shared";
  fs::path out_path = fs::path(QANTARA_SOURCE_DIR) / "resources" / "tagger" / "tagger.bin";
  int epochs = 15;
  uint32_t bits = 17;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--shared" && i + 1 < argc) {
      shared = argv[++i];
    } else if (a == "--out" && i + 1 < argc) {
      out_path = argv[++i];
    } else if (a == "--epochs" && i + 1 < argc) {
      epochs = std::atoi(argv[++i]);
    } else if (a == "--bits" && i + 1 < argc) {
      bits = static_cast<uint32_t>(std::clamp(std::atoi(argv[++i]), 12, 22));
    } else {
      std::fprintf(stderr, "train_tagger: unknown argument %s (see eval/README.md)\n", a.c_str());
      return 2;
    }
  }
  const fs::path data = shared / "data" / "news";
  if (!fs::exists(data / "newsfane_ar")) {
    std::fprintf(stderr, "train_tagger: %s not found\n", data.string().c_str());
    return 1;
  }
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<Example> train;
  std::vector<std::vector<Example>> held;
  std::vector<std::string> names;
  for (const Set& set : ReadMentionSets(data, 0)) {
    std::vector<Example> t = Examples(SplitSet(set, false), bits);
    std::printf("%s: %zu training sentences\n", set.name.c_str(), t.size());
    for (Example& e : t) train.push_back(std::move(e));
    held.push_back(Examples(SplitSet(set, true), bits));
    names.push_back(set.name);
  }
  std::printf("features extracted in %.1f s\n",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  Perceptron p(bits);
  std::vector<size_t> order(train.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::mt19937 rng(20240531);
  std::vector<float> avg_w, avg_t;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t k : order) p.Learn(train[k]);
    p.Average(&avg_w, &avg_t);
    std::printf("epoch %d (%.1f s): held-out word-span F1", epoch,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    for (size_t s = 0; s < held.size(); ++s) {
      Counts c;
      for (const Example& e : held[s]) AddSpans(e.gold, p.Decode(e, avg_w, avg_t), &c);
      std::printf(" %s %.3f", names[s].c_str(), F1(c));
    }
    std::printf("\n");
    std::fflush(stdout);
  }
  news::TaggerModel model;
  model.bucket_bits = bits;
  float max_abs = 1e-6f;
  for (float x : avg_w) max_abs = std::max(max_abs, std::fabs(x));
  model.scale = 32000.0f / max_abs;
  model.weights.resize(avg_w.size());
  for (size_t k = 0; k < avg_w.size(); ++k) {
    model.weights[k] = static_cast<int16_t>(std::lround(avg_w[k] * model.scale));
  }
  model.transitions = avg_t;
  model.note =
      "training: ../shared/data/news, sentences k % 5 != 0 of newsfane_ar, "
      "wikineural_fr (test.conllu), europeana_fr; " +
      std::to_string(epochs) + " epochs\ncommand: build/eval/train_tagger --epochs " +
      std::to_string(epochs) + " --bits " + std::to_string(bits) + "\n";
  std::ofstream out(out_path, std::ios::binary);
  const std::string bytes = news::EncodeTaggerModel(model);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out.flush()) {
    std::fprintf(stderr, "train_tagger: cannot write %s\n", out_path.string().c_str());
    return 1;
  }
  std::printf("wrote %s (%zu bytes) in %.1f s\n", out_path.string().c_str(), bytes.size(),
              std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  return 0;
}
