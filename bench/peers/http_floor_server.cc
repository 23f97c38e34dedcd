// The transport floor for bench/http_bench: a cpp-httplib server set up as
// src/server/server.cc sets up the real one (the same Debian cpp-httplib, a
// ThreadPool of --threads workers, one catch-all handler per method, the
// library's keep-alive defaults), whose handler does no work: every request
// gets 200 and a fixed small JSON body. What http_bench measures against it is
// the client + loopback + cpp-httplib cost, i.e. the least latency any service
// on this transport can have on this machine. It is not a competitor.
//
// Prints "listening on http://127.0.0.1:PORT" on stderr, as `qantara serve`
// does, and serves until SIGINT or SIGTERM.
#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <thread>

int main(int argc, char** argv) {
  CLI::App app{
      "Trivial loopback HTTP server for bench/http_bench's transport floor: answers every request "
      "200 {\"matches\": []} with no work, on cpp-httplib set up as `qantara serve` is."};
  int port = 0, threads = 2;
  size_t keep_alive_max = 0;
  app.add_option("--port", port, "Port (0: any free port)")->check(CLI::Range(0, 65535))->capture_default_str();
  app.add_option("--threads", threads, "Worker threads")->check(CLI::Range(1, 256))->capture_default_str();
  app.add_option("--keep-alive-max", keep_alive_max,
                 "Requests per keep-alive connection before the server closes it (0: the library "
                 "default, as `qantara serve` uses)")
      ->capture_default_str();
  bool tcp_nodelay = false;
  app.add_flag("--tcp-nodelay", tcp_nodelay,
               "Set TCP_NODELAY on accepted sockets (cpp-httplib's default is off, as in `qantara "
               "serve`: it writes the head and the body apart, and Nagle holds the body back until "
               "the client's delayed ACK of the head, up to 40 ms)");
  CLI11_PARSE(app, argc, argv);

  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  httplib::Server http;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  if (keep_alive_max > 0) http.set_keep_alive_max_count(keep_alive_max);
  http.set_tcp_nodelay(tcp_nodelay);
  auto handle = [](const httplib::Request&, httplib::Response& res) {
    res.status = 200;
    res.set_content("{\"matches\": []}", "application/json");
  };
  for (auto add : {&httplib::Server::Get, &httplib::Server::Post}) (http.*add)(".*", handle);
  const int bound = port == 0 ? http.bind_to_any_port("127.0.0.1")
                              : (http.bind_to_port("127.0.0.1", port) ? port : -1);
  if (bound <= 0) {
    std::fprintf(stderr, "http_floor_server: cannot listen on 127.0.0.1:%d\n", port);
    return 1;
  }
  std::fprintf(stderr, "listening on http://127.0.0.1:%d\n", bound);
  std::thread waiter([&http, stop_signals] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    http.stop();  // the bench signals only once /healthz answered, so listening has started
  });
  const bool listened = http.listen_after_bind();
  pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter when no signal came
  waiter.join();
  if (!listened) return 1;
  return 0;
}
