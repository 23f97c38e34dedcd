// The one table from error kinds to HTTP statuses (server/errors.h) is pinned:
// clients switch on these codes.
#include "server/errors.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace qantara::server {
namespace {

TEST(Errors, TableIsPinned) {
  struct Case {
    ApiError error;
    int status;
    const char* code;
  } cases[] = {
      {ApiError::kBadRequest, 400, "bad_request"},
      {ApiError::kMalformedJson, 400, "malformed_json"},
      {ApiError::kUnauthorized, 401, "unauthorized"},
      {ApiError::kForbidden, 403, "forbidden"},
      {ApiError::kNotFound, 404, "not_found"},
      {ApiError::kMethodNotAllowed, 405, "method_not_allowed"},
      {ApiError::kConflict, 409, "conflict"},
      {ApiError::kPayloadTooLarge, 413, "payload_too_large"},
      {ApiError::kUnsupportedMediaType, 415, "unsupported_media_type"},
      {ApiError::kInternal, 500, "internal"},
      {ApiError::kUnavailable, 503, "unavailable"},
      {ApiError::kListLoadFailed, 500, "list_load_failed"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Describe(c.error).http_status, c.status) << c.code;
    EXPECT_EQ(Describe(c.error).code, c.code);
  }
}

TEST(Errors, StatusCodesMapOntoKinds) {
  EXPECT_EQ(ErrorForStatus(StatusCode::kInvalidArgument), ApiError::kBadRequest);
  EXPECT_EQ(ErrorForStatus(StatusCode::kCorruption), ApiError::kBadRequest);
  EXPECT_EQ(ErrorForStatus(StatusCode::kUnsupported), ApiError::kBadRequest);
  EXPECT_EQ(ErrorForStatus(StatusCode::kNotFound), ApiError::kNotFound);
  EXPECT_EQ(ErrorForStatus(StatusCode::kResourceExhausted), ApiError::kPayloadTooLarge);
  EXPECT_EQ(ErrorForStatus(StatusCode::kIoError), ApiError::kUnavailable);
  EXPECT_EQ(ErrorForStatus(StatusCode::kInternal), ApiError::kInternal);
  EXPECT_EQ(ErrorForHttpStatus(413), ApiError::kPayloadTooLarge);
  EXPECT_EQ(ErrorForHttpStatus(400), ApiError::kBadRequest);
  EXPECT_EQ(ErrorForHttpStatus(418), ApiError::kInternal);
  EXPECT_EQ(ErrorForHttpStatus(500), ApiError::kInternal) << "the first kind of a status wins";
}

TEST(Errors, BodyIsTheErrorForm) {
  auto j = nlohmann::json::parse(ErrorBody(ApiError::kConflict, "decided \"already\""));
  EXPECT_EQ(j, nlohmann::json({{"error", "decided \"already\""}, {"code", "conflict"}}));
}

}  // namespace
}  // namespace qantara::server
