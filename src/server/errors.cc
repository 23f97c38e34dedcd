#include "server/errors.h"

#include <nlohmann/json.hpp>

namespace qantara::server {
namespace {

struct Row {
  ApiError error;
  ApiErrorInfo info;
};

constexpr Row kTable[] = {
    {ApiError::kBadRequest, {400, "bad_request"}},
    {ApiError::kMalformedJson, {400, "malformed_json"}},
    {ApiError::kUnauthorized, {401, "unauthorized"}},
    {ApiError::kForbidden, {403, "forbidden"}},
    {ApiError::kNotFound, {404, "not_found"}},
    {ApiError::kMethodNotAllowed, {405, "method_not_allowed"}},
    {ApiError::kConflict, {409, "conflict"}},
    {ApiError::kPayloadTooLarge, {413, "payload_too_large"}},
    {ApiError::kUnsupportedMediaType, {415, "unsupported_media_type"}},
    {ApiError::kInternal, {500, "internal"}},
    {ApiError::kUnavailable, {503, "unavailable"}},
    {ApiError::kListLoadFailed, {500, "list_load_failed"}},
};

}  // namespace

ApiErrorInfo Describe(ApiError error) {
  for (const Row& row : kTable) {
    if (row.error == error) return row.info;
  }
  return {500, "internal"};
}

ApiError ErrorForStatus(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kCorruption:
    case StatusCode::kUnsupported:
      return ApiError::kBadRequest;
    case StatusCode::kNotFound:
      return ApiError::kNotFound;
    case StatusCode::kResourceExhausted:
      return ApiError::kPayloadTooLarge;
    case StatusCode::kIoError:
      return ApiError::kUnavailable;
    case StatusCode::kOk:
    case StatusCode::kInternal:
      return ApiError::kInternal;
  }
  return ApiError::kInternal;
}

ApiError ErrorForHttpStatus(int http_status) {
  for (const Row& row : kTable) {
    if (row.info.http_status == http_status) return row.error;  // first of a status wins
  }
  return ApiError::kInternal;
}

std::string ErrorBody(ApiError error, std::string_view message) {
  nlohmann::ordered_json body = {{"error", message}, {"code", Describe(error).code}};
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace qantara::server
