// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/unifieddiff.h"
#include "testconfig.h"
#include "tracking/issuetemplaterenderer.h"

#include <QFile>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Promotion;

Q_DECLARE_METATYPE(Promotion::IssueGateLine)
Q_DECLARE_METATYPE(Promotion::IssueData)

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::utc());
}

IssueData stagingAllPassed()
{
    IssueData d;
    d.component = QStringLiteral("agent_orchestration");
    d.currentStage = QStringLiteral("development");
    d.targetStage = QStringLiteral("staging");
    d.date = QStringLiteral("2025-11-01");
    d.coverage = 85.3;
    d.gates = {
        IssueTemplateRenderer::coverageGate(85.3, 70.0, true),
        {QStringLiteral("All tests passing"), true, QString(), QStringLiteral("100%"), QString()},
        {QStringLiteral("Linting clean"), true, QString(), QString(), QString()},
        {QStringLiteral("Type checking clean"), true, QString(), QString(), QString()},
        {QStringLiteral("Security scan clean"), true, QString(), QString(), QString()},
        {QStringLiteral("Integration tests exist"), true, QStringLiteral("3 files"), QString(),
         QString()}};
    d.criteria = {
        {QStringLiteral("Core functionality complete"), true, QStringLiteral("ticked by Jane Doe")},
        {QStringLiteral("Unit tests comprehensive"), true,
         QStringLiteral("proven by: tests, coverage")},
        {QStringLiteral("Logging configured"), true, QString()}};
    d.approvals = {{QStringLiteral("Tech lead approval"), true,
                    QStringLiteral("Jane Doe <jane@example.com>"), utc(2025, 11, 1, 9, 30)},
                   {QStringLiteral("QA approval"), true, QStringLiteral("Sam QA <sam@example.com>"),
                    QDateTime(QDate(2025, 11, 1), QTime(10, 5), QTimeZone(2 * 3600))}};
    d.rollbackPlan = QStringLiteral(
        "1. Stop traffic to the new version.\n"
        "2. Revert: kubectl rollout undo deployment/agent_orchestration -n tta-staging\n\n");
    d.runId = QStringLiteral("20251101-093000-ab12");
    return d;
}

IssueData productionFailingDryRun()
{
    IssueData d;
    d.component = QStringLiteral("player_experience");
    d.currentStage = QStringLiteral("staging");
    d.targetStage = QStringLiteral("production");
    d.date = QStringLiteral("2025-11-02");
    d.coverage = 79.96;
    d.dryRun = true;
    d.gates = {IssueTemplateRenderer::coverageGate(79.96, 80.0, false),
               {QStringLiteral("All integration tests passing"), false,
                QStringLiteral("41/42 passed"), QStringLiteral("100%"), QString()},
               {QStringLiteral("E2E tests passing"), true, QStringLiteral("12/12 passed"),
                QStringLiteral("100%"), QString()},
               {QStringLiteral("Performance meets SLAs"), false, QString(), QString(),
                QStringLiteral("skipped: no metrics source")},
               {QStringLiteral("Monitoring\nconfigured"), false, QString(), QString(),
                QStringLiteral("waiting for\r\n  attestation")}};
    d.criteria = {{QStringLiteral("All staging criteria met"), true, QString()},
                  {QStringLiteral("Runbook documented"), false, QStringLiteral("pending")},
                  {QStringLiteral("Stakeholder approval"), false, QString()}};
    d.blockers = {QStringLiteral("Test coverage: failed"), QStringLiteral("  "),
                  QStringLiteral("All integration tests passing: failed")};
    d.approvals = {{QStringLiteral("Tech lead approval"), true,
                    QStringLiteral("Jane Doe <jane@example.com>"), QDateTime()},
                   {QStringLiteral("QA approval"), false, QString(), QDateTime()},
                   {QStringLiteral("Security approval"), false,
                    QStringLiteral("Not Shown <x@example.com>"), utc(2025, 11, 2, 8, 0)}};
    return d;
}

IssueData seedDefaults()
{
    IssueData d;
    d.component = QStringLiteral("scoring");
    d.currentStage = QStringLiteral("development");
    d.targetStage = QStringLiteral("staging");
    d.date = QStringLiteral("2025-11-03");
    return d;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

} // namespace

