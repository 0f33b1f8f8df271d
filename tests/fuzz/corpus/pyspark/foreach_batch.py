from pyspark.sql import SparkSession
spark = SparkSession.builder.getOrCreate()
lines = spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()
def handle(batch_df, batch_id):
    print(batch_id, batch_df.count())
q = lines.writeStream.foreachBatch(handle).trigger(once=True).start()
q.awaitTermination()
print(q.isActive, q.lastProgress is None)
