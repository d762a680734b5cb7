// SPDX-License-Identifier: GPL-3.0-or-later
// Fault tests: a command that starts a daemon in a new session (double fork +
// setsid) leaves its process group, so kill(-pgid) misses it. The runner must
// still end it, by its PROMOTION_PROCESS_TAG, on cancel, timeout, destruction
// and when the command exits, and reap it once it is reparented to us.
#include "process/processrunner.h"
#include "process/processtree.h"
#include "processtestutil.h"

#include <memory>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Promotion;
using namespace ProcessTestUtil;

class TestSetsidDaemon : public QObject
{
    Q_OBJECT

private:
    // Starts the helper in \a mode and returns the daemon's pid, 0 on failure.
    qint64 startDaemon(ProcessRunner &runner, const QString &mode, const QString &pidFile,
                       const QStringList &extra = {}, int timeoutMs = 0,
                       bool killDetachedOnExit = false)
    {
        ProcessSpec spec;
        spec.argv = QStringList{helper(), mode, pidFile} + extra;
        spec.timeoutMs = timeoutMs;
        spec.killDetachedOnExit = killDetachedOnExit;
        if (!runner.start(spec))
            return 0;
        QElapsedTimer clock;
        clock.start();
        while (!QFile::exists(pidFile) && clock.elapsed() < 10000)
            QTest::qWait(10);
        return readPidFile(pidFile);
    }

    // What the fault is about: the daemon is out of the group, yet carries the tag.
    static bool leftTheGroup(const ProcessRunner &runner, qint64 daemon)
    {
        const qint64 leader = runner.processId();
        return ::getpgid(pid_t(daemon)) != pid_t(leader) && ::getsid(pid_t(daemon)) != leader &&
               ProcessTree::hasTag(daemon, runner.processTag());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(QFileInfo(helper()).isExecutable(), qPrintable(helper()));
        if (!ProcessTree::becomeSubreaper())
            QSKIP("PR_SET_CHILD_SUBREAPER is not available here");
        QVERIFY(ProcessTree::isSubreaper());
    }

