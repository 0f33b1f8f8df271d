// The csv and json file sinks, written like Spark's FileStreamSinkSuite on StreamTest: add data,
// process, then check the part files, the _spark_metadata log and what spark.read gets back.
#include <gtest/gtest.h>

#include "format/csv_writer.h"
#include "format/file_format.h"
#include "format/json_writer.h"
#include "runnel/error.h"
#include "stream/file_stream_sink_log.h"
#include "stream/memory_stream.h"
#include "support/batch_rows.h"
#include "support/source_harness.h"

namespace runnel {
namespace {

using functions::col;
using Rows = std::vector<std::string>;

class FileStreamSinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    types::Schema schema;
    schema.fields.push_back({"id", types::intType(), true});
    schema.fields.push_back({"name", types::stringType(), true});
    auto [stream, df] = h_.spark->memoryStream(schema);
    input_ = stream;
    df_ = df;
  }
  StreamingQuery start(const std::string& format, const std::string& mode = "append") {
    return df_->writeStream()
        .format(format)
        .outputMode(mode)
        .option("checkpointLocation", "/cp")
        .start("/out");
  }
  void addData(const std::vector<std::pair<int, std::string>>& rows) {
    std::vector<std::vector<types::Value>> values;
    for (const auto& [id, name] : rows)
      values.push_back({types::Value::int32(id), types::Value::string(name)});
    input_->addData(values);
  }
  Rows partFiles() const {
    Rows parts;
    for (const auto& name : h_.fs->list("/out")) {
      if (name.rfind("part-", 0) == 0) parts.push_back(name);
    }
    return parts;
  }
  Rows readBack(const std::string& format) const {
    DataFrame df = format == "csv" ? h_.spark->read().schema("id INT, name STRING").csv("/out")
                                   : h_.spark->read().schema("id INT, name STRING").json("/out");
    return testing::sortedRows(df.collect());
  }

  testing::SourceHarness h_;
  std::shared_ptr<stream::MemoryStream> input_;
  std::optional<DataFrame> df_;
};

TEST_F(FileStreamSinkTest, AppendWritesOnePartFilePerBatchAndLogsIt) {
  StreamingQuery q = start("csv");
  addData({{1, "a"}, {2, "b"}});
  q.processAllAvailable();
  addData({{3, "c"}});
  q.processAllAvailable();
  Rows parts = partFiles();
  ASSERT_EQ(parts.size(), 2u);
  for (const auto& p : parts) {
    EXPECT_EQ(p.size(), std::string("part-00000-").size() + 36 + 4) << p;
    EXPECT_EQ(p.substr(p.size() - 4), ".csv");
  }
  auto log0 = h_.fs->read("/out/_spark_metadata/0");
  ASSERT_TRUE(log0.has_value());
  EXPECT_EQ(log0->substr(0, 3), "v1\n");
  EXPECT_NE(log0->find("\"path\":\"file:///out/part-00000-"), std::string::npos) << *log0;
  EXPECT_NE(log0->find("\"action\":\"add\""), std::string::npos) << *log0;
  EXPECT_EQ(readBack("csv"), (Rows{"1 | a", "2 | b", "3 | c"}));
  EXPECT_EQ(q.lastProgressJson()->find("FileSink[/out]") != std::string::npos, true);
}

TEST_F(FileStreamSinkTest, ReRunOfALoggedBatchWritesNoFile) {
  StreamingQuery q = start("json");
  addData({{1, "a"}});
  q.processAllAvailable();
  q.stop();
  // A crash after the sink logged batch 0 and before the commit: the restart re-runs batch 0.
  h_.fs->remove("/cp/commits/0");
  StreamingQuery again = start("json");
  again.processAllAvailable();
  EXPECT_EQ(partFiles().size(), 1u);
  addData({{2, "b"}});
  again.processAllAvailable();
  EXPECT_EQ(partFiles().size(), 2u);
  EXPECT_EQ(readBack("json"), (Rows{"1 | a", "2 | b"}));
}

TEST_F(FileStreamSinkTest, ReadersIgnoreAPartFileNoBatchLogged) {
  StreamingQuery q = start("csv");
  addData({{1, "a"}});
  q.processAllAvailable();
  h_.fs->writeAtomic("/out/part-00000-left-by-a-crashed-batch.csv", "9,z\n");
  EXPECT_EQ(readBack("csv"), Rows{"1 | a"});
}

