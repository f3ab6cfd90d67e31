#include "allocator_stats.h"
#if defined(__linux__)
#include <malloc.h>
#endif

size_t wf_allocated_bytes(void) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
  struct mallinfo2 info = mallinfo2();
  // Heap chunks in use plus blocks the allocator mapped on their own (large ones).
  return info.uordblks + info.hblkhd;
#else
  return 0;
#endif
}
