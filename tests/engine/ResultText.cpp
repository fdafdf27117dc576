#include "ResultText.h"

#include <cmath>
#include <cstdlib>

#include "vector/VectorValues.h"

namespace presto::engine::test {

std::vector<std::vector<std::string>> resultValues(const StatementResult& result) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& page : result.pages) {
    for (vector_size_t row = 0; row < page->numRows(); ++row) {
      std::vector<std::string> values;
      for (size_t column = 0; column < page->columns().size(); ++column) {
        auto value = valueAt(*page->column(column), row);
        values.push_back(value.isNull() ? std::string("NULL") : value.toString(*result.columnTypes[column]));
      }
      rows.push_back(std::move(values));
    }
  }
  return rows;
}

std::vector<std::string> resultRows(const StatementResult& result) {
  std::vector<std::string> rows;
  for (const auto& values : resultValues(result)) {
    std::string text;
    for (size_t i = 0; i < values.size(); ++i) {
      text += (i > 0 ? "|" : "") + values[i];
    }
    rows.push_back(std::move(text));
  }
  return rows;
}

std::vector<std::string> parseCsvLine(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else {
      field += c;
    }
  }
  fields.push_back(std::move(field));
  return fields;
}

bool sameValue(const std::string& actual, const std::string& expected, const Type& type) {
  if (actual == expected) {
    return true;
  }
  double tolerance;
  switch (type.kind()) {
    case TypeKind::kDecimal:
      tolerance = 0.5 * std::pow(10.0, -asDecimal(type).scale()) + 1e-9;
      break;
    case TypeKind::kDouble:
    case TypeKind::kReal:
      tolerance = -1;
      break;
    default:
      return false;
  }
  char* end = nullptr;
  double left = std::strtod(actual.c_str(), &end);
  if (end != actual.c_str() + actual.size()) {
    return false;
  }
  double right = std::strtod(expected.c_str(), &end);
  if (end != expected.c_str() + expected.size()) {
    return false;
  }
  if (tolerance < 0) {
    tolerance = 1e-9 * std::max(1.0, std::max(std::fabs(left), std::fabs(right)));
  } else {
    tolerance += 1e-12 * std::fabs(right);
  }
  return std::fabs(left - right) <= tolerance;
}

} // namespace presto::engine::test
