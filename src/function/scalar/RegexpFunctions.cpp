#include <re2/re2.h>

#include <memory>

#include "function/BuiltinFunctions.h"
#include "function/SimpleFunction.h"
#include "function/scalar/StringArrayBuilder.h"

namespace presto {
namespace {

FunctionMetadata describe(std::string description) {
  return {FunctionKind::kScalar, true, std::move(description), false};
}

/// A compiled pattern: compiled once when the pattern argument is constant, otherwise re-compiled
/// only when the pattern changes from one row to the next.
class PatternCache {
 public:
  void initialize(const FunctionBinding& binding, size_t patternArgument) {
    const Value* constant = binding.constantAt(patternArgument);
    if (constant && !constant->isNull()) {
      compile(constant->as<std::string>());
      constant_ = true;
    }
  }

  /// The compiled pattern, or nullptr with `error` set when it does not compile.
  const RE2* get(std::string_view pattern, std::string& error) {
    if (!regex_ || (!constant_ && pattern != text_)) {
      compile(std::string(pattern));
    }
    if (!regex_->ok()) {
      error = fmt::format("Invalid regular expression: {}", regex_->error());
      return nullptr;
    }
    return regex_.get();
  }

 private:
  void compile(const std::string& pattern) {
    RE2::Options options;
    options.set_log_errors(false);
    regex_ = std::make_unique<RE2>(pattern, options);
    text_ = pattern;
  }

  std::unique_ptr<RE2> regex_;
  std::string text_;
  bool constant_ = false;
};

CallStatus invalidArgument(std::string message) {
  return CallStatus::error(errors::INVALID_FUNCTION_ARGUMENT, std::move(message));
}

struct RegexpLikeFunction {
  PatternCache cache;
  void initialize(const FunctionBinding& binding) { cache.initialize(binding, 1); }
  CallStatus call(bool& out, StringView text, StringView pattern) {
    std::string error;
    const RE2* regex = cache.get(pattern.view(), error);
    if (!regex) return invalidArgument(std::move(error));
    out = RE2::PartialMatch(text.view(), *regex);
    return CallStatus::value();
  }
};

CallStatus checkGroup(const RE2& regex, int64_t group) {
  if (group < 0 || group > regex.NumberOfCapturingGroups()) {
    return invalidArgument(fmt::format("Pattern has {} groups. Cannot access group {}", regex.NumberOfCapturingGroups(), group));
  }
  return CallStatus::value();
}

struct RegexpExtractFunction {
  PatternCache cache;
  void initialize(const FunctionBinding& binding) { cache.initialize(binding, 1); }
  CallStatus call(std::string& out, StringView text, StringView pattern) { return call(out, text, pattern, 0); }
  CallStatus call(std::string& out, StringView text, StringView pattern, int64_t group) {
    std::string error;
    const RE2* regex = cache.get(pattern.view(), error);
    if (!regex) return invalidArgument(std::move(error));
    auto status = checkGroup(*regex, group);
    if (status.isError()) return status;
    std::vector<re2::StringPiece> groups(static_cast<size_t>(group) + 1);
    re2::StringPiece input(text.data(), text.size());
    if (!regex->Match(input, 0, input.size(), RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size()))) {
      return CallStatus::null();
    }
    const auto& matched = groups[static_cast<size_t>(group)];
    if (matched.data() == nullptr) return CallStatus::null();
    out.assign(matched.data(), matched.size());
    return CallStatus::value();
  }
};

/// Presto's replacement syntax ($1, \$ for a literal dollar) to RE2's (\1).
std::string toRe2Replacement(std::string_view replacement) {
  std::string result;
  for (size_t i = 0; i < replacement.size(); ++i) {
    char c = replacement[i];
    if (c == '\\' && i + 1 < replacement.size()) {
      result += replacement[++i] == '\\' ? "\\\\" : std::string(1, replacement[i]);
    } else if (c == '$' && i + 1 < replacement.size() && std::isdigit(static_cast<unsigned char>(replacement[i + 1]))) {
      result += '\\';
      result += replacement[++i];
    } else {
      result += c;
    }
  }
  return result;
}

struct RegexpReplaceFunction {
  PatternCache cache;
  void initialize(const FunctionBinding& binding) { cache.initialize(binding, 1); }
  CallStatus call(std::string& out, StringView text, StringView pattern) { return call(out, text, pattern, StringView()); }
  CallStatus call(std::string& out, StringView text, StringView pattern, StringView replacement) {
    std::string error;
    const RE2* regex = cache.get(pattern.view(), error);
    if (!regex) return invalidArgument(std::move(error));
    out.assign(text.view());
    RE2::GlobalReplace(&out, *regex, toRe2Replacement(replacement.view()));
    return CallStatus::value();
  }
};

/// regexp_extract_all and regexp_split: array(varchar) results.
class RegexpArrayFunction final : public VectorFunction {
 public:
  RegexpArrayFunction(const FunctionBinding& binding, bool split) : split_(split) { cache_.initialize(binding, 1); }

  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const std::vector<const LambdaFunction*>&,
      const TypePtr& outputType, EvalContext& context, VectorPtr& result) const override {
    DecodedVector text(*args[0], rows);
    DecodedVector pattern(*args[1], rows);
    std::unique_ptr<DecodedVector> group;
    if (args.size() == 3) group = std::make_unique<DecodedVector>(*args[2], rows);
    StringArrayBuilder builder(rows.size());
    for (vector_size_t row = 0; row < rows.size(); ++row) {
      builder.startRow(row);
      if (!rows.isValid(row) || text.isNullAt(row) || pattern.isNullAt(row) || (group && group->isNullAt(row))) {
        builder.setNull(row);
        continue;
      }
      std::string error;
      StringView patternText = pattern.valueAt<StringView>(row);
      const RE2* regex = cache_.get(patternText.view(), error);
      if (!regex) {
        context.setError(row, errors::INVALID_FUNCTION_ARGUMENT, error);
        builder.setNull(row);
        continue;
      }
      int64_t groupIndex = group ? group->valueAt<int64_t>(row) : 0;
      auto status = checkGroup(*regex, groupIndex);
      if (status.isError()) {
        context.setError(row, status.code(), std::move(status.message()));
        builder.setNull(row);
        continue;
      }
      StringView value = text.valueAt<StringView>(row);
      re2::StringPiece input(value.data(), value.size());
      std::vector<re2::StringPiece> groups(static_cast<size_t>(groupIndex) + 1);
      size_t position = 0;
      size_t pieceStart = 0;
      while (position <= input.size() &&
          regex->Match(input, position, input.size(), RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size()))) {
        size_t matchStart = static_cast<size_t>(groups[0].data() - input.data());
        size_t matchEnd = matchStart + groups[0].size();
        if (split_) {
          builder.add(std::string_view(input.data() + pieceStart, matchStart - pieceStart));
          pieceStart = matchEnd;
        } else {
          const auto& piece = groups[static_cast<size_t>(groupIndex)];
          builder.add(piece.data() ? std::string_view(piece.data(), piece.size()) : std::string_view());
        }
        position = matchEnd == matchStart ? matchEnd + 1 : matchEnd;
      }
      if (split_) {
        builder.add(std::string_view(input.data() + std::min(pieceStart, input.size()), input.size() - std::min(pieceStart, input.size())));
      }
    }
    result = builder.build(outputType);
  }

 private:
  const bool split_;
  mutable PatternCache cache_;
};

} // namespace

