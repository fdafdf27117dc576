#include <fmt/format.h>

#include "sql/parser/LiteralText.h"
#include "sql/parser/Parser.h"

namespace presto::sql {
namespace {

bool isIdentifierToken(const Token& token) {
  return (token.type == TokenType::kWord && !token.reserved) ||
      token.type == TokenType::kQuotedIdentifier;
}

IdentifierPtr makeName(SourceLocation location, std::string value) {
  auto name = std::make_shared<Identifier>();
  name->location = location;
  name->value = std::move(value);
  return name;
}

} // namespace

bool Parser::isFunctionCallAhead() const {
  size_t ahead = 0;
  while (isIdentifierToken(tokens_.peek(ahead))) {
    const Token& next = tokens_.peek(ahead + 1);
    if (next.isSymbol("(")) {
      return true;
    }
    if (!next.isSymbol(".")) {
      return false;
    }
    ahead += 2;
  }
  return false;
}

ExpressionPtr Parser::parseFunctionCall() {
  auto call = make<FunctionCall>(tokens_.current().location);
  call->name = parseQualifiedName();
  tokens_.expectSymbol("(");
  if (tokens_.acceptSymbol("*")) {
    tokens_.expectSymbol(")");
  } else if (!tokens_.acceptSymbol(")")) {
    if (tokens_.acceptWord("DISTINCT")) {
      call->distinct = true;
    } else {
      tokens_.acceptWord("ALL");
    }
    call->arguments = parseExpressionList();
    if (tokens_.acceptWord("ORDER")) {
      tokens_.expectWord("BY");
      call->orderBy = parseSortItems();
    }
    tokens_.expectSymbol(")");
  }
  if (tokens_.checkWord("FILTER") && tokens_.peek(1).isSymbol("(")) {
    tokens_.advance();
    tokens_.advance();
    tokens_.expectWord("WHERE");
    call->filter = parseExpression();
    tokens_.expectSymbol(")");
  }
  const Token& treatment = tokens_.current();
  if ((treatment.isWord("IGNORE") || treatment.isWord("RESPECT")) &&
      tokens_.peek(1).isWord("NULLS")) {
    call->nullTreatment = treatment.isWord("IGNORE") ? FunctionCall::NullTreatment::kIgnore
                                                     : FunctionCall::NullTreatment::kRespect;
    tokens_.advance();
    tokens_.advance();
    tokens_.expectWord("OVER");
    call->window = parseWindowSpecification();
  } else if (
      tokens_.checkWord("OVER") &&
      (tokens_.peek(1).isSymbol("(") || isIdentifierToken(tokens_.peek(1)))) {
    tokens_.advance();
    call->window = parseWindowSpecification();
  }
  return toSpecialForm(call);
}

ExpressionPtr Parser::toSpecialForm(const std::shared_ptr<FunctionCall>& call) {
  if (call->name.parts.size() != 1) {
    return call;
  }
  const std::string& name = call->name.parts[0]->value;
  if (name != "if" && name != "nullif" && name != "coalesce" && name != "try") {
    return call;
  }
  auto reject = [&](bool present, std::string_view clause) {
    if (present) {
      tokens_.failAt(call->location, fmt::format("{} not valid for '{}' function", clause, name));
    }
  };
  reject(call->distinct, "DISTINCT");
  reject(call->filter != nullptr, "FILTER");
  reject(!call->orderBy.empty(), "ORDER BY");
  reject(call->window != nullptr, "OVER");
  reject(call->nullTreatment != FunctionCall::NullTreatment::kUnspecified, "IGNORE NULLS");
  std::vector<ExpressionPtr>& arguments = call->arguments;
  if (name == "if") {
    if (arguments.size() != 2 && arguments.size() != 3) {
      tokens_.failAt(call->location, "Invalid number of arguments for 'if' function");
    }
    auto node = make<If>(call->location);
    node->condition = arguments[0];
    node->trueValue = arguments[1];
    if (arguments.size() == 3) {
      node->falseValue = arguments[2];
    }
    return node;
  }
  if (name == "nullif") {
    if (arguments.size() != 2) {
      tokens_.failAt(call->location, "Invalid number of arguments for 'nullif' function");
    }
    auto node = make<NullIf>(call->location);
    node->first = arguments[0];
    node->second = arguments[1];
    return node;
  }
  if (name == "coalesce") {
    if (arguments.size() < 2) {
      tokens_.failAt(call->location, "The 'coalesce' function must have at least two arguments");
    }
    auto node = make<Coalesce>(call->location);
    node->operands = std::move(arguments);
    return node;
  }
  if (arguments.size() != 1) {
    tokens_.failAt(call->location, "The 'try' function must have exactly one argument");
  }
  auto node = make<Try>(call->location);
  node->value = arguments[0];
  return node;
}

ExpressionPtr Parser::parseGroupingOperation() {
  auto call = make<FunctionCall>(tokens_.current().location);
  call->name.parts.push_back(makeName(call->location, "grouping"));
  tokens_.advance();
  tokens_.expectSymbol("(");
  if (!tokens_.acceptSymbol(")")) {
    do {
      QualifiedName column = parseQualifiedName();
      ExpressionPtr argument = column.parts[0];
      for (size_t i = 1; i < column.parts.size(); ++i) {
        auto dereference = make<Dereference>(argument->location);
        dereference->base = std::move(argument);
        dereference->field = column.parts[i];
        argument = std::move(dereference);
      }
      call->arguments.push_back(std::move(argument));
    } while (tokens_.acceptSymbol(","));
    tokens_.expectSymbol(")");
  }
  return call;
}

ExpressionPtr Parser::parsePosition() {
  auto call = make<FunctionCall>(tokens_.current().location);
  call->name.parts.push_back(makeName(call->location, "strpos"));
  tokens_.advance();
  tokens_.expectSymbol("(");
  ExpressionPtr needle = parseValueExpression();
  tokens_.expectWord("IN");
  ExpressionPtr haystack = parseValueExpression();
  tokens_.expectSymbol(")");
  call->arguments = {std::move(haystack), std::move(needle)};
  return call;
}

ExpressionPtr Parser::parseNormalize() {
  auto call = make<FunctionCall>(tokens_.current().location);
  call->name.parts.push_back(makeName(call->location, "normalize"));
  tokens_.advance();
  tokens_.expectSymbol("(");
  call->arguments.push_back(parseExpression());
  // NORMALIZE(s, NFD) names the form with a bare word; the call passes it as a string, so a
  // string argument (as the formatter writes the call back) is read as well.
  if (tokens_.acceptSymbol(",")) {
    const Token& form = tokens_.current();
    bool namedForm = form.isWord("NFC") || form.isWord("NFD") || form.isWord("NFKC") || form.isWord("NFKD");
    if (namedForm && tokens_.peek(1).isSymbol(")")) {
      auto literal = make<StringLiteral>(form.location);
      literal->value = toUpperAscii(form.text);
      tokens_.advance();
      call->arguments.push_back(std::move(literal));
    } else {
      call->arguments.push_back(parseExpression());
    }
  }
  tokens_.expectSymbol(")");
  return call;
}

WindowSpecificationPtr Parser::parseWindowSpecification() {
  auto window = make<WindowSpecification>(tokens_.current().location);
  if (!tokens_.checkSymbol("(")) {
    window->existingWindowName = parseIdentifier();
    return window;
  }
  tokens_.advance();
  const Token& token = tokens_.current();
  bool clauseWord = token.isWord("PARTITION") || token.isWord("ROWS") || token.isWord("RANGE") ||
      token.isWord("GROUPS");
  if (!clauseWord && tokens_.checkIdentifier()) {
    window->existingWindowName = parseIdentifier();
  }
  if (tokens_.acceptWord("PARTITION")) {
    tokens_.expectWord("BY");
    window->partitionBy = parseExpressionList();
  }
  if (tokens_.acceptWord("ORDER")) {
    tokens_.expectWord("BY");
    window->orderBy = parseSortItems();
  }
  if (tokens_.checkWord("ROWS") || tokens_.checkWord("RANGE") || tokens_.checkWord("GROUPS")) {
    window->frame = parseWindowFrame();
  }
  tokens_.expectSymbol(")");
  return window;
}

WindowFramePtr Parser::parseWindowFrame() {
  const Token& token = tokens_.advance();
  auto frame = make<WindowFrame>(token.location);
  frame->type = token.isWord("ROWS") ? WindowFrame::Type::kRows
      : token.isWord("RANGE")        ? WindowFrame::Type::kRange
                                     : WindowFrame::Type::kGroups;
  if (tokens_.acceptWord("BETWEEN")) {
    frame->start = parseFrameBound();
    tokens_.expectWord("AND");
    frame->end = parseFrameBound();
  } else {
    frame->start = parseFrameBound();
  }
  return frame;
}

FrameBoundPtr Parser::parseFrameBound() {
  auto bound = make<FrameBound>(tokens_.current().location);
  if (tokens_.acceptWord("UNBOUNDED")) {
    if (tokens_.acceptWord("PRECEDING")) {
      bound->type = FrameBound::Type::kUnboundedPreceding;
    } else if (tokens_.acceptWord("FOLLOWING")) {
      bound->type = FrameBound::Type::kUnboundedFollowing;
    } else {
      tokens_.failMismatch();
    }
    return bound;
  }
  if (tokens_.acceptWord("CURRENT")) {
    tokens_.expectWord("ROW");
    bound->type = FrameBound::Type::kCurrentRow;
    return bound;
  }
  bound->value = parseExpression();
  if (tokens_.acceptWord("PRECEDING")) {
    bound->type = FrameBound::Type::kPreceding;
  } else if (tokens_.acceptWord("FOLLOWING")) {
    bound->type = FrameBound::Type::kFollowing;
  } else {
    tokens_.failMismatch();
  }
  return bound;
}

SortItemPtr Parser::parseSortItem() {
  auto item = make<SortItem>(tokens_.current().location);
  item->sortKey = parseExpression();
  if (tokens_.acceptWord("DESC")) {
    item->descending = true;
  } else {
    tokens_.acceptWord("ASC");
  }
  if (tokens_.acceptWord("NULLS")) {
    if (tokens_.acceptWord("FIRST")) {
      item->nullOrdering = SortItem::NullOrdering::kFirst;
    } else if (tokens_.acceptWord("LAST")) {
      item->nullOrdering = SortItem::NullOrdering::kLast;
    } else {
      tokens_.failMismatch();
    }
  }
  return item;
}

std::vector<SortItemPtr> Parser::parseSortItems() {
  std::vector<SortItemPtr> items;
  do {
    items.push_back(parseSortItem());
  } while (tokens_.acceptSymbol(","));
  return items;
}

} // namespace presto::sql
