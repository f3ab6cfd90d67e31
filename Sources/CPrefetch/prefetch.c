// The header's inline function is the whole target; a C target needs one source file.
#include "prefetch.h"
