// Parsing a name into tokens with roles and keys (docs/phonetic_key.md).
//
// The hard part of Arabic names across scripts is not letters but word
// boundaries: "Abd al-Rahman" is two words in Arabic script, and "Abdurrahman",
// "Abdul Rahman", "Abd al-Rahman" or "Abdelrahman" in Latin; the article is
// glued to its word in Arabic and hyphenated, spaced or assimilated
// ("ar-Rahman", "ash-Shami") in Latin. So the parser first strips articles, then
// joins compounds (abd + word, word + allah / al-din) into one token whose key is
// the concatenation of its parts' keys, so that every spelling ends up as the
// same tokens with the same keys. Particles and titles come from
// resources/particles.tsv; titles count only before the first ordinary word.
#include "names/name.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <string>
#include <unordered_map>

#include "names/internal/conventions.h"
#include "names/internal/lexicon.h"
#include "names/internal/tables.h"
#include "names/phonetic.h"
#include "names/similarity.h"
#include "names/sounds.h"
#include "text/transliterate.h"
#include "text/utf8.h"

namespace qantara::names {
namespace {

// "abd" in Arabic script: ARABIC LETTER AIN, BEH, DAL.
constexpr std::string_view kArabicAbd = "\xd8\xb9\xd8\xa8\xd8\xaf";
// The article in Arabic script: ARABIC LETTER ALEF, LAM.
constexpr std::string_view kArabicArticle = "\xd8\xa7\xd9\x84";
// ARABIC LETTER HEH (ta marbuta is folded to it by text::NormalizeArabic).
constexpr std::string_view kArabicHeh = "\xd9\x87";

// "abu" in Arabic script: ARABIC LETTER ALEF, BEH, WAW.
constexpr std::string_view kArabicAbu = "\xd8\xa7\xd8\xa8\xd9\x88";

bool EndsWith(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

struct Particle {
  std::string_view canonical;
  TokenRole role;
};

const std::unordered_map<std::string_view, Particle>& Particles() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, Particle>();
    for (const auto& p : tables::kParticles) (*t)[p.form] = {p.canonical, p.role};
    return t;
  }();
  return *table;
}

const Particle* FindParticle(std::string_view word) {
  const auto& t = Particles();
  auto it = t.find(word);
  return it == t.end() ? nullptr : &it->second;
}

// Strips a glued Arabic article (al-) from a word of at least two more letters.
bool StripArabicArticle(std::string_view* word) {
  if (word->substr(0, kArabicArticle.size()) == kArabicArticle &&
      text::CountCodePoints(word->substr(kArabicArticle.size())) >= 2) {
    word->remove_prefix(kArabicArticle.size());
    return true;
  }
  return false;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// A Latin article written glued to a word that starts with a doubled sun
// letter: "elsseid", "alzzawi" -> "sseid", "zzawi".
bool StripGluedLatinArticle(std::string_view* word) {
  if (word->size() < 6 || (word->substr(0, 2) != "al" && word->substr(0, 2) != "el")) return false;
  char c = (*word)[2];
  if (IsVowel(c) || c != (*word)[3] || c < 'a' || c > 'z') return false;
  word->remove_prefix(2);
  return true;
}

// Sun-letter forms of the Latin article before a word that starts with the same
// consonant: "ar rahman", "ash-shami", "ud-din", "an-nur".
bool IsAssimilatedArticle(std::string_view part, std::string_view next) {
  if (part.size() < 2 || part.size() > 3 || !IsVowel(part[0]) || next.empty()) return false;
  std::string_view consonant = part.substr(1);
  if (consonant == "l") return true;  // al, el, ul, il
  // The sun letters, which the article assimilates to: t th d dh r z s sh n.
  static constexpr std::string_view kSun[] = {"t", "th", "d", "dh", "r", "z", "s", "sh", "n"};
  bool sun = std::find(std::begin(kSun), std::end(kSun), consonant) != std::end(kSun);
  return sun && next.substr(0, consonant.size()) == consonant;
}

// For a one-word Latin compound like "abdelkader" or "abdurrahman", the part
// after "abd" with its vowel-and-article link removed ("kader", "rrahman");
// empty when the word is not such a compound.
std::string_view LatinAbdRemainder(std::string_view word) {
  if (word.size() < 6 || word.substr(0, 3) != "abd") return {};
  std::string_view rest = word.substr(3);
  while (!rest.empty() && IsVowel(rest[0])) rest.remove_prefix(1);
  if (rest.size() > 1 && rest[0] == 'l') rest.remove_prefix(1);
  return rest.size() >= 2 ? rest : std::string_view();
}

// The rest of an Arabic word written with the kunya glued to it ("abughayth",
// "abu al-yazid" as one word), or empty.
std::string_view GluedArabicKunya(std::string_view word) {
  if (word.substr(0, kArabicAbu.size()) != kArabicAbu) return {};
  std::string_view rest = word.substr(kArabicAbu.size());
  return text::CountCodePoints(rest) >= 3 ? rest : std::string_view();
}

// The rest of a Latin word written with a patronymic and the article glued
// to it ("binalshibh" -> "shibh"), or empty. The article is what makes it
// safe: "Benjamin" or "Bennett" have none, and a rest of four letters or more
// leaves "Benalla" alone.
std::string_view GluedLatinPatronymic(std::string_view word, std::string_view* patronymic) {
  for (std::string_view form : {"bin", "ben", "ibn"}) {
    if (word.substr(0, form.size()) != form) continue;
    std::string_view rest = word.substr(form.size());
    if (rest.substr(0, 2) != "al" && rest.substr(0, 2) != "el") return {};
    rest.remove_prefix(2);
    if (rest.size() < 4 || IsVowel(rest[0])) return {};
    *patronymic = word.substr(0, form.size());
    return rest;
  }
  return {};
}

// "abdul" or "abdel" typed with one letter wrong ("abdhul", "adbul",
// "abkul"), when a word follows: read as the compound prefix abd.
const Particle* MistypedAbd(std::string_view word) {
  static const Particle kAbd{"abd", TokenRole::kCompoundPrefix};
  // Five letters at least: "adel" (a name) is one edit from "abdel" too.
  if (word.size() < 5 || word.size() > 6 || word[0] != 'a') return nullptr;
  for (std::string_view form : {"abdul", "abdel"}) {
    if (WithinOneEdit(word, form)) return &kAbd;
  }
  return nullptr;
}

// The stem of a one-word Latin "X al-Din" compound ("salahaldin" -> "salah",
// "nasreddine" -> "nasr"), or empty.
std::string_view LatinDinStem(std::string_view word) {
  for (std::string_view suffix : {"aldin", "eldin", "uldin", "uddin", "eddin", "eddine", "addin",
                                  "iddin", "uddeen", "aldeen"}) {
    if (word.size() >= suffix.size() + 3 && word.substr(word.size() - suffix.size()) == suffix) {
      return word.substr(0, word.size() - suffix.size());
    }
  }
  return {};
}

NameToken MakeWord(std::string_view surface, std::string_view word) {
  NameToken t;
  t.surface = std::string(surface);
  t.text = std::string(word);
  t.script = lexicon::ScriptOfWord(word);
  if (t.script == text::Script::kLatin || t.script == text::Script::kArabic) {
    t.key = PhoneticKey(word);
    t.sounds = PhoneticSounds(word);
  } else {  // Cyrillic, Greek, Han...: keyed through their Latin transliteration
    std::string latin = text::NormalizeForMatching(text::TransliterateToLatin(word));
    t.key = PhoneticKey(latin);
    t.sounds = PhoneticSounds(latin);
  }
  return t;
}

// Appends `key` to `*joined`, collapsing a repeated class at the seam.
void JoinKey(std::string_view key, std::string* joined) {
  for (char c : key) {
    if (joined->empty() || joined->back() != c) joined->push_back(c);
  }
}

// Whether an Arabic letter never joins the letter after it (alef, dal, thal,
// reh, zain, waw, hamza): a space after it is invisible, and so often left out.
bool NonJoining(std::string_view word_before) {
  size_t pos = word_before.size();
  while (pos > 0 && (static_cast<unsigned char>(word_before[pos - 1]) & 0xC0) == 0x80) --pos;
  if (pos == 0) return false;
  size_t at = pos - 1;
  const char32_t c = text::DecodeUtf8(word_before, &at);
  return c == 0x0627 || c == 0x062F || c == 0x0630 || c == 0x0631 || c == 0x0632 ||
         c == 0x0648 || c == 0x0621;
}

// An Arabic word with "abd" glued to its end, before another word, is two
// words when the letter before abd does not join it (the missing space does
// not show): "muhammadabd al-basir" is Muhammad Abd al-Basir. Three letters
// before it at least; "mustabid" (joined) or "ma'bad" stay whole.
std::vector<std::string_view> SplitGluedAbd(std::vector<std::string_view> parts) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string_view part = parts[i];
    const std::string_view before = part.substr(0, part.size() - std::min(part.size(), kArabicAbd.size()));
    if (i + 1 < parts.size() && part.size() > kArabicAbd.size() && part.ends_with(kArabicAbd) &&
        text::CountCodePoints(before) >= 3 && NonJoining(before)) {
      out.push_back(part.substr(0, part.size() - kArabicAbd.size()));
      out.push_back(part.substr(part.size() - kArabicAbd.size()));
      continue;
    }
    out.push_back(part);
  }
  return out;
}

