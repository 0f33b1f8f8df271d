// The PySpark API as host objects: each wraps one runnel API value (SparkSession, DataFrame,
// Column, GroupedData, readers/writers, StreamingQuery, types, Row) and answers Python attribute
// reads and calls.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "pyspark/interpreter.h"
#include "pyspark/value.h"
#include "runnel/spark_session.h"
#include "types/schema.h"
#include "types/value.h"

namespace runnel::pyspark {

// What every binding can reach: the session, its interpreter (foreachBatch calls back into it), and
// the log level spark.sparkContext.setLogLevel chose.
struct PySparkContext {
  std::shared_ptr<SparkSession> session;
  Interpreter* interpreter = nullptr;
  std::string log_level = "WARN";
  std::string app_name;
  // Where the program meets a query's failure, by query id: the awaitTermination() it ended at
  // (Spark raises the failure there), else the start() that started it.
  std::map<std::string, SourcePosition> failure_positions;
  Value listener_class;          // pyspark.sql.streaming.StreamingQueryListener
  std::vector<Value> listeners;  // spark.streams.addListener, in the order added
};
using ContextPtr = std::shared_ptr<PySparkContext>;

// Installs pyspark, pyspark.sql, pyspark.sql.functions, pyspark.sql.types, pyspark.sql.streaming
// and pyspark.errors into the interpreter.
void installPySpark(Interpreter& in, const ContextPtr& ctx);

template <class T, class... A>
Value host(A&&... args) {
  return Value::object(ValueType::Host, std::make_shared<T>(std::forward<A>(args)...));
}

// Columns (bind_column.cpp)
Value wrapColumn(Column c);
const Column* asColumn(const Value& v);
// PySpark's _to_java_column: a Column, or a str naming a column; anything else is
// NOT_COLUMN_OR_STR.
Column toColumn(const Value& v, SourcePosition pos, const std::string& arg = "col");
// PySpark's lit()/_create_column_from_literal: a Column stays, Python scalars become literals.
Column toLiteral(const Value& v, SourcePosition pos);
Column columnByName(const std::string& name, SourcePosition pos);
std::vector<Column> toColumns(const std::vector<Value>& values, SourcePosition pos);
std::vector<std::pair<std::string, Value>> functionsModule();

// DataFrames (bind_dataframe.cpp, bind_grouped_data.cpp)
Value wrapDataFrame(const ContextPtr& ctx, DataFrame df);
const DataFrame* asDataFrame(const Value& v);
Value wrapGroupedData(const ContextPtr& ctx, GroupedData g);

// Readers, writers, queries (bind_reader.cpp, bind_streaming.cpp)
Value wrapStreamReader(const ContextPtr& ctx, bool streaming);
Value wrapStreamWriter(const ContextPtr& ctx, DataFrame df);
Value wrapDataFrameWriter(DataFrame df);  // df.write (bind_data_frame_writer.cpp)
Value wrapQuery(const ContextPtr& ctx, StreamingQuery q);
Value wrapStreams(const ContextPtr& ctx);
// A JSON document as Python values (dicts keep the document's key order).
// StreamingQueryListener (bind_listener.cpp): the base class, spark.streams' add and remove, and
// the events the host posts to the listeners as the engine reports them.
Value streamingQueryListenerClass();
void addListener(PySparkContext& ctx, const Value& listener, SourcePosition pos);
void removeListener(PySparkContext& ctx, const Value& listener);
void postQueryStarted(PySparkContext& ctx, const StreamingQuery& q);
void postQueryProgress(PySparkContext& ctx, const StreamingQuery& q);  // its lastProgress
void postQueryTerminated(PySparkContext& ctx, const StreamingQuery& q,
                         const std::optional<Error>& error);
Value jsonToPython(const std::string& json);

// Session (bind_session.cpp)
std::vector<std::pair<std::string, Value>> sqlModule(const ContextPtr& ctx);
Value wrapSession(const ContextPtr& ctx);  // the playground's one SparkSession (df.sparkSession)

// Python's time module on the session's clock (bind_time.cpp)
std::vector<std::pair<std::string, Value>> timeModule(const ContextPtr& ctx);

// Types and rows (bind_types.cpp, bind_row.cpp)
std::vector<std::pair<std::string, Value>> typesModule();
// A StructType / DDL string / list of names as the schema createDataFrame and readers take.
const types::Schema* asSchema(const Value& v);
types::DataTypePtr asDataType(const Value& v);
std::string typeString(const Value& v, SourcePosition pos);  // cast("int") or cast(IntegerType())
Value wrapSchema(types::Schema schema);
Value makeRow(std::vector<std::string> names, std::vector<Value> values);
Value sparkToPython(const types::Value& v);
types::Value pythonToSpark(const Value& v, const types::DataTypePtr& type, SourcePosition pos);
Value rowsToPython(const types::Batch& batch);

}  // namespace runnel::pyspark
