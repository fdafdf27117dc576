#include "common/Check.h"
#include "sql/parser/Formatter.h"

namespace presto::sql {

void Formatter::query(const Query& node) {
  if (node.with != nullptr) {
    with(*node.with);
    newline();
  }
  queryBody(*node.body);
  orderByOffsetLimit(node.orderBy, node.offset, node.limit);
}

void Formatter::with(const With& node) {
  append(node.recursive ? "WITH RECURSIVE " : "WITH ");
  list(node.queries, [&](const WithQueryPtr& withQuery) {
    identifier(*withQuery->name);
    if (!withQuery->columnNames.empty()) {
      out_ += ' ';
      identifierList(withQuery->columnNames);
    }
    append(" AS ");
    openBlock();
    query(*withQuery->query);
    closeBlock();
  });
}

void Formatter::orderByOffsetLimit(
    const std::vector<SortItemPtr>& orderBy, const OffsetPtr& offset, const NodePtr& limit) {
  if (!orderBy.empty()) {
    newline();
    append("ORDER BY ");
    sortItems(orderBy);
  }
  if (offset != nullptr) {
    newline();
    append("OFFSET ");
    rowCount(offset->rowCount);
    append(" ROWS");
  }
  if (limit == nullptr) {
    return;
  }
  newline();
  if (limit->is<Limit>()) {
    append("LIMIT ");
    if (limit->as<Limit>().rowCount == nullptr) {
      append("ALL");
    } else {
      rowCount(limit->as<Limit>().rowCount);
    }
    return;
  }
  const auto& fetch = limit->as<FetchFirst>();
  append("FETCH FIRST ");
  if (fetch.rowCount != nullptr) {
    rowCount(fetch.rowCount);
    out_ += ' ';
  }
  append(fetch.withTies ? "ROWS WITH TIES" : "ROWS ONLY");
}

void Formatter::rowCount(const ExpressionPtr& count) {
  expression(*count);
}

void Formatter::queryBody(const QueryBody& body) {
  switch (body.kind()) {
    case NodeKind::kQuerySpecification:
      querySpecification(body.as<QuerySpecification>());
      return;
    case NodeKind::kSetOperation: {
      const auto& operation = body.as<SetOperation>();
      queryBody(*operation.left);
      newline();
      append(
          operation.op == SetOperation::Operator::kUnion         ? "UNION"
              : operation.op == SetOperation::Operator::kIntersect ? "INTERSECT"
                                                                   : "EXCEPT");
      if (!operation.distinct) {
        append(" ALL");
      }
      newline();
      queryBody(*operation.right);
      return;
    }
    case NodeKind::kValues:
      append("VALUES ");
      expressions(body.as<Values>().rows);
      return;
    case NodeKind::kTable:
      append("TABLE ");
      qualifiedName(body.as<Table>().name);
      return;
    case NodeKind::kTableSubquery:
      openBlock();
      query(*body.as<TableSubquery>().query);
      closeBlock();
      return;
    default:
      PRESTO_FAIL("Not a query body: node kind {}", static_cast<int>(body.kind()));
  }
}

void Formatter::querySpecification(const QuerySpecification& node) {
  append(node.select->distinct ? "SELECT DISTINCT " : "SELECT ");
  list(node.select->selectItems, [&](const SelectItemPtr& item) { selectItem(*item); });
  if (node.from != nullptr) {
    newline();
    append("FROM ");
    relation(*node.from);
  }
  if (node.where != nullptr) {
    newline();
    append("WHERE ");
    expression(*node.where);
  }
  if (node.groupBy != nullptr) {
    newline();
    groupBy(*node.groupBy);
  }
  if (node.having != nullptr) {
    newline();
    append("HAVING ");
    expression(*node.having);
  }
  if (!node.windows.empty()) {
    newline();
    append("WINDOW ");
    list(node.windows, [&](const WindowDefinitionPtr& definition) {
      identifier(*definition->name);
      append(" AS ");
      if (definition->window->existingWindowName != nullptr &&
          definition->window->partitionBy.empty() && definition->window->orderBy.empty() &&
          definition->window->frame == nullptr) {
        // `WINDOW w AS (v)` needs its parentheses, which window() drops for a bare name.
        out_ += '(';
        identifier(*definition->window->existingWindowName);
        out_ += ')';
      } else {
        window(*definition->window);
      }
    });
  }
  orderByOffsetLimit(node.orderBy, node.offset, node.limit);
}

void Formatter::selectItem(const SelectItem& item) {
  if (item.is<AllColumns>()) {
    const auto& allColumns = item.as<AllColumns>();
    if (allColumns.prefix != nullptr) {
      expression(*allColumns.prefix);
      out_ += '.';
    }
    out_ += '*';
    return;
  }
  const auto& column = item.as<SingleColumn>();
  expression(*column.expression);
  if (column.alias != nullptr) {
    append(" AS ");
    identifier(*column.alias);
  }
}

void Formatter::groupBy(const GroupBy& node) {
  append(node.distinct ? "GROUP BY DISTINCT " : "GROUP BY ");
  list(node.groupingElements, [&](const GroupingElementPtr& element) {
    switch (element->kind()) {
      case NodeKind::kSimpleGroupBy: {
        const auto& expressionsOfSet = element->as<SimpleGroupBy>().expressions;
        if (expressionsOfSet.size() == 1 && !expressionsOfSet[0]->is<Row>()) {
          expression(*expressionsOfSet[0]);
        } else {
          groupingSet(expressionsOfSet);
        }
        return;
      }
      case NodeKind::kRollup:
        append("ROLLUP ");
        groupingSet(element->as<Rollup>().expressions);
        return;
      case NodeKind::kCube:
        append("CUBE ");
        groupingSet(element->as<Cube>().expressions);
        return;
      case NodeKind::kGroupingSets:
        append("GROUPING SETS (");
        list(element->as<GroupingSets>().sets, [&](const std::vector<ExpressionPtr>& set) {
          groupingSet(set);
        });
        out_ += ')';
        return;
      default:
        PRESTO_FAIL("Not a grouping element: node kind {}", static_cast<int>(element->kind()));
    }
  });
}

void Formatter::groupingSet(const std::vector<ExpressionPtr>& set) {
  out_ += '(';
  expressions(set);
  out_ += ')';
}

void Formatter::relationOperand(const Relation& operand, bool parenthesize) {
  if (parenthesize) {
    out_ += '(';
    relation(operand);
    out_ += ')';
  } else {
    relation(operand);
  }
}

void Formatter::relation(const Relation& node) {
  switch (node.kind()) {
    case NodeKind::kTable:
      qualifiedName(node.as<Table>().name);
      return;
    case NodeKind::kAliasedRelation: {
      const auto& aliased = node.as<AliasedRelation>();
      NodeKind inner = aliased.relation->kind();
      relationOperand(
          *aliased.relation,
          inner == NodeKind::kJoin || inner == NodeKind::kAliasedRelation ||
              inner == NodeKind::kSampledRelation);
      append(" AS ");
      identifier(*aliased.alias);
      if (!aliased.columnNames.empty()) {
        out_ += ' ';
        identifierList(aliased.columnNames);
      }
      return;
    }
    case NodeKind::kSampledRelation: {
      const auto& sampled = node.as<SampledRelation>();
      NodeKind inner = sampled.relation->kind();
      relationOperand(
          *sampled.relation, inner == NodeKind::kJoin || inner == NodeKind::kSampledRelation);
      append(
          sampled.type == SampledRelation::Type::kBernoulli ? " TABLESAMPLE BERNOULLI ("
                                                            : " TABLESAMPLE SYSTEM (");
      expression(*sampled.samplePercentage);
      out_ += ')';
      return;
    }
    case NodeKind::kJoin:
      join(node.as<Join>());
      return;
    case NodeKind::kUnnest: {
      const auto& unnest = node.as<Unnest>();
      append("UNNEST(");
      expressions(unnest.expressions);
      out_ += ')';
      if (unnest.withOrdinality) {
        append(" WITH ORDINALITY");
      }
      return;
    }
    case NodeKind::kLateral:
      append("LATERAL ");
      openBlock();
      query(*node.as<Lateral>().query);
      closeBlock();
      return;
    default:
      queryBody(dynamic_cast<const QueryBody&>(node));
  }
}

void Formatter::join(const Join& node) {
  bool implicit = node.type == Join::Type::kImplicit;
  bool leftIsImplicit = node.left->is<Join>() && node.left->as<Join>().type == Join::Type::kImplicit;
  relationOperand(*node.left, !implicit && leftIsImplicit);
  if (implicit) {
    append(", ");
  } else {
    newline();
    if (node.natural) {
      append("NATURAL ");
    }
    switch (node.type) {
      case Join::Type::kCross:
        append("CROSS JOIN ");
        break;
      case Join::Type::kInner:
        append("INNER JOIN ");
        break;
      case Join::Type::kLeft:
        append("LEFT JOIN ");
        break;
      case Join::Type::kRight:
        append("RIGHT JOIN ");
        break;
      case Join::Type::kFull:
        append("FULL JOIN ");
        break;
      case Join::Type::kImplicit:
        break;
    }
  }
  bool rightIsJoin = node.right->is<Join>();
  bool rightIsImplicit = rightIsJoin && node.right->as<Join>().type == Join::Type::kImplicit;
  relationOperand(*node.right, rightIsJoin && (!implicit || rightIsImplicit));
  if (node.condition != nullptr) {
    append(" ON ");
    expression(*node.condition);
  } else if (!node.usingColumns.empty()) {
    append(" USING ");
    identifierList(node.usingColumns);
  }
}

} // namespace presto::sql
