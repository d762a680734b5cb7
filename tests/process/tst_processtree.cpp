// SPDX-License-Identifier: GPL-3.0-or-later
#include "process/processrunner.h"
#include "process/processtree.h"
#include "processtestutil.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Promotion;
using namespace ProcessTestUtil;

namespace {

// argv[0] once the child has exec'd; empty while it is still a copy of us.
QByteArray commandOf(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().split('\0').value(0);
}

} // namespace

class TestProcessTree : public QObject
{
    Q_OBJECT

    bool m_subreaper = false;

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFileInfo::exists(QStringLiteral("/proc/self/stat")))
            QSKIP("No /proc here; the process tree is Linux only");
        QVERIFY2(QFileInfo(helper()).isExecutable(), qPrintable(helper()));
        // Like the application: orphans come to us, and the runner reaps them.
        m_subreaper = ProcessTree::becomeSubreaper();
    }

    void newTagIsUnique()
    {
        const QByteArray a = ProcessTree::newTag();
        const QByteArray b = ProcessTree::newTag();
        QVERIFY(a != b);
        QVERIFY2(a.startsWith(QByteArray(QByteArray::number(::getpid()) + "-")), a.constData());
        QVERIFY(!a.contains(ProcessTree::TagSeparator));
        QVERIFY(!a.contains('='));
    }

    void tagValueKeepsOuterTags()
    {
        QCOMPARE(ProcessTree::tagValue({}, "inner"), QByteArray("inner"));
        QCOMPARE(ProcessTree::tagValue("outer", "inner"), QByteArray("outer,inner"));
    }

    void findTaggedMatchesWholeTags_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value"); // %1 is the tag
        QTest::addColumn<bool>("found");
        const QString var = QString::fromLatin1(ProcessTree::TagVariable);
        QTest::newRow("exact") << var << "%1" << true;
        QTest::newRow("inner of nested") << var << "outer,%1" << true;
        QTest::newRow("outer of nested") << var << "%1,inner" << true;
        QTest::newRow("longer tag") << var << "%1x" << false;
        QTest::newRow("tag as suffix") << var << "x%1" << false;
        QTest::newRow("other variable") << var + "_OTHER"
                                        << "%1" << false;
        QTest::newRow("other value") << "SOME_VAR"
                                     << "%1" << false;
    }
    void findTaggedMatchesWholeTags()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(bool, found);
        const QByteArray tag = ProcessTree::newTag();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QString::fromLatin1(ProcessTree::TagVariable));
        environment.insert(name, value.arg(QString::fromLatin1(tag)));
        QProcess sleeper;
        sleeper.setProcessEnvironment(environment);
        sleeper.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(sleeper.waitForStarted(5000));
        const qint64 pid = sleeper.processId();
        // Until exec() the child still has our environment.
        QTRY_VERIFY_WITH_TIMEOUT(commandOf(pid).endsWith("sleep"), 5000);

        QCOMPARE(ProcessTree::findTagged(tag).contains(pid), found);
        QCOMPARE(ProcessTree::hasTag(pid, tag), found);
        QVERIFY(!ProcessTree::findTagged(tag + "-not-used").contains(pid));
        sleeper.kill();
        QVERIFY(sleeper.waitForFinished(5000));
        QVERIFY(!ProcessTree::findTagged(tag).contains(pid));
    }

    void runnerTagsItsCommand()
    {
        ProcessRunner runner;
        QSignalSpy finished(&runner, &ProcessRunner::finished);
        ProcessSpec spec;
        spec.argv = QStringList{helper(), "env", QString::fromLatin1(ProcessTree::TagVariable)};
        spec.environment.insert(QString::fromLatin1(ProcessTree::TagVariable), "outer-run");
        QVERIFY(runner.start(spec));
        QVERIFY(finished.wait(10000));
        const auto r = finished.constFirst().constFirst().value<ProcessResult>();
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!runner.processTag().isEmpty());
        QCOMPARE(r.stdoutData.trimmed(), "outer-run," + runner.processTag());
    }

    void ourselvesNeverFound()
    {
        QVERIFY(!ProcessTree::isOurs(::getpid()));
        QVERIFY(!ProcessTree::descendantsOf(::getppid()).contains(::getpid()));
        QVERIFY(!ProcessTree::groupMembers(::getpgrp()).contains(::getpid()));
    }

    void treeOfARunningCommand()
    {
        QTemporaryDir dir;
        const QString pidFile = dir.filePath("grandchild.pid");
        ProcessRunner runner;
        ProcessSpec spec;
        spec.argv = QStringList{helper(), "spawn-grandchild", pidFile};
        QVERIFY(runner.start(spec));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pidFile), 10000);
        const qint64 leader = runner.processId();
        const qint64 grandchild = readPidFile(pidFile);
        QVERIFY(leader > 0 && grandchild > 0);

        QCOMPARE(ProcessTree::parentOf(leader), qint64(::getpid()));
        QCOMPARE(ProcessTree::parentOf(grandchild), leader);
        QCOMPARE(ProcessTree::groupOf(grandchild), leader);
        QVERIFY(ProcessTree::descendantsOf(leader).contains(grandchild));
        QVERIFY(!ProcessTree::descendantsOf(leader).contains(leader));
        const QList<qint64> ours = ProcessTree::descendantsOf(::getpid());
        QVERIFY(ours.contains(leader) && ours.contains(grandchild));
        const QList<qint64> group = ProcessTree::groupMembers(leader);
        QVERIFY(group.contains(leader) && group.contains(grandchild));
        const QList<qint64> tagged = ProcessTree::findTagged(runner.processTag());
        QVERIFY(tagged.contains(leader) && tagged.contains(grandchild));
        QVERIFY(ProcessTree::isOurs(grandchild));
        QVERIFY(!ProcessTree::isZombie(grandchild));

        QSignalSpy finished(&runner, &ProcessRunner::finished);
        runner.cancel();
        QVERIFY(finished.wait(5000));
        QVERIFY(ProcessTree::findTagged(runner.processTag()).isEmpty());
    }

    void missingProcesses()
    {
        // Beyond any pid_max (2^22).
        const qint64 none = qint64(1) << 23;
        QCOMPARE(ProcessTree::parentOf(none), qint64(0));
        QCOMPARE(ProcessTree::groupOf(none), qint64(0));
        QVERIFY(!ProcessTree::isZombie(none));
        QVERIFY(!ProcessTree::hasTag(none, "x"));
        QVERIFY(ProcessTree::descendantsOf(none).isEmpty());
        QVERIFY(ProcessTree::groupMembers(none).isEmpty());
        QVERIFY(ProcessTree::findTagged({}).isEmpty());
    }

    void subreaperAdoptsOrphans()
    {
        if (!m_subreaper)
            QSKIP("PR_SET_CHILD_SUBREAPER is not available here");
        QVERIFY(ProcessTree::isSubreaper());
        QTemporaryDir dir;
        const QString pidFile = dir.filePath("orphan.pid");
        // The helper forks a grandchild and exits: the grandchild is orphaned.
        QProcess parent;
        parent.start(helper(), {QStringLiteral("orphan"), pidFile});
        QVERIFY(parent.waitForFinished(10000));
        QCOMPARE(parent.exitCode(), 0);
        const qint64 orphan = readPidFile(pidFile);
        const KillOnExit guard{orphan};
        QVERIFY(orphan > 0);
        QTRY_COMPARE_WITH_TIMEOUT(ProcessTree::parentOf(orphan), qint64(::getpid()), 2000);
        QVERIFY(::kill(pid_t(orphan), SIGKILL) == 0);
        // Ours to reap now.
        QTRY_VERIFY_WITH_TIMEOUT(processGone(orphan, true), 2000);
    }
};

QTEST_GUILESS_MAIN(TestProcessTree)
#include "tst_processtree.moc"
