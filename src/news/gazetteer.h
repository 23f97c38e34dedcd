// What Qantara knows of places, organisations and the words around names,
// from the tables in resources/ (places.tsv, organizations.tsv,
// mention_words.tsv) and Debian's iso-codes, generated into
// generated/gazetteer.inc by tools/gen/gen_gazetteer.py.
#ifndef QANTARA_NEWS_GAZETTEER_H_
#define QANTARA_NEWS_GAZETTEER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "news/model.h"
#include "news/words.h"

namespace qantara::news {

struct GazetteerEntry {
  std::string id;  // "l:morocco", "o:isil": the mention's entity key
  MentionType type = MentionType::kLocation;
  std::string canonical;  // English form
  std::string screen_as;  // the name to look up in the lists ("" = canonical)
};

// What a run of words matched.
struct GazetteerMatch {
  const GazetteerEntry* entry = nullptr;
  size_t words = 0;         // how many words the match spans
  size_t prefix_bytes = 0;  // bytes of an Arabic clitic (wa-, bi-, li-...) left out of the mention
};

// What a word (in matching form) tells about the name next to it; the kinds
// of resources/mention_words.tsv, whose header says what each one holds.
enum class WordKind {
  kPersonTitle,
  kSayingVerb,
  kOrgHead,
  kPlaceHead,
  kNotName,
  kInstitution,
  kGivenName,
  kFunction,
  kTitleModifier,  // follows a title and is part of it (al-amm, al-sabiq; nationalities)
  kNameConnector,  // joins the words of a name (bin, abu, ould)
  kCommonNoun,     // a common word that a verb of saying takes as subject (masdar, bayan)
  kPlaceStarter,   // a capitalised run starting with it is a place (Saint, San, New, Port)
};
constexpr int kWordKinds = 12;

// Immutable after construction; thread-safe.
class Gazetteer {
 public:
  // The built-in tables (built once, on first use).
  static const Gazetteer& BuiltIn();

  // The longest entry whose form starts at words[i]. Latin forms written with
  // a capital need a capital in the text, and acronyms (ISIL, UN) capitals
  // throughout. Arabic words may carry a one-letter clitic (wa-, fa-, bi-,
  // li-, ka-) in front of the form. entry == nullptr when none matches.
  GazetteerMatch Match(const std::vector<Word>& words, size_t i) const;

  // Whether the matching form `norm` of a word (or phrase of up to four words) is of this kind.
  bool Is(WordKind kind, std::string_view norm) const { return Kinds(norm) >> static_cast<int>(kind) & 1; }
  // Every kind of `norm` at once, bit k for WordKind k (one lookup, no allocation).
  uint32_t Kinds(std::string_view norm) const;
  size_t max_phrase_words() const { return max_words_; }

 private:
  Gazetteer();
  struct Form {
    size_t entry = 0;
    bool needs_capital = false;  // every form with this matching form starts upper case
    bool acronym = false;        // ... and is written in capitals throughout
  };
  bool Fits(const Form& form, const std::vector<Word>& words, size_t i) const;
  std::vector<GazetteerEntry> entries_;
  std::unordered_map<std::string, Form> forms_;  // matching form -> entry
  std::unordered_set<std::string> prefixes_;     // the first words of forms of two words or more
  size_t max_words_ = 1;
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // Matching form -> its kinds (bit k: WordKind k).
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> kinds_;
};

// The country key a built-in city or region lies in ("l:marrakech" ->
// "l:morocco"; resources/places.tsv), "" for a country, an unknown place or
// one whose country is disputed.
std::string_view CountryOf(std::string_view place);
// Its country's ISO 3166-1 code in lower case ("l:marrakech" -> "ma"), ""
// likewise.
std::string_view CountryCodeOf(std::string_view place);

}  // namespace qantara::news

#endif  // QANTARA_NEWS_GAZETTEER_H_
