// Documents from paths: the walk over files and folders, the choice of format
// by content, and the three document shapes (whole file, JSON Lines line,
// WARC record). Decoding is encoding.cc's, record framing warc.cc's.
//
// Every failure below a path goes to on_error with the document's name and
// the walk moves on: one bad file in a folder of thousands must not cost the
// others. Files are read whole (up to max_file_bytes); WARC files are then
// inflated record by record.
#include "news/source.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <system_error>

#include "base/ascii.h"
#include "base/file.h"
#include "io/inflate.h"
#include "news/encoding.h"
#include "news/warc.h"
#include "text/utf8.h"

namespace qantara::news {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

enum class Format { kText, kHtml, kJsonLines, kWarc };

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The extension of `path` without a trailing ".gz", lower-cased: ".html".
std::string Extension(const std::string& path) {
  std::string name = AsciiLower(fs::path(path).filename().string());
  if (name.size() > 3 && name.ends_with(".gz")) name.resize(name.size() - 3);
  size_t dot = name.rfind('.');
  return dot == std::string::npos ? "" : name.substr(dot);
}

std::string_view SkipBomAndBlanks(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  return s;
}

bool LooksLikeHtml(std::string_view bytes, const std::string& extension) {
  std::string_view s = SkipBomAndBlanks(bytes);
  while (s.starts_with("<!--")) {
    size_t end = s.find("-->");
    s = end == std::string_view::npos ? std::string_view() : SkipBomAndBlanks(s.substr(end + 3));
  }
  std::string head = AsciiLower(s.substr(0, 1024));
  for (std::string_view root : {"<!doctype html", "<html", "<head", "<body"}) {
    if (head.starts_with(root)) return true;
  }
  if (extension == ".html" || extension == ".htm") return true;
  if (extension == ".txt") return false;
  for (std::string_view tag : {"<p>", "<p ", "<div", "<br", "<a href", "<span", "<meta", "<title",
                               "<h1", "<h2", "<table", "<ul>", "<li>"}) {
    if (head.find(tag) != std::string::npos) return true;
  }
  return false;
}

Format DetectFormat(std::string_view bytes, const std::string& extension) {
  if (bytes.starts_with("WARC/1.")) return Format::kWarc;
  if (SkipBomAndBlanks(bytes).starts_with("{")) return Format::kJsonLines;
  return LooksLikeHtml(bytes, extension) ? Format::kHtml : Format::kText;
}

// Reads a JSON string field; false (with *error) when present with another type.
bool StringField(const Json& line, const char* name, std::string* out, std::string* error) {
  auto it = line.find(name);
  if (it == line.end() || it->is_null()) return true;
  if (!it->is_string()) {
    *error = std::string("field \"") + name + "\" must be a string, not " + it->type_name();
    return false;
  }
  *out = it->get<std::string>();
  return true;
}

std::string JsonErrorText(const std::exception& e) {
  std::string what = e.what();
  size_t bracket = what.find("] ");
  return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

// The payload format of a WARC record, or nullopt when it is not a document.
std::optional<SourceDocument::Format> PayloadFormat(std::string_view content_type,
                                                    std::string_view body) {
  std::string mime = AsciiLower(content_type.substr(0, content_type.find(';')));
  mime.erase(std::remove_if(mime.begin(), mime.end(), IsBlank), mime.end());
  if (mime == "text/html" || mime == "application/xhtml+xml") return SourceDocument::Format::kHtml;
  if (mime == "text/plain") return SourceDocument::Format::kText;
  if (mime.empty() && LooksLikeHtml(body, "")) return SourceDocument::Format::kHtml;
  return std::nullopt;
}

class Walker {
 public:
  Walker(const SourceOptions& options, const std::function<void(SourceDocument)>& on_document,
         const std::function<void(SourceError)>& on_error)
      : options_(options), on_document_(on_document), on_error_(on_error) {}

  void Path(const std::string& path);

 private:
  void Folder(const std::string& path);
  std::vector<fs::path> SortedEntries(const fs::path& folder);
  void File(const std::string& path);
  void Content(const std::string& path, std::string_view bytes, int depth);
  void WholeFile(const std::string& path, std::string_view bytes, SourceDocument::Format format);
  void JsonLines(const std::string& path, std::string_view bytes);
  void JsonLine(const std::string& path, size_t number, std::string_view line);
  bool FillFromJson(const Json& line, SourceDocument* doc, std::string* error);
  void Warc(const std::string& path, std::string_view bytes);
  void WarcDocument(const std::string& path, const WarcRecord& record);
  void Fail(std::string doc, Status status) { on_error_(SourceError{std::move(doc), status}); }

  const SourceOptions& options_;
  const std::function<void(SourceDocument)>& on_document_;
  const std::function<void(SourceError)>& on_error_;
};

void Walker::Path(const std::string& path) {
  if (path == "-") {
    Result<std::string> bytes = ReadWholeFile(path, options_.max_file_bytes);
    if (!bytes.ok()) return Fail(path, bytes.status());
    return Content(path, *bytes, 0);
  }
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found) {
    return Fail(path, Status::NotFound(path + ": no such file or directory"));
  }
  if (ec) return Fail(path, Status::IoError(path + ": " + ec.message()));
  if (fs::is_directory(status)) return Folder(path);
  File(path);
}

std::vector<fs::path> Walker::SortedEntries(const fs::path& folder) {
  std::vector<fs::path> entries;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->path().filename().string().starts_with(".")) entries.push_back(it->path());
  }
  if (ec) Fail(folder.string(), Status::IoError(folder.string() + ": " + ec.message()));
  std::sort(entries.begin(), entries.end());
  return entries;
}

