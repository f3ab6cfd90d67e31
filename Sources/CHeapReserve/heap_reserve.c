#define _GNU_SOURCE
#include "heap_reserve.h"
#include <stdint.h>
#if defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

// Linux 5.14's madvise advice; older headers lack the name.
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

void wf_heap_grow_ahead(size_t bytes) {
#if defined(__GLIBC__)
  // glibc's largest dynamic threshold: the records' and the id set's chunks come from the
  // heap, where the reserve is, instead of mappings of their own.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TOP_PAD, (int)bytes);
#else
  (void)bytes;
#endif
}

void wf_heap_prefault_top(size_t bytes, uintptr_t *populated_end) {
#if defined(__GLIBC__)
  void *brk_end = sbrk(0);
  if (brk_end == (void *)-1) return;
  uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
  uintptr_t end = (uintptr_t)brk_end & ~(page - 1);
  bytes &= ~(page - 1);
  if (end < bytes) return;
  uintptr_t start = end - bytes;
  // Pages up to the last call's end are in already, unless the heap shrank since.
  if (*populated_end > start && *populated_end <= end) start = *populated_end;
  *populated_end = end;
  if (start == end) return;
  // Errors are expected and harmless: EINVAL before Linux 5.14, ENOMEM if the heap shrank.
  (void)madvise((void *)start, end - start, MADV_POPULATE_WRITE);
#else
  (void)bytes;
  (void)populated_end;
#endif
}
