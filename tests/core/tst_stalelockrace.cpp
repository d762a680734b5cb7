// SPDX-License-Identifier: GPL-3.0-or-later
// RunLock under faults: stale lock files, racing processes, killed holders.
#include "journal/runlock.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <signal.h>

using namespace Promotion;

namespace {

const QString kRacer = QStringLiteral(LOCK_RACER);

/*! The pid of a process that has exited (and been reaped): a dead owner. */
qint64 deadPid()
{
    QProcess p;
    p.start(QStringLiteral("/bin/true"), {});
    if (!p.waitForStarted())
        return -1;
    const qint64 pid = p.processId();
    p.waitForFinished();
    return pid;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

QByteArray ownerLine(qint64 pid)
{
    return QByteArray::number(pid) + ' ' + QSysInfo::machineHostName().toUtf8() +
           " 2026-01-01T00:00:00Z\n";
}

/*! Starts `lockracer once PATH -1`: holds the lock until its stdin closes. */
void startHolder(QProcess &p, const QString &path)
{
    p.setProgram(kRacer);
    p.setArguments({QStringLiteral("once"), path, QStringLiteral("-1")});
    p.start();
}

} // namespace

class TestStaleLockRace final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(kRacer), qPrintable(kRacer)); }

    void exactlyOneOfTwoWinsAStaleLock()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString path = tmp.filePath(QStringLiteral("comp.lock"));
        static const QRegularExpression busy(
            QStringLiteral("^lost: another promotion of this component is running \\(pid \\d+ on "
                           "\\S+ since \\S+\\); wait for it to finish$"));
        for (int round = 0; round < 100; ++round) {
            const qint64 dead = deadPid();
            QVERIFY(dead > 0);
            QVERIFY(writeFile(path, ownerLine(dead)));
            QProcess a;
            QProcess b;
            startHolder(a, path);
            startHolder(b, path);
            QVERIFY(a.waitForStarted() && b.waitForStarted());
            // Each says won or lost before anybody lets go: a late starter cannot win after
            // the winner has left.
            for (QProcess *p : {&a, &b}) {
                while (!p->canReadLine())
                    QVERIFY2(p->waitForReadyRead(10000), "a racer said nothing");
            }
            const QString lineA = QString::fromUtf8(a.readLine()).trimmed();
            const QString lineB = QString::fromUtf8(b.readLine()).trimmed();
            const int wins =
                int(lineA == QLatin1String("won")) + int(lineB == QLatin1String("won"));
            QVERIFY2(
                wins == 1,
                qPrintable(QStringLiteral("round %1: '%2' / '%3'").arg(round).arg(lineA, lineB)));
            const QString loser = lineA == QLatin1String("won") ? lineB : lineA;
            QVERIFY2(busy.match(loser).hasMatch(), qPrintable(loser));
            QVERIFY(loser.contains(QStringLiteral("pid %1 ").arg(
                (lineA == QLatin1String("won") ? a : b).processId())));
            a.closeWriteChannel();
            b.closeWriteChannel();
            QVERIFY(a.waitForFinished(10000) && b.waitForFinished(10000));
            QCOMPARE(a.exitCode() + b.exitCode(), 1);
        }
    }

    void manyProcessesNeverHoldItTogether()
    {
        // Acquire/release in a loop from four processes: release() unlinks the file while a
        // racer may have it open, the case the inode check in acquire() exists for.
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString path = tmp.filePath(QStringLiteral("comp.lock"));
        const QString marker = tmp.filePath(QStringLiteral("inside"));
        QProcess racers[4];
        for (QProcess &p : racers)
            p.start(kRacer, {QStringLiteral("loop"), path, marker, QStringLiteral("200")});
        for (QProcess &p : racers) {
            QVERIFY(p.waitForFinished(120000));
            const QByteArray out = p.readAllStandardOutput();
            QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, out.constData());
            QCOMPARE(out.trimmed(), QByteArray("ok 200"));
        }
        QVERIFY2(!QFile::exists(path), "the last release() leaves no lock file");
    }

    void liveUnrelatedPidInTheFileDoesNotBlock()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString path = tmp.filePath(QStringLiteral("comp.lock"));
        // pid 1 is alive and is not a promotion; without an flock it holds nothing.
        QVERIFY(writeFile(path, ownerLine(1)));
        QVERIFY(RunLock::holder(path).isEmpty());
        RunLock lock;
        QString error;
        QVERIFY2(lock.acquire(path, &error), qPrintable(error));
        QVERIFY(!lock.tookOverStale());
        QVERIFY(RunLock::holder(path).startsWith(
            QString::number(QCoreApplication::applicationPid()) + QLatin1Char(' ')));
    }

    void staleFileOfADeadPidIsTakenOver()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString path = tmp.filePath(QStringLiteral("comp.lock"));
        QVERIFY(writeFile(path, ownerLine(deadPid())));
        RunLock lock;
        QString error;
        QVERIFY2(lock.acquire(path, &error), qPrintable(error));
        QVERIFY(lock.tookOverStale());
        QVERIFY(lock.isHeld());
        lock.release();
        QVERIFY(!lock.isHeld());
        QVERIFY(!QFile::exists(path));
        QVERIFY(RunLock::holder(path).isEmpty());
    }

    void killedHolderFreesTheLockAtOnce()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString path = tmp.filePath(QStringLiteral("comp.lock"));
        QProcess holderProcess;
        startHolder(holderProcess, path);
        QVERIFY(holderProcess.waitForStarted());
        while (!holderProcess.canReadLine())
            QVERIFY(holderProcess.waitForReadyRead(10000));
        QCOMPARE(holderProcess.readLine().trimmed(), QByteArray("won"));
        const qint64 pid = holderProcess.processId();
        QVERIFY(RunLock::holder(path).startsWith(QString::number(pid) + QLatin1Char(' ')));

        RunLock lock;
        QString error;
        QVERIFY(!lock.acquire(path, &error));
        QVERIFY2(error.contains(QStringLiteral("pid %1 on ").arg(pid)), qPrintable(error));

        QVERIFY(::kill(pid_t(pid), SIGKILL) == 0);
        QVERIFY(holderProcess.waitForFinished(10000));
        QCOMPARE(holderProcess.exitStatus(), QProcess::CrashExit);
        // No waiting, no stale-lock heuristics: the kernel dropped the flock with the process.
        QVERIFY(RunLock::holder(path).isEmpty());
        QVERIFY2(lock.acquire(path, &error), qPrintable(error));
        QVERIFY(lock.tookOverStale());
    }

    void childProcessesDoNotInheritTheLock()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString path = tmp.filePath(QStringLiteral("comp.lock"));
        RunLock lock;
        QString error;
        QVERIFY2(lock.acquire(path, &error), qPrintable(error));
        // A gate tool started while the lock is held must not keep it after we let go.
        QProcess child;
        child.start(QStringLiteral("/bin/sleep"), {QStringLiteral("30")});
        QVERIFY(child.waitForStarted());
        lock.release();
        RunLock next;
        const bool ok = next.acquire(path, &error);
        child.kill();
        child.waitForFinished();
        QVERIFY2(ok, qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestStaleLockRace)
#include "tst_stalelockrace.moc"
