#ifndef SKILLSPOOL_CXML2_SHIM_H
#define SKILLSPOOL_CXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

// libxml2's xmlFree is a global function pointer, which Swift 6 sees as shared mutable state.
static inline void skillspool_xml_free(void *pointer) { xmlFree(pointer); }
#endif
