#include "server/worker/ExchangeProtocol.h"

#include <charconv>
#include <string>

#include "server/protocol/RemoteError.h"

namespace presto::server::worker {
namespace {

namespace protocol = exchange_protocol;

} // namespace

http::HttpResponse taskFailedResponse(const std::exception_ptr& error) {
  ErrorCode code = errors::GENERIC_INTERNAL_ERROR;
  std::string message = "Unknown error";
  try {
    std::rethrow_exception(error);
  } catch (const PrestoException& e) {
    code = e.errorCode();
    message = e.what();
  } catch (const std::exception& e) {
    message = e.what();
  } catch (...) {
  }
  auto response = http::HttpResponse::text(500, std::move(message));
  response.headers.add(std::string(protocol::kTaskFailed), "true");
  response.headers.add(std::string(protocol::kErrorCode), std::to_string(code.code));
  response.headers.add(std::string(protocol::kErrorName), std::string(code.name));
  response.headers.add(std::string(protocol::kErrorType), std::string(errorTypeName(code.type)));
  return response;
}

std::optional<PrestoException> taskFailure(const http::HttpResponse& response) {
  if (response.headers.get(protocol::kTaskFailed) != "true") {
    return std::nullopt;
  }
  auto number = response.headers.get(protocol::kErrorCode);
  int32_t code = 0;
  std::optional<ErrorCode> error;
  if (number && std::from_chars(number->data(), number->data() + number->size(), code).ec == std::errc()) {
    error = remoteErrorCode(code, response.headers.get(protocol::kErrorName).value_or(""),
        response.headers.get(protocol::kErrorType).value_or(""));
  }
  if (!error) {
    return PrestoException(errors::REMOTE_TASK_ERROR, "Remote task failed: " + response.body);
  }
  return PrestoException(*error, response.body);
}

} // namespace presto::server::worker
