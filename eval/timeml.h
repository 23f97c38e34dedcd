// TimeML files (French TimeBank, TempEval-3): the article's text without its
// tags, and where each TIMEX3 lies in it. Used by date_eval (dates read in
// the article) and language_eval (sentences).
#ifndef QANTARA_EVAL_TIMEML_H_
#define QANTARA_EVAL_TIMEML_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace qantara::eval {

struct TimeMlTimex {
  std::string tid, type, value;
  size_t start = 0, end = 0;  // UTF-8 byte offsets into TimeMlDoc::text
};

struct TimeMlDoc {
  std::string text;                  // the <TEXT> element's content, tags removed, entities decoded
  std::vector<TimeMlTimex> timexes;  // those inside <TEXT>, in text order
};

// Reads the TimeML document `xml`; nullopt when it has no <TEXT> element.
std::optional<TimeMlDoc> ParseTimeMl(const std::string& xml);

// Every .tml file of `dir`, sorted by name; empty when `dir` is not a folder.
std::vector<std::string> TimeMlFiles(const std::string& dir);

}  // namespace qantara::eval

#endif  // QANTARA_EVAL_TIMEML_H_
