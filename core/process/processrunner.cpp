// SPDX-License-Identifier: GPL-3.0-or-later
#include "processrunner.h"

#include "process/processtree.h"
#include "process/toollocator.h"
#include "process/unixsignalbridge.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <utility>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <unistd.h>
#endif

namespace Promotion {

namespace {
Q_LOGGING_CATEGORY(lcProcess, "promotion.process")

// How often leftovers are checked for and, once killed, reaped.
constexpr int SweepIntervalMs = 50;
} // namespace

ProcessRunner::ProcessRunner(QObject *parent)
    : QObject(parent)
{
    m_timeoutTimer.setSingleShot(true);
    m_killTimer.setSingleShot(true);
    m_sweepTimer.setInterval(SweepIntervalMs);
    // A coarse timer may fire 5 % early; a timeout should mean what it says.
    m_timeoutTimer.setTimerType(Qt::PreciseTimer);
    m_killTimer.setTimerType(Qt::PreciseTimer);
    // Tools must never wait for input that will not come.
    m_process.setStandardInputFile(QProcess::nullDevice());
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
#ifdef Q_OS_UNIX
    // Runs in the forked child before exec(): only async-signal-safe calls.
    m_process.setChildProcessModifier([] {
        // Own session and process group, so one kill(-pgid) reaches grandchildren.
        ::setsid();
        // Ignored signals survive exec(); tools expect the defaults.
        struct sigaction action = {};
        action.sa_handler = SIG_DFL;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGPIPE, &action, nullptr);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
    });
#endif

    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            [this] { readChannel(OutputChannel::StandardOutput); });
    connect(&m_process, &QProcess::readyReadStandardError, this,
            [this] { readChannel(OutputChannel::StandardError); });
    connect(&m_process, &QProcess::started, this, &ProcessRunner::onStarted);
    connect(&m_process, &QProcess::finished, this, &ProcessRunner::onProcessFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &ProcessRunner::onErrorOccurred);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &ProcessRunner::onTimeout);
    connect(&m_killTimer, &QTimer::timeout, this, &ProcessRunner::onKillTimeout);
    connect(&m_sweepTimer, &QTimer::timeout, this, &ProcessRunner::onSweepTick);
}

ProcessRunner::~ProcessRunner()
{
    // No signal may reach a half-destroyed runner.
    QObject::disconnect(&m_process, nullptr, this, nullptr);
    m_timeoutTimer.stop();
    m_killTimer.stop();
    m_sweepTimer.stop();
    if (m_pid > 0) {
        signalEverything(SIGKILL);
        UnixSignalBridge::unregisterProcessGroup(m_pid);
    }
    // ~QProcess reaps the leader and ~StrayProcesses the others we adopted;
    // SIGKILL cannot be ignored, so that is quick.
}

bool ProcessRunner::start(const ProcessSpec &spec)
{
    if (m_state != State::Idle) {
        qCWarning(lcProcess) << "ProcessRunner::start() refused: a command is still running:"
                             << m_result.argv;
        return false;
    }

    m_result = ProcessResult();
    m_result.argv = spec.argv;
    m_result.workingDirectory = spec.workingDirectory;
    for (Capture *capture : {&m_stdout, &m_stderr}) {
        capture->data.clear();
        capture->bytes = 0;
        capture->truncated = false;
        capture->hash.reset();
    }
    m_pid = 0;
    m_leaderExited = false;
    m_killDetachedOnExit = spec.killDetachedOnExit;
    m_includeDetached = true;
    m_tag = ProcessTree::newTag();
    // Daemons kept after earlier runs may have ended meanwhile: reap them.
    m_strays.reap();
    m_timeoutMs = spec.timeoutMs;
    m_state = State::Running;
    m_clock.start();

    const QString program = spec.argv.isEmpty() ? QString() : spec.argv.constFirst();
    const ToolLocator::Result located =
        ToolLocator::locate(program, spec.environment, spec.workingDirectory, spec.policyKey);
    if (!located.found()) {
        failBeforeStart(located.error);
        return true;
    }
    m_result.resolvedProgram = located.path;

    if (!spec.workingDirectory.isEmpty() && !QFileInfo(spec.workingDirectory).isDir()) {
        failBeforeStart(QStringLiteral("Working directory ") + spec.workingDirectory +
                        QStringLiteral(" does not exist; cannot run ") + program +
                        QStringLiteral("."));
        return true;
    }

    m_process.setProgram(located.path);
    m_process.setArguments(spec.argv.mid(1));
    m_process.setWorkingDirectory(spec.workingDirectory);
    // Every descendant inherits the tag, so even one that leaves the group is found.
    QProcessEnvironment environment = spec.environment.inheritsFromParent()
                                          ? QProcessEnvironment::systemEnvironment()
                                          : spec.environment;
    const QString tagVariable = QString::fromLatin1(ProcessTree::TagVariable);
    environment.insert(tagVariable, QString::fromLatin1(ProcessTree::tagValue(
                                        environment.value(tagVariable).toLatin1(), m_tag)));
    m_process.setProcessEnvironment(environment);
    m_process.start();
    // The pid exists as soon as fork() returned, before started() is emitted.
    m_pid = m_process.processId();
    m_result.pid = m_pid;
    if (m_pid > 0 && !UnixSignalBridge::registerProcessGroup(m_pid))
        qCWarning(lcProcess) << "Too many commands running to register process group" << m_pid;
    if (m_timeoutMs > 0 && m_state == State::Running)
        m_timeoutTimer.start(m_timeoutMs);
    return true;
}

