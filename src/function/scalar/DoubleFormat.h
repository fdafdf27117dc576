#pragma once

#include <string>

namespace presto {

/// Java's Double.toString / Float.toString, which Presto uses for CAST(double AS varchar):
/// `1.0`, `0.001`, `1.0E7`, `1.234E-5`, `NaN`, `Infinity`, `-Infinity`.
std::string formatDouble(double value);
std::string formatReal(float value);

} // namespace presto
