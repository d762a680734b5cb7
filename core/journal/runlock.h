// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Promotion {

/*!
 * \brief Stops two runs from promoting the same component at once.
 *
 * The lock is a file holding the owner's pid and host. A lock whose process
 * is gone (crash, kill -9) is stale and is taken over.
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
    bool isHeld() const { return m_held; }
    /*! True when the lock was taken over from a dead process. */
    bool tookOverStale() const { return m_tookOver; }

private:
    QString m_path;
    bool m_held = false;
    bool m_tookOver = false;
};

} // namespace Promotion
