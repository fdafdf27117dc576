#include <algorithm>

#include "sql/parser/Formatter.h"

namespace presto::sql {

void Formatter::functionArgument(const Expression& argument) {
  if (!argument.is<Lambda>()) {
    expression(argument);
    return;
  }
  const auto& lambda = argument.as<Lambda>();
  out_ += '(';
  list(lambda.arguments, [&](const IdentifierPtr& name) { identifier(*name); });
  append(") -> ");
  expression(*lambda.body);
}

void Formatter::functionCall(const FunctionCall& call) {
  bool groupingOperation = call.name.parts.size() == 1 && call.name.parts[0]->value == "grouping" &&
      std::all_of(call.arguments.begin(), call.arguments.end(), [](const ExpressionPtr& argument) {
        const Expression* name = argument.get();
        while (name->is<Dereference>()) {
          name = name->as<Dereference>().base.get();
        }
        return name->is<Identifier>();
      });
  if (groupingOperation) {
    append("GROUPING");
  } else {
    qualifiedName(call.name);
  }
  out_ += '(';
  if (call.distinct) {
    append("DISTINCT ");
  }
  if (call.arguments.empty() && call.name.parts.size() == 1 && call.name.parts[0]->value == "count") {
    out_ += '*';
  }
  list(call.arguments, [&](const ExpressionPtr& argument) { functionArgument(*argument); });
  if (!call.orderBy.empty()) {
    append(" ORDER BY ");
    sortItems(call.orderBy);
  }
  out_ += ')';
  if (call.filter != nullptr) {
    append(" FILTER (WHERE ");
    expression(*call.filter);
    out_ += ')';
  }
  if (call.nullTreatment == FunctionCall::NullTreatment::kIgnore) {
    append(" IGNORE NULLS");
  } else if (call.nullTreatment == FunctionCall::NullTreatment::kRespect) {
    append(" RESPECT NULLS");
  }
  if (call.window != nullptr) {
    append(" OVER ");
    window(*call.window);
  }
}

void Formatter::window(const WindowSpecification& window) {
  bool onlyName = window.existingWindowName != nullptr && window.partitionBy.empty() &&
      window.orderBy.empty() && window.frame == nullptr;
  if (onlyName) {
    identifier(*window.existingWindowName);
    return;
  }
  out_ += '(';
  std::string_view separator;
  if (window.existingWindowName != nullptr) {
    identifier(*window.existingWindowName);
    separator = " ";
  }
  if (!window.partitionBy.empty()) {
    append(separator);
    append("PARTITION BY ");
    expressions(window.partitionBy);
    separator = " ";
  }
  if (!window.orderBy.empty()) {
    append(separator);
    append("ORDER BY ");
    sortItems(window.orderBy);
    separator = " ";
  }
  if (window.frame != nullptr) {
    append(separator);
    const WindowFrame& frame = *window.frame;
    append(
        frame.type == WindowFrame::Type::kRows      ? "ROWS "
            : frame.type == WindowFrame::Type::kRange ? "RANGE "
                                                      : "GROUPS ");
    if (frame.end != nullptr) {
      append("BETWEEN ");
      frameBound(*frame.start);
      append(" AND ");
      frameBound(*frame.end);
    } else {
      frameBound(*frame.start);
    }
  }
  out_ += ')';
}

void Formatter::frameBound(const FrameBound& bound) {
  switch (bound.type) {
    case FrameBound::Type::kUnboundedPreceding:
      append("UNBOUNDED PRECEDING");
      return;
    case FrameBound::Type::kPreceding:
      expression(*bound.value);
      append(" PRECEDING");
      return;
    case FrameBound::Type::kCurrentRow:
      append("CURRENT ROW");
      return;
    case FrameBound::Type::kFollowing:
      expression(*bound.value);
      append(" FOLLOWING");
      return;
    case FrameBound::Type::kUnboundedFollowing:
      append("UNBOUNDED FOLLOWING");
      return;
  }
}

void Formatter::sortItems(const std::vector<SortItemPtr>& items) {
  list(items, [&](const SortItemPtr& item) { sortItem(*item); });
}

void Formatter::sortItem(const SortItem& item) {
  expression(*item.sortKey);
  append(item.descending ? " DESC" : " ASC");
  if (item.nullOrdering == SortItem::NullOrdering::kFirst) {
    append(" NULLS FIRST");
  } else if (item.nullOrdering == SortItem::NullOrdering::kLast) {
    append(" NULLS LAST");
  }
}

} // namespace presto::sql
