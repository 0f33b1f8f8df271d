// JsonSchemaInference: Spark's JsonInferSchema over JSON Lines. Integers are bigint, other numbers
// double, objects structs with fields sorted by name, arrays of the common element type; all-null
// fields end as string. Malformed lines add `_corrupt_record: string` (PERMISSIVE).
#pragma once

#include <string_view>
#include <vector>

#include "format/json_record.h"
#include "types/schema.h"

namespace runnel::format {

// JsonInferSchema.compatibleType (exposed for the merge rules' tests).
types::DataTypePtr compatibleJsonType(const types::DataTypePtr& a, const types::DataTypePtr& b);
types::Schema inferJsonSchema(const std::vector<std::string_view>& files,
                              const JsonOptions& options);

}  // namespace runnel::format
