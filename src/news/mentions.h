// Mention spotting: the persons, organisations and places a text names, by
// rules over words (titles, verbs of saying, capitals, particles) and the
// gazetteer (news/gazetteer.h), then a statistical tagger (news/tagger.h)
// that reads what the rules found and decides. Linking mentions to entities across
// documents and to the lists is news/entities.h's job.
#ifndef QANTARA_NEWS_MENTIONS_H_
#define QANTARA_NEWS_MENTIONS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "news/gazetteer.h"
#include "news/model.h"

namespace qantara::news {

class Tagger;

// How the tagger's labels combine with the rules' mentions.
enum class TaggerUse {
  kFill,    // the rules' mentions stay; tagger spans on words no rule took are added
  kDecide,  // the tagger's spans are the mentions (a rule mention of the same words
            // and type keeps its cue and gazetteer entry), and gazetteer mentions
            // on words the tagger left out stay
};

struct MentionOptions {
  // The tagger to consult after the rules; nullptr: rules only. Default: the
  // built-in model (rules only when the build embeds none).
  const Tagger* tagger = &BuiltInTagger();
  TaggerUse use = TaggerUse::kDecide;  // see TaggerUse; kDecide is best on held-out data
  // Whether the tagger also decides Latin-script words. It learnt Arabic and
  // French; the reader turns this off for English documents (rules only there).
  bool tag_latin = true;

  static const Tagger& BuiltInTagger();  // Tagger::BuiltIn(), without including news/tagger.h
};

// Mentions of `text` (valid UTF-8), in text order, not overlapping, with
// MentionOptions' defaults (rules, then the built-in tagger). Thread-safe.
std::vector<Mention> SpotMentions(std::string_view text, const Gazetteer& gazetteer);
std::vector<Mention> SpotMentions(std::string_view text, const Gazetteer& gazetteer,
                                  const MentionOptions& options);

}  // namespace qantara::news

#endif  // QANTARA_NEWS_MENTIONS_H_
