#include "service/recorded_hit.h"

#include <cstdio>
#include <string>

namespace qantara::service {

store::Hit HitForMatch(const nlohmann::ordered_json& match) {
  char score[16];
  std::snprintf(score, sizeof score, "%.4f", match["score"].get<double>());
  return {match["entity"].get<std::string>(), score,
          match["explanation"].dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), ""};
}

}  // namespace qantara::service
