// Internals of news/events.cc: the words of a text as the event rules read
// them (folded, with their Arabic proclitics marked), and the table of
// trigger words (resources/event_triggers.tsv). Not part of the contract:
// callers include news/events.h only.
#ifndef QANTARA_NEWS_INTERNAL_EVENTS_LEXICON_H_
#define QANTARA_NEWS_INTERNAL_EVENTS_LEXICON_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "news/events.h"

namespace qantara::news::events_internal {

// A word of the text. Digits are words too; punctuation is not, it only
// sets `punct_before` on the next word.
struct EventWord {
  size_t start = 0, end = 0;  // UTF-8 byte offsets in the text
  std::string norm;           // folded: lower case, no Latin accents, Arabic letter forms folded
  // Offsets into `norm` where the word may also be read with its Arabic
  // proclitics taken off (wa-, fa-; bi-, li-, ka-; al-), shortest stripping
  // first; offset 0 (the whole word) is always the first. `stems` of them.
  std::array<uint8_t, 4> stem_at{};
  uint8_t stems = 1;
  bool punct_before = false;  // punctuation (not a hyphen or apostrophe) or a line break
                              // between this word and the one before
  bool arabic = false;        // the word starts with an Arabic letter
  std::string_view Stem(size_t k) const { return std::string_view(norm).substr(stem_at[k]); }
};

// Splits `text` (valid UTF-8) into words; apostrophes and hyphens separate
// words. No ICU: a fold table for Latin-1 letters and the Arabic letters
// that the date and mention readers fold the same way.
std::vector<EventWord> SplitEventWords(std::string_view text);

// What a trigger form tells (resources/event_triggers.tsv's kinds).
enum class TriggerKind : uint8_t { kNoun, kVerb, kFuture, kReceive, kSaying, kHost, kBlock };

struct TriggerForm {
  bool event = true;  // false for host and block rows (type "-")
  EventType type = EventType::kMeeting;
  TriggerKind kind = TriggerKind::kNoun;
  std::vector<std::string> words;  // folded
};

// The table, built once (thread-safe).
struct TriggerLexicon {
  std::vector<TriggerForm> forms;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // First word -> forms starting with it, longest first.
  std::unordered_map<std::string, std::vector<uint32_t>, Hash, std::equal_to<>> by_first;
  // A filter in front of by_first: bit Sketch(w) is set for every first word w,
  // so that most words of a text cost no hash of their bytes.
  static constexpr size_t kSketchBits = 1 << 13;
  static size_t Sketch(std::string_view w) {
    return (w.size() * 0x9E37u ^ static_cast<uint8_t>(w.front()) * 0x3Bu ^
            static_cast<uint8_t>(w.back()) * 0x1F1u ^ static_cast<uint8_t>(w[w.size() / 2])) %
           kSketchBits;
  }
  std::vector<bool> sketch = std::vector<bool>(kSketchBits);
};
const TriggerLexicon& Triggers();

// The longest form that starts at words[i]; `form` null when none.
struct TriggerHit {
  const TriggerForm* form = nullptr;
  size_t end = 0;  // the word after the form
};
TriggerHit MatchTrigger(const std::vector<EventWord>& words, size_t i);

}  // namespace qantara::news::events_internal

#endif  // QANTARA_NEWS_INTERNAL_EVENTS_LEXICON_H_
