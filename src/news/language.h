// The language of each sentence of a text, and the document's languages.
//
// news/read.cc calls DetectLanguages() on the clean text of an article; its
// `shares` are DESIGN's `languages` field, and the per-sentence languages
// tell the mention and date readers which tables to use where.
#ifndef QANTARA_NEWS_LANGUAGE_H_
#define QANTARA_NEWS_LANGUAGE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "news/model.h"

namespace qantara::news {

// The language of each sentence of `text` and the document's shares by letters.
// Rules, in order:
//   - a sentence belongs to the script of the majority of its letters (a French
//     sentence quoting an Arabic name stays Latin, so French);
//   - Arabic script: "ar", unless letters that Arabic does not use (Persian,
//     Urdu, Pashto...) are frequent and CLD2 names such a language reliably;
//   - Latin script: CLD2 with the document's own Latin language as a hint; when
//     the evidence is weak (a short sentence, or CLD2 unsure) the choice is
//     between French and English, by function words, then CLD2's own ranking,
//     then the document's language;
//   - other scripts: CLD2's answer, or "und";
//   - a sentence with no letters takes the language of the sentence before it
//     (else after it, else "und") and does not count in the shares.
// REQUIRES: `text` is valid UTF-8. Thread-safe.
Languages DetectLanguages(std::string_view text);

}  // namespace qantara::news

#endif  // QANTARA_NEWS_LANGUAGE_H_
