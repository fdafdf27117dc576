#include "function/FunctionRegistry.h"

#include <algorithm>

#include "common/Check.h"
#include "type/TypeCoercion.h"

namespace presto {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string typesToString(const std::vector<TypePtr>& types) {
  std::string text;
  for (size_t i = 0; i < types.size(); ++i) {
    text += (i > 0 ? ", " : "") + types[i]->toString();
  }
  return text;
}

} // namespace

VectorFunctionPtr ResolvedFunction::makeScalar(std::vector<std::optional<Value>> constantArguments) const {
  PRESTO_CHECK(entry->scalarFactory, "{} is not a scalar function", name());
  return entry->scalarFactory(FunctionBinding{argumentTypes, returnType, std::move(constantArguments)});
}

std::string ResolvedFunction::toString() const {
  return name() + "(" + typesToString(argumentTypes) + ")";
}

bool ResolvedFunction::equals(const ResolvedFunction& other) const {
  if (entry != other.entry || argumentTypes.size() != other.argumentTypes.size() ||
      !sameType(returnType, other.returnType)) {
    return false;
  }
  for (size_t i = 0; i < argumentTypes.size(); ++i) {
    if (!sameType(argumentTypes[i], other.argumentTypes[i])) {
      return false;
    }
  }
  return true;
}

void FunctionRegistry::add(std::shared_ptr<FunctionEntry> entry) {
  entry->signature.name = lower(entry->signature.name);
  entries_[entry->signature.name].push_back(std::move(entry));
}

void FunctionRegistry::registerScalar(FunctionSignature signature, FunctionMetadata metadata, VectorFunctionFactory factory) {
  metadata.kind = FunctionKind::kScalar;
  add(std::make_shared<FunctionEntry>(FunctionEntry{std::move(signature), std::move(metadata), std::move(factory), {}}));
}

void FunctionRegistry::registerAggregate(
    FunctionSignature signature, FunctionMetadata metadata, AggregateFunctionFactory factory) {
  metadata.kind = FunctionKind::kAggregate;
  add(std::make_shared<FunctionEntry>(FunctionEntry{std::move(signature), std::move(metadata), {}, std::move(factory)}));
}

void FunctionRegistry::registerWindow(FunctionSignature signature, FunctionMetadata metadata) {
  metadata.kind = FunctionKind::kWindow;
  add(std::make_shared<FunctionEntry>(FunctionEntry{std::move(signature), std::move(metadata), {}, {}}));
}

std::optional<std::vector<TypePtr>> FunctionRegistry::lambdaParameterTypes(
    const std::string& name, const std::vector<TypePtr>& knownTypes, size_t index) const {
  auto it = entries_.find(lower(name));
  if (it == entries_.end()) {
    return std::nullopt;
  }
  for (const auto& entry : it->second) {
    if (entry->metadata.kind == FunctionKind::kScalar) {
      if (auto types = presto::lambdaParameterTypes(entry->signature, knownTypes, index)) {
        return types;
      }
    }
  }
  return std::nullopt;
}

ResolvedFunctionPtr FunctionRegistry::resolve(const std::string& name, const std::vector<TypePtr>& argumentTypes) const {
  auto it = entries_.find(lower(name));
  PRESTO_USER_CHECK(it != entries_.end(), errors::FUNCTION_NOT_FOUND, "Function {} not registered", name);
  return resolve(name, argumentTypes, it->second.front()->metadata.kind);
}

