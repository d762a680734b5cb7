// SPDX-License-Identifier: GPL-3.0-or-later
#include "runlock.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace Promotion {

namespace {

QString osError(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

int lockFd(int fd, int operation)
{
    int rc;
    do {
        rc = ::flock(fd, operation);
    } while (rc != 0 && errno == EINTR);
    return rc;
}

/*! The whole content of \a fd, read from its start; empty on error. */
QByteArray readAll(int fd)
{
    QByteArray content;
    char buffer[512];
    off_t offset = 0;
    for (;;) {
        const ssize_t n = ::pread(fd, buffer, sizeof buffer, offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        content.append(buffer, n);
        offset += n;
        if (content.size() > 4096) // a holder line is short; never trust a huge file
            break;
    }
    return content.trimmed();
}

bool writeAll(int fd, const QByteArray &data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::pwrite(fd, data.constData() + done, size_t(data.size() - done), done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return false;
        }
        done += n;
    }
    return true;
}

/*! True when \a fd is still the file at \a path (release() unlinks it while locked). */
bool stillAtPath(int fd, const QByteArray &path)
{
    struct stat opened
    {
    };
    struct stat named
    {
    };
    if (::fstat(fd, &opened) != 0 || ::stat(path.constData(), &named) != 0)
        return false;
    return opened.st_dev == named.st_dev && opened.st_ino == named.st_ino;
}

QString busyMessage(const QByteArray &holder)
{
    const QList<QByteArray> parts = holder.split(' ');
    if (holder.isEmpty() || parts.size() < 3)
        return QStringLiteral("another promotion of this component is running (it has not "
                              "recorded its pid yet); wait for it to finish");
    return QStringLiteral("another promotion of this component is running (pid %1 on %2 since "
                          "%3); wait for it to finish")
        .arg(QString::fromUtf8(parts.at(0)), QString::fromUtf8(parts.at(1)),
             QString::fromUtf8(parts.at(2)));
}

} // namespace

RunLock::~RunLock()
{
    release();
}

bool RunLock::acquire(const QString &path, QString *error)
{
    release();
    m_tookOver = false;
    const QString dir = QFileInfo(path).path();
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = QStringLiteral("cannot create the directory %1 for the lock file").arg(dir);
        return false;
    }
    const QByteArray native = QFile::encodeName(path);
    // A holder() probe takes a shared lock for an instant: retry a busy lock briefly so a
    // probe never reads as a running promotion.
    int busyRetries = 5;
    // The file can be unlinked by a releasing holder between our open() and flock().
    int replacedRetries = 100;
    for (;;) {
        const int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0) {
            if (error)
                *error =
                    QStringLiteral("cannot open the lock file %1: %2").arg(path, osError(errno));
            return false;
        }
        if (lockFd(fd, LOCK_EX | LOCK_NB) != 0) {
            const int code = errno;
            const QByteArray holder = readAll(fd);
            ::close(fd);
            if (code == EWOULDBLOCK && busyRetries-- > 0) {
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
                continue;
            }
            if (error)
                *error = code == EWOULDBLOCK
                             ? busyMessage(holder)
                             : QStringLiteral("cannot lock %1: %2").arg(path, osError(code));
            return false;
        }
        if (!stillAtPath(fd, native)) {
            ::close(fd);
            if (replacedRetries-- > 0)
                continue;
            if (error)
                *error = QStringLiteral("cannot lock %1: it keeps being replaced").arg(path);
            return false;
        }
        m_fd = fd;
        m_path = path;
        break;
    }

    const QByteArray previous = readAll(m_fd);
    if (!previous.isEmpty()) {
        const QList<QByteArray> parts = previous.split(' ');
        const QString host = QString::fromUtf8(parts.value(1));
        const bool sameHost = host.isEmpty() || host == QSysInfo::machineHostName();
        const qint64 pid = parts.value(0).toLongLong();
        m_tookOver = sameHost && pid > 0 && !processAlive(pid);
    }

    const QByteArray content = QByteArray::number(QCoreApplication::applicationPid()) + ' ' +
                               QSysInfo::machineHostName().toUtf8() + ' ' +
                               QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8() +
                               '\n';
    if (::ftruncate(m_fd, 0) != 0 || !writeAll(m_fd, content)) {
        const int code = errno;
        release();
        if (error)
            *error = QStringLiteral("cannot write the lock file %1: %2").arg(path, osError(code));
        return false;
    }
    return true;
}

void RunLock::release()
{
    if (m_fd < 0)
        return;
    // Unlink while still holding the lock; an acquire that opened this file meanwhile sees it
    // is no longer at the path and retries. Only our own file is removed.
    const QByteArray native = QFile::encodeName(m_path);
    if (stillAtPath(m_fd, native))
        ::unlink(native.constData());
    ::close(m_fd);
    m_fd = -1;
}

QString RunLock::holder(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {};
    QString result;
    if (lockFd(fd, LOCK_SH | LOCK_NB) == 0) {
        ::flock(fd, LOCK_UN);
    } else if (errno == EWOULDBLOCK) {
        const QByteArray content = readAll(fd);
        result = content.isEmpty() ? QStringLiteral("? (holder not recorded yet)")
                                   : QString::fromUtf8(content);
    }
    ::close(fd);
    return result;
}

} // namespace Promotion
