#include <algorithm>

#include "function/BuiltinFunctions.h"
#include "function/SimpleFunction.h"
#include "function/scalar/Utf8.h"
#include "vector/ComplexVector.h"

namespace presto {

bool utf8::isValid(std::string_view text) {
  size_t position = 0;
  while (position < text.size()) {
    auto lead = static_cast<unsigned char>(text[position]);
    size_t length = charLength(lead);
    if ((length == 1 && lead >= 0x80) || position + length > text.size()) return false;
    for (size_t i = 1; i < length; ++i) {
      if ((static_cast<unsigned char>(text[position + i]) & 0xC0) != 0x80) return false;
    }
    position += length;
  }
  return true;
}

namespace {

FunctionMetadata describe(std::string description) {
  return {FunctionKind::kScalar, true, std::move(description), false};
}

CallStatus invalidArgument(std::string message) {
  return CallStatus::error(errors::INVALID_FUNCTION_ARGUMENT, std::move(message));
}

struct LengthFunction {
  void call(int64_t& out, StringView text) const { out = utf8::length(text.view()); }
};

/// length(char(x)) is x, as in Presto: a char value is as long as its type.
struct CharLengthFunction {
  void initialize(const FunctionBinding& binding) { length_ = asString(*binding.argumentTypes[0]).length(); }
  void call(int64_t& out, StringView) const { out = length_; }
  int64_t length_ = 0;
};

constexpr int32_t kMaxCharLength = 65536;

/// concat(char(x), char(y)) -> char(x + y): the left value padded with spaces to x characters, then
/// the right value (a char's trailing spaces are only padding).
struct CharConcatFunction {
  void initialize(const FunctionBinding& binding) { leftLength_ = asString(*binding.argumentTypes[0]).length(); }
  void call(std::string& out, StringView left, StringView right) const {
    out.assign(left.view());
    if (right.empty()) return;
    int64_t padding = leftLength_ - utf8::length(left.view());
    if (padding > 0) out.append(static_cast<size_t>(padding), ' ');
    out.append(right.view());
  }
  int64_t leftLength_ = 0;
};

struct LowerFunction {
  void call(std::string& out, StringView text) const {
    out.assign(text.view());
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
};

struct UpperFunction {
  void call(std::string& out, StringView text) const {
    out.assign(text.view());
    for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
};

/// substr(s, start[, length]) by code points; start is 1-based, negative counts from the end.
struct SubstrFunction {
  static constexpr bool kReturnsInputSlice = true;

  void call(StringView& out, StringView text, int64_t start) const { call(out, text, start, INT64_MAX); }

