// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSet>
#include <QtGlobal>
#include <vector>

namespace Promotion {

/*!
 * \brief The processes one ProcessRunner signalled besides its command: found by
 * tag, parent chain or process group (see ProcessTree), held by pidfd.
 *
 * A pidfd names one process, not a number, so a pid reused between the /proc
 * scan and the kill is never signalled, and reap() never waits for a process
 * that is not the one we killed. Processes reparented to us (we are a child
 * subreaper) are reaped here; the command itself belongs to QProcess and is
 * never included, nor waited for.
 *
 * Not thread-safe; one instance per runner. Processes still unreaped when an
 * instance is destroyed are handed to a process-wide list that every later
 * reap() also serves.
 */
class StrayProcesses final
{
public:
    StrayProcesses() = default;
    /*! Reaps for a moment (SIGKILL is quick), then hands the rest over. */
    ~StrayProcesses();
    Q_DISABLE_COPY_MOVE(StrayProcesses)

    /*!
     * Sends \a signo to every process of our user that carries \a tag, belongs to
     * process group \a pgid or, when \a leaderAlive, descends from \a pgid (the
     * command; it is never signalled here, nor tracked). Returns how many of them
     * were alive (not zombies) when signalled.
     */
    int signalAll(const QByteArray &tag, qint64 pgid, bool leaderAlive, int signo);
    /*! Like signalAll(), but only the members of group \a pgid: what left the
     *  group (a daemon kept after the command's exit) is not signalled. */
    int signalGroupMembers(qint64 pgid, int signo);
    /*!
     * Watches the processes carrying \a tag outside group \a pgid without
     * signalling them (daemons kept after the command's exit), so that once they
     * end and, reparented to us, turn into zombies, a later reap() of any instance
     * reaps them. Returns how many.
     */
    static int watchDetached(const QByteArray &tag, qint64 pgid);
    /*! Reaps those that died as our children and forgets those that died elsewhere;
     *  also serves the process-wide list (destroyed instances, watched daemons). */
    void reap();
    /*! Tracked processes not yet dead (after reap()). */
    int aliveCount();
    /*! Tracked processes, dead but unreaped ones included. */
    int trackedCount() const { return int(m_entries.size()); }
    /*! Reaps for at most \a ms milliseconds, until nothing is tracked; blocks. */
    void settle(int ms);

    struct Entry
    {
        qint64 pid = 0;
        int fd = -1;            //!< pidfd; -1 where the kernel has none (before Linux 5.3)
        qint64 sinceMs = 0;     //!< when first signalled, on a monotonic clock
        bool watchOnly = false; //!< not signalled by us: watched as long as it lives
    };

private:
    Entry *find(qint64 pid);
    int signalCandidates(const QSet<qint64> &candidates, const QByteArray &tag, qint64 pgid,
                         const QSet<qint64> &descendants, int signo);

    std::vector<Entry> m_entries;
};

} // namespace Promotion
