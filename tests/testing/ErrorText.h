#pragma once

#include <functional>
#include <string>

#include "common/PrestoException.h"

namespace presto::test {

/// Runs `action` and describes the PrestoException it throws as `ERROR_NAME: message`, or returns
/// `<no error>`; tests compare the whole text so that code and message are both checked.
inline std::string errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const PrestoException& e) {
    return std::string(e.errorCode().name) + ": " + e.what();
  }
  return "<no error>";
}

} // namespace presto::test
