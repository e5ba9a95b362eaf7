#ifndef SKILLSPOOL_CXML2_SHIM_H
#define SKILLSPOOL_CXML2_SHIM_H
// Debian's libxml2 is built with ICU, so its encoding.h pulls in the system's ICU headers, whose UErrorCode clashes
// with the one Foundation's _FoundationICU module defines in any Swift module that sees both. The readers use none
// of libxml2's ICU conversion (the structures that change with it are only ever used through pointers), so the
// headers are read without it.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

// libxml2's xmlFree is a global function pointer, which Swift 6 sees as shared mutable state.
static inline void skillspool_xml_free(void *pointer) { xmlFree(pointer); }
#endif
