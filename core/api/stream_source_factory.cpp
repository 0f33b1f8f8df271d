// Stream source factory for rate and files: the options were validated at load(); here they are
// parsed again from the SourceSpec, which is all a started query keeps of the reader.
#include "api/stream_source_factory.h"

#include "format/file_format.h"
#include "runnel/spark_session.h"
#include "stream/file_stream_source.h"
#include "stream/rate_source.h"

namespace runnel {

std::shared_ptr<stream::Source> makeRateOrFileSource(SparkSession& session,
                                                     const plan::LogicalPlan& relation,
                                                     const std::string& metadata_dir) {
  const plan::SourceSpec& spec = *relation.source;
  format::ReadOptions options;
  for (const auto& [k, v] : spec.options)
    options.options[k] = v;
  options.zone = types::tryParseTimeZone(session.timeZone()).value_or(types::TimeZone::utc());
  if (spec.format == "rate") {
    return std::make_shared<stream::RateSource>(session.fileSystem(), metadata_dir,
                                                stream::RateOptions::parse(options),
                                                session.clock().nowMs());
  }
  if (auto kind = format::fileFormatKind(spec.format)) {
    return std::make_shared<stream::FileStreamSource>(
        session.fileSystem(), spec.path, *kind, std::move(options), relation.output, metadata_dir);
  }
  return nullptr;
}

}  // namespace runnel
