// SPDX-License-Identifier: GPL-3.0-or-later
#include "processtree.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Promotion {

namespace {

#ifdef Q_OS_LINUX
struct StatLine
{
    qint64 pid = 0;
    qint64 ppid = 0;
    qint64 pgid = 0;
    char state = 0;
};

// Whole small /proc file, or false if the process is gone or unreadable.
bool readProcFile(qint64 pid, const char *name, QByteArray &out)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%lld/%s", static_cast<long long>(pid), name);
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false; // ENOENT: it exited; EACCES: not ours to read
    out.clear();
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) {
            out.append(buffer, n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        ::close(fd);
        // ESRCH: it exited between open() and read().
        return n == 0;
    }
}

bool readStat(qint64 pid, StatLine &stat)
{
    QByteArray text;
    if (!readProcFile(pid, "stat", text))
        return false;
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0 || close + 2 >= text.size())
        return false;
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    if (fields.size() < 3 || fields.at(0).isEmpty())
        return false;
    stat.pid = pid;
    stat.state = fields.at(0).at(0);
    stat.ppid = fields.at(1).toLongLong();
    stat.pgid = fields.at(2).toLongLong();
    return true;
}

bool ownedByUs(qint64 pid)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%lld", static_cast<long long>(pid));
    struct stat info = {};
    return ::stat(path, &info) == 0 && info.st_uid == ::geteuid();
}

// Every pid in /proc except our own.
QList<qint64> allPids()
{
    QList<qint64> pids;
    DIR *dir = ::opendir("/proc");
    if (!dir)
        return pids;
    const qint64 self = ::getpid();
    while (const dirent *entry = ::readdir(dir)) {
        const char *name = entry->d_name;
        if (*name < '1' || *name > '9')
            continue;
        char *end = nullptr;
        const long long pid = std::strtoll(name, &end, 10);
        if (*end == '\0' && pid != self)
            pids.append(pid);
    }
    ::closedir(dir);
    return pids;
}

QList<StatLine> allStats()
{
    QList<StatLine> stats;
    const QList<qint64> pids = allPids();
    stats.reserve(pids.size());
    for (qint64 pid : pids) {
        StatLine stat;
        if (readStat(pid, stat))
            stats.append(stat);
    }
    return stats;
}

bool environmentHasTag(const QByteArray &environ, const QByteArray &tag)
{
    const QByteArray prefix = QByteArray(ProcessTree::TagVariable) + '=';
    // Entries are NUL-terminated "NAME=value" strings.
    for (qsizetype start = 0; start < environ.size();) {
        qsizetype end = environ.indexOf('\0', start);
        if (end < 0)
            end = environ.size();
        const QByteArrayView entry(environ.constData() + start, end - start);
        if (entry.startsWith(prefix)) {
            const QByteArrayView value = entry.sliced(prefix.size());
            for (const QByteArray &token : value.toByteArray().split(ProcessTree::TagSeparator)) {
                if (token == tag)
                    return true;
            }
        }
        start = end + 1;
    }
    return false;
}
#endif

} // namespace

QByteArray ProcessTree::newTag()
{
    static QAtomicInteger<quint64> counter;
    const quint64 random = QRandomGenerator::system()->generate64();
    return QByteArray::number(QCoreApplication::applicationPid()) + '-' +
           QByteArray::number(counter.fetchAndAddRelaxed(1) + 1) + '-' +
           QByteArray::number(random, 16);
}

QByteArray ProcessTree::tagValue(const QByteArray &inherited, const QByteArray &tag)
{
    if (inherited.isEmpty())
        return tag;
    return inherited + TagSeparator + tag;
}

QList<qint64> ProcessTree::findTagged(const QByteArray &tag)
{
    QList<qint64> found;
#ifdef Q_OS_LINUX
    if (tag.isEmpty())
        return found;
    for (qint64 pid : allPids()) {
        if (hasTag(pid, tag))
            found.append(pid);
    }
#else
    Q_UNUSED(tag)
#endif
    return found;
}

bool ProcessTree::hasTag(qint64 pid, const QByteArray &tag)
{
#ifdef Q_OS_LINUX
    if (tag.isEmpty() || pid <= 0 || pid == ::getpid() || !ownedByUs(pid))
        return false;
    QByteArray environ;
    return readProcFile(pid, "environ", environ) && environmentHasTag(environ, tag);
#else
    Q_UNUSED(pid)
    Q_UNUSED(tag)
    return false;
#endif
}

QList<qint64> ProcessTree::descendantsOf(qint64 pid)
{
    QList<qint64> found;
#ifdef Q_OS_LINUX
    if (pid <= 0)
        return found;
    QMultiHash<qint64, qint64> children;
    for (const StatLine &stat : allStats())
        children.insert(stat.ppid, stat.pid);
    // Breadth first; the set guards against a pid seen twice while /proc changed under us.
    QList<qint64> queue{pid};
    QSet<qint64> seen{pid};
    while (!queue.isEmpty()) {
        const qint64 parent = queue.takeFirst();
        for (auto it = children.constFind(parent); it != children.cend() && it.key() == parent;
             ++it) {
            if (seen.contains(it.value()))
                continue;
            seen.insert(it.value());
            found.append(it.value());
            queue.append(it.value());
        }
    }
#else
    Q_UNUSED(pid)
#endif
    return found;
}

QList<qint64> ProcessTree::groupMembers(qint64 pgid)
{
    QList<qint64> found;
#ifdef Q_OS_LINUX
    if (pgid <= 0)
        return found;
    for (const StatLine &stat : allStats()) {
        if (stat.pgid == pgid)
            found.append(stat.pid);
    }
#else
    Q_UNUSED(pgid)
#endif
    return found;
}

qint64 ProcessTree::parentOf(qint64 pid)
{
#ifdef Q_OS_LINUX
    StatLine stat;
    return pid > 0 && readStat(pid, stat) ? stat.ppid : 0;
#else
    Q_UNUSED(pid)
    return 0;
#endif
}

qint64 ProcessTree::groupOf(qint64 pid)
{
#ifdef Q_OS_LINUX
    StatLine stat;
    return pid > 0 && readStat(pid, stat) ? stat.pgid : 0;
#else
    Q_UNUSED(pid)
    return 0;
#endif
}

bool ProcessTree::isOurs(qint64 pid)
{
#ifdef Q_OS_LINUX
    return pid > 0 && pid != ::getpid() && ownedByUs(pid);
#else
    Q_UNUSED(pid)
    return false;
#endif
}

bool ProcessTree::isZombie(qint64 pid)
{
#ifdef Q_OS_LINUX
    StatLine stat;
    return pid > 0 && readStat(pid, stat) && (stat.state == 'Z' || stat.state == 'X');
#else
    Q_UNUSED(pid)
    return false;
#endif
}

bool ProcessTree::becomeSubreaper()
{
#ifdef Q_OS_LINUX
    return ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0;
#else
    return false;
#endif
}

bool ProcessTree::isSubreaper()
{
#ifdef Q_OS_LINUX
    int value = 0;
    return ::prctl(PR_GET_CHILD_SUBREAPER, &value, 0, 0, 0) == 0 && value != 0;
#else
    return false;
#endif
}

} // namespace Promotion
