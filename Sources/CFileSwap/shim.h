#ifndef PORTAL_CFILESWAP_H
#define PORTAL_CFILESWAP_H

#include <errno.h>

/* Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE), so a published folder is
   never missing while a new site takes its place. Swift's Glibc module does not export
   renameat2 (glibc >= 2.28 declares it only with _GNU_SOURCE), hence this declaration.
   Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file system or system cannot). */
#ifdef __linux__
extern int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags);
static inline int portal_exchange_paths(const char *a, const char *b) {
    return renameat2(-100 /* AT_FDCWD */, a, -100, b, 1u << 1 /* RENAME_EXCHANGE */);
}
#else
static inline int portal_exchange_paths(const char *a, const char *b) {
    (void)a; (void)b;
    errno = ENOSYS;
    return -1;
}
#endif

#endif
