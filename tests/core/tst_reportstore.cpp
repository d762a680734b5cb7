// SPDX-License-Identifier: GPL-3.0-or-later
// ReportStore: the index on a worker thread, live updates, extra folders, unreadable rows with
// their reason, and follow-up records joined to their report.
#include "helpers/reportgenerator.h"
#include "report/reportstore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Promotion;
using Promotion::Testing::ReportGenerator;

namespace {
void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}
} // namespace

class TestReportStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unreadableRowsSayWhy_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QByteArray good;
        {
            QTemporaryDir dir;
            const QStringList paths = ReportGenerator(7).write(dir.path(), 1);
            QFile f(paths.value(0));
            QVERIFY(f.open(QIODevice::ReadOnly));
            good = f.readAll();
        }
        QTest::newRow("truncated") << good.left(good.size() / 2) << "truncated";
        QTest::newRow("not JSON") << QByteArray("component: billing\nto_stage: staging\n")
                                  << "not JSON";
        QByteArray future = good;
        future.replace("\"schema_version\": 1", "\"schema_version\": 99");
        QVERIFY(future != good);
        QTest::newRow("future schema") << future << "schema_version 99 is newer";
        QTest::newRow("empty") << QByteArray("\n") << "empty file";
        QTest::newRow("array") << QByteArray("[1, 2]") << "not a promotion report";
        QTest::newRow("other object") << QByteArray("{\"name\": 1}") << "not a promotion report";
    }
    void unreadableRowsSayWhy()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        ReportGenerator(3).write(dir.path(), 2);
        const QString bad = dir.filePath(QStringLiteral("2024-09-09-bad-staging.json"));
        writeFile(bad, bytes);
        ReportStore store;
        store.setFolders({dir.path()});
        store.refresh();
        QTRY_COMPARE(store.generation(), 1);
        QCOMPARE(store.reports().size(), 3); // never dropped
        int unreadable = 0;
        for (const ReportSummary &s : store.reports()) {
            if (s.readable())
                continue;
            ++unreadable;
            QCOMPARE(s.path, bad);
            QVERIFY2(s.problem.contains(reason), qPrintable(s.problem));
        }
        QCOMPARE(unreadable, 1);
        // The synchronous list (command line) says the same.
        const QList<ReportSummary> listed = ReportStore(dir.path()).list();
        QCOMPARE(listed.size(), 3);
        QVERIFY(listed.first().problem.contains(reason));
    }

    void indexesOnAWorkerThreadWithProgress()
    {
        QTemporaryDir dir;
        const QStringList written = ReportGenerator().write(dir.path(), 300);
        QCOMPARE(written.size(), 300);
        ReportStore store;
        QSignalSpy progress(&store, &ReportStore::progress);
        QSignalSpy indexed(&store, &ReportStore::indexed);
        store.setFolders({dir.path()});
        store.refresh();
        // refresh() returns at once: the files are read elsewhere.
        QVERIFY(store.isIndexing());
        QVERIFY(store.reports().isEmpty());
        QVERIFY(indexed.wait(20000));
        QCOMPARE(store.reports().size(), 300);
        QVERIFY(!store.isIndexing());
        QVERIFY(progress.size() >= 2);
        QCOMPARE(progress.constLast().at(0).toInt(), 300);
        QCOMPARE(progress.constLast().at(1).toInt(), 300);
        // Oldest first, and the summary holds what the table shows.
        for (int i = 1; i < store.reports().size(); ++i)
            QVERIFY(store.reports().at(i - 1).when() <= store.reports().at(i).when());
        const ReportSummary &first = store.reports().first();
        QVERIFY(!first.component.isEmpty());
        QVERIFY(first.coverage.has_value());
        QVERIFY(first.durationMs > 0);
        QCOMPARE(first.gates.size(), 5);
        QVERIFY(!first.contentSha256.isEmpty());
    }

    void extraFoldersAndLiveUpdates()
    {
        QTemporaryDir a;
        QTemporaryDir b;
        ReportGenerator generator(11);
        generator.write(a.path(), 4);
        const QString reports = b.filePath(QStringLiteral("not/yet/there"));
        ReportStore store;
        store.setFolders({a.path(), reports});
        store.refresh();
        QTRY_COMPARE(store.generation(), 1);
        QCOMPARE(store.reports().size(), 4);

        // A `git pull` brings reports into the extra folder, which did not exist before.
        ReportGenerator(12).write(reports, 3);
        QTRY_COMPARE_WITH_TIMEOUT(store.reports().size(), 7, 10000);
        // And one more into the first folder.
        ReportGenerator(13).write(a.path(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(store.reports().size(), 8, 10000);
        // A removed report goes away too.
        QVERIFY(QFile::remove(store.reports().first().path));
        QTRY_COMPARE_WITH_TIMEOUT(store.reports().size(), 7, 10000);
    }

    void changedFileIsReadAgain()
    {
        QTemporaryDir dir;
        const QStringList paths = ReportGenerator(5).write(dir.path(), 3);
        ReportStore store;
        store.setFolders({dir.path()});
        store.refresh();
        QTRY_COMPARE(store.generation(), 1);
        QThread::msleep(20); // a different modification time
        writeFile(paths.at(1), "{ \"component\": \"x\", \"to_stage\": \"staging\", \"date\": "
                               "\"2030-01-01\", \"outcome\": \"blocked\" }");
        store.refresh();
        QTRY_COMPARE(store.generation(), 2);
        QCOMPARE(store.reports().constLast().component, QStringLiteral("x"));
    }

    void followUpJoined()
    {
        QTemporaryDir dir;
        const QStringList paths = ReportGenerator(9).write(dir.path(), 3);
        QString followUp = paths.at(1);
        followUp.replace(QStringLiteral(".json"), QStringLiteral(".followup.json"));
        writeFile(followUp, "{\"kind\": \"follow-up\", \"outcome\": \"passed\"}");
        QString odd = paths.at(2);
        odd.replace(QStringLiteral(".json"), QStringLiteral(".followup.json"));
        writeFile(odd, "{ cut sho");
        const QList<ReportSummary> reports = ReportStore(dir.path()).list();
        QCOMPARE(reports.size(), 3); // follow-ups are not reports
        for (const ReportSummary &s : reports) {
            if (s.path == paths.at(1)) {
                QCOMPARE(s.followUpPath, followUp);
                QCOMPARE(s.followUpStatus, QStringLiteral("passed"));
            } else if (s.path == paths.at(2)) {
                QCOMPARE(s.followUpStatus, QStringLiteral("unreadable"));
            } else {
                QVERIFY(s.followUpPath.isEmpty());
            }
        }
    }

    void destroyedWhileIndexing()
    {
        QTemporaryDir dir;
        ReportGenerator().write(dir.path(), 200);
        for (int i = 0; i < 3; ++i) {
            ReportStore store;
            store.setFolders({dir.path()});
            store.refresh();
        } // no crash, no wait for the whole index
    }
};

QTEST_GUILESS_MAIN(TestReportStore)
#include "tst_reportstore.moc"
