#include "sql/parser/ast/Literals.h"

namespace presto::sql {

std::string_view intervalFieldName(IntervalLiteral::Field field) {
  switch (field) {
    case IntervalLiteral::Field::kYear:
      return "YEAR";
    case IntervalLiteral::Field::kMonth:
      return "MONTH";
    case IntervalLiteral::Field::kDay:
      return "DAY";
    case IntervalLiteral::Field::kHour:
      return "HOUR";
    case IntervalLiteral::Field::kMinute:
      return "MINUTE";
    case IntervalLiteral::Field::kSecond:
      return "SECOND";
  }
  return "";
}

} // namespace presto::sql
