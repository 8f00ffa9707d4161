#ifndef PORTAL_CMEMORY_H
#define PORTAL_CMEMORY_H

/* Gives memory the process freed back to the system (glibc's malloc_trim, which also releases
   free pages inside the heap). Swift's Glibc module does not export <malloc.h>, hence this shim.
   Elsewhere it does nothing. */
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
static inline void portal_release_free_memory(void) {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}
#else
static inline void portal_release_free_memory(void) {}
#endif

#endif
