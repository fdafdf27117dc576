#include "sql/parser/Parser.h"

namespace presto::sql {

StatementPtr Parser::parseStatementBody() {
  const Token& token = tokens_.current();
  if (isQueryStart(token) || token.isSymbol("(")) {
    return parseQuery();
  }
  if (token.type == TokenType::kWord) {
    if (token.isWord("EXPLAIN")) {
      return parseExplain();
    }
    if (token.isWord("SHOW")) {
      return parseShow();
    }
    if (token.isWord("DESCRIBE") || token.isWord("DESC")) {
      return parseDescribe();
    }
    if (token.isWord("USE")) {
      return parseUse();
    }
    if (token.isWord("SET") || token.isWord("RESET")) {
      return parseSessionStatement();
    }
    if (token.isWord("PREPARE")) {
      return parsePrepare();
    }
    if (token.isWord("EXECUTE")) {
      return parseExecute();
    }
    if (token.isWord("DEALLOCATE")) {
      return parseDeallocate();
    }
    if (token.isWord("START")) {
      return parseStartTransaction();
    }
    if (token.isWord("COMMIT") || token.isWord("ROLLBACK")) {
      SourceLocation location = tokens_.advance().location;
      tokens_.acceptWord("WORK");
      if (token.isWord("COMMIT")) {
        return make<Commit>(location);
      }
      return make<Rollback>(location);
    }
    if (token.isWord("CALL")) {
      return parseCall();
    }
    if (token.isWord("CREATE")) {
      return parseCreate();
    }
    if (token.isWord("DROP")) {
      return parseDrop();
    }
    if (token.isWord("ALTER")) {
      return parseAlter();
    }
    if (token.isWord("INSERT")) {
      return parseInsert();
    }
    if (token.isWord("DELETE")) {
      return parseDelete();
    }
    if (token.isWord("UPDATE")) {
      return parseUpdate();
    }
    if (token.isWord("ANALYZE")) {
      return parseAnalyze();
    }
  }
  for (std::string_view keyword :
       {"ALTER",   "ANALYZE", "CALL",    "COMMIT", "CREATE", "DEALLOCATE", "DELETE",
        "DESC",    "DESCRIBE", "DROP",   "EXECUTE", "EXPLAIN", "INSERT",   "PREPARE",
        "RESET",   "ROLLBACK", "SET",    "SHOW",   "START",  "UPDATE",     "USE"}) {
    tokens_.checkWord(keyword);
  }
  tokens_.expecting("<query>");
  tokens_.failMismatch();
}

StatementPtr Parser::parseExplain() {
  auto explain = make<Explain>(tokens_.advance().location);
  explain->analyze = tokens_.acceptWord("ANALYZE");
  const Token& next = tokens_.peek(1);
  if (tokens_.current().isSymbol("(") && (next.isWord("FORMAT") || next.isWord("TYPE"))) {
    tokens_.advance();
    do {
      auto option = make<ExplainOption>(tokens_.current().location);
      if (tokens_.acceptWord("FORMAT")) {
        option->type = ExplainOption::Type::kFormat;
        for (std::string_view format : {"TEXT", "GRAPHVIZ", "JSON"}) {
          if (tokens_.acceptWord(format)) {
            option->value = format;
            break;
          }
        }
      } else if (tokens_.acceptWord("TYPE")) {
        option->type = ExplainOption::Type::kType;
        for (std::string_view type : {"LOGICAL", "DISTRIBUTED", "VALIDATE", "IO"}) {
          if (tokens_.acceptWord(type)) {
            option->value = type;
            break;
          }
        }
      } else {
        tokens_.failMismatch();
      }
      if (option->value.empty()) {
        tokens_.failMismatch();
      }
      explain->options.push_back(std::move(option));
    } while (tokens_.acceptSymbol(","));
    tokens_.expectSymbol(")");
  }
  NestingGuard guard(*this, kRecursionCost);
  explain->statement = parseStatementBody();
  return explain;
}

LikeFilter Parser::parseLikeFilter() {
  LikeFilter filter;
  if (tokens_.acceptWord("LIKE")) {
    filter.pattern = parseStringValue();
    if (tokens_.acceptWord("ESCAPE")) {
      filter.escape = parseStringValue();
    }
  }
  return filter;
}

StatementPtr Parser::parseShow() {
  SourceLocation location = tokens_.advance().location;
  if (tokens_.acceptWord("CATALOGS")) {
    auto show = make<ShowCatalogs>(location);
    show->like = parseLikeFilter();
    return show;
  }
  if (tokens_.acceptWord("SCHEMAS")) {
    auto show = make<ShowSchemas>(location);
    if (tokens_.acceptWord("FROM") || tokens_.acceptWord("IN")) {
      show->catalog = parseIdentifier();
    }
    show->like = parseLikeFilter();
    return show;
  }
  if (tokens_.acceptWord("TABLES")) {
    auto show = make<ShowTables>(location);
    if (tokens_.acceptWord("FROM") || tokens_.acceptWord("IN")) {
      show->schema = parseQualifiedName();
    }
    show->like = parseLikeFilter();
    return show;
  }
  if (tokens_.acceptWord("COLUMNS")) {
    auto show = make<ShowColumns>(location);
    if (!tokens_.acceptWord("FROM")) {
      tokens_.expectWord("IN");
    }
    show->table = parseQualifiedName();
    return show;
  }
  if (tokens_.acceptWord("FUNCTIONS")) {
    auto show = make<ShowFunctions>(location);
    show->like = parseLikeFilter();
    return show;
  }
  if (tokens_.acceptWord("SESSION")) {
    auto show = make<ShowSession>(location);
    show->like = parseLikeFilter();
    return show;
  }
  if (tokens_.acceptWord("CREATE")) {
    auto show = make<ShowCreate>(location);
    if (tokens_.acceptWord("TABLE")) {
      show->type = ShowCreate::Type::kTable;
    } else {
      tokens_.expectWord("VIEW");
      show->type = ShowCreate::Type::kView;
    }
    show->name = parseQualifiedName();
    return show;
  }
  if (tokens_.acceptWord("STATS")) {
    auto show = make<ShowStats>(location);
    tokens_.expectWord("FOR");
    if (tokens_.checkSymbol("(")) {
      auto subquery = make<TableSubquery>(tokens_.advance().location);
      subquery->query = parseQuery();
      tokens_.expectSymbol(")");
      show->relation = std::move(subquery);
    } else {
      auto table = make<Table>(tokens_.current().location);
      table->name = parseQualifiedName();
      show->relation = std::move(table);
    }
    return show;
  }
  tokens_.failMismatch();
}

StatementPtr Parser::parseDescribe() {
  SourceLocation location = tokens_.advance().location;
  const Token& next = tokens_.peek(1);
  bool nameFollows = (next.type == TokenType::kWord && !next.reserved) ||
      next.type == TokenType::kQuotedIdentifier;
  if (tokens_.current().isWord("INPUT") && nameFollows) {
    tokens_.advance();
    auto describe = make<DescribeInput>(location);
    describe->name = parseIdentifier();
    return describe;
  }
  if (tokens_.current().isWord("OUTPUT") && nameFollows) {
    tokens_.advance();
    auto describe = make<DescribeOutput>(location);
    describe->name = parseIdentifier();
    return describe;
  }
  auto show = make<ShowColumns>(location);
  show->table = parseQualifiedName();
  return show;
}

StatementPtr Parser::parseUse() {
  auto use = make<Use>(tokens_.advance().location);
  IdentifierPtr first = parseIdentifier();
  if (tokens_.acceptSymbol(".")) {
    use->catalog = std::move(first);
    use->schema = parseIdentifier();
  } else {
    use->schema = std::move(first);
  }
  return use;
}

StatementPtr Parser::parseSessionStatement() {
  const Token& token = tokens_.advance();
  tokens_.expectWord("SESSION");
  if (token.isWord("RESET")) {
    auto reset = make<ResetSession>(token.location);
    reset->name = parseQualifiedName();
    return reset;
  }
  auto set = make<SetSession>(token.location);
  set->name = parseQualifiedName();
  tokens_.expectSymbol("=");
  set->value = parseExpression();
  return set;
}

StatementPtr Parser::parsePrepare() {
  auto prepare = make<Prepare>(tokens_.advance().location);
  prepare->name = parseIdentifier();
  tokens_.expectWord("FROM");
  NestingGuard guard(*this, kRecursionCost);
  prepare->statement = parseStatementBody();
  return prepare;
}

StatementPtr Parser::parseExecute() {
  auto execute = make<Execute>(tokens_.advance().location);
  execute->name = parseIdentifier();
  if (tokens_.acceptWord("USING")) {
    execute->parameters = parseExpressionList();
  }
  return execute;
}

StatementPtr Parser::parseDeallocate() {
  auto deallocate = make<Deallocate>(tokens_.advance().location);
  tokens_.expectWord("PREPARE");
  deallocate->name = parseIdentifier();
  return deallocate;
}

StatementPtr Parser::parseStartTransaction() {
  auto start = make<StartTransaction>(tokens_.advance().location);
  tokens_.expectWord("TRANSACTION");
  if (!tokens_.checkWord("ISOLATION") && !tokens_.checkWord("READ")) {
    return start;
  }
  do {
    auto mode = make<TransactionMode>(tokens_.current().location);
    if (tokens_.acceptWord("ISOLATION")) {
      tokens_.expectWord("LEVEL");
      using Level = TransactionMode::IsolationLevel;
      if (tokens_.acceptWord("SERIALIZABLE")) {
        mode->isolationLevel = Level::kSerializable;
      } else if (tokens_.acceptWord("REPEATABLE")) {
        tokens_.expectWord("READ");
        mode->isolationLevel = Level::kRepeatableRead;
      } else {
        tokens_.expectWord("READ");
        if (tokens_.acceptWord("UNCOMMITTED")) {
          mode->isolationLevel = Level::kReadUncommitted;
        } else {
          tokens_.expectWord("COMMITTED");
          mode->isolationLevel = Level::kReadCommitted;
        }
      }
    } else {
      tokens_.expectWord("READ");
      if (tokens_.acceptWord("ONLY")) {
        mode->readOnly = true;
      } else {
        tokens_.expectWord("WRITE");
        mode->readOnly = false;
      }
    }
    start->modes.push_back(std::move(mode));
  } while (tokens_.acceptSymbol(","));
  return start;
}

StatementPtr Parser::parseCall() {
  auto call = make<Call>(tokens_.advance().location);
  call->name = parseQualifiedName();
  tokens_.expectSymbol("(");
  if (!tokens_.acceptSymbol(")")) {
    do {
      auto argument = make<CallArgument>(tokens_.current().location);
      const Token& token = tokens_.current();
      bool named = ((token.type == TokenType::kWord && !token.reserved) ||
                    token.type == TokenType::kQuotedIdentifier) &&
          tokens_.peek(1).isSymbol("=>");
      if (named) {
        argument->name = parseIdentifier();
        tokens_.advance();
      }
      argument->value = parseExpression();
      call->arguments.push_back(std::move(argument));
    } while (tokens_.acceptSymbol(","));
    tokens_.expectSymbol(")");
  }
  return call;
}

} // namespace presto::sql
