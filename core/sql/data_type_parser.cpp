// DataTypeParser: Spark's dataType / colTypeList grammar (SqlBaseParser.g4) and the errors of
// DataTypeAstBuilder (UNSUPPORTED_DATATYPE, INCOMPLETE_TYPE_DEFINITION, DATATYPE_MISSING_SIZE).
#include "sql/data_type_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "sql/parse_error.h"

namespace runnel::sql {

namespace {

std::string upperCase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}

struct TypeName {
  std::string_view name;
  types::DataTypePtr (*make)();
};

const std::array<TypeName, 17>& simpleTypes() {
  static const std::array<TypeName, 17> kTypes = {{
      {"BOOLEAN", types::booleanType},
      {"TINYINT", types::intType},
      {"BYTE", types::intType},
      {"SMALLINT", types::intType},
      {"SHORT", types::intType},
      {"INT", types::intType},
      {"INTEGER", types::intType},
      {"BIGINT", types::bigintType},
      {"LONG", types::bigintType},
      {"FLOAT", types::doubleType},
      {"REAL", types::doubleType},
      {"DOUBLE", types::doubleType},
      {"TIMESTAMP", types::timestampType},
      {"TIMESTAMP_LTZ", types::timestampType},
      {"TIMESTAMP_NTZ", types::timestampType},
      {"VOID", types::nullType},
      {"STRING", types::stringType},
  }};
  return kTypes;
}

bool isOneOf(const Token& t, std::initializer_list<std::string_view> names) {
  return std::any_of(names.begin(), names.end(),
                     [&](std::string_view n) { return t.isKeyword(n); });
}

}  // namespace

std::string parseIdentifier(TokenStream& tokens) {
  const Token& t = tokens.peek();
  if (t.kind == TokenKind::BackquotedIdentifier) return tokens.next().value;
  if (t.kind != TokenKind::Identifier) tokens.failHere();
  // PostProcessor.exitUnquotedIdentifier: the lexer takes Unicode letters, the parser only ASCII.
  if (std::any_of(t.text.begin(), t.text.end(), [](char c) { return (c & 0x80) != 0; })) {
    throw parseException(
        tokens.command(), "INVALID_IDENTIFIER",
        fmt::format("The unquoted identifier {0} is invalid and must be back quoted as: `{0}`.\n"
                    "Unquoted identifiers can only contain ASCII letters ('a' - 'z', 'A' - 'Z'), "
                    "digits ('0' - '9'), and underbar ('_').\n"
                    "Unquoted identifiers must also not start with a digit.\n"
                    "Different data sources and meta stores may impose additional restrictions on "
                    "valid identifiers.",
                    t.text),
        "42602", t.line, t.pos);
  }
  return tokens.next().text;
}

types::DataTypePtr DataTypeParser::parseDataType() {
  TokenStream::Nesting nesting(tokens_);
  const Token& t = tokens_.peek();
  if (t.isKeyword("ARRAY")) return complex(types::TypeId::Array);
  if (t.isKeyword("STRUCT")) return complex(types::TypeId::Struct);
  if (t.isKeyword("MAP") && tokens_.isOperator("<", 1)) {
    tokens_.failWith(ErrorClass::NotImplementedError, "Runnel does not support the MAP type yet.",
                     t);
  }
  return primitive();
}

