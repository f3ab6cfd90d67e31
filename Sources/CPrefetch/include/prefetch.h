#ifndef WATCHFLOOR_PREFETCH_H
#define WATCHFLOOR_PREFETCH_H

/// Asks the processor to bring the cache line at `address` in ahead of a write to it. Swift has
/// no spelling for this; the hash tables of ingest call it a few lines ahead of their look-ups,
/// so that a table larger than the cache costs no wait per line.
static inline void wf_prefetch(const void *address) { __builtin_prefetch(address, 1, 3); }

#endif