// The first kMaxNameBytes of `raw`, cut at a code point boundary.
std::string_view CutToLimit(std::string_view raw) {
  if (raw.size() <= kMaxNameBytes) return raw;
  size_t cut = kMaxNameBytes;
  while (cut > 0 && (static_cast<unsigned char>(raw[cut]) & 0xC0) == 0x80) --cut;
  return raw.substr(0, cut);
}

// Whether parts[i] is a standalone article, Latin or Arabic, to drop: its
// word follows.
bool IsDroppedArticle(const std::vector<std::string_view>& parts, size_t i,
                      const Particle* particle) {
  if (i + 1 >= parts.size()) return false;
  return (particle && particle->role == TokenRole::kArticle) ||
         IsAssimilatedArticle(parts[i], parts[i + 1]);
}

// Joins a compound suffix (allah, al-din) at parts[i] to the word before it
// ("Nasr" + "al-Din", "Hidayat" + "Allah"); returns whether it did.
bool JoinCompoundSuffix(const std::vector<std::string_view>& parts, size_t i,
                        const Particle* particle, std::vector<NameToken>* tokens) {
  if (!particle || particle->role != TokenRole::kCompoundSuffix || tokens->empty() ||
      tokens->back().role != TokenRole::kWord) {
    return false;
  }
  const std::string_view part = parts[i];
  NameToken& prev = tokens->back();
  prev.surface += " ";
  prev.surface += part;
  std::string_view bare = part;
  StripArabicArticle(&bare);
  // A ta marbuta (folded to heh) before the suffix is read "t": Hidayat
  // Allah. Not the heh of an allah just joined (Hamd Allah Allah Nur).
  const Particle* before = i > 0 ? FindParticle(parts[i - 1]) : nullptr;
  const bool after_suffix = before && before->role == TokenRole::kCompoundSuffix;
  if (prev.script == text::Script::kArabic && EndsWith(prev.text, kArabicHeh) && !after_suffix) {
    prev.key += 'T';
    if (!prev.sounds.empty() && prev.sounds.back() == 'a') prev.sounds += 'T';
  }
  prev.text += prev.script == text::Script::kArabic ? bare : particle->canonical;
  JoinKey(particle->canonical == "din" ? "DN" : "L", &prev.key);
  prev.sounds += PhoneticSounds(bare);
  return true;
}