void ProcessRunner::cancel()
{
    if (m_state != State::Running || m_result.failedToStart)
        return;
    m_result.cancelled = true;
    stop();
}

void ProcessRunner::onTimeout()
{
    if (m_state != State::Running)
        return;
    m_result.timedOut = true;
    stop();
}

void ProcessRunner::stop()
{
    m_state = State::Stopping;
    m_timeoutTimer.stop();
    signalEverything(SIGTERM);
    m_killTimer.start(m_killGraceMs);
}

void ProcessRunner::onKillTimeout()
{
    if (m_state != State::Stopping && m_state != State::Sweeping)
        return;
    m_result.killed = true;
    signalEverything(SIGKILL);
    // SIGKILL cannot be ignored; the sweep timer reaps what we adopted.
    if (m_state == State::Sweeping)
        complete();
}

void ProcessRunner::onSweepTick()
{
    if (m_state != State::Sweeping) {
        // Between runs: reap what was killed.
        m_strays.reap();
        if (m_strays.trackedCount() == 0)
            m_sweepTimer.stop();
        return;
    }
    if (m_strays.aliveCount() > 0)
        return;
    // All known ones are gone; a last look catches what they started meanwhile.
    if (signalEverything(SIGTERM) == 0 && m_strays.aliveCount() == 0)
        complete();
}

int ProcessRunner::signalEverything(int signal)
{
    // One by one first, so those that were alive are counted before the group signal.
    const int alive = m_includeDetached ? m_strays.signalAll(m_tag, m_pid, !m_leaderExited, signal)
                                        : m_strays.signalGroupMembers(m_pid, signal);
    signalGroup(signal);
    if (m_strays.trackedCount() > 0 && !m_sweepTimer.isActive())
        m_sweepTimer.start();
    return alive;
}

void ProcessRunner::signalGroup(int signal)
{
#ifdef Q_OS_UNIX
    if (m_pid <= 0)
        return;
    const pid_t pid = pid_t(m_pid);
    // Between fork() and the child's setsid() the group does not exist yet; the
    // leader itself still gets the signal then. Once QProcess has reaped it, its
    // pid may belong to someone else: only the group is signalled.
    if (::kill(-pid, signal) != 0 && errno == ESRCH && !m_leaderExited)
        ::kill(pid, signal);
#else
    if (signal == SIGTERM)
        m_process.terminate();
    else
        m_process.kill();
#endif
}

void ProcessRunner::onStarted()
{
    if (m_pid <= 0) {
        m_pid = m_process.processId();
        m_result.pid = m_pid;
    }
    Q_EMIT started(m_pid);
    // cancel() before the pid was known could not signal anything; do it now.
    if (m_state == State::Stopping)
        signalEverything(SIGTERM);
}

void ProcessRunner::readChannel(OutputChannel channel)
{
    const bool isOut = channel == OutputChannel::StandardOutput;
    const QByteArray chunk =
        isOut ? m_process.readAllStandardOutput() : m_process.readAllStandardError();
    if (chunk.isEmpty())
        return;
    Capture &capture = isOut ? m_stdout : m_stderr;
    capture.bytes += chunk.size();
    capture.hash.addData(chunk);
    const qint64 room = m_captureLimit - capture.data.size();
    if (room >= chunk.size()) {
        capture.data.append(chunk);
    } else {
        if (room > 0)
            capture.data.append(chunk.constData(), room);
        capture.truncated = true;
    }
    Q_EMIT outputChunk(chunk, channel);
}

