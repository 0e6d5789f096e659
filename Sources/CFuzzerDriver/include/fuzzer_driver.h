#ifndef ENCYCLOPEDIA_EXTRACTOR_FUZZER_DRIVER_H
#define ENCYCLOPEDIA_EXTRACTOR_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that keep their own `main` (declared in libFuzzer's
/// FuzzerInterface.h, defined in the runtime linked by `-sanitize=fuzzer`). SwiftPM names an
/// executable's entry `<Target>_main` and points `main` at it, so the fuzz targets call this from there.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
