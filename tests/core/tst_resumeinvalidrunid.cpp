// SPDX-License-Identifier: GPL-3.0-or-later
// A run id from the command line is a name, never a path: ids that climb out of the runs
// directory, absolute paths and symlinked run directories are refused, and nothing outside
// is read or written.
#include "journal/runjournal.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Promotion;

namespace {

const QLatin1String kInvalid("invalid run id '");
const QLatin1String kHint("': use the id printed by promote (letters, digits, '-', '_', '.')");

RunState runningState(const QString &runId)
{
    RunState s;
    s.runId = runId;
    s.request.component = QStringLiteral("comp");
    s.request.to = QStringLiteral("staging");
    return s;
}

QByteArray contentOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/*! Every file under \a dir, relative, sorted. */
QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDir base(dir);
    const QFileInfoList entries =
        base.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    for (const QFileInfo &e : entries) {
        files.append(e.fileName());
        if (e.isDir() && !e.isSymLink()) {
            for (const QString &f : filesUnder(e.filePath()))
                files.append(e.fileName() + QLatin1Char('/') + f);
        }
    }
    return files;
}

} // namespace

class TestResumeInvalidRunId final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pathsAreRefused_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("parent") << QStringLiteral("../x");
        QTest::newRow("grandparent") << QStringLiteral("../../etc");
        QTest::newRow("subdirectory") << QStringLiteral("a/b");
        QTest::newRow("absolute") << QStringLiteral("/etc");
        QTest::newRow("absolute run dir")
            << QStringLiteral("@RUNS@/20260101-000000-comp-staging-0001");
        QTest::newRow("dotdot") << QStringLiteral("..");
        QTest::newRow("dot") << QStringLiteral(".");
        QTest::newRow("empty") << QString();
        QTest::newRow("trailing climb") << QStringLiteral("x/../../y");
        QTest::newRow("embedded dotdot") << QStringLiteral("x..");
        QTest::newRow("option-like") << QStringLiteral("--all");
    }
    void pathsAreRefused()
    {
        QFETCH(QString, id);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString runs = tmp.filePath(QStringLiteral("ws/.promotion/runs"));
        id.replace(QLatin1String("@RUNS@"), runs);
        RunJournal journal(runs);
        // A real run, so that an id naming it by absolute path would otherwise find a state.
        QString error;
        QVERIFY2(
            journal.save(runningState(QStringLiteral("20260101-000000-comp-staging-0001")), &error),
            qPrintable(error));
        const QStringList before = filesUnder(tmp.path());
        const QString expected = kInvalid + id + kHint;

        QVERIFY(!RunJournal::isValidRunId(id));
        error.clear();
        QVERIFY(!journal.load(id, &error));
        QCOMPARE(error, expected);
        error.clear();
        QVERIFY(journal.runDir(id, &error).isEmpty());
        QCOMPARE(error, expected);
        error.clear();
        QVERIFY(journal.statePath(id, &error).isEmpty());
        QCOMPARE(error, expected);
        QVERIFY(journal.artifactsDir(id).isEmpty());
        error.clear();
        QVERIFY(!journal.save(runningState(id), &error));
        QCOMPARE(error, expected);
        error.clear();
        QVERIFY(!journal.discard(id, QStringLiteral("Ann"), &error));
        QCOMPARE(error, expected);
        QVERIFY(!journal.isDiscarded(id));
        QCOMPARE(filesUnder(tmp.path()), before);
    }

    void symlinkedRunDirOutsideIsRefused()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString runs = tmp.filePath(QStringLiteral("ws/.promotion/runs"));
        const QString outside = tmp.filePath(QStringLiteral("elsewhere"));
        const QString id = QStringLiteral("20260101-000000-comp-staging-0001");
        // A valid state outside the runs dir, reachable through a link with a valid name.
        RunJournal outsideJournal(outside);
        QString error;
        QVERIFY2(outsideJournal.save(runningState(id), &error), qPrintable(error));
        const QString outsideState = outsideJournal.statePath(id);
        const QByteArray outsideBefore = contentOf(outsideState);
        QVERIFY(QDir().mkpath(runs));
        QVERIFY(QFile::link(outside + QLatin1Char('/') + id, runs + QLatin1Char('/') + id));

        RunJournal journal(runs);
        QVERIFY(!journal.load(id, &error));
        QVERIFY2(error.contains(QLatin1String("outside")), qPrintable(error));
        QVERIFY(journal.runDir(id, &error).isEmpty());
        QVERIFY(journal.statePath(id, &error).isEmpty());
        RunState changed = runningState(id);
        changed.outcome = RunOutcome::Promoted;
        changed.reportPath = QStringLiteral("report.json");
        QVERIFY(!journal.save(changed, &error));
        QVERIFY(!journal.discard(id, QStringLiteral("Ann"), &error));
        QCOMPARE(contentOf(outsideState), outsideBefore);
        QVERIFY(!QFileInfo::exists(outside + QLatin1Char('/') + id +
                                   QStringLiteral("/discarded.json")));
        // Not offered for resume; listed as unreadable with the reason.
        QVERIFY(journal.unfinished().isEmpty());
        const QStringList unreadable = journal.unreadable();
        QCOMPARE(unreadable.size(), 1);
        QVERIFY2(unreadable.first().contains(QLatin1String("outside")),
                 qPrintable(unreadable.first()));

        // A link that stays inside the runs dir is fine.
        const QString alias = QStringLiteral("alias-run");
        QVERIFY(QFile::remove(runs + QLatin1Char('/') + id));
        RunJournal inside(runs);
        QVERIFY2(inside.save(runningState(QStringLiteral("real-run")), &error), qPrintable(error));
        QVERIFY(QFile::link(runs + QStringLiteral("/real-run"), runs + QLatin1Char('/') + alias));
        QVERIFY(!inside.runDir(alias, &error).isEmpty());
    }

    void danglingSymlinkIsRefused()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString runs = tmp.filePath(QStringLiteral("runs"));
        QVERIFY(QDir().mkpath(runs));
        const QString id = QStringLiteral("r1");
        const QString target = tmp.filePath(QStringLiteral("gone"));
        QVERIFY(QFile::link(target, runs + QStringLiteral("/r1")));
        RunJournal journal(runs);
        QString error;
        QVERIFY(!journal.save(runningState(id), &error));
        QVERIFY2(error.contains(QLatin1String("outside")), qPrintable(error));
        QVERIFY(!QFileInfo::exists(target));
    }
};

QTEST_GUILESS_MAIN(TestResumeInvalidRunId)
#include "tst_resumeinvalidrunid.moc"