ResolvedFunctionPtr FunctionRegistry::resolve(
    const std::string& name, const std::vector<TypePtr>& argumentTypes, FunctionKind kind) const {
  auto it = entries_.find(lower(name));
  PRESTO_USER_CHECK(it != entries_.end(), errors::FUNCTION_NOT_FOUND, "Function {} not registered", name);
  for (const auto& entry : it->second) {
    if (entry->metadata.kind != kind) {
      continue;
    }
    if (auto match = matchSignature(entry->signature, argumentTypes, false)) {
      return std::make_shared<ResolvedFunction>(
          ResolvedFunction{entry, std::move(match->argumentTypes), std::move(match->returnType)});
    }
  }
  std::shared_ptr<const FunctionEntry> best;
  std::optional<SignatureMatch> bestMatch;
  bool ambiguous = false;
  /// The overloads tied with the best so far, for the message of an ambiguous call.
  std::vector<std::shared_ptr<const FunctionEntry>> tied;
  for (const auto& entry : it->second) {
    if (entry->metadata.kind != kind) {
      continue;
    }
    auto match = matchSignature(entry->signature, argumentTypes, true);
    if (!match) {
      continue;
    }
    if (!bestMatch || match->numCoercions < bestMatch->numCoercions) {
      best = entry;
      bestMatch = std::move(match);
      ambiguous = false;
      tied.clear();
    } else if (match->numCoercions == bestMatch->numCoercions) {
      // Prefer the more specific overload: the one whose argument types coerce to the other's.
      bool matchIsNarrower = true;
      bool bestIsNarrower = true;
      for (size_t i = 0; i < argumentTypes.size(); ++i) {
        matchIsNarrower = matchIsNarrower && TypeCoercion::canCoerce(match->argumentTypes[i], bestMatch->argumentTypes[i]);
        bestIsNarrower = bestIsNarrower && TypeCoercion::canCoerce(bestMatch->argumentTypes[i], match->argumentTypes[i]);
      }
      if (matchIsNarrower && !bestIsNarrower) {
        best = entry;
        bestMatch = std::move(match);
        ambiguous = false;
        tied.clear();
      } else if (matchIsNarrower == bestIsNarrower) {
        ambiguous = true;
        tied.push_back(entry);
      }
    }
  }
  if (!bestMatch) {
    std::string candidates;
    for (const auto& entry : it->second) {
      candidates += fmt::format("\n * {}({})", entry->signature.name, entry->signature.argumentsToString());
    }
    PRESTO_USER_FAIL(errors::FUNCTION_NOT_FOUND, "Unexpected parameters ({}) for function {}. Expected:{}",
        typesToString(argumentTypes), name, candidates);
  }
  if (ambiguous) {
    // Presto's wording, with the overloads that fit equally well.
    std::string candidates = fmt::format("\n * {}({})", best->signature.name, best->signature.argumentsToString());
    for (const auto& entry : tied) {
      candidates += fmt::format("\n * {}({})", entry->signature.name, entry->signature.argumentsToString());
    }
    PRESTO_USER_FAIL(errors::AMBIGUOUS_FUNCTION_CALL,
        "Could not choose a best candidate operator. Explicit type casts must be added.\nCandidates are:{}", candidates);
  }
  return std::make_shared<ResolvedFunction>(
      ResolvedFunction{best, std::move(bestMatch->argumentTypes), std::move(bestMatch->returnType)});
}

bool FunctionRegistry::contains(const std::string& name) const {
  return entries_.count(lower(name)) > 0;
}

size_t FunctionRegistry::numSignatures() const {
  size_t count = 0;
  for (const auto& [name, overloads] : entries_) {
    count += overloads.size();
  }
  return count;
}

std::vector<FunctionListing> FunctionRegistry::list() const {
  std::vector<FunctionListing> listing;
  for (const auto& [name, overloads] : entries_) {
    for (const auto& entry : overloads) {
      if (entry->metadata.hidden) {
        continue;
      }
      listing.push_back({name, entry->signature.returnTypeToString(), entry->signature.argumentsToString(),
          std::string(functionKindName(entry->metadata.kind)), entry->metadata.deterministic,
          entry->metadata.description});
    }
  }
  std::sort(listing.begin(), listing.end(), [](const auto& left, const auto& right) {
    return std::tie(left.name, left.argumentTypes) < std::tie(right.name, right.argumentTypes);
  });
  return listing;
}

} // namespace presto
