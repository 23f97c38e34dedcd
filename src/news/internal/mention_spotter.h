// Internal to news/: the state of one SpotMentions call, shared by
// mentions.cc (gazetteer, Latin runs, known names) and mentions_arabic.cc
// (Arabic cues). Not part of the module's contract: include news/mentions.h.
#ifndef QANTARA_NEWS_INTERNAL_MENTION_SPOTTER_H_
#define QANTARA_NEWS_INTERNAL_MENTION_SPOTTER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "news/gazetteer.h"
#include "news/mentions.h"
#include "news/tagger.h"
#include "news/words.h"

namespace qantara::news {

// Arabic one-letter clitics written on the next word: WAW, FEH, BEH, LAM, KAF.
inline constexpr std::string_view kArabicClitics[] = {"\xd9\x88", "\xd9\x81", "\xd8\xa8",
                                                      "\xd9\x84", "\xd9\x83"};

// Not thread-safe; one per call.
class Spotter {
 public:
  Spotter(std::string_view text, const Gazetteer& g, const MentionOptions& options = {nullptr});
  std::vector<Mention> Run();

 private:
  static constexpr int kFree = -1;  // type_ of a word no mention holds

  void Add(size_t first, size_t last, MentionType type, const GazetteerEntry* entry,
           std::string_view cue, size_t prefix = 0);
  void Drop(size_t first);
  // Whether word i is of `kind`; Arabic words also without a one-letter
  // clitic (li-wizarat -> wizarat). Returns the clitic's bytes, or -1.
  int KindPrefix(WordKind kind, size_t i) const;
  bool Is(WordKind kind, size_t i) const { return KindPrefix(kind, i) >= 0; }
  bool Latin(size_t i) const { return words_[i].script == text::Script::kLatin; }
  bool Arabic(size_t i) const { return words_[i].script == text::Script::kArabic; }
  bool taken(size_t i) const { return type_[i] != kFree; }
  bool Hyphened(size_t i) const;

  // mentions.cc
  void GazetteerPass();
  bool Continues(size_t i) const;
  void LatinRuns();
  size_t NameWords(size_t begin, size_t end) const;
  void ClassifyLatin(size_t begin, size_t end);
  void ClassifyPerson(size_t begin, size_t end, bool titled);
  void AddOrganization(size_t begin, size_t end);
  bool LooksInfinitive(size_t i) const;
  bool Team(size_t begin, size_t end);
  size_t PlaceEnd(size_t place) const;
  bool TitleBefore(size_t i) const;
  bool TitleFits(size_t title, size_t name) const;
  bool SayingAfter(size_t end) const;
  void KnownNames();

  // After the rules (mentions.cc): what they said per word, and the tagger's say.
  std::vector<RuleHint> Hints() const;
  void Combine(std::vector<int> labels);
  Mention Tagged(size_t first, size_t last, int begin_label) const;

  // mentions_arabic.cc
  static std::string_view WithoutArticle(std::string_view norm);
  bool Definite(size_t i) const;
  bool Nisba(size_t i) const;
  bool ArabicNameWord(size_t i) const;
  bool Joined(size_t i) const;  // word i follows word i - 1 with no break
  size_t TitleEnd(size_t title) const;
  size_t NameEnd(size_t first) const;
  bool SayingSubject(size_t i) const;
  size_t ArabicOrgEnd(size_t head) const;
  void ArabicCues();
  void ArabicGivenNames();

  std::string_view text_;
  const Gazetteer& g_;
  MentionOptions options_;
  std::vector<Word> words_;
  std::vector<int> type_;  // per word: the MentionType holding it, or kFree
  // Per word, looked up once: its kinds (Gazetteer::Kinds), and for an Arabic
  // word with a one-letter clitic the kinds of the rest and the clitic's bytes.
  struct WordKinds {
    uint32_t kinds = 0, rest_kinds = 0;
    uint8_t clitic = 0;
  };
  std::vector<WordKinds> kinds_;
  std::vector<std::pair<size_t, size_t>> persons_;
  std::vector<Mention> out_;
};

}  // namespace qantara::news

#endif  // QANTARA_NEWS_INTERNAL_MENTION_SPOTTER_H_
