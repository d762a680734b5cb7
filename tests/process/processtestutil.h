// SPDX-License-Identifier: GPL-3.0-or-later
// Small helpers shared by the process tests: no test macros inside, they only
// answer questions; the tests assert.
#pragma once

#include "testconfig.h"

#include <cerrno>
#include <csignal>
#include <QFile>
#include <QString>
#include <sys/wait.h>
#include <unistd.h>

namespace ProcessTestUtil {

inline QString helper()
{
    return QStringLiteral(TEST_HELPERS_DIR "/promotion-test-helper");
}

/* True once \a pid no longer exists. With \a reap, a zombie that is our child
 * (adopted: we are a subreaper) is reaped first; never reap QProcess's children. */
inline bool processGone(qint64 pid, bool reap)
{
    if (reap) {
        int status = 0;
        ::waitpid(pid_t(pid), &status, WNOHANG);
    }
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

inline qint64 readPidFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().trimmed().toLongLong();
}

// When a test fails halfway, the process it started must not outlive the test run.
struct KillOnExit
{
    qint64 pid = 0;
    ~KillOnExit()
    {
        if (pid > 0 && !processGone(pid, true) && ::kill(pid_t(pid), SIGKILL) == 0) {
            for (int i = 0; i < 200 && !processGone(pid, true); ++i)
                ::usleep(5000);
        }
    }
};

} // namespace ProcessTestUtil
