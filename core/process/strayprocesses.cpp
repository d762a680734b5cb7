// SPDX-License-Identifier: GPL-3.0-or-later
#include "strayprocesses.h"

#include "process/processtree.h"

#include <chrono>
#include <mutex>
#include <QSet>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <csignal>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace Promotion {

namespace {

// A process that outlives SIGKILL this long is stuck in the kernel; stop watching it.
constexpr qint64 GiveUpMs = 60000;

qint64 nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

// Entries of destroyed instances, still to be reaped.
std::mutex s_orphanedMutex;
std::vector<StrayProcesses::Entry> s_orphaned;

#ifdef Q_OS_LINUX
int pidfdOpen(qint64 pid)
{
#ifdef SYS_pidfd_open
    return int(::syscall(SYS_pidfd_open, pid_t(pid), 0));
#else
    Q_UNUSED(pid)
    errno = ENOSYS;
    return -1;
#endif
}

int pidfdSignal(int fd, int signo)
{
#ifdef SYS_pidfd_send_signal
    return int(::syscall(SYS_pidfd_send_signal, fd, signo, nullptr, 0));
#else
    Q_UNUSED(fd)
    Q_UNUSED(signo)
    errno = ENOSYS;
    return -1;
#endif
}

// Sends signo; false once the process is gone (reaped, its pid free again).
bool sendSignal(const StrayProcesses::Entry &entry, int signo)
{
    if (entry.fd >= 0)
        return pidfdSignal(entry.fd, signo) == 0 || errno != ESRCH;
    return ::kill(pid_t(entry.pid), signo) == 0 || errno != ESRCH;
}

bool isAlive(const StrayProcesses::Entry &entry)
{
    return sendSignal(entry, 0) && !ProcessTree::isZombie(entry.pid);
}

// True when the entry is done with: reaped by us, gone elsewhere, or given up.
bool reapOne(const StrayProcesses::Entry &entry)
{
    if (entry.fd >= 0) {
        siginfo_t info = {};
        // Waits for exactly this process, and only if it is our child.
        if (::waitid(P_PIDFD, id_t(entry.fd), &info, WEXITED | WNOHANG) == 0)
            return info.si_pid != 0;
    } else if (ProcessTree::parentOf(entry.pid) == ::getpid()) {
        int status = 0;
        if (::waitpid(pid_t(entry.pid), &status, WNOHANG) == pid_t(entry.pid))
            return true;
    }
    // Not our child (yet): its parent reaps it, or it is reparented to us later.
    if (!sendSignal(entry, 0))
        return true;
    return !entry.watchOnly && nowMs() - entry.sinceMs > GiveUpMs;
}

void release(StrayProcesses::Entry &entry)
{
    if (entry.fd >= 0)
        ::close(entry.fd);
    entry.fd = -1;
}

void reapAll(std::vector<StrayProcesses::Entry> &entries)
{
    for (auto it = entries.begin(); it != entries.end();) {
        if (reapOne(*it)) {
            release(*it);
            it = entries.erase(it);
        } else {
            ++it;
        }
    }
}
#endif

} // namespace

StrayProcesses::~StrayProcesses()
{
    settle(200);
    if (m_entries.empty())
        return;
    const std::lock_guard lock(s_orphanedMutex);
    s_orphaned.insert(s_orphaned.end(), m_entries.begin(), m_entries.end());
}

StrayProcesses::Entry *StrayProcesses::find(qint64 pid)
{
    for (Entry &entry : m_entries) {
        if (entry.pid == pid)
            return &entry;
    }
    return nullptr;
}

int StrayProcesses::signalAll(const QByteArray &tag, qint64 pgid, bool leaderAlive, int signo)
{
#ifdef Q_OS_LINUX
    QSet<qint64> candidates;
    for (qint64 pid : ProcessTree::findTagged(tag))
        candidates.insert(pid);
    QSet<qint64> descendants;
    if (pgid > 0) {
        for (qint64 pid : ProcessTree::groupMembers(pgid))
            candidates.insert(pid);
        if (leaderAlive) {
            for (qint64 pid : ProcessTree::descendantsOf(pgid))
                descendants.insert(pid);
            candidates.unite(descendants);
        }
    }
    return signalCandidates(candidates, tag, pgid, descendants, signo);
#else
    Q_UNUSED(tag)
    Q_UNUSED(pgid)
    Q_UNUSED(leaderAlive)
    Q_UNUSED(signo)
    return 0;
#endif
}

