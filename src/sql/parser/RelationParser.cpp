#include "sql/parser/Parser.h"

namespace presto::sql {

bool Parser::isImplicitAliasStart() {
  // Non-reserved words that start a following clause are not taken as aliases without AS.
  const Token& token = tokens_.current();
  if (token.isWord("LIMIT") || token.isWord("OFFSET") || token.isWord("FETCH") ||
      token.isWord("WINDOW") || token.isWord("TABLESAMPLE")) {
    tokens_.expecting("<identifier>");
    return false;
  }
  return tokens_.checkIdentifier();
}

RelationPtr Parser::parseRelation() {
  NestingGuard guard(*this, 0);
  RelationPtr left = parseSampledRelation();
  while (true) {
    auto join = make<Join>(left->location);
    if (tokens_.acceptWord("CROSS")) {
      tokens_.expectWord("JOIN");
      join->type = Join::Type::kCross;
    } else {
      join->natural = tokens_.acceptWord("NATURAL");
      if (tokens_.acceptWord("INNER")) {
        join->type = Join::Type::kInner;
      } else if (tokens_.acceptWord("LEFT")) {
        join->type = Join::Type::kLeft;
        tokens_.acceptWord("OUTER");
      } else if (tokens_.acceptWord("RIGHT")) {
        join->type = Join::Type::kRight;
        tokens_.acceptWord("OUTER");
      } else if (tokens_.acceptWord("FULL")) {
        join->type = Join::Type::kFull;
        tokens_.acceptWord("OUTER");
      } else if (!join->natural && !tokens_.checkWord("JOIN")) {
        return left;
      }
      tokens_.expectWord("JOIN");
    }
    guard.addLink();
    join->left = std::move(left);
    join->right = parseSampledRelation();
    if (join->type != Join::Type::kCross && !join->natural) {
      if (tokens_.acceptWord("ON")) {
        join->condition = parseExpression();
      } else if (tokens_.acceptWord("USING")) {
        join->usingColumns = parseIdentifierList();
      } else {
        tokens_.failMismatch();
      }
    }
    left = std::move(join);
  }
}

RelationPtr Parser::parseSampledRelation() {
  RelationPtr relation = parseAliasedRelation();
  if (!tokens_.acceptWord("TABLESAMPLE")) {
    return relation;
  }
  auto sampled = make<SampledRelation>(relation->location);
  if (tokens_.acceptWord("BERNOULLI")) {
    sampled->type = SampledRelation::Type::kBernoulli;
  } else if (tokens_.acceptWord("SYSTEM")) {
    sampled->type = SampledRelation::Type::kSystem;
  } else {
    tokens_.failMismatch();
  }
  sampled->relation = std::move(relation);
  tokens_.expectSymbol("(");
  sampled->samplePercentage = parseExpression();
  tokens_.expectSymbol(")");
  return sampled;
}

RelationPtr Parser::parseAliasedRelation() {
  RelationPtr relation = parseRelationPrimary();
  IdentifierPtr alias;
  if (tokens_.acceptWord("AS")) {
    alias = parseIdentifier();
  } else if (isImplicitAliasStart()) {
    alias = parseIdentifier();
  } else {
    return relation;
  }
  auto aliased = make<AliasedRelation>(relation->location);
  aliased->relation = std::move(relation);
  aliased->alias = std::move(alias);
  if (tokens_.checkSymbol("(")) {
    aliased->columnNames = parseIdentifierList();
  }
  return aliased;
}

RelationPtr Parser::parseRelationPrimary() {
  const Token& token = tokens_.current();
  if (tokens_.checkSymbol("(")) {
    return parseParenthesizedRelation();
  }
  if (tokens_.checkWord("UNNEST")) {
    auto unnest = make<Unnest>(tokens_.advance().location);
    tokens_.expectSymbol("(");
    unnest->expressions = parseExpressionList();
    tokens_.expectSymbol(")");
    if (tokens_.checkWord("WITH") && tokens_.peek(1).isWord("ORDINALITY")) {
      tokens_.advance();
      tokens_.advance();
      unnest->withOrdinality = true;
    }
    return unnest;
  }
  if (tokens_.checkWord("LATERAL") && tokens_.peek(1).isSymbol("(")) {
    auto lateral = make<Lateral>(tokens_.advance().location);
    tokens_.advance();
    lateral->query = parseQuery();
    tokens_.expectSymbol(")");
    return lateral;
  }
  if (!tokens_.checkIdentifier()) {
    tokens_.failMismatch();
  }
  auto table = make<Table>(token.location);
  table->name = parseQualifiedName();
  return table;
}

RelationPtr Parser::parseParenthesizedRelation() {
  SourceLocation location = tokens_.advance().location;
  NestingGuard guard(*this, kRecursionCost);
  if (isQueryStart(tokens_.current())) {
    auto subquery = make<TableSubquery>(location);
    subquery->query = parseQuery();
    tokens_.expectSymbol(")");
    return subquery;
  }
  tokens_.expecting("<query>");
  RelationPtr relation = parseRelation();
  // `((SELECT ...) UNION ...)` in FROM: the inner subquery starts a longer query.
  if (relation->is<TableSubquery>() && isQueryContinuation()) {
    auto subquery = make<TableSubquery>(location);
    auto left = std::static_pointer_cast<const QueryBody>(relation);
    subquery->query = finishQuery(relation->location, nullptr, continueQueryTerm(std::move(left)));
    tokens_.expectSymbol(")");
    return subquery;
  }
  tokens_.expectSymbol(")");
  return relation;
}

} // namespace presto::sql
