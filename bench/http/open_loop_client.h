// The open-loop client of bench/http_bench.cc: one epoll thread sending raw
// requests over keep-alive connections at a fixed rate, each request's latency
// taken from its due time (no coordinated omission). Not thread-safe: one
// client per thread.
#ifndef QANTARA_BENCH_HTTP_OPEN_LOOP_CLIENT_H_
#define QANTARA_BENCH_HTTP_OPEN_LOOP_CLIENT_H_

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace qantara::http_bench {

using Clock = std::chrono::steady_clock;

struct StepResult {
  double rate = 0;           // requests/s asked for
  size_t scheduled = 0;      // requests in the step
  size_t ok = 0;             // answered 200
  std::map<std::string, size_t> errors;  // "status 503", "io", "timeout" -> count
  double seconds = 0;        // first due time to last answer
  double p50 = 0, p90 = 0, p99 = 0, p999 = 0, max = 0;  // ms from the due time
  double service_p99 = 0;    // ms from the actual send (what a closed-loop tool reports)
  size_t connects = 0;       // TCP connections opened (the server closes keep-alive ones)
  size_t error_count() const {
    size_t n = 0;
    for (const auto& [k, v] : errors) n += v;
    return n;
  }
};

class OpenLoopClient {
 public:
  // quickack: ACK every segment at once (TCP_QUICKACK after each read), so that a
  // server whose Nagle holds back the rest of an answer until the client ACKs
  // its first segment is not stalled by the client's delayed ACK (up to 40 ms).
  OpenLoopClient(int port, int connections, const std::vector<std::string>* requests,
                 bool quickack)
      : port_(port), conns_(static_cast<size_t>(connections)), requests_(requests),
        quickack_(quickack) {}

  // Sends `count` requests due at rate/s from now, starting at request `first`
  // of the pool; waits for the answers (at most `drain_s` after the last due time).
  StepResult Run(double rate, size_t count, size_t first, double drain_s);

 private:
  struct Conn {
    int fd = -1;
    bool busy = false;
    size_t request = 0;  // step index of the request in flight
    std::string out;
    size_t out_off = 0;
    std::string in;
    double sent_at = 0;
  };
  bool Send(Conn* c, size_t i, size_t first, double now);
  void Finish(Conn* c, int status, double now);
  void Fail(Conn* c, const std::string& why);
  void ReadAnswer(Conn* c, double now);
  void Close(Conn* c);

  double Now() const { return std::chrono::duration<double>(Clock::now() - t0_).count(); }

  int port_;
  std::vector<Conn> conns_;
  const std::vector<std::string>* requests_;
  bool quickack_;
  int epoll_ = -1;
  Clock::time_point t0_;
  double period_ = 0;
  std::vector<double> latency_, service_;
  StepResult result_;
  size_t done_ = 0;
};

}  // namespace qantara::http_bench

#endif  // QANTARA_BENCH_HTTP_OPEN_LOOP_CLIENT_H_
