// How one value renders inside show() (Spark 3.5/4.0 ToPrettyString): `NULL`, Java doubles,
// timestamps in the session time zone, arrays `[a, b]`, structs `{1, x}`, nested nulls as `NULL`.
#pragma once

#include <string>

#include "types/column.h"
#include "types/timestamp.h"
#include "types/value.h"

namespace runnel::format {

void appendPrettyValue(std::string& out, const types::Value& v, const types::TimeZone& zone);
std::string prettyValue(const types::Value& v,
                        const types::TimeZone& zone = types::TimeZone::utc());

// The same text read straight from a column row, without building a Value.
void appendPrettyCell(std::string& out, const types::Column& col, size_t row,
                      const types::TimeZone& zone);
std::string prettyCell(const types::Column& col, size_t row,
                       const types::TimeZone& zone = types::TimeZone::utc());

}  // namespace runnel::format
