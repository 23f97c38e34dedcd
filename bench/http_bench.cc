// HTTP load bench for `qantara serve` against DESIGN's target: "HTTP screening:
// p99 <= 5 ms at 2,000 requests/s on 2 cores".
//
// What it does:
//   1. loads the official lists found in ../shared/data/lists (UN XML, OFAC SDN CSV
//      set + non-SDN XML, UK CSV; skips with a message when none is there), only to
//      draw the query names from them;
//   2. makes a temporary service database, a screener key (`qantara keys add`), and
//      starts `qantara serve --list ... --db ... --port 0 --threads N` as a child
//      process; reads the port from its "listening on http://127.0.0.1:PORT" line
//      and waits for /healthz;
//   3. sends single-name screening requests (GET /v1/match?name= and POST
//      /v1/screen, alternating by default) over keep-alive connections at fixed
//      rates, open loop: request i is due at start + i / rate whatever happened to
//      the requests before it, and its latency is taken from that due time, so a
//      slow answer delays (and is charged to) the requests queued behind it
//      instead of silently lowering the rate (no coordinated omission, unlike a
//      closed-loop tool such as wrk);
//   4. after the fixed rates, a step search for the highest rate whose p99 is
//      within the target, without errors;
//   5. the same steps against the transport floor (bench/peers/http_floor_server:
//      cpp-httplib set up as the real server, answering 200 with no work), which
//      is the least any service on this transport can take here, not a peer.
//
// The query mix (fixed seed, a pool of 4,096 cycled): 20% listed Latin-script
// names as published, 10% listed Arabic-script names as published, 10% listed
// names with one letter dropped, 60% made-up names of 2-3 name words (Latin or
// Arabic script) from ../shared/data/names/google_ar2en.txt. Most production
// traffic screens people who are not listed; the listed share makes hits (and
// hit rows to record) common enough to count.
//
// --quickack makes the client ACK at once; without it the client behaves as curl
// does, and cpp-httplib's Nagle (TCP_NODELAY off) stalls answers ~40 ms on its
// delayed ACK (docs/bench_http.md, Findings). --stages N times the parts of a
// request in process instead (key lookup, screening, JSON, recording).
//
// Output: a human table and one JSON line per step (lines starting with '{'),
// on stdout; progress and the child's failures on stderr.
//
// Limits: client and server share the machine's 2 cores (and other users': the
// load average at start is printed). The client is one epoll thread, which
// itself takes CPU from the server; the transport floor shows that cost.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "lists/reader.h"
#include "screen/screen_json.h"
#include "server/api.h"
#include "service/list_snapshot.h"
#include "store/service_store.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

fs::path SharedData() { return fs::path(QANTARA_SOURCE_DIR) / ".." / "shared" / "data"; }

std::vector<std::string> ListFiles(const fs::path& dir) {
  std::vector<std::string> files;
  for (const char* f : {"un_consolidated.xml", "ofac_sdn.csv", "ofac_alt.csv", "ofac_add.csv",
                        "ofac_consolidated_nonsdn.xml", "uk_conlist.csv"}) {
    if (fs::exists(dir / f)) files.push_back((dir / f).string());
  }
  return files;
}

// ---------------------------------------------------------------- the query mix

bool HasArabic(const std::string& s) {
  for (unsigned char c : s) {
    if (c == 0xD8 || c == 0xD9 || c == 0xDA || c == 0xDB) return true;  // U+0600..U+06FF lead bytes
  }
  return false;
}

std::string DropOneLetter(std::string value, std::mt19937& rng) {
  if (value.size() <= 4) return value;
  size_t at = 1 + rng() % (value.size() - 2);
  while (at > 0 && (static_cast<unsigned char>(value[at]) & 0xC0) == 0x80) --at;
  size_t end = at + 1;
  while (end < value.size() && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) ++end;
  value.erase(at, end - at);
  return value;
}