TEST_F(FileStreamSinkTest, AFileSourceOnASinkOutputReadsOnlyLoggedFiles) {
  StreamingQuery q = start("csv");
  addData({{1, "a"}});
  q.processAllAvailable();
  h_.fs->writeAtomic("/out/part-00000-left-by-a-crashed-batch.csv", "9,z\n");
  DataFrame again = h_.spark->readStream().schema("id INT, name STRING").csv("/out");
  StreamingQuery copy = again.writeStream()
                            .format("memory")
                            .queryName("copy")
                            .option("checkpointLocation", "/cp-copy")
                            .start();
  copy.processAllAvailable();
  auto rows = h_.spark->tableRows("copy");
  ASSERT_TRUE(rows.has_value());
  EXPECT_EQ(testing::sortedRows(*rows), Rows{"1 | a"});
}

TEST_F(FileStreamSinkTest, TheTenthBatchCompactsTheLog) {
  StreamingQuery q = start("csv");
  for (int i = 0; i < 11; ++i) {
    addData({{i, "n"}});
    q.processAllAvailable();
  }
  EXPECT_TRUE(h_.fs->exists("/out/_spark_metadata/9.compact"));
  EXPECT_TRUE(h_.fs->exists("/out/_spark_metadata/10"));
  stream::FileStreamSinkLog log(*h_.fs, "/out");
  EXPECT_EQ(log.latestBatchId(), 10);
  EXPECT_EQ(log.allFiles().size(), 11u);
  EXPECT_EQ(readBack("csv").size(), 11u);
}

TEST_F(FileStreamSinkTest, CsvAndJsonRenderValuesAsSpark) {
  StreamingQuery csv = start("csv");
  addData({{1, "plain"}, {2, ""}, {3, "a,b"}, {4, "say \"hi\""}, {5, "  padded "}});
  input_->addData(
      {{types::Value::null(types::intType()), types::Value::null(types::stringType())}});
  csv.processAllAvailable();
  Rows parts = partFiles();
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(*h_.fs->read("/out/" + parts[0]),
            "1,plain\n2,\"\"\n3,\"a,b\"\n4,\"say \\\"hi\\\"\"\n5,padded\n,\n");
}

TEST_F(FileStreamSinkTest, CsvWriterOptionsGiveAHeaderPerFileAndTheSeparator) {
  StreamingQuery q = df_->writeStream()
                         .format("csv")
                         .option("header", "true")
                         .option("sep", ";")
                         .option("nullValue", "NA")
                         .option("checkpointLocation", "/cp")
                         .start("/out");
  addData({{1, "a;b"}});
  input_->addData({{types::Value::int32(2), types::Value::null(types::stringType())}});
  q.processAllAvailable();
  Rows parts = partFiles();
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(*h_.fs->read("/out/" + parts[0]), "id;name\n1;\"a;b\"\n2;NA\n");
  DataFrame back = h_.spark->read()
                       .option("header", "true")
                       .option("sep", ";")
                       .option("nullValue", "NA")
                       .schema("id INT, name STRING")
                       .csv("/out");
  EXPECT_EQ(testing::sortedRows(back.collect()), (Rows{"1 | a;b", "2 | NULL"}));
}

TEST_F(FileStreamSinkTest, JsonLeavesNullFieldsOut) {
  StreamingQuery json = start("json");
  addData({{1, "say \"hi\"\n"}});
  input_->addData({{types::Value::int32(2), types::Value::null(types::stringType())}});
  json.processAllAvailable();
  Rows parts = partFiles();
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(*h_.fs->read("/out/" + parts[0]),
            "{\"id\":1,\"name\":\"say \\\"hi\\\"\\n\"}\n{\"id\":2}\n");
}

TEST(FileSinkWriters, TimestampsDoublesAndStructsAsSparkWritesThem) {
  types::Batch b;
  b.schema.fields = {{"ts", types::timestampType(), true},
                     {"d", types::doubleType(), true},
                     {"flag", types::booleanType(), true}};
  auto ts = types::Column::make(types::timestampType());
  ts->appendInt(1'700'000'000'123'456);  // 2023-11-14 22:13:20.123456 UTC
  auto d = types::Column::make(types::doubleType());
  d->appendDouble(1e7);
  auto flag = types::Column::make(types::booleanType());
  flag->appendBool(true);
  b.columns = {ts, d, flag};
  b.num_rows = 1;
  std::string csv;
  format::appendCsvRows(csv, b, format::CsvOptions{});
  EXPECT_EQ(csv, "2023-11-14T22:13:20.123Z,1.0E7,true\n");
  std::string json;
  format::JsonWriteOptions in_zone;
  in_zone.zone = types::TimeZone{"+01:30", 5400};
  format::appendJsonRows(json, b, in_zone);
  EXPECT_EQ(json, "{\"ts\":\"2023-11-14T23:43:20.123+01:30\",\"d\":1.0E7,\"flag\":true}\n");

  types::Schema nested;
  nested.fields = {{"w", types::structType({{"start", types::timestampType(), true}}), true}};
  try {
    format::checkUserSchema(format::FileFormatKind::Csv, nested);
    FAIL() << "expected AnalysisException";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(),
              "[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The CSV datasource doesn't support the "
              "column `w` of the type \"STRUCT<start: TIMESTAMP>\". SQLSTATE: 0A000");
  }
}