// The compound prefix abd at parts[*i] joined with the word after it, and
// the article between them if any ("abd al-rahman"): one token. Advances *i
// to the last part used. REQUIRES: a part follows parts[*i].
NameToken JoinCompoundPrefix(const std::vector<std::string_view>& parts, size_t* i) {
  const std::string_view part = parts[*i];
  std::string_view next = parts[*i + 1];
  const Particle* next_particle = FindParticle(next);
  if (*i + 2 < parts.size() && ((next_particle && next_particle->role == TokenRole::kArticle) ||
                                IsAssimilatedArticle(next, parts[*i + 2]))) {
    next = parts[++*i + 1];
    next_particle = FindParticle(next);
  }
  StripArabicArticle(&next);
  NameToken t = MakeWord(std::string(part) + " " + std::string(next), next);
  t.text = std::string(t.script == text::Script::kArabic ? kArabicAbd : "abd") + t.text;
  t.key = "BD";
  JoinKey(next_particle && next_particle->canonical == "allah" ? "L" : PhoneticKey(next), &t.key);
  t.sounds = "BD" + PhoneticSounds(next);
  ++*i;
  return t;
}

// A particle or title as a token with its role and canonical form.
NameToken MarkParticle(std::string_view part, const Particle& particle) {
  NameToken t = MakeWord(part, part);
  t.role = particle.role;
  t.particle = std::string(particle.canonical);
  if (particle.canonical == "allah") t.key.assign(1, 'L');  // not = "L": GCC 12 -Wrestrict false positive
  return t;
}