void registerRegexpFunctions(FunctionRegistry& registry) {
  registerSimple<RegexpLikeFunction, bool, StringView, StringView>(registry, "regexp_like", {"varchar", "varchar"}, "boolean", describe("whether the pattern matches anywhere"));
  registerSimple<RegexpExtractFunction, StringView, StringView, StringView>(registry, "regexp_extract", {"varchar", "varchar"}, "varchar", describe("first match"));
  registerSimple<RegexpExtractFunction, StringView, StringView, StringView, int64_t>(registry, "regexp_extract", {"varchar", "varchar", "bigint"}, "varchar", describe("group of the first match"));
  registerSimple<RegexpReplaceFunction, StringView, StringView, StringView>(registry, "regexp_replace", {"varchar", "varchar"}, "varchar", describe("remove every match"));
  registerSimple<RegexpReplaceFunction, StringView, StringView, StringView, StringView>(registry, "regexp_replace", {"varchar", "varchar", "varchar"}, "varchar", describe("replace every match ($n refers to groups)"));
  auto extractAll = [](const FunctionBinding& binding) { return std::make_shared<RegexpArrayFunction>(binding, false); };
  registry.registerScalar(makeSignature("regexp_extract_all", {"varchar", "varchar"}, "array(varchar)"), describe("every match"), extractAll);
  registry.registerScalar(makeSignature("regexp_extract_all", {"varchar", "varchar", "bigint"}, "array(varchar)"), describe("group of every match"), extractAll);
  registry.registerScalar(makeSignature("regexp_split", {"varchar", "varchar"}, "array(varchar)"), describe("split around matches"),
      [](const FunctionBinding& binding) { return std::make_shared<RegexpArrayFunction>(binding, true); });
}

} // namespace presto
