// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QtGlobal>

namespace Promotion {

/*!
 * \brief Finds the processes a command left behind, by reading /proc (Linux).
 *
 * A command may leave its process group: a daemon that calls setsid(), a test
 * suite starting a server in a new session. Such processes still carry the
 * environment they inherited, so ProcessRunner tags every command with
 * PROMOTION_PROCESS_TAG and finds its descendants here by that tag, by their
 * parent chain and by their process group.
 *
 * Every function tolerates processes vanishing while they are read and skips
 * what it may not read (other users' processes, EACCES). Our own process is
 * never returned. On systems without /proc the lists are empty.
 */
class ProcessTree final
{
public:
    //! The environment variable holding the tags of the runs a process belongs to.
    static constexpr char TagVariable[] = "PROMOTION_PROCESS_TAG";
    //! Separates the tags of nested runs in TagVariable ("outer,inner").
    static constexpr char TagSeparator = ',';

    /*! A tag no other run of any process has used: "<our pid>-<counter>-<random hex>". */
    static QByteArray newTag();
    /*! The value of TagVariable for a command run with \a tag, given the value
     *  \a inherited from the caller's environment (kept, so an outer run still
     *  finds the processes of an inner one). */
    static QByteArray tagValue(const QByteArray &inherited, const QByteArray &tag);

    /*! Processes of our user whose environment holds \a tag as one whole entry
     *  of TagVariable. Zombies have no environment and are not found. */
    static QList<qint64> findTagged(const QByteArray &tag);
    /*! True if \a pid is ours (same user) and carries \a tag. */
    static bool hasTag(qint64 pid, const QByteArray &tag);
    /*! Children, grandchildren... of \a pid, following the parent links in
     *  /proc/<pid>/stat; \a pid itself is not included. */
    static QList<qint64> descendantsOf(qint64 pid);
    /*! Members of process group \a pgid, zombies included. */
    static QList<qint64> groupMembers(qint64 pgid);
    /*! Parent of \a pid, or 0 if it does not exist (any more). */
    static qint64 parentOf(qint64 pid);
    /*! Process group of \a pid, or 0 if it does not exist (any more). */
    static qint64 groupOf(qint64 pid);
    /*! True if \a pid exists, is not this process and belongs to our (effective) user. */
    static bool isOurs(qint64 pid);
    /*! True if \a pid exists and is a zombie (dead, waiting for its parent to reap it). */
    static bool isZombie(qint64 pid);

    /*!
     * Makes this process a child subreaper (PR_SET_CHILD_SUBREAPER): orphaned
     * descendants are reparented to us instead of PID 1, so they can still be
     * found and must be reaped by us. Returns false where unsupported.
     */
    static bool becomeSubreaper();
    static bool isSubreaper();
};

} // namespace Promotion
