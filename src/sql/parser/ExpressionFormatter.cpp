#include <array>
#include <charconv>
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

} // namespace

Formatter::BinaryView Formatter::binaryView(const Expression& node) {
  switch (node.kind()) {
    case NodeKind::kArithmeticBinary: {
      const auto& arithmetic = node.as<ArithmeticBinary>();
      bool additive = arithmetic.op == ArithmeticBinary::Operator::kAdd ||
          arithmetic.op == ArithmeticBinary::Operator::kSubtract;
      return {
          additive ? kAdditiveGroup : kMultiplicativeGroup,
          arithmeticOperatorText(arithmetic.op),
          arithmetic.left.get(),
          arithmetic.right.get()};
    }
    case NodeKind::kLogicalBinary: {
      const auto& logical = node.as<LogicalBinary>();
      bool conjunction = logical.op == LogicalBinary::Operator::kAnd;
      return {
          conjunction ? kAndGroup : kOrGroup,
          conjunction ? "AND" : "OR",
          logical.left.get(),
          logical.right.get()};
    }
    case NodeKind::kComparison: {
      const auto& comparison = node.as<Comparison>();
      return {
          kComparisonGroup,
          comparisonOperatorText(comparison.op),
          comparison.left.get(),
          comparison.right.get()};
    }
    case NodeKind::kFunctionCall: {
      // The parser reads `a || b` as concat(a, b); any plain two-argument concat prints back as
      // the operator.
      const auto& call = node.as<FunctionCall>();
      bool concatenation = call.name.parts.size() == 1 && call.name.parts[0]->value == "concat" &&
          call.arguments.size() == 2 && !call.distinct && call.orderBy.empty() &&
          call.filter == nullptr && call.window == nullptr &&
          call.nullTreatment == FunctionCall::NullTreatment::kUnspecified;
      if (concatenation) {
        return {kConcatenationGroup, "||", call.arguments[0].get(), call.arguments[1].get()};
      }
      return {};
    }
    default:
      return {};
  }
}

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
  // Shortest round-trip digits in scientific notation, e.g. 1.5e-03, printed as 1.5E-3.
  std::array<char, 64> buffer;
  auto result = std::to_chars(
      buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::scientific);
  std::string_view text(buffer.data(), static_cast<size_t>(result.ptr - buffer.data()));
  size_t exponent = text.find('e');
  append(text.substr(0, exponent));
  out_ += 'E';
  std::string_view power = text.substr(exponent + 1);
  if (power[0] == '-') {
    out_ += '-';
  }
  power.remove_prefix(1);
  while (power.size() > 1 && power[0] == '0') {
    power.remove_prefix(1);
  }
  append(power);
}

void Formatter::expressions(const std::vector<ExpressionPtr>& items) {
  list(items, [&](const ExpressionPtr& item) { expression(*item); });
}

void Formatter::binary(const Expression& node) {
  out_ += '(';
  binaryOperands(node);
  out_ += ')';
}

void Formatter::binaryOperands(const Expression& node) {
  BinaryView view = binaryView(node);
  // A left operand with the same operator group continues a left-associative chain, which prints
  // flat: `(a + b - c)`, `(x AND y AND z)`, `(s || t || u)`. Long chains thus stay shallow.
  if (BinaryView left = binaryView(*view.left); left.group > 0 && left.group == view.group) {
    binaryOperands(*view.left);
  } else {
    expression(*view.left);
  }
  out_ += ' ';
  append(view.op);
  out_ += ' ';
  expression(*view.right);
}

void Formatter::unary(const ArithmeticUnary& node) {
  out_ += node.negative ? '-' : '+';
  size_t start = out_.size();
  expression(*node.value);
  // `- -1` must not print as `--1`, which starts a comment.
  if (node.negative && out_.size() > start && out_[start] == '-') {
    out_.insert(start, 1, ' ');
  }
}

void Formatter::postfixBase(const Expression& base) {
  // Signed values and numbers need parentheses before `[` or `.`: `-a[1]` subscripts `a`, and
  // `1.x` reads as the decimal `1.` aliased x. Other operator forms print their own parentheses.
  bool parenthesize = base.is<ArithmeticUnary>() || base.is<LongLiteral>() ||
      base.is<DecimalLiteral>() || base.is<DoubleLiteral>();
  if (parenthesize) {
    out_ += '(';
  }
  expression(base);
  if (parenthesize) {
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
    case NodeKind::kArithmeticBinary:
      binary(node);
      return;
    case NodeKind::kArithmeticUnary:
      unary(node.as<ArithmeticUnary>());
      return;
    case NodeKind::kComparison:
    case NodeKind::kLogicalBinary:
      binary(node);
      return;
    case NodeKind::kNot: {
      // Nested negations print as one chain, `(NOT NOT x)`, to stay as shallow as the input.
      append("(NOT ");
      const Expression* value = node.as<Not>().value.get();
      while (value->is<Not>()) {
        append("NOT ");
        value = value->as<Not>().value.get();
      }
      expression(*value);
      out_ += ')';
      return;
    }
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
      if (binaryView(node).group != 0) {
        binary(node);
      } else {
        functionCall(node.as<FunctionCall>());
      }
      return;
    default:
      PRESTO_FAIL("Not an expression: node kind {}", static_cast<int>(node.kind()));
  }
}

} // namespace presto::sql
