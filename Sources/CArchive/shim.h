#ifndef SKILLSPOOL_CARCHIVE_SHIM_H
#define SKILLSPOOL_CARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>
#endif
