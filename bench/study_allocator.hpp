// The allocator settings `parley sweep` and `parley tournament` run under, for the benchmarks
// that stand for them, undone afterwards so that the other benchmarks in this process keep
// glibc's defaults whatever the order or filter.
#pragma once

#include <malloc.h>

#include "parley/run/executor.hpp"

class StudyAllocator {
 public:
  StudyAllocator() { parley::keep_freed_memory_for_reuse(); }
  ~StudyAllocator() {
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);  // glibc's documented defaults
    mallopt(M_TRIM_THRESHOLD, 128 * 1024);
#endif
  }
  StudyAllocator(const StudyAllocator&) = delete;
  StudyAllocator& operator=(const StudyAllocator&) = delete;
};
