#pragma once

#include "sql/parser/ast/Expression.h"

namespace presto::sql {

/// `NULL`.
class NullLiteral : public NodeOf<NullLiteral, Expression, NodeKind::kNullLiteral> {
 public:
  auto fields() const { return std::tie(); }
};

/// `TRUE` or `FALSE`.
class BooleanLiteral : public NodeOf<BooleanLiteral, Expression, NodeKind::kBooleanLiteral> {
 public:
  bool value = false;

  auto fields() const { return std::tie(value); }
};

/// An integer literal; always non-negative (a minus sign is an ArithmeticUnary around it).
class LongLiteral : public NodeOf<LongLiteral, Expression, NodeKind::kLongLiteral> {
 public:
  int64_t value = 0;

  auto fields() const { return std::tie(value); }
};

/// A number with a decimal point and no exponent, e.g. `1.50`; a DECIMAL value whose precision and
/// scale follow from the text, so the text is kept as written.
class DecimalLiteral : public NodeOf<DecimalLiteral, Expression, NodeKind::kDecimalLiteral> {
 public:
  std::string value;

  auto fields() const { return std::tie(value); }
};

/// A number with an exponent, e.g. `1E10`; a DOUBLE value.
class DoubleLiteral : public NodeOf<DoubleLiteral, Expression, NodeKind::kDoubleLiteral> {
 public:
  double value = 0;

  auto fields() const { return std::tie(value); }
};

/// A character string, `'...'` or `U&'...'`, holding the decoded UTF-8 text.
class StringLiteral : public NodeOf<StringLiteral, Expression, NodeKind::kStringLiteral> {
 public:
  std::string value;

  auto fields() const { return std::tie(value); }
};

/// A binary string `X'0AFF'`, holding the decoded bytes.
class BinaryLiteral : public NodeOf<BinaryLiteral, Expression, NodeKind::kBinaryLiteral> {
 public:
  std::string value;

  auto fields() const { return std::tie(value); }
};

/// A typed literal `type 'text'`: `DATE '2020-01-01'`, `TIMESTAMP '...'`, `DECIMAL '1.20'`,
/// `CHAR 'x'`, ... The type name is upper case as written (`DOUBLE PRECISION` becomes `DOUBLE`);
/// interpreting the text is the analyzer's job.
class GenericLiteral : public NodeOf<GenericLiteral, Expression, NodeKind::kGenericLiteral> {
 public:
  std::string type;
  std::string value;

  auto fields() const { return std::tie(type, value); }
};

/// `INTERVAL [+|-] '3' DAY [TO SECOND]`.
class IntervalLiteral : public NodeOf<IntervalLiteral, Expression, NodeKind::kIntervalLiteral> {
 public:
  enum class Field { kYear, kMonth, kDay, kHour, kMinute, kSecond };

  std::string value;
  bool negative = false;
  Field startField = Field::kDay;
  std::optional<Field> endField;

  auto fields() const { return std::tie(value, negative, startField, endField); }
};

/// Upper-case SQL name of an interval field, e.g. "DAY".
std::string_view intervalFieldName(IntervalLiteral::Field field);

/// A `?` placeholder of a prepared statement, numbered from 0 in order of appearance.
class Parameter : public NodeOf<Parameter, Expression, NodeKind::kParameter> {
 public:
  int32_t position = 0;

  auto fields() const { return std::tie(position); }
};

} // namespace presto::sql
