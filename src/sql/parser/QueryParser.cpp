#include "sql/parser/Parser.h"

namespace presto::sql {

bool Parser::isQueryStart(const Token& token) const {
  return token.isWord("SELECT") || token.isWord("VALUES") || token.isWord("TABLE") ||
      token.isWord("WITH");
}

bool Parser::isParenthesizedQueryAhead(size_t ahead) const {
  if (!tokens_.peek(ahead).isSymbol("(")) {
    return false;
  }
  while (tokens_.peek(ahead).isSymbol("(")) {
    ++ahead;
  }
  return isQueryStart(tokens_.peek(ahead));
}

bool Parser::isQueryContinuation() const {
  const Token& token = tokens_.current();
  return token.isWord("UNION") || token.isWord("INTERSECT") || token.isWord("EXCEPT") ||
      token.isWord("ORDER") || token.isWord("OFFSET") || token.isWord("LIMIT") ||
      token.isWord("FETCH");
}

QueryPtr Parser::parseQuery() {
  NestingGuard guard(*this, kRecursionCost);
  const Token& start = tokens_.current();
  if (!isQueryStart(start) && !start.isSymbol("(")) {
    tokens_.expecting("<query>");
    tokens_.failMismatch();
  }
  SourceLocation location = start.location;
  WithPtr with;
  if (tokens_.current().isWord("WITH")) {
    with = parseWith();
  }
  return parseQueryAfterWith(location, std::move(with));
}

QueryPtr Parser::parseQueryAfterWith(SourceLocation location, WithPtr with) {
  return finishQuery(location, std::move(with), parseQueryTerm());
}

QueryPtr Parser::finishQuery(SourceLocation location, WithPtr with, QueryBodyPtr body) {
  std::vector<SortItemPtr> orderBy;
  if (tokens_.acceptWord("ORDER")) {
    tokens_.expectWord("BY");
    orderBy = parseSortItems();
  }
  OffsetPtr offset;
  if (tokens_.checkWord("OFFSET")) {
    offset = parseOffset();
  }
  NodePtr limit;
  if (tokens_.checkWord("LIMIT") || tokens_.checkWord("FETCH")) {
    limit = parseLimitOrFetch();
  }
  auto query = make<Query>(location);
  query->with = std::move(with);
  if (body->is<QuerySpecification>() && (!orderBy.empty() || offset || limit)) {
    // As in Presto, ORDER BY, OFFSET and LIMIT of a plain SELECT belong to the SELECT block.
    const auto& original = body->as<QuerySpecification>();
    auto specification = make<QuerySpecification>(original.location);
    specification->select = original.select;
    specification->from = original.from;
    specification->where = original.where;
    specification->groupBy = original.groupBy;
    specification->having = original.having;
    specification->windows = original.windows;
    specification->orderBy = std::move(orderBy);
    specification->offset = std::move(offset);
    specification->limit = std::move(limit);
    query->body = std::move(specification);
    return query;
  }
  query->body = std::move(body);
  query->orderBy = std::move(orderBy);
  query->offset = std::move(offset);
  query->limit = std::move(limit);
  return query;
}

WithPtr Parser::parseWith() {
  auto with = make<With>(tokens_.advance().location);
  with->recursive = tokens_.acceptWord("RECURSIVE");
  do {
    auto withQuery = make<WithQuery>(tokens_.current().location);
    withQuery->name = parseIdentifier();
    if (tokens_.checkSymbol("(")) {
      withQuery->columnNames = parseIdentifierList();
    }
    tokens_.expectWord("AS");
    tokens_.expectSymbol("(");
    withQuery->query = parseQuery();
    tokens_.expectSymbol(")");
    with->queries.push_back(std::move(withQuery));
  } while (tokens_.acceptSymbol(","));
  return with;
}

QueryBodyPtr Parser::parseQueryTerm() {
  return continueQueryTerm(parseIntersectTerm());
}

QueryBodyPtr Parser::continueQueryTerm(QueryBodyPtr left) {
  NestingGuard guard(*this, 0);
  left = continueIntersectTerm(std::move(left), guard);
  while (true) {
    SetOperation::Operator op;
    if (tokens_.acceptWord("UNION")) {
      op = SetOperation::Operator::kUnion;
    } else if (tokens_.acceptWord("EXCEPT")) {
      op = SetOperation::Operator::kExcept;
    } else {
      return left;
    }
    guard.addLink();
    auto node = make<SetOperation>(left->location);
    node->op = op;
    if (tokens_.acceptWord("ALL")) {
      node->distinct = false;
    } else {
      tokens_.acceptWord("DISTINCT");
    }
    node->left = std::move(left);
    node->right = parseIntersectTerm();
    left = std::move(node);
  }
}

QueryBodyPtr Parser::parseIntersectTerm() {
  NestingGuard guard(*this, 0);
  return continueIntersectTerm(parseQueryPrimary(), guard);
}

QueryBodyPtr Parser::continueIntersectTerm(QueryBodyPtr left, NestingGuard& guard) {
  while (tokens_.acceptWord("INTERSECT")) {
    guard.addLink();
    auto node = make<SetOperation>(left->location);
    node->op = SetOperation::Operator::kIntersect;
    if (tokens_.acceptWord("ALL")) {
      node->distinct = false;
    } else {
      tokens_.acceptWord("DISTINCT");
    }
    node->left = std::move(left);
    node->right = parseQueryPrimary();
    left = std::move(node);
  }
  return left;
}

QueryBodyPtr Parser::parseQueryPrimary() {
  const Token& token = tokens_.current();
  if (tokens_.checkWord("SELECT")) {
    return parseQuerySpecification();
  }
  if (tokens_.checkWord("VALUES")) {
    auto values = make<Values>(tokens_.advance().location);
    values->rows = parseExpressionList();
    return values;
  }
  if (tokens_.checkWord("TABLE")) {
    auto table = make<Table>(tokens_.advance().location);
    table->name = parseQualifiedName();
    return table;
  }
  if (tokens_.checkSymbol("(")) {
    tokens_.advance();
    auto subquery = make<TableSubquery>(token.location);
    subquery->query = parseQuery();
    tokens_.expectSymbol(")");
    return subquery;
  }
  tokens_.failMismatch();
}

QueryBodyPtr Parser::parseQuerySpecification() {
  auto specification = make<QuerySpecification>(tokens_.current().location);
  auto select = make<Select>(tokens_.advance().location);
  if (tokens_.acceptWord("DISTINCT")) {
    select->distinct = true;
  } else {
    tokens_.acceptWord("ALL");
  }
  do {
    select->selectItems.push_back(parseSelectItem());
  } while (tokens_.acceptSymbol(","));
  specification->select = std::move(select);
  if (tokens_.acceptWord("FROM")) {
    NestingGuard guard(*this, 0);
    RelationPtr from = parseRelation();
    while (tokens_.checkSymbol(",")) {
      guard.addLink();
      auto join = make<Join>(from->location);
      tokens_.advance();
      join->type = Join::Type::kImplicit;
      join->left = std::move(from);
      join->right = parseRelation();
      from = std::move(join);
    }
    specification->from = std::move(from);
  }
  if (tokens_.acceptWord("WHERE")) {
    specification->where = parseExpression();
  }
  if (tokens_.checkWord("GROUP")) {
    specification->groupBy = parseGroupBy();
  }
  if (tokens_.acceptWord("HAVING")) {
    specification->having = parseExpression();
  }
  if (tokens_.checkWord("WINDOW")) {
    specification->windows = parseWindowDefinitions();
  }
  return specification;
}

SelectItemPtr Parser::parseSelectItem() {
  const Token& start = tokens_.current();
  if (tokens_.acceptSymbol("*")) {
    return make<AllColumns>(start.location);
  }
  // `a.b.*`: a dotted name followed by `.*`.
  size_t ahead = 0;
  while ((tokens_.peek(ahead).type == TokenType::kWord && !tokens_.peek(ahead).reserved) ||
         tokens_.peek(ahead).type == TokenType::kQuotedIdentifier) {
    if (!tokens_.peek(ahead + 1).isSymbol(".")) {
      break;
    }
    if (tokens_.peek(ahead + 2).isSymbol("*")) {
      auto allColumns = make<AllColumns>(start.location);
      ExpressionPtr prefix = parseIdentifier();
      while (!tokens_.peek(1).isSymbol("*")) {
        tokens_.advance();
        auto dereference = make<Dereference>(prefix->location);
        dereference->base = std::move(prefix);
        dereference->field = parseIdentifier();
        prefix = std::move(dereference);
      }
      tokens_.advance();
      tokens_.advance();
      allColumns->prefix = std::move(prefix);
      return allColumns;
    }
    ahead += 2;
  }
  auto column = make<SingleColumn>(start.location);
  column->expression = parseExpression();
  if (tokens_.acceptWord("AS")) {
    column->alias = parseIdentifier();
  } else if (isImplicitAliasStart()) {
    column->alias = parseIdentifier();
  }
  return column;
}

std::shared_ptr<const GroupBy> Parser::parseGroupBy() {
  auto groupBy = make<GroupBy>(tokens_.advance().location);
  tokens_.expectWord("BY");
  if (tokens_.acceptWord("DISTINCT")) {
    groupBy->distinct = true;
  } else {
    tokens_.acceptWord("ALL");
  }
  do {
    groupBy->groupingElements.push_back(parseGroupingElement());
  } while (tokens_.acceptSymbol(","));
  return groupBy;
}

GroupingElementPtr Parser::parseGroupingElement() {
  const Token& token = tokens_.current();
  if (tokens_.checkWord("ROLLUP") || tokens_.checkWord("CUBE")) {
    bool rollup = token.isWord("ROLLUP");
    tokens_.advance();
    tokens_.expectSymbol("(");
    std::vector<ExpressionPtr> expressions;
    if (!tokens_.acceptSymbol(")")) {
      expressions = parseExpressionList();
      tokens_.expectSymbol(")");
    }
    if (rollup) {
      auto node = make<Rollup>(token.location);
      node->expressions = std::move(expressions);
      return node;
    }
    auto node = make<Cube>(token.location);
    node->expressions = std::move(expressions);
    return node;
  }
  if (tokens_.checkWord("GROUPING") && tokens_.peek(1).isWord("SETS")) {
    auto node = make<GroupingSets>(token.location);
    tokens_.advance();
    tokens_.advance();
    tokens_.expectSymbol("(");
    do {
      node->sets.push_back(parseGroupingSet());
    } while (tokens_.acceptSymbol(","));
    tokens_.expectSymbol(")");
    return node;
  }
  auto node = make<SimpleGroupBy>(token.location);
  node->expressions = parseGroupingSet();
  return node;
}

std::vector<ExpressionPtr> Parser::parseGroupingSet() {
  const Token& start = tokens_.current();
  if (start.isSymbol("(") && tokens_.peek(1).isSymbol(")")) {
    tokens_.advance();
    tokens_.advance();
    return {};
  }
  // `(a, b)` reads as a row constructor; written with bare parentheses at the top of a grouping
  // element it is a grouping set of its items, as in Presto's grammar.
  ExpressionPtr expression = parseExpression();
  if (start.isSymbol("(") && expression->is<Row>() && expression->location == start.location) {
    return expression->as<Row>().items;
  }
  return {expression};
}

std::vector<WindowDefinitionPtr> Parser::parseWindowDefinitions() {
  tokens_.advance();
  std::vector<WindowDefinitionPtr> definitions;
  do {
    auto definition = make<WindowDefinition>(tokens_.current().location);
    definition->name = parseIdentifier();
    tokens_.expectWord("AS");
    if (!tokens_.checkSymbol("(")) {
      tokens_.failMismatch();
    }
    definition->window = parseWindowSpecification();
    definitions.push_back(std::move(definition));
  } while (tokens_.acceptSymbol(","));
  return definitions;
}

OffsetPtr Parser::parseOffset() {
  auto offset = make<Offset>(tokens_.advance().location);
  offset->rowCount = parseRowCount();
  if (!tokens_.acceptWord("ROWS")) {
    tokens_.acceptWord("ROW");
  }
  return offset;
}

NodePtr Parser::parseLimitOrFetch() {
  const Token& token = tokens_.advance();
  if (token.isWord("LIMIT")) {
    auto limit = make<Limit>(token.location);
    if (!tokens_.acceptWord("ALL")) {
      limit->rowCount = parseRowCount();
    }
    return limit;
  }
  auto fetch = make<FetchFirst>(token.location);
  if (!tokens_.acceptWord("FIRST")) {
    tokens_.expectWord("NEXT");
  }
  if (tokens_.current().type == TokenType::kInteger ||
      tokens_.current().type == TokenType::kParameter) {
    fetch->rowCount = parseRowCount();
  }
  if (!tokens_.acceptWord("ROWS")) {
    tokens_.expectWord("ROW");
  }
  if (tokens_.acceptWord("WITH")) {
    tokens_.expectWord("TIES");
    fetch->withTies = true;
  } else {
    tokens_.expectWord("ONLY");
  }
  return fetch;
}

ExpressionPtr Parser::parseRowCount() {
  const Token& token = tokens_.current();
  if (token.type == TokenType::kInteger) {
    return parseNumber();
  }
  if (token.type == TokenType::kParameter) {
    return parsePrimary();
  }
  tokens_.expecting("<integer>");
  tokens_.expecting("'?'");
  tokens_.failMismatch();
}

} // namespace presto::sql