// The JSON writer's options (Spark's JSONOptions): each changes what one row becomes.
TEST(FileSinkWriters, JsonWriterOptions) {
  types::Batch b;
  b.schema.fields = {{"ts", types::timestampType(), true},
                     {"name", types::stringType(), true},
                     {"s", types::structType({{"x", types::bigintType(), true}}), true}};
  auto ts = types::Column::make(types::timestampType());
  ts->appendInt(1'700'000'000'123'456);  // 2023-11-14 22:13:20.123456 UTC
  auto name = types::Column::make(types::stringType());
  name->appendNull();
  auto s = types::Column::make(b.schema.fields[2].type);
  types::Value inner;
  inner.type = b.schema.fields[2].type;
  inner.is_null = false;
  types::Value x;
  x.type = types::bigintType();
  x.is_null = true;
  inner.children = {x};
  s->appendValue(inner);
  b.columns = {ts, name, s};
  b.num_rows = 1;

  struct Case {
    format::OptionMap options;
    std::string written;
  };
  const Case cases[] = {
      {{}, "{\"ts\":\"2023-11-14T22:13:20.123Z\",\"s\":{}}\n"},
      {{{"ignorenullfields", "false"}},
       "{\"ts\":\"2023-11-14T22:13:20.123Z\",\"name\":null,\"s\":{\"x\":null}}\n"},
      {{{"ignorenullfields", "TRUE"}}, "{\"ts\":\"2023-11-14T22:13:20.123Z\",\"s\":{}}\n"},
      {{{"timestampformat", "yyyy/MM/dd HH:mm"}}, "{\"ts\":\"2023/11/14 22:13\",\"s\":{}}\n"},
      {{{"linesep", "\r\n"}}, "{\"ts\":\"2023-11-14T22:13:20.123Z\",\"s\":{}}\r\n"},
      {{{"encoding", "UTF-8"}, {"dateformat", "dd.MM.yyyy"}},
       "{\"ts\":\"2023-11-14T22:13:20.123Z\",\"s\":{}}\n"},
  };
  for (const Case& c : cases) {
    std::string json;
    format::appendJsonRows(json, b, format::JsonWriteOptions::from({c.options}));
    EXPECT_EQ(json, c.written);
  }

  struct Bad {
    format::OptionMap options;
    std::string error;
  };
  const Bad bad[] = {
      {{{"ignorenullfields", "yes"}}, "IllegalArgumentException: For input string: \"yes\""},
      {{{"linesep", ""}},
       "IllegalArgumentException: requirement failed: 'lineSep' cannot be an empty string."},
      {{{"encoding", "UTF-16"}}, "NotImplementedError: the JSON writer's encoding \"UTF-16\""},
  };
  for (const Bad& c : bad) {
    try {
      format::JsonWriteOptions::from({c.options});
      ADD_FAILURE() << c.error;
    } catch (const Error& e) {
      EXPECT_TRUE((std::string(e.className()) + ": " + e.message()).starts_with(c.error))
          << e.message();
    }
  }
}

TEST_F(FileStreamSinkTest, OnlyAppendModeIsSupported) {
  try {
    start("csv", "complete");
    FAIL() << "expected AnalysisException";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::AnalysisException);
    EXPECT_EQ(e.message(),
              "[STREAMING_OUTPUT_MODE.UNSUPPORTED_DATASOURCE] Invalid streaming output mode: "
              "complete. This output mode is not supported in Data Source csv. SQLSTATE: 42KDE");
  }
}

TEST_F(FileStreamSinkTest, PathAndCheckpointAreRequired) {
  try {
    df_->writeStream().format("json").option("checkpointLocation", "/cp").start();
    FAIL() << "expected IllegalArgumentException";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::IllegalArgumentException);
    EXPECT_EQ(e.message(), "'path' is not specified");
  }
  try {
    df_->writeStream().format("json").option("path", "/out").start();
    FAIL() << "expected AnalysisException";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::AnalysisException);
    EXPECT_NE(e.message().find("checkpointLocation must be specified"), std::string::npos);
  }
}

}  // namespace
}  // namespace runnel
