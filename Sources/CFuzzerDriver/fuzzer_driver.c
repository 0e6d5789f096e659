/* Header-only module: the declaration in include/fuzzer_driver.h is all the fuzz targets need. */
#include "fuzzer_driver.h"
