// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's follow-ups: "due in 5 h" for a fresh promotion, the newest promotion of a
// component only, "passed"/"FAILED" from the records beside the reports, and Check now
// against a service that is not there (fails, writes a record, emits the hook).
#include "followup/followupcheck.h"
#include "followuppanel.h"
#include "workspace/workspace.h"

#include <QDir>
#include <QJsonDocument>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Promotion;

namespace {
void writeJson(const QString &path, const QJsonObject &o)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(o).toJson());
}

QJsonObject report(const QString &runId, const QDateTime &finished, int dueInSecs)
{
    const QString iso = finished.toUTC().toString(Qt::ISODateWithMs);
    return {{QStringLiteral("schema_version"), 1},
            {QStringLiteral("run_id"), runId},
            {QStringLiteral("component"), QStringLiteral("agent_orchestration")},
            {QStringLiteral("from_stage"), QStringLiteral("development")},
            {QStringLiteral("to_stage"), QStringLiteral("staging")},
            {QStringLiteral("date"), finished.date().toString(Qt::ISODate)},
            {QStringLiteral("dry_run"), false},
            {QStringLiteral("outcome"), QStringLiteral("promoted")},
            {QStringLiteral("started_at"), iso},
            {QStringLiteral("finished_at"), iso},
            {QStringLiteral("follow_up"),
             QJsonObject{{QStringLiteral("due_at"),
                          QDateTime::currentDateTimeUtc().addSecs(dueInSecs).toString(
                              Qt::ISODateWithMs)}}}};
}
} // namespace

class TestFollowUpPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statusPerComponentAndCheckNow()
    {
        QTemporaryDir dir;
        const Workspace ws(dir.path());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // An older promotion of the same component is superseded by the newer one.
        writeJson(ws.reportsDir() + QStringLiteral("/2026-11-01-agent_orchestration-staging.json"),
                  report(QStringLiteral("old"), now.addDays(-30), -29 * 86400));
        writeJson(ws.reportsDir() + QStringLiteral("/2026-12-01-agent_orchestration-staging.json"),
                  report(QStringLiteral("new"), now.addSecs(-19 * 3600), 5 * 3600));
        // A policy whose endpoints lead nowhere: the check fails fast.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 closed = probe.serverPort();
        probe.close();
        QFile policy(dir.filePath(QStringLiteral("promotion.yaml")));
        QVERIFY(policy.open(QIODevice::WriteOnly));
        policy.write(
            QStringLiteral("version: 1\nvalidation:\n  health_url: \"http://127.0.0.1:%1/health\"\n"
                           "  status_url: \"\"\n  metrics_url: \"\"\n  request_timeout: 2\n")
                .arg(closed)
                .toUtf8());
        policy.close();

        FollowUpPanel panel;
        QSignalSpy shown(&panel, &FollowUpPanel::rowsShown);
        panel.setWorkspace(dir.path());
        panel.show();
        auto *view = panel.findChild<QTreeWidget *>(QStringLiteral("followUpView"));
        QVERIFY(view);
        QVERIFY(shown.wait(10000)); // read on a worker thread
        QCOMPARE(view->topLevelItemCount(), 1);
        QCOMPARE(view->topLevelItem(0)->text(0), QStringLiteral("agent_orchestration"));
        QCOMPARE(view->topLevelItem(0)->text(2), QStringLiteral("follow-up due in 5 h"));

        QSignalSpy failed(&panel, &FollowUpPanel::followUpFailed);
        QSignalSpy finished(&panel, &FollowUpPanel::followUpFinished);
        auto *check = panel.findChild<QPushButton *>(QStringLiteral("followUpCheckButton"));
        QVERIFY(!check->isEnabled());
        view->setCurrentItem(view->topLevelItem(0));
        QVERIFY(check->isEnabled());
        QTest::mouseClick(check, Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(failed.size(), 1);
        const FollowUpRecord r = failed.first().first().value<FollowUpRecord>();
        QCOMPARE(r.runId, QStringLiteral("new"));
        QVERIFY(!r.passed);
        QVERIFY(QFile::exists(r.path));
        QVERIFY(r.path.startsWith(ws.reportsDir() + QStringLiteral("/follow-ups/")));
        QTRY_VERIFY2(view->topLevelItemCount() == 1 &&
                         view->topLevelItem(0)->text(2).startsWith(QLatin1String("follow-up FAILED ")),
                     qPrintable(view->topLevelItemCount() ? view->topLevelItem(0)->text(2) : QString()));
    }

    void newestSkipsRunsWithoutAFollowUp()
    {
        // Per component and stage, the newest report with a follow-up window: a newer blocked
        // run, dry run, or report without a window does not hide the promotion before them.
        QTemporaryDir dir;
        const Workspace ws(dir.path());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString staging = ws.reportsDir() + QStringLiteral("/2026-11-01-ao-staging.json");
        writeJson(staging, report(QStringLiteral("promoted"), now.addDays(-2), 3600));
        QJsonObject blocked = report(QStringLiteral("blocked"), now.addDays(-1), 3600);
        blocked.insert(QStringLiteral("outcome"), QStringLiteral("blocked"));
        writeJson(ws.reportsDir() + QStringLiteral("/2026-11-02-ao-staging.json"), blocked);
        QJsonObject dry = report(QStringLiteral("dry"), now.addSecs(-3600), 3600);
        dry.insert(QStringLiteral("dry_run"), true);
        writeJson(ws.reportsDir() + QStringLiteral("/2026-11-03-ao-staging.json"), dry);
        QJsonObject windowless = report(QStringLiteral("windowless"), now.addSecs(-7200), 3600);
        windowless.remove(QStringLiteral("follow_up"));
        writeJson(ws.reportsDir() + QStringLiteral("/2026-11-04-ao-staging.json"), windowless);
        QJsonObject production = report(QStringLiteral("production"), now.addSecs(-60), 7200);
        production.insert(QStringLiteral("from_stage"), QStringLiteral("staging"));
        production.insert(QStringLiteral("to_stage"), QStringLiteral("production"));
        writeJson(ws.reportsDir() + QStringLiteral("/2026-11-05-ao-production.json"), production);

        QList<FollowUpCandidate> candidates = FollowUpCheck::newest(ws);
        QCOMPARE(candidates.size(), 2);
        std::sort(candidates.begin(), candidates.end(),
                  [](const FollowUpCandidate &a, const FollowUpCandidate &b) {
                      return a.reportPath < b.reportPath;
                  });
        QCOMPARE(candidates.at(0).reportPath, staging);
        QCOMPARE(candidates.at(0).report.value(QStringLiteral("run_id")).toString(),
                 QStringLiteral("promoted"));
        QCOMPARE(candidates.at(1).report.value(QStringLiteral("run_id")).toString(),
                 QStringLiteral("production"));
        QVERIFY(candidates.at(1).dueAt > now);
    }
};

QTEST_MAIN(TestFollowUpPanel)
#include "tst_followuppanel.moc"
