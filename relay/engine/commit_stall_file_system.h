// A FileSystem decorator for the crash test of `runnel run`
// (tests/cli/kill_between_offset_and_commit.sh): with RUNNEL_TEST_STALL_BEFORE_COMMIT=N in the
// environment, the write of a checkpoint's commits/N prints "runnel: stalled before commit N" on
// stderr and blocks until the process is killed. Batch N's offsets and sink output are then on disk
// and its commit is not: the moment a SIGKILL must be survivable. Read here, at the CLI edge; the
// engine knows nothing of it.
#pragma once

#include <memory>

#include "runnel/file_system.h"

namespace runnel::cli {

// `fs` itself when the variable is not set.
std::shared_ptr<FileSystem> withCommitStall(std::shared_ptr<FileSystem> fs);

}  // namespace runnel::cli
