// StateStores: snapshots at <checkpoint>/state/<opId>/0/<version>.snapshot, one per committed batch
// (Spark keeps deltas and snapshots; one snapshot per version is simpler and restart-equivalent).
#include "exec/state_store.h"

namespace runnel::exec {

namespace {
std::string snapshotPath(const std::string& dir, int op_id, int64_t version) {
  return dir + "/" + std::to_string(op_id) + "/0/" + std::to_string(version) + ".snapshot";
}
}  // namespace

void StateStores::attach(FileSystem* fs, std::string dir, int64_t version_to_load) {
  fs_ = fs;
  dir_ = std::move(dir);
  load_version_ = version_to_load;
}

std::optional<std::string> StateStores::loadSnapshot(int op_id) const {
  if (fs_ == nullptr || dir_.empty() || load_version_ <= 0) return std::nullopt;
  return fs_->read(snapshotPath(dir_, op_id, load_version_));
}

void StateStores::commit(int64_t version) {
  if (fs_ == nullptr || dir_.empty()) return;
  for (const auto& [op_id, data] : stores_) {
    fs_->writeAtomic(snapshotPath(dir_, op_id, version), data->serialize());
    // Keep the previous version too: a batch re-run after a crash loads version - 1.
    if (version > 2) fs_->remove(snapshotPath(dir_, op_id, version - 2));
  }
}

}  // namespace runnel::exec
