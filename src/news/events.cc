// Finding events by rules, sentence by sentence (the rules are listed in
// events.h). Why rules: there is no event-annotated Arabic or French news in
// ../shared/data to learn from, DESIGN rules out downloaded models, and an
// analyst must be able to see why an event is there: the trigger, its
// sentence and the mentions around it are the whole explanation.
//
// Why this shape:
//  - It reuses what the reader already found. Participants and places are
//    mentions (SpotMentions), dates are date mentions (FindDates) and
//    sentences are the language detector's; this file only splits the text
//    into folded words once (events_lexicon.cc) and looks each word up in
//    the trigger table, so it costs a small fraction of the mention stage.
//  - Nearest wins. A sentence of news often holds two places or dates ("se
//    tient mercredi 11 mai 2022, a Marrakech" after "en Afrique"); the one
//    a locative word introduces nearest the trigger is the event's.
//  - Saying is not an event. "said" is in every other sentence of news; a
//    statement event is a statement noun (declaration, communique), or a
//    verb of saying in the lead next to a person, which is how news reports
//    that someone's words are the story.
//  - Dates fall back to the published date only where news means "today":
//    a verb in the present or past tense, or the lead. A noun deep in the
//    article ("la derniere rencontre") or a future verb is left undated
//    rather than dated wrongly; LinkEvents may still date it by merging.
// Checked against the seeds of ../shared/seeds (tests/news/events_test.cc)
// and the made-up gold set of eval/data/events_gold.jsonl (eval/event_eval).
#include "news/events.h"

#include <algorithm>
#include <unordered_set>

#include "news/internal/events_lexicon.h"

