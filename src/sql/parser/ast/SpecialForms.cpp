#include "sql/parser/ast/SpecialForms.h"

namespace presto::sql {

std::string_view currentTimeFunctionName(CurrentTime::Function function) {
  switch (function) {
    case CurrentTime::Function::kDate:
      return "CURRENT_DATE";
    case CurrentTime::Function::kTime:
      return "CURRENT_TIME";
    case CurrentTime::Function::kTimestamp:
      return "CURRENT_TIMESTAMP";
    case CurrentTime::Function::kLocalTime:
      return "LOCALTIME";
    case CurrentTime::Function::kLocalTimestamp:
      return "LOCALTIMESTAMP";
  }
  return "";
}

} // namespace presto::sql
