#include "common/Check.h"
#include "function/BuiltinFunctions.h"
#include "function/scalar/Utf8.h"
#include "vector/DecodedVector.h"
#include "vector/FlatVector.h"

namespace presto {
namespace {

/// A LIKE pattern compiled once: `%` any sequence, `_` one character, `escape` makes the next
/// character literal. Common shapes get a direct test instead of the general matcher.
class LikePattern {
 public:
  /// kSegments: only '%' wildcards ('a%b%c', '%special%requests%'): literals found left to right.
  enum class Kind { kExact, kPrefix, kSuffix, kContains, kAny, kSegments, kGeneral };

  static LikePattern compile(std::string_view pattern, std::optional<char> escape) {
    LikePattern compiled;
    // Tokens: literal text, or a wildcard ('%' / '_') when `wildcard` is set.
    bool pendingEscape = false;
    for (char c : pattern) {
      if (pendingEscape) {
        PRESTO_USER_CHECK(c == '%' || c == '_' || (escape && c == *escape), errors::INVALID_FUNCTION_ARGUMENT,
            "Escape character must be followed by '%', '_' or the escape character itself");
        compiled.appendLiteral(c);
        pendingEscape = false;
      } else if (escape && c == *escape) {
        pendingEscape = true;
      } else if (c == '%' || c == '_') {
        compiled.tokens_.push_back({true, std::string(1, c)});
      } else {
        compiled.appendLiteral(c);
      }
    }
    PRESTO_USER_CHECK(!pendingEscape, errors::INVALID_FUNCTION_ARGUMENT, "Escape character must be followed by '%', '_' or the escape character itself");
    compiled.classify();
    return compiled;
  }

  bool matches(std::string_view text) const {
    switch (kind_) {
      case Kind::kExact: return text == literal_;
      case Kind::kPrefix: return text.substr(0, literal_.size()) == literal_;
      case Kind::kSuffix: return text.size() >= literal_.size() && text.substr(text.size() - literal_.size()) == literal_;
      case Kind::kContains: return text.find(literal_) != std::string_view::npos;
      case Kind::kAny: return true;
      case Kind::kSegments: return matchSegments(text);
      case Kind::kGeneral: return matchFrom(text, 0, 0);
    }
    return false;
  }

 private:
  struct Token {
    bool wildcard;
    std::string text;
  };

  void appendLiteral(char c) {
    if (tokens_.empty() || tokens_.back().wildcard) {
      tokens_.push_back({false, ""});
    }
    tokens_.back().text += c;
  }

  void classify() {
    auto isPercent = [](const Token& token) { return token.wildcard && token.text == "%"; };
    size_t n = tokens_.size();
    bool anyUnderscore = false;
    for (const auto& token : tokens_) anyUnderscore = anyUnderscore || (token.wildcard && token.text == "_");
    kind_ = Kind::kGeneral;
    if (anyUnderscore) return;
    if (n == 0) {
      kind_ = Kind::kExact;
    } else if (n == 1) {
      kind_ = isPercent(tokens_[0]) ? Kind::kAny : Kind::kExact;
      literal_ = isPercent(tokens_[0]) ? "" : tokens_[0].text;
    } else if (n == 2 && !tokens_[0].wildcard && isPercent(tokens_[1])) {
      kind_ = Kind::kPrefix;
      literal_ = tokens_[0].text;
    } else if (n == 2 && isPercent(tokens_[0]) && !tokens_[1].wildcard) {
      kind_ = Kind::kSuffix;
      literal_ = tokens_[1].text;
    } else if (n == 3 && isPercent(tokens_[0]) && !tokens_[1].wildcard && isPercent(tokens_[2])) {
      kind_ = Kind::kContains;
      literal_ = tokens_[1].text;
    } else {
      kind_ = Kind::kSegments;
    }
  }

  // Only '%' wildcards: the first literal is anchored at the start unless a '%' precedes it, the
  // last at the end unless a '%' follows it; each literal in between is matched at its leftmost
  // place after the previous one, which leaves the most room for the rest.
  bool matchSegments(std::string_view text) const {
    size_t first = 0;
    size_t last = tokens_.size();
    size_t position = 0;
    if (!tokens_.front().wildcard) {
      if (text.substr(0, tokens_.front().text.size()) != tokens_.front().text) return false;
      position = tokens_.front().text.size();
      first = 1;
    }
    size_t end = text.size();
    if (!tokens_.back().wildcard) {
      const auto& suffix = tokens_.back().text;
      if (text.size() < position + suffix.size() || text.substr(text.size() - suffix.size()) != suffix) return false;
      end = text.size() - suffix.size();
      last = tokens_.size() - 1;
    }
    for (size_t token = first; token < last; ++token) {
      if (tokens_[token].wildcard) continue;
      const auto& literal = tokens_[token].text;
      size_t found = text.substr(0, end).find(literal, position);
      if (found == std::string_view::npos) return false;
      position = found + literal.size();
    }
    return true;
  }

