#ifndef ENCYCLOPEDIA_EXTRACTOR_CLIBXML2_SHIM_H
#define ENCYCLOPEDIA_EXTRACTOR_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, so encoding.h would pull in the system's <unicode/ucnv.h>, whose
   types clash with the ICU copy inside Foundation when one Swift module sees both. Nothing here
   touches the ICU fields of xmlCharEncodingHandler (only pointers to it), so the headers are read
   without them. */
#undef LIBXML_ICU_ENABLED
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/parserInternals.h>

/// `xmlFree` is a global function pointer in libxml2; Swift 6 refuses it as shared mutable state.
static inline void encx_xmlFree(void *pointer) {
    xmlFree(pointer);
}

/// True when the parser stopped before the end of its input (libxml2 halts silently, for example when
/// elements nest deeper than `xmlParserMaxDepth` without `HTML_PARSE_HUGE`).
static inline int encx_parserHalted(htmlParserCtxtPtr context) {
    return context->disableSAX != 0 && context->instate == XML_PARSER_EOF;
}

/// The message of the last error the parser raised, or NULL.
static inline const char *encx_parserLastErrorMessage(htmlParserCtxtPtr context) {
    return context->lastError.message;
}

/// The depth beyond which libxml2 stops parsing unless `HTML_PARSE_HUGE` is set.
static inline unsigned int encx_maximumParserDepth(void) {
    return xmlParserMaxDepth;
}

/// Raises glibc's mmap and trim thresholds so that memory freed after one document is reused for the
/// next rather than unmapped and faulted in again (see `BatchMemory` in HTMLTree). Does nothing
/// without glibc.
static inline void encx_keepFreedMemory(void) {
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 128 * 1024 * 1024);
#endif
}

/// Drops a libxml2 error report (see encx_convertToUTF8Quietly).
static inline void encx_ignoreError(void *context, xmlErrorPtr error) {
    (void)context;
    (void)error;
}

/// `xmlCharEncInFunc` with libxml2's error reports silenced on the calling thread: by default libxml2
/// prints "encoding error : input conversion failed …" to the process's standard error for every input
/// the converter rejects, and the library runs inside other people's processes. The thread's own
/// handler (libxml2 keeps it per thread) is put back afterwards.
static inline int encx_convertToUTF8Quietly(xmlCharEncodingHandler *handler, xmlBufferPtr out, xmlBufferPtr in) {
    xmlStructuredErrorFunc previous = xmlStructuredError;
    void *previousContext = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(NULL, encx_ignoreError);
    int status = xmlCharEncInFunc(handler, out, in);
    xmlSetStructuredErrorFunc(previousContext, previous);
    return status;
}

#endif
