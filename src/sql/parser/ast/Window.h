#pragma once

#include "sql/parser/ast/Expression.h"

namespace presto::sql {

/// One key of an ORDER BY: `key [ASC|DESC] [NULLS FIRST|LAST]`.
class SortItem : public NodeOf<SortItem, Node, NodeKind::kSortItem> {
 public:
  enum class NullOrdering { kUndefined, kFirst, kLast };

  ExpressionPtr sortKey;
  bool descending = false;
  NullOrdering nullOrdering = NullOrdering::kUndefined;

  auto fields() const { return std::tie(sortKey, descending, nullOrdering); }
};

using SortItemPtr = std::shared_ptr<const SortItem>;

/// One end of a window frame: `UNBOUNDED PRECEDING`, `n PRECEDING`, `CURRENT ROW`,
/// `n FOLLOWING`, `UNBOUNDED FOLLOWING`.
class FrameBound : public NodeOf<FrameBound, Node, NodeKind::kFrameBound> {
 public:
  enum class Type { kUnboundedPreceding, kPreceding, kCurrentRow, kFollowing, kUnboundedFollowing };

  Type type = Type::kCurrentRow;
  /// The offset of kPreceding and kFollowing bounds.
  ExpressionPtr value;

  auto fields() const { return std::tie(type, value); }
};

using FrameBoundPtr = std::shared_ptr<const FrameBound>;

/// `ROWS|RANGE|GROUPS start` or `... BETWEEN start AND end`.
class WindowFrame : public NodeOf<WindowFrame, Node, NodeKind::kWindowFrame> {
 public:
  enum class Type { kRows, kRange, kGroups };

  Type type = Type::kRows;
  FrameBoundPtr start;
  /// Null when the frame was written without BETWEEN.
  FrameBoundPtr end;

  auto fields() const { return std::tie(type, start, end); }
};

using WindowFramePtr = std::shared_ptr<const WindowFrame>;

/// The window of `OVER (...)` or of a `WINDOW name AS (...)` definition:
/// `[existing] [PARTITION BY ...] [ORDER BY ...] [frame]`. `OVER w` is a specification naming
/// `w` with nothing else.
class WindowSpecification
    : public NodeOf<WindowSpecification, Node, NodeKind::kWindowSpecification> {
 public:
  IdentifierPtr existingWindowName;
  std::vector<ExpressionPtr> partitionBy;
  std::vector<SortItemPtr> orderBy;
  WindowFramePtr frame;

  auto fields() const { return std::tie(existingWindowName, partitionBy, orderBy, frame); }
};

using WindowSpecificationPtr = std::shared_ptr<const WindowSpecification>;

} // namespace presto::sql
