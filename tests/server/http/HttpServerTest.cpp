#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "RawConnection.h"
#include "common/Check.h"
#include "server/http/HttpClient.h"
#include "server/http/HttpServer.h"

namespace presto::server::http {
namespace {

using namespace std::chrono_literals;

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto router = std::make_shared<Router>();
    router->add("GET", "/echo/{name}", [](const HttpRequest& request, const PathParameters& parameters, Responder respond) {
      std::string body = request.method + " " + request.path + " name=" + parameters.at("name");
      for (const auto& [key, value] : request.queryParameters) {
        body += " " + key + "=" + value;
      }
      body += " host=" + request.host;
      respond(HttpResponse::text(200, body));
    });
    router->add("DELETE", "/echo/{name}", [](const HttpRequest& request, const PathParameters&, Responder respond) {
      respond(HttpResponse::text(200, "deleted " + request.path + " host=" + request.host));
    });
    router->add("POST", "/body", [](const HttpRequest& request, const PathParameters&, Responder respond) {
      respond(HttpResponse::text(200, "size=" + std::to_string(request.body.size())));
    });
    router->add("GET", "/later", [](const HttpRequest&, const PathParameters&, Responder respond) {
      std::thread([respond] {
        std::this_thread::sleep_for(100ms);
        respond(HttpResponse::text(200, "later"));
      }).detach();
    });
    router->add("GET", "/throws", [](const HttpRequest&, const PathParameters&, Responder) -> void {
      throw std::runtime_error("boom");
    });
    router->add("GET", "/user-error", [](const HttpRequest&, const PathParameters&, Responder) -> void {
      PRESTO_USER_FAIL(errors::INVALID_ARGUMENTS, "bad argument");
    });
    HttpServerConfig config;
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    config.maxBodyBytes = 1024;
    config.maxHeaderBytes = 2048;
    server_ = std::make_unique<HttpServer>(config, router);
    server_->start();
  }

  void TearDown() override { server_->stop(); }

  uint16_t port() const { return server_->port(); }

  /// The server still answers a well-formed request.
  void expectAlive() {
    HttpClient client("127.0.0.1", port());
    EXPECT_EQ(client.send("GET", "/echo/ok").status, 200);
  }

  std::unique_ptr<HttpServer> server_;
};

TEST_F(HttpServerTest, routesAndParameters) {
  HttpClient client("127.0.0.1", port());
  auto response = client.send("GET", "/echo/abc?x=1&y=a%20b&z=c+d");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "GET /echo/abc name=abc x=1 y=a b z=c d host=127.0.0.1:" + std::to_string(port()));
  EXPECT_EQ(client.send("GET", "/nothing").status, 404);
  EXPECT_EQ(client.send("PUT", "/echo/abc").status, 405);
  EXPECT_EQ(client.send("GET", "/echo/").status, 404);
}

TEST_F(HttpServerTest, keepAliveServesManyRequestsOnOneConnection) {
  test::RawConnection connection(port());
  connection.send("GET /echo/a HTTP/1.1\r\nHost: h\r\n\r\nGET /echo/b HTTP/1.1\r\nHost: h\r\n\r\n");
  std::string replies = connection.read("host=h", 2);
  EXPECT_NE(replies.find("name=a"), std::string::npos);
  EXPECT_NE(replies.find("name=b"), std::string::npos);
  EXPECT_LT(replies.find("name=a"), replies.find("name=b"));
  connection.send("GET /echo/c HTTP/1.1\r\nHost: h\r\n\r\n");
  EXPECT_NE(connection.read("name=c").find("name=c"), std::string::npos);
  EXPECT_FALSE(connection.closed());
}

