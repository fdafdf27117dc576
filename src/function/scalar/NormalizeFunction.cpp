#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include "function/BuiltinFunctions.h"
#include "function/SimpleFunction.h"

namespace presto {
namespace {

/// The ICU normalizer of a form name (NFC, NFD, NFKC, NFKD; upper case, as Presto's
/// Normalizer.Form.valueOf); nullptr for any other name. ICU's instances are process-wide singletons.
const icu::Normalizer2* normalizerFor(std::string_view form) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = nullptr;
  if (form == "NFC") {
    normalizer = icu::Normalizer2::getNFCInstance(status);
  } else if (form == "NFD") {
    normalizer = icu::Normalizer2::getNFDInstance(status);
  } else if (form == "NFKC") {
    normalizer = icu::Normalizer2::getNFKCInstance(status);
  } else if (form == "NFKD") {
    normalizer = icu::Normalizer2::getNFKDInstance(status);
  }
  return U_SUCCESS(status) ? normalizer : nullptr;
}

CallStatus normalizeText(const icu::Normalizer2& normalizer, StringView text, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  icu::StringByteSink<std::string> sink(&out);
  normalizer.normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr, status);
  if (U_FAILURE(status)) {
    return CallStatus::error(errors::INVALID_FUNCTION_ARGUMENT, fmt::format("Cannot normalize: {}", u_errorName(status)));
  }
  return CallStatus::value();
}

/// normalize(string): canonical composition (NFC).
struct NormalizeFunction {
  CallStatus call(std::string& out, StringView text) const { return normalizeText(*normalizerFor("NFC"), text, out); }
};

/// normalize(string, form) with form one of NFC, NFD, NFKC, NFKD. A constant form is looked up once.
struct NormalizeWithFormFunction {
  void initialize(const FunctionBinding& binding) {
    if (const Value* form = binding.constantAt(1); form != nullptr && !form->isNull()) {
      constantForm_ = normalizerFor(form->as<std::string>());
      formIsConstant_ = true;
    }
  }

  CallStatus call(std::string& out, StringView text, StringView form) const {
    const icu::Normalizer2* normalizer = formIsConstant_ ? constantForm_ : normalizerFor(form.view());
    if (normalizer == nullptr) {
      return CallStatus::error(errors::INVALID_FUNCTION_ARGUMENT, "Normalization form must be one of [NFD, NFC, NFKD, NFKC]");
    }
    return normalizeText(*normalizer, text, out);
  }

  const icu::Normalizer2* constantForm_ = nullptr;
  bool formIsConstant_ = false;
};

FunctionMetadata describe(std::string description) {
  return {FunctionKind::kScalar, true, std::move(description), false};
}

} // namespace

void registerNormalizeFunctions(FunctionRegistry& registry) {
  registerSimple<NormalizeFunction, StringView, StringView>(
      registry, "normalize", {"varchar"}, "varchar", describe("Unicode normalization form NFC"));
  registerSimple<NormalizeWithFormFunction, StringView, StringView, StringView>(registry, "normalize", {"varchar", "varchar"},
      "varchar", describe("Unicode normalization to form NFC, NFD, NFKC or NFKD"));
}

} // namespace presto
