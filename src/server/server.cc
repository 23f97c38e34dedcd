// cpp-httplib glue: one catch-all handler per method hands every request to
// Api::Handle, so that routing, 404 and 405 live in one place (api.cc) and
// the timing of every request is taken the same way. What httplib answers by
// itself (413 on Content-Length over the cap, 400 on a broken request line)
// goes through the error handler, which gives it the JSON error form.
#include "server/server.h"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

namespace qantara::server {

struct Server::Impl {
  Impl(store::ServiceStore* store, const ServerOptions& options)
      : api(store, &metrics, options.limits), body_limit(options.max_body_bytes) {}
  Metrics metrics;
  Api api;
  httplib::Server http;
  size_t body_limit;
  std::atomic<bool> run_started{false};
  std::atomic<bool> run_finished{false};
  std::atomic<bool> stop_requested{false};
};

namespace {

ApiRequest ToApiRequest(const httplib::Request& req) {
  ApiRequest r;
  r.method = req.method;
  r.path = req.path;
  for (const auto& [name, value] : req.params) r.params.emplace(name, value);
  r.authorization = req.get_header_value("Authorization");
  r.content_type = req.get_header_value("Content-Type");
  r.body = req.body;
  return r;
}

}  // namespace

Server::Server(ServerOptions options, store::ServiceStore* store)
    : impl_(std::make_unique<Impl>(store, options)), options_(std::move(options)) {
  Impl* impl = impl_.get();
  const int threads = std::max(1, options_.threads);
  impl->http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  impl->http.set_payload_max_length(options_.max_body_bytes);
  // An answer's head and body go out in two writes: without TCP_NODELAY the body waits for
  // the client's delayed ACK of the head, 40 ms (docs/bench_http.md).
  impl->http.set_tcp_nodelay(true);
  impl->http.set_keep_alive_max_count(std::max<size_t>(1, options_.keep_alive_max_requests));
  auto handle = [impl](const httplib::Request& req, httplib::Response& res) {
    const auto start = std::chrono::steady_clock::now();
    ApiResponse out = impl->api.Handle(ToApiRequest(req));
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    impl->metrics.Record(out.route, out.status, took.count());
    res.status = out.status;
    res.set_content(out.body, out.content_type.c_str());
  };
  for (auto add : {&httplib::Server::Get, &httplib::Server::Post, &httplib::Server::Put,
                   &httplib::Server::Delete, &httplib::Server::Patch, &httplib::Server::Options}) {
    (impl->http.*add)(".*", handle);
  }
  impl->http.set_error_handler([impl](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;  // an answer of ours
    ApiError error = ErrorForHttpStatus(res.status);
    std::string message = res.status == 413 ? "the body is larger than the limit of " +
                                                  std::to_string(impl->body_limit) + " bytes"
                                            : "the request could not be read";
    res.set_content(ErrorBody(error, message), "application/json");
    impl->metrics.Record("other", res.status, -1);
  });
}

Server::~Server() { Stop(); }

void Server::SetLists(std::shared_ptr<const service::ListSnapshot> lists) {
  impl_->api.SetLists(std::move(lists));
}

void Server::SetReloader(service::Reloader* reloader) { impl_->api.SetReloader(reloader); }

void Server::SetNews(service::NewsArchive* news) { impl_->api.SetNews(news); }

// The page's files go out with a policy that allows only our own scripts and
// styles (no inline code): names on the page come from lists and clients.
Status Server::Bind() {
  if (!options_.web_root.empty()) {
    const httplib::Headers headers = {
        {"Content-Security-Policy",
         "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
         "frame-ancestors 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"Cache-Control", "no-cache"}};
    if (!impl_->http.set_mount_point("/", options_.web_root, headers)) {
      return Status::IoError("--web " + options_.web_root + ": not a folder");
    }
  }
  if (options_.port == 0) {
    port_ = impl_->http.bind_to_any_port(options_.host);
    if (port_ < 0) port_ = 0;
  } else if (impl_->http.bind_to_port(options_.host, options_.port)) {
    port_ = options_.port;
  }
  if (port_ <= 0) {
    return Status::IoError("cannot listen on " + options_.host + ":" +
                           std::to_string(options_.port) + " (address in use or not ours?)");
  }
  return Status::Ok();
}

Status Server::Run() {
  impl_->run_started = true;
  if (impl_->stop_requested) {
    impl_->run_finished = true;
    return Status::Ok();
  }
  const bool listened = impl_->http.listen_after_bind();
  impl_->run_finished = true;
  if (!listened && !impl_->stop_requested) {
    return Status::IoError("the server stopped listening on " + options_.host + ":" +
                           std::to_string(port_));
  }
  return Status::Ok();
}

// httplib's stop() does nothing before listen has started: when Run() is on
// its way, wait (bounded) until it listens, then stop it.
void Server::Stop() {
  impl_->stop_requested = true;
  if (impl_->run_started) {
    for (int i = 0; i < 2000 && !impl_->run_finished && !impl_->http.is_running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  impl_->http.stop();
}

}  // namespace qantara::server
