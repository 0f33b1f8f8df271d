// The examples menu. The first is the course's socket word count (Spark's Structured Streaming
// Programming Guide, "Quick Example"), the default cell.
export interface Example {
  id: string;
  title: string;
  code: string;
}

const WORD_COUNT = `from pyspark.sql import SparkSession
from pyspark.sql.functions import explode, split

spark = SparkSession.builder.appName("StructuredNetworkWordCount").getOrCreate()

# Lines typed into \`nc -lk 9999\` (the terminal pane)
lines = spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()

# Split the lines into words
words = lines.select(explode(split(lines.value, " ")).alias("word"))

# Running word count
wordCounts = words.groupBy("word").count()

query = wordCounts.writeStream.outputMode("complete").format("console").start()
query.awaitTermination()
`;

const BATCH_VS_STREAMING = `from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("BatchVsStreaming").getOrCreate()

# Batch: spark.read reads the whole file once; show() prints the answer and the cell goes on.
people = spark.read.option("header", True).option("inferSchema", True).csv("data/people.csv")
people.show()
people.groupBy("city").count().show()

# Streaming: the same aggregation over an unbounded input. Type city names into the terminal;
# every micro-batch prints the updated table.
cities = spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()
counts = cities.groupBy("value").count()
query = counts.writeStream.outputMode("complete").format("console").start()
query.awaitTermination()
`;

const UPDATE_VS_COMPLETE = `from pyspark.sql import SparkSession
from pyspark.sql.functions import explode, split

spark = SparkSession.builder.appName("UpdateVsComplete").getOrCreate()

lines = spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()
words = lines.select(explode(split(lines.value, " ")).alias("word"))
wordCounts = words.groupBy("word").count()

# "update" prints only the rows that changed in each batch;
# change it to "complete" to print the whole result table every time.
query = wordCounts.writeStream.outputMode("update").format("console").start()
query.awaitTermination()
`;

const RATE_SOURCE = `from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("RateSource").getOrCreate()

# The rate source generates (timestamp, value) rows: here 5 rows per second.
rate = spark.readStream.format("rate").option("rowsPerSecond", 5).load()
evens = rate.where(rate.value % 2 == 0)

query = (evens.writeStream
    .outputMode("append")
    .format("console")
    .option("truncate", False)
    .trigger(processingTime="2 seconds")
    .start())
query.awaitTermination()
`;

const MEMORY_SINK = `import time
from pyspark.sql import SparkSession
from pyspark.sql.functions import explode, split

spark = SparkSession.builder.appName("MemorySink").getOrCreate()

lines = spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()
words = lines.select(explode(split(lines.value, " ")).alias("word"))

# The memory sink keeps the result table in memory, as a table named by queryName:
# the program can query it with SQL while the stream runs.
counts = words.groupBy("word").count()
query = (counts.writeStream
    .outputMode("complete")
    .format("memory")
    .queryName("word_counts")
    .start())

# Type lines into the terminal while the program sleeps; each look shows the table so far.
for look in range(6):
    time.sleep(10)
    print(f"Look {look + 1}:")
    spark.sql("SELECT * FROM word_counts ORDER BY count DESC, word").show()

query.stop()
`;

const FOREACH_WRITER = `from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("ForeachWriter").getOrCreate()

lines = spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()

# foreach hands each row to a writer object: open() for each partition
# of each batch (epoch_id is the batch id), process() for each row,
# then close() with the error process() raised, if any.
# Return False from open() to skip the partition.
class LineWriter:
    def open(self, partition_id, epoch_id):
        self.epoch_id = epoch_id
        self.rows = 0
        return True

    def process(self, row):
        self.rows += 1
        print(f"batch {self.epoch_id}: {row.value.upper()}")

    def close(self, error):
        print(f"batch {self.epoch_id} closed after {self.rows} rows, error: {error}")

query = lines.writeStream.foreach(LineWriter()).start()
query.awaitTermination()
`;

export const EXAMPLES: Example[] = [
  { id: 'word-count', title: 'Word count (socket)', code: WORD_COUNT },
  { id: 'batch-vs-streaming', title: 'Batch vs streaming (CSV)', code: BATCH_VS_STREAMING },
  { id: 'update-vs-complete', title: 'Update vs complete mode', code: UPDATE_VS_COMPLETE },
  { id: 'rate', title: 'Rate source', code: RATE_SOURCE },
  { id: 'memory-sink', title: 'Memory sink, queried while it runs', code: MEMORY_SINK },
  { id: 'foreach-writer', title: 'foreach with a writer class', code: FOREACH_WRITER },
];

export const DEFAULT_EXAMPLE = EXAMPLES[0];

// Files the examples read, fetched next to the page and written into the engine's file system.
export const BUNDLED_FILES = ['data/people.csv'];
