// Anonymous mappings, aligned so that the kernel can back them with huge pages.
#include "huge_pages.h"

#include <sys/mman.h>

#include <cstdint>
#include <new>
#include <utility>

namespace runnel::relay {

HugePageBuffer::HugePageBuffer(size_t bytes) : size_(bytes) {
  if (bytes == 0) return;
  // A huge page needs a 2 MiB-aligned range: map one page more and start at the boundary.
  bool huge = bytes % kHugePage == 0;
  mapped_ = huge ? bytes + kHugePage : bytes;
  mapping_ = ::mmap(nullptr, mapped_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping_ == MAP_FAILED) {
    mapping_ = nullptr;
    throw std::bad_alloc();
  }
  auto address = reinterpret_cast<uintptr_t>(mapping_);
  if (huge) address = (address + kHugePage - 1) / kHugePage * kHugePage;
  data_ = reinterpret_cast<char*>(address);
#ifdef MADV_HUGEPAGE
  // Advice only: without it (THP off, another kernel) the buffer is ordinary memory.
  if (huge) (void)::madvise(data_, bytes, MADV_HUGEPAGE);
#endif
}

HugePageBuffer::~HugePageBuffer() {
  release();
}

HugePageBuffer::HugePageBuffer(HugePageBuffer&& other) noexcept
    : mapping_(std::exchange(other.mapping_, nullptr)),
      mapped_(std::exchange(other.mapped_, 0)),
      data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)) {}

HugePageBuffer& HugePageBuffer::operator=(HugePageBuffer&& other) noexcept {
  if (this != &other) {
    release();
    mapping_ = std::exchange(other.mapping_, nullptr);
    mapped_ = std::exchange(other.mapped_, 0);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

void HugePageBuffer::release() {
  if (mapping_) ::munmap(mapping_, mapped_);
  mapping_ = nullptr;
}

}  // namespace runnel::relay