    void setsidDaemonKilledOnCancel()
    {
        QTemporaryDir dir;
        const QString pidFile = dir.filePath("daemon.pid");
        ProcessRunner runner;
        QSignalSpy finished(&runner, &ProcessRunner::finished);
        const qint64 daemon = startDaemon(runner, "daemon", pidFile);
        const KillOnExit guard{daemon};
        QVERIFY(daemon > 0);
        QVERIFY(leftTheGroup(runner, daemon));
        // Its middle parent exited: the daemon is an orphan, adopted by us.
        QTRY_COMPARE_WITH_TIMEOUT(ProcessTree::parentOf(daemon), qint64(::getpid()), 2000);

        QElapsedTimer clock;
        clock.start();
        runner.cancel();
        // Really gone, reaped by the runner: the test does not wait for it.
        QTRY_VERIFY_WITH_TIMEOUT(processGone(daemon, false), 3000);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 3000);
        QVERIFY2(clock.elapsed() <= 3000, qPrintable(QString::number(clock.elapsed())));
        const auto r = finished.constFirst().constFirst().value<ProcessResult>();
        QVERIFY(r.cancelled);
        QVERIFY(!r.succeeded());
    }

    void setsidDaemonKilledAfterExit()
    {
        QTemporaryDir dir;
        const QString pidFile = dir.filePath("daemon.pid");
        ProcessRunner runner;
        QSignalSpy finished(&runner, &ProcessRunner::finished);
        const qint64 daemon = startDaemon(runner, "daemon-exit", pidFile, {}, 0, true);
        const KillOnExit guard{daemon};
        QVERIFY(daemon > 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        const auto r = finished.constFirst().constFirst().value<ProcessResult>();
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.succeeded()); // leftovers do not fail the command
        QVERIFY(r.strayProcessesKilled);
        // finished() comes once it is dead; reaping may take one more sweep.
        QVERIFY(processGone(daemon, false) || ProcessTree::isZombie(daemon));
        QTRY_VERIFY_WITH_TIMEOUT(processGone(daemon, false), 3000);
    }

    void setsidDaemonKeptAfterExitByDefault()
    {
        // A service started on purpose (the demo kubectl's cluster) outlives the command...
        QTemporaryDir dir;
        const QString pidFile = dir.filePath("daemon.pid");
        ProcessRunner runner;
        QSignalSpy finished(&runner, &ProcessRunner::finished);
        const qint64 daemon = startDaemon(runner, "daemon-exit", pidFile);
        const KillOnExit guard{daemon};
        QVERIFY(daemon > 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        const auto r = finished.constFirst().constFirst().value<ProcessResult>();
        QVERIFY(r.succeeded());
        QVERIFY(!r.strayProcessesKilled);
        QTest::qWait(300); // a few sweeps
        QVERIFY(!processGone(daemon, false));
        QVERIFY(!ProcessTree::isZombie(daemon));

        // ...and once it ends, reparented to us, the next run reaps it.
        QCOMPARE(::kill(pid_t(daemon), SIGTERM), 0);
        QTRY_VERIFY_WITH_TIMEOUT(ProcessTree::isZombie(daemon), 2000);
        ProcessSpec next;
        next.argv = QStringList{helper(), "exit", "0"};
        QVERIFY(runner.start(next));
        QVERIFY(processGone(daemon, false));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 5000);
    }

    void setsidDaemonKilledOnTimeout()
    {
        QTemporaryDir dir;
        const QString pidFile = dir.filePath("daemon.pid");
        ProcessRunner runner;
        QSignalSpy finished(&runner, &ProcessRunner::finished);
        const qint64 daemon = startDaemon(runner, "daemon", pidFile, {}, 500);
        const KillOnExit guard{daemon};
        QVERIFY(daemon > 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QVERIFY(finished.constFirst().constFirst().value<ProcessResult>().timedOut);
        QTRY_VERIFY_WITH_TIMEOUT(processGone(daemon, false), 3000);
    }

    void setsidDaemonKilledByDestructor()
    {
        QTemporaryDir dir;
        const QString pidFile = dir.filePath("daemon.pid");
        auto runner = std::make_unique<ProcessRunner>();
        QSignalSpy finished(runner.get(), &ProcessRunner::finished);
        const qint64 daemon = startDaemon(*runner, "daemon", pidFile);
        const KillOnExit guard{daemon};
        QVERIFY(daemon > 0);
        QVERIFY(leftTheGroup(*runner, daemon));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("Destroyed while process"));
        QElapsedTimer clock;
        clock.start();
        runner.reset();
        // No event loop needed: the destructor kills and reaps before it returns.
        QVERIFY(processGone(daemon, false));
        QVERIFY2(clock.elapsed() <= 3000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(finished.count(), 0);
    }

    void daemonIgnoringTermGetsKill()
    {
        QTemporaryDir dir;
        const QString pidFile = dir.filePath("daemon.pid");
        ProcessRunner runner;
        runner.setKillGracePeriod(500);
        QSignalSpy finished(&runner, &ProcessRunner::finished);
        const qint64 daemon = startDaemon(runner, "daemon", pidFile, {"ignore-term"});
        const KillOnExit guard{daemon};
        QVERIFY(daemon > 0);
        QElapsedTimer clock;
        clock.start();
        runner.cancel();
        QTest::qWait(200);
        // The command died at once; the daemon shrugged SIGTERM off and the run waits for it.
        QVERIFY(!processGone(daemon, false));
        QCOMPARE(finished.count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 3000);
        QVERIFY(clock.elapsed() >= 500);
        const auto r = finished.constFirst().constFirst().value<ProcessResult>();
        QVERIFY(r.cancelled);
        QVERIFY(r.killed);
        QVERIFY2(r.errorString.contains("killed"), qPrintable(r.errorString));
        QTRY_VERIFY_WITH_TIMEOUT(processGone(daemon, false), 3000);
    }

    void untaggedProcessUntouched()
    {
        // A process we did not start through the runner: our child too, but untagged.
        QProcess foreign;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QString::fromLatin1(ProcessTree::TagVariable));
        foreign.setProcessEnvironment(environment);
        foreign.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(foreign.waitForStarted(5000));
        const qint64 foreignPid = foreign.processId();
        const KillOnExit foreignGuard{foreignPid};

        QTemporaryDir dir;
        const QString pidFile = dir.filePath("daemon.pid");
        ProcessRunner runner;
        QSignalSpy finished(&runner, &ProcessRunner::finished);
        const qint64 daemon = startDaemon(runner, "daemon", pidFile);
        const KillOnExit guard{daemon};
        QVERIFY(daemon > 0);
        runner.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 3000);
        QTRY_VERIFY_WITH_TIMEOUT(processGone(daemon, false), 3000);
        QTest::qWait(200); // a sweep or two more

        QVERIFY(!processGone(foreignPid, false));
        QCOMPARE(foreign.state(), QProcess::Running);
        // Nobody reaped it behind QProcess's back: it reports the kill itself.
        foreign.kill();
        QVERIFY(foreign.waitForFinished(5000));
        QCOMPARE(foreign.exitStatus(), QProcess::CrashExit);
    }
};

QTEST_GUILESS_MAIN(TestSetsidDaemon)
#include "tst_setsiddaemon.moc"
