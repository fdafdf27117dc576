#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sql/parser/TokenCursor.h"
#include "sql/parser/ast/Ast.h"

namespace presto::sql {

/// The recursive-descent parser behind parseStatement and parseExpression. One instance parses one
/// text. The grammar is split over several files by family: statements (StatementParser.cpp),
/// DDL and DML (DataDefinitionParser.cpp), queries (QueryParser.cpp), relations
/// (RelationParser.cpp), operator expressions (ExpressionParser.cpp), primary expressions
/// (PrimaryExpressionParser.cpp), function calls and windows (FunctionCallParser.cpp) and types
/// (TypeParser.cpp).
class Parser {
 public:
  explicit Parser(std::string_view sql);

  /// A statement followed by the end of input.
  StatementPtr parseSingleStatement();
  /// An expression followed by the end of input.
  ExpressionPtr parseStandaloneExpression();

 private:
  /// Bounds how deeply the parser recurses and how deep the resulting tree is, so hostile input
  /// yields a syntax error instead of a stack overflow (in the parser, the formatter or the
  /// tree's destructor). Each recursion into an expression, query, parenthesized relation or
  /// nested statement costs kRecursionCost; each unary operator, type level and link of an
  /// operator or join chain (`a + b + c ...`) costs one. About 250 levels of parentheses fit.
  class NestingGuard {
   public:
    NestingGuard(Parser& parser, int32_t cost);
    ~NestingGuard() { parser_.depth_ -= cost_; }
    NestingGuard(const NestingGuard&) = delete;
    NestingGuard& operator=(const NestingGuard&) = delete;
    /// Adds one chain link to this guard's cost.
    void addLink();

   private:
    Parser& parser_;
    int32_t cost_;
  };

  static constexpr int32_t kMaxNestingDepth = 1000;
  static constexpr int32_t kRecursionCost = 4;

  template <typename T>
  std::shared_ptr<T> make(SourceLocation location) {
    auto node = std::make_shared<T>();
    node->location = location;
    return node;
  }

  // StatementParser.cpp
  StatementPtr parseStatementBody();
  StatementPtr parseExplain();
  StatementPtr parseShow();
  StatementPtr parseDescribe();
  StatementPtr parseUse();
  StatementPtr parseSessionStatement();
  StatementPtr parsePrepare();
  StatementPtr parseExecute();
  StatementPtr parseDeallocate();
  StatementPtr parseStartTransaction();
  StatementPtr parseCall();
  LikeFilter parseLikeFilter();

  // DataDefinitionParser.cpp
  StatementPtr parseCreate();
  StatementPtr parseCreateTable(SourceLocation location);
  StatementPtr parseCreateView(SourceLocation location, bool replace);
  StatementPtr parseDrop();
  StatementPtr parseAlter();
  StatementPtr parseInsert();
  StatementPtr parseDelete();
  StatementPtr parseUpdate();
  StatementPtr parseAnalyze();
  ColumnDefinitionPtr parseColumnDefinition();
  std::vector<PropertyPtr> parseProperties();
  bool parseIfNotExists();
  bool parseIfExists();

  // QueryParser.cpp
  QueryPtr parseQuery();
  QueryPtr parseQueryAfterWith(SourceLocation location, WithPtr with);
  QueryPtr finishQuery(SourceLocation location, WithPtr with, QueryBodyPtr body);
  WithPtr parseWith();
  QueryBodyPtr parseQueryTerm();
  QueryBodyPtr continueQueryTerm(QueryBodyPtr left);
  QueryBodyPtr parseIntersectTerm();
  QueryBodyPtr continueIntersectTerm(QueryBodyPtr left, NestingGuard& guard);
  QueryBodyPtr parseQueryPrimary();
  QueryBodyPtr parseQuerySpecification();
  SelectItemPtr parseSelectItem();
  std::shared_ptr<const GroupBy> parseGroupBy();
  GroupingElementPtr parseGroupingElement();
  std::vector<ExpressionPtr> parseGroupingSet();
  std::vector<WindowDefinitionPtr> parseWindowDefinitions();
  std::vector<SortItemPtr> parseSortItems();
  OffsetPtr parseOffset();
  NodePtr parseLimitOrFetch();
  ExpressionPtr parseRowCount();
  bool isQueryStart(const Token& token) const;
  bool isQueryContinuation() const;
  /// Whether the tokens from `ahead` on are some '(' followed by the start of a query.
  bool isParenthesizedQueryAhead(size_t ahead) const;

