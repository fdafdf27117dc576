#include "type/TypeCoercion.h"

#include <algorithm>

#include "common/Check.h"

namespace presto {
namespace {

constexpr int32_t kMaxCharLength = 65536;

int numericRank(TypeKind kind) {
  switch (kind) {
    case TypeKind::kTinyint: return 1;
    case TypeKind::kSmallint: return 2;
    case TypeKind::kInteger: return 3;
    case TypeKind::kBigint: return 4;
    case TypeKind::kDecimal: return 5;
    case TypeKind::kReal: return 6;
    case TypeKind::kDouble: return 7;
    default: return 0;
  }
}

TypePtr decimalSuperType(const DecimalType& left, const DecimalType& right) {
  int scale = std::max(left.scale(), right.scale());
  int integerDigits = std::max(left.precision() - left.scale(), right.precision() - right.scale());
  return DECIMAL(std::min(DecimalType::kMaxPrecision, integerDigits + scale), scale);
}

std::optional<TypePtr> numericSuperType(const TypePtr& left, const TypePtr& right) {
  int leftRank = numericRank(left->kind());
  int rightRank = numericRank(right->kind());
  if (leftRank == 0 || rightRank == 0) {
    return std::nullopt;
  }
  if (left->kind() == TypeKind::kDecimal || right->kind() == TypeKind::kDecimal) {
    if (std::max(leftRank, rightRank) > numericRank(TypeKind::kDecimal)) {
      return leftRank > rightRank ? left : right;  // real or double absorbs decimals
    }
    auto leftDecimal = left->kind() == TypeKind::kDecimal ? left : TypeCoercion::integralToDecimal(*left);
    auto rightDecimal = right->kind() == TypeKind::kDecimal ? right : TypeCoercion::integralToDecimal(*right);
    return decimalSuperType(asDecimal(*leftDecimal), asDecimal(*rightDecimal));
  }
  return leftRank >= rightRank ? left : right;
}

std::optional<TypePtr> stringSuperType(const TypePtr& left, const TypePtr& right) {
  auto isCharOrVarchar = [](TypeKind kind) { return kind == TypeKind::kVarchar || kind == TypeKind::kChar; };
  if (!isCharOrVarchar(left->kind()) || !isCharOrVarchar(right->kind())) {
    return std::nullopt;
  }
  const auto& leftString = asString(*left);
  const auto& rightString = asString(*right);
  if (left->kind() == TypeKind::kVarchar && right->kind() == TypeKind::kVarchar) {
    return leftString.length() >= rightString.length() ? left : right;
  }
  // At least one char: varchar becomes char (an unbounded varchar the longest char).
  auto charLength = [](const StringType& type) {
    return type.isUnbounded() ? kMaxCharLength : std::min(type.length(), kMaxCharLength);
  };
  return CHAR(std::max(charLength(leftString), charLength(rightString)));
}

std::optional<TypePtr> temporalSuperType(const TypePtr& left, const TypePtr& right) {
  auto rank = [](TypeKind kind) {
    switch (kind) {
      case TypeKind::kDate: return 1;
      case TypeKind::kTimestamp: return 2;
      case TypeKind::kTimestampWithTimeZone: return 3;
      default: return 0;
    }
  };
  if (rank(left->kind()) == 0 || rank(right->kind()) == 0) {
    return std::nullopt;
  }
  return rank(left->kind()) >= rank(right->kind()) ? left : right;
}

std::optional<TypePtr> nestedSuperType(const TypePtr& left, const TypePtr& right) {
  if (left->kind() != right->kind() || left->children().size() != right->children().size()) {
    return std::nullopt;
  }
  std::vector<TypePtr> children;
  for (size_t i = 0; i < left->children().size(); ++i) {
    auto child = TypeCoercion::commonSuperType(left->childAt(i), right->childAt(i));
    if (!child) {
      return std::nullopt;
    }
    children.push_back(*child);
  }
  switch (left->kind()) {
    case TypeKind::kArray:
      return ARRAY(children[0]);
    case TypeKind::kMap:
      return MAP(children[0], children[1]);
    case TypeKind::kRow: {
      const auto& leftNames = asRow(*left).names();
      auto names = leftNames == asRow(*right).names() ? leftNames : std::vector<std::string>(children.size());
      return ROW(std::move(names), std::move(children));
    }
    default:
      return std::nullopt;
  }
}

} // namespace

TypePtr TypeCoercion::integralToDecimal(const Type& integral) {
  switch (integral.kind()) {
    case TypeKind::kTinyint: return DECIMAL(3, 0);
    case TypeKind::kSmallint: return DECIMAL(5, 0);
    case TypeKind::kInteger: return DECIMAL(10, 0);
    case TypeKind::kBigint: return DECIMAL(19, 0);
    default: PRESTO_FAIL("{} is not an integral type", integral.toString());
  }
}

std::optional<TypePtr> TypeCoercion::commonSuperType(const TypePtr& left, const TypePtr& right) {
  if (sameType(left, right)) {
    return left;
  }
  if (left->kind() == TypeKind::kUnknown) {
    return right;
  }
  if (right->kind() == TypeKind::kUnknown) {
    return left;
  }
  if (auto numeric = numericSuperType(left, right)) {
    return numeric;
  }
  if (auto string = stringSuperType(left, right)) {
    return string;
  }
  if (auto temporal = temporalSuperType(left, right)) {
    return temporal;
  }
  if (!left->isPrimitive()) {
    return nestedSuperType(left, right);
  }
  return std::nullopt;
}

bool TypeCoercion::canCoerce(const TypePtr& from, const TypePtr& to) {
  auto common = commonSuperType(from, to);
  return common && sameType(*common, to);
}

} // namespace presto
