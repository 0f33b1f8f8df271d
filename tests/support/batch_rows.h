// Test helpers: a Batch as sorted "a | b" row strings, so tests compare batches as multisets.
#pragma once

#include <string>
#include <vector>

#include "types/batch.h"

namespace runnel::testing {

std::string cellText(const types::Value& v);
std::vector<std::string> sortedRows(const types::Batch& b);

}  // namespace runnel::testing
