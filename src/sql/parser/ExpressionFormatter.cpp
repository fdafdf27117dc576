#include <cmath>

#include <fmt/format.h>

#include "common/Check.h"
#include "sql/parser/Formatter.h"
#include "sql/parser/Keywords.h"
#include "sql/parser/LiteralText.h"

namespace presto::sql {
namespace {

bool isPlainIdentifier(std::string_view value) {
  if (value.empty() || !((value[0] >= 'a' && value[0] <= 'z') || value[0] == '_')) {
    return false;
  }
  for (char c : value) {
    bool valid = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '@' ||
        c == ':';
    if (!valid) {
      return false;
    }
  }
  return !isReservedWord(toUpperAscii(value)) && !isContextualKeyword(value);
}

std::string_view arithmeticOperatorText(ArithmeticBinary::Operator op) {
  switch (op) {
    case ArithmeticBinary::Operator::kAdd:
      return "+";
    case ArithmeticBinary::Operator::kSubtract:
      return "-";
    case ArithmeticBinary::Operator::kMultiply:
      return "*";
    case ArithmeticBinary::Operator::kDivide:
      return "/";
    case ArithmeticBinary::Operator::kModulus:
      return "%";
  }
  return "";
}

std::string_view quantifierText(QuantifiedComparison::Quantifier quantifier) {
  switch (quantifier) {
    case QuantifiedComparison::Quantifier::kAll:
      return "ALL";
    case QuantifiedComparison::Quantifier::kAny:
      return "ANY";
    case QuantifiedComparison::Quantifier::kSome:
      return "SOME";
  }
  return "";
}

bool isNameChain(const Expression& expression) {
  if (expression.is<Identifier>()) {
    return true;
  }
  return expression.is<Dereference>() && isNameChain(*expression.as<Dereference>().base);
}

} // namespace

void Formatter::identifier(const Identifier& identifier) {
  if (isPlainIdentifier(identifier.value)) {
    append(identifier.value);
    return;
  }
  out_ += '"';
  for (char c : identifier.value) {
    out_ += c;
    if (c == '"') {
      out_ += '"';
    }
  }
  out_ += '"';
}

void Formatter::qualifiedName(const QualifiedName& name) {
  list(name.parts, [&](const IdentifierPtr& part) { identifier(*part); }, ".");
}

void Formatter::stringLiteral(std::string_view value) {
  out_ += '\'';
  for (char c : value) {
    out_ += c;
    if (c == '\'') {
      out_ += '\'';
    }
  }
  out_ += '\'';
}

void Formatter::doubleLiteral(double value) {
  if (std::isinf(value)) {
    // Only an overflowing literal such as 1E400 reads as infinity.
    append("1E400");
    return;
  }
  std::string text = fmt::format("{}", value);
  size_t exponent = text.find('e');
  if (exponent == std::string::npos) {
    append(text);
    append("E0");
    return;
  }
  append(std::string_view(text).substr(0, exponent));
  out_ += 'E';
  std::string_view power = std::string_view(text).substr(exponent + 1);
  if (!power.empty() && power[0] == '+') {
    power.remove_prefix(1);
  }
  append(power);
}

void Formatter::expressions(const std::vector<ExpressionPtr>& items) {
  list(items, [&](const ExpressionPtr& item) { expression(*item); });
}

void Formatter::binary(const Expression& left, std::string_view op, const Expression& right) {
  out_ += '(';
  expression(left);
  out_ += ' ';
  append(op);
  out_ += ' ';
  expression(right);
  out_ += ')';
}

void Formatter::unary(const ArithmeticUnary& node) {
  out_ += node.negative ? '-' : '+';
  size_t start = out_.size();
  expression(*node.value);
  // `- -1` must not print as `--1`, which starts a comment.
  if (out_.size() > start && (out_[start] == '-' || out_[start] == '+')) {
    out_.insert(start, 1, '(');
    out_ += ')';
  }
}

void Formatter::postfixBase(const Expression& base) {
  switch (base.kind()) {
    case NodeKind::kIdentifier:
    case NodeKind::kDereference:
    case NodeKind::kSubscript:
    case NodeKind::kFunctionCall:
    case NodeKind::kCast:
    case NodeKind::kSimpleCase:
    case NodeKind::kSearchedCase:
    case NodeKind::kRow:
    case NodeKind::kArrayConstructor:
    case NodeKind::kSubquery:
    case NodeKind::kIf:
    case NodeKind::kCoalesce:
    case NodeKind::kNullIf:
    case NodeKind::kTry:
    case NodeKind::kExtract:
    case NodeKind::kStringLiteral:
    case NodeKind::kGenericLiteral:
    case NodeKind::kCurrentTime:
    case NodeKind::kParameter:
    case NodeKind::kAtTimeZone:
      expression(base);
      return;
    default:
      out_ += '(';
      expression(base);
      out_ += ')';
  }
}

void Formatter::expression(const Expression& node) {
  switch (node.kind()) {
    case NodeKind::kIdentifier:
      identifier(node.as<Identifier>());
      return;
    case NodeKind::kDereference: {
      const auto& dereference = node.as<Dereference>();
      postfixBase(*dereference.base);
      out_ += '.';
      identifier(*dereference.field);
      return;
    }
    case NodeKind::kParameter:
      out_ += '?';
      return;
    case NodeKind::kNullLiteral:
      append("NULL");
      return;
    case NodeKind::kBooleanLiteral:
      append(node.as<BooleanLiteral>().value ? "TRUE" : "FALSE");
      return;
    case NodeKind::kLongLiteral:
      append(std::to_string(node.as<LongLiteral>().value));
      return;
    case NodeKind::kDecimalLiteral:
      append(node.as<DecimalLiteral>().value);
      return;
    case NodeKind::kDoubleLiteral:
      doubleLiteral(node.as<DoubleLiteral>().value);
      return;
    case NodeKind::kStringLiteral:
      stringLiteral(node.as<StringLiteral>().value);
      return;
    case NodeKind::kBinaryLiteral: {
      append("X'");
      for (unsigned char byte : node.as<BinaryLiteral>().value) {
        append(fmt::format("{:02X}", byte));
      }
      out_ += '\'';
      return;
    }
    case NodeKind::kGenericLiteral: {
      const auto& literal = node.as<GenericLiteral>();
      append(literal.type);
      out_ += ' ';
      stringLiteral(literal.value);
      return;
    }
    case NodeKind::kIntervalLiteral: {
      const auto& interval = node.as<IntervalLiteral>();
      append(interval.negative ? "INTERVAL -" : "INTERVAL ");
      stringLiteral(interval.value);
      out_ += ' ';
      append(intervalFieldName(interval.startField));
      if (interval.endField.has_value()) {
        append(" TO ");
        append(intervalFieldName(*interval.endField));
      }
      return;
    }
    case NodeKind::kArithmeticBinary: {
      const auto& arithmetic = node.as<ArithmeticBinary>();
      binary(*arithmetic.left, arithmeticOperatorText(arithmetic.op), *arithmetic.right);
      return;
    }
    case NodeKind::kArithmeticUnary:
      unary(node.as<ArithmeticUnary>());
      return;
    case NodeKind::kComparison: {
      const auto& comparison = node.as<Comparison>();
      binary(*comparison.left, comparisonOperatorText(comparison.op), *comparison.right);
      return;
    }
    case NodeKind::kLogicalBinary: {
      const auto& logical = node.as<LogicalBinary>();
      binary(
          *logical.left,
          logical.op == LogicalBinary::Operator::kAnd ? "AND" : "OR",
          *logical.right);
      return;
    }
    case NodeKind::kNot:
      append("(NOT ");
      expression(*node.as<Not>().value);
      out_ += ')';
      return;
    case NodeKind::kIsNull: {
      const auto& isNull = node.as<IsNull>();
      out_ += '(';
      expression(*isNull.value);
      append(isNull.negated ? " IS NOT NULL)" : " IS NULL)");
      return;
    }
    case NodeKind::kBetween: {
      const auto& between = node.as<Between>();
      out_ += '(';
      expression(*between.value);
      append(" BETWEEN ");
      expression(*between.min);
      append(" AND ");
      expression(*between.max);
      out_ += ')';
      return;
    }
    case NodeKind::kLike: {
      const auto& like = node.as<Like>();
      out_ += '(';
      expression(*like.value);
      append(" LIKE ");
      expression(*like.pattern);
      if (like.escape != nullptr) {
        append(" ESCAPE ");
        expression(*like.escape);
      }
      out_ += ')';
      return;
    }
    case NodeKind::kIn: {
      const auto& in = node.as<In>();
      out_ += '(';
      expression(*in.value);
      append(" IN ");
      expression(*in.valueList);
      out_ += ')';
      return;
    }
    case NodeKind::kInList:
      out_ += '(';
      expressions(node.as<InList>().values);
      out_ += ')';
      return;
    case NodeKind::kExists:
      append("(EXISTS ");
      expression(*node.as<Exists>().subquery);
      out_ += ')';
      return;
    case NodeKind::kQuantifiedComparison: {
      const auto& quantified = node.as<QuantifiedComparison>();
      out_ += '(';
      expression(*quantified.value);
      out_ += ' ';
      append(comparisonOperatorText(quantified.op));
      out_ += ' ';
      append(quantifierText(quantified.quantifier));
      out_ += ' ';
      expression(*quantified.subquery);
      out_ += ')';
      return;
    }
    case NodeKind::kSubquery:
      openBlock();
      query(*node.as<Subquery>().query);
      closeBlock();
      return;
    case NodeKind::kSimpleCase:
    case NodeKind::kSearchedCase: {
      const std::vector<WhenClausePtr>* whenClauses;
      const ExpressionPtr* defaultValue;
      append("CASE");
      if (node.is<SimpleCase>()) {
        const auto& simpleCase = node.as<SimpleCase>();
        out_ += ' ';
        expression(*simpleCase.operand);
        whenClauses = &simpleCase.whenClauses;
        defaultValue = &simpleCase.defaultValue;
      } else {
        whenClauses = &node.as<SearchedCase>().whenClauses;
        defaultValue = &node.as<SearchedCase>().defaultValue;
      }
      for (const WhenClausePtr& clause : *whenClauses) {
        expression(*clause);
      }
      if (*defaultValue != nullptr) {
        append(" ELSE ");
        expression(**defaultValue);
      }
      append(" END");
      return;
    }
    case NodeKind::kWhenClause: {
      const auto& clause = node.as<WhenClause>();
      append(" WHEN ");
      expression(*clause.operand);
      append(" THEN ");
      expression(*clause.result);
      return;
    }
    case NodeKind::kIf: {
      const auto& ifNode = node.as<If>();
      append("IF(");
      expression(*ifNode.condition);
      append(", ");
      expression(*ifNode.trueValue);
      if (ifNode.falseValue != nullptr) {
        append(", ");
        expression(*ifNode.falseValue);
      }
      out_ += ')';
      return;
    }
    case NodeKind::kCoalesce:
      append("COALESCE(");
      expressions(node.as<Coalesce>().operands);
      out_ += ')';
      return;
    case NodeKind::kNullIf:
      append("NULLIF(");
      expression(*node.as<NullIf>().first);
      append(", ");
      expression(*node.as<NullIf>().second);
      out_ += ')';
      return;
    case NodeKind::kTry:
      append("TRY(");
      expression(*node.as<Try>().value);
      out_ += ')';
      return;
    case NodeKind::kCast: {
      const auto& cast = node.as<Cast>();
      append(cast.safe ? "TRY_CAST(" : "CAST(");
      expression(*cast.value);
      append(" AS ");
      append(cast.type);
      out_ += ')';
      return;
    }
    case NodeKind::kExtract: {
      const auto& extract = node.as<Extract>();
      append("EXTRACT(");
      append(extract.field);
      append(" FROM ");
      expression(*extract.value);
      out_ += ')';
      return;
    }
    case NodeKind::kAtTimeZone: {
      const auto& atTimeZone = node.as<AtTimeZone>();
      out_ += '(';
      postfixBase(*atTimeZone.value);
      append(" AT TIME ZONE ");
      expression(*atTimeZone.timeZone);
      out_ += ')';
      return;
    }
    case NodeKind::kCurrentTime: {
      const auto& currentTime = node.as<CurrentTime>();
      append(currentTimeFunctionName(currentTime.function));
      if (currentTime.precision.has_value()) {
        append(fmt::format("({})", *currentTime.precision));
      }
      return;
    }
    case NodeKind::kArrayConstructor:
      append("ARRAY[");
      expressions(node.as<ArrayConstructor>().values);
      out_ += ']';
      return;
    case NodeKind::kRow:
      append("ROW (");
      expressions(node.as<Row>().items);
      out_ += ')';
      return;
    case NodeKind::kSubscript: {
      const auto& subscript = node.as<Subscript>();
      postfixBase(*subscript.base);
      out_ += '[';
      expression(*subscript.index);
      out_ += ']';
      return;
    }
    case NodeKind::kLambda:
      out_ += '(';
      functionArgument(node);
      out_ += ')';
      return;
    case NodeKind::kFunctionCall:
      functionCall(node.as<FunctionCall>());
      return;
    default:
      PRESTO_FAIL("Not an expression: node kind {}", static_cast<int>(node.kind()));
  }
}

} // namespace presto::sql
