#pragma once

#include "sql/parser/ast/Window.h"

namespace presto::sql {

/// A call of a scalar, aggregate or window function:
/// `name([DISTINCT] args [ORDER BY ...]) [FILTER (WHERE ...)] [IGNORE|RESPECT NULLS] [OVER ...]`.
/// `count(*)` has no arguments, as in Presto. GROUPING(...) and `a || b` (as `concat`) are calls
/// too; IF, COALESCE, NULLIF and TRY have their own nodes.
class FunctionCall : public NodeOf<FunctionCall, Expression, NodeKind::kFunctionCall> {
 public:
  enum class NullTreatment { kUnspecified, kIgnore, kRespect };

  QualifiedName name;
  bool distinct = false;
  std::vector<ExpressionPtr> arguments;
  std::vector<SortItemPtr> orderBy;
  ExpressionPtr filter;
  NullTreatment nullTreatment = NullTreatment::kUnspecified;
  WindowSpecificationPtr window;

  auto fields() const {
    return std::tie(name, distinct, arguments, orderBy, filter, nullTreatment, window);
  }
};

} // namespace presto::sql
