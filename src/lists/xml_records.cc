#include "lists/internal/xml_records.h"

#include <climits>
#include <mutex>

#include "base/ascii.h"

namespace qantara::lists {
namespace {

std::string_view AsView(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

}  // namespace

XmlRecordStream::XmlRecordStream(std::string_view data, const std::string& url) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  if (data.size() > static_cast<size_t>(INT_MAX)) {
    Fail(0, "file too large for the XML parser");
    return;
  }
  // No XML_PARSE_NOENT (no entity substitution), no DTD loading, no network,
  // no XML_PARSE_HUGE; BIG_LINES so line numbers past 65535 stay right.
  // Blank text nodes are kept: they show that an element was closed (see Next).
  const int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES;
  reader_ =
      xmlReaderForMemory(data.data(), static_cast<int>(data.size()), url.c_str(), nullptr, options);
  if (reader_ == nullptr) {
    Fail(0, "cannot start the XML parser");
    return;
  }
  xmlTextReaderSetStructuredErrorHandler(reader_, &XmlRecordStream::OnError, this);
}

XmlRecordStream::~XmlRecordStream() {
  if (reader_ != nullptr) xmlFreeTextReader(reader_);
}

void XmlRecordStream::OnError(void* self, xmlErrorPtr error) {
  if (error == nullptr || error->level < XML_ERR_ERROR) return;
  std::string message = error->message ? CollapseSpaces(error->message) : "XML error";
  auto* stream = static_cast<XmlRecordStream*>(self);
  size_t line = error->line > 0 ? static_cast<size_t>(error->line) : 0;
  // Errors inside entity content carry the entity's own line numbers.
  size_t parser_line = static_cast<size_t>(xmlTextReaderGetParserLineNumber(stream->reader_));
  if (error->code == XML_ERR_ENTITY_LOOP || line == 0) line = parser_line;
  stream->Fail(line, message);
}

void XmlRecordStream::Fail(size_t line, std::string message) {
  if (failed_) return;  // keep the first error: later ones follow from it
  failed_ = true;
  error_line_ = line;
  error_message_ = std::move(message);
}

std::string XmlRecordStream::RootAttribute(const char* name) const {
  std::string key = std::string(name) + "=";
  size_t pos = 0;
  while (pos < root_attributes_.size()) {
    size_t end = root_attributes_.find('\n', pos);
    std::string_view entry(root_attributes_.data() + pos, end - pos);
    if (entry.substr(0, key.size()) == key) return std::string(entry.substr(key.size()));
    pos = end + 1;
  }
  return "";
}

const xmlNode* XmlRecordStream::Next(std::initializer_list<std::string_view> names, size_t* line) {
  if (reader_ == nullptr || failed_) return nullptr;
  int ret = expanded_ ? xmlTextReaderNext(reader_) : xmlTextReaderRead(reader_);
  expanded_ = false;
  while (ret == 1) {
    if (xmlTextReaderNodeType(reader_) == XML_READER_TYPE_ELEMENT) {
      std::string_view local = AsView(xmlTextReaderConstLocalName(reader_));
      if (root_name_.empty() && xmlTextReaderDepth(reader_) == 0) {
        root_name_ = std::string(local);
        while (xmlTextReaderMoveToNextAttribute(reader_) == 1) {
          root_attributes_.append(AsView(xmlTextReaderConstLocalName(reader_)));
          root_attributes_.append("=");
          root_attributes_.append(CollapseSpaces(AsView(xmlTextReaderConstValue(reader_))));
          root_attributes_.append("\n");
        }
        xmlTextReaderMoveToElement(reader_);
      }
      for (std::string_view want : names) {
        if (local != want) continue;
        size_t start_line = static_cast<size_t>(xmlTextReaderGetParserLineNumber(reader_));
        xmlNodePtr node = xmlTextReaderExpand(reader_);
        // The parser reads ahead, so an error may come from beyond this record:
        // Expand then fails although the record is whole. After an error the
        // subtree may also be cut short, so it is trusted only when the parser
        // had moved past its end tag (a sibling node follows it).
        if (failed_) {
          node = xmlTextReaderCurrentNode(reader_);
          if (node != nullptr && node->next == nullptr) node = nullptr;
        }
        if (node == nullptr) {
          Fail(static_cast<size_t>(xmlTextReaderGetParserLineNumber(reader_)),
               "cannot read <" + std::string(want) + "> that starts near line " +
                   std::to_string(start_line));
          return nullptr;
        }
        expanded_ = true;
        long node_line = xmlGetLineNo(node);
        *line = node_line > 0 ? static_cast<size_t>(node_line) : start_line;
        return node;
      }
    }
    ret = xmlTextReaderRead(reader_);
  }
  if (ret < 0 || failed_) {
    Fail(static_cast<size_t>(xmlTextReaderGetParserLineNumber(reader_)), "malformed XML");
  }
  return nullptr;
}

Status EndOfXml(const XmlRecordStream& stream, const ReadContext& ctx, size_t usable) {
  if (!stream.failed()) return Status::Ok();
  std::string what = "XML ends or breaks here (" + stream.error_message() + ")";
  if (usable == 0) return ctx.Error(StatusCode::kCorruption, stream.error_line(), what);
  ctx.Issue(stream.error_line(),
            what + "; the " + std::to_string(usable) + " records before it were kept");
  return Status::Ok();
}

std::string_view LocalName(const xmlNode* node) { return AsView(node->name); }

std::string NodeText(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string out = CollapseSpaces(AsView(content));
  xmlFree(content);
  return out;
}

const xmlNode* ChildElement(const xmlNode* node, std::string_view name) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && LocalName(c) == name) return c;
  }
  return nullptr;
}

std::string ChildText(const xmlNode* node, std::string_view name) {
  const xmlNode* child = ChildElement(node, name);
  return child == nullptr ? "" : NodeText(child);
}

std::string Attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) {
    // An attribute in a namespace (rare in lists): fall back to any namespace.
    for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
      if (AsView(a->name) == name) {
        value = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(a));
        break;
      }
    }
  }
  std::string out = CollapseSpaces(AsView(value));
  if (value != nullptr) xmlFree(value);
  return out;
}

size_t NodeLine(const xmlNode* node) {
  long line = xmlGetLineNo(node);
  return line > 0 ? static_cast<size_t>(line) : 0;
}

}  // namespace qantara::lists
