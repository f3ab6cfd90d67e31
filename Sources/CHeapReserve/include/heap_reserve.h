#ifndef WATCHFLOOR_HEAP_RESERVE_H
#define WATCHFLOOR_HEAP_RESERVE_H
#include <stddef.h>
#include <stdint.h>

/// Has the C allocator serve blocks up to 32 MiB from its heap and extend the heap `bytes` at
/// a time beyond what it needs, so that a second thread can fault those pages in ahead
/// (`wf_heap_prefault_top`). Does nothing where the allocator is not glibc's.
void wf_heap_grow_ahead(size_t bytes);

/// Faults in, writable, the last `bytes` of the heap below its break: pages the allocator has
/// not handed out yet. `populated_end` is the break this call last saw (0 at first): pages
/// below it are in already and are skipped, unless the heap shrank since. A range that is no
/// longer mapped (the heap shrank meanwhile) is skipped. Safe on any thread; does nothing
/// where the system cannot populate a range (Linux before 5.14, other systems).
void wf_heap_prefault_top(size_t bytes, uintptr_t *populated_end);

#endif