// Splits a kunya or a patronymic glued to the front of `*word` ("abughayth",
// "binalshibh") into its own token; leaves the rest in `*word`. Returns
// false when the name is full (kMaxNameTokens) after adding one.
bool SplitGluedParticles(std::string_view* word, std::vector<NameToken>* tokens) {
  if (std::string_view rest = GluedArabicKunya(*word); !rest.empty()) {
    NameToken abu = MakeWord(word->substr(0, word->size() - rest.size()), kArabicAbu);
    abu.role = TokenRole::kKunya;
    abu.particle = "abu";
    tokens->push_back(std::move(abu));
    *word = rest;
    if (tokens->size() >= kMaxNameTokens) return false;
  }
  std::string_view patronymic;
  if (std::string_view rest = GluedLatinPatronymic(*word, &patronymic); !rest.empty()) {
    NameToken bin = MakeWord(patronymic, patronymic);
    bin.role = TokenRole::kPatronymic;
    bin.particle = "bin";
    tokens->push_back(std::move(bin));
    *word = rest;
    if (tokens->size() >= kMaxNameTokens) return false;
  }
  return true;
}

// Keys a one-word compound as its parts written apart would be: abd + word
// ("abdelkader", Arabic abd glued), word + al-din ("salahaldin").
void KeyOneWordCompound(std::string_view word, NameToken* t) {
  if (word.substr(0, kArabicAbd.size()) == kArabicAbd && text::CountCodePoints(word) > 4) {
    std::string_view rest = word.substr(kArabicAbd.size());
    StripArabicArticle(&rest);
    t->text = std::string(kArabicAbd) + std::string(rest);
    t->key = "BD";
    JoinKey(PhoneticKey(rest), &t->key);
    t->sounds = "BD" + PhoneticSounds(rest);
  } else if (std::string_view rest = LatinAbdRemainder(word); !rest.empty()) {
    t->text = "abd" + std::string(rest);
    t->key = "BD";
    JoinKey(PhoneticKey(rest), &t->key);
    t->sounds = "BD" + PhoneticSounds(rest);
  }
  if (std::string_view stem = LatinDinStem(word); !stem.empty()) {
    // The stem's key and sounds, then din's, as when the suffix is written
    // apart (the article leaves no trace).
    t->key = PhoneticKey(stem);
    JoinKey("DN", &t->key);
    t->sounds = PhoneticSounds(stem) + "DiN";
  }
}

// Adds an ordinary word (after any particle glued to its front, its glued
// article stripped). Returns false when the name was full before the word.
bool AddOrdinaryWord(std::string_view part, std::vector<NameToken>* tokens) {
  std::string_view word = part;
  if (!SplitGluedParticles(&word, tokens)) return false;
  StripArabicArticle(&word) || StripGluedLatinArticle(&word);
  NameToken t = MakeWord(part, word);
  KeyOneWordCompound(word, &t);
  if (t.key.size() > 1 && t.key.back() == 'H') t.key.pop_back();
  tokens->push_back(std::move(t));
  return true;
}

