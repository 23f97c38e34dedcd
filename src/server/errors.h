// The one table from error kinds to HTTP statuses and error codes (STYLE.md
// "Errors"). Every error the service answers is JSON
//   {"error": "what went wrong, naming the field", "code": "<code below>"}
// with the status of its kind:
//
//   kind                   HTTP  code
//   kBadRequest            400   bad_request             (a field is missing or wrong)
//   kMalformedJson         400   malformed_json          (the body is not JSON; names the byte)
//   kUnauthorized          401   unauthorized            (no key, or an unknown or revoked key)
//   kForbidden             403   forbidden               (the key's role may not do this)
//   kNotFound              404   not_found               (no such route, entity or hit)
//   kMethodNotAllowed      405   method_not_allowed      (the route exists, not with this method)
//   kConflict              409   conflict                (the hit was decided already)
//   kPayloadTooLarge       413   payload_too_large       (body over the cap, batch over the cap)
//   kUnsupportedMediaType  415   unsupported_media_type  (a POST body that is not application/json)
//   kInternal              500   internal                (a bug)
//   kUnavailable           503   unavailable             (the database failed us)
//   kListLoadFailed        500   list_load_failed        (a reload could not use a list file;
//                                                         the lists served before still are)
//
// Library Status codes map onto kinds by ErrorForStatus.
#ifndef QANTARA_SERVER_ERRORS_H_
#define QANTARA_SERVER_ERRORS_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace qantara::server {

enum class ApiError {
  kBadRequest,
  kMalformedJson,
  kUnauthorized,
  kForbidden,
  kNotFound,
  kMethodNotAllowed,
  kConflict,
  kPayloadTooLarge,
  kUnsupportedMediaType,
  kInternal,
  kUnavailable,
  kListLoadFailed,
};

struct ApiErrorInfo {
  int http_status;
  std::string_view code;
};

ApiErrorInfo Describe(ApiError error);

// kInvalidArgument, kCorruption, kUnsupported -> kBadRequest; kNotFound ->
// kNotFound; kResourceExhausted -> kPayloadTooLarge; kIoError -> kUnavailable;
// kInternal (and kOk, which is a bug here) -> kInternal.
ApiError ErrorForStatus(StatusCode code);

// The error body: {"error": message, "code": Describe(error).code}.
std::string ErrorBody(ApiError error, std::string_view message);

// The kind whose status is `http_status` (for errors cpp-httplib answers by
// itself, such as 413 before the body is read); kInternal when none.
ApiError ErrorForHttpStatus(int http_status);

}  // namespace qantara::server

#endif  // QANTARA_SERVER_ERRORS_H_
