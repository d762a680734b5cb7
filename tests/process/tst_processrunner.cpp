// SPDX-License-Identifier: GPL-3.0-or-later
#include "process/processrunner.h"
#include "testconfig.h"

#include <cerrno>
#include <csignal>
#include <memory>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <tuple>

using namespace Promotion;

namespace {

QString helper()
{
    return QStringLiteral(TEST_HELPERS_DIR "/promotion-test-helper");
}

ProcessSpec helperSpec(const QStringList &args)
{
    ProcessSpec spec;
    spec.argv = QStringList{helper()} + args;
    return spec;
}

/* True once \a pid no longer exists. Grandchildren are reparented to this test
 * (a child subreaper), so they are reaped here; the command itself is QProcess's
 * child and must never be waited for behind its back (\a reap false). */
bool processGone(qint64 pid, bool reap)
{
    if (reap) {
        int status = 0;
        ::waitpid(pid_t(pid), &status, WNOHANG);
    }
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

qint64 readPidFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().trimmed().toLongLong();
}

// When a test fails halfway, its grandchild must not outlive the test run.
struct KillOnExit
{
    qint64 pid = 0;
    ~KillOnExit()
    {
        if (pid > 0 && !processGone(pid, true) && ::kill(pid_t(pid), SIGKILL) == 0) {
            int status = 0;
            ::waitpid(pid_t(pid), &status, 0);
        }
    }
};

// The exact text of `promotion-test-helper flood N`.
QByteArray floodText(int lines)
{
    QByteArray text;
    text.reserve(qsizetype(lines) * 57);
    char line[96];
    for (int i = 1; i <= lines; ++i) {
        const int n = std::snprintf(line, sizeof line,
                                    "line %07d the quick brown fox jumps over the lazy dog\n", i);
        text.append(line, n);
    }
    return text;
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestProcessRunner : public QObject
{
    Q_OBJECT

private:
    // Runs \a spec to the end; false (with a failure recorded) if it never finished.
    bool run(ProcessRunner &runner, const ProcessSpec &spec, ProcessResult &result,
             int timeoutMs = 30000)
    {
        QSignalSpy spy(&runner, &ProcessRunner::finished);
        if (!runner.start(spec))
            return false;
        if (spy.isEmpty() && !spy.wait(timeoutMs))
            return false;
        if (spy.count() != 1)
            return false;
        result = spy.constFirst().constFirst().value<ProcessResult>();
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(QFileInfo(helper()).isExecutable(), qPrintable(helper()));
        // Orphaned grandchildren become our children, so the tests can reap them
        // and tell "dead" from "zombie".
        QCOMPARE(::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), 0);
    }

    void exitCodes_data()
    {
        QTest::addColumn<int>("code");
        for (int code : {0, 1, 2, 3, 42, 127, 255})
            QTest::addRow("exit %d", code) << code;
    }
    void exitCodes()
    {
        QFETCH(int, code);
        ProcessRunner runner;
        ProcessResult r;
        QElapsedTimer clock;
        clock.start();
        QVERIFY(run(runner, helperSpec({"exit", QString::number(code)}), r));
        const qint64 wallMs = clock.elapsed();
        QCOMPARE(r.exitCode, code);
        QCOMPARE(r.exitStatus, QProcess::NormalExit);
        QCOMPARE(r.succeeded(), code == 0);
        QVERIFY(!r.crashed);
        QVERIFY(!r.timedOut);
        QVERIFY(!r.cancelled);
        QVERIFY(!r.failedToStart);
        QVERIFY(!r.killed);
        QVERIFY(r.errorString.isEmpty());
        QCOMPARE(r.resolvedProgram, helper());
        QCOMPARE(r.argv, (QStringList{helper(), "exit", QString::number(code)}));
        QVERIFY(r.pid > 0);
        // The runner's own clock runs inside ours.
        QVERIFY2(r.durationMs >= 0 && r.durationMs <= wallMs,
                 qPrintable(QStringLiteral("%1 ms of %2 ms").arg(r.durationMs).arg(wallMs)));
        QVERIFY(!runner.isRunning());
    }

    void streamsStaySeparate_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QByteArray>("expectedOut");
        QTest::addColumn<QByteArray>("expectedErr");
        QTest::newRow("stdout") << "print" << QByteArray("héllo out\n") << QByteArray();
        QTest::newRow("stderr") << "stderr" << QByteArray() << QByteArray("héllo out\n");
    }
    void streamsStaySeparate()
    {
        QFETCH(QString, mode);
        QFETCH(QByteArray, expectedOut);
        QFETCH(QByteArray, expectedErr);
        ProcessRunner runner;
        QByteArray chunksOut;
        QByteArray chunksErr;
        connect(&runner, &ProcessRunner::outputChunk, this,
                [&](const QByteArray &chunk, OutputChannel channel) {
                    (channel == OutputChannel::StandardOutput ? chunksOut : chunksErr) += chunk;
                });
        ProcessResult r;
        QVERIFY(run(runner, helperSpec({mode, QStringLiteral("héllo out")}), r));
        QCOMPARE(r.stdoutData, expectedOut);
        QCOMPARE(r.stderrData, expectedErr);
        QCOMPARE(chunksOut, expectedOut);
        QCOMPARE(chunksErr, expectedErr);
        QCOMPARE(r.stdoutBytes, qint64(expectedOut.size()));
        QCOMPARE(r.stderrBytes, qint64(expectedErr.size()));
        QCOMPARE(r.stdoutSha256, sha256Hex(expectedOut));
        QCOMPARE(r.stderrSha256, sha256Hex(expectedErr));
        QCOMPARE(r.sha256, sha256Hex("stdout " + sha256Hex(expectedOut) + "\nstderr " +
                                     sha256Hex(expectedErr) + "\n"));
        QVERIFY(!r.truncated());
    }

