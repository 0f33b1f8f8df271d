// Fresh memory for the relay's big per-target buffers (the line-end index, the ring of newest
// bytes), in 2 MiB transparent huge pages where the kernel offers them (Linux in THP "madvise"
// mode, as Debian ships it). A page fault costs microseconds, more under a hypervisor: bulk lines
// into a 4 KiB-paged index took a fault per 1,024 lines, a tenth of the relay's CPU, where one
// huge page takes one fault per 512 Ki lines.
#pragma once

#include <cstddef>

namespace runnel::relay {

class HugePageBuffer {
 public:
  HugePageBuffer() = default;
  // `bytes` of zeroed memory, not yet touched; huge pages when `bytes` is a multiple of 2 MiB.
  // Throws std::bad_alloc.
  explicit HugePageBuffer(size_t bytes);
  ~HugePageBuffer();
  HugePageBuffer(HugePageBuffer&& other) noexcept;
  HugePageBuffer& operator=(HugePageBuffer&& other) noexcept;
  HugePageBuffer(const HugePageBuffer&) = delete;
  HugePageBuffer& operator=(const HugePageBuffer&) = delete;

  char* data() const { return data_; }
  size_t size() const { return size_; }
  static constexpr size_t kHugePage = size_t{2} << 20;

 private:
  void release();

  void* mapping_ = nullptr;  // what munmap gets back
  size_t mapped_ = 0;
  char* data_ = nullptr;  // aligned to kHugePage when size_ is a multiple of it
  size_t size_ = 0;
};

}  // namespace runnel::relay