TEST_F(HttpServerTest, connectionCloseIsHonoured) {
  test::RawConnection connection(port());
  connection.send("GET /echo/a HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
  std::string reply = connection.read();
  EXPECT_NE(reply.find("200 OK"), std::string::npos);
  EXPECT_TRUE(connection.closed());
}

TEST_F(HttpServerTest, absoluteFormTarget) {
  test::RawConnection connection(port());
  connection.send("DELETE http://example.com:1234/echo/q?slug=x HTTP/1.1\r\nHost: h\r\n\r\n");
  std::string reply = connection.read("host=");
  EXPECT_NE(reply.find("200 OK"), std::string::npos) << reply;
  EXPECT_NE(reply.find("deleted /echo/q host=example.com:1234"), std::string::npos) << reply;
  connection.send("GET http://h2/echo/z?k=v HTTP/1.1\r\nHost: h\r\n\r\n");
  EXPECT_NE(connection.read("host=").find("name=z k=v host=h2"), std::string::npos);
}

TEST_F(HttpServerTest, malformedRequestsGet400) {
  for (const std::string& request : std::vector<std::string>{"GARBAGE\r\n\r\n", "GET /echo/a HTTP/9\r\n\r\n", "GET /echo/a HTTP/1.1\r\nBad Header\r\n\r\n",
           "GET relative/path HTTP/1.1\r\nHost: h\r\n\r\n", "GET /echo/%zz HTTP/1.1\r\nHost: h\r\n\r\n",
           "GET /echo/a HTTP/1.1\r\nContent-Length: nope\r\n\r\n", std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11)}) {
    test::RawConnection connection(port());
    connection.send(request);
    std::string reply = connection.read();
    EXPECT_NE(reply.find("HTTP/1.1 400"), std::string::npos) << request << " -> " << reply;
  }
  expectAlive();
}

TEST_F(HttpServerTest, oversizedBodyGets413) {
  HttpClient client("127.0.0.1", port());
  EXPECT_EQ(client.send("POST", "/body", {}, std::string(1000, 'x')).body, "size=1000");
  EXPECT_EQ(client.send("POST", "/body", {}, std::string(5000, 'x')).status, 413);
  test::RawConnection connection(port());
  connection.send("POST /body HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999\r\n\r\n");
  EXPECT_NE(connection.read().find("HTTP/1.1 413"), std::string::npos);
  expectAlive();
}

TEST_F(HttpServerTest, oversizedHeadersGet431) {
  HttpHeaders headers;
  headers.add("X-Big", std::string(4000, 'a'));
  HttpClient client("127.0.0.1", port());
  EXPECT_EQ(client.send("GET", "/echo/a", headers).status, 431);
  expectAlive();
}

