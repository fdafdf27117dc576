#include "sql/parser/Parser.h"

namespace presto::sql {

bool Parser::parseIfNotExists() {
  if (!tokens_.acceptWord("IF")) {
    return false;
  }
  tokens_.expectWord("NOT");
  tokens_.expectWord("EXISTS");
  return true;
}

bool Parser::parseIfExists() {
  if (!tokens_.acceptWord("IF")) {
    return false;
  }
  tokens_.expectWord("EXISTS");
  return true;
}

std::vector<PropertyPtr> Parser::parseProperties() {
  tokens_.expectSymbol("(");
  std::vector<PropertyPtr> properties;
  do {
    auto property = make<Property>(tokens_.current().location);
    property->name = parseIdentifier();
    tokens_.expectSymbol("=");
    property->value = parseExpression();
    properties.push_back(std::move(property));
  } while (tokens_.acceptSymbol(","));
  tokens_.expectSymbol(")");
  return properties;
}

ColumnDefinitionPtr Parser::parseColumnDefinition() {
  auto column = make<ColumnDefinition>(tokens_.current().location);
  column->name = parseIdentifier();
  column->type = parseType();
  if (tokens_.acceptWord("NOT")) {
    tokens_.expectWord("NULL");
    column->nullable = false;
  }
  if (tokens_.acceptWord("COMMENT")) {
    column->comment = parseStringValue();
  }
  if (tokens_.acceptWord("WITH")) {
    column->properties = parseProperties();
  }
  return column;
}

StatementPtr Parser::parseCreate() {
  SourceLocation location = tokens_.advance().location;
  if (tokens_.acceptWord("SCHEMA")) {
    auto create = make<CreateSchema>(location);
    create->notExists = parseIfNotExists();
    create->name = parseQualifiedName();
    if (tokens_.acceptWord("WITH")) {
      create->properties = parseProperties();
    }
    return create;
  }
  if (tokens_.acceptWord("TABLE")) {
    return parseCreateTable(location);
  }
  if (tokens_.acceptWord("OR")) {
    tokens_.expectWord("REPLACE");
    tokens_.expectWord("VIEW");
    return parseCreateView(location, true);
  }
  tokens_.expectWord("VIEW");
  return parseCreateView(location, false);
}

StatementPtr Parser::parseCreateTable(SourceLocation location) {
  bool notExists = parseIfNotExists();
  QualifiedName name = parseQualifiedName();
  const Token& first = tokens_.peek(1);
  bool identifierFirst = (first.type == TokenType::kWord && !first.reserved) ||
      first.type == TokenType::kQuotedIdentifier;
  bool columnAliases = tokens_.current().isSymbol("(") && identifierFirst &&
      (tokens_.peek(2).isSymbol(",") || tokens_.peek(2).isSymbol(")"));
  if (tokens_.checkSymbol("(") && !columnAliases) {
    auto create = make<CreateTable>(location);
    create->notExists = notExists;
    create->name = std::move(name);
    tokens_.advance();
    do {
      create->columns.push_back(parseColumnDefinition());
    } while (tokens_.acceptSymbol(","));
    tokens_.expectSymbol(")");
    if (tokens_.acceptWord("COMMENT")) {
      create->comment = parseStringValue();
    }
    if (tokens_.acceptWord("WITH")) {
      create->properties = parseProperties();
    }
    return create;
  }
  auto create = make<CreateTableAsSelect>(location);
  create->notExists = notExists;
  create->name = std::move(name);
  if (columnAliases) {
    create->columnAliases = parseIdentifierList();
  }
  if (tokens_.acceptWord("COMMENT")) {
    create->comment = parseStringValue();
  }
  if (tokens_.acceptWord("WITH")) {
    create->properties = parseProperties();
  }
  tokens_.expectWord("AS");
  create->query = parseQuery();
  if (tokens_.acceptWord("WITH")) {
    create->withData = !tokens_.acceptWord("NO");
    tokens_.expectWord("DATA");
  }
  return create;
}

StatementPtr Parser::parseCreateView(SourceLocation location, bool replace) {
  auto create = make<CreateView>(location);
  create->replace = replace;
  create->name = parseQualifiedName();
  if (tokens_.acceptWord("SECURITY")) {
    if (tokens_.acceptWord("DEFINER")) {
      create->security = CreateView::Security::kDefiner;
    } else {
      tokens_.expectWord("INVOKER");
      create->security = CreateView::Security::kInvoker;
    }
  }
  tokens_.expectWord("AS");
  create->query = parseQuery();
  return create;
}

StatementPtr Parser::parseDrop() {
  SourceLocation location = tokens_.advance().location;
  if (tokens_.acceptWord("TABLE")) {
    auto drop = make<DropTable>(location);
    drop->exists = parseIfExists();
    drop->name = parseQualifiedName();
    return drop;
  }
  if (tokens_.acceptWord("VIEW")) {
    auto drop = make<DropView>(location);
    drop->exists = parseIfExists();
    drop->name = parseQualifiedName();
    return drop;
  }
  tokens_.expectWord("SCHEMA");
  auto drop = make<DropSchema>(location);
  drop->exists = parseIfExists();
  drop->name = parseQualifiedName();
  if (tokens_.acceptWord("CASCADE")) {
    drop->cascade = true;
  } else {
    tokens_.acceptWord("RESTRICT");
  }
  return drop;
}

StatementPtr Parser::parseAlter() {
  SourceLocation location = tokens_.advance().location;
  tokens_.expectWord("TABLE");
  bool tableExists = parseIfExists();
  QualifiedName table = parseQualifiedName();
  if (tokens_.acceptWord("RENAME")) {
    if (tokens_.acceptWord("TO")) {
      auto rename = make<RenameTable>(location);
      rename->source = std::move(table);
      rename->exists = tableExists;
      rename->target = parseQualifiedName();
      return rename;
    }
    tokens_.expectWord("COLUMN");
    auto rename = make<RenameColumn>(location);
    rename->table = std::move(table);
    rename->tableExists = tableExists;
    rename->columnExists = parseIfExists();
    rename->source = parseIdentifier();
    tokens_.expectWord("TO");
    rename->target = parseIdentifier();
    return rename;
  }
  if (tokens_.acceptWord("ADD")) {
    tokens_.expectWord("COLUMN");
    auto add = make<AddColumn>(location);
    add->table = std::move(table);
    add->tableExists = tableExists;
    add->columnNotExists = parseIfNotExists();
    add->column = parseColumnDefinition();
    return add;
  }
  tokens_.expectWord("DROP");
  tokens_.expectWord("COLUMN");
  auto drop = make<DropColumn>(location);
  drop->table = std::move(table);
  drop->tableExists = tableExists;
  drop->columnExists = parseIfExists();
  drop->column = parseIdentifier();
  return drop;
}

StatementPtr Parser::parseInsert() {
  auto insert = make<Insert>(tokens_.advance().location);
  tokens_.expectWord("INTO");
  insert->target = parseQualifiedName();
  if (tokens_.checkSymbol("(") && !isParenthesizedQueryAhead(0)) {
    insert->columns = parseIdentifierList();
  }
  insert->query = parseQuery();
  return insert;
}

StatementPtr Parser::parseDelete() {
  auto remove = make<Delete>(tokens_.advance().location);
  tokens_.expectWord("FROM");
  remove->table = parseQualifiedName();
  if (tokens_.acceptWord("WHERE")) {
    remove->where = parseExpression();
  }
  return remove;
}

StatementPtr Parser::parseUpdate() {
  auto update = make<Update>(tokens_.advance().location);
  update->table = parseQualifiedName();
  tokens_.expectWord("SET");
  do {
    auto assignment = make<UpdateAssignment>(tokens_.current().location);
    assignment->name = parseIdentifier();
    tokens_.expectSymbol("=");
    assignment->value = parseExpression();
    update->assignments.push_back(std::move(assignment));
  } while (tokens_.acceptSymbol(","));
  if (tokens_.acceptWord("WHERE")) {
    update->where = parseExpression();
  }
  return update;
}

StatementPtr Parser::parseAnalyze() {
  auto analyze = make<Analyze>(tokens_.advance().location);
  analyze->table = parseQualifiedName();
  if (tokens_.acceptWord("WITH")) {
    analyze->properties = parseProperties();
  }
  return analyze;
}

} // namespace presto::sql
