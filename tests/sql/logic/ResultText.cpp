#include "ResultText.h"

#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "engine/LocalQueryRunner.h"
#include "vector/VectorValues.h"

namespace presto::sql::logic {
namespace {

constexpr char kCellSeparator = '|';

/// Doubles print with 12 significant digits so that results computed in a different order (partial
/// sums from several drivers) still render alike; reals carry about 7 digits and print with 6.
std::string renderFloating(double value, int significantDigits) {
  if (std::isnan(value)) {
    return "NaN";
  }
  if (std::isinf(value)) {
    return value > 0 ? "Infinity" : "-Infinity";
  }
  if (value == 0) {
    return "0";  // also -0
  }
  return fmt::format("{:.{}g}", value, significantDigits);
}

bool isFloating(const Type& type) {
  return type.kind() == TypeKind::kDouble || type.kind() == TypeKind::kReal;
}

int significantDigitsOf(const Type& type) {
  return type.kind() == TypeKind::kReal ? 6 : 12;
}

std::string renderNested(const Type& type, const Value& value) {
  if (value.isNull()) {
    return "NULL";
  }
  switch (type.kind()) {
    case TypeKind::kDouble:
      return renderFloating(value.as<double>(), 12);
    case TypeKind::kReal:
      return renderFloating(value.as<float>(), 6);
    case TypeKind::kArray: {
      std::string text = "[";
      const auto& elements = value.as<ArrayValue>().elements;
      for (size_t i = 0; i < elements.size(); ++i) {
        text += (i ? ", " : "") + renderNested(*type.childAt(0), elements[i]);
      }
      return text + "]";
    }
    case TypeKind::kMap: {
      std::string text = "{";
      const auto& map = value.as<MapValue>();
      for (size_t i = 0; i < map.keys.size(); ++i) {
        text += (i ? ", " : "") + renderNested(*type.childAt(0), map.keys[i]) + "=" +
            renderNested(*type.childAt(1), map.values[i]);
      }
      return text + "}";
    }
    case TypeKind::kRow: {
      std::string text = "{";
      const auto& fields = value.as<RowValue>().fields;
      const auto& rowType = asRow(type);
      for (size_t i = 0; i < fields.size(); ++i) {
        std::string name = rowType.nameOf(i).empty() ? fmt::format("field{}", i) : rowType.nameOf(i);
        text += (i ? ", " : "") + name + "=" + renderNested(*type.childAt(i), fields[i]);
      }
      return text + "}";
    }
    default:
      return value.toString(type);
  }
}

std::vector<std::string> splitCells(const std::string& row) {
  std::vector<std::string> cells;
  size_t begin = 0;
  while (true) {
    size_t end = row.find(kCellSeparator, begin);
    cells.push_back(row.substr(begin, end == std::string::npos ? std::string::npos : end - begin));
    if (end == std::string::npos) {
      return cells;
    }
    begin = end + 1;
  }
}

} // namespace

std::string renderDouble(double value) {
  return renderFloating(value, 12);
}

std::string renderReal(float value) {
  return renderFloating(value, 6);
}

std::string renderValue(const Type& type, const Value& value) {
  std::string text = renderNested(type, value);
  return text.empty() ? "(empty)" : text;
}

std::vector<std::string> renderRows(const engine::StatementResult& result) {
  std::vector<std::string> rows;
  for (const auto& page : result.pages) {
    for (vector_size_t row = 0; row < page->numRows(); ++row) {
      std::string line;
      for (size_t column = 0; column < page->numColumns(); ++column) {
        if (column > 0) {
          line += kCellSeparator;
        }
        line += renderValue(*result.columnTypes.at(column), valueAt(*page->column(column), row));
      }
      rows.push_back(std::move(line));
    }
  }
  return rows;
}

std::string canonicalExpectedRow(const std::vector<TypePtr>& types, const std::string& row) {
  std::vector<std::string> cells = splitCells(row);
  if (cells.size() != types.size()) {
    return row;
  }
  std::string canonical;
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string cell = cells[i];
    if (isFloating(*types[i]) && cell != "NULL" && cell != "NaN" && cell != "Infinity" && cell != "-Infinity") {
      char* end = nullptr;
      double parsed = std::strtod(cell.c_str(), &end);
      if (!cell.empty() && end == cell.c_str() + cell.size()) {
        cell = renderFloating(parsed, significantDigitsOf(*types[i]));
      }
    }
    canonical += (i ? std::string(1, kCellSeparator) : "") + cell;
  }
  return canonical;
}

} // namespace presto::sql::logic
