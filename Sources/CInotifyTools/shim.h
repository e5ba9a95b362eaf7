#ifndef SKILLSPOOL_CINOTIFYTOOLS_SHIM_H
#define SKILLSPOOL_CINOTIFYTOOLS_SHIM_H
#include <sys/inotify.h>
#include <inotifytools/inotifytools.h>
#endif
