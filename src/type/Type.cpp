#include "type/Type.h"

#include <algorithm>
#include <cctype>

#include "common/Check.h"

namespace presto {
namespace {

std::string_view scalarName(TypeKind kind) {
  switch (kind) {
    case TypeKind::kBoolean: return "boolean";
    case TypeKind::kTinyint: return "tinyint";
    case TypeKind::kSmallint: return "smallint";
    case TypeKind::kInteger: return "integer";
    case TypeKind::kBigint: return "bigint";
    case TypeKind::kReal: return "real";
    case TypeKind::kDouble: return "double";
    case TypeKind::kDecimal: return "decimal";
    case TypeKind::kVarchar: return "varchar";
    case TypeKind::kChar: return "char";
    case TypeKind::kVarbinary: return "varbinary";
    case TypeKind::kDate: return "date";
    case TypeKind::kTime: return "time";
    case TypeKind::kTimestamp: return "timestamp";
    case TypeKind::kTimestampWithTimeZone: return "timestamp with time zone";
    case TypeKind::kIntervalDayTime: return "interval day to second";
    case TypeKind::kIntervalYearMonth: return "interval year to month";
    case TypeKind::kJson: return "json";
    case TypeKind::kArray: return "array";
    case TypeKind::kMap: return "map";
    case TypeKind::kRow: return "row";
    case TypeKind::kUnknown: return "unknown";
  }
  return "unknown";
}

bool isPlainIdentifier(const std::string& name) {
  if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
  });
}

std::string quoteFieldName(const std::string& name) {
  if (isPlainIdentifier(name)) {
    return name;
  }
  std::string quoted = "\"";
  for (char c : name) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + "\"";
}

} // namespace

std::string Type::toString() const {
  return std::string(scalarName(kind_));
}

bool Type::equals(const Type& other) const {
  if (kind_ != other.kind_ || children_.size() != other.children_.size()) {
    return false;
  }
  for (size_t i = 0; i < children_.size(); ++i) {
    if (!children_[i]->equals(*other.children_[i])) {
      return false;
    }
  }
  return true;
}

size_t Type::fixedWidthBytes() const {
  switch (kind_) {
    case TypeKind::kBoolean:
    case TypeKind::kTinyint:
      return 1;
    case TypeKind::kSmallint:
      return 2;
    case TypeKind::kInteger:
    case TypeKind::kReal:
    case TypeKind::kDate:
    case TypeKind::kIntervalYearMonth:
      return 4;
    case TypeKind::kBigint:
    case TypeKind::kDouble:
    case TypeKind::kTime:
    case TypeKind::kTimestamp:
    case TypeKind::kTimestampWithTimeZone:
    case TypeKind::kIntervalDayTime:
      return 8;
    case TypeKind::kDecimal:
      return isLongDecimal() ? 16 : 8;
    default:
      return 0;
  }
}

bool Type::isStringLike() const {
  return kind_ == TypeKind::kVarchar || kind_ == TypeKind::kChar || kind_ == TypeKind::kVarbinary ||
      kind_ == TypeKind::kJson;
}

bool Type::isIntegral() const {
  return kind_ == TypeKind::kTinyint || kind_ == TypeKind::kSmallint || kind_ == TypeKind::kInteger ||
      kind_ == TypeKind::kBigint;
}

bool Type::isNumeric() const {
  return isIntegral() || kind_ == TypeKind::kReal || kind_ == TypeKind::kDouble || kind_ == TypeKind::kDecimal;
}

bool Type::isComparable() const {
  if (kind_ == TypeKind::kJson) {
    return false;
  }
  return std::all_of(children_.begin(), children_.end(), [](const auto& child) { return child->isComparable(); });
}

bool Type::isOrderable() const {
  if (kind_ == TypeKind::kJson || kind_ == TypeKind::kMap) {
    return false;
  }
  return std::all_of(children_.begin(), children_.end(), [](const auto& child) { return child->isOrderable(); });
}

bool Type::isLongDecimal() const {
  return kind_ == TypeKind::kDecimal &&
      static_cast<const DecimalType*>(this)->precision() > DecimalType::kMaxShortPrecision;
}

DecimalType::DecimalType(int precision, int scale)
    : Type(TypeKind::kDecimal), precision_(precision), scale_(scale) {
  PRESTO_USER_CHECK(precision >= 1 && precision <= kMaxPrecision, errors::INVALID_FUNCTION_ARGUMENT,
      "DECIMAL precision must be in range [1, 38]: {}", precision);
  PRESTO_USER_CHECK(scale >= 0 && scale <= precision, errors::INVALID_FUNCTION_ARGUMENT,
      "DECIMAL scale must be in range [0, precision ({})]: {}", precision, scale);
}

std::string DecimalType::toString() const {
  return fmt::format("decimal({},{})", precision_, scale_);
}

bool DecimalType::equals(const Type& other) const {
  if (other.kind() != TypeKind::kDecimal) {
    return false;
  }
  const auto& decimal = static_cast<const DecimalType&>(other);
  return precision_ == decimal.precision_ && scale_ == decimal.scale_;
}

StringType::StringType(TypeKind kind, int32_t length) : Type(kind), length_(length) {
  PRESTO_USER_CHECK(length >= (kind == TypeKind::kChar ? 1 : 0), errors::INVALID_FUNCTION_ARGUMENT,
      "{} length must be positive: {}", scalarName(kind), length);
}

std::string StringType::toString() const {
  if (kind_ == TypeKind::kVarchar && isUnbounded()) {
    return "varchar";
  }
  return fmt::format("{}({})", scalarName(kind_), length_);
}