    void environmentIsTheSpecs()
    {
        qputenv("PROMOTION_APP_ONLY", "app");
        ProcessSpec spec = helperSpec({"env", "PROMOTION_TEST_VAR"});
        spec.environment = QProcessEnvironment();
        spec.environment.insert("PROMOTION_TEST_VAR", "value with spaces & $(chars)");
        ProcessResult r;
        ProcessRunner runner;
        QVERIFY(run(runner, spec, r));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.stdoutData, QByteArray("value with spaces & $(chars)\n"));

        // The app's own variables do not leak into a command given its own environment.
        spec.argv = QStringList{helper(), "env", "PROMOTION_APP_ONLY"};
        QVERIFY(run(runner, spec, r));
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.stdoutData.isEmpty());
        qunsetenv("PROMOTION_APP_ONLY");
    }

    void workingDirectory()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ProcessSpec spec = helperSpec({"pwd"});
        spec.workingDirectory = dir.path();
        ProcessRunner runner;
        ProcessResult r;
        QVERIFY(run(runner, spec, r));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QDir(QString::fromLocal8Bit(r.stdoutData.trimmed())).canonicalPath(),
                 QDir(dir.path()).canonicalPath());
        QCOMPARE(r.workingDirectory, dir.path());
    }

    void badWorkingDirectory()
    {
        ProcessSpec spec = helperSpec({"pwd"});
        spec.workingDirectory = QStringLiteral("/nonexistent/promotion-wd");
        ProcessRunner runner;
        ProcessResult r;
        QVERIFY(run(runner, spec, r));
        QVERIFY(r.failedToStart);
        QVERIFY2(r.errorString.contains("/nonexistent/promotion-wd"), qPrintable(r.errorString));
    }

    void flood()
    {
        const int lines = 1000000;
        const QByteArray expected = floodText(lines);
        ProcessRunner runner;
        qint64 chunkBytes = 0;
        int chunks = 0;
        int stderrChunks = 0; // counted here, checked below: a QCOMPARE in the slot would only
                              // return from the lambda
        QCryptographicHash chunkHash(QCryptographicHash::Sha256);
        connect(&runner, &ProcessRunner::outputChunk, this,
                [&](const QByteArray &chunk, OutputChannel channel) {
                    if (channel != OutputChannel::StandardOutput)
                        ++stderrChunks;
                    chunkBytes += chunk.size();
                    chunkHash.addData(chunk);
                    ++chunks;
                });
        ProcessResult r;
        QVERIFY(run(runner, helperSpec({"flood", QString::number(lines)}), r, 120000));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(stderrChunks, 0);
        QCOMPARE(r.stdoutBytes, qint64(expected.size()));
        QCOMPARE(chunkBytes, qint64(expected.size()));
        QCOMPARE(r.stdoutSha256, sha256Hex(expected));
        QCOMPARE(chunkHash.result().toHex(), sha256Hex(expected));
        QVERIFY(!r.stdoutTruncated);
        QCOMPARE(r.stdoutData.size(), expected.size());
        QVERIFY(r.stdoutData == expected);
        QVERIFY2(chunks > 1, "output must arrive in chunks as it is written");
        QVERIFY(r.stderrData.isEmpty());
    }

    void captureLimit()
    {
        const int lines = 200000;
        const QByteArray expected = floodText(lines);
        ProcessRunner runner;
        runner.setCaptureLimit(1000);
        QCOMPARE(runner.captureLimit(), qint64(1000));
        ProcessResult r;
        QVERIFY(run(runner, helperSpec({"flood-both", QString::number(lines)}), r, 120000));
        QCOMPARE(r.exitCode, 0);
        for (const auto &[data, bytes, sha, truncated] :
             {std::tuple{r.stdoutData, r.stdoutBytes, r.stdoutSha256, r.stdoutTruncated},
              std::tuple{r.stderrData, r.stderrBytes, r.stderrSha256, r.stderrTruncated}}) {
            QVERIFY(truncated);
            QCOMPARE(data, expected.left(1000));
            // Digest and count still cover every byte, not just the kept ones.
            QCOMPARE(bytes, qint64(expected.size()));
            QCOMPARE(sha, sha256Hex(expected));
        }
        QVERIFY(r.truncated());
    }

    void timeout()
    {
        ProcessSpec spec = helperSpec({"hang"});
        spec.timeoutMs = 300;
        ProcessRunner runner;
        QElapsedTimer clock;
        clock.start();
        ProcessResult r;
        QVERIFY(run(runner, spec, r, 10000));
        QVERIFY(r.timedOut);
        QVERIFY(!r.cancelled);
        QVERIFY(!r.crashed);
        QVERIFY(!r.succeeded());
        QVERIFY(!r.killed); // SIGTERM was enough
        QVERIFY2(r.errorString.contains("Timed out after 300 ms"), qPrintable(r.errorString));
        QVERIFY(clock.elapsed() >= 300);
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(r.durationMs >= 300 && r.durationMs <= clock.elapsed(),
                 qPrintable(QString::number(r.durationMs)));
        QCOMPARE(r.stdoutData, QByteArray("ready\n"));
        QVERIFY(processGone(r.pid, false));
    }

    void cancelKillsGroup()
    {
        QTemporaryDir dir;
        const QString pidFile = dir.filePath("grandchild.pid");
        ProcessRunner runner;
        QSignalSpy started(&runner, &ProcessRunner::started);
        QSignalSpy finished(&runner, &ProcessRunner::finished);
        QVERIFY(runner.start(helperSpec({"spawn-grandchild", pidFile})));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pidFile), 10000);
        QTRY_COMPARE(started.count(), 1); // the grandchild may write its pid before started() is delivered
        const qint64 leader = runner.processId();
        const qint64 grandchild = readPidFile(pidFile);
        const KillOnExit guard{grandchild};
        QVERIFY(leader > 0);
        QCOMPARE(started.constFirst().constFirst().toLongLong(), leader);
        QVERIFY(grandchild > 0 && grandchild != leader);
        QVERIFY(!processGone(leader, false));
        QVERIFY(!processGone(grandchild, true));
        // It is a group of its own, led by the command.
        QCOMPARE(qint64(::getpgid(pid_t(grandchild))), leader);
        QVERIFY(::getpgid(pid_t(leader)) != ::getpgrp());

        QElapsedTimer clock;
        clock.start();
        runner.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 2000);
        QTRY_VERIFY_WITH_TIMEOUT(processGone(grandchild, true), 2000);
        QVERIFY(processGone(leader, false));
        QVERIFY2(clock.elapsed() <= 2000, qPrintable(QString::number(clock.elapsed())));

        const auto r = finished.constFirst().constFirst().value<ProcessResult>();
        QVERIFY(r.cancelled);
        QVERIFY(!r.timedOut);
        QVERIFY(!r.crashed);
        QVERIFY(!r.succeeded());
        QVERIFY2(r.errorString.startsWith("Cancelled"), qPrintable(r.errorString));
        QVERIFY(!runner.isRunning());
        QCOMPARE(runner.processId(), qint64(0));
    }

    void ignoredTermEscalatesToKill()
    {
        ProcessRunner runner;
        runner.setKillGracePeriod(1000);
        QCOMPARE(runner.killGracePeriod(), 1000);
        QByteArray out;
        connect(&runner, &ProcessRunner::outputChunk, this,
                [&out](const QByteArray &chunk, OutputChannel) { out += chunk; });
        QSignalSpy finished(&runner, &ProcessRunner::finished);
        QVERIFY(runner.start(helperSpec({"ignore-term"})));
        // Only once it says so is SIGTERM really ignored.
        QTRY_VERIFY_WITH_TIMEOUT(out.contains("ready"), 10000);
        const qint64 pid = runner.processId();
        QElapsedTimer clock;
        clock.start();
        runner.cancel();
        QTest::qWait(150);
        QCOMPARE(finished.count(), 0); // still alive: SIGTERM is ignored
        QVERIFY(!processGone(pid, false));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 3000);
        QVERIFY(clock.elapsed() >= 1000);
        const auto r = finished.constFirst().constFirst().value<ProcessResult>();
        QVERIFY(r.cancelled);
        QVERIFY(r.killed);
        QVERIFY(!r.crashed); // we killed it; it did not crash
        QCOMPARE(r.exitStatus, QProcess::CrashExit);
        QVERIFY2(r.errorString.contains("killed"), qPrintable(r.errorString));
        QVERIFY(processGone(pid, false));
    }

    void missingExecutable()
    {
        ProcessSpec spec;
        spec.argv = QStringList{"definitely-not-a-tool-xyz", "--flag"};
        spec.environment.insert("PATH", "/nonexistent/bin:/also/missing");
        spec.policyKey = "gates.tests.command";
        ProcessRunner runner;
        QSignalSpy started(&runner, &ProcessRunner::started);
        QSignalSpy finished(&runner, &ProcessRunner::finished);
        QVERIFY(runner.start(spec));
        QVERIFY(runner.isRunning());
        QCOMPARE(finished.count(), 0); // reported later, never from inside start()
        QVERIFY(finished.wait(5000));
        const auto r = finished.constFirst().constFirst().value<ProcessResult>();
        QVERIFY(r.failedToStart);
        QVERIFY(!r.succeeded());
        QCOMPARE(r.errorString, QString("definitely-not-a-tool-xyz was not found on PATH "
                                        "(/nonexistent/bin:/also/missing). Install it or change "
                                        "gates.tests.command in promotion.yaml."));
        QVERIFY(r.resolvedProgram.isEmpty());
        QCOMPARE(r.pid, qint64(0));
        QCOMPARE(started.count(), 0);
        QVERIFY(!runner.isRunning());
    }

    void notExecutableFailsToStart()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath("noexec.sh");
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\n");
        file.close();
        ProcessSpec spec;
        spec.argv = QStringList{script};
        spec.policyKey = "deploy.apply.command";
        ProcessRunner runner;
        ProcessResult r;
        QVERIFY(run(runner, spec, r));
        QVERIFY(r.failedToStart);
        QVERIFY2(r.errorString.contains("not executable") &&
                     r.errorString.contains("deploy.apply.command"),
                 qPrintable(r.errorString));
    }

    void execFailureIsFailedToStart()
    {
        // Executable bit set but no valid format or interpreter: exec() itself fails.
        QTemporaryDir dir;
        const QString bogus = dir.filePath("bogus");
        QFile file(bogus);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/nonexistent/interpreter\n");
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        ProcessSpec spec;
        spec.argv = QStringList{bogus};
        ProcessRunner runner;
        ProcessResult r;
        QVERIFY(run(runner, spec, r));
        QVERIFY(r.failedToStart);
        QVERIFY2(r.errorString.contains(bogus), qPrintable(r.errorString));
        QVERIFY(!runner.isRunning());
    }

    void crash_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("abort") << "crash";
        QTest::newRow("segv") << "segv";
    }
    void crash()
    {
        QFETCH(QString, mode);
        ProcessRunner runner;
        ProcessResult r;
        QVERIFY(run(runner, helperSpec({mode}), r));
        QVERIFY(r.crashed);
        QCOMPARE(r.exitStatus, QProcess::CrashExit);
        QVERIFY(!r.cancelled);
        QVERIFY(!r.timedOut);
        QVERIFY(!r.succeeded());
        QVERIFY2(r.errorString.contains("promotion-test-helper crashed"),
                 qPrintable(r.errorString));
    }

    void destructorKillsGroup()
    {
        QTemporaryDir dir;
        const QString pidFile = dir.filePath("grandchild.pid");
        auto runner = std::make_unique<ProcessRunner>();
        QSignalSpy finished(runner.get(), &ProcessRunner::finished);
        QVERIFY(runner->start(helperSpec({"spawn-grandchild", pidFile})));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pidFile), 10000);
        const qint64 leader = runner->processId();
        const qint64 grandchild = readPidFile(pidFile);
        const KillOnExit guard{grandchild};
        QVERIFY(leader > 0 && grandchild > 0);
        // QProcess says so when it has to reap a process in its destructor.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("Destroyed while process"));
        QElapsedTimer clock;
        clock.start();
        runner.reset();
        QVERIFY(processGone(leader, false));
        QTRY_VERIFY_WITH_TIMEOUT(processGone(grandchild, true), 2000);
        QVERIFY(clock.elapsed() <= 2000);
        QCOMPARE(finished.count(), 0); // a dying runner reports nothing
    }

    void strayChildrenKilledAfterExit()
    {
        QTemporaryDir dir;
        const QString pidFile = dir.filePath("orphan.pid");
        ProcessRunner runner;
        ProcessResult r;
        QVERIFY(run(runner, helperSpec({"orphan", pidFile}), r));
        QCOMPARE(r.exitCode, 0);
        const qint64 orphan = readPidFile(pidFile);
        const KillOnExit guard{orphan};
        QVERIFY(orphan > 0);
        QVERIFY(r.strayProcessesKilled);
        QTRY_VERIFY_WITH_TIMEOUT(processGone(orphan, true), 2000);
    }

    void startWhileRunningIsRefused()
    {
        ProcessRunner runner;
        QSignalSpy finished(&runner, &ProcessRunner::finished);
        QVERIFY(runner.start(helperSpec({"hang"})));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("start\\(\\) refused"));
        QVERIFY(!runner.start(helperSpec({"exit", "0"})));
        runner.cancel();
        QVERIFY(finished.wait(5000));
        QTest::qWait(50);
        QCOMPARE(finished.count(), 1);
        QVERIFY(finished.constFirst().constFirst().value<ProcessResult>().cancelled);
    }

    void cancelWhenIdleIsHarmless()
    {
        ProcessRunner runner;
        QSignalSpy finished(&runner, &ProcessRunner::finished);
        runner.cancel();
        QTest::qWait(20);
        QCOMPARE(finished.count(), 0);
    }

    void runnerIsReusable()
    {
        ProcessRunner runner;
        ProcessResult first;
        QVERIFY(run(runner, helperSpec({"print", "one"}), first));
        ProcessResult second;
        QVERIFY(run(runner, helperSpec({"stderr", "two"}), second));
        QCOMPARE(first.stdoutData, QByteArray("one\n"));
        QCOMPARE(second.stdoutData, QByteArray());
        QCOMPARE(second.stderrData, QByteArray("two\n"));
        QVERIFY(second.pid != first.pid);

        // Starting again from the finished() slot works too.
        QSignalSpy finished(&runner, &ProcessRunner::finished);
        bool restarted = false;
        connect(&runner, &ProcessRunner::finished, this, [&](const ProcessResult &) {
            if (!restarted)
                restarted = runner.start(helperSpec({"print", "three"}));
        });
        QVERIFY(runner.start(helperSpec({"print", "two"})));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
        QVERIFY(restarted);
        QCOMPARE(finished.at(0).constFirst().value<ProcessResult>().stdoutData,
                 QByteArray("two\n"));
        QCOMPARE(finished.at(1).constFirst().value<ProcessResult>().stdoutData,
                 QByteArray("three\n"));
    }

    void noStdin()
    {
        // A tool reading stdin gets EOF at once instead of hanging the gate.
        ProcessSpec spec;
        spec.argv = QStringList{"cat"};
        spec.timeoutMs = 5000;
        ProcessRunner runner;
        ProcessResult r;
        QVERIFY(run(runner, spec, r));
        QVERIFY(!r.timedOut);
        QCOMPARE(r.exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestProcessRunner)
#include "tst_processrunner.moc"
