// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QtGlobal>

class QSocketNotifier;

namespace Promotion {

/*!
 * \brief Turns SIGINT, SIGTERM and SIGHUP into a Qt signal, and makes a second
 * one end the process at once.
 *
 * The handlers (sigaction, SA_RESTART) only write the signal number into a
 * socket pair; a QSocketNotifier reads it on the bridge's thread and emits
 * signalReceived(), where the application may shut down slowly and cleanly
 * (cancel its runs, write its journal).
 *
 * If a second of those signals arrives before the process has ended, the handler
 * itself SIGKILLs every process group registered with registerProcessGroup()
 * (ProcessRunner registers each command's group while it runs) and calls
 * _exit(128 + signo), the shell convention:
 *   - SIGINT  (2)  -> exit code 130
 *   - SIGTERM (15) -> exit code 143
 *   - SIGHUP  (1)  -> exit code 129
 * Nothing else happens then: no destructors, no journal writes, no /proc scan
 * (not async-signal-safe), so processes that left their group (a setsid daemon)
 * survive a second signal; the first one lets the application reach them.
 *
 * One bridge at a time per process; a second one fails isInstalled(). Its
 * destructor restores the previous handlers.
 */
class UnixSignalBridge final : public QObject
{
    Q_OBJECT

public:
    //! Room in the registry of process groups to kill on the second signal.
    static constexpr int MaxProcessGroups = 64;

    explicit UnixSignalBridge(QObject *parent = nullptr);
    ~UnixSignalBridge() override;

    /*! True if the handlers are installed (false for a second bridge, or on error). */
    bool isInstalled() const { return m_installed; }
    /*! Signals received since the bridge was installed. */
    static int receivedCount();
    /*! The exit code the second \a signo ends the process with: 128 + signo. */
    static constexpr int exitCodeFor(int signo) { return 128 + signo; }

    /*! Adds \a pgid to the groups SIGKILLed on the second signal. Lock-free and
     *  thread-safe; false if \a pgid is not positive or the registry is full. */
    static bool registerProcessGroup(qint64 pgid);
    /*! Removes \a pgid (once) from the registry. */
    static void unregisterProcessGroup(qint64 pgid);
    /*! True if \a pgid is registered (for tests). */
    static bool isProcessGroupRegistered(qint64 pgid);

Q_SIGNALS:
    /*! A first (handled) SIGINT, SIGTERM or SIGHUP arrived. */
    void signalReceived(int signo);

private:
    void readSignals();

    QSocketNotifier *m_notifier = nullptr;
    int m_readFd = -1;
    bool m_installed = false;
};

} // namespace Promotion
