// The child processes of bench/http_bench.cc (`qantara serve` and the transport
// floor) and the blocking calls around them: start, health check, stop, and
// `qantara keys add`. Single-threaded use.
#ifndef QANTARA_BENCH_HTTP_CHILD_PROCESS_H_
#define QANTARA_BENCH_HTTP_CHILD_PROCESS_H_

#include <sys/types.h>

#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace qantara::http_bench {

struct Child {
  pid_t pid = -1;
  int port = 0;
  std::thread drain;  // reads the child's stderr to the end so that it never blocks
};

// Runs argv with stderr on a pipe; returns once "listening on http://HOST:PORT"
// was read (or the child died, or `timeout_s` passed).
std::optional<std::string> StartServer(const std::vector<std::string>& argv, Child* child,
                                       double timeout_s);

// Stops the child (SIGTERM, then waits for it) and joins its stderr reader.
void StopServer(Child* child);

// Runs a command and returns its stdout (for `qantara keys add`).
std::optional<std::string> RunCapture(const std::string& command);

// A TCP connection to 127.0.0.1:port, TCP_NODELAY and non-blocking; -1 on failure.
int Connect(int port);

// Waits for GET /healthz to answer 200 (blocking, one connection per try).
bool WaitHealthy(int port, double timeout_s);

}  // namespace qantara::http_bench

#endif  // QANTARA_BENCH_HTTP_CHILD_PROCESS_H_