class TestIssueTemplateRenderer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void embeddedTemplate()
    {
        // Loaded from the static library's resource, from a separate executable.
        const QString text = IssueTemplateRenderer::builtinTemplate();
        QVERIFY(!text.isEmpty());
        for (const char *line :
             {"## Component Promotion: {component_name}", "**Current Stage:** {current_stage}",
              "**Target Stage:** {target_stage}", "**Date:** {date}", "### Quality Gates",
              "### Promotion Criteria", "### Blockers", "### Approval", "- [ ] Tech lead approval",
              "- [ ] QA approval", "- [ ] Security approval (for production)",
              "### Rollback Plan"}) {
            QVERIFY2(text.contains(QLatin1String(line)), line);
        }
    }

    void reference_data()
    {
        QTest::addColumn<IssueData>("data");
        QTest::addColumn<QString>("file");
        QTest::newRow("staging, all passed") << stagingAllPassed() << "staging-all-passed.md";
        QTest::newRow("production, failing, dry run")
            << productionFailingDryRun() << "production-failing-dry-run.md";
        QTest::newRow("seed defaults") << seedDefaults() << "seed-defaults.md";
    }
    void reference()
    {
        QFETCH(IssueData, data);
        QFETCH(QString, file);
        const QString path = QStringLiteral(TEST_DATA_DIR "/tracking/") + file;
        const QByteArray expected = readFile(path);
        QVERIFY2(!expected.isEmpty(), qPrintable(path));
        QString error;
        const QByteArray actual = IssueTemplateRenderer::render(data, &error).toUtf8();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        if (actual != expected) {
            qWarning().noquote() << "rendered issue differs from" << path << ":\n"
                                 << UnifiedDiff::diff(QStringLiteral("expected/") + file,
                                                      QStringLiteral("actual/") + file, expected,
                                                      actual);
        }
        QCOMPARE(actual, expected);
    }

    void gateLine_data()
    {
        QTest::addColumn<IssueGateLine>("gate");
        QTest::addColumn<QString>("line");
        QTest::newRow("passed") << IssueGateLine{QStringLiteral("Linting clean"), true, QString(),
                                                 QStringLiteral("0 findings"), QString()}
                                << "- [x] Linting clean";
        QTest::newRow("passed with value")
            << IssueGateLine{QStringLiteral("All tests passing"), true, QStringLiteral("42/42"),
                             QStringLiteral("100%"), QString()}
            << "- [x] All tests passing: 42/42";
        QTest::newRow("failed with value and threshold")
            << IssueGateLine{QStringLiteral("Linting clean"), false, QStringLiteral("3 findings"),
                             QStringLiteral("0 findings"), QString()}
            << "- [ ] Linting clean: 3 findings (required: 0 findings)";
        QTest::newRow("failed without threshold")
            << IssueGateLine{QStringLiteral("Security scan clean"), false,
                             QStringLiteral("tool error"), QString(), QString()}
            << "- [ ] Security scan clean: tool error";
        QTest::newRow("failed with note")
            << IssueGateLine{QStringLiteral("Type checking clean"), false, QString(), QString(),
                             QStringLiteral("pyright not found")}
            << "- [ ] Type checking clean (pyright not found)";
        QTest::newRow("coverage passed")
            << IssueTemplateRenderer::coverageGate(72.0, 70.0, true) << "- [x] Test coverage: 72%";
        QTest::newRow("coverage failed") << IssueTemplateRenderer::coverageGate(65.24, 70.0, false)
                                         << "- [ ] Test coverage: 65.2% (required: ≥ 70%)";
        QTest::newRow("coverage not measured")
            << IssueTemplateRenderer::coverageGate(std::nullopt, 80.0, false)
            << "- [ ] Test coverage: not measured (required: ≥ 80%)";
        QTest::newRow("gate engine decides, not the renderer")
            << IssueTemplateRenderer::coverageGate(90.0, 70.0, false)
            << "- [ ] Test coverage: 90% (required: ≥ 70%)";
    }
    void gateLine()
    {
        QFETCH(IssueGateLine, gate);
        QFETCH(QString, line);
        IssueData data = seedDefaults();
        data.gates = {gate};
        const QString body = IssueTemplateRenderer::render(data);
        QVERIFY2(
            body.contains(QStringLiteral("### Quality Gates\n") + line + QStringLiteral("\n\n")),
            qPrintable(body));
    }

    void blockers_data()
    {
        QTest::addColumn<QStringList>("blockers");
        QTest::addColumn<QString>("section");
        QTest::newRow("none") << QStringList() << "### Blockers\nNone\n\n";
        QTest::newRow("only blank entries")
            << QStringList{QString(), QStringLiteral(" \n ")} << "### Blockers\nNone\n\n";
        QTest::newRow("two") << QStringList{QStringLiteral("a"), QStringLiteral("b\nc")}
                             << "### Blockers\n- a\n- b c\n\n";
    }
    void blockers()
    {
        QFETCH(QStringList, blockers);
        QFETCH(QString, section);
        IssueData data = seedDefaults();
        data.blockers = blockers;
        const QString body = IssueTemplateRenderer::render(data);
        QVERIFY2(body.contains(section), qPrintable(body));
    }

    void titleAndLabels()
    {
        const IssueData data = stagingAllPassed();
        QCOMPARE(IssueTemplateRenderer::title(data),
                 QStringLiteral("Promote agent_orchestration to staging"));
        QCOMPARE(IssueTemplateRenderer::labels(data),
                 (QStringList{QStringLiteral("component:agent_orchestration"),
                              QStringLiteral("target:staging")}));
        QCOMPARE(
            IssueTemplateRenderer::labels(
                data, {QStringLiteral("component:{component_name}"),
                       QStringLiteral("from:{from_stage}"), QStringLiteral("component:{component}"),
                       QStringLiteral(" "), QStringLiteral("target:{target_stage}")}),
            (QStringList{QStringLiteral("component:agent_orchestration"),
                         QStringLiteral("from:development"), QStringLiteral("target:staging")}));
    }

    void formatPercent_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("bound"); // < 0: none
        QTest::addColumn<QString>("text");
        QTest::newRow("whole") << 80.0 << -1.0 << "80";
        QTest::newRow("one decimal") << 85.34 << -1.0 << "85.3";
        QTest::newRow("rounds up") << 85.36 << -1.0 << "85.4";
        QTest::newRow("just below bound") << 79.96 << 80.0 << "79.96";
        QTest::newRow("very close below bound") << 79.9996 << 80.0 << "79.9996";
        QTest::newRow("at bound") << 80.0 << 80.0 << "80";
        QTest::newRow("zero") << 0.0 << -1.0 << "0";
    }
    void formatPercent()
    {
        QFETCH(double, value);
        QFETCH(double, bound);
        QFETCH(QString, text);
        QCOMPARE(IssueTemplateRenderer::formatPercent(
                     value, bound < 0 ? std::nullopt : std::optional<double>(bound)),
                 text);
    }

    void customTemplate()
    {
        QString error;
        const auto ok = IssueTemplateRenderer::render(
            QStringLiteral("{component_name} {coverage}%\n{#gates}\n* {title}\n{/gates}\n"),
            stagingAllPassed(), &error);
        QVERIFY2(ok.has_value(), qPrintable(error));
        QVERIFY(ok->startsWith(
            QStringLiteral("agent_orchestration 85.3%\n* Test coverage\n* All tests passing\n")));

        const auto bad = IssueTemplateRenderer::render(QStringLiteral("x\n{criterion_1}\n"),
                                                       stagingAllPassed(), &error);
        QVERIFY(!bad.has_value());
        QCOMPARE(error, QStringLiteral("line 2: unknown placeholder {criterion_1}"));
    }

    void runIdCannotCloseComment()
    {
        IssueData data = seedDefaults();
        data.runId = QStringLiteral("x --> <script>");
        const QString body = IssueTemplateRenderer::render(data);
        QVERIFY2(body.endsWith(QStringLiteral("<!-- promotion-console run: x > <script> -->\n")),
                 qPrintable(body));
    }
};

QTEST_GUILESS_MAIN(TestIssueTemplateRenderer)
#include "tst_issuetemplaterenderer.moc"
