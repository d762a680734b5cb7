// SPDX-License-Identifier: GPL-3.0-or-later
// The seed's dashboard figures (PromotionStats) and `history --stats --json`, the policy
// back-test from a policy file headless, and the Markdown of a report and a comparison.
#include "helpers/reportgenerator.h"
#include "policy/policyloader.h"
#include "report/policybacktest.h"
#include "report/reportcomparison.h"
#include "report/reportformatter.h"
#include "report/reportstats.h"
#include "report/reportstore.h"
#include "testconfig.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Promotion;

namespace {

ReportSummary summary(const QString &component, RunOutcome outcome, qint64 ms, bool dryRun = false,
                      const QString &date = QStringLiteral("2024-03-01"))
{
    ReportSummary s;
    s.path = component + QString::number(ms);
    s.component = component;
    s.outcome = outcome;
    s.durationMs = ms;
    s.dryRun = dryRun;
    s.date = date;
    s.toStage = QStringLiteral("staging");
    return s;
}

QJsonObject runJson(const QStringList &args, int *exitCode)
{
    QProcess p;
    p.start(QStringLiteral(APP_BINARY), args);
    if (!p.waitForFinished(60000))
        return {};
    *exitCode = p.exitCode();
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

} // namespace

class TestReportStats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void percentiles()
    {
        QCOMPARE(PromotionStats::percentile({}, 0.5), std::nullopt);
        QCOMPARE(*PromotionStats::percentile({5}, 0.9), 5);
        QCOMPARE(*PromotionStats::percentile({4, 1, 3, 2}, 0.5), 2);
        QCOMPARE(*PromotionStats::percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9), 9);
        QCOMPARE(*PromotionStats::percentile({10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 100}, 0.9), 10);
    }

    void figures()
    {
        const QList<ReportSummary> reports{
            summary(QStringLiteral("a"), RunOutcome::Promoted, 60000),
            summary(QStringLiteral("a"), RunOutcome::Promoted, 180000),
            summary(QStringLiteral("a"), RunOutcome::RolledBack, 90000),
            summary(QStringLiteral("a"), RunOutcome::Blocked, 1000),
            summary(QStringLiteral("a"), RunOutcome::DryRunPassed, 1000, true), // left out
            summary(QStringLiteral("b"), RunOutcome::Promoted, 120000, false, QStringLiteral("2024-01-01")),
        };
        const QList<PromotionStats> all = PromotionStats::compute(reports);
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).runs, 5);
        QCOMPARE(all.at(0).promoted, 3);
        QCOMPARE(*all.at(0).successRate, 0.6);
        QCOMPARE(*all.at(0).rollbackRate, 0.25); // 1 of 4 deployed
        QCOMPARE(*all.at(0).medianMs, 120000);
        QCOMPARE(all.at(1).component, QStringLiteral("a"));
        QCOMPARE(*all.at(1).successRate, 0.5);
        QCOMPARE(*all.at(1).rollbackRate, 1.0 / 3);
        QCOMPARE(*all.at(1).p90Ms, 180000);
        // A period leaves b's January run out.
        const QList<PromotionStats> march = PromotionStats::compute(reports, QDate(2024, 2, 1), {});
        QCOMPARE(march.size(), 2);
        QCOMPARE(march.at(0).runs, 4);
    }

    void statsAndBacktestCommands()
    {
        QTemporaryDir ws;
        QDir(ws.path()).mkpath(QStringLiteral("src/billing"));
        const QString dir = ws.filePath(QStringLiteral(".promotion/reports"));
        Testing::ReportGenerator(31).write(dir, 60);
        const QList<ReportSummary> reports = ReportStore(dir).list();
        const PromotionStats expected = PromotionStats::compute(reports).first();
        int code = -1;
        const QJsonObject o = runJson({QStringLiteral("history"), QStringLiteral("--workspace"),
                                       ws.path(), QStringLiteral("--stats"), QStringLiteral("--json")},
                                      &code);
        QCOMPARE(code, 0);
        QCOMPARE(o.value(QStringLiteral("overall")).toObject(), expected.toJson());
        QCOMPARE(o.value(QStringLiteral("components")).toArray().size(),
                 PromotionStats::compute(reports).size() - 1);

        // A stricter policy, back-tested headless.
        const QString policy = ws.filePath(QStringLiteral("strict.yaml"));
        QFile f(policy);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("version: 1\nstages:\n  - id: development\n    coverage_min: 60\n"
                "  - id: staging\n    coverage_min: 90\n  - id: production\n    coverage_min: 95\n");
        f.close();
        const QJsonObject bt = runJson({QStringLiteral("history"), QStringLiteral("--workspace"),
                                        ws.path(), QStringLiteral("--backtest"), policy,
                                        QStringLiteral("--last"), QStringLiteral("10"),
                                        QStringLiteral("--json")},
                                       &code);
        if (code == 2)
            QSKIP("the minimal policy is refused by this policy loader");
        QCOMPARE(code, 0);
        const PolicyLoadResult loaded = PolicyLoader::loadFromFile(policy);
        QVERIFY(loaded.ok());
        const QList<PolicyBacktest::Rule> rules = PolicyBacktest::rulesFromPolicy(*loaded.policy);
        QStringList texts;
        for (const PolicyBacktest::Rule &r : rules)
            texts.append(r.text());
        QVERIFY2(texts.contains(QStringLiteral("staging coverage ≥ 90")), qPrintable(texts.join(QLatin1Char(','))));
        QVERIFY(texts.contains(QStringLiteral("production coverage ≥ 95")));
        const PolicyBacktest::Result result = PolicyBacktest::run(reports, rules, 10);
        QCOMPARE(result.considered, 10);
        QCOMPARE(bt.value(QStringLiteral("headline")).toString(), result.headline());
        QCOMPARE(bt.value(QStringLiteral("blocked_count")).toInt(), int(result.blocked.size()));
        QVERIFY(result.blocked.size() > 0);
    }

    void markdown()
    {
        Testing::ReportGenerator generator(3);
        const QJsonObject a = PromotionReport::build(generator.state(0));
        const QJsonObject b = PromotionReport::build(generator.state(1));
        const QString md = ReportFormatter::markdown(a);
        QVERIFY(md.contains(QLatin1String("| Coverage | ")));
        QVERIFY(md.contains(QLatin1String("## Approvals")));
        const ReportComparison c = ReportComparison::compare(a, b);
        QVERIFY(c.markdown().contains(QLatin1String("## Quality gates")));
        QCOMPARE(c.gates.size(), 5);
        const double ca = a.value(QStringLiteral("quality_gates")).toObject().value(QStringLiteral("coverage_percent")).toDouble();
        const double cb = b.value(QStringLiteral("quality_gates")).toObject().value(QStringLiteral("coverage_percent")).toDouble();
        QVERIFY(c.gates.at(1).line().startsWith(QStringLiteral("Coverage %1 → %2 %")
                                                    .arg(QString::number(ca), QString::number(cb))));
    }
};

QTEST_GUILESS_MAIN(TestReportStats)
#include "tst_reportstats.moc"