// Whether parts[i + 1], or the one after an article there, is a compound
// suffix (al-din, allah).
bool BeforeCompoundSuffix(const std::vector<std::string_view>& parts, size_t i) {
  for (size_t k = i + 1; k < parts.size() && k <= i + 2; ++k) {
    const Particle* p = FindParticle(parts[k]);
    if (p && p->role == TokenRole::kCompoundSuffix) return true;
    if (!IsDroppedArticle(parts, k, p)) return false;
  }
  return false;
}

// What an Arabic-script word may be without what is glued to its front: the
// article, or one of the conjunction and prepositions wa-, bi-, li-, ka-, fa-
// with or without the article after it (li-l-sirafa, "for exchange"; bi-bilad,
// "in the land of"). Readings of fewer than three letters are left out.
std::vector<std::string_view> GluedReadings(std::string_view word) {
  std::vector<std::string_view> out;
  std::string_view bare = word;
  if (StripArabicArticle(&bare)) out.push_back(bare);
  static constexpr std::string_view kProclitics[] = {
      "\xd9\x88", "\xd8\xa8", "\xd9\x84", "\xd9\x83", "\xd9\x81"};  // waw beh lam kaf feh
  const std::string_view lam = kProclitics[2];
  for (std::string_view p : kProclitics) {
    if (!word.starts_with(p)) continue;
    std::string_view rest = word.substr(p.size());
    std::string_view after_article = rest;
    if (p == lam && rest.starts_with(lam)) {
      after_article.remove_prefix(lam.size());  // li + al- is written lam lam
    } else if (!StripArabicArticle(&after_article)) {
      after_article = {};
    }
    for (std::string_view r : {after_article, rest}) {
      if (text::CountCodePoints(r) >= 3) out.push_back(r);
    }
    break;
  }
  return out;
}

// A known word or phrase at parts[*i] (internal/lexicon.h), also with the
// Arabic article or a preposition glued to its first word ("al-islamiyya"
// written in Arabic script: GluedReadings), as one token; advances *i to its
// last part.
std::optional<NameToken> KnownWords(const std::vector<std::string_view>& parts, size_t* i) {
  std::optional<lexicon::Match> m = lexicon::MatchAt(parts, *i);
  std::string_view first = parts[*i];  // as the lexicon read it
  if (!m && lexicon::ScriptOfWord(parts[*i]) == text::Script::kArabic) {
    std::vector<std::string_view> stripped = parts;
    for (std::string_view bare : GluedReadings(parts[*i])) {
      stripped[*i] = bare;
      if ((m = lexicon::MatchAt(stripped, *i))) {
        first = bare;
        break;
      }
    }
  }
  if (!m) return std::nullopt;
  // The surface keeps what was glued; the matching form, keys and sounds
  // are of the word without it, as for other words.
  std::string surface(parts[*i]), matching(first);
  for (size_t k = *i + 1; k < *i + m->parts; ++k) {
    surface.append(" ").append(parts[k]);
    matching.append(" ").append(parts[k]);
  }
  NameToken t = MakeWord(surface, matching);
  t.role = m->role;
  t.particle = std::move(m->canonical);
  *i += m->parts - 1;
  return t;
}

// The last step: each token's coarse key, and the name's script.
void AddCoarseKeys(ParsedName* name) {
  for (NameToken& t : name->tokens) t.coarse = CoarseKey(t.key);
  name->script = text::DominantScript(name->normalized);
}

}  // namespace

std::string_view TokenRoleName(TokenRole role) {
  switch (role) {
    case TokenRole::kWord: return "word";
    case TokenRole::kArticle: return "article";
    case TokenRole::kPatronymic: return "patronymic";
    case TokenRole::kKunya: return "kunya";
    case TokenRole::kCompoundPrefix: return "compound_prefix";
    case TokenRole::kCompoundSuffix: return "compound_suffix";
    case TokenRole::kTitle: return "title";
    case TokenRole::kLegalForm: return "legal_form";
    case TokenRole::kNumber: return "number";
    case TokenRole::kConcept: return "concept";
    case TokenRole::kGenericWord: return "generic_word";
    case TokenRole::kStopword: return "stopword";
  }
  return "unknown";
}