namespace qantara::news {
namespace {

using events_internal::EventWord;
using events_internal::MatchTrigger;
using events_internal::SplitEventWords;
using events_internal::TriggerForm;
using events_internal::TriggerHit;
using events_internal::TriggerKind;

// Locative words, folded. A closed class of a dozen words: a table in code
// is clearer than a resource file.
enum Locative : int { kNoLocative = 0, kWeakLocative = 1, kHostPlace = 2, kStrongLocative = 3 };

Locative LocativeWord(std::string_view raw, const EventWord& w) {
  static const std::unordered_set<std::string_view> kStrong = {
      "au",
      "aux",
      "dans",
      "in",
      "at",
      "\xD9\x81\xD9\x8A",  // ARABIC LETTER FEH, YEH: fi
  };
  static const std::unordered_set<std::string_view> kWeak = {
      "en",
      "vers",
      "to",
      "into",
      "pres",
      "near",
      "\xD8\xA7\xD9\x84\xD9\x8A",  // ALEF, LAM, YEH: ila (folded)
      "\xD9\x82\xD8\xB1\xD8\xA8",  // QAF, REH, BEH: qurb (near)
  };
  if (w.norm == "a")
    return raw == "a" || raw == "A" ? kNoLocative : kStrongLocative;  // only a grave "a" (U+00E0)
  if (kStrong.count(w.norm)) return kStrongLocative;
  if (kWeak.count(w.norm)) return kWeakLocative;
  // bi- + al- + noun ("in the capital ...") before the place's name.
  constexpr std::string_view kBiAl = "\xD8\xA8\xD8\xA7\xD9\x84";  // BEH ALEF LAM
  std::string_view n = w.norm;
  if (n.starts_with("\xD9\x88")) n.remove_prefix(2);  // WAW
  return w.arabic && n.starts_with(kBiAl) ? kStrongLocative : kNoLocative;
}

// An indefinite article: after a verb of receiving, a thing is received
// ("a recu un prix", "received a letter"), not a visitor.
bool IsIndefiniteArticle(std::string_view norm) {
  static const std::unordered_set<std::string_view> kArticles = {"un", "une", "des", "a", "an"};
  return kArticles.count(norm) > 0;
}

bool IsPronoun(std::string_view norm) {
  static const std::unordered_set<std::string_view> kPronouns = {
      "il",
      "elle",
      "ils",
      "elles",
      "he",
      "she",
      "they",
      "\xD9\x87\xD9\x88",  // HEH, WAW: huwa
      "\xD9\x87\xD9\x8A",  // HEH, YEH: hiya
      "\xD9\x87\xD9\x85",  // HEH, MEEM: hum
  };
  return kPronouns.count(norm) > 0;
}

// Words between an attack and its author: "bombardements de la coalition",
// "attack by the Front", Arabic "hujum shannahu tanzim ...".
bool IsAgentWord(std::string_view norm) {
  static const std::unordered_set<std::string_view> kAgent = {
      "de",
      "du",
      "des",
      "d",
      "par",
      "by",
      "of",
      "\xD8\xB4\xD9\x86\xD9\x87",          // SHEEN NOON HEH: shannahu (launched by)
      "\xD8\xB4\xD9\x86\xD9\x87\xD8\xA7",  // SHEEN NOON HEH ALEF: shannaha
      "\xD9\x86\xD9\x81\xD8\xB0\xD9\x87",  // NOON FEH THAL HEH: naffadhahu (carried out by)
  };
  return kAgent.count(norm) > 0;
}

// Words that make the mention after them the opponent of whoever acts:
// "la lutte contre Daech", "the defeat of ISIL", Arabic "didd", "mukafahat".
// An opponent is no participant of a meeting, a call or an agreement.
bool IsOppositionWord(std::string_view norm) {
  static const std::unordered_set<std::string_view> kOpposition = {
      "contre",
      "face",
      "defaite",
      "lutte",
      "combattre",
      "against",
      "defeat",
      "fight",
      "\xD8\xB6\xD8\xAF",                                  // DAD DAL: didd (against)
      "\xD9\x85\xD9\x83\xD8\xA7\xD9\x81\xD8\xAD\xD9\x87",  // mukafaha (fight), folded
      "\xD9\x85\xD8\xAD\xD8\xA7\xD8\xB1\xD8\xA8\xD9\x87",  // muharaba (war on), folded
  };
  return kOpposition.count(norm) > 0;
}

bool Cooperative(EventType type) {
  return type != EventType::kAttack && type != EventType::kArrest;
}

bool IsBiClitic(std::string_view prefix) {
  return prefix == "\xD8\xA8" || prefix == "\xD9\x88\xD8\xA8" ||
         prefix == "\xD9\x81\xD8\xA8";  // BEH; WAW BEH; FEH BEH
}

struct Trigger {
  const TriggerForm* form;
  size_t first, end;  // words [first, end)
};

// One document's words, mentions and dates, and the rules over them.
class EventFinder {
 public:
  EventFinder(std::string_view text, const std::vector<Mention>& mentions,
              const std::vector<DateMention>& dates, std::string_view published,
              const EventOptions& options)
      : text_(text),
        mentions_(mentions),
        dates_(dates),
        published_(published),
        options_(options),
        words_(SplitEventWords(text)) {
    MapMentions();
  }

  std::vector<Event> Run(const std::vector<SentenceLanguage>& sentences);

 private:
  struct Sentence {
    size_t index = 0, start = 0, end = 0;
    size_t w0 = 0, w1 = 0;  // words
    size_t m0 = 0, m1 = 0;  // mentions
    size_t d0 = 0, d1 = 0;  // dates
  };
  void MapMentions();
  size_t Distance(size_t m, const Trigger& t) const;
  bool ReceivesSomeone(const Sentence& s, const Trigger& t) const;
  std::optional<size_t> Dateline(const std::vector<SentenceLanguage>& sentences) const;
  void Read(const Sentence& s, std::vector<Event>* out);
  bool Participants(const Sentence& s, const Trigger& t, Event* e) const;
  std::optional<size_t> Author(const Trigger& t, const std::vector<size_t>& found) const;
  bool Opposed(const Sentence& s, size_t m) const;
  std::optional<size_t> Place(const Sentence& s, const Trigger& t) const;
  Locative Introduced(const Sentence& s, const Trigger& t, size_t m) const;
  void Date(const Sentence& s, const Trigger& t, Event* e) const;

