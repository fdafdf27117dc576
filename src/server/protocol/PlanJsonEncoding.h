#pragma once

// Shared by the translation units that encode plan fragments as JSON (PlanFragmentJson.h is the
// public entry point); includes nlohmann-json, so only those .cpp files include it.

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "common/PrestoException.h"

namespace presto::server::planjson {

using Json = nlohmann::json;

/// Deepest nesting of plan nodes, expressions or types a decoder follows: hostile input must not
/// exhaust the stack.
inline constexpr int kMaxNestingDepth = 1000;

/// Throws the GENERIC_INTERNAL_ERROR of a plan fragment that cannot be decoded.
[[noreturn]] void failMalformed(const std::string& message);

/// `object[key]`, failing clearly when `object` is not an object or lacks the key.
const Json& requireField(const Json& object, std::string_view key);

/// The elements of `json`, failing clearly when it is not an array; `what` names the field.
const Json::array_t& requireArray(const Json& json, std::string_view what);

/// The two-way mapping between the values of an enum and their names in the JSON.
template <typename Enum, size_t N>
class EnumNames {
 public:
  constexpr EnumNames(std::string_view what, std::array<std::pair<Enum, std::string_view>, N> names)
      : what_(what), names_(names) {}

  Json toJson(Enum value) const {
    for (const auto& [candidate, name] : names_) {
      if (candidate == value) {
        return std::string(name);
      }
    }
    failMalformed("unnamed " + std::string(what_) + " " + std::to_string(static_cast<int>(value)));
  }

  Enum fromJson(const Json& json) const {
    if (json.is_string()) {
      for (const auto& [value, name] : names_) {
        if (json.get_ref<const std::string&>() == name) {
          return value;
        }
      }
    }
    failMalformed("unknown " + std::string(what_) + " " + json.dump());
  }

 private:
  std::string_view what_;
  std::array<std::pair<Enum, std::string_view>, N> names_;
};

} // namespace presto::server::planjson
