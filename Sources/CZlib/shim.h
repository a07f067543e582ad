#ifndef EVALSH_CZLIB_SHIM_H
#define EVALSH_CZLIB_SHIM_H

/* zlib (the system's libz, from zlib1g-dev): deflate for the local store's column blobs and
 * crc32 to check them when they are read back. */
#include <zlib.h>

#endif
