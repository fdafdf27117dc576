// presto-test-server [--port N] [--max-concurrent-queries N]: the coordinator over the fake engine,
// for client compatibility tests. Prints `listening on PORT` once ready; stops on SIGTERM/SIGINT.

#include <csignal>
#include <iostream>
#include <string>
#include <thread>

#include "TestServer.h"

int main(int argc, char** argv) {
  uint16_t port = 0;
  presto::server::QueryManagerConfig config;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string option = argv[i];
    if (option == "--port") {
      port = static_cast<uint16_t>(std::stoi(argv[i + 1]));
    } else if (option == "--max-concurrent-queries") {
      config.maxConcurrentQueries = std::stoi(argv[i + 1]);
    }
  }
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  presto::server::test::TestServer server(config, port);
  std::cout << "listening on " << server.port() << std::endl;
  int signal = 0;
  sigwait(&signals, &signal);
  return 0;
}
