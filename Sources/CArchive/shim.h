#ifndef SKILLSPOOL_CARCHIVE_SHIM_H
#define SKILLSPOOL_CARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>

// The AE_IF* macros carry casts, which Swift does not import.
static const unsigned int skillspool_ae_ifreg = AE_IFREG;
static const unsigned int skillspool_ae_ifdir = AE_IFDIR;
static const unsigned int skillspool_ae_iflnk = AE_IFLNK;
#endif
