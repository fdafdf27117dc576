#pragma once

#include "connector/spi/ConnectorHandles.h"
#include "connector/spi/OrdinalColumnHandle.h"
#include "connector/tpch/TpchTable.h"

namespace presto::tpch {

/// A TPC-H table at one scale factor (`tpch.sf1.lineitem`).
class TpchTableHandle : public connector::TableHandle {
 public:
  TpchTableHandle(TpchTable table, std::string schema, double scaleFactor)
      : table_(table), schema_(std::move(schema)), scaleFactor_(scaleFactor) {}

  TpchTable table() const { return table_; }
  const std::string& schema() const { return schema_; }
  double scaleFactor() const { return scaleFactor_; }
  std::string toJson() const override;
  std::string toString() const override;

 private:
  TpchTable table_;
  std::string schema_;
  double scaleFactor_;
};

/// Part `part` of `totalParts` equal row ranges of a table.
class TpchSplit : public connector::ConnectorSplit {
 public:
  TpchSplit(TpchTable table, double scaleFactor, int32_t part, int32_t totalParts)
      : table_(table), scaleFactor_(scaleFactor), part_(part), totalParts_(totalParts) {}

  TpchTable table() const { return table_; }
  double scaleFactor() const { return scaleFactor_; }
  int32_t part() const { return part_; }
  int32_t totalParts() const { return totalParts_; }
  std::string toJson() const override;
  std::string toString() const override;

 private:
  TpchTable table_;
  double scaleFactor_;
  int32_t part_;
  int32_t totalParts_;
};

/// Reads TPC-H handles back from their JSON.
class TpchHandleCodec : public connector::HandleCodec {
 public:
  connector::TableHandlePtr tableHandleFromJson(const std::string& json) const override;
  connector::ColumnHandlePtr columnHandleFromJson(const std::string& json) const override;
  connector::ConnectorSplitPtr splitFromJson(const std::string& json) const override;
  connector::InsertTableHandlePtr insertHandleFromJson(const std::string& json) const override;
};

} // namespace presto::tpch