int StrayProcesses::signalGroupMembers(qint64 pgid, int signo)
{
#ifdef Q_OS_LINUX
    if (pgid <= 0)
        return 0;
    QSet<qint64> candidates;
    for (qint64 pid : ProcessTree::groupMembers(pgid))
        candidates.insert(pid);
    return signalCandidates(candidates, {}, pgid, {}, signo);
#else
    Q_UNUSED(pgid)
    Q_UNUSED(signo)
    return 0;
#endif
}

int StrayProcesses::watchDetached(const QByteArray &tag, qint64 pgid)
{
    int watched = 0;
#ifdef Q_OS_LINUX
    std::vector<Entry> entries;
    for (qint64 pid : ProcessTree::findTagged(tag)) {
        if (pid == pgid || ProcessTree::groupOf(pid) == pgid)
            continue;
        Entry entry{pid, pidfdOpen(pid), nowMs(), true};
        // Without a pidfd a later waitpid() could hit a reused pid; leave it to init.
        if (entry.fd < 0)
            continue;
        if (!ProcessTree::hasTag(pid, tag) || ProcessTree::groupOf(pid) == pgid) {
            release(entry);
            continue;
        }
        entries.push_back(entry);
    }
    watched = int(entries.size());
    const std::lock_guard lock(s_orphanedMutex);
    s_orphaned.insert(s_orphaned.end(), entries.begin(), entries.end());
#else
    Q_UNUSED(tag)
    Q_UNUSED(pgid)
#endif
    return watched;
}

int StrayProcesses::signalCandidates(const QSet<qint64> &all, const QByteArray &tag, qint64 pgid,
                                     const QSet<qint64> &descendants, int signo)
{
    int alive = 0;
#ifdef Q_OS_LINUX
    QSet<qint64> candidates = all;
    // The command itself is QProcess's: signalled through its group, reaped by QProcess.
    candidates.remove(pgid);

    for (qint64 pid : std::as_const(candidates)) {
        // Counted if alive when signalled: it may well be dead right after.
        if (Entry *known = find(pid)) {
            const bool wasAlive = !ProcessTree::isZombie(pid);
            if (sendSignal(*known, signo)) {
                alive += wasAlive ? 1 : 0;
                continue;
            }
            // The process we knew is gone; this pid is a new one, checked below.
            release(*known);
            m_entries.erase(m_entries.begin() + (known - m_entries.data()));
        }
        Entry entry{pid, pidfdOpen(pid), nowMs()};
        if (entry.fd < 0 && errno != ENOSYS)
            continue; // ESRCH: gone since the scan
        // Check again now that the pidfd pins the process: the pid may have been reused.
        const bool belongs =
            ProcessTree::hasTag(pid, tag) ||
            (ProcessTree::isOurs(pid) &&
             ((pgid > 0 && ProcessTree::groupOf(pid) == pgid) ||
              (descendants.contains(pid) && (ProcessTree::parentOf(pid) == pgid ||
                                             descendants.contains(ProcessTree::parentOf(pid))))));
        if (!belongs) {
            release(entry);
            continue;
        }
        const bool wasAlive = !ProcessTree::isZombie(pid);
        if (!sendSignal(entry, signo)) {
            release(entry);
            continue;
        }
        alive += wasAlive ? 1 : 0;
        m_entries.push_back(entry);
    }
#else
    Q_UNUSED(all)
    Q_UNUSED(tag)
    Q_UNUSED(pgid)
    Q_UNUSED(descendants)
    Q_UNUSED(signo)
#endif
    return alive;
}

void StrayProcesses::reap()
{
#ifdef Q_OS_LINUX
    reapAll(m_entries);
    const std::unique_lock lock(s_orphanedMutex, std::try_to_lock);
    if (lock.owns_lock() && !s_orphaned.empty())
        reapAll(s_orphaned);
#endif
}

int StrayProcesses::aliveCount()
{
    reap();
    int alive = 0;
#ifdef Q_OS_LINUX
    for (const Entry &entry : m_entries)
        alive += isAlive(entry) ? 1 : 0;
#endif
    return alive;
}

void StrayProcesses::settle(int ms)
{
#ifdef Q_OS_LINUX
    const qint64 deadline = nowMs() + ms;
    for (;;) {
        reap();
        if (m_entries.empty() || nowMs() >= deadline)
            return;
        ::usleep(2000);
    }
#else
    Q_UNUSED(ms)
#endif
}

} // namespace Promotion
