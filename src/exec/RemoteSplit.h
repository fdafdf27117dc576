#pragma once

#include <string>

#include "connector/spi/ConnectorHandles.h"

namespace presto::exec {

/// The split of an exchange: one output buffer of one upstream task, which the consuming task's
/// ExchangeOperator reads through an ExchangeSource. Added to the consuming task like a table
/// scan's splits: `task->addSplit(exchangeNodeId, Split{sequenceId, remoteSplit})`.
class RemoteSplit : public connector::ConnectorSplit {
 public:
  /// `location` is where the upstream task is served (`http://host:port/v1/task/{taskId}`); empty
  /// when the task runs in this process.
  RemoteSplit(std::string taskId, int32_t bufferId, std::string location = "");

  const std::string& taskId() const { return taskId_; }
  int32_t bufferId() const { return bufferId_; }
  const std::string& location() const { return location_; }

  std::string toJson() const override;
  /// `taskId/bufferId`, prefixed by the location when there is one.
  std::string toString() const override;

  /// Reads the JSON written by toJson().
  static std::shared_ptr<const RemoteSplit> fromJson(const std::string& json);

 private:
  const std::string taskId_;
  const int32_t bufferId_;
  const std::string location_;
};

} // namespace presto::exec
