// SPDX-License-Identifier: GPL-3.0-or-later
// Races for a RunLock from a separate process, for the lock fault tests.
//   lockracer once PATH HOLD_MS   take the lock once: print "won" or "lost: <error>", then
//                                 hold it HOLD_MS ms (-1: until stdin closes) and exit
//   lockracer loop PATH MARKER N  N times: take the lock, create MARKER exclusively (a second
//                                 holder would find it), remove it, release; "overlap" and
//                                 exit 3 if two holders ever met
#include "journal/runlock.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <QByteArray>
#include <QString>
#include <thread>
#include <unistd.h>

using Promotion::RunLock;

namespace {

int once(const QString &path, int holdMs)
{
    RunLock lock;
    QString error;
    if (!lock.acquire(path, &error)) {
        std::printf("lost: %s\n", error.toUtf8().constData());
        std::fflush(stdout);
        return 1;
    }
    std::printf("won\n");
    std::fflush(stdout);
    if (holdMs < 0) {
        char c;
        while (::read(STDIN_FILENO, &c, 1) > 0 || errno == EINTR) {
        }
    } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(holdMs));
    }
    return 0;
}

int loop(const QString &path, const QByteArray &marker, int rounds)
{
    for (int i = 0; i < rounds; ++i) {
        RunLock lock;
        QString error;
        int attempts = 0;
        while (!lock.acquire(path, &error)) {
            if (!error.startsWith(QLatin1String("another promotion")) || ++attempts > 2000) {
                std::printf("error: %s\n", error.toUtf8().constData());
                return 2;
            }
        }
        const int fd = ::open(marker.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd < 0) {
            std::printf("overlap in round %d\n", i);
            return 3;
        }
        ::close(fd);
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        ::unlink(marker.constData());
        lock.release();
    }
    std::printf("ok %d\n", rounds);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    const QByteArray mode = argc > 1 ? QByteArray(argv[1]) : QByteArray();
    if (mode == "once" && argc == 4)
        return once(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toInt());
    if (mode == "loop" && argc == 5)
        return loop(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]),
                    QByteArray(argv[4]).toInt());
    std::fputs("usage: lockracer once PATH HOLD_MS | lockracer loop PATH MARKER N\n", stderr);
    return 64;
}
