// SPDX-License-Identifier: GPL-3.0-or-later
#include "runlock.h"

#include <cerrno>
#include <fcntl.h>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <signal.h>
#include <unistd.h>

namespace Promotion {

namespace {
bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}
} // namespace

RunLock::~RunLock()
{
    release();
}

bool RunLock::acquire(const QString &path, QString *error)
{
    release();
    QDir().mkpath(QFileInfo(path).path());
    const QByteArray content = QByteArray::number(QCoreApplication::applicationPid()) + ' ' +
                               QSysInfo::machineHostName().toUtf8() + '\n';
    for (int attempt = 0; attempt < 2; ++attempt) {
        const int fd =
            ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL, 0644);
        if (fd >= 0) {
            const ssize_t written = ::write(fd, content.constData(), size_t(content.size()));
            ::close(fd);
            if (written != content.size()) {
                QFile::remove(path);
                if (error)
                    *error = QStringLiteral("cannot write lock file %1").arg(path);
                return false;
            }
            m_path = path;
            m_held = true;
            return true;
        }
        if (errno != EEXIST) {
            if (error)
                *error = QStringLiteral("cannot create lock file %1: %2")
                             .arg(path, QString::fromLocal8Bit(strerror(errno)));
            return false;
        }
        QFile existing(path);
        QByteArray owner;
        if (existing.open(QIODevice::ReadOnly))
            owner = existing.readAll().trimmed();
        const QList<QByteArray> parts = owner.split(' ');
        const qint64 pid = parts.value(0).toLongLong();
        const QString host = QString::fromUtf8(parts.value(1));
        const bool sameHost = host.isEmpty() || host == QSysInfo::machineHostName();
        if (sameHost && !processAlive(pid)) {
            // Stale: its owner died without releasing it. Take it over.
            QFile::remove(path);
            m_tookOver = true;
            continue;
        }
        if (error)
            *error =
                QStringLiteral("another promotion of this component is running (pid %1 on %2); "
                               "wait for it, or remove %3 if you are sure it is gone")
                    .arg(pid)
                    .arg(host.isEmpty() ? QStringLiteral("this machine") : host, path);
        return false;
    }
    if (error)
        *error = QStringLiteral("cannot take the lock %1").arg(path);
    return false;
}

void RunLock::release()
{
    if (m_held) {
        QFile::remove(m_path);
        m_held = false;
    }
}

} // namespace Promotion
