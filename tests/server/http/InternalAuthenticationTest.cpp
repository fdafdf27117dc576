#include <gtest/gtest.h>

#include "server/http/InternalAuthentication.h"
#include "server/http/Router.h"

namespace presto::server::http {
namespace {

HttpRequest requestWith(const std::optional<std::string>& token) {
  HttpRequest request;
  request.method = "GET";
  request.path = "/v1/task";
  if (token) {
    request.headers.add(std::string(InternalAuthentication::kHeader), *token);
  }
  return request;
}

TEST(InternalAuthenticationTest, acceptsTokensSignedWithTheSameSecret) {
  InternalAuthentication worker("s3cret", "worker.1");
  InternalAuthentication coordinator("s3cret", "coordinator");
  EXPECT_EQ(coordinator.check(requestWith(worker.token())), std::nullopt);
  HttpHeaders headers;
  worker.sign(headers);
  HttpRequest signed_;
  signed_.headers = headers;
  EXPECT_EQ(coordinator.check(signed_), std::nullopt);
}

TEST(InternalAuthenticationTest, rejectsMissingForgedMalformedAndExpiredTokens) {
  InternalAuthentication coordinator("s3cret", "coordinator");
  InternalAuthentication stranger("guess", "worker");
  EXPECT_EQ(coordinator.check(requestWith(std::nullopt)), "missing X-Presto-Internal-Bearer");
  EXPECT_EQ(coordinator.check(requestWith(stranger.token())), "invalid signature");
  EXPECT_EQ(coordinator.check(requestWith("nodots")), "malformed token");
  EXPECT_EQ(coordinator.check(requestWith("worker.soon.abc")), "malformed token");
  // A token whose expiry was changed no longer matches its signature.
  auto token = InternalAuthentication("s3cret", "worker").token();
  auto signatureDot = token.rfind('.');
  auto expiryDot = token.rfind('.', signatureDot - 1);
  auto tampered = token.substr(0, expiryDot + 1) + "99999999999" + token.substr(signatureDot);
  EXPECT_EQ(coordinator.check(requestWith(tampered)), "invalid signature");
}

TEST(InternalAuthenticationTest, aRouterFilterAnswersInsteadOfTheRoute) {
  Router router;
  router.add("GET", "/v1/task", [](const HttpRequest&, const PathParameters&, Responder respond) {
    respond(HttpResponse::text(200, "tasks"));
  });
  InternalAuthentication authentication("s3cret", "coordinator");
  router.setFilter([&](const HttpRequest& request) -> std::optional<HttpResponse> {
    if (auto problem = authentication.check(request)) {
      return HttpResponse::text(401, *problem);
    }
    return std::nullopt;
  });
  int32_t status = 0;
  router.route(requestWith(std::nullopt), [&](HttpResponse response) { status = response.status; });
  EXPECT_EQ(status, 401);
  router.route(requestWith(authentication.token()), [&](HttpResponse response) { status = response.status; });
  EXPECT_EQ(status, 200);
}

} // namespace
} // namespace presto::server::http