  void call(StringView& out, StringView text, int64_t start, int64_t length) const {
    std::string_view view = text.view();
    int64_t numChars = utf8::length(view);
    if (start == 0 || length <= 0 || start > numChars || -start > numChars) {
      out = StringView();
      return;
    }
    int64_t first = start > 0 ? start - 1 : numChars + start;
    int64_t last = length > numChars - first ? numChars : first + length;
    size_t begin = utf8::byteOffset(view, first);
    size_t end = begin + utf8::byteOffset(view.substr(begin), last - first);
    out = StringView(view.data() + begin, end - begin);
  }
};

bool isTrimSpace(unsigned char c) {
  return c == ' ';
}

template <bool kLeft, bool kRight>
struct TrimFunction {
  static constexpr bool kReturnsInputSlice = true;
  void call(StringView& out, StringView text) const {
    std::string_view view = text.view();
    if (kLeft) while (!view.empty() && isTrimSpace(static_cast<unsigned char>(view.front()))) view.remove_prefix(1);
    if (kRight) while (!view.empty() && isTrimSpace(static_cast<unsigned char>(view.back()))) view.remove_suffix(1);
    out = StringView(view.data(), view.size());
  }
  void call(StringView& out, StringView text, StringView characters) const {
    std::string_view view = text.view();
    std::string_view set = characters.view();
    if (kLeft) while (!view.empty() && set.find(view.front()) != std::string_view::npos) view.remove_prefix(1);
    if (kRight) while (!view.empty() && set.find(view.back()) != std::string_view::npos) view.remove_suffix(1);
    out = StringView(view.data(), view.size());
  }
};

template <bool kLeft>
struct PadFunction {
  CallStatus call(std::string& out, StringView text, int64_t size, StringView padding) const {
    if (size < 0 || size > 1024 * 1024) return invalidArgument("Target length must be in the range [0..1048576]");
    if (padding.empty()) return invalidArgument("Padding string must not be empty");
    std::string_view view = text.view();
    int64_t length = utf8::length(view);
    if (size <= length) {
      out.assign(view.substr(0, utf8::byteOffset(view, size)));
      return CallStatus::value();
    }
    std::string fill;
    std::string_view pad = padding.view();
    int64_t padLength = utf8::length(pad);
    int64_t needed = size - length;
    while (needed >= padLength) {
      fill.append(pad);
      needed -= padLength;
    }
    fill.append(pad.substr(0, utf8::byteOffset(pad, needed)));
    out = kLeft ? fill + std::string(view) : std::string(view) + fill;
    return CallStatus::value();
  }
};

struct ReplaceFunction {
  void call(std::string& out, StringView text, StringView search) const { call(out, text, search, StringView()); }
  void call(std::string& out, StringView text, StringView search, StringView replacement) const {
    std::string_view view = text.view();
    std::string_view from = search.view();
    if (from.empty()) {
      // Presto inserts the replacement before every character and at the end.
      size_t position = 0;
      while (position < view.size()) {
        out.append(replacement.view());
        size_t length = utf8::charLength(static_cast<unsigned char>(view[position]));
        out.append(view.substr(position, length));
        position += length;
      }
      out.append(replacement.view());
      return;
    }
    size_t position = 0;
    while (true) {
      size_t found = view.find(from, position);
      if (found == std::string_view::npos) break;
      out.append(view.substr(position, found - position));
      out.append(replacement.view());
      position = found + from.size();
    }
    out.append(view.substr(position));
  }
};

struct ReverseFunction {
  void call(std::string& out, StringView text) const {
    std::string_view view = text.view();
    size_t position = view.size();
    size_t end = view.size();
    while (position > 0) {
      --position;
      if ((static_cast<unsigned char>(view[position]) & 0xC0) != 0x80) {
        out.append(view.substr(position, end - position));
        end = position;
      }
    }
  }
};

/// strpos(s, sub[, instance]): 1-based code-point position of the n-th occurrence, 0 if none.
struct StrposFunction {
  void call(int64_t& out, StringView text, StringView search) const { call(out, text, search, 1).isValue(); }
  CallStatus call(int64_t& out, StringView text, StringView search, int64_t instance) const {
    if (instance <= 0) return invalidArgument("'instance' must be a positive number");
    std::string_view view = text.view();
    std::string_view sub = search.view();
    size_t position = 0;
    size_t found = std::string_view::npos;
    for (int64_t i = 0; i < instance; ++i) {
      found = view.find(sub, i == 0 ? 0 : position + 1);
      if (found == std::string_view::npos) {
        out = 0;
        return CallStatus::value();
      }
      position = found;
    }
    out = utf8::length(view.substr(0, found)) + 1;
    return CallStatus::value();
  }
};

struct StartsWithFunction {
  void call(bool& out, StringView text, StringView prefix) const { out = text.view().starts_with(prefix.view()); }
};
struct EndsWithFunction {
  void call(bool& out, StringView text, StringView suffix) const { out = text.view().ends_with(suffix.view()); }
};

struct SplitPartFunction {
  static constexpr bool kReturnsInputSlice = true;
  CallStatus call(StringView& out, StringView text, StringView delimiter, int64_t index) const {
    if (index <= 0) return invalidArgument("Index must be greater than zero");
    std::string_view view = text.view();
    std::string_view separator = delimiter.view();
    if (separator.empty()) {
      if (index == 1) {
        out = text;
        return CallStatus::value();
      }
      return CallStatus::null();
    }
    size_t start = 0;
    for (int64_t part = 1;; ++part) {
      size_t end = view.find(separator, start);
      if (part == index) {
        size_t stop = end == std::string_view::npos ? view.size() : end;
        out = StringView(view.data() + start, stop - start);
        return CallStatus::value();
      }
      if (end == std::string_view::npos) return CallStatus::null();
      start = end + separator.size();
    }
  }
};

struct ChrFunction {
  CallStatus call(std::string& out, int64_t codePoint) const {
    if (codePoint < 0 || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
      return invalidArgument(fmt::format("Not a valid Unicode code point: {}", codePoint));
    }
    utf8::append(out, static_cast<int32_t>(codePoint));
    return CallStatus::value();
  }
};

struct CodepointFunction {
  CallStatus call(int32_t& out, StringView text) const {
    std::string_view view = text.view();
    if (utf8::length(view) != 1) {
      return invalidArgument("Input string must be a single character string");
    }
    size_t position = 0;
    out = utf8::decode(view, position);
    return CallStatus::value();
  }
};

struct LevenshteinFunction {
  CallStatus call(int64_t& out, StringView left, StringView right) const {
    std::vector<int32_t> a, b;
    for (size_t p = 0; p < left.size();) a.push_back(utf8::decode(left.view(), p));
    for (size_t p = 0; p < right.size();) b.push_back(utf8::decode(right.view(), p));
    if (a.size() * b.size() > 1'000'000) {
      return invalidArgument("The combined inputs for Levenshtein distance are too large");
    }
    std::vector<int64_t> previous(b.size() + 1), current(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) previous[j] = static_cast<int64_t>(j);
    for (size_t i = 1; i <= a.size(); ++i) {
      current[0] = static_cast<int64_t>(i);
      for (size_t j = 1; j <= b.size(); ++j) {
        current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      }
      std::swap(previous, current);
    }
    out = previous[b.size()];
    return CallStatus::value();
  }
};

struct HammingFunction {
  CallStatus call(int64_t& out, StringView left, StringView right) const {
    std::vector<int32_t> a, b;
    for (size_t p = 0; p < left.size();) a.push_back(utf8::decode(left.view(), p));
    for (size_t p = 0; p < right.size();) b.push_back(utf8::decode(right.view(), p));
    if (a.size() != b.size()) return invalidArgument("The input strings to hamming_distance function must have the same length");
    out = 0;
    for (size_t i = 0; i < a.size(); ++i) out += a[i] != b[i];
    return CallStatus::value();
  }
};

struct ToUtf8Function {
  static constexpr bool kReturnsInputSlice = true;
  void call(StringView& out, StringView text) const { out = text; }
};

/// from_utf8(binary): invalid sequences become U+FFFD.
struct FromUtf8Function {
  void call(std::string& out, StringView binary) const {
    std::string_view view = binary.view();
    size_t position = 0;
    while (position < view.size()) {
      size_t length = utf8::charLength(static_cast<unsigned char>(view[position]));
      if (utf8::isValid(view.substr(position, std::min(length, view.size() - position))) && position + length <= view.size()) {
        out.append(view.substr(position, length));
        position += length;
      } else {
        out.append("\xEF\xBF\xBD");
        ++position;
      }
    }
  }
};

/// concat(varchar...): variadic; NULL if any argument is NULL.
class ConcatFunction final : public VectorFunction {
 public:
  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const std::vector<const LambdaFunction*>&,
      const TypePtr& outputType, EvalContext&, VectorPtr& result) const override {
    auto flat = FlatVector<StringView>::create(outputType, rows.size());
    std::vector<std::unique_ptr<DecodedVector>> decoded;
    for (const auto& arg : args) decoded.push_back(std::make_unique<DecodedVector>(*arg, rows));
    std::string buffer;
    rows.applyToSelected([&](vector_size_t row) {
      buffer.clear();
      for (const auto& arg : decoded) {
        if (arg->isNullAt(row)) {
          flat->setNull(row, true);
          return;
        }
        buffer.append(arg->valueAt<StringView>(row).view());
      }
      flat->set(row, flat->copyString(buffer));
    });
    result = std::move(flat);
  }
};

/// split(s, delimiter[, limit]) -> array(varchar).
class SplitFunction final : public VectorFunction {
 public:
  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const std::vector<const LambdaFunction*>&,
      const TypePtr& outputType, EvalContext& context, VectorPtr& result) const override {
    DecodedVector text(*args[0], rows);
    DecodedVector delimiter(*args[1], rows);
    std::unique_ptr<DecodedVector> limit;
    if (args.size() == 3) limit = std::make_unique<DecodedVector>(*args[2], rows);
    auto offsets = Buffer::allocate(sizeof(vector_size_t) * static_cast<size_t>(std::max(rows.size(), 1)), true);
    auto sizes = Buffer::allocate(sizeof(vector_size_t) * static_cast<size_t>(std::max(rows.size(), 1)), true);
    std::vector<std::string> parts;
    std::vector<vector_size_t> owners;
    BufferPtr nulls;
    auto setNull = [&](vector_size_t row) {
      if (!nulls) nulls = Buffer::allocate(bits::numBytes(static_cast<size_t>(rows.size())), true);
      bits::setBit(nulls->asMutable<uint64_t>(), static_cast<size_t>(row));
    };
    for (vector_size_t row = 0; row < rows.size(); ++row) {
      offsets->asMutable<vector_size_t>()[row] = static_cast<vector_size_t>(parts.size());
      if (!rows.isValid(row) || text.isNullAt(row) || delimiter.isNullAt(row) || (limit && limit->isNullAt(row))) {
        setNull(row);
        continue;
      }
      StringView textValue = text.valueAt<StringView>(row);
      StringView separatorValue = delimiter.valueAt<StringView>(row);
      std::string_view view = textValue.view();
      std::string_view separator = separatorValue.view();
      int64_t maxParts = limit ? limit->valueAt<int64_t>(row) : INT64_MAX;
      if (maxParts <= 0) {
        context.setError(row, errors::INVALID_FUNCTION_ARGUMENT, "Limit must be positive");
        setNull(row);
        continue;
      }
      size_t start = 0;
      int64_t count = 0;
      while (true) {
        size_t end = separator.empty() ? (start < view.size() ? start + 1 : std::string_view::npos) : view.find(separator, start);
        if (end == std::string_view::npos || count + 1 == maxParts) {
          parts.emplace_back(view.substr(start));
          ++count;
          break;
        }
        parts.emplace_back(view.substr(start, end - start));
        ++count;
        start = end + separator.size();
      }
      sizes->asMutable<vector_size_t>()[row] = static_cast<vector_size_t>(count);
    }
    auto elements = FlatVector<StringView>::create(VARCHAR(), static_cast<vector_size_t>(parts.size()));
    for (size_t i = 0; i < parts.size(); ++i) {
      elements->set(static_cast<vector_size_t>(i), elements->copyString(parts[i]));
    }
    result = std::make_shared<ArrayVector>(outputType, rows.size(), offsets, sizes, elements, nulls);
  }
};

/// Registers `name(s, rest...)` for s of varchar(x) and of char(x), returning s's type as Presto
/// does for substr, trim, lower and upper.
template <typename Fn, typename... TRest>
void registerForStringTypes(FunctionRegistry& registry, const std::string& name, const std::vector<std::string>& rest,
    const std::string& description) {
  for (const std::string family : {"varchar", "char"}) {
    std::vector<std::string> arguments{family};
    arguments.insert(arguments.end(), rest.begin(), rest.end());
    registerSimple<Fn, StringView, StringView, TRest...>(registry, name, arguments, family, describe(description),
        [](const std::vector<TypePtr>& types) { return types[0]; });
  }
}

} // namespace

void registerStringFunctions(FunctionRegistry& registry) {
  registerSimple<LengthFunction, int64_t, StringView>(registry, "length", {"varchar"}, "bigint", describe("length in characters"));
  registerSimple<CharLengthFunction, int64_t, StringView>(registry, "length", {"char"}, "bigint", describe("declared length of the char type"));
  registerForStringTypes<LowerFunction>(registry, "lower", {}, "lowercase");
  registerForStringTypes<UpperFunction>(registry, "upper", {}, "uppercase");
  for (const char* name : {"substr", "substring"}) {
    registerForStringTypes<SubstrFunction, int64_t>(registry, name, {"bigint"}, "suffix from start");
    registerForStringTypes<SubstrFunction, int64_t, int64_t>(registry, name, {"bigint", "bigint"}, "substring from start of length");
  }
  registerForStringTypes<TrimFunction<true, true>>(registry, "trim", {}, "remove leading and trailing spaces");
  registerForStringTypes<TrimFunction<true, false>>(registry, "ltrim", {}, "remove leading spaces");
  registerForStringTypes<TrimFunction<false, true>>(registry, "rtrim", {}, "remove trailing spaces");
  registerSimple<TrimFunction<true, true>, StringView, StringView, StringView>(registry, "trim", {"varchar", "varchar"}, "varchar", describe("remove leading and trailing characters"));
  registerSimple<TrimFunction<true, false>, StringView, StringView, StringView>(registry, "ltrim", {"varchar", "varchar"}, "varchar", describe("remove leading characters"));
  registerSimple<TrimFunction<false, true>, StringView, StringView, StringView>(registry, "rtrim", {"varchar", "varchar"}, "varchar", describe("remove trailing characters"));
  registerSimple<PadFunction<true>, StringView, StringView, int64_t, StringView>(registry, "lpad", {"varchar", "bigint", "varchar"}, "varchar", describe("left-pad to size"));
  registerSimple<PadFunction<false>, StringView, StringView, int64_t, StringView>(registry, "rpad", {"varchar", "bigint", "varchar"}, "varchar", describe("right-pad to size"));
  registerSimple<ReplaceFunction, StringView, StringView, StringView>(registry, "replace", {"varchar", "varchar"}, "varchar", describe("remove every occurrence"));
  registerSimple<ReplaceFunction, StringView, StringView, StringView, StringView>(registry, "replace", {"varchar", "varchar", "varchar"}, "varchar", describe("replace every occurrence"));
  registerSimple<ReverseFunction, StringView, StringView>(registry, "reverse", {"varchar"}, "varchar", describe("characters in reverse order"));
  registerSimple<StrposFunction, int64_t, StringView, StringView>(registry, "strpos", {"varchar", "varchar"}, "bigint", describe("position of the first occurrence"));
  registerSimple<StrposFunction, int64_t, StringView, StringView, int64_t>(registry, "strpos", {"varchar", "varchar", "bigint"}, "bigint", describe("position of the n-th occurrence"));
  registerSimple<StrposFunction, int64_t, StringView, StringView>(registry, "position", {"varchar", "varchar"}, "bigint", describe("position of the first occurrence"));
  registerSimple<StartsWithFunction, bool, StringView, StringView>(registry, "starts_with", {"varchar", "varchar"}, "boolean", describe("whether s starts with prefix"));
  registerSimple<EndsWithFunction, bool, StringView, StringView>(registry, "ends_with", {"varchar", "varchar"}, "boolean", describe("whether s ends with suffix"));
  registerSimple<SplitPartFunction, StringView, StringView, StringView, int64_t>(registry, "split_part", {"varchar", "varchar", "bigint"}, "varchar", describe("the index-th field"));
  registerSimple<ChrFunction, StringView, int64_t>(registry, "chr", {"bigint"}, "varchar", describe("character of a code point"));
  registerSimple<CodepointFunction, int32_t, StringView>(registry, "codepoint", {"varchar(1)"}, "integer", describe("code point of a character"));
  registerSimple<LevenshteinFunction, int64_t, StringView, StringView>(registry, "levenshtein_distance", {"varchar", "varchar"}, "bigint", describe("edit distance"));
  registerSimple<HammingFunction, int64_t, StringView, StringView>(registry, "hamming_distance", {"varchar", "varchar"}, "bigint", describe("number of differing positions"));
  registerSimple<ToUtf8Function, StringView, StringView>(registry, "to_utf8", {"varchar"}, "varbinary", describe("UTF-8 bytes"));
  registerSimple<FromUtf8Function, StringView, StringView>(registry, "from_utf8", {"varbinary"}, "varchar", describe("decode UTF-8"));
  auto concat = makeSignature("concat", {"varchar"}, "varchar");
  concat.variableArity = true;
  registry.registerScalar(std::move(concat), describe("concatenation"), [](const FunctionBinding&) {
    return std::make_shared<ConcatFunction>();
  });
  auto charConcat = makeSignature("concat", {"char", "char"}, "char");
  charConcat.returnTypeRule = [](const std::vector<TypePtr>& types) {
    return CHAR(std::min(asString(*types[0]).length() + asString(*types[1]).length(), kMaxCharLength));
  };
  registry.registerScalar(std::move(charConcat), describe("the first value padded to its length, then the second"),
      [](const FunctionBinding& binding) { return std::make_shared<SimpleFunctionAdapter<CharConcatFunction, StringView, StringView, StringView>>(binding); });
  auto split = [](const FunctionBinding&) { return std::make_shared<SplitFunction>(); };
  registry.registerScalar(makeSignature("split", {"varchar", "varchar"}, "array(varchar)"), describe("split on a delimiter"), split);
  registry.registerScalar(makeSignature("split", {"varchar", "varchar", "bigint"}, "array(varchar)"), describe("split on a delimiter, at most limit parts"), split);
}

} // namespace presto