// Depth first, in name order, with an explicit stack of folders being listed.
void Walker::Folder(const std::string& path) {
  struct Level {
    std::vector<fs::path> entries;
    size_t next = 0;
  };
  std::vector<Level> stack;
  stack.push_back({SortedEntries(path)});
  while (!stack.empty()) {
    if (stack.back().next == stack.back().entries.size()) {
      stack.pop_back();
      continue;
    }
    fs::path entry = stack.back().entries[stack.back().next++];
    std::error_code ec;
    if (fs::is_directory(entry, ec)) {
      if (!fs::is_symlink(entry, ec)) stack.push_back({SortedEntries(entry)});
      continue;
    }
    File(entry.string());
  }
}

void Walker::File(const std::string& path) {
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > options_.max_file_bytes) {
    return Fail(path, Status::ResourceExhausted(path + ": file of " + std::to_string(size) +
                                                " bytes is larger than " +
                                                std::to_string(options_.max_file_bytes)));
  }
  Result<std::string> bytes = ReadWholeFile(path, options_.max_file_bytes);
  if (!bytes.ok()) return Fail(path, bytes.status());
  Content(path, *bytes, 0);
}

void Walker::Content(const std::string& path, std::string_view bytes, int depth) {
  if (SkipBomAndBlanks(bytes).empty()) return Fail(path, Status::Corruption(path + ": empty file"));
  if (io::IsGzip(bytes) && depth < 2) {
    if (io::GunzipPrefix(bytes, 7) == "WARC/1.") return Warc(path, bytes);
    Result<std::string> plain = io::Gunzip(bytes, options_.max_file_bytes);
    if (!plain.ok()) return Fail(path, plain.status().WithPrefix(path));
    return Content(path, *plain, depth + 1);
  }
  if (bytes.starts_with("WARC/1.")) return Warc(path, bytes);
  if (LooksBinary(bytes)) return Fail(path, Status::Unsupported(path + ": binary file"));
  switch (DetectFormat(bytes, Extension(path))) {
    case Format::kJsonLines:
      return JsonLines(path, bytes);
    case Format::kHtml:
      return WholeFile(path, bytes, SourceDocument::Format::kHtml);
    default:
      return WholeFile(path, bytes, SourceDocument::Format::kText);
  }
}

void Walker::WholeFile(const std::string& path, std::string_view bytes,
                       SourceDocument::Format format) {
  if (bytes.size() > options_.max_document_bytes) {
    return Fail(path, Status::ResourceExhausted(
                          path + ": document of " + std::to_string(bytes.size()) +
                          " bytes is larger than " + std::to_string(options_.max_document_bytes)));
  }
  SourceDocument doc;
  doc.doc = path;
  doc.format = format;
  std::string charset = format == SourceDocument::Format::kHtml ? SniffHtmlCharset(bytes) : "";
  doc.body = DecodeText(bytes, charset, &doc.notes);
  on_document_(std::move(doc));
}

void Walker::JsonLines(const std::string& path, std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  size_t number = 0;
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (std::all_of(line.begin(), line.end(), IsBlank)) continue;
    JsonLine(path, number, line);
  }
}

