#pragma once

#include <string>

#include "type/Type.h"

namespace presto::sql {

/// A system session property users can SET SESSION: what SHOW SESSION lists.
struct SessionPropertyMetadata {
  std::string name;
  TypePtr type;
  std::string defaultValue;
  std::string description;
};

} // namespace presto::sql