bool StringType::equals(const Type& other) const {
  return other.kind() == kind_ && static_cast<const StringType&>(other).length_ == length_;
}

ArrayType::ArrayType(TypePtr element) : Type(TypeKind::kArray) {
  PRESTO_CHECK(element != nullptr, "array element type is null");
  children_.push_back(std::move(element));
}

std::string ArrayType::toString() const {
  return fmt::format("array({})", children_[0]->toString());
}

MapType::MapType(TypePtr key, TypePtr value) : Type(TypeKind::kMap) {
  PRESTO_CHECK(key != nullptr && value != nullptr, "map key or value type is null");
  children_.push_back(std::move(key));
  children_.push_back(std::move(value));
}

std::string MapType::toString() const {
  return fmt::format("map({},{})", children_[0]->toString(), children_[1]->toString());
}

RowType::RowType(std::vector<std::string> names, std::vector<TypePtr> types)
    : Type(TypeKind::kRow), names_(std::move(names)) {
  PRESTO_CHECK(names_.size() == types.size(), "row type has {} names for {} fields", names_.size(), types.size());
  children_ = std::move(types);
}

int32_t RowType::fieldIndex(const std::string& name) const {
  for (size_t i = 0; i < names_.size(); ++i) {
    if (names_[i].size() == name.size() &&
        std::equal(name.begin(), name.end(), names_[i].begin(),
            [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); })) {
      return static_cast<int32_t>(i);
    }
  }
  return -1;
}

std::string RowType::toString() const {
  std::string result = "row(";
  for (size_t i = 0; i < children_.size(); ++i) {
    if (i > 0) {
      result += ",";
    }
    if (!names_[i].empty()) {
      result += quoteFieldName(names_[i]) + " ";
    }
    result += children_[i]->toString();
  }
  return result + ")";
}

bool RowType::equals(const Type& other) const {
  return Type::equals(other) && static_cast<const RowType&>(other).names_ == names_;
}

#define PRESTO_SCALAR_TYPE(NAME, KIND)                                   \
  TypePtr NAME() {                                                       \
    static const TypePtr instance = std::make_shared<Type>(TypeKind::KIND); \
    return instance;                                                     \
  }
PRESTO_SCALAR_TYPE(BOOLEAN, kBoolean)
PRESTO_SCALAR_TYPE(TINYINT, kTinyint)
PRESTO_SCALAR_TYPE(SMALLINT, kSmallint)
PRESTO_SCALAR_TYPE(INTEGER, kInteger)
PRESTO_SCALAR_TYPE(BIGINT, kBigint)
PRESTO_SCALAR_TYPE(REAL, kReal)
PRESTO_SCALAR_TYPE(DOUBLE, kDouble)
PRESTO_SCALAR_TYPE(VARBINARY, kVarbinary)
PRESTO_SCALAR_TYPE(DATE, kDate)
PRESTO_SCALAR_TYPE(TIME, kTime)
PRESTO_SCALAR_TYPE(TIMESTAMP, kTimestamp)
PRESTO_SCALAR_TYPE(TIMESTAMP_WITH_TIME_ZONE, kTimestampWithTimeZone)
PRESTO_SCALAR_TYPE(INTERVAL_DAY_TIME, kIntervalDayTime)
PRESTO_SCALAR_TYPE(INTERVAL_YEAR_MONTH, kIntervalYearMonth)
PRESTO_SCALAR_TYPE(JSON, kJson)
PRESTO_SCALAR_TYPE(UNKNOWN, kUnknown)
#undef PRESTO_SCALAR_TYPE

TypePtr VARCHAR() {
  static const TypePtr instance = std::make_shared<StringType>(TypeKind::kVarchar, StringType::kUnbounded);
  return instance;
}

TypePtr DECIMAL(int precision, int scale) {
  return std::make_shared<DecimalType>(precision, scale);
}

TypePtr VARCHAR(int32_t length) {
  return std::make_shared<StringType>(TypeKind::kVarchar, length);
}

TypePtr CHAR(int32_t length) {
  return std::make_shared<StringType>(TypeKind::kChar, length);
}

TypePtr ARRAY(TypePtr element) {
  return std::make_shared<ArrayType>(std::move(element));
}

TypePtr MAP(TypePtr key, TypePtr value) {
  return std::make_shared<MapType>(std::move(key), std::move(value));
}

TypePtr ROW(std::vector<std::string> names, std::vector<TypePtr> types) {
  return std::make_shared<RowType>(std::move(names), std::move(types));
}

TypePtr ROW(std::vector<TypePtr> types) {
  std::vector<std::string> names(types.size());
  return std::make_shared<RowType>(std::move(names), std::move(types));
}

bool sameType(const TypePtr& left, const TypePtr& right) {
  if (left == right) {
    return true;
  }
  return left && right && left->equals(*right);
}

const DecimalType& asDecimal(const Type& type) {
  PRESTO_CHECK(type.kind() == TypeKind::kDecimal, "{} is not a decimal type", type.toString());
  return static_cast<const DecimalType&>(type);
}

const StringType& asString(const Type& type) {
  PRESTO_CHECK(type.kind() == TypeKind::kVarchar || type.kind() == TypeKind::kChar, "{} is not varchar or char",
      type.toString());
  return static_cast<const StringType&>(type);
}

const RowType& asRow(const Type& type) {
  PRESTO_CHECK(type.kind() == TypeKind::kRow, "{} is not a row type", type.toString());
  return static_cast<const RowType&>(type);
}

} // namespace presto
