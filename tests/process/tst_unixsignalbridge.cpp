// SPDX-License-Identifier: GPL-3.0-or-later
#include "process/processrunner.h"
#include "process/processtree.h"
#include "process/unixsignalbridge.h"
#include "processtestutil.h"

#include <csignal>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Promotion;
using namespace ProcessTestUtil;

namespace {

QString signalHelper()
{
    return QStringLiteral(TEST_HELPERS_DIR "/promotion-signal-helper");
}

// The handler currently installed for \a signo.
void (*handlerOf(int signo))(int)
{
    struct sigaction current = {};
    ::sigaction(signo, nullptr, &current);
    return current.sa_handler;
}

} // namespace

class TestUnixSignalBridge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(signalHelper()).isExecutable(), qPrintable(signalHelper()));
        // The helper's sleep is orphaned when the helper dies; we reap it.
        if (!ProcessTree::becomeSubreaper())
            QSKIP("PR_SET_CHILD_SUBREAPER is not available here");
    }

    void exitCodes()
    {
        QCOMPARE(UnixSignalBridge::exitCodeFor(SIGINT), 130);
        QCOMPARE(UnixSignalBridge::exitCodeFor(SIGTERM), 143);
        QCOMPARE(UnixSignalBridge::exitCodeFor(SIGHUP), 129);
    }

    void secondSignalEndsProcess_data()
    {
        QTest::addColumn<int>("signo");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("SIGINT") << int(SIGINT) << 130;
        QTest::newRow("SIGTERM") << int(SIGTERM) << 143;
        QTest::newRow("SIGHUP") << int(SIGHUP) << 129;
    }
    void secondSignalEndsProcess()
    {
        QFETCH(int, signo);
        QFETCH(int, exitCode);
        QProcess app;
        QByteArray out;
        connect(&app, &QProcess::readyReadStandardOutput, this,
                [&] { out += app.readAllStandardOutput(); });
        QSignalSpy finished(&app, &QProcess::finished);
        app.start(signalHelper());
        QTRY_VERIFY_WITH_TIMEOUT(out.contains("sleep "), 10000);
        const int at = out.indexOf("sleep ") + 6;
        const qint64 sleepPid = out.mid(at, out.indexOf('\n', at) - at).toLongLong();
        const KillOnExit guard{sleepPid};
        QVERIFY(sleepPid > 0);
        QVERIFY(!processGone(sleepPid, false));

        QVERIFY(::kill(pid_t(app.processId()), signo) == 0);
        const QByteArray first = "first " + QByteArray::number(signo) + '\n';
        QTRY_VERIFY_WITH_TIMEOUT(out.contains(first), 2000);
        // A slow shutdown: the first signal does not end it.
        QTest::qWait(100);
        QCOMPARE(app.state(), QProcess::Running);

        QElapsedTimer clock;
        clock.start();
        QVERIFY(::kill(pid_t(app.processId()), signo) == 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 2000);
        QVERIFY2(clock.elapsed() <= 2000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), exitCode);
        // The handler SIGKILLed the sleep's group; we adopted and reap the corpse.
        QTRY_VERIFY_WITH_TIMEOUT(processGone(sleepPid, true), 2000);
    }

    void firstSigtermIsReported()
    {
        const auto previous = handlerOf(SIGTERM);
        {
            UnixSignalBridge bridge;
            QVERIFY(bridge.isInstalled());
            QVERIFY(handlerOf(SIGTERM) != previous);
            QSignalSpy received(&bridge, &UnixSignalBridge::signalReceived);
            QCOMPARE(UnixSignalBridge::receivedCount(), 0);
            QVERIFY(::kill(::getpid(), SIGTERM) == 0);
            QVERIFY(received.wait(2000));
            QCOMPARE(received.count(), 1);
            QCOMPARE(received.constFirst().constFirst().toInt(), 15);
            QCOMPARE(UnixSignalBridge::receivedCount(), 1);
            // A second one now would end this test run; that is the helper's job.
        }
        QVERIFY(handlerOf(SIGTERM) == previous);
        QCOMPARE(UnixSignalBridge::receivedCount(), 0);
    }

    void oneBridgeAtATime()
    {
        UnixSignalBridge first;
        UnixSignalBridge second;
        QVERIFY(first.isInstalled());
        QVERIFY(!second.isInstalled());
    }

    void ignoredSignalStaysIgnored()
    {
        const auto previous = handlerOf(SIGHUP);
        std::signal(SIGHUP, SIG_IGN);
        {
            UnixSignalBridge bridge;
            QVERIFY(bridge.isInstalled());
            QVERIFY(handlerOf(SIGHUP) == SIG_IGN); // as under nohup
            QVERIFY(handlerOf(SIGINT) != SIG_IGN && handlerOf(SIGINT) != SIG_DFL);
        }
        QVERIFY(handlerOf(SIGHUP) == SIG_IGN);
        std::signal(SIGHUP, previous);
    }

    void processGroupRegistry()
    {
        // Made-up group ids far beyond any pid_max; nothing is sent to them here.
        const qint64 base = qint64(1) << 24;
        QVERIFY(!UnixSignalBridge::registerProcessGroup(0));
        QVERIFY(!UnixSignalBridge::registerProcessGroup(-5));
        for (int i = 0; i < UnixSignalBridge::MaxProcessGroups; ++i)
            QVERIFY(UnixSignalBridge::registerProcessGroup(base + i));
        QVERIFY(!UnixSignalBridge::registerProcessGroup(base + 1000)); // full
        QVERIFY(UnixSignalBridge::isProcessGroupRegistered(base + 7));
        UnixSignalBridge::unregisterProcessGroup(base + 7);
        QVERIFY(!UnixSignalBridge::isProcessGroupRegistered(base + 7));
        QVERIFY(UnixSignalBridge::registerProcessGroup(base + 1000)); // a slot is free again
        UnixSignalBridge::unregisterProcessGroup(base + 1000);
        for (int i = 0; i < UnixSignalBridge::MaxProcessGroups; ++i)
            UnixSignalBridge::unregisterProcessGroup(base + i);
        QVERIFY(!UnixSignalBridge::isProcessGroupRegistered(base));
    }

    void runnerRegistersItsGroup()
    {
        ProcessRunner runner;
        QSignalSpy finished(&runner, &ProcessRunner::finished);
        ProcessSpec spec;
        spec.argv = QStringList{QStringLiteral("sleep"), QStringLiteral("30")};
        QVERIFY(runner.start(spec));
        const qint64 pgid = runner.processId();
        QVERIFY(pgid > 0);
        QVERIFY(UnixSignalBridge::isProcessGroupRegistered(pgid));
        runner.cancel();
        QVERIFY(finished.wait(5000));
        QVERIFY(!UnixSignalBridge::isProcessGroupRegistered(pgid));
    }
};

QTEST_GUILESS_MAIN(TestUnixSignalBridge)
#include "tst_unixsignalbridge.moc"
