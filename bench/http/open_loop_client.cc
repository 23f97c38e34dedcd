#include "bench/http/open_loop_client.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <deque>

#include "bench/http/child_process.h"

namespace qantara::http_bench {

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

}  // namespace qantara::http_bench
