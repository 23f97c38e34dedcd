// Whether two names are one person's, one the shorter form of the other:
// how news/entities.h joins a mention to a known person, and how the news
// store (store/news_store.h) finds the entities a query names. Its own header
// so that the store need not see the linker. Thread-safe.
#ifndef QANTARA_NEWS_NAME_CONTAINED_H_
#define QANTARA_NEWS_NAME_CONTAINED_H_

#include "names/name.h"

namespace qantara::news {

// Whether every word of the shorter of two names aligns with a word of the
// longer (names::CompareNames, so across scripts): "Bourita" and "Nasser
// Bourita", and its Arabic spelling. How mentions join a known person.
bool NameContained(const names::ParsedName& a, const names::ParsedName& b);

}  // namespace qantara::news

#endif  // QANTARA_NEWS_NAME_CONTAINED_H_