// Latin and Arabic name words (even: Latin, odd: Arabic), or syllables without the file.
std::vector<std::string> NameWords() {
  std::vector<std::string> words;
  std::ifstream in(SharedData() / "names" / "google_ar2en.txt");
  std::string line;
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 >= line.size()) continue;
    words.push_back(line.substr(tab + 1));  // the English side
    words.push_back(line.substr(0, tab));   // the Arabic side
  }
  if (words.empty()) {
    for (const char* a : {"ka", "ro", "mi", "sel", "dan"}) {
      for (const char* b : {"tu", "var", "len", "po", "gis"}) {
        words.push_back(std::string(a) + b);
        words.push_back(std::string(b) + a);
      }
    }
  }
  return words;
}

struct QueryName {
  std::string name;
  std::string kind;  // listed_latin, listed_arabic, listed_typo, made_up
};

std::vector<QueryName> MakeQueryMix(const std::vector<qantara::lists::Entity>& entities,
                                    uint32_t seed, size_t n) {
  std::vector<const std::string*> latin, arabic;
  for (const auto& e : entities) {
    for (const auto& name : e.names) {
      if (name.value.empty() || name.value.size() > 200) continue;
      (HasArabic(name.value) ? arabic : latin).push_back(&name.value);
    }
  }
  if (arabic.empty()) arabic = latin;
  const std::vector<std::string> words = NameWords();
  std::mt19937 rng(seed);
  std::vector<QueryName> out;
  while (out.size() < n) {
    const size_t slot = out.size() % 10;  // 0-1 Latin, 2 Arabic, 3 typo, 4-9 made up
    if (slot <= 1) {
      out.push_back({*latin[rng() % latin.size()], "listed_latin"});
    } else if (slot == 2) {
      out.push_back({*arabic[rng() % arabic.size()], "listed_arabic"});
    } else if (slot == 3) {
      out.push_back({DropOneLetter(*latin[rng() % latin.size()], rng), "listed_typo"});
    } else {
      std::string made;
      const size_t parity = rng() % 2, count = 2 + rng() % 2;
      for (size_t w = 0; w < count; ++w) {
        if (w) made += ' ';
        made += words[(rng() % (words.size() / 2)) * 2 + parity];
      }
      out.push_back({made, "made_up"});
    }
  }
  std::shuffle(out.begin(), out.end(), rng);
  return out;
}