  std::string_view text_;
  const std::vector<Mention>& mentions_;
  const std::vector<DateMention>& dates_;
  std::string_view published_;
  const EventOptions& options_;
  std::vector<EventWord> words_;
  std::vector<size_t> first_word_, last_word_;  // per mention
  std::vector<size_t> hosts_;                   // host words of the current sentence
  std::optional<size_t> previous_person_;       // first person of the sentence before
  std::optional<size_t> dateline_;
};

void EventFinder::MapMentions() {
  first_word_.resize(mentions_.size());
  last_word_.resize(mentions_.size());
  size_t w = 0;
  for (size_t m = 0; m < mentions_.size(); ++m) {
    while (w + 1 < words_.size() && words_[w].end <= mentions_[m].start) ++w;  // text order
    size_t last = w;
    while (last + 1 < words_.size() && words_[last + 1].start < mentions_[m].end) ++last;
    first_word_[m] = w;
    last_word_[m] = last;
  }
}

size_t EventFinder::Distance(size_t m, const Trigger& t) const {
  if (last_word_[m] < t.first) return t.first - last_word_[m];
  if (first_word_[m] >= t.end) return first_word_[m] - t.end + 1;
  return 0;
}

std::optional<size_t> EventFinder::Dateline(const std::vector<SentenceLanguage>& sentences) const {
  const size_t lead = std::min(options_.lead_sentences, sentences.size());
  for (size_t m = 0; m < mentions_.size(); ++m) {
    const Mention& x = mentions_[m];
    if (lead == 0 || x.start >= sentences[lead - 1].end) break;
    if (x.type != MentionType::kLocation) continue;
    bool starts = false;
    for (size_t s = 0; s < lead; ++s) starts |= sentences[s].start == x.start;
    if (!starts) continue;
    std::string_view after = text_.substr(x.end, 8);
    while (!after.empty() && after[0] == ' ') after.remove_prefix(1);
    if (after.starts_with(",") || after.starts_with("(") || after.starts_with("-") ||
        after.starts_with("\xE2\x80\x93") || after.starts_with("\xE2\x80\x94")) {  // EN, EM DASH
      return m;
    }
  }
  return std::nullopt;
}

std::vector<Event> EventFinder::Run(const std::vector<SentenceLanguage>& sentences) {
  std::vector<Event> out;
  dateline_ = Dateline(sentences);
  Sentence s;
  for (size_t i = 0; i < sentences.size(); ++i) {
    s.index = i;
    s.start = sentences[i].start;
    s.end = sentences[i].end;
    for (s.w0 = s.w1; s.w0 < words_.size() && words_[s.w0].start < s.start;) ++s.w0;
    for (s.w1 = s.w0; s.w1 < words_.size() && words_[s.w1].end <= s.end;) ++s.w1;
    for (s.m0 = s.m1; s.m0 < mentions_.size() && mentions_[s.m0].start < s.start;) ++s.m0;
    for (s.m1 = s.m0; s.m1 < mentions_.size() && mentions_[s.m1].end <= s.end;) ++s.m1;
    for (s.d0 = s.d1; s.d0 < dates_.size() && dates_[s.d0].start < s.start;) ++s.d0;
    for (s.d1 = s.d0; s.d1 < dates_.size() && dates_[s.d1].end <= s.end;) ++s.d1;
    Read(s, &out);
    previous_person_.reset();
    for (size_t m = s.m0; m < s.m1 && !previous_person_; ++m) {
      if (mentions_[m].type == MentionType::kPerson) previous_person_ = m;
    }
  }
  return out;
}

void EventFinder::Read(const Sentence& s, std::vector<Event>* out) {
  std::vector<Trigger> triggers;
  hosts_.clear();
  for (size_t i = s.w0; i < s.w1; ++i) {
    TriggerHit hit = MatchTrigger(words_, i);
    if (!hit.form || hit.end > s.w1) continue;
    if (hit.form->kind == TriggerKind::kHost) hosts_.push_back(i);
    if (hit.form->event) triggers.push_back({hit.form, i, hit.end});
    i = hit.end - 1;
  }
  for (const Trigger& t : triggers) {
    Event e;
    e.type = t.form->type;
    e.start = words_[t.first].start;
    e.end = words_[t.end - 1].end;
    e.text.assign(text_.substr(e.start, e.end - e.start));
    e.sentence_start = s.start;
    e.sentence_end = s.end;
    if (!Participants(s, t, &e)) continue;
    e.place = Place(s, t);
    const bool own_place = e.place.has_value();
    if (!e.place) e.place = dateline_;
    Date(s, t, &e);
    // A plan that names nobody and no place ("will meet again next week")
    // tells nothing, even with a date.
    const bool dated =
        e.date_source == EventDateSource::kText && t.form->kind != TriggerKind::kFuture;
    if (e.participants.empty() && !own_place && !dated) continue;
    out->push_back(std::move(e));
  }
}

// Fills e->participants; false when the trigger makes no event (a verb of
// saying outside the lead or without a speaker).
bool EventFinder::Participants(const Sentence& s, const Trigger& t, Event* e) const {
  std::optional<size_t> speaker;
  if (t.form->kind == TriggerKind::kReceive && !ReceivesSomeone(s, t)) return false;
  if (t.form->kind == TriggerKind::kSaying) {
    if (s.index >= options_.lead_sentences) return false;
    size_t best = options_.speaker_window + 1;
    for (size_t m = s.m0; m < s.m1; ++m) {
      if (mentions_[m].type != MentionType::kPerson) continue;
      const size_t d = Distance(m, t);
      if (d > 0 && d < best) best = d, speaker = m;
    }
    if (!speaker) return false;
  }
  std::vector<size_t> found;
  for (size_t m = s.m0; m < s.m1; ++m) {
    const Mention& x = mentions_[m];
    if (x.type == MentionType::kLocation || m == speaker || Distance(m, t) == 0) continue;
    if (Cooperative(t.form->type) && Opposed(s, m)) continue;
    found.push_back(m);
  }
  const size_t room = options_.max_participants - (speaker ? 1 : 0);
  if (found.size() > room) {
    std::stable_sort(found.begin(), found.end(),
                     [&](size_t a, size_t b) { return Distance(a, t) < Distance(b, t); });
    found.resize(room);
    std::sort(found.begin(), found.end());
  }
  const std::optional<size_t> first =
      t.form->type == EventType::kAttack ? Author(t, found) : speaker;
  if (first) e->participants.push_back(*first);
  for (size_t m : found) {
    if (m != first) e->participants.push_back(m);
  }
  // A sentence that opens with a pronoun continues the one before: its
  // subject is that sentence's first person ("Il s'est entretenu avec X").
  if (previous_person_ && s.w0 < s.w1 && IsPronoun(words_[s.w0].norm) &&
      e->participants.size() < options_.max_participants) {
    e->participants.insert(e->participants.begin(), *previous_person_);
  }
  return true;
}

// Whether a verb of receiving has a person or an organisation as its object
// or agent: no indefinite article right after it, and such a mention after it
// in the sentence, at most 15 words on ("a ete recu mardi 18 fevrier a Rabat
// par le ministre des Affaires etrangeres, X").
bool EventFinder::ReceivesSomeone(const Sentence& s, const Trigger& t) const {
  if (t.end < s.w1 && IsIndefiniteArticle(words_[t.end].norm)) return false;
  for (size_t m = s.m0; m < s.m1; ++m) {
    if (first_word_[m] < t.end || mentions_[m].type == MentionType::kLocation) continue;
    return first_word_[m] - t.end <= 15;
  }
  return false;
}

// Whether an opposition word stands at most four words before mention m
// ("defaite territoriale de l'Organisation"; a rule, not a parse).
bool EventFinder::Opposed(const Sentence& s, size_t m) const {
  const size_t f = first_word_[m];
  for (size_t k = f; k > s.w0 && f - k < 4;) {
    --k;
    for (size_t j = 0; j < words_[k].stems; ++j) {
      if (IsOppositionWord(words_[k].Stem(j))) return true;
    }
  }
  return false;
}

// The author of an attack among its participants: the first named right
// after the trigger through "de", "by", "of" (with articles between).
std::optional<size_t> EventFinder::Author(const Trigger& t,
                                          const std::vector<size_t>& found) const {
  for (size_t m : found) {
    const size_t f = first_word_[m];
    if (f < t.end || f - t.end > 3) continue;
    for (size_t k = t.end; k < f; ++k) {
      if (IsAgentWord(words_[k].norm)) return m;
    }
  }
  return std::nullopt;
}

// How the location mention m is introduced: by a locative word (or the
// Arabic bi- clitic) at most place_window words before it, by a host verb
// next to it, or as the object of a visit verb (the destination).
Locative EventFinder::Introduced(const Sentence& s, const Trigger& t, size_t m) const {
  const size_t f = first_word_[m];
  const EventWord& w = words_[f];
  if (mentions_[m].start > w.start &&
      IsBiClitic(text_.substr(w.start, mentions_[m].start - w.start))) {
    return kStrongLocative;
  }
  for (size_t k = f; k > s.w0 && f - k < options_.place_window;) {
    if (words_[k].punct_before) break;
    --k;
    const Locative l =
        LocativeWord(text_.substr(words_[k].start, words_[k].end - words_[k].start), words_[k]);
    if (l != kNoLocative) return l;
  }
  for (size_t h : hosts_) {
    if ((last_word_[m] < h && h - last_word_[m] <= 2) || (f > h && f - h <= 2)) return kHostPlace;
  }
  if (t.form->type == EventType::kVisit && t.form->kind != TriggerKind::kNoun && f >= t.end &&
      f - t.end <= options_.place_window) {
    bool unbroken = true;  // a visit verb's object is where it goes ("visited Cairo")
    for (size_t k = t.end; k <= f; ++k) unbroken &= !words_[k].punct_before;
    if (unbroken) return kHostPlace;
  }
  return kNoLocative;
}

std::optional<size_t> EventFinder::Place(const Sentence& s, const Trigger& t) const {
  std::optional<size_t> best;
  Locative best_how = kNoLocative;
  size_t best_distance = 0;
  for (size_t m = s.m0; m < s.m1; ++m) {
    if (mentions_[m].type != MentionType::kLocation || Distance(m, t) == 0) continue;
    const Locative how = Introduced(s, t, m);
    const size_t d = Distance(m, t);
    if (how == kNoLocative || how < best_how || (how == best_how && d >= best_distance)) continue;
    best = m, best_how = how, best_distance = d;
  }
  return best;
}

void EventFinder::Date(const Sentence& s, const Trigger& t, Event* e) const {
  size_t best_distance = SIZE_MAX;
  for (size_t d = s.d0; d < s.d1; ++d) {
    const DateMention& x = dates_[d];
    if (x.value.empty()) continue;
    const size_t distance =
        x.end <= e->start ? e->start - x.end : x.start - std::min(x.start, e->end);
    if (distance >= best_distance) continue;
    best_distance = distance;
    e->date = x.value;
    e->date_source = EventDateSource::kText;
  }
  if (e->date_source == EventDateSource::kText || published_.empty()) return;
  const TriggerKind kind = t.form->kind;
  const bool lead = s.index < options_.lead_sentences;
  if (kind == TriggerKind::kVerb || kind == TriggerKind::kReceive || kind == TriggerKind::kSaying ||
      (kind == TriggerKind::kNoun && lead)) {
    e->date.assign(published_);
    e->date_source = EventDateSource::kPublished;
  }
}

}  // namespace

std::vector<Event> FindEvents(std::string_view text, const std::vector<SentenceLanguage>& sentences,
                              const std::vector<Mention>& mentions,
                              const std::vector<DateMention>& dates, std::string_view published,
                              const EventOptions& options) {
  if (sentences.empty()) return {};
  return EventFinder(text, mentions, dates, published, options).Run(sentences);
}

}  // namespace qantara::news
