// SPDX-License-Identifier: GPL-3.0-or-later
// The 24-hour follow-up: `follow-up --now` right after a healthy demo promotion passes and
// writes its record beside the report (linked by the report's digest, the report untouched);
// once the demo service is stopped it fails and exits non-zero. Without --now nothing is due.
#include "promotetestsupport.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QTest>

using namespace PromoteTest;

namespace {
struct Cli
{
    int exitCode = -1;
    QByteArray out;
};

Cli followUp(const DemoCopy &demo, const QStringList &extra)
{
    QProcess p;
    p.setProcessEnvironment(demo.environment());
    p.start(QStringLiteral(APP_BINARY),
            QStringList{QStringLiteral("follow-up"), QStringLiteral("--workspace"), demo.path()} +
                extra);
    Cli c;
    if (!p.waitForFinished(120000))
        p.kill();
    c.exitCode = p.exitCode();
    c.out = p.readAllStandardOutput() + p.readAllStandardError();
    return c;
}

QStringList records(const DemoCopy &demo)
{
    QDir dir(demo.path() + QStringLiteral("/.promotion/reports/follow-ups"));
    QStringList out;
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        out.append(dir.filePath(name));
    return out;
}

QByteArray sha256(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly)
               ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex()
               : QByteArray();
}
} // namespace

class TestFollowUp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(QStringLiteral(APP_BINARY)), APP_BINARY); }

    void followUpNowAfterPromotionThenServiceStopped()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        const Run r = demo.promote(
            {QStringLiteral("--component"), QStringLiteral("agent_orchestration"),
             QStringLiteral("--from"), QStringLiteral("development"), QStringLiteral("--to"),
             QStringLiteral("staging"), QStringLiteral("--accept-criteria"), QStringLiteral("all"),
             QStringLiteral("--approve"), QStringLiteral("tech_lead=Ada Lead <ada@example.org>"),
             QStringLiteral("--approve"), QStringLiteral("qa=Bob QA <bob@example.org>")});
        QVERIFY2(r.finished && r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QDirIterator it(demo.path() + QStringLiteral("/.promotion/reports"),
                        {QStringLiteral("*.json")}, QDir::Files);
        QVERIFY(it.hasNext());
        const QString reportPath = it.next();
        const QJsonObject report = readJson(reportPath);
        const QDateTime due = QDateTime::fromString(report.value(QStringLiteral("follow_up"))
                                                        .toObject()
                                                        .value(QStringLiteral("due_at"))
                                                        .toString(),
                                                    Qt::ISODateWithMs);
        const QDateTime finished = QDateTime::fromString(
            report.value(QStringLiteral("finished_at")).toString(), Qt::ISODateWithMs);
        QVERIFY(due.isValid() && finished.isValid());
        QCOMPARE(finished.secsTo(due), qint64(24 * 3600));
        const QByteArray reportDigest = sha256(reportPath);

        // Not due for 24 hours: nothing runs.
        Cli c = followUp(demo, {});
        QVERIFY2(c.exitCode == 0, c.out.constData());
        QVERIFY2(c.out.contains("No follow-up is due"), c.out.constData());
        QVERIFY(records(demo).isEmpty());

        // --now: the newest promotion is checked at once, and passes.
        c = followUp(demo, {QStringLiteral("--now")});
        QVERIFY2(c.exitCode == 0, c.out.constData());
        QVERIFY2(c.out.contains("PASSED: agent_orchestration staging"), c.out.constData());
        QCOMPARE(records(demo).size(), 1);
        const QJsonObject passed = readJson(records(demo).first());
        QCOMPARE(passed.value(QStringLiteral("passed")).toBool(), true);
        QCOMPARE(passed.value(QStringLiteral("forced")).toBool(), true);
        QCOMPARE(passed.value(QStringLiteral("report")).toString(),
                 QFileInfo(reportPath).fileName());
        QCOMPARE(passed.value(QStringLiteral("report_sha256")).toString().toLatin1(), reportDigest);
        QCOMPARE(passed.value(QStringLiteral("run_id")).toString(),
                 report.value(QStringLiteral("run_id")).toString());
        QStringList ids;
        for (const QJsonValue &v : passed.value(QStringLiteral("checks")).toArray())
            ids.append(v.toObject().value(QStringLiteral("id")).toString());
        QCOMPARE(ids, (QStringList{QStringLiteral("health"), QStringLiteral("status"),
                                   QStringLiteral("window")}));
        QCOMPARE(sha256(reportPath), reportDigest); // the report is never edited

        // The service stops: the follow-up fails and says so in its exit code.
        QProcess down;
        down.setProcessEnvironment(demo.environment());
        down.start(demo.path() + QStringLiteral("/tools/bin/demo-cluster-down"), {});
        QVERIFY(down.waitForFinished(20000));
        c = followUp(demo, {QStringLiteral("--now")});
        QVERIFY2(c.exitCode == 3, c.out.constData());
        QVERIFY2(c.out.contains("FAILED: agent_orchestration staging"), c.out.constData());
        QCOMPARE(records(demo).size(), 2);
        const QJsonObject failed = readJson(records(demo).last());
        QCOMPARE(failed.value(QStringLiteral("passed")).toBool(), false);
        QVERIFY2(failed.value(QStringLiteral("summary"))
                     .toString()
                     .contains(QLatin1String("health check failed")),
                 qPrintable(failed.value(QStringLiteral("summary")).toString()));
        QCOMPARE(sha256(reportPath), reportDigest);
    }
};

QTEST_GUILESS_MAIN(TestFollowUp)
#include "tst_followup.moc"
