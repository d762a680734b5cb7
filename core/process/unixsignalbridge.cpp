// SPDX-License-Identifier: GPL-3.0-or-later
#include "unixsignalbridge.h"

#include <array>
#include <atomic>
#include <QByteArray>
#include <QPointer>
#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace Promotion {

namespace {

#ifdef Q_OS_UNIX
constexpr std::array<int, 3> HandledSignals = {SIGINT, SIGTERM, SIGHUP};

// Everything the handler touches: lock-free atomics only.
static_assert(std::atomic<pid_t>::is_always_lock_free);
static_assert(std::atomic<int>::is_always_lock_free);
std::atomic<int> s_writeFd{-1};
std::atomic<int> s_count{0};
std::atomic<bool> s_active{false};
std::array<std::atomic<pid_t>, UnixSignalBridge::MaxProcessGroups> s_groups{};

// Handlers replaced by the bridge, restored by its destructor.
std::array<struct sigaction, HandledSignals.size()> s_previous{};
std::array<bool, HandledSignals.size()> s_replaced{};

// Async-signal-safe only: atomics, kill(), write(), _exit().
extern "C" void onUnixSignal(int signo)
{
    const int savedErrno = errno;
    if (s_count.fetch_add(1) >= 1) {
        // The second one: nobody is waiting for a clean shutdown any more.
        for (const std::atomic<pid_t> &group : s_groups) {
            const pid_t pgid = group.load();
            if (pgid > 0)
                ::kill(-pgid, SIGKILL);
        }
        ::_exit(128 + signo);
    }
    const int fd = s_writeFd.load();
    if (fd >= 0) {
        const unsigned char byte = static_cast<unsigned char>(signo);
        ssize_t written = 0;
        do {
            written = ::write(fd, &byte, 1);
        } while (written < 0 && errno == EINTR);
    }
    errno = savedErrno;
}
#endif

} // namespace

UnixSignalBridge::UnixSignalBridge(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_UNIX
    if (s_active.exchange(true))
        return; // another bridge owns the handlers
    int fds[2] = {-1, -1};
    // Non-blocking: a handler must never wait for a full socket.
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) != 0) {
        s_active = false;
        return;
    }
    m_readFd = fds[0];
    s_writeFd = fds[1];
    s_count = 0;
    m_notifier = new QSocketNotifier(m_readFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignalBridge::readSignals);

    struct sigaction action = {};
    action.sa_handler = onUnixSignal;
    action.sa_flags = SA_RESTART;
    // One handler at a time, so the count and the exit are never interleaved.
    sigemptyset(&action.sa_mask);
    for (int signo : HandledSignals)
        sigaddset(&action.sa_mask, signo);
    for (std::size_t i = 0; i < HandledSignals.size(); ++i) {
        struct sigaction previous = {};
        ::sigaction(HandledSignals[i], nullptr, &previous);
        // Started with nohup, or in the background by a shell: that choice stands.
        if (previous.sa_handler == SIG_IGN)
            continue;
        s_replaced[i] = ::sigaction(HandledSignals[i], &action, &s_previous[i]) == 0;
    }
    m_installed = true;
#endif
}

UnixSignalBridge::~UnixSignalBridge()
{
#ifdef Q_OS_UNIX
    if (!m_installed)
        return;
    for (std::size_t i = 0; i < HandledSignals.size(); ++i) {
        if (s_replaced[i])
            ::sigaction(HandledSignals[i], &s_previous[i], nullptr);
        s_replaced[i] = false;
    }
    const int writeFd = s_writeFd.exchange(-1);
    delete m_notifier;
    ::close(m_readFd);
    ::close(writeFd);
    s_count = 0;
    s_active = false;
#endif
}

int UnixSignalBridge::receivedCount()
{
#ifdef Q_OS_UNIX
    return s_count.load();
#else
    return 0;
#endif
}

bool UnixSignalBridge::registerProcessGroup(qint64 pgid)
{
#ifdef Q_OS_UNIX
    if (pgid <= 0)
        return false;
    for (std::atomic<pid_t> &group : s_groups) {
        pid_t expected = 0;
        if (group.compare_exchange_strong(expected, pid_t(pgid)))
            return true;
    }
#else
    Q_UNUSED(pgid)
#endif
    return false;
}

void UnixSignalBridge::unregisterProcessGroup(qint64 pgid)
{
#ifdef Q_OS_UNIX
    if (pgid <= 0)
        return;
    for (std::atomic<pid_t> &group : s_groups) {
        pid_t expected = pid_t(pgid);
        if (group.compare_exchange_strong(expected, 0))
            return;
    }
#else
    Q_UNUSED(pgid)
#endif
}

bool UnixSignalBridge::isProcessGroupRegistered(qint64 pgid)
{
#ifdef Q_OS_UNIX
    for (const std::atomic<pid_t> &group : s_groups) {
        if (pgid > 0 && group.load() == pid_t(pgid))
            return true;
    }
#else
    Q_UNUSED(pgid)
#endif
    return false;
}

void UnixSignalBridge::readSignals()
{
#ifdef Q_OS_UNIX
    QByteArray received;
    unsigned char buffer[16];
    for (;;) {
        const ssize_t n = ::read(m_readFd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break; // EAGAIN: all read
        received.append(reinterpret_cast<const char *>(buffer), n);
    }
    // A slot may delete the bridge.
    const QPointer<UnixSignalBridge> self(this);
    for (char signo : std::as_const(received)) {
        if (!self)
            return;
        Q_EMIT signalReceived(int(static_cast<unsigned char>(signo)));
    }
#endif
}

} // namespace Promotion
