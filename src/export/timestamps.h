// The export module (qantara_export): what `qantara export` writes, the
// news a database holds (news::NewsExport, news/model.h, which the store
// fills: store::NewsStore::Export) as FollowTheMoney entities (ftm.h) and a
// STIX 2.1 bundle (stix.h), with the list entries of listed entities when
// lists were given. It sees the news model, the lists' entities and, for a
// city's country, the news gazetteer (news/gazetteer.h).
//
// This header: the timestamps both formats write. (Their deterministic ids,
// SHA-1 hex and RFC 4122 name-based UUIDs, are io/digest.h's.) Pure functions,
// thread-safe.
#ifndef QANTARA_EXPORT_TIMESTAMPS_H_
#define QANTARA_EXPORT_TIMESTAMPS_H_

#include <string>
#include <string_view>

namespace qantara::export_ {

// `written_at` (or any "YYYY-MM-DD[ HH:MM:SS]" / "YYYY[-MM]" date) as an RFC
// 3339 UTC timestamp with milliseconds ("2019-02-05T00:00:00.000Z"); a date
// missing its month or day takes the first one. "" when `s` is not such a date.
std::string Rfc3339(std::string_view s);

}  // namespace qantara::export_

#endif  // QANTARA_EXPORT_TIMESTAMPS_H_
