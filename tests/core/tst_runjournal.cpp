// SPDX-License-Identifier: GPL-3.0-or-later
// RunJournal: run ids, discarding a run, and unreadable runs that must not stop the others.
#include "journal/runjournal.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Promotion;

namespace {

RunState runningState(const QString &runId, const QString &component)
{
    RunState s;
    s.runId = runId;
    s.request.component = component;
    s.request.to = QStringLiteral("staging");
    s.startedAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    return s;
}

RunState promotedState(const QString &runId)
{
    RunState s = runningState(runId, QStringLiteral("comp"));
    s.outcome = RunOutcome::Promoted;
    s.reportPath = QStringLiteral("report.json");
    return s;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

QStringList idsOf(const QList<RunState> &states)
{
    QStringList ids;
    for (const RunState &s : states)
        ids.append(s.runId);
    return ids;
}

} // namespace

class TestRunJournal final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validRunIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("generated") << QStringLiteral("20260101-000000-comp-staging-0a1f") << true;
        QTest::newRow("one char") << QStringLiteral("a") << true;
        QTest::newRow("dots inside") << QStringLiteral("v1.2_x-y") << true;
        QTest::newRow("128 chars") << QString(128, QLatin1Char('a')) << true;
        QTest::newRow("129 chars") << QString(129, QLatin1Char('a')) << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("dot") << QStringLiteral(".") << false;
        QTest::newRow("dotdot") << QStringLiteral("..") << false;
        QTest::newRow("hidden") << QStringLiteral(".x") << false;
        QTest::newRow("dash first") << QStringLiteral("-x") << false;
        QTest::newRow("dotdot inside") << QStringLiteral("a..b") << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false;
        QTest::newRow("backslash") << QStringLiteral("a\\b") << false;
        QTest::newRow("space") << QStringLiteral("a b") << false;
        QTest::newRow("newline") << QStringLiteral("a\nb") << false;
        QTest::newRow("non-ascii") << QStringLiteral("r\u00e9sum\u00e9") << false;
    }
    void validRunIds()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(RunJournal::isValidRunId(id), valid);
    }

    void newRunIdIsAlwaysValid()
    {
        QVERIFY(RunJournal::isValidRunId(
            RunJournal::newRunId(QStringLiteral("player_experience"), QStringLiteral("staging"))));
        const QString odd = RunJournal::newRunId(QStringLiteral("../a b/.."), QString(300, 'x'));
        QVERIFY2(RunJournal::isValidRunId(odd), qPrintable(odd));
    }

    void discardHidesTheRunAndDeletesNothing()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        RunJournal journal(tmp.path());
        const QString older = QStringLiteral("20260101-000000-comp-staging-0001");
        const QString newer = QStringLiteral("20260102-000000-comp-staging-0002");
        QString error;
        QVERIFY2(journal.save(runningState(older, QStringLiteral("comp")), &error),
                 qPrintable(error));
        QVERIFY2(journal.save(runningState(newer, QStringLiteral("comp")), &error),
                 qPrintable(error));
        QCOMPARE(idsOf(journal.unfinished()), (QStringList{newer, older}));
        QVERIFY(!journal.isDiscarded(newer));

        QVERIFY(!journal.discard(newer, QString(), &error));
        QVERIFY2(error.contains(QLatin1String("identity")), qPrintable(error));
        QVERIFY2(journal.discard(newer, QStringLiteral("Ann"), &error), qPrintable(error));
        QVERIFY(journal.isDiscarded(newer));
        QCOMPARE(idsOf(journal.unfinished(QStringLiteral("comp"))), QStringList{older});

        const QString markPath = journal.runDir(newer) + QStringLiteral("/discarded.json");
        QFile mark(markPath);
        QVERIFY(mark.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(mark.readAll()).object();
        mark.close();
        QCOMPARE(o.value(QStringLiteral("discarded_by")).toString(), QStringLiteral("Ann"));
        QVERIFY(QDateTime::fromString(o.value(QStringLiteral("discarded_at")).toString(),
                                      Qt::ISODateWithMs)
                    .isValid());
        // Nothing deleted: the state is still there and loads.
        QVERIFY2(journal.load(newer, &error), qPrintable(error));

        // Discarding again keeps the first mark.
        QVERIFY2(journal.discard(newer, QStringLiteral("Bob"), &error), qPrintable(error));
        QVERIFY(mark.open(QIODevice::ReadOnly));
        QVERIFY(mark.readAll().contains("Ann"));
    }

    void discardRefusesFinishedAndUnknownRuns()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        RunJournal journal(tmp.path());
        const RunState done = promotedState(QStringLiteral("r-done"));
        QString error;
        QVERIFY2(journal.save(done, &error), qPrintable(error));
        QVERIFY(!journal.discard(done.runId, QStringLiteral("Ann"), &error));
        QVERIFY2(error.contains(QLatin1String("already finished (promoted)")), qPrintable(error));
        QVERIFY(!journal.isDiscarded(done.runId));

        QVERIFY(!journal.discard(QStringLiteral("r-missing"), QStringLiteral("Ann"), &error));
        QVERIFY2(error.contains(QLatin1String("r-missing/state.json")), qPrintable(error));
        QVERIFY(!QFileInfo::exists(tmp.filePath(QStringLiteral("r-missing"))));
    }

    void queuedGitHubActionsKeepAFinishedRunResumable()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        RunJournal journal(tmp.path());
        RunState queued = promotedState(QStringLiteral("r-queued"));
        queued.github.repository = QStringLiteral("octo-org/tta");
        queued.github.pendingActions = 3;
        RunState sent = queued;
        sent.runId = QStringLiteral("r-sent");
        sent.github.pendingActions = 0;
        const RunState interrupted = runningState(QStringLiteral("r-open"), QStringLiteral("comp"));
        QString error;
        for (const RunState &s : {queued, sent, interrupted})
            QVERIFY2(journal.save(s, &error), qPrintable(error));

        // Interrupted runs only for unfinished(); resumable() adds the queued one.
        QCOMPARE(idsOf(journal.unfinished()), QStringList{interrupted.runId});
        QStringList resumable = idsOf(journal.resumable());
        resumable.sort();
        QCOMPARE(resumable, (QStringList{interrupted.runId, queued.runId}));

        // Discarding the queued run gives its actions up; one with nothing queued is refused.
        QVERIFY(!journal.discard(sent.runId, QStringLiteral("Ann"), &error));
        QVERIFY2(journal.discard(queued.runId, QStringLiteral("Ann"), &error), qPrintable(error));
        QCOMPARE(idsOf(journal.resumable()), QStringList{interrupted.runId});
    }

    void corruptRunsAreSkippedAndListed()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        RunJournal journal(tmp.path());
        const QString good = QStringLiteral("20260101-000000-comp-staging-0001");
        QString error;
        QVERIFY2(journal.save(runningState(good, QStringLiteral("comp")), &error),
                 qPrintable(error));
        // Newer than the good one, so they come first in the scan and must not stop it.
        const QString corrupt = tmp.filePath(QStringLiteral("20260105-000000-comp-staging-0005"));
        QVERIFY(writeFile(corrupt + QStringLiteral("/state.json"), "{ \"run_id\": "));
        const QString array = tmp.filePath(QStringLiteral("20260104-000000-comp-staging-0004"));
        QVERIFY(writeFile(array + QStringLiteral("/state.json"), "[1, 2, 3]"));
        const QString wrongTypes =
            tmp.filePath(QStringLiteral("20260103-000000-comp-staging-0003"));
        QVERIFY(writeFile(wrongTypes + QStringLiteral("/state.json"),
                          "{\"run_id\": \"20260103-000000-comp-staging-0003\", \"steps\": 7, "
                          "\"gates\": {\"x\": 1}, \"request\": [], \"outcome\": \"running\"}"));
        const QString empty = tmp.filePath(QStringLiteral("20260102-000000-comp-staging-0002"));
        QVERIFY(QDir().mkpath(empty));
        QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("not a run"))));

        QStringList unreadable;
        const QList<RunState> open = journal.unfinished({}, &unreadable);
        // Wrong field types still load (fromJson takes defaults); the run is listed.
        QCOMPARE(idsOf(open),
                 (QStringList{QStringLiteral("20260103-000000-comp-staging-0003"), good}));
        QCOMPARE(unreadable.size(), 4);
        QCOMPARE(journal.unreadable(), unreadable);
        const QString all = unreadable.join(QLatin1Char('\n'));
        // Newest name first, as the scan goes: "not a run" sorts after the digits.
        QVERIFY2(unreadable.at(0).startsWith(
                     tmp.filePath(QStringLiteral("not a run: invalid run id 'not a run'"))),
                 qPrintable(all));
        QVERIFY2(unreadable.at(1).startsWith(corrupt + QStringLiteral("/state.json: ")),
                 qPrintable(all));
        QVERIFY2(unreadable.at(2).startsWith(array + QStringLiteral("/state.json: ")),
                 qPrintable(all));
        QVERIFY2(unreadable.at(3).startsWith(empty + QStringLiteral("/state.json: ")),
                 qPrintable(all));
    }
};

QTEST_GUILESS_MAIN(TestRunJournal)
#include "tst_runjournal.moc"
