#include "exec/operators/WindowFunctions.h"

#include <algorithm>

#include "common/Check.h"

namespace presto::exec {
namespace {

using BoundType = WindowFrame::BoundType;

double numeric(const Value& value) {
  if (value.holds<double>()) {
    return value.as<double>();
  }
  if (value.holds<float>()) {
    return value.as<float>();
  }
  return static_cast<double>(value.as<int64_t>());
}

/// First row at or after which the ORDER BY value is within `offset` before/after `row`'s value.
int64_t rangeBound(const WindowPartition& partition, int64_t row, BoundType type, int64_t offset, bool isStart) {
  const auto& current = partition.orderValues[static_cast<size_t>(row)];
  if (current.isNull()) {
    // NULL keys are peers only of each other.
    auto group = partition.peerGroup[static_cast<size_t>(row)];
    return isStart ? partition.groupStart[static_cast<size_t>(group)] : partition.groupEnd[static_cast<size_t>(group)] - 1;
  }
  double direction = partition.orderAscending ? 1 : -1;
  double target = numeric(current) + direction * (type == BoundType::kPreceding ? -offset : offset);
  auto within = [&](int64_t candidate) {
    const auto& value = partition.orderValues[static_cast<size_t>(candidate)];
    if (value.isNull()) {
      return false;
    }
    double distance = (numeric(value) - target) * direction;
    return isStart ? distance >= 0 : distance <= 0;
  };
  if (isStart) {
    for (int64_t candidate = 0; candidate < partition.numRows(); ++candidate) {
      if (within(candidate)) {
        return candidate;
      }
    }
    return partition.numRows();
  }
  for (int64_t candidate = partition.numRows() - 1; candidate >= 0; --candidate) {
    if (within(candidate)) {
      return candidate;
    }
  }
  return -1;
}

int64_t frameBound(const WindowPartition& partition, const WindowFrame& frame, int64_t row, bool isStart) {
  BoundType type = isStart ? frame.startType : frame.endType;
  int64_t offset = isStart ? frame.startOffset : frame.endOffset;
  const int64_t last = partition.numRows() - 1;
  const auto group = partition.peerGroup[static_cast<size_t>(row)];
  switch (type) {
    case BoundType::kUnboundedPreceding: return 0;
    case BoundType::kUnboundedFollowing: return last;
    case BoundType::kCurrentRow:
      if (frame.type == WindowFrame::Type::kRows) {
        return row;
      }
      return isStart ? partition.groupStart[static_cast<size_t>(group)] : partition.groupEnd[static_cast<size_t>(group)] - 1;
    case BoundType::kPreceding:
    case BoundType::kFollowing: {
      int64_t signedOffset = type == BoundType::kPreceding ? -offset : offset;
      if (frame.type == WindowFrame::Type::kRows) {
        return row + signedOffset;
      }
      if (frame.type == WindowFrame::Type::kGroups) {
        int64_t target = group + signedOffset;
        auto numGroups = static_cast<int64_t>(partition.groupStart.size());
        if (target < 0) {
          return isStart ? 0 : -1;
        }
        if (target >= numGroups) {
          return isStart ? last + 1 : last;
        }
        return isStart ? partition.groupStart[static_cast<size_t>(target)] : partition.groupEnd[static_cast<size_t>(target)] - 1;
      }
      return rangeBound(partition, row, type, offset, isStart);
    }
  }
  return row;
}

Value aggregateFrame(const std::string& function, const TypePtr& type, const std::vector<Value>* values,
    int64_t start, int64_t end) {
  int64_t count = 0;
  bool isDouble = type != nullptr && (type->kind() == TypeKind::kDouble || type->kind() == TypeKind::kReal);
  double doubleSum = 0;
  int64_t integerSum = 0;
  Value best;
  for (int64_t row = start; row <= end; ++row) {
    if (values == nullptr) {
      ++count;
      continue;
    }
    const auto& value = (*values)[static_cast<size_t>(row)];
    if (value.isNull()) {
      continue;
    }
    ++count;
    if (function == "sum" || function == "avg") {
      if (isDouble) {
        doubleSum += numeric(value);
      } else {
        integerSum += value.as<int64_t>();
      }
    } else if (function == "min" || function == "max") {
      int cmp = best.isNull() ? 0 : compareValues(*type, value, best);
      if (best.isNull() || (function == "min" ? cmp < 0 : cmp > 0)) {
        best = value;
      }
    }
  }
  if (function == "count") {
    return Value(count);
  }
  if (count == 0) {
    return Value::null();
  }
  if (function == "sum") {
    return isDouble ? Value(doubleSum) : Value(integerSum);
  }
  if (function == "avg") {
    return Value((isDouble ? doubleSum : static_cast<double>(integerSum)) / static_cast<double>(count));
  }
  return best;
}

/// lag, lead, first_value, last_value, nth_value of `row` counting only the rows whose value is
/// not null (IGNORE NULLS); `nonNull` holds those rows in order.
Value ignoringNulls(const WindowFunctionCall& function, const std::vector<Value>& values,
    const std::vector<int64_t>& nonNull, int64_t row, int64_t start, int64_t end) {
  const auto& name = function.function;
  const auto offset = function.constantArgument;
  auto before = [&](int64_t position) {
    return static_cast<int64_t>(std::lower_bound(nonNull.begin(), nonNull.end(), position) - nonNull.begin());
  };
  auto valueAt = [&](int64_t index, const Value& otherwise) {
    return index >= 0 && index < static_cast<int64_t>(nonNull.size()) ? values[static_cast<size_t>(nonNull[index])]
                                                                        : otherwise;
  };
  if (offset == 0 && (name == "lag" || name == "lead")) {
    return values[static_cast<size_t>(row)];
  }
  if (name == "lag") {
    return valueAt(before(row) - offset, function.defaultValue);
  }
  if (name == "lead") {
    return valueAt(before(row + 1) + offset - 1, function.defaultValue);
  }
  if (start > end) {
    return Value::null();
  }
  auto first = before(start);
  auto last = before(end + 1) - 1;
  auto index = name == "first_value" ? first : (name == "last_value" ? last : first + offset - 1);
  return index >= first && index <= last ? valueAt(index, Value::null()) : Value::null();
}

bool isValueFunction(const std::string& name) {
  return name == "lag" || name == "lead" || name == "first_value" || name == "last_value" || name == "nth_value";
}

} // namespace

void computeWindowFunction(const WindowFunctionCall& function, const TypePtr& argumentType,
    const WindowPartition& partition, size_t argument, std::vector<Value>& results) {
  const int64_t numRows = partition.numRows();
  const auto& name = function.function;
  const std::vector<Value>* values = function.inputs.empty() ? nullptr : &partition.arguments[argument];
  PRESTO_USER_CHECK(!function.ignoreNulls || isValueFunction(name), errors::NOT_SUPPORTED,
      "Cannot specify null treatment clause for {} function", name);
  std::vector<int64_t> nonNull;
  if (function.ignoreNulls) {
    for (int64_t row = 0; row < numRows; ++row) {
      if (!(*values)[static_cast<size_t>(row)].isNull()) {
        nonNull.push_back(row);
      }
    }
  }
  int64_t denseRank = 0;
  for (int64_t row = 0; row < numRows; ++row) {
    auto group = partition.peerGroup[static_cast<size_t>(row)];
    int64_t rank = partition.groupStart[static_cast<size_t>(group)] + 1;
    if (row == 0 || partition.peerGroup[static_cast<size_t>(row - 1)] != group) {
      ++denseRank;
    }
    if (name == "row_number") {
      results.push_back(Value(row + 1));
    } else if (name == "rank") {
      results.push_back(Value(rank));
    } else if (name == "dense_rank") {
      results.push_back(Value(denseRank));
    } else if (name == "percent_rank") {
      results.push_back(Value(numRows == 1 ? 0.0 : static_cast<double>(rank - 1) / static_cast<double>(numRows - 1)));
    } else if (name == "cume_dist") {
      results.push_back(Value(static_cast<double>(partition.groupEnd[static_cast<size_t>(group)]) / static_cast<double>(numRows)));
    } else if (name == "ntile") {
      int64_t buckets = function.constantArgument;
      int64_t size = numRows / buckets;
      int64_t remainder = numRows % buckets;
      int64_t bucket = size == 0 ? row + 1
          : (row < remainder * (size + 1) ? row / (size + 1) + 1 : (row - remainder) / size + 1);
      results.push_back(Value(bucket));
    } else if (function.ignoreNulls && (name == "lag" || name == "lead")) {
      results.push_back(ignoringNulls(function, *values, nonNull, row, 0, -1));
    } else if (name == "lag" || name == "lead") {
      int64_t target = name == "lag" ? row - function.constantArgument : row + function.constantArgument;
      results.push_back(target >= 0 && target < numRows ? (*values)[static_cast<size_t>(target)] : function.defaultValue);
    } else {
      int64_t start = std::max<int64_t>(0, frameBound(partition, function.frame, row, true));
      int64_t end = std::min<int64_t>(numRows - 1, frameBound(partition, function.frame, row, false));
      if (function.ignoreNulls) {
        results.push_back(ignoringNulls(function, *values, nonNull, row, start, end));
      } else if (name == "first_value" || name == "last_value" || name == "nth_value") {
        int64_t target = name == "first_value" ? start : (name == "last_value" ? end : start + function.constantArgument - 1);
        results.push_back(start <= end && target >= start && target <= end ? (*values)[static_cast<size_t>(target)]
                                                                            : Value::null());
      } else {
        PRESTO_USER_CHECK(name == "sum" || name == "count" || name == "min" || name == "max" || name == "avg",
            errors::FUNCTION_NOT_FOUND, "Unknown window function {}", name);
        results.push_back(start > end ? aggregateFrame(name, argumentType, values, 0, -1)
                                      : aggregateFrame(name, argumentType, values, start, end));
      }
    }
  }
}

} // namespace presto::exec
