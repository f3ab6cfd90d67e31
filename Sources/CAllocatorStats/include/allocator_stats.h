#ifndef WATCHFLOOR_ALLOCATOR_STATS_H
#define WATCHFLOOR_ALLOCATOR_STATS_H
#include <stddef.h>

/// Bytes the C allocator has handed out and not had back (glibc's mallinfo2: heap chunks
/// in use plus separately mapped blocks),
/// or 0 where that is not known.
size_t wf_allocated_bytes(void);

#endif