namespace {

// The words of a normalised name, other scripts than Latin and Arabic in Latin.
std::vector<std::string> Words(const std::string& normalized) {
  const std::string latinized = lexicon::LatinizeOtherScripts(normalized);
  std::vector<std::string> words;
  for (std::string_view part : SplitGluedAbd(lexicon::SplitParts(latinized))) words.emplace_back(part);
  return words;
}

// A name written in another spelling convention (German Krawtschenko, Latvian
// Jurijs) read in the English one (internal/conventions.h). Known words
// (legal forms, organisation words: Aktiengesellschaft) are not names and
// keep their spelling.
void ReadInEnglishSpelling(std::string_view written, std::vector<std::string>* words) {
  auto latin = [](std::string_view w) { return lexicon::ScriptOfWord(w) == text::Script::kLatin; };
  // Whether each word is a Latin name word: not a known word.
  auto spelled = [&](const std::vector<std::string>& all) {
    const std::vector<std::string_view> parts(all.begin(), all.end());
    std::vector<bool> out(all.size(), true);
    for (size_t i = 0; i < parts.size(); ++i) {
      if (!latin(parts[i])) {
        out[i] = false;
      } else if (std::optional<lexicon::Match> known = lexicon::MatchAt(parts, i)) {
        for (size_t k = i; k < std::min(parts.size(), i + known->parts); ++k) out[k] = false;
        i += known->parts - 1;
      }
    }
    return out;
  };
  // Most names show no convention at all; they need no lexicon lookups. A
  // convention that counts too little in all Latin words does in fewer too.
  std::vector<std::string> names;
  for (const std::string& w : *words) {
    if (latin(w)) names.push_back(w);
  }
  const bool all_latin = names.size() == words->size();
  const bool particles = std::any_of(words->begin(), words->end(),
                                     [](const std::string& w) { return FindParticle(w) != nullptr; });
  std::optional<std::vector<std::string>> chinese;
  if (all_latin && !particles) chinese = conventions::ReadChinese(*words);
  if (!chinese && conventions::Detect(written, names) < 0) return;
  std::vector<bool> rewrite = spelled(*words);
  if (chinese && std::all_of(rewrite.begin(), rewrite.end(), [](bool b) { return b; })) {
    *words = std::move(*chinese);
    return;
  }
  names.clear();
  for (size_t i = 0; i < words->size(); ++i) {
    if (rewrite[i]) names.push_back((*words)[i]);
  }
  const int convention = conventions::Detect(written, names);
  if (convention < 0) return;
  // Letters replaced in the name as written (a caron is gone once normalised);
  // known words keep theirs ("Anonim Sirketi" with its s-cedilla).
  if (std::string replaced = conventions::ReplaceLetters(convention, written); !replaced.empty()) {
    std::vector<std::string> read = Words(text::NormalizeForMatching(replaced));
    if (read.size() == words->size()) {
      for (size_t i = 0; i < read.size(); ++i) {
        if (rewrite[i]) (*words)[i] = std::move(read[i]);
      }
    } else {
      *words = std::move(read);
      rewrite = spelled(*words);
    }
  }
  for (size_t i = 0; i < words->size(); ++i) {
    if (rewrite[i]) (*words)[i] = conventions::Rewrite(convention, (*words)[i]);
  }
}

// The French elided article and preposition, l' and d' before a vowel or h,
// dropped: "Mouvement pour l'Unification ... de l'Ouest" has the words
// unification and ouest (which it would not glued to the l), and its acronym
// MUJAO. Apostrophes inside words (Qa'ida, Ma'ruf) and d' before a
// consonant (D'Souza) stay.
std::string DropElisions(std::string_view s) {
  auto letter = [](unsigned char c) { return std::isalpha(c) || c >= 0x80; };
  auto vowel_or_h = [](unsigned char c) {
    return std::strchr("aeiouhAEIOUH", c) != nullptr || c == 0xC3;  // C3: a Latin-1 accented letter
  };
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool elidable = (c == 'l' || c == 'L' || c == 'd' || c == 'D') &&
                          (i == 0 || !letter(static_cast<unsigned char>(s[i - 1])));
    if (elidable) {
      size_t after = 0;  // the apostrophe's length
      if (s.substr(i + 1, 1) == "'") after = 1;
      if (s.substr(i + 1, 3) == "\xe2\x80\x99") after = 3;  // RIGHT SINGLE QUOTATION MARK
      if (after > 0 && i + 1 + after < s.size() &&
          vowel_or_h(static_cast<unsigned char>(s[i + 1 + after]))) {
        i += after;
        continue;
      }
    }
    out += c;
  }
  return out;
}

}  // namespace

