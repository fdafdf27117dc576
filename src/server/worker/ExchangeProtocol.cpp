#include "server/worker/ExchangeProtocol.h"

#include <charconv>
#include <mutex>
#include <set>
#include <string>

namespace presto::server::worker {
namespace {

namespace protocol = exchange_protocol;

/// A copy of `name` that lives as long as the process, as ErrorCode names must. Error names are
/// few, so the set stays small.
std::string_view internErrorName(std::string_view name) {
  static std::mutex mutex;
  static std::set<std::string, std::less<>> names;
  std::lock_guard lock(mutex);
  auto it = names.find(name);
  if (it == names.end()) {
    it = names.emplace(name).first;
  }
  return *it;
}

std::optional<ErrorType> parseErrorType(std::string_view name) {
  for (auto type : {ErrorType::kUserError, ErrorType::kInternalError, ErrorType::kInsufficientResources,
           ErrorType::kExternal}) {
    if (errorTypeName(type) == name) {
      return type;
    }
  }
  return std::nullopt;
}

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
  auto name = response.headers.get(protocol::kErrorName);
  auto type = parseErrorType(response.headers.get(protocol::kErrorType).value_or(""));
  int32_t code = 0;
  if (!number || !name || name->empty() || !type ||
      std::from_chars(number->data(), number->data() + number->size(), code).ec != std::errc()) {
    return PrestoException(errors::REMOTE_TASK_ERROR, "Remote task failed: " + response.body);
  }
  return PrestoException(ErrorCode{internErrorName(*name), code, *type}, response.body);
}

} // namespace presto::server::worker
