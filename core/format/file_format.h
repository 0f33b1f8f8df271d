// FileFormat: the csv, json and text formats behind spark.read and the file stream source (Spark's
// FileFormat implementations): the schema a read gets and the rows of a set of files.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "format/read_options.h"
#include "types/batch.h"

namespace runnel::format {

enum class FileFormatKind { Csv, Json, Text };

// nullopt for a format Runnel does not read (the name is case-insensitive, as in Spark).
std::optional<FileFormatKind> fileFormatKind(const std::string& name);
// text: `value: string`.
types::Schema textSchema();
// The schema without a user schema: csv by header/inferSchema, json inferred, text `value`.
types::Schema inferFileSchema(FileFormatKind kind, const ReadOptions& options,
                              const std::vector<std::string_view>& files);
// Checks a user schema against what the format can read (Spark's supportDataType checks).
void checkUserSchema(FileFormatKind kind, const types::Schema& schema);
types::Batch readFiles(FileFormatKind kind, const ReadOptions& options, const types::Schema& schema,
                       const std::vector<std::string_view>& files);

}  // namespace runnel::format
