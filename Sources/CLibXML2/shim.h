#ifndef ENCYCLOPEDIA_EXTRACTOR_CLIBXML2_SHIM_H
#define ENCYCLOPEDIA_EXTRACTOR_CLIBXML2_SHIM_H

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

/// The libxml2 error number of the last error the parser raised (0 when none).
static inline int encx_parserErrorNumber(htmlParserCtxtPtr context) {
    return context->errNo;
}

/// The message of the last error the parser raised, or NULL.
static inline const char *encx_parserLastErrorMessage(htmlParserCtxtPtr context) {
    return context->lastError.message;
}

/// The depth beyond which libxml2 stops parsing unless `HTML_PARSE_HUGE` is set.
static inline unsigned int encx_maximumParserDepth(void) {
    return xmlParserMaxDepth;
}

#endif