  // RelationParser.cpp
  RelationPtr parseRelation();
  RelationPtr parseSampledRelation();
  RelationPtr parseAliasedRelation();
  RelationPtr parseRelationPrimary();
  RelationPtr parseParenthesizedRelation();
  bool isImplicitAliasStart();

  // ExpressionParser.cpp
  ExpressionPtr parseExpression();
  ExpressionPtr parseOr();
  ExpressionPtr parseAnd();
  ExpressionPtr parseNot();
  ExpressionPtr parsePredicated();
  ExpressionPtr parseComparisonTail(ExpressionPtr left);
  ExpressionPtr parseIsTail(ExpressionPtr value);
  ExpressionPtr parseNegatablePredicate(ExpressionPtr value, bool negated);
  ExpressionPtr parseValueExpression();
  ExpressionPtr parseAdditive();
  ExpressionPtr parseMultiplicative();
  /// One left-associative level of binary arithmetic: operands from `parseOperand`, joined by
  /// any of `operators` (symbol and operator).
  ExpressionPtr parseArithmeticLevel(
      std::initializer_list<std::pair<std::string_view, ArithmeticBinary::Operator>> operators,
      ExpressionPtr (Parser::*parseOperand)());
  ExpressionPtr parseUnary();
  ExpressionPtr parseAtTimeZone();
  ExpressionPtr parsePostfix();
  std::vector<ExpressionPtr> parseExpressionList();

  // PrimaryExpressionParser.cpp
  ExpressionPtr parsePrimary();
  ExpressionPtr parseReservedWordPrimary();
  ExpressionPtr parseWordPrimary();
  ExpressionPtr parseParenthesized();
  ExpressionPtr parseNumber();
  ExpressionPtr parseStringLiteral();
  ExpressionPtr parseIntervalLiteral();
  ExpressionPtr parseCase();
  ExpressionPtr parseCast(bool safe);
  ExpressionPtr parseExtract();
  ExpressionPtr parseCurrentTime(CurrentTime::Function function);
  ExpressionPtr parseArrayConstructor();
  ExpressionPtr parseRowConstructor();
  ExpressionPtr parseLambda();
  ExpressionPtr parseExists();
  ExpressionPtr parseSubqueryInParentheses();
  IntervalLiteral::Field parseIntervalField();
  bool isLambdaAhead() const;

  // FunctionCallParser.cpp
  ExpressionPtr parseFunctionCall();
  ExpressionPtr parseGroupingOperation();
  ExpressionPtr parsePosition();
  /// NORMALIZE(s[, NFC|NFD|NFKC|NFKD]): a call of normalize with the form as a string.
  ExpressionPtr parseNormalize();
  ExpressionPtr toSpecialForm(const std::shared_ptr<FunctionCall>& call);
  WindowSpecificationPtr parseWindowSpecification();
  WindowFramePtr parseWindowFrame();
  FrameBoundPtr parseFrameBound();
  SortItemPtr parseSortItem();
  bool isFunctionCallAhead() const;

  // TypeParser.cpp
  std::string parseType();
  std::string parseRowType();
  std::string parseTypeParameters(std::string base);

  // Parser.cpp
  IdentifierPtr parseIdentifier();
  QualifiedName parseQualifiedName();
  std::vector<IdentifierPtr> parseIdentifierList();
  std::string parseStringValue();
  int32_t parseIntegerValue();
  void expectEnd();

  TokenCursor tokens_;
  int32_t depth_ = 0;
  int32_t parameterCount_ = 0;
};

} // namespace presto::sql
