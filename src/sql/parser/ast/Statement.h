#pragma once

#include "sql/parser/ast/Node.h"

namespace presto::sql {

/// The base of everything `parseStatement` returns: queries, DDL, DML, session and utility
/// statements.
class Statement : public Node {
 protected:
  using Node::Node;
};

using StatementPtr = std::shared_ptr<const Statement>;

} // namespace presto::sql