void Walker::JsonLine(const std::string& path, size_t number, std::string_view line) {
  const std::string where = path + ":" + std::to_string(number);
  if (line.size() > options_.max_document_bytes) {
    return Fail(where, Status::ResourceExhausted(
                           where + ": line of " + std::to_string(line.size()) +
                           " bytes is larger than " + std::to_string(options_.max_document_bytes)));
  }
  SourceDocument doc;
  std::string decoded;
  if (!text::ValidateUtf8(line).ok()) {
    decoded = DecodeText(line, "", &doc.notes);
    line = decoded;
  }
  Json json;
  try {
    json = Json::parse(line);
  } catch (const std::exception& e) {
    return Fail(where, Status::Corruption(where + ": not JSON (" + JsonErrorText(e) + ")"));
  }
  doc.doc = where;
  std::string error;
  if (!json.is_object()) {
    error = std::string("a JSON object was expected, not ") + json.type_name();
  } else if (FillFromJson(json, &doc, &error)) {
    on_document_(std::move(doc));
    return;
  }
  Fail(doc.doc, Status::Corruption(where + ": " + error));
}

bool Walker::FillFromJson(const Json& line, SourceDocument* doc, std::string* error) {
  auto id = line.find("id");
  if (id != line.end() && id->is_string())
    doc->doc = id->get<std::string>();
  else if (id != line.end() && id->is_number())
    doc->doc = id->dump();
  else if (id != line.end() && !id->is_null()) {
    *error = std::string("field \"id\" must be a string or a number, not ") + id->type_name();
    return false;
  }
  std::string text, html;
  if (!StringField(line, "url", &doc->url, error) ||
      !StringField(line, "published", &doc->published, error) ||
      !StringField(line, "title", &doc->title, error) || !StringField(line, "text", &text, error) ||
      !StringField(line, "html", &html, error)) {
    return false;
  }
  bool has_text = line.contains("text") && !line["text"].is_null();
  if (!has_text && (!line.contains("html") || line["html"].is_null())) {
    *error = "no \"text\" or \"html\" field (one of them is required)";
    return false;
  }
  doc->format = has_text ? SourceDocument::Format::kText : SourceDocument::Format::kHtml;
  doc->body = RepairMojibake(has_text ? text : html, &doc->notes);
  doc->title = RepairMojibake(doc->title, nullptr);
  Json extra = line;
  for (const char* known : {"id", "url", "published", "title", "text"}) extra.erase(known);
  if (!has_text) extra.erase("html");
  if (!extra.empty()) doc->extra_json = extra.dump(-1, ' ', false, Json::error_handler_t::replace);
  return true;
}

void Walker::Warc(const std::string& path, std::string_view bytes) {
  WarcReader reader(bytes, options_.max_document_bytes);
  WarcRecord record;
  while (reader.Next(&record)) WarcDocument(path, record);
  if (!reader.status().ok()) {
    Fail(path + "#" + std::to_string(record.index), reader.status().WithPrefix(path));
  }
}

void Walker::WarcDocument(const std::string& path, const WarcRecord& record) {
  const std::string name = path + "#" + std::to_string(record.index);
  bool response = record.type == "response";
  if (!response && record.type != "resource" && record.type != "conversion") return;
  if (record.oversized) {
    return Fail(name, Status::ResourceExhausted(
                          name + ": record of " + std::to_string(record.content_length) +
                          " bytes is larger than " + std::to_string(options_.max_document_bytes)));
  }
  HttpResponse payload{200, record.content_type, ""};
  if (response) {
    if (!AsciiLower(record.content_type).starts_with("application/http")) return;
    Result<HttpResponse> http = ParseHttpResponse(record.block, options_.max_document_bytes);
    if (!http.ok()) return Fail(name, http.status().WithPrefix(name));
    payload = std::move(http).value();
    if (payload.status != 200) return;
  }
  std::string_view body = response ? std::string_view(payload.body) : record.block;
  std::optional<SourceDocument::Format> format = PayloadFormat(payload.content_type, body);
  if (!format) return;
  if (LooksBinary(body)) return Fail(name, Status::Unsupported(name + ": binary content"));
  SourceDocument doc;
  doc.doc = name;
  doc.url = record.target_uri;
  doc.format = *format;
  std::string charset = CharsetFromContentType(payload.content_type);
  if (charset.empty() && *format == SourceDocument::Format::kHtml) charset = SniffHtmlCharset(body);
  doc.body = DecodeText(body, charset, &doc.notes);
  if (!record.date.empty()) doc.extra_json = Json{{"crawled", record.date}}.dump();
  on_document_(std::move(doc));
}

}  // namespace

Status ForEachDocument(const std::vector<std::string>& paths, const SourceOptions& options,
                       const std::function<void(SourceDocument)>& on_document,
                       const std::function<void(SourceError)>& on_error) {
  Walker walker(options, on_document, on_error);
  for (const std::string& path : paths) walker.Path(path);
  return Status::Ok();
}

}  // namespace qantara::news
