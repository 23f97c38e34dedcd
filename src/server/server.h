// The HTTP service (DESIGN.md "Service"): cpp-httplib on a worker pool in
// front of Api (api.h), with the request counters of Metrics.
//
// Start here for server/. Usage:
//   Server server(options, store);
//   server.SetLists(service::MakeSnapshot(screener, versions));
//   Status s = server.Bind();        // port() is known from here on
//   std::thread t([&] { server.Run(); });
//   ... server.Stop(); t.join();
//
// Limits: a body over max_body_bytes is refused with 413 before it is read; a
// batch over max_batch queries is 413 too (errors.h has the whole table).
#ifndef QANTARA_SERVER_SERVER_H_
#define QANTARA_SERVER_SERVER_H_

#include <memory>
#include <string>

#include "base/status.h"
#include "server/api.h"
#include "store/service_store.h"

namespace qantara::server {

struct ServerOptions {
  // Address to listen on. Default loopback only: exposing the service is a
  // decision (put it behind a TLS proxy).
  std::string host = "127.0.0.1";
  // Port; 0 picks a free one (see Server::port()). Default 8080.
  int port = 8080;
  // Worker threads answering requests. Default 4. cpp-httplib gives a
  // keep-alive connection one worker for as long as it lasts, so this is also
  // how many connections are served at once; others wait for a free worker.
  int threads = 4;
  // Requests answered on one keep-alive connection before the server closes
  // it (cpp-httplib's default is 5, which makes every fifth request pay a new
  // TCP connection). Bounded so that a busy client hands its worker back now
  // and then. Default 1000.
  size_t keep_alive_max_requests = 1000;
  // Largest request body accepted, in bytes. Default 1 MiB.
  size_t max_body_bytes = size_t{1} << 20;
  // A folder served as static files at "/" (the review page, web/public); a GET
  // for a path that is no file there goes on to the API. Default "": none.
  std::string web_root;
  // Queries per batch, screenings per listing (api.h).
  ApiLimits limits;
};

class Server {
 public:
  // REQUIRES: store outlives the Server.
  Server(ServerOptions options, store::ServiceStore* store);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Replaces the lists being served (thread-safe; requests in flight finish
  // on the snapshot they started with).
  void SetLists(std::shared_ptr<const service::ListSnapshot> lists);
  // Enables POST /v1/admin/reload (service/reload.h). REQUIRES: reloader
  // outlives the Server; called before Run().
  void SetReloader(service::Reloader* reloader);
  // Enables the news routes (service/news_archive.h). REQUIRES: news outlives
  // the Server; called before Run().
  void SetNews(service::NewsArchive* news);

  // Binds the listening socket. Fails with kIoError when the address is
  // taken, or when web_root is set and is not a folder.
  Status Bind();
  // The bound port. REQUIRES: Bind() succeeded.
  int port() const { return port_; }
  // Answers requests until Stop(). REQUIRES: Bind() succeeded.
  Status Run();
  // Makes Run() return; safe from any thread, and before or after Run().
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  ServerOptions options_;
  int port_ = 0;
};

}  // namespace qantara::server

#endif  // QANTARA_SERVER_SERVER_H_
