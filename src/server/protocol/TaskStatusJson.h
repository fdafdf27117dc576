#pragma once

// The TaskStatus JSON tree, shared by TaskStatus.cpp and TaskInfo.cpp (which embeds it);
// includes nlohmann-json.

#include "server/protocol/JsonFields.h"
#include "server/protocol/TaskStatus.h"

namespace presto::server {

JsonFields::Json taskStatusToJson(const TaskStatus& status);
TaskStatus taskStatusFromJson(const JsonFields& fields);

} // namespace presto::server