std::string UrlEncode(const std::string& s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// The raw HTTP/1.1 requests (keep-alive is HTTP/1.1's default).
std::vector<std::string> MakeRequests(const std::vector<QueryName>& names, const std::string& route,
                                      int port, const std::string& key) {
  const std::string common = "Host: 127.0.0.1:" + std::to_string(port) +
                             "\r\nAuthorization: Bearer " + key + "\r\n";
  std::vector<std::string> out;
  for (size_t i = 0; i < names.size(); ++i) {
    const bool post = route == "screen" || (route == "mix" && i % 2 == 1);
    if (post) {
      const std::string body = nlohmann::json{{"name", names[i].name}}.dump(
          -1, ' ', false, nlohmann::json::error_handler_t::replace);
      out.push_back("POST /v1/screen HTTP/1.1\r\n" + common +
                    "Content-Type: application/json\r\nContent-Length: " +
                    std::to_string(body.size()) + "\r\n\r\n" + body);
    } else {
      out.push_back("GET /v1/match?name=" + UrlEncode(names[i].name) + " HTTP/1.1\r\n" + common +
                    "\r\n");
    }
  }
  return out;
}

// ---------------------------------------------------------------- child processes

struct Child {
  pid_t pid = -1;
  int port = 0;
  std::thread drain;  // reads the child's stderr to the end so that it never blocks
};

// Runs argv with stderr on a pipe; returns once "listening on http://HOST:PORT"
// was read (or the child died, or `timeout_s` passed).
std::optional<std::string> StartServer(const std::vector<std::string>& argv, Child* child,
                                       double timeout_s) {
  int err[2];
  if (pipe(err) != 0) return "pipe: " + std::string(std::strerror(errno));
  const pid_t pid = fork();
  if (pid < 0) return "fork: " + std::string(std::strerror(errno));
  if (pid == 0) {
    dup2(err[1], 2);
    close(err[0]);
    close(err[1]);
    const int devnull = open("/dev/null", O_WRONLY);
    if (devnull >= 0) dup2(devnull, 1);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    std::fprintf(stderr, "cannot run %s: %s\n", args[0], std::strerror(errno));
    _exit(127);
  }
  close(err[1]);
  child->pid = pid;
  FILE* in = fdopen(err[0], "r");
  std::string seen;
  const auto deadline = Clock::now() + std::chrono::duration<double>(timeout_s);
  char line[4096];
  while (Clock::now() < deadline && std::fgets(line, sizeof line, in)) {
    const char* at = std::strstr(line, "listening on http://");
    const char* colon = at ? std::strrchr(line, ':') : nullptr;
    if (colon) {
      child->port = std::atoi(colon + 1);
      child->drain = std::thread([in] {
        char sink[4096];
        while (std::fgets(sink, sizeof sink, in)) {
        }
        std::fclose(in);
      });
      return std::nullopt;
    }
    if (seen.size() < 4000) seen += line;
  }
  std::fclose(in);
  return "the server did not say where it listens; its stderr:\n" + seen;
}

void StopServer(Child* child) {
  if (child->pid > 0) {
    kill(child->pid, SIGTERM);
    int status = 0;
    waitpid(child->pid, &status, 0);
    child->pid = -1;
  }
  if (child->drain.joinable()) child->drain.join();
}

// Runs a command and returns its stdout (for `qantara keys add`).
std::optional<std::string> RunCapture(const std::string& command) {
  FILE* p = popen(command.c_str(), "r");
  if (!p) return std::nullopt;
  std::string out;
  char buf[512];
  while (std::fgets(buf, sizeof buf, p)) out += buf;
  if (pclose(p) != 0) return std::nullopt;
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

int Connect(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  // Blocking connect: on loopback it completes in the kernel (the listen queue),
  // tens of microseconds, and is part of what a request costs when the server
  // closes keep-alive connections.
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  const int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  return fd;
}

// Waits for GET /healthz to answer 200 (blocking, one connection per try).
bool WaitHealthy(int port, double timeout_s) {
  const auto deadline = Clock::now() + std::chrono::duration<double>(timeout_s);
  while (Clock::now() < deadline) {
    const int fd = Connect(port);
    if (fd >= 0) {
      fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
      const std::string req = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
      char buf[256] = {0};
      if (write(fd, req.data(), req.size()) == static_cast<ssize_t>(req.size()) &&
          read(fd, buf, sizeof buf - 1) > 12 && std::strncmp(buf + 9, "200", 3) == 0) {
        close(fd);
        return true;
      }
      close(fd);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

// ---------------------------------------------------------------- the open-loop client

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

void OpenLoopClient::Close(Conn* c) {
  if (c->fd >= 0) {
    epoll_ctl(epoll_, EPOLL_CTL_DEL, c->fd, nullptr);
    close(c->fd);
  }
  c->fd = -1;
  c->busy = false;
  c->in.clear();
}

void OpenLoopClient::Finish(Conn* c, int status, double now) {
  const double due = c->request * period_;
  if (status == 200) {
    ++result_.ok;
    latency_.push_back((now - due) * 1e3);
    service_.push_back((now - c->sent_at) * 1e3);
  } else {
    ++result_.errors["status " + std::to_string(status)];
  }
  c->busy = false;
  ++done_;
}

void OpenLoopClient::Fail(Conn* c, const std::string& why) {
  if (c->busy) {
    ++result_.errors[why];
    ++done_;
  }
  Close(c);
}

bool OpenLoopClient::Send(Conn* c, size_t i, size_t first, double now) {
  if (c->fd < 0) {
    c->fd = Connect(port_);
    if (c->fd < 0) return false;
    ++result_.connects;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP;
    ev.data.ptr = c;
    epoll_ctl(epoll_, EPOLL_CTL_ADD, c->fd, &ev);
  }
  c->busy = true;
  c->request = i;
  c->sent_at = now;
  c->out = (*requests_)[(first + i) % requests_->size()];
  c->out_off = 0;
  c->in.clear();
  while (c->out_off < c->out.size()) {
    const ssize_t n = write(c->fd, c->out.data() + c->out_off, c->out.size() - c->out_off);
    if (n > 0) {
      c->out_off += static_cast<size_t>(n);
    } else if (n < 0 && errno == EAGAIN) {
      epoll_event ev{};
      ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP;
      ev.data.ptr = c;
      epoll_ctl(epoll_, EPOLL_CTL_MOD, c->fd, &ev);
      return true;
    } else {
      Fail(c, "io");
      return true;
    }
  }
  return true;
}

// Reads what is there and takes the answer when it is whole. The server may
// send its answer and close at once (the keep-alive limit): the answer counts,
// only a connection lost before the answer is whole is an error.
void OpenLoopClient::ReadAnswer(Conn* c, double now) {
  char buf[16384];
  bool eof = false;
  for (;;) {
    const ssize_t n = read(c->fd, buf, sizeof buf);
    if (n > 0) {
      c->in.append(buf, static_cast<size_t>(n));
      if (quickack_) {
        const int one = 1;  // not sticky: the kernel goes back to delayed ACKs, so after each read
        setsockopt(c->fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
      }
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) break;
    eof = true;
    break;
  }
  bool close_after = eof;
  const size_t head_end = c->busy ? c->in.find("\r\n\r\n") : std::string::npos;
  if (head_end != std::string::npos) {
    std::string head = c->in.substr(0, head_end + 2);
    for (char& ch : head) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const size_t cl = head.find("\r\ncontent-length:");
    const size_t length =
        cl == std::string::npos ? 0 : std::strtoul(head.c_str() + cl + 17, nullptr, 10);
    if (c->in.size() >= head_end + 4 + length) {
      const int status = c->in.size() > 12 ? std::atoi(c->in.c_str() + 9) : 0;
      close_after |= head.find("\r\nconnection: close") != std::string::npos;
      Finish(c, status, now);
      c->in.erase(0, head_end + 4 + length);
    }
  }
  if (close_after) Fail(c, "io");  // counts only when an answer was still due
}

StepResult OpenLoopClient::Run(double rate, size_t count, size_t first, double drain_s) {
  result_ = StepResult();
  result_.rate = rate;
  result_.scheduled = count;
  latency_.clear();
  service_.clear();
  done_ = 0;
  period_ = 1.0 / rate;
  epoll_ = epoll_create1(EPOLL_CLOEXEC);
  const int timer = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
  epoll_event tev{};
  tev.events = EPOLLIN;
  tev.data.ptr = nullptr;
  epoll_ctl(epoll_, EPOLL_CTL_ADD, timer, &tev);
  t0_ = Clock::now();
  const timespec base = [] {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts;
  }();  // steady_clock is CLOCK_MONOTONIC on Linux: t0_ and base agree to a microsecond
  auto arm = [&](double at_s) {
    itimerspec its{};
    const long long ns = static_cast<long long>(base.tv_sec) * 1000000000LL + base.tv_nsec +
                         static_cast<long long>(at_s * 1e9);
    its.it_value.tv_sec = ns / 1000000000LL;
    its.it_value.tv_nsec = ns % 1000000000LL;
    timerfd_settime(timer, TFD_TIMER_ABSTIME, &its, nullptr);
  };
  size_t next = 0;  // next request not yet due-and-queued
  std::deque<size_t> queued;
  const double last_due = (count - 1) * period_;
  double last_answer = 0;
  epoll_event events[64];
  while (done_ < count) {
    double now = Now();
    while (next < count && next * period_ <= now) queued.push_back(next++);
    for (Conn& c : conns_) {
      if (queued.empty()) break;
      if (c.busy) continue;
      if (!Send(&c, queued.front(), first, now)) {
        ++result_.errors["connect"];
        ++done_;
      }
      queued.pop_front();
    }
    if (now > last_due + drain_s) break;
    if (next < count) arm(next * period_);
    else arm(last_due + drain_s);
    const int n = epoll_wait(epoll_, events, 64, -1);
    now = Now();
    for (int e = 0; e < n; ++e) {
      Conn* c = static_cast<Conn*>(events[e].data.ptr);
      if (!c) {
        uint64_t ticks;
        while (read(timer, &ticks, sizeof ticks) > 0) {
        }
        continue;
      }
      if (c->fd < 0) continue;
      if (events[e].events & EPOLLOUT) {
        while (c->out_off < c->out.size()) {
          const ssize_t w = write(c->fd, c->out.data() + c->out_off, c->out.size() - c->out_off);
          if (w <= 0) break;
          c->out_off += static_cast<size_t>(w);
        }
        if (c->out_off == c->out.size()) {
          epoll_event ev{};
          ev.events = EPOLLIN | EPOLLRDHUP;
          ev.data.ptr = c;
          epoll_ctl(epoll_, EPOLL_CTL_MOD, c->fd, &ev);
        }
      }
      if (events[e].events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) {
        const size_t before = done_;
        ReadAnswer(c, now);  // may close c
        if (done_ > before) last_answer = now;
      }
    }
  }
  const size_t missing = count - done_;
  if (missing > 0) result_.errors["timeout"] += missing;
  for (Conn& c : conns_) Close(&c);
  close(timer);
  close(epoll_);
  result_.seconds = last_answer;
  auto pct = [](std::vector<double>& v, double q) {
    if (v.empty()) return 0.0;
    const size_t k = std::min(v.size() - 1, static_cast<size_t>(q * v.size()));
    std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
    return v[k];
  };
  result_.p50 = pct(latency_, 0.50);
  result_.p90 = pct(latency_, 0.90);
  result_.p99 = pct(latency_, 0.99);
  result_.p999 = pct(latency_, 0.999);
  result_.max = latency_.empty() ? 0 : *std::max_element(latency_.begin(), latency_.end());
  result_.service_p99 = pct(service_, 0.99);
  return result_;
}

// ---------------------------------------------------------------- reporting

struct Options {
  std::string qantara = QANTARA_BINARY;
  std::string floor_server = QANTARA_FLOOR_SERVER;
  std::string lists_dir = (SharedData() / "lists").string();
  std::vector<double> rates = {500, 1000, 2000, 3000};
  double duration = 5;
  size_t max_requests = 20000;
  int connections = 2;
  int threads = 2;
  std::string route = "mix";
  bool search = true;
  double search_max = 8000;
  double target_p99_ms = 5;
  uint32_t seed = 5;
  bool floor = true;
  double warmup = 1;
  bool keep_db = false;
  size_t stages = 0;
  bool quickack = false;
  bool floor_nodelay = false;
  std::string tmp_dir = "/tmp";
  std::vector<std::string> serve_args;  // more arguments for `qantara serve`
};

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

nlohmann::ordered_json StepJson(const std::string& target, const std::string& phase,
                                const Options& o, const StepResult& r) {
  nlohmann::ordered_json errors = nlohmann::ordered_json::object();
  for (const auto& [k, v] : r.errors) errors[k] = v;
  auto ms = [](double v) { return std::round(v * 1000) / 1000; };
  return {{"target", target},
          {"phase", phase},
          {"route", o.route},
          {"rate", r.rate},
          {"requests", r.scheduled},
          {"ok", r.ok},
          {"errors", r.error_count()},
          {"error_kinds", errors},
          {"achieved_rate", r.seconds > 0 ? std::round(r.ok / r.seconds) : 0},
          {"p50_ms", ms(r.p50)},
          {"p90_ms", ms(r.p90)},
          {"p99_ms", ms(r.p99)},
          {"p999_ms", ms(r.p999)},
          {"max_ms", ms(r.max)},
          {"service_p99_ms", ms(r.service_p99)},
          {"connections", o.connections},
          {"connects", r.connects},
          {"server_threads", o.threads},
          {"client_quickack", o.quickack},
          {"floor_tcp_nodelay", target == "floor" && o.floor_nodelay},
          {"meets_target", r.error_count() == 0 && r.ok == r.scheduled && r.p99 <= o.target_p99_ms}};
}

void PrintRow(const std::string& target, const std::string& phase, const StepResult& r,
              bool meets) {
  std::printf("%-8s %-7s %7.0f %7zu %6zu %8.3f %8.3f %8.3f %8.3f %9.3f %9.3f %7zu  %s\n",
              target.c_str(), phase.c_str(), r.rate, r.scheduled, r.error_count(), r.p50, r.p90,
              r.p99, r.p999, r.max, r.service_p99, r.connects, meets ? "yes" : "NO");
  std::fflush(stdout);
}

// Runs the fixed rates and the search against one server; JSON lines are kept
// and printed after the table.
void RunSteps(const std::string& target, int port, const std::vector<std::string>& requests,
              const Options& o, std::vector<std::string>* json_lines) {
  OpenLoopClient client(port, o.connections, &requests, o.quickack);
  size_t first = 0;
  auto step = [&](double rate, const std::string& phase) {
    const size_t count = std::max<size_t>(
        1, std::min(o.max_requests, static_cast<size_t>(rate * (phase == "warmup" ? o.warmup : o.duration))));
    StepResult r = client.Run(rate, count, first, 5.0);
    first += count;
    nlohmann::ordered_json j = StepJson(target, phase, o, r);
    const bool meets = j["meets_target"].get<bool>();
    PrintRow(target, phase, r, meets);
    json_lines->push_back(j.dump());
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let the server settle
    return meets;
  };
  if (o.warmup > 0) step(500, "warmup");
  double best_fixed = 0, first_fail = 0;
  for (double rate : o.rates) {
    if (step(rate, "fixed")) {
      best_fixed = std::max(best_fixed, rate);
    } else if (first_fail == 0 || rate < first_fail) {
      first_fail = rate;
    }
  }
  if (!o.search) return;
  // Step search: up by x1.5 from the best passing fixed rate until a step fails
  // (or search_max), then halve the gap three times; steps of at least 50 req/s.
  double lo = best_fixed, hi = first_fail > lo ? first_fail : 0;
  while (hi == 0) {
    const double next = lo == 0 ? 250 : std::min(o.search_max, std::round(lo * 1.5 / 50) * 50);
    if (next <= lo) break;
    if (step(next, "search")) {
      lo = next;
      if (lo >= o.search_max) break;
    } else {
      hi = next;
    }
  }
  for (int i = 0; i < 3 && hi > 0 && hi - lo > 50; ++i) {
    const double mid = std::round((lo + hi) / 2 / 50) * 50;
    if (mid <= lo || mid >= hi) break;
    (step(mid, "search") ? lo : hi) = mid;
  }
  nlohmann::ordered_json summary = {{"target", target},
                                    {"phase", "max_sustained"},
                                    {"route", o.route},
                                    {"rate", lo},
                                    {"first_failing_rate", hi},
                                    {"p99_target_ms", o.target_p99_ms},
                                    {"connections", o.connections},
                                    {"server_threads", o.threads}};
  std::printf("%-8s max sustained rate with p99 <= %.1f ms and no errors: %.0f req/s", target.c_str(),
              o.target_p99_ms, lo);
  if (hi > 0) std::printf(" (%.0f req/s failed)", hi);
  std::printf("\n");
  json_lines->push_back(summary.dump());
}

void PrintHeader() {
  std::printf("%-8s %-7s %7s %7s %6s %8s %8s %8s %8s %9s %9s %7s  %s\n", "target", "phase",
              "rate/s", "sent", "errors", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms",
              "svc p99", "conns", "p99<=target");
  std::fflush(stdout);
}


// ---------------------------------------------------------------- where the time goes

// --stages: the work of one GET /v1/match, in process and without sockets, on
// the same lists and query mix: the whole Api::Handle, and apart the key lookup
// (SHA-256 + SQLite SELECT under the store's mutex), the screening, the JSON of
// the matches, and the recording (one transaction: the screening row, its hit
// rows and the audit row with its hash chain). Then Handle on 2 threads at once,
// whose throughput shows what the store's one mutex serialises.
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
}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{
      "HTTP load bench for `qantara serve` (DESIGN: p99 <= 5 ms at 2,000 requests/s on 2 cores). "
      "Starts the server on the lists in --lists-dir, sends single-name screening requests at fixed "
      "rates, open loop (latency from each request's due time), then searches for the highest rate "
      "within the p99 target; then the same against the transport floor (a cpp-httplib server that "
      "answers 200 with no work). Prints a table and JSON Lines (lines starting with '{') on stdout."};
  app.add_option("--qantara", o.qantara, "The qantara binary")->capture_default_str();
  app.add_option("--floor-server", o.floor_server, "The transport-floor server (bench/peers)")
      ->capture_default_str();
  app.add_option("--lists-dir", o.lists_dir, "Directory with the official lists")->capture_default_str();
  app.add_option("--rates", o.rates, "Fixed rates, requests/s")->delimiter(',')->capture_default_str();
  app.add_option("--duration", o.duration, "Seconds per step")->check(CLI::Range(0.1, 120.0))->capture_default_str();
  app.add_option("--max-requests", o.max_requests, "At most this many requests per step")
      ->check(CLI::Range(1, 10000000))->capture_default_str();
  app.add_option("--connections", o.connections, "Keep-alive connections")
      ->check(CLI::Range(1, 256))->capture_default_str();
  app.add_option("--threads", o.threads, "Server worker threads (serve --threads)")
      ->check(CLI::Range(1, 256))->capture_default_str();
  app.add_option("--route", o.route, "match (GET /v1/match), screen (POST /v1/screen) or mix (alternate)")
      ->check(CLI::IsMember({"match", "screen", "mix"}))->capture_default_str();
  app.add_flag("!--no-search", o.search, "Skip the step search for the highest passing rate");
  app.add_option("--search-max", o.search_max, "Highest rate the search tries")->capture_default_str();
  app.add_option("--target-p99-ms", o.target_p99_ms, "The p99 target, ms")->capture_default_str();
  app.add_option("--seed", o.seed, "Seed of the query mix")->capture_default_str();
  app.add_flag("!--no-floor", o.floor, "Skip the transport floor");
  app.add_option("--warmup", o.warmup, "Seconds at 500 req/s before the steps (0: none)")->capture_default_str();
  app.add_option("--stages", o.stages,
                 "Instead of the load steps: time the stages of N GET /v1/match in process (key "
                 "lookup, screening, JSON, recording) and exit")
      ->check(CLI::Range(1, 1000000));
  app.add_flag("--quickack", o.quickack,
               "Client ACKs every segment at once (TCP_QUICKACK), which hides the server's "
               "Nagle + delayed-ACK stall; without it the client behaves as curl or a browser");
  app.add_flag("--floor-nodelay", o.floor_nodelay,
               "Run the transport floor with TCP_NODELAY on its sockets (the proposed server fix)");
  app.add_option("--tmp-dir", o.tmp_dir,
                 "Where the temporary service database goes (/dev/shm: no disk syncs)")
      ->capture_default_str();
  app.add_option("--serve-arg", o.serve_args,
                 "One more argument for `qantara serve` (repeat: --serve-arg=--keep-alive "
                 "--serve-arg=5)");
  app.add_flag("--keep-db", o.keep_db, "Keep the temporary service database (its path is printed)");
  CLI11_PARSE(app, argc, argv);
  for (double r : o.rates) {
    if (r <= 0) {
      std::fprintf(stderr, "http_bench: --rates: %g is not a positive rate\n", r);
      return 2;
    }
  }
  std::signal(SIGPIPE, SIG_IGN);

  const std::vector<std::string> files = ListFiles(o.lists_dir);
  if (files.empty()) {
    std::printf("http_bench: skipped: no official lists in %s\n", o.lists_dir.c_str());
    return 0;
  }
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::printf("# http_bench: %u cores (shared with other users: load average at start %s)\n", cores,
              LoadAverage().c_str());
  std::printf("# lists:");
  for (const auto& f : files) std::printf(" %s", fs::path(f).filename().c_str());
  std::printf("\n");
  auto loaded = qantara::lists::LoadLists(files);
  if (!loaded.ok()) {
    std::fprintf(stderr, "http_bench: %s\n", loaded.status().ToString().c_str());
    return 1;
  }
  const std::vector<QueryName> mix = MakeQueryMix(loaded->entities, o.seed, 4096);
  std::printf("# %zu entities; query mix: 4096 names, seed %u (20%% listed Latin, 10%% listed "
              "Arabic, 10%% listed with a letter dropped, 60%% made up)\n",
              loaded->entities.size(), o.seed);
  std::string dir_template = o.tmp_dir + "/qantara_http_bench_XXXXXX";
  if (!mkdtemp(dir_template.data())) {
    std::fprintf(stderr, "http_bench: mkdtemp: %s\n", std::strerror(errno));
    return 1;
  }
  const std::string db = dir_template + "/service.db";
  if (o.stages > 0) {
    const int rc = RunStages(std::move(*loaded), mix, o.stages, o.threads, db);
    std::error_code ec;
    if (!o.keep_db) fs::remove_all(dir_template, ec);
    return rc;
  }
  loaded->entities.clear();
  loaded->entities.shrink_to_fit();
  const auto key = RunCapture(o.qantara + " keys add --db " + db +
                              " --role screener --name http_bench 2>/dev/null");
  if (!key || key->rfind("qk_", 0) != 0) {
    std::fprintf(stderr, "http_bench: `%s keys add --db %s` failed\n", o.qantara.c_str(), db.c_str());
    return 1;
  }
  std::vector<std::string> json_lines;
  std::printf("# route %s, %d connection(s), server --threads %d, %.1f s per step, p99 target %.1f "
              "ms, client %s, floor %s\n",
              o.route.c_str(), o.connections, o.threads, o.duration, o.target_p99_ms,
              o.quickack ? "TCP_QUICKACK" : "delayed ACKs (as curl)",
              o.floor_nodelay ? "TCP_NODELAY" : "as qantara serve (Nagle on)");
  std::printf("# latency from each request's due time (open loop); 'svc p99' from its actual send\n");
  if (!o.serve_args.empty()) {
    std::string extra;
    for (const std::string& arg : o.serve_args) extra += " " + arg;
    std::printf("# qantara serve also gets:%s\n", extra.c_str());
  }
  PrintHeader();
  {
    std::vector<std::string> argv_serve = {o.qantara, "serve", "--db", db, "--port", "0",
                                           "--threads", std::to_string(o.threads)};
    for (const auto& f : files) {
      argv_serve.push_back("--list");
      argv_serve.push_back(f);
    }
    argv_serve.insert(argv_serve.end(), o.serve_args.begin(), o.serve_args.end());
    Child server;
    if (auto err = StartServer(argv_serve, &server, 300)) {
      std::fprintf(stderr, "http_bench: %s\n", err->c_str());
      StopServer(&server);
      return 1;
    }
    if (!WaitHealthy(server.port, 30)) {
      std::fprintf(stderr, "http_bench: /healthz did not answer on port %d\n", server.port);
      StopServer(&server);
      return 1;
    }
    std::fprintf(stderr, "http_bench: qantara serve is up on port %d (pid %d)\n", server.port,
                 static_cast<int>(server.pid));
    RunSteps("qantara", server.port, MakeRequests(mix, o.route, server.port, *key), o, &json_lines);
    StopServer(&server);
  }
  if (o.floor) {
    Child floor;
    std::vector<std::string> argv_floor = {o.floor_server, "--port", "0", "--threads",
                                           std::to_string(o.threads)};
    if (o.floor_nodelay) argv_floor.push_back("--tcp-nodelay");
    if (auto err = StartServer(argv_floor, &floor, 30); err || !WaitHealthy(floor.port, 30)) {
      std::fprintf(stderr, "http_bench: the transport floor did not start: %s\n",
                   err ? err->c_str() : "no /healthz");
    } else {
      RunSteps("floor", floor.port, MakeRequests(mix, o.route, floor.port, *key), o, &json_lines);
    }
    StopServer(&floor);
  }
  std::printf("# load average at end %s\n", LoadAverage().c_str());
  for (const auto& line : json_lines) std::printf("%s\n", line.c_str());
  if (o.keep_db) {
    std::printf("# service database kept: %s\n", db.c_str());
  } else {
    std::error_code ec;
    fs::remove_all(dir_template, ec);
  }
  return 0;
}
