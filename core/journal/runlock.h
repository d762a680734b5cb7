// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Promotion {

/*!
 * \brief Stops two runs from promoting the same component at once.
 *
 * The lock is an flock(2) on an open descriptor of the lock file, kept open
 * while held. The kernel drops it when the holder exits, however it exits
 * (crash, kill -9), so a lock can never go stale and there is nothing to take
 * over. The file's text ("pid host time") only says who holds it.
 *
 * release() unlinks the file while still holding the lock; acquire() checks
 * that the file it locked is still the one at the path and retries otherwise,
 * so a racing acquire never ends up holding an unlinked file.
 */
class RunLock final
{
public:
    RunLock() = default;
    ~RunLock();
    RunLock(const RunLock &) = delete;
    RunLock &operator=(const RunLock &) = delete;

    /*! Take the lock at \a path; on failure \a error says who holds it. */
    bool acquire(const QString &path, QString *error);
    void release();
    bool isHeld() const { return m_fd >= 0; }
    /*! True when the file found at acquire() named a process of this host that is gone. */
    bool tookOverStale() const { return m_tookOver; }

    /*! The holder's "pid host time" when \a path is locked; empty when it is free. */
    static QString holder(const QString &path);

private:
    QString m_path;
    int m_fd = -1;
    bool m_tookOver = false;
};

} // namespace Promotion
