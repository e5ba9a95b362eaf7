#ifndef SKILLSPOOL_CINOTIFYTOOLS_SHIM_H
#define SKILLSPOOL_CINOTIFYTOOLS_SHIM_H
#include <sys/inotify.h>
#include <sys/vfs.h>
#include <inotifytools/inotifytools.h>

// `inotify_event.name` is a flexible array member, which Swift cannot read.
static inline const char *skillspool_inotify_event_name(const struct inotify_event *event) {
    return event->len > 0 ? event->name : "";
}

// The file-system type of `path` (`statfs().f_type`), or -1; the struct shares the function's name in Swift.
static inline long skillspool_filesystem_type(const char *path) {
    struct statfs info;
    return statfs(path, &info) == 0 ? (long)info.f_type : -1;
}
#endif
