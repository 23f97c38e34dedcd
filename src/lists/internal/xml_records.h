// Streaming access to the records of a large XML list file (internal to lists/).
//
// The official files are big (EU's is ~25 MB) but flat: a root, maybe a wrapper,
// then thousands of record elements. XmlRecordStream walks the file with
// libxml2's xmlTextReader and expands one record at a time into a small DOM
// subtree, which the caller reads with the helpers below; the reader frees the
// subtree when it moves on, so memory stays bounded by one record.
//
// Parsing is safe for hostile input: no network access (XML_PARSE_NONET), no
// external DTD loading, no entity substitution, and libxml2's default size limits
// (XML_PARSE_HUGE is off). Namespaces are ignored: elements are matched by local
// name, so the OFAC file with its default namespace reads like one without.
#ifndef QANTARA_LISTS_INTERNAL_XML_RECORDS_H_
#define QANTARA_LISTS_INTERNAL_XML_RECORDS_H_

#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

#include "base/status.h"
#include "lists/internal/read_context.h"

namespace qantara::lists {

class XmlRecordStream {
 public:
  // `data` must outlive the stream; `url` names the file in libxml2's errors.
  XmlRecordStream(std::string_view data, const std::string& url);
  ~XmlRecordStream();
  XmlRecordStream(const XmlRecordStream&) = delete;
  XmlRecordStream& operator=(const XmlRecordStream&) = delete;

  // Advances to the next element whose local name is one of `names` (at any
  // depth) and returns it expanded, valid until the next call; *line receives its
  // line. Returns nullptr at the end of the document or on a parse error.
  const xmlNode* Next(std::initializer_list<std::string_view> names, size_t* line);

  // The local name of the document's root element ("" before it is read).
  const std::string& root_name() const { return root_name_; }
  // An attribute of the root element ("" when absent or not yet read).
  std::string RootAttribute(const char* name) const;

  // True after a parse error (malformed or truncated XML, bad encoding).
  bool failed() const { return failed_; }
  // The line and libxml2's message for the first error.
  size_t error_line() const { return error_line_; }
  const std::string& error_message() const { return error_message_; }

 private:
  static void OnError(void* self, xmlErrorPtr error);
  void Fail(size_t line, std::string message);

  xmlTextReaderPtr reader_ = nullptr;
  bool expanded_ = false;
  std::string root_name_;
  std::string root_attributes_;  // "name=value\n" pairs
  bool failed_ = false;
  size_t error_line_ = 0;
  std::string error_message_;
};

// What a reader returns once `stream` has ended: OK at a clean end; after a parse
// error, an issue naming the line when `usable` records were read before it, else
// a Corruption error naming the line.
Status EndOfXml(const XmlRecordStream& stream, const ReadContext& ctx, size_t usable);

// DOM helpers over an expanded record. All returned text is whitespace-collapsed.

// The element's local name.
std::string_view LocalName(const xmlNode* node);
// All text inside the element.
std::string NodeText(const xmlNode* node);
// The first child element with this local name, or nullptr.
const xmlNode* ChildElement(const xmlNode* node, std::string_view name);
// NodeText of the first child element with this local name ("" when absent).
std::string ChildText(const xmlNode* node, std::string_view name);
// An attribute's value, ignoring namespaces ("" when absent).
std::string Attribute(const xmlNode* node, const char* name);
// The line of an element in the file.
size_t NodeLine(const xmlNode* node);

// Calls fn(child) for every child element of `node` (in order).
template <typename Fn>
void ForEachChildElement(const xmlNode* node, Fn&& fn) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) fn(c);
  }
}

}  // namespace qantara::lists

#endif  // QANTARA_LISTS_INTERNAL_XML_RECORDS_H_