void ProcessRunner::onProcessFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_state == State::Idle)
        return;
    // Whatever is still buffered belongs to this run.
    readChannel(OutputChannel::StandardOutput);
    readChannel(OutputChannel::StandardError);

    m_result.exitCode = exitCode;
    m_result.exitStatus = status;
    const bool stoppedByUs = m_result.cancelled || m_result.timedOut;
    m_result.crashed = status == QProcess::CrashExit && !stoppedByUs;
    // Timeout and cancel are described by complete(), once it is known whether SIGKILL was needed.
    if (m_result.crashed) {
        m_result.errorString = QFileInfo(m_result.resolvedProgram).fileName() +
                               QStringLiteral(" crashed (") + m_process.errorString() +
                               QStringLiteral(").");
    }

    // QProcess has reaped the leader; its pid only names the group from now on.
    m_leaderExited = true;
    if (m_state == State::Running && !m_killDetachedOnExit && m_pid > 0) {
        // It ended by itself: a daemon it started is a service, kept running.
        m_includeDetached = false;
        StrayProcesses::watchDetached(m_tag, m_pid);
    }
    // Anything the command left running dies with it: SIGTERM, SIGKILL after the grace period.
#ifdef Q_OS_UNIX
    const bool groupLeft = m_pid > 0 && ::kill(-pid_t(m_pid), 0) == 0;
#else
    const bool groupLeft = false;
#endif
    if ((m_pid > 0 && signalEverything(SIGTERM) > 0) || groupLeft)
        m_result.strayProcessesKilled = true;
    if (m_strays.aliveCount() == 0) {
#ifdef Q_OS_UNIX
        // A member we could not track (another user's, after a setuid exec) still dies.
        if (m_pid > 0 && ::kill(-pid_t(m_pid), SIGKILL) == 0)
            m_result.strayProcessesKilled = true;
#endif
        complete();
        return;
    }
    if (m_state == State::Running)
        m_killTimer.start(m_killGraceMs);
    // Stopping: the kill timer of cancel() or the timeout runs on.
    m_state = State::Sweeping;
}

void ProcessRunner::onErrorOccurred(QProcess::ProcessError error)
{
    // Crashes arrive through finished(); only a failed exec() ends the run here.
    if (error != QProcess::FailedToStart || m_state == State::Idle)
        return;
    m_result.failedToStart = true;
    m_result.errorString = QStringLiteral("Could not start ") + m_result.resolvedProgram +
                           QStringLiteral(": ") + m_process.errorString();
    m_pid = 0;
    // QProcess may report this from inside start(); finished() is always emitted later.
    QTimer::singleShot(0, this, &ProcessRunner::complete);
}

void ProcessRunner::failBeforeStart(const QString &reason)
{
    m_result.failedToStart = true;
    m_result.errorString = reason;
    // Asynchronous like every other outcome, so callers can connect after start().
    QTimer::singleShot(0, this, &ProcessRunner::complete);
}

void ProcessRunner::complete()
{
    if (m_state == State::Idle)
        return;
    m_timeoutTimer.stop();
    m_killTimer.stop();
    if (m_pid > 0)
        UnixSignalBridge::unregisterProcessGroup(m_pid);
    const QString how = m_result.killed ? QStringLiteral("killed") : QStringLiteral("terminated");
    if (m_result.failedToStart) {
        // Its reason is already written.
    } else if (m_result.timedOut) {
        m_result.errorString = QStringLiteral("Timed out after %1 ms; the process group was %2.")
                                   .arg(m_timeoutMs)
                                   .arg(how);
    } else if (m_result.cancelled) {
        m_result.errorString = QStringLiteral("Cancelled; the process group was %1.").arg(how);
    }
    m_result.stdoutData = std::exchange(m_stdout.data, {});
    m_result.stderrData = std::exchange(m_stderr.data, {});
    m_result.stdoutTruncated = m_stdout.truncated;
    m_result.stderrTruncated = m_stderr.truncated;
    m_result.stdoutBytes = m_stdout.bytes;
    m_result.stderrBytes = m_stderr.bytes;
    m_result.stdoutSha256 = m_stdout.hash.result().toHex();
    m_result.stderrSha256 = m_stderr.hash.result().toHex();
    const QByteArray both = QByteArray("stdout ") + m_result.stdoutSha256 +
                            QByteArray("\nstderr ") + m_result.stderrSha256 + QByteArray("\n");
    m_result.sha256 = QCryptographicHash::hash(both, QCryptographicHash::Sha256).toHex();
    m_result.durationMs = m_clock.elapsed();
    m_pid = 0;
    m_state = State::Idle;
    // Copy: a slot may start the next command on this runner, resetting m_result.
    const ProcessResult result = m_result;
    Q_EMIT finished(result);
}

} // namespace Promotion
