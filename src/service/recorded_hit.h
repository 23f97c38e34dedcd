// The hit a screening records for one match: the same record whether the
// match came from POST /v1/screen (server/) or from a rescreen (rescreen.h),
// so the review queue cannot tell them apart.
#ifndef QANTARA_SERVICE_RECORDED_HIT_H_
#define QANTARA_SERVICE_RECORDED_HIT_H_

#include <nlohmann/json.hpp>

#include "store/service_store.h"

namespace qantara::service {

// The hit recorded for one match of the output form (screen_json.h): entity,
// score as decimal text ("0.9123"), explanation; status left empty.
store::Hit HitForMatch(const nlohmann::ordered_json& match);

}  // namespace qantara::service

#endif  // QANTARA_SERVICE_RECORDED_HIT_H_
