#ifndef ENCYCLOPEDIA_EXTRACTOR_CZLIB_SHIM_H
#define ENCYCLOPEDIA_EXTRACTOR_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro in zlib.h; Swift sees this function instead.
static inline int encx_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

/// deflateInit2 is a macro too (for the package's tests and fuzz checks, which write gzip).
static inline int encx_deflateInit2(z_streamp stream, int level, int windowBits, int memLevel) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, memLevel, Z_DEFAULT_STRATEGY);
}
#endif
