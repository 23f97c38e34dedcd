#include "bench/http/child_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace qantara::http_bench {

using Clock = std::chrono::steady_clock;

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

}  // namespace qantara::http_bench
