// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "process/processresult.h"
#include "process/processspec.h"
#include "process/strayprocesses.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QTimer>

namespace Promotion {

/*!
 * \brief Runs one external command asynchronously and reports what happened.
 *
 * The runner owns one QProcess. start() never blocks: output arrives through
 * outputChunk() as the command writes it (raw chunks, standard output and
 * standard error kept apart, no line splitting), and finished() reports a
 * ProcessResult exactly once per accepted start().
 *
 * The command runs in its own session and process group, and its environment
 * carries PROMOTION_PROCESS_TAG=<a tag unique to this start> (see ProcessTree),
 * which every descendant inherits. cancel(), the timeout and the destructor reach
 * everything it spawned, a daemon that left the group with setsid() included:
 * the group and every tagged process (and, while the command runs, every
 * descendant) get SIGTERM, then SIGKILL once the grace period passes. What is
 * still alive in the group when the command exits gets the same, before
 * finished(), so no gate leaves processes behind; so do tagged processes outside
 * the group if ProcessSpec::killDetachedOnExit is set (otherwise they are
 * services started on purpose, left running and reaped once they end).
 * Processes that scrub their environment and leave both the group and the
 * parent chain are out of reach.
 *
 * Killed processes reparented to us (ProcessTree::becomeSubreaper()) are reaped
 * here; the command itself is left to QProcess. While a command runs, its
 * process group is registered with UnixSignalBridge.
 *
 * A program that cannot be found is reported as failedToStart with the
 * ToolLocator message (tool, PATH searched, policy key); no process is started.
 */
class ProcessRunner final : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultKillGracePeriodMs = 1500;
    static constexpr qint64 DefaultCaptureLimit = qint64(64) * 1024 * 1024;

    explicit ProcessRunner(QObject *parent = nullptr);
    /*! Kills a still-running process group and its tagged processes (SIGKILL) so
     *  nothing outlives the runner; finished() is not emitted then. */
    ~ProcessRunner() override;

    /*!
     * Start \a spec. Returns false, emitting nothing, when a command is still
     * running; otherwise finished() follows later (also for a missing program).
     */
    bool start(const ProcessSpec &spec);
    /*! Stop the running command: SIGTERM to its group and tagged processes, SIGKILL
     *  after the grace period. */
    void cancel();

    /*! True from an accepted start() until finished() has been emitted. */
    bool isRunning() const { return m_state != State::Idle; }
    /*! Process id (also the process group id) of the running command, 0 when none. */
    qint64 processId() const { return m_pid; }
    /*! The PROMOTION_PROCESS_TAG of the current or last command; empty before the first. */
    QByteArray processTag() const { return m_tag; }

    void setKillGracePeriod(int ms) { m_killGraceMs = qMax(0, ms); }
    int killGracePeriod() const { return m_killGraceMs; }
    /*! Bytes of each stream kept in ProcessResult; the rest is counted and hashed only. */
    void setCaptureLimit(qint64 bytes) { m_captureLimit = qMax<qint64>(0, bytes); }
    qint64 captureLimit() const { return m_captureLimit; }

Q_SIGNALS:
    void started(qint64 pid);
    void outputChunk(const QByteArray &chunk, Promotion::OutputChannel channel);
    void finished(const Promotion::ProcessResult &result);

private:
    enum class State
    {
        Idle,
        Running,
        Stopping, //!< cancelled or timed out; the command has not exited yet
        Sweeping  //!< the command exited; what it left behind is being stopped
    };

    struct Capture
    {
        QByteArray data;
        qint64 bytes = 0;
        bool truncated = false;
        QCryptographicHash hash{QCryptographicHash::Sha256};
    };

    void readChannel(OutputChannel channel);
    void onStarted();
    void onProcessFinished(int exitCode, QProcess::ExitStatus status);
    void onErrorOccurred(QProcess::ProcessError error);
    void onTimeout();
    void onKillTimeout();
    void onSweepTick();
    void stop();
    void signalGroup(int signal);
    /*! The group, plus every tagged or descendant process; how many were alive then. */
    int signalEverything(int signal);
    void failBeforeStart(const QString &reason);
    void complete();

    QProcess m_process;
    QTimer m_timeoutTimer;
    QTimer m_killTimer;
    QTimer m_sweepTimer; //!< waits for leftovers to die, then reaps them
    QElapsedTimer m_clock;
    State m_state = State::Idle;
    qint64 m_pid = 0;
    bool m_leaderExited = false;
    bool m_killDetachedOnExit = false;
    bool m_includeDetached = true; //!< false once a normal exit kept the detached ones
    QByteArray m_tag;
    StrayProcesses m_strays;
    int m_timeoutMs = 0;
    int m_killGraceMs = DefaultKillGracePeriodMs;
    qint64 m_captureLimit = DefaultCaptureLimit;
    ProcessResult m_result;
    Capture m_stdout;
    Capture m_stderr;
};

} // namespace Promotion
