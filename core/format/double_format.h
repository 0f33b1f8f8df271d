// Shortest round-trip renderings of a double: Java's Double.toString (JDK 19+, what Spark's show()
// prints) and Python's float repr (what the conformance files write).
#pragma once

#include <string>

namespace runnel::format {

// Java Double.toString: `1.0`, `0.5`, `1.0E7`, `1.0E-4`, `4.9E-324`, `NaN`, `Infinity`, `-0.0`.
std::string javaDoubleToString(double v);
void appendJavaDouble(std::string& out, double v);

// Python repr(float): `2.5`, `1.0`, `1e+16`, `1e-05`, `inf`, `-inf`, `nan`, `-0.0`.
std::string pythonFloatRepr(double v);

}  // namespace runnel::format
