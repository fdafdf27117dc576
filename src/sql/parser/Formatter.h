#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sql/parser/SqlFormatter.h"

namespace presto::sql {

/// The AST printer behind formatSql. It appends to one string; expression printing lives in
/// ExpressionFormatter.cpp, queries and relations in QueryFormatter.cpp, other statements in
/// StatementFormatter.cpp.
class Formatter {
 public:
  explicit Formatter(FormatOptions options) : options_(options) {}

  /// Appends any node.
  void node(const Node& node);
  std::string release() { return std::move(out_); }

 private:
  // Layout.
  void append(std::string_view text) { out_ += text; }
  /// A line break at the current indentation, or a space on one line.
  void newline();
  /// `(` and the start of an indented block, and its end with `)`.
  void openBlock();
  void closeBlock();

  template <typename T, typename Function>
  void list(const std::vector<T>& items, Function&& printItem, std::string_view separator = ", ") {
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) {
        append(separator);
      }
      printItem(items[i]);
    }
  }

  // ExpressionFormatter.cpp
  void expression(const Expression& expression);
  void expressions(const std::vector<ExpressionPtr>& expressions);
  void identifier(const Identifier& identifier);
  void qualifiedName(const QualifiedName& name);
  void stringLiteral(std::string_view value);
  void doubleLiteral(double value);
  void postfixBase(const Expression& base);
  void functionCall(const FunctionCall& call);
  void functionArgument(const Expression& argument);
  void window(const WindowSpecification& window);
  void frameBound(const FrameBound& bound);
  void sortItems(const std::vector<SortItemPtr>& items);
  void sortItem(const SortItem& item);
  void unary(const ArithmeticUnary& unary);

  /// A binary operator node seen uniformly: its operator group (0 for anything that is not a
  /// binary operator), operator text and operands. Comparisons never chain, so their group is
  /// unique to each node.
  struct BinaryView {
    int32_t group = 0;
    std::string_view op;
    const Expression* left = nullptr;
    const Expression* right = nullptr;
  };
  static constexpr int32_t kAdditiveGroup = 1;
  static constexpr int32_t kMultiplicativeGroup = 2;
  static constexpr int32_t kAndGroup = 3;
  static constexpr int32_t kOrGroup = 4;
  static constexpr int32_t kConcatenationGroup = 5;
  static constexpr int32_t kComparisonGroup = -1;
  static BinaryView binaryView(const Expression& node);
  /// Prints a binary operator node in parentheses.
  void binary(const Expression& node);
  void binaryOperands(const Expression& node);

  // QueryFormatter.cpp
  void query(const Query& query);
  void with(const With& with);
  void queryBody(const QueryBody& body);
  void querySpecification(const QuerySpecification& specification);
  void orderByOffsetLimit(
      const std::vector<SortItemPtr>& orderBy, const OffsetPtr& offset, const NodePtr& limit);
  void selectItem(const SelectItem& item);
  void groupBy(const GroupBy& groupBy);
  void groupingSet(const std::vector<ExpressionPtr>& set);
  void relation(const Relation& relation);
  void join(const Join& join);
  /// A relation in a position where only a primary relation may stand; adds parentheses to
  /// anything else.
  void relationOperand(const Relation& relation, bool parenthesize);
  void rowCount(const ExpressionPtr& count);

  // StatementFormatter.cpp
  void statement(const Statement& statement);
  void likeFilter(const LikeFilter& filter);
  void properties(const std::vector<PropertyPtr>& properties);
  void columnDefinition(const ColumnDefinition& column);
  void identifierList(const std::vector<IdentifierPtr>& identifiers);
  void ifExists(bool exists);
  void ifNotExists(bool notExists);

  FormatOptions options_;
  std::string out_;
  int32_t indent_ = 0;
};

} // namespace presto::sql