  // Backtracking over tokens; '%' tries every split point, '_' consumes one code point.
  bool matchFrom(std::string_view text, size_t position, size_t token) const {
    while (token < tokens_.size()) {
      const auto& current = tokens_[token];
      if (!current.wildcard) {
        if (text.substr(position, current.text.size()) != current.text) return false;
        position += current.text.size();
      } else if (current.text == "_") {
        if (position >= text.size()) return false;
        position += utf8::charLength(static_cast<unsigned char>(text[position]));
      } else {
        if (token + 1 == tokens_.size()) return true;
        for (size_t start = position; start <= text.size(); ++start) {
          if (start < text.size() && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) continue;
          if (matchFrom(text, start, token + 1)) return true;
        }
        return false;
      }
      ++token;
    }
    return position == text.size();
  }

  std::vector<Token> tokens_;
  Kind kind_ = Kind::kGeneral;
  std::string literal_;
};

std::optional<char> escapeOf(std::string_view escape) {
  PRESTO_USER_CHECK(escape.size() == 1, errors::INVALID_FUNCTION_ARGUMENT, "Escape string must be a single character");
  return escape[0];
}

/// like(value, pattern [, escape]). With a constant pattern (and escape), the pattern is compiled
/// once when the expression is compiled; otherwise per distinct pattern value.
class LikeFunction final : public VectorFunction {
 public:
  explicit LikeFunction(const FunctionBinding& binding) {
    const Value* pattern = binding.constantAt(1);
    bool constantEscape = binding.argumentTypes.size() < 3 || binding.constantAt(2) != nullptr;
    if (pattern && !pattern->isNull() && constantEscape) {
      std::optional<char> escape;
      if (binding.argumentTypes.size() == 3) {
        if (binding.constantAt(2)->isNull()) return;
        escape = escapeOf(binding.constantAt(2)->as<std::string>());
      }
      compiled_ = LikePattern::compile(pattern->as<std::string>(), escape);
    }
  }

  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const std::vector<const LambdaFunction*>&,
      const TypePtr& outputType, EvalContext& context, VectorPtr& result) const override {
    auto flat = FlatVector<bool>::create(outputType, rows.size());
    bool* out = flat->mutableRawValues();
    DecodedVector values(*args[0], rows);
    if (compiled_) {
      const auto& pattern = *compiled_;
      if (values.isIdentityMapping() && !values.mayHaveNulls()) {
        const auto* raw = values.data<StringView>();
        rows.applyToSelected([&](vector_size_t row) { out[row] = pattern.matches(raw[row].view()); });
      } else {
        rows.applyToSelected([&](vector_size_t row) {
          if (values.isNullAt(row)) {
            flat->setNull(row, true);
          } else {
            out[row] = pattern.matches(values.valueAt<StringView>(row).view());
          }
        });
      }
      result = std::move(flat);
      return;
    }
    DecodedVector patterns(*args[1], rows);
    std::unique_ptr<DecodedVector> escapes;
    if (args.size() == 3) escapes = std::make_unique<DecodedVector>(*args[2], rows);
    std::string lastPattern;
    std::optional<char> lastEscape;
    std::optional<LikePattern> current;
    rows.applyToSelected([&](vector_size_t row) {
      if (values.isNullAt(row) || patterns.isNullAt(row) || (escapes && escapes->isNullAt(row))) {
        flat->setNull(row, true);
        return;
      }
      try {
        StringView patternText = patterns.valueAt<StringView>(row);
        std::string_view pattern = patternText.view();
        std::optional<char> escape;
        if (escapes) {
          StringView escapeText = escapes->valueAt<StringView>(row);
          escape = escapeOf(escapeText.view());
        }
        if (!current || pattern != lastPattern || escape != lastEscape) {
          current = LikePattern::compile(pattern, escape);
          lastPattern.assign(pattern);
          lastEscape = escape;
        }
        out[row] = current->matches(values.valueAt<StringView>(row).view());
      } catch (const PrestoException& error) {
        context.setError(row, error);
        flat->setNull(row, true);
      }
    });
    result = std::move(flat);
  }

 private:
  std::optional<LikePattern> compiled_;
};

} // namespace

void registerLikeFunctions(FunctionRegistry& registry) {
  FunctionMetadata metadata{FunctionKind::kScalar, true, "SQL LIKE pattern match", false};
  auto factory = [](const FunctionBinding& binding) { return std::make_shared<LikeFunction>(binding); };
  registry.registerScalar(makeSignature("like", {"varchar", "varchar"}, "boolean"), metadata, factory);
  registry.registerScalar(makeSignature("like", {"varchar", "varchar", "varchar"}, "boolean"), metadata, factory);
}

} // namespace presto
