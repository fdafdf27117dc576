#include "sql/optimizer/TaskDistribution.h"

#include <algorithm>

namespace presto::sql {
namespace {

bool contains(const std::vector<Symbol>& symbols, const Symbol& symbol) {
  return std::any_of(symbols.begin(), symbols.end(), [&](const Symbol& other) { return sameSymbol(other, symbol); });
}

bool containsAll(const std::vector<Symbol>& symbols, const std::vector<Symbol>& subset) {
  return std::all_of(subset.begin(), subset.end(), [&](const Symbol& symbol) { return contains(symbols, symbol); });
}

} // namespace

bool TaskDistribution::satisfies(const TaskDistribution& required) const {
  switch (required.kind) {
    case Kind::kArbitrary: return true;
    case Kind::kSingle: return isSingle();
    case Kind::kHashed:
      return isSingle() || std::any_of(keySets.begin(), keySets.end(), [&](const std::vector<Symbol>& keys) {
        return !keys.empty() && containsAll(required.keys(), keys);
      });
  }
  return false;
}

TaskDistribution TaskDistribution::restrictedTo(const std::vector<Symbol>& symbols) const {
  if (!isHashed()) {
    return *this;
  }
  TaskDistribution restricted{Kind::kHashed, {}};
  for (const auto& keys : keySets) {
    if (containsAll(symbols, keys)) {
      restricted.keySets.push_back(keys);
    }
  }
  return restricted.keySets.empty() ? arbitrary() : restricted;
}

} // namespace presto::sql
