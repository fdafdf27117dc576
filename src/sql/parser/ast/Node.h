#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "common/PrestoException.h"

namespace presto::sql {

/// Every kind of AST node. Each node class has exactly one kind, so `switch (node.kind())` plus
/// `node.as<T>()` is the way to dispatch on nodes.
enum class NodeKind : uint8_t {
  // Expressions.
  kIdentifier,
  kDereference,
  kParameter,
  kNullLiteral,
  kBooleanLiteral,
  kLongLiteral,
  kDecimalLiteral,
  kDoubleLiteral,
  kStringLiteral,
  kBinaryLiteral,
  kGenericLiteral,
  kIntervalLiteral,
  kArithmeticBinary,
  kArithmeticUnary,
  kComparison,
  kLogicalBinary,
  kNot,
  kIsNull,
  kBetween,
  kLike,
  kIn,
  kInList,
  kExists,
  kQuantifiedComparison,
  kSubquery,
  kSimpleCase,
  kSearchedCase,
  kWhenClause,
  kIf,
  kCoalesce,
  kNullIf,
  kTry,
  kCast,
  kExtract,
  kAtTimeZone,
  kCurrentTime,
  kArrayConstructor,
  kRow,
  kSubscript,
  kLambda,
  kFunctionCall,
  // Ordering and windows.
  kSortItem,
  kWindowSpecification,
  kWindowFrame,
  kFrameBound,
  // Queries and relations.
  kQuery,
  kWith,
  kWithQuery,
  kQuerySpecification,
  kSelect,
  kSingleColumn,
  kAllColumns,
  kGroupBy,
  kSimpleGroupBy,
  kGroupingSets,
  kRollup,
  kCube,
  kWindowDefinition,
  kOffset,
  kLimit,
  kFetchFirst,
  kSetOperation,
  kValues,
  kTableSubquery,
  kTable,
  kAliasedRelation,
  kSampledRelation,
  kJoin,
  kUnnest,
  kLateral,
  // Statements.
  kExplain,
  kExplainOption,
  kShowCatalogs,
  kShowSchemas,
  kShowTables,
  kShowColumns,
  kShowFunctions,
  kShowSession,
  kShowCreate,
  kShowStats,
  kUse,
  kSetSession,
  kResetSession,
  kCreateSchema,
  kDropSchema,
  kCreateTable,
  kColumnDefinition,
  kProperty,
  kCreateTableAsSelect,
  kInsert,
  kDelete,
  kUpdate,
  kUpdateAssignment,
  kDropTable,
  kDropView,
  kRenameTable,
  kAddColumn,
  kDropColumn,
  kRenameColumn,
  kCreateView,
  kPrepare,
  kExecute,
  kDeallocate,
  kDescribeInput,
  kDescribeOutput,
  kStartTransaction,
  kTransactionMode,
  kCommit,
  kRollback,
  kAnalyze,
  kCall,
  kCallArgument,
};

/// The base of all AST nodes. A node knows its kind and the location of its first token; its
/// children are shared pointers to const nodes, so a parsed tree is immutable and cheap to share.
class Node {
 public:
  virtual ~Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  NodeKind kind() const { return kind_; }

  /// Deep structural equality that ignores source locations: two trees are equal when they
  /// describe the same SQL, wherever it was written.
  virtual bool equals(const Node& other) const = 0;

  template <typename T>
  bool is() const {
    return kind_ == T::kKind;
  }

  /// The node as its concrete class. REQUIRES: is<T>().
  template <typename T>
  const T& as() const {
    return static_cast<const T&>(*this);
  }

  /// 1-based line and column of the node's first token.
  SourceLocation location;

 protected:
  explicit Node(NodeKind kind) : kind_(kind) {}

 private:
  NodeKind kind_;
};

using NodePtr = std::shared_ptr<const Node>;

// Deep equality over the field types nodes use: node pointers compare their targets, containers
// compare element-wise, anything else with ==. All overloads are declared before any is defined
// because they call each other.
template <typename T>
bool deepEqual(const std::shared_ptr<const T>& left, const std::shared_ptr<const T>& right);
template <typename T>
bool deepEqual(const std::vector<T>& left, const std::vector<T>& right);
template <typename T>
bool deepEqual(const std::optional<T>& left, const std::optional<T>& right);
template <typename T>
bool deepEqual(const T& left, const T& right);

template <typename T>
bool deepEqual(const std::shared_ptr<const T>& left, const std::shared_ptr<const T>& right) {
  if (left == nullptr || right == nullptr) {
    return left == right;
  }
  return left->equals(*right);
}

template <typename T>
bool deepEqual(const std::vector<T>& left, const std::vector<T>& right) {
  if (left.size() != right.size()) {
    return false;
  }
  for (size_t i = 0; i < left.size(); ++i) {
    if (!deepEqual(left[i], right[i])) {
      return false;
    }
  }
  return true;
}

template <typename T>
bool deepEqual(const std::optional<T>& left, const std::optional<T>& right) {
  if (!left.has_value() || !right.has_value()) {
    return left.has_value() == right.has_value();
  }
  return deepEqual(*left, *right);
}

template <typename T>
bool deepEqual(const T& left, const T& right) {
  return left == right;
}

/// Compares two `std::tie` tuples of node fields with deepEqual.
template <typename... Fields>
bool fieldsEqual(const std::tuple<Fields...>& left, const std::tuple<Fields...>& right) {
  return [&]<size_t... I>(std::index_sequence<I...>) {
    return (deepEqual(std::get<I>(left), std::get<I>(right)) && ...);
  }(std::index_sequence_for<Fields...>{});
}

/// Base for concrete node classes: fixes the kind and derives equals() from the class's
/// `fields()`, a `std::tie` of every field that belongs to the node's meaning. Adding a field to a
/// node means adding it to `fields()` too.
template <typename Derived, typename Base, NodeKind kNodeKind>
class NodeOf : public Base {
 public:
  static constexpr NodeKind kKind = kNodeKind;

  NodeOf() : Base(kNodeKind) {}

  bool equals(const Node& other) const override {
    return other.kind() == kNodeKind &&
        fieldsEqual(
               static_cast<const Derived&>(*this).fields(),
               static_cast<const Derived&>(other).fields());
  }
};

} // namespace presto::sql
