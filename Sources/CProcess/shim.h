#ifndef SKILLSPOOL_CPROCESS_SHIM_H
#define SKILLSPOOL_CPROCESS_SHIM_H
// The Linux process calls the Swift Glibc module does not import: pidfd_open has no glibc wrapper in the headers
// Swift sees, prctl is variadic, pipe2 needs _GNU_SOURCE.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

/// A descriptor that becomes readable when the process `pid` ends (Linux 5.3+); -1 with errno set otherwise.
static inline int skillspool_pidfd_open(pid_t pid) { return (int)syscall(SYS_pidfd_open, pid, 0); }

/// Asks the kernel to send SIGKILL to the calling process when its parent thread ends.
static inline int skillspool_die_with_parent(void) { return prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0); }

/// A pipe whose two ends are close-on-exec from the start (no window for another thread's spawn to inherit them).
static inline int skillspool_pipe_cloexec(int descriptors[2]) { return pipe2(descriptors, O_CLOEXEC); }
#endif
