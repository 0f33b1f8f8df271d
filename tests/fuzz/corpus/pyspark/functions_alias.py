import pyspark.sql.functions as F
from pyspark.sql import SparkSession
from pyspark.sql.types import StructType, StructField, StringType, IntegerType
spark = SparkSession.builder.getOrCreate()
schema = StructType([StructField("k", StringType(), True), StructField("v", IntegerType())])
df = spark.createDataFrame([("a", 1), ("b", None)], schema)
df.select(F.col("k"), (F.col("v") + 1).alias("v1"), F.when(df.v > 0, "pos").otherwise("neg")).show()
df.groupBy("k").agg(F.count("*"), F.sum("v")).orderBy("k").show(truncate=False)
print(df.schema, df.dtypes, [c for c in df.columns if c != "v"])
