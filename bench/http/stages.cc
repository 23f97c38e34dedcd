#include "bench/http/stages.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "screen/screen_json.h"
#include "server/api.h"
#include "service/list_snapshot.h"
#include "store/service_store.h"

namespace qantara::http_bench {

using Clock = std::chrono::steady_clock;

namespace {

struct StageTimes {
  std::string name;
  std::vector<double> ms;
};

nlohmann::ordered_json StageJson(StageTimes& st) {
  auto pct = [&](double q) {
    const size_t k = std::min(st.ms.size() - 1, static_cast<size_t>(q * st.ms.size()));
    std::nth_element(st.ms.begin(), st.ms.begin() + static_cast<long>(k), st.ms.end());
    return std::round(st.ms[k] * 1000) / 1000;
  };
  double sum = 0;
  for (double v : st.ms) sum += v;
  const double mean = std::round(sum / st.ms.size() * 1000) / 1000;
  const double p50 = pct(0.5), p90 = pct(0.9), p99 = pct(0.99), p999 = pct(0.999);
  const double max = std::round(*std::max_element(st.ms.begin(), st.ms.end()) * 1000) / 1000;
  std::printf("%-34s %8zu %8.3f %8.3f %8.3f %8.3f %8.3f %9.3f\n", st.name.c_str(), st.ms.size(), mean,
              p50, p90, p99, p999, max);
  return {{"phase", "stage"}, {"stage", st.name}, {"count", st.ms.size()}, {"mean_ms", mean},
          {"p50_ms", p50},    {"p90_ms", p90},    {"p99_ms", p99},          {"p999_ms", p999},
          {"max_ms", max}};
}

template <typename F>
double TimeMs(F f) {
  const auto start = Clock::now();
  f();
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int RunStages(qantara::lists::LoadResult loaded, const std::vector<QueryName>& mix, size_t count,
              int threads, const std::string& db_path) {
  namespace qs = qantara::screen;
  namespace st = qantara::store;
  namespace sv = qantara::server;
  auto store = st::ServiceStore::Open(db_path);
  if (!store.ok()) {
    std::fprintf(stderr, "http_bench: %s\n", store.status().ToString().c_str());
    return 1;
  }
  std::vector<st::ListVersion> versions;
  for (const auto& source : loaded.sources) {
    st::ListVersion v;
    v.source = source.path;
    v.format = std::string(qantara::lists::FormatName(source.format));
    v.list = source.list;
    v.sha256 = source.sha256;
    v.entities = static_cast<int64_t>(source.records);
    if (qantara::Status s = (*store)->RecordListVersion(&v); !s.ok()) {
      std::fprintf(stderr, "http_bench: %s\n", s.ToString().c_str());
      return 1;
    }
    versions.push_back(std::move(v));
  }
  auto key = (*store)->AddKey("stages", st::Role::kScreener);
  if (!key.ok()) {
    std::fprintf(stderr, "http_bench: %s\n", key.status().ToString().c_str());
    return 1;
  }
  std::shared_ptr<const qs::CandidateIndex> index =
      qs::CandidateIndex::Build(std::move(loaded.entities), threads);
  auto screener = std::make_shared<const qs::Screener>(index, qs::ScreenOptions());
  sv::Metrics metrics;
  sv::Api api(store->get(), &metrics, sv::ApiLimits());
  api.SetLists(qantara::service::MakeSnapshot(screener, versions));
  std::vector<int64_t> version_ids;
  for (const auto& v : versions) version_ids.push_back(v.id);

  StageTimes handle{"Api::Handle GET /v1/match (all)", {}}, auth{"  key lookup (FindKey)", {}},
      screen{"  screening (Screener::Screen)", {}}, json{"  matches to JSON", {}},
      record{"  recording (RecordScreenings)", {}};
  qs::ScreenScratch scratch;
  size_t hits = 0;
  for (size_t i = 0; i < count; ++i) {
    sv::ApiRequest r;
    r.method = "GET";
    r.path = "/v1/match";
    r.params.emplace("name", mix[i % mix.size()].name);
    r.authorization = "Bearer " + *key;
    int status = 0;
    handle.ms.push_back(TimeMs([&] { status = api.Handle(r).status; }));
    if (status != 200) {
      std::fprintf(stderr, "http_bench: --stages: Handle answered %d\n", status);
      return 1;
    }
    auth.ms.push_back(TimeMs([&] { (void)(*store)->FindKey(*key); }));
    qs::Query q;
    q.name = mix[i % mix.size()].name;
    std::optional<qantara::Result<qs::ScreenResult>> result;
    screen.ms.push_back(TimeMs([&] { result.emplace(screener->Screen(q, &scratch)); }));
    if (!result->ok()) {
      std::fprintf(stderr, "http_bench: --stages: %s\n", result->status().ToString().c_str());
      return 1;
    }
    std::vector<st::Screening> records(1);
    records[0].query_json = nlohmann::json{{"name", q.name}}.dump();
    records[0].list_versions = version_ids;
    json.ms.push_back(TimeMs([&] {
      nlohmann::ordered_json matches = nlohmann::ordered_json::array();
      for (const qs::Match& m : (*result)->matches) {
        nlohmann::ordered_json match = qs::MatchToJson(*index, m);
        st::Hit hit;
        hit.entity = match["entity"].get<std::string>();
        hit.score = std::to_string(match["score"].get<double>());
        hit.explanation_json = match["explanation"].dump();
        records[0].hits.push_back(std::move(hit));
        matches.push_back(std::move(match));
      }
      (void)matches.dump();
    }));
    hits += records[0].hits.size();
    record.ms.push_back(TimeMs([&] { (void)(*store)->RecordScreenings("stages", &records); }));
  }
  std::printf("# --stages: %zu queries of the mix, one thread, in process (no sockets); %.2f hits "
              "per query\n", count, static_cast<double>(hits) / count);
  std::printf("%-34s %8s %8s %8s %8s %8s %8s %9s\n", "stage", "count", "mean ms", "p50 ms", "p90 ms",
              "p99 ms", "p99.9 ms", "max ms");
  std::vector<std::string> lines;
  for (StageTimes* t : {&handle, &auth, &screen, &json, &record}) lines.push_back(StageJson(*t).dump());

  // Handle on `threads` threads at once, as the server's workers call it.
  std::vector<StageTimes> per_thread(static_cast<size_t>(threads));
  const auto start = Clock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (size_t i = static_cast<size_t>(t); i < count; i += static_cast<size_t>(threads)) {
        sv::ApiRequest r;
        r.method = "GET";
        r.path = "/v1/match";
        r.params.emplace("name", mix[(i + count) % mix.size()].name);
        r.authorization = "Bearer " + *key;
        per_thread[static_cast<size_t>(t)].ms.push_back(TimeMs([&] { (void)api.Handle(r); }));
      }
    });
  }
  for (auto& w : workers) w.join();
  const double secs = std::chrono::duration<double>(Clock::now() - start).count();
  StageTimes together{"Api::Handle on " + std::to_string(threads) + " threads", {}};
  for (auto& pt : per_thread) together.ms.insert(together.ms.end(), pt.ms.begin(), pt.ms.end());
  lines.push_back(StageJson(together).dump());
  std::printf("# %d threads: %.0f requests/s through Api::Handle (no sockets)\n", threads,
              count / secs);
  lines.push_back(nlohmann::ordered_json{{"phase", "stage_throughput"},
                                         {"threads", threads},
                                         {"requests_per_second", std::round(count / secs)}}
                      .dump());
  for (const auto& line : lines) std::printf("%s\n", line.c_str());
  return 0;
}

}  // namespace qantara::http_bench