types::DataTypePtr DataTypeParser::primitive() {
  const Token start = tokens_.peek();
  if (start.kind != TokenKind::Identifier && start.kind != TokenKind::BackquotedIdentifier)
    tokens_.failHere();
  const std::string name = parseIdentifier(tokens_);
  std::vector<std::string> params;
  // Spark's trivialPrimitiveType takes no parameters: "int(10)" is a syntax error at '('.
  const bool trivial =
      isOneOf(start, {"BOOLEAN", "TINYINT", "BYTE",    "SMALLINT",      "SHORT",
                      "INT",     "INTEGER", "BIGINT",  "LONG",          "FLOAT",
                      "REAL",    "DOUBLE",  "DATE",    "TIMESTAMP_LTZ", "TIMESTAMP_NTZ",
                      "BINARY",  "VOID",    "VARIANT", "STRING",        "TIMESTAMP"});
  if (tokens_.isOperator("(") && !trivial) {
    tokens_.next();
    do {
      if (tokens_.peek().kind != TokenKind::Integer) tokens_.failHere();
      params.push_back(tokens_.next().text);
    } while (tokens_.acceptOperator(","));
    tokens_.expectOperator(")");
  }
  if (start.kind == TokenKind::Identifier) {
    for (const auto& simple : simpleTypes()) {
      if (start.isKeyword(simple.name) && params.empty()) return simple.make();
    }
    if (isOneOf(start, {"CHAR", "CHARACTER", "VARCHAR"})) {
      if (params.size() == 1) return types::stringType();
      if (params.empty()) {
        const std::string type = upperCase(name);
        throw parseException(
            tokens_.command(), "DATATYPE_MISSING_SIZE",
            fmt::format("DataType \"{0}\" requires a length parameter, for example \"{0}\"(10). "
                        "Please specify the length.",
                        type),
            "42K01", start.line, start.pos);
      }
    }
    if (isOneOf(start, {"DECIMAL", "DEC", "NUMERIC"}) && params.size() <= 2)
      return types::doubleType();  // Runnel has no decimal type
    if (isOneOf(start, {"DATE", "BINARY", "INTERVAL", "VARIANT", "TIME"}) && params.empty()) {
      tokens_.failWith(ErrorClass::NotImplementedError,
                       fmt::format("Runnel does not support the {} type yet.", upperCase(name)),
                       start);
    }
  }
  std::string shown = name;
  for (size_t i = 0; i < params.size(); ++i)
    shown += (i == 0 ? "(" : ",") + params[i];
  if (!params.empty()) shown += ")";
  throw parseException(tokens_.command(), "UNSUPPORTED_DATATYPE",
                       fmt::format("Unsupported data type \"{}\".", upperCase(shown)), "0A000",
                       start.line, start.pos);
}

types::DataTypePtr DataTypeParser::complex(const types::TypeId kind) {
  const Token start = tokens_.next();
  if (kind == types::TypeId::Struct && tokens_.acceptOperator("<>")) return types::structType({});
  if (!tokens_.isOperator("<")) {
    const std::string what = kind == types::TypeId::Array ? "ARRAY" : "STRUCT";
    const std::string need = kind == types::TypeId::Array
                                 ? "an element type. For example: \"ARRAY<elementType>\""
                                 : "at least one field type. For example: \"STRUCT<name STRING, "
                                   "phone DECIMAL(10, 0)>\"";
    throw parseException(tokens_.command(), "INCOMPLETE_TYPE_DEFINITION." + what,
                         fmt::format("Incomplete complex type: The definition of \"{}\" type is "
                                     "incomplete. You must provide {}.",
                                     what, need),
                         "42K01", start.line, start.pos);
  }
  tokens_.next();
  ++open_angles_;
  if (kind == types::TypeId::Array) {
    auto element = parseDataType();
    closeAngle();
    return types::arrayType(std::move(element));
  }
  std::vector<types::Field> fields;
  if (!tokens_.isOperator(">")) {
    do {
      fields.push_back(field(true));
    } while (tokens_.acceptOperator(","));
  }
  closeAngle();
  return types::structType(std::move(fields));
}

void DataTypeParser::closeAngle() {
  const bool outermost = open_angles_ == 1;
  --open_angles_;
  tokens_.expectOperator(">", outermost);
}

types::Field DataTypeParser::field(bool colon_allowed) {
  types::Field f;
  f.name = parseIdentifier(tokens_);
  if (colon_allowed) tokens_.acceptOperator(":");
  f.type = parseDataType();
  if (tokens_.isKeyword("NOT") && tokens_.isKeyword("NULL", 1)) {
    tokens_.next();
    tokens_.next();
    f.nullable = false;
  }
  if (tokens_.acceptKeyword("COMMENT")) {  // kept by Spark as metadata; Runnel has none
    if (tokens_.peek().kind != TokenKind::String) tokens_.failHere();
    while (tokens_.peek().kind == TokenKind::String)
      tokens_.next();
  }
  return f;
}

types::Schema DataTypeParser::parseColumns() {
  types::Schema schema;
  do {
    schema.fields.push_back(field(false));
  } while (tokens_.acceptOperator(","));
  return schema;
}

types::DataTypePtr parseDataType(std::string_view text) {
  TokenStream tokens(text);
  auto type = DataTypeParser(tokens).parseDataType();
  tokens.expectEnd();
  return type;
}

types::Schema parseDdlSchema(std::string_view text) {
  TokenStream tokens(text);
  auto schema = DataTypeParser(tokens).parseColumns();
  tokens.expectEnd();
  return schema;
}

}  // namespace runnel::sql
