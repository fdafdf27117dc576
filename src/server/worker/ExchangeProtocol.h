#pragma once

#include <exception>
#include <optional>
#include <string_view>

#include "common/PrestoException.h"
#include "server/http/HttpMessage.h"

namespace presto::server::worker {

/// The wire vocabulary of the task results protocol (`GET /v1/task/{taskId}/results/{bufferId}/{token}`),
/// shared by TaskResultsResource (server) and HttpExchangeSource (client). See docs/dev/exchanges.md.
namespace exchange_protocol {

/// Body of a results reply: serialized pages back to back (docs/dev/page-format.md).
inline constexpr std::string_view kPagesContentType = "application/X-presto-pages";

/// Request: the largest reply wanted, as a DataSize (`1048576B`, `16MB`).
inline constexpr std::string_view kMaxSize = "X-Presto-Max-Size";
/// Request: how long the server may hold a request with nothing to send, as a Duration (`1.00s`).
inline constexpr std::string_view kMaxWait = "X-Presto-Max-Wait";

/// Reply: identifies the task object; a change means the task was recreated (REMOTE_TASK_MISMATCH).
inline constexpr std::string_view kTaskInstanceId = "X-Presto-Task-Instance-Id";
/// Reply: the token asked for.
inline constexpr std::string_view kPageSequenceId = "X-Presto-Page-Sequence-Id";
/// Reply: the token to ask for next.
inline constexpr std::string_view kPageEndSequenceId = "X-Presto-Page-End-Sequence-Id";
/// Reply: `true` once no pages will follow these.
inline constexpr std::string_view kBufferComplete = "X-Presto-Buffer-Complete";

/// Failure reply (status 500): `true`; the task's error is in the next three headers and the body.
inline constexpr std::string_view kTaskFailed = "X-Presto-Task-Failed";
/// Failure reply: the error code number, name and type (`8`, `DIVISION_BY_ZERO`, `USER_ERROR`).
inline constexpr std::string_view kErrorCode = "X-Presto-Error-Code";
inline constexpr std::string_view kErrorName = "X-Presto-Error-Name";
inline constexpr std::string_view kErrorType = "X-Presto-Error-Type";

} // namespace exchange_protocol

/// The reply telling a consumer that the task whose buffer it reads failed with `error`: 500,
/// `X-Presto-Task-Failed: true`, the error code in headers and its message as the text body. An
/// error that is not a PrestoException travels as GENERIC_INTERNAL_ERROR.
http::HttpResponse taskFailedResponse(const std::exception_ptr& error);

/// The error a taskFailedResponse() carries, rebuilt with the remote code (which this process
/// need not know); nullopt if `response` is not such a reply.
std::optional<PrestoException> taskFailure(const http::HttpResponse& response);

} // namespace presto::server::worker
