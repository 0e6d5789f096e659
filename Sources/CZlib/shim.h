#ifndef ENCYCLOPEDIA_EXTRACTOR_CZLIB_SHIM_H
#define ENCYCLOPEDIA_EXTRACTOR_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro in zlib.h; Swift sees this function instead.
static inline int encx_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
#endif
