// Arabic mention cues (news/internal/mention_spotter.h). Arabic has no capitals, so
// a name is found by what comes before it:
//   - a title phrase: a title, its portfolio when the title is in the
//     construct state (wazir al-kharijiya, ra'is majlis al-wuzara: the next definite
//     noun belongs to the title), then its modifiers (al-amm, al-sabiq) and
//     nationality adjectives (definite words ending in YEH: al-amiriki), and
//     places or organisations the gazetteer named (ra'is wuzara isra'il);
//   - a verb of saying (qal, akkad) followed by a word that is not definite,
//     not a function word or a common noun (masdar, bayan), and is followed by a
//     break, a function word or another such word;
//   - a known given name (uncued), followed by another name word.
// A name runs on from a given name through a second word (Bashar al-Asad) and
// indefinite words (Muhammad Husni Mubarak); from any first word through connectors
// (Hamad bin Jasim bin Jabr Al Thani). An organisation head in the construct state
// (hizb, wizara) takes the definite words after it; a definite head (al-jaysh,
// al-hukuma) only its nationality adjectives (al-jaysh al-isra'ili).
// Checked against NewsFANE's gold (eval/mention_eval.cc).
#include "news/internal/mention_spotter.h"

namespace qantara::news {
namespace {

constexpr std::string_view kAlefLam = "\xd8\xa7\xd9\x84";  // ALEF, LAM: the article
constexpr std::string_view kLamLam = "\xd9\x84\xd9\x84";   // LAM, LAM: li- + al-
constexpr std::string_view kYeh = "\xd9\x8a";              // YEH
constexpr std::string_view kYehHeh = "\xd9\x8a\xd9\x87";   // YEH, HEH (-iyya normalised)
constexpr std::string_view kHeh = "\xd9\x87";              // HEH (teh marbuta normalised)
constexpr size_t kMaxArabicNameWords = 3;                  // not counting connectors
constexpr size_t kMaxTitleWords = 7;
constexpr size_t kMaxOrgWords = 4;

// ALEF, LAM, LAM, HEH: "God", the second word of Abd Allah, Nasr Allah.
bool DivineName(std::string_view w) { return w == "\xd8\xa7\xd9\x84\xd9\x84\xd9\x87"; }

// A regnal number after a name: AL-AWWAL, AL-THANI, AL-THALITH (first, second, third).
bool Ordinal(std::string_view w) {
  return w == "\xd8\xa7\xd9\x84\xd8\xa7\xd9\x88\xd9\x84" ||
         w == "\xd8\xa7\xd9\x84\xd8\xab\xd8\xa7\xd9\x86\xd9\x8a" ||
         w == "\xd8\xa7\xd9\x84\xd8\xab\xd8\xa7\xd9\x84\xd8\xab";
}

bool HasArticle(std::string_view w) {  // at least two letters after it
  return w.size() >= kAlefLam.size() + 4 && w.substr(0, kAlefLam.size()) == kAlefLam;
}

}  // namespace

std::string_view Spotter::WithoutArticle(std::string_view norm) {
  if (norm.size() > kAlefLam.size() + 4 && norm.substr(0, kAlefLam.size()) == kAlefLam) {
    norm.remove_prefix(kAlefLam.size());
  }
  return norm;
}

// With the article, also behind a clitic (wal-, bil-, lil-).
bool Spotter::Definite(size_t i) const {
  if (!Arabic(i)) return false;
  const std::string_view w = words_[i].norm;
  if (HasArticle(w)) return true;
  if (w.size() >= kLamLam.size() + 4 && w.substr(0, kLamLam.size()) == kLamLam) return true;
  for (std::string_view c : kArabicClitics) {
    if (w.substr(0, c.size()) == c && HasArticle(w.substr(c.size()))) return true;
  }
  return false;
}

// A definite adjective of relation: al-amiriki, al-filastiniya.
bool Spotter::Nisba(size_t i) const {
  const std::string_view w = words_[i].norm;
  return Definite(i) && (w.ends_with(kYeh) || w.ends_with(kYehHeh));
}

// A word that can be part of a name: not a function, title or head word, and
// not a definite word behind a clitic (wal-shaab: "and the people").
bool Spotter::ArabicNameWord(size_t i) const {
  return i < words_.size() && !taken(i) && Arabic(i) && !Is(WordKind::kFunction, i) &&
         (HasArticle(words_[i].norm) || !Definite(i)) && !Is(WordKind::kPersonTitle, i) &&
         !Is(WordKind::kSayingVerb, i) && !Is(WordKind::kOrgHead, i) &&
         !Is(WordKind::kPlaceHead, i) && !Is(WordKind::kCommonNoun, i);
}

bool Spotter::Joined(size_t i) const { return i < words_.size() && !words_[i].breaks_before; }

// The end of the title phrase that starts with the title word `title`.
size_t Spotter::TitleEnd(size_t title) const {
  const size_t n = words_.size();
  size_t j = title + 1;
  const auto place_or_org = [&](size_t k) {
    return taken(k) && type_[k] != static_cast<int>(MentionType::kPerson);
  };
  if (!Definite(title)) {  // construct state: its complement is part of the title
    while (j < n && j - title < 3 && Joined(j) && !taken(j) && Arabic(j) && !Definite(j) &&
           (Is(WordKind::kPersonTitle, j) || Is(WordKind::kOrgHead, j) ||
            Is(WordKind::kTitleModifier, j))) {  // ra'is majlis, wazir kharijiya
      ++j;
    }
    if (j < n && Joined(j) && Arabic(j) && !Is(WordKind::kGivenName, j) &&
        ((Definite(j) && !taken(j)) || place_or_org(j))) {
      ++j;
    }
  }
  while (j < n && j - title < kMaxTitleWords && Joined(j) && Arabic(j)) {
    const bool modifier = !taken(j) && !Is(WordKind::kGivenName, j) &&
                          (Is(WordKind::kTitleModifier, j) || Nisba(j) ||
                           words_[j].norm.substr(0, kLamLam.size()) == kLamLam);
    if (!modifier && !place_or_org(j)) break;
    ++j;
  }
  return j;
}

// The end of a name whose first word is `first` (an ArabicNameWord).
size_t Spotter::NameEnd(size_t first) const {
  const size_t n = words_.size();
  const bool given = Is(WordKind::kGivenName, first);
  bool must_take = Is(WordKind::kNameConnector, first);  // Abu Mazin, Abd Allah
  size_t end = first + 1, count = 1;
  while (end < n && Joined(end) && ArabicNameWord(end)) {
    if (Is(WordKind::kNameConnector, end)) {  // bin, abu, ould, Al: need a word after
      if (!Joined(end + 1) || !ArabicNameWord(end + 1)) break;
      ++end;
      must_take = true;
      continue;
    }
    if (!must_take && !DivineName(words_[end].norm)) {  // Nasr Allah, Fadl Allah
      if (!given || count >= kMaxArabicNameWords) break;
      if (count >= 2 && Definite(end)) break;  // only the second word may be definite
    }
    must_take = false;
    ++end;
    ++count;
  }
  if (must_take) return end - 1;  // first when a lone connector: no name
  if (given && end < n && Joined(end) && Ordinal(words_[end].norm)) ++end;  // Abd Allah al-Thani
  return end;
}

// Whether word i, after a verb of saying, is its subject's name.
bool Spotter::SayingSubject(size_t i) const {
  if (!Joined(i) || !ArabicNameWord(i)) return false;
  if (Is(WordKind::kGivenName, i) || Is(WordKind::kNameConnector, i)) return true;
  const std::string_view w = words_[i].norm;
  if (Definite(i) || w.ends_with(kHeh) || w.size() < 6) return false;
  const size_t next = i + 1;
  if (!Joined(next) || !Arabic(next) || Is(WordKind::kFunction, next)) return true;
  return ArabicNameWord(next) && !Definite(next) && !words_[next].norm.ends_with(kHeh);
}

// The end of an organisation name whose head word is `head`.
size_t Spotter::ArabicOrgEnd(size_t head) const {
  const size_t n = words_.size();
  size_t j = head + 1;
  const bool construct = !Definite(head);
  if (construct) {  // hizb al-ummal, wizarat al-kharijiya
    if (!(Joined(j) && ArabicNameWord(j) && Definite(j))) return head + 1;
    ++j;
  }
  while (j < n && j - head < kMaxOrgWords && Joined(j) && ArabicNameWord(j) &&
         (construct ? Definite(j) : Nisba(j))) {
    ++j;
  }
  return j;
}

void Spotter::ArabicCues() {
  for (size_t i = 0; i < words_.size(); ++i) {
    if (!Arabic(i) || taken(i)) continue;
    if (Is(WordKind::kPersonTitle, i)) {
      const size_t j = TitleEnd(i);
      size_t end = Joined(j) && ArabicNameWord(j) ? NameEnd(j) : j;
      // A family name after a given name the tables do not know (al-wazira Karima Bennani).
      if (end == j + 1 && !Is(WordKind::kGivenName, j) && SayingSubject(end)) {
        ++end;
      }
      if (end > j) {
        Add(j, end - 1, MentionType::kPerson, nullptr, "title");
        i = end - 1;
      } else {
        i = j - 1;
      }
    } else if (Is(WordKind::kSayingVerb, i)) {
      if (!SayingSubject(i + 1)) continue;
      size_t end = NameEnd(i + 1);
      if (end <= i + 1) continue;
      if (end == i + 2 && SayingSubject(end) && !Is(WordKind::kGivenName, i + 1)) ++end;
      Add(i + 1, end - 1, MentionType::kPerson, nullptr, "saying_verb");
      i = end - 1;
    } else if (Is(WordKind::kOrgHead, i)) {
      const size_t end = ArabicOrgEnd(i);
      if (end == i + 1) continue;
      Add(i, end - 1, MentionType::kOrganization, nullptr, "org_head",
          static_cast<size_t>(KindPrefix(WordKind::kOrgHead, i)));
      i = end - 1;
    }
  }
}

// A known given name and the words of the name after it, without a cue.
void Spotter::ArabicGivenNames() {
  for (size_t i = 0; i + 1 < words_.size(); ++i) {
    if (!Arabic(i) || taken(i) || !Is(WordKind::kGivenName, i) || Is(WordKind::kFunction, i)) {
      continue;
    }
    const size_t end = NameEnd(i);
    if (end < i + 2) continue;  // a given name alone: not enough
    Add(i, end - 1, MentionType::kPerson, nullptr, "given_name");
    i = end - 1;
  }
}

}  // namespace qantara::news