TEST_F(HttpServerTest, chunkedBody) {
  test::RawConnection connection(port());
  connection.send("POST /body HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
  EXPECT_NE(connection.read("size=").find("size=5"), std::string::npos);
}

TEST_F(HttpServerTest, expectContinue) {
  test::RawConnection connection(port());
  connection.send("POST /body HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_NE(connection.read("\r\n\r\n").find("100 Continue"), std::string::npos);
  connection.send("abcd");
  EXPECT_NE(connection.read("size=").find("size=4"), std::string::npos);
}

TEST_F(HttpServerTest, deferredResponses) {
  HttpClient client("127.0.0.1", port());
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(client.send("GET", "/later").body, "later");
  EXPECT_GE(std::chrono::steady_clock::now() - start, 90ms);
  // Many waiting requests do not need a thread each: 20 at once on a 2-thread server.
  std::vector<std::thread> clients;
  std::atomic<int> ok{0};
  start = std::chrono::steady_clock::now();
  for (int i = 0; i < 20; ++i) {
    clients.emplace_back([&] {
      HttpClient parallel("127.0.0.1", port());
      ok += parallel.send("GET", "/later").body == "later" ? 1 : 0;
    });
  }
  for (auto& thread : clients) {
    thread.join();
  }
  EXPECT_EQ(ok, 20);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1500ms);
}

TEST_F(HttpServerTest, handlerFailures) {
  HttpClient client("127.0.0.1", port());
  EXPECT_EQ(client.send("GET", "/throws").status, 500);
  auto userError = client.send("GET", "/user-error");
  EXPECT_EQ(userError.status, 400);
  EXPECT_EQ(userError.body, "bad argument");
}

TEST_F(HttpServerTest, headHasNoBody) {
  test::RawConnection connection(port());
  connection.send("HEAD /echo/a HTTP/1.1\r\nHost: h\r\n\r\nGET /echo/b HTTP/1.1\r\nHost: h\r\n\r\n");
  std::string replies = connection.read("name=b");
  EXPECT_EQ(replies.find("name=a"), std::string::npos);
  EXPECT_NE(replies.find("name=b"), std::string::npos);
}

TEST_F(HttpServerTest, clientsThatVanishDoNotHurt) {
  {
    test::RawConnection connection(port());
    connection.send("POST /body HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\n\r\nabc");
  }
  {
    test::RawConnection connection(port());
    connection.send("GET /later HTTP/1.1\r\nHost: h\r\n\r\n");
  }
  std::this_thread::sleep_for(150ms);
  expectAlive();
}

TEST(HttpServerLifetimeTest, respondersOutliveTheServer) {
  // A handler's responder may be called, or merely released, after the server is gone (a worker
  // thread finishing late); the reply is dropped and nothing touches the dead server.
  std::mutex mutex;
  std::condition_variable arrived;
  std::optional<Responder> pending;
  auto router = std::make_shared<Router>();
  router->add("GET", "/hold", [&](const HttpRequest&, const PathParameters&, Responder respond) {
    std::lock_guard lock(mutex);
    pending = std::move(respond);
    arrived.notify_all();
  });
  HttpServerConfig config;
  config.bindAddress = "127.0.0.1";
  config.port = 0;
  auto server = std::make_unique<HttpServer>(config, router);
  server->start();
  std::thread client([port = server->port()] {
    try {
      HttpClient("127.0.0.1", port).send("GET", "/hold");
    } catch (const std::exception&) {
      // The server goes away without answering.
    }
  });
  {
    std::unique_lock lock(mutex);
    arrived.wait(lock, [&] { return pending.has_value(); });
  }
  server->stop();
  server.reset();
  (*pending)(HttpResponse::text(200, "too late"));
  pending.reset();
  client.join();
}

TEST(HttpMessageTest, requestTargets) {
  std::string path;
  std::map<std::string, std::string> parameters;
  std::string authority;
  ASSERT_TRUE(parseRequestTarget("/v1/statement?a=1&b=%2F", path, parameters, authority));
  EXPECT_EQ(path, "/v1/statement");
  EXPECT_EQ(parameters.at("b"), "/");
  EXPECT_TRUE(authority.empty());
  ASSERT_TRUE(parseRequestTarget("http://host:8080/v1/x/1?slug=y", path, parameters, authority));
  EXPECT_EQ(path, "/v1/x/1");
  EXPECT_EQ(authority, "host:8080");
  EXPECT_EQ(parameters.at("slug"), "y");
  ASSERT_TRUE(parseRequestTarget("http://host?x=1", path, parameters, authority));
  EXPECT_EQ(path, "/");
  EXPECT_EQ(parameters.at("x"), "1");
  EXPECT_FALSE(parseRequestTarget("*", path, parameters, authority));
  EXPECT_FALSE(parseRequestTarget("/a%2", path, parameters, authority));
}

TEST(HttpMessageTest, percentCoding) {
  EXPECT_EQ(percentEncode("a b=c,d/é"), "a%20b%3Dc%2Cd%2F%C3%A9");
  EXPECT_EQ(percentDecode("a%20b%3Dc%2Cd%2F%C3%A9", false), "a b=c,d/é");
  EXPECT_EQ(percentDecode("a+b", true), "a b");
  EXPECT_EQ(percentDecode("a+b", false), "a+b");
  EXPECT_EQ(percentDecode("%4", false), std::nullopt);
}

TEST(HttpMessageTest, urls) {
  auto url = Url::parse("http://localhost:8080/v1/statement/executing/q/1?slug=x");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->host, "localhost");
  EXPECT_EQ(url->port, 8080);
  EXPECT_EQ(url->target, "/v1/statement/executing/q/1?slug=x");
  EXPECT_EQ(Url::parse("http://example.com")->port, 80);
  EXPECT_EQ(Url::parse("http://example.com")->target, "/");
  EXPECT_EQ(Url::parse("http://[::1]:9/")->host, "::1");
  EXPECT_FALSE(Url::parse("https://example.com"));
  EXPECT_FALSE(Url::parse("http://:80/"));
  EXPECT_FALSE(Url::parse("http://h:99999/"));
}

} // namespace
} // namespace presto::server::http
