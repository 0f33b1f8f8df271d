// DataTypeParser: Spark's type strings and DDL schemas (DataTypeAstBuilder: singleDataType,
// singleTableSchema), e.g. "array<string>", "struct<a:int,b:string>", "word STRING, n INT NOT
// NULL".
#pragma once

#include <string_view>

#include "sql/token_stream.h"
#include "types/data_type.h"
#include "types/schema.h"

namespace runnel::sql {

class DataTypeParser {
 public:
  explicit DataTypeParser(TokenStream& tokens) : tokens_(tokens) {}

  // dataType: a primitive (int, bigint, string, varchar(n), decimal(p, s), ...), array<T> or
  // struct<name[:] T [NOT NULL] [COMMENT '...'], ...>. Types Runnel lacks map onto the nearest it
  // has (float and decimal are double, smallint is int, varchar is string); date, binary, map and
  // interval raise NotImplementedError.
  types::DataTypePtr parseDataType();
  // colTypeList: name type [NOT NULL] [COMMENT '...'], ...
  types::Schema parseColumns();

 private:
  types::DataTypePtr primitive();
  types::DataTypePtr complex(const types::TypeId kind);
  types::Field field(bool colon_allowed);
  void closeAngle();

  TokenStream& tokens_;
  int open_angles_ = 0;  // '<' not closed yet: ": missing '>'" only for the outermost one
};

// Spark's parseDataType (DataType.fromDDL of a single type). Throws ParseException with Spark's
// message.
types::DataTypePtr parseDataType(std::string_view text);
// Spark's StructType.fromDDL / parseTableSchema: DataStreamReader.schema("word STRING, n INT").
types::Schema parseDdlSchema(std::string_view text);

// The identifier at the cursor (plain or back-quoted), with Spark's INVALID_IDENTIFIER check; used
// by every SQL parser for names.
std::string parseIdentifier(TokenStream& tokens);

}  // namespace runnel::sql