ParsedName ParseName(std::string_view raw) {
  ParsedName name;
  const std::string written = DropElisions(lexicon::JoinDottedInitials(CutToLimit(raw)));
  name.normalized = text::NormalizeForMatching(written);
  std::vector<std::string> words = Words(name.normalized);
  ReadInEnglishSpelling(written, &words);
  std::vector<bool> initials;
  words = lexicon::JoinLetterRuns(words, &initials);
  const std::vector<std::string_view> parts(words.begin(), words.end());
  bool seen_word = false;
  for (size_t i = 0; i < parts.size() && name.tokens.size() < kMaxNameTokens; ++i) {
    const std::string_view part = parts[i];
    const bool has_next = i + 1 < parts.size();
    const Particle* particle = FindParticle(part);
    if (!particle && has_next) particle = MistypedAbd(part);
    if (IsDroppedArticle(parts, i, particle)) continue;
    if (JoinCompoundSuffix(parts, i, particle, &name.tokens)) continue;
    if (particle && particle->role == TokenRole::kCompoundPrefix && has_next) {
      name.tokens.push_back(JoinCompoundPrefix(parts, &i));
      seen_word = true;
      continue;
    }
    // A known word, unless a compound suffix makes it a name ("Nasr al-Din",
    // "Fath Allah": victory and conquest are also given names).
    if ((!particle || particle->role == TokenRole::kTitle) && !BeforeCompoundSuffix(parts, i)) {
      if (std::optional<NameToken> known = KnownWords(parts, &i)) {
        name.tokens.push_back(std::move(*known));
        continue;
      }
    }
    if (particle && (particle->role != TokenRole::kTitle || !seen_word)) {
      name.tokens.push_back(MarkParticle(part, *particle));
      continue;
    }
    if (!AddOrdinaryWord(part, &name.tokens)) break;
    name.tokens.back().initials = initials[i];
    seen_word = true;
  }
  AddCoarseKeys(&name);
  return name;
}

bool IsOrganizationWord(const NameToken& token) {
  switch (token.role) {
    case TokenRole::kLegalForm:
    case TokenRole::kConcept:
    case TokenRole::kGenericWord:
    case TokenRole::kStopword:
    case TokenRole::kNumber: return true;
    default: return false;
  }
}

std::string Acronym(const ParsedName& name) {
  if (std::none_of(name.tokens.begin(), name.tokens.end(), IsOrganizationWord)) return {};
  std::string letters;
  for (const NameToken& t : name.tokens) {
    switch (t.role) {
      case TokenRole::kWord:
      case TokenRole::kConcept:
      case TokenRole::kGenericWord:
      case TokenRole::kNumber: break;
      default: continue;
    }
    if (t.surface.empty() || t.surface[0] < 'a' || t.surface[0] > 'z') return {};
    // Words of one or two letters are the articles and particles of other
    // languages as often ("le", "li") and acronyms pass them by.
    if (t.role == TokenRole::kWord && t.surface.size() <= 2 && !t.initials) continue;
    letters += t.surface[0];
  }
  return letters.size() >= 3 && letters.size() <= 8 ? letters : std::string();
}

}  // namespace qantara::names
