// Runs a short PySpark cell whose last line is a DataFrame expression (the conformance runner's
// `query` blocks): `spark` is bound, `from pyspark.sql.functions import *` is in effect, plus the
// given names.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "runnel/data_frame.h"
#include "runnel/spark_session.h"

namespace runnel::pyspark {

DataFrame evaluateDataFrameCell(const std::shared_ptr<SparkSession>& spark, const std::string& code,
                                const std::vector<std::pair<std::string, DataFrame>>& bindings,
                                int first_line);

}  // namespace runnel::pyspark
