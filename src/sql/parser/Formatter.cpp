#include "sql/parser/Formatter.h"

#include "common/Check.h"

namespace presto::sql {

std::string formatSql(const Node& node, FormatOptions options) {
  Formatter formatter(options);
  formatter.node(node);
  return formatter.release();
}

std::string formatExpression(const Expression& expression) {
  return formatSql(expression, FormatOptions{.multiLine = false});
}

void Formatter::node(const Node& node) {
  if (const auto* expressionNode = dynamic_cast<const Expression*>(&node)) {
    expression(*expressionNode);
  } else if (const auto* statementNode = dynamic_cast<const Statement*>(&node)) {
    statement(*statementNode);
  } else if (const auto* relationNode = dynamic_cast<const Relation*>(&node)) {
    relation(*relationNode);
  } else if (node.is<SortItem>()) {
    sortItem(node.as<SortItem>());
  } else if (node.is<WindowSpecification>()) {
    window(node.as<WindowSpecification>());
  } else if (const auto* item = dynamic_cast<const SelectItem*>(&node)) {
    selectItem(*item);
  } else {
    PRESTO_FAIL("Cannot format node of kind {} on its own", static_cast<int>(node.kind()));
  }
}

void Formatter::newline() {
  if (!options_.multiLine) {
    out_ += ' ';
    return;
  }
  out_ += '\n';
  out_.append(static_cast<size_t>(indent_) * 2, ' ');
}

void Formatter::openBlock() {
  out_ += '(';
  if (options_.multiLine) {
    ++indent_;
    newline();
  }
}

void Formatter::closeBlock() {
  if (options_.multiLine) {
    --indent_;
    newline();
  }
  out_ += ')';
}

} // namespace presto::sql
