#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sql/analyzer/Symbol.h"
#include "sql/parser/ast/Query.h"

namespace presto::sql {

/// One column visible to name resolution: where it comes from (the qualifier it may be referred
/// to by), its name, and the plan symbol that carries its values.
struct Field {
  /// Names that qualify the field, most general first: `{"tpch", "tiny", "lineitem"}` for a table,
  /// `{"l"}` for an aliased relation, empty for derived columns without a relation name. A
  /// reference `q.name` matches when `q` is a suffix of this list.
  std::vector<std::string> qualifier;
  /// Absent for anonymous columns (`SELECT 1`).
  std::optional<std::string> name;
  Symbol symbol;
  /// Hidden columns are not part of `SELECT *`.
  bool hidden = false;
  /// Join inputs of USING columns: reachable only when qualified (`a.k`), the unqualified name
  /// refers to the merged USING column.
  bool qualifiedOnly = false;

  bool matches(const std::vector<std::string>& referenceQualifier, const std::string& referenceName) const;
};

class Scope;
using ScopePtr = std::shared_ptr<const Scope>;

/// Names visible at one point of a query: the fields of the current relation, the WITH queries
/// declared here, and a parent scope (the enclosing query of a subquery, or the output scope that
/// ORDER BY consults first). A scope marked as a query boundary records every name its query
/// resolves in an enclosing scope: those are the correlation symbols of a subquery.
class Scope {
 public:
  Scope(ScopePtr parent, std::vector<Field> fields, bool queryBoundary)
      : parent_(std::move(parent)), fields_(std::move(fields)), queryBoundary_(queryBoundary) {}

  const ScopePtr& parent() const { return parent_; }
  const std::vector<Field>& fields() const { return fields_; }
  bool isQueryBoundary() const { return queryBoundary_; }

  /// A field matched by name resolution, and whether it lives outside the innermost query.
  struct Resolution {
    const Field* field;
    const Scope* scope;
    bool outer;
  };

  /// Resolves `qualifier.name` here, then in the parents. Nullopt when nothing matches;
  /// `Column 'x' is ambiguous` (at `location`) when two fields of the same scope match.
  std::optional<Resolution> resolve(
      const std::vector<std::string>& qualifier, const std::string& name, SourceLocation location) const;

  /// Whether any field of this scope alone has `qualifier` (for `t.*` and error messages).
  bool hasQualifier(const std::vector<std::string>& qualifier) const;

  /// WITH queries declared in this scope, by name.
  void addNamedQuery(const std::string& name, WithQueryPtr query) { namedQueries_[name] = std::move(query); }
  /// The WITH query `name` visible here (inner declarations shadow outer ones), or nullptr.
  WithQueryPtr findNamedQuery(const std::string& name) const;

  /// Symbols of enclosing queries that names inside this query boundary resolved to, in order of
  /// first use.
  const std::vector<Symbol>& outerReferences() const { return outerReferences_; }

 private:
  void recordOuterReference(const Symbol& symbol) const;

  ScopePtr parent_;
  std::vector<Field> fields_;
  bool queryBoundary_;
  std::map<std::string, WithQueryPtr> namedQueries_;
  mutable std::vector<Symbol> outerReferences_;
};

} // namespace presto::sql
