#include "sql/analyzer/Scope.h"

#include "sql/metadata/SemanticError.h"

namespace presto::sql {

bool Field::matches(const std::vector<std::string>& referenceQualifier, const std::string& referenceName) const {
  if (!name || *name != referenceName) {
    return false;
  }
  if (referenceQualifier.empty()) {
    return !qualifiedOnly;
  }
  if (referenceQualifier.size() > qualifier.size()) {
    return false;
  }
  size_t offset = qualifier.size() - referenceQualifier.size();
  for (size_t i = 0; i < referenceQualifier.size(); ++i) {
    if (qualifier[offset + i] != referenceQualifier[i]) {
      return false;
    }
  }
  return true;
}

std::optional<Scope::Resolution> Scope::resolve(
    const std::vector<std::string>& qualifier, const std::string& name, SourceLocation location) const {
  const Field* found = nullptr;
  for (const auto& field : fields_) {
    if (field.matches(qualifier, name)) {
      if (found != nullptr && !sameSymbol(found->symbol, field.symbol)) {
        std::string text = name;
        for (auto it = qualifier.rbegin(); it != qualifier.rend(); ++it) {
          text = *it + "." + text;
        }
        semanticError(location, "Column '{}' is ambiguous", text);
      }
      found = &field;
    }
  }
  if (found != nullptr) {
    return Resolution{found, this, false};
  }
  if (!parent_) {
    return std::nullopt;
  }
  auto outer = parent_->resolve(qualifier, name, location);
  if (outer && queryBoundary_) {
    outer->outer = true;
    recordOuterReference(outer->field->symbol);
  }
  return outer;
}

void Scope::recordOuterReference(const Symbol& symbol) const {
  for (const auto& existing : outerReferences_) {
    if (sameSymbol(existing, symbol)) {
      return;
    }
  }
  outerReferences_.push_back(symbol);
}

bool Scope::hasQualifier(const std::vector<std::string>& qualifier) const {
  for (const auto& field : fields_) {
    if (field.name && field.matches(qualifier, *field.name)) {
      return true;
    }
  }
  return false;
}

WithQueryPtr Scope::findNamedQuery(const std::string& name) const {
  for (const Scope* scope = this; scope != nullptr; scope = scope->parent_.get()) {
    auto it = scope->namedQueries_.find(name);
    if (it != scope->namedQueries_.end()) {
      return it->second;
    }
  }
  return nullptr;
}

} // namespace presto::sql
