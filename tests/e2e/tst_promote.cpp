// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end: the real promotion-console executable promotes components of a
// fresh demo workspace with the real tools (pytest, pytest-cov, flake8,
// mypy, bandit; pyright and secretlint when installed), the demo's kubectl
// shim and its HTTP service.
#include "promotetestsupport.h"

#include <csignal>
#include <QDirIterator>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

using namespace PromoteTest;

class TestPromote : public QObject
{
    Q_OBJECT

private:
    static const QStringList &approvals()
    {
        static const QStringList list{QStringLiteral("--accept-criteria"),
                                      QStringLiteral("all"),
                                      QStringLiteral("--approve"),
                                      QStringLiteral("tech_lead=Ada Lead <ada@example.org>"),
                                      QStringLiteral("--approve"),
                                      QStringLiteral("qa=Bob QA <bob@example.org>")};
        return list;
    }
    static QStringList agentToStaging(bool dryRun)
    {
        QStringList args{QStringLiteral("--component"), QStringLiteral("agent_orchestration"),
                         QStringLiteral("--from"),      QStringLiteral("development"),
                         QStringLiteral("--to"),        QStringLiteral("staging")};
        if (dryRun)
            args.append(QStringLiteral("--dry-run"));
        return args + approvals();
    }
    static QJsonObject gate(const QJsonObject &report, const QString &id)
    {
        for (const QJsonValue &v : report.value(QStringLiteral("quality_gates"))
                                       .toObject()
                                       .value(QStringLiteral("gates"))
                                       .toArray()) {
            if (v.toObject().value(QStringLiteral("id")).toString() == id)
                return v.toObject();
        }
        return {};
    }
    static QString reportFile(const DemoCopy &demo)
    {
        QDirIterator it(demo.path() + QStringLiteral("/.promotion/reports"),
                        {QStringLiteral("*.json")}, QDir::Files);
        return it.hasNext() ? it.next() : QString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(QStringLiteral(APP_BINARY)), APP_BINARY); }

    void dryRunPassesAndChangesNothing()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        {
            // The runbook entry is production's by default; staging's here, so this dry run
            // shows it (and the runbook it would create) too.
            QFile policy(demo.path() + QStringLiteral("/promotion.yaml"));
            QVERIFY(policy.open(QIODevice::Append));
            QVERIFY(policy.write("\nmetadata:\n  runbook_stages: [staging, production]\n") > 0);
            policy.close();
            QProcess git; // committed, so "nothing changed" below compares against it
            git.setWorkingDirectory(demo.path());
            git.start(QStringLiteral("git"),
                      {QStringLiteral("-c"), QStringLiteral("user.name=Test"), QStringLiteral("-c"),
                       QStringLiteral("user.email=test@example.org"), QStringLiteral("commit"),
                       QStringLiteral("-qam"), QStringLiteral("runbook for staging too")});
            QVERIFY(git.waitForFinished(20000) && git.exitCode() == 0);
        }
        const auto before = demo.trackedDigests();
        QVERIFY(!before.isEmpty());

        const Run r = demo.promote(agentToStaging(true) + QStringList{QStringLiteral("--json")});
        QVERIFY2(r.finished, "promote did not finish");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject report = parseJson(r.out);
        QCOMPARE(report.value(QStringLiteral("dry_run")).toBool(), true);
        QCOMPARE(report.value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("dry_run_passed"));
        QCOMPARE(report.value(QStringLiteral("component")).toString(),
                 QStringLiteral("agent_orchestration"));
        QCOMPARE(report.value(QStringLiteral("schema_version")).toInt(), 1);

        // Coverage equals what pytest-cov says for the same tests, to 0.1 %.
        QString covOutput;
        const double expected =
            pytestCovTotal(demo.path(), QStringLiteral("agent_orchestration"), &covOutput);
        QVERIFY2(expected >= 0, qPrintable(covOutput));
        const double measured = report.value(QStringLiteral("quality_gates"))
                                    .toObject()
                                    .value(QStringLiteral("coverage_percent"))
                                    .toDouble();
        QVERIFY2(qAbs(measured - expected) <= 0.1,
                 qPrintable(QStringLiteral("%1 vs %2").arg(measured).arg(expected)));

        // Test counts equal the JUnit file pytest wrote.
        const QJsonObject tests = gate(report, QStringLiteral("tests"));
        QCOMPARE(tests.value(QStringLiteral("status")).toString(), QStringLiteral("passed"));
        const QString runDir = demo.path() + QStringLiteral("/.promotion/runs/") +
                               report.value(QStringLiteral("run_id")).toString();
        QFile junit(runDir + QStringLiteral("/artifacts/junit.xml"));
        QVERIFY(junit.open(QIODevice::ReadOnly));
        const QString xml = QString::fromUtf8(junit.readAll());
        const int cases = int(xml.count(QStringLiteral("<testcase ")));
        QVERIFY(cases > 10);
        QCOMPARE(tests.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("total"))
                     .toInt(),
                 cases);
        QCOMPARE(tests.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("passed"))
                     .toInt(),
                 cases);

        for (const char *id :
             {"coverage", "lint", "typecheck", "secrets", "integration_tests_exist"})
            QCOMPARE(gate(report, QLatin1String(id)).value(QStringLiteral("status")).toString(),
                     QStringLiteral("passed"));
        // Evidence: argv, tool versions, digests.
        QVERIFY(!tests.value(QStringLiteral("argv")).toArray().isEmpty());
        QCOMPARE(tests.value(QStringLiteral("output_sha256")).toString().size(), 64);
        QVERIFY(!report.value(QStringLiteral("tool_versions")).toObject().isEmpty());
        // Every effect is a "would do".
        const QJsonArray effects = report.value(QStringLiteral("effects")).toArray();
        QVERIFY(!effects.isEmpty());
        for (const QJsonValue &e : effects)
            QCOMPARE(e.toObject().value(QStringLiteral("performed")).toBool(), false);
        const QString diff = report.value(QStringLiteral("deployment"))
                                 .toObject()
                                 .value(QStringLiteral("metadata_diff"))
                                 .toString();
        QVERIFY(!diff.isEmpty());
        // The seed's other documents: the spec's promotion date, the runbook's entry.
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        QVERIFY2(diff.contains(QLatin1String("+++ b/specs/agent_orchestration.md")),
                 qPrintable(diff));
        QVERIFY2(diff.contains(QStringLiteral("+**Promoted to staging:** ") + today),
                 qPrintable(diff));
        QVERIFY2(diff.contains(QLatin1String("+**Current stage:** staging")), qPrintable(diff));
        QVERIFY2(diff.contains(QLatin1String("+++ b/docs/runbooks/agent_orchestration.md")),
                 qPrintable(diff));
        QVERIFY2(diff.contains(QLatin1String("+## Promotion history")), qPrintable(diff));
        QVERIFY2(diff.contains(
                     QStringLiteral("+- %1: `agent_orchestration` promoted to staging").arg(today)),
                 qPrintable(diff));
        QVERIFY(!QFile::exists(demo.path() + QStringLiteral("/docs/runbooks")));

        // Nothing tracked changed, and nothing was written outside .promotion/runs but the
        // tools' caches in .promotion/cache.
        QCOMPARE(demo.trackedDigests(), before);
        QProcess git;
        git.setWorkingDirectory(demo.path());
        git.start(QStringLiteral("git"),
                  {QStringLiteral("status"), QStringLiteral("--porcelain"),
                   QStringLiteral("--ignored"), QStringLiteral("--untracked-files=all")});
        QVERIFY(git.waitForFinished());
        for (const QString &line : QString::fromUtf8(git.readAllStandardOutput())
                                       .split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QVERIFY2(line.mid(3).startsWith(QLatin1String(".promotion/runs/")) ||
                         line.mid(3).startsWith(QLatin1String(".promotion/cache/")),
                     qPrintable(line));
        QVERIFY(reportFile(demo).isEmpty());
        QVERIFY(QFile::exists(runDir + QStringLiteral("/report.json")));
        QVERIFY(QFile::exists(runDir + QStringLiteral("/promotion_issue.md")));
    }

    void realRunPromotesThenRefusesRerun()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        const Run r = demo.promote(agentToStaging(false));
        QVERIFY2(r.finished, "promote did not finish");
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QVERIFY(demo.readFile(QStringLiteral("src/agent_orchestration/__init__.py"))
                    .contains(QLatin1String("__maturity__ = \"staging\"")));
        QVERIFY(demo.readFile(QStringLiteral("src/agent_orchestration/README.md"))
                    .contains(QLatin1String("**Status:** staging")));

        const QString path = reportFile(demo);
        QVERIFY2(!path.isEmpty(), "no report under .promotion/reports");
        QVERIFY(QFileInfo(path).fileName().endsWith(
            QLatin1String("-agent_orchestration-staging.json")));
        const QJsonObject report = readJson(path);
        QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("promoted"));
        QCOMPARE(report.value(QStringLiteral("deployment"))
                     .toObject()
                     .value(QStringLiteral("success"))
                     .toBool(),
                 true);
        const QJsonObject validation = report.value(QStringLiteral("validation")).toObject();
        QCOMPARE(validation.value(QStringLiteral("smoke_tests")).toString(),
                 QStringLiteral("passed"));
        QCOMPARE(validation.value(QStringLiteral("health_checks")).toString(),
                 QStringLiteral("passed"));
        QCOMPARE(validation.value(QStringLiteral("monitoring")).toString(),
                 QStringLiteral("normal"));
        QVERIFY(validation.value(QStringLiteral("details"))
                    .toObject()
                    .value(QStringLiteral("samples"))
                    .toArray()
                    .size() >= 3);
        // Approvals carry identity and time.
        const QJsonArray approvalList = report.value(QStringLiteral("approvals")).toArray();
        QCOMPARE(approvalList.size(), 2);
        for (const QJsonValue &a : approvalList) {
            QVERIFY(a.toObject().value(QStringLiteral("approved")).toBool());
            QVERIFY(!a.toObject().value(QStringLiteral("identity")).toString().isEmpty());
            QVERIFY(!a.toObject().value(QStringLiteral("time")).toString().isEmpty());
        }
        // The AI context note was recorded through the policy's command.
        QVERIFY(demo.readFile(QStringLiteral("ai-context/integrated-workflow-2025-10-20.jsonl"))
                    .contains(QLatin1String("agent_orchestration promoted")));

        const Run again = demo.promote(agentToStaging(false));
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.out.contains("expected development (--from), but __maturity__ is staging"),
                 again.out.constData());
    }

    void errorRateTriggersRollback()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        demo.setEnv(QStringLiteral("DEMO_ERROR_RATE"), QStringLiteral("2"));
        const Run r = demo.promote(agentToStaging(false));
        QVERIFY2(r.finished, "promote did not finish");
        QVERIFY2(r.exitCode == 3, QByteArray(r.out + r.err).constData());
        const QJsonObject report = readJson(reportFile(demo));
        QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("rolled_back"));
        const QJsonObject rollback = report.value(QStringLiteral("rollback")).toObject();
        QCOMPARE(rollback.value(QStringLiteral("performed")).toBool(), true);
        QCOMPARE(rollback.value(QStringLiteral("trigger")).toString(),
                 QStringLiteral("error_rate"));
        const QJsonObject details = report.value(QStringLiteral("validation"))
                                        .toObject()
                                        .value(QStringLiteral("details"))
                                        .toObject();
        const QJsonObject trigger = details.value(QStringLiteral("trigger")).toObject();
        QVERIFY(trigger.value(QStringLiteral("measured")).toDouble() > 1.0);
        QCOMPARE(trigger.value(QStringLiteral("threshold")).toDouble(), 1.0);
        const QJsonArray samples = details.value(QStringLiteral("samples")).toArray();
        QVERIFY(!samples.isEmpty());
        QVERIFY(samples.last().toObject().value(QStringLiteral("error_rate_percent")).toDouble() >
                1.0);
        // The metadata is restored: the component is not in staging.
        QVERIFY(demo.readFile(QStringLiteral("src/agent_orchestration/__init__.py"))
                    .contains(QLatin1String("__maturity__ = \"development\"")));
    }

    void coverageBlocksPlayerExperience()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        const Run r = demo.promote({QStringLiteral("--component"),
                                    QStringLiteral("player_experience"), QStringLiteral("--to"),
                                    QStringLiteral("staging"), QStringLiteral("--json")});
        QVERIFY2(r.finished, "promote did not finish");
        QVERIFY2(r.exitCode == 1, r.err.constData());
        const QJsonObject report = parseJson(r.out);
        QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("blocked"));
        const QJsonObject coverage = gate(report, QStringLiteral("coverage"));
        QCOMPARE(coverage.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(coverage.value(QStringLiteral("threshold")).toDouble(), 70.0);
        QString covOutput;
        const double expected =
            pytestCovTotal(demo.path(), QStringLiteral("player_experience"), &covOutput);
        QVERIFY(expected > 0 && expected < 60);
        QVERIFY(qAbs(coverage.value(QStringLiteral("measured")).toDouble() - expected) <= 0.1);
        const QString blockers = QString::fromUtf8(
            QJsonDocument(report.value(QStringLiteral("blockers")).toArray()).toJson());
        QVERIFY2(blockers.contains(QLatin1String("coverage")) &&
                     blockers.contains(QLatin1String("70")),
                 qPrintable(blockers));
        // Human progress names the gate, the value and the threshold.
        QVERIFY2(r.err.contains("FAIL") && r.err.contains("Test coverage"), r.err.constData());
    }

    void badPolicyIsRefusedWithItsLine()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QFile policy(demo.path() + QStringLiteral("/promotion.yaml"));
        QVERIFY(policy.open(QIODevice::Append));
        policy.write("options:\n  allow_stage_skip: false\n  colour_scheme: dark\n");
        policy.close();
        const int expectedLine =
            int(demo.readFile(QStringLiteral("promotion.yaml")).count(QLatin1Char('\n')));
        const Run r = demo.promote(agentToStaging(true));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("promotion.yaml:%1").arg(expectedLine).toUtf8()),
                 r.err.constData());
        QVERIFY2(r.err.contains("colour_scheme"), r.err.constData());
        QVERIFY(!QFileInfo::exists(demo.path() + QStringLiteral("/.promotion/runs")) ||
                QDir(demo.path() + QStringLiteral("/.promotion/runs"))
                    .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                    .isEmpty());
    }

    void killDuringGatesThenResume()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QProcess p;
        p.setProcessEnvironment(demo.environment());
        p.start(QStringLiteral(APP_BINARY),
                QStringList{QStringLiteral("promote"), QStringLiteral("--workspace"), demo.path()} +
                    agentToStaging(true));
        QVERIFY(p.waitForStarted());
        // Wait until step 2 is running and at least one gate has finished.
        const QString runs = demo.path() + QStringLiteral("/.promotion/runs");
        QString statePath;
        QJsonObject state;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QDirIterator it(runs, {QStringLiteral("state.json")}, QDir::Files,
                                QDirIterator::Subdirectories);
                if (!it.hasNext())
                    return false;
                statePath = it.next();
                state = readJson(statePath);
                const QJsonArray steps = state.value(QStringLiteral("steps")).toArray();
                if (steps.size() < 2 ||
                    steps.at(1).toObject().value(QStringLiteral("status")).toString() !=
                        QLatin1String("running"))
                    return false;
                for (const QJsonValue &g : state.value(QStringLiteral("gates")).toArray()) {
                    const QString s = g.toObject().value(QStringLiteral("status")).toString();
                    if (s == QLatin1String("passed"))
                        return true;
                }
                return false;
            }(),
            60000);
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);

        const QJsonObject killed = readJson(statePath);
        QCOMPARE(killed.value(QStringLiteral("outcome")).toString(), QStringLiteral("running"));
        const QString validateStarted = killed.value(QStringLiteral("steps"))
                                            .toArray()
                                            .at(0)
                                            .toObject()
                                            .value(QStringLiteral("started_at"))
                                            .toString();
        QMap<QString, QString> finishedGates; // id -> started_at
        for (const QJsonValue &g : killed.value(QStringLiteral("gates")).toArray()) {
            const QJsonObject o = g.toObject();
            if (o.value(QStringLiteral("status")).toString() == QLatin1String("passed") &&
                o.value(QStringLiteral("kind")).toString() == QLatin1String("command"))
                finishedGates.insert(o.value(QStringLiteral("id")).toString(),
                                     o.value(QStringLiteral("started_at")).toString());
        }

        // A mistyped id is refused, naming the run that can be resumed.
        const QString runId = QFileInfo(statePath).dir().dirName();
        const Run typo = demo.promote(agentToStaging(true) +
                                      QStringList{QStringLiteral("--resume"), runId + u'x'});
        QCOMPARE(typo.exitCode, 2);
        const QString said = QString::fromUtf8(typo.err);
        QVERIFY2(said.contains(QStringLiteral("no run %1x in ").arg(runId)), typo.err.constData());
        QVERIFY2(said.contains(QStringLiteral("interrupted, newest first: ") + runId),
                 typo.err.constData());

        const Run r = demo.promote(agentToStaging(true) + QStringList{QStringLiteral("--resume")});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QVERIFY2(r.out.contains("Resuming run"), r.out.constData());
        QVERIFY2(!r.out.contains("[1/6]"), "step 1 was redone");
        const QJsonObject resumed = readJson(statePath);
        QCOMPARE(resumed.value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("dry_run_passed"));
        QCOMPARE(resumed.value(QStringLiteral("steps"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("started_at"))
                     .toString(),
                 validateStarted);
        for (const QJsonValue &g : resumed.value(QStringLiteral("gates")).toArray()) {
            const QJsonObject o = g.toObject();
            const QString id = o.value(QStringLiteral("id")).toString();
            if (finishedGates.contains(id))
                QCOMPARE(o.value(QStringLiteral("started_at")).toString(), finishedGates.value(id));
        }
    }

    void seedToolsPyrightAndSecretlint()
    {
        // The seed's type checker and a SARIF secrets scanner, when installed (npm).
        for (const char *tool : {"pyright", "secretlint"}) {
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
                QSKIP(qPrintable(
                    QStringLiteral(
                        "%1 is not installed (packaging/install-deps-debian.sh --with-npm-tools)")
                        .arg(QLatin1String(tool))));
        }
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QFile policy(demo.path() + QStringLiteral("/promotion.yaml"));
        QVERIFY(policy.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(policy.readAll());
        policy.close();
        const qsizetype start = text.indexOf(QLatin1String("  typecheck:\n"));
        const qsizetype end = text.indexOf(QLatin1String("  performance_sla:"));
        QVERIFY(start > 0 && end > start);
        text.replace(
            start, end - start,
            QStringLiteral(
                "  typecheck:\n    title: Type checking clean (pyright)\n    command: [pyright, "
                "--outputjson, \"src/{component}\"]\n"
                "    format: pyright-json\n"
                "  secrets:\n    title: No secrets (secretlint)\n"
                "    command: [secretlint, --format, \"@secretlint/secretlint-formatter-sarif\", "
                "--maskSecrets, \"src/{component}/**/*\"]\n"
                "    format: sarif\n"));
        QVERIFY(policy.open(QIODevice::WriteOnly | QIODevice::Truncate));
        policy.write(text.toUtf8());
        policy.close();
        // A planted credential must be found by secretlint and block the promotion.
        QFile leak(demo.path() + QStringLiteral("/src/agent_orchestration/settings_leak.py"));
        QVERIFY(leak.open(QIODevice::WriteOnly));
        leak.write("GITHUB_TOKEN = \"ghp_"
                   "wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx\"\n");
        leak.close();

        const Run r = demo.promote(agentToStaging(true) + QStringList{QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject report = parseJson(r.out);
        QCOMPARE(
            gate(report, QStringLiteral("typecheck")).value(QStringLiteral("status")).toString(),
            QStringLiteral("passed"));
        QCOMPARE(gate(report, QStringLiteral("typecheck"))
                     .value(QStringLiteral("tool_version"))
                     .toString()
                     .isEmpty(),
                 false);
        const QJsonObject secrets = gate(report, QStringLiteral("secrets"));
        QCOMPARE(secrets.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QVERIFY(secrets.value(QStringLiteral("measured")).toDouble() >= 1);
        // The token itself appears nowhere in the report (secretlint masks it).
        QVERIFY(!r.out.contains("wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx"));
    }

    void secondRunOfSameComponentIsLockedOut()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QProcess first;
        first.setProcessEnvironment(demo.environment());
        first.start(
            QStringLiteral(APP_BINARY),
            QStringList{QStringLiteral("promote"), QStringLiteral("--workspace"), demo.path()} +
                agentToStaging(true));
        QVERIFY(first.waitForStarted());
        const QString lock =
            demo.path() + QStringLiteral("/.promotion/runs/agent_orchestration.lock");
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(lock), 20000);
        const Run second = demo.promote(agentToStaging(true));
        QCOMPARE(second.exitCode, 2);
        QVERIFY2(second.err.contains("another promotion of this component is running"),
                 second.err.constData());
        first.kill();
        first.waitForFinished();
        // The lock of the killed run is stale now and gets taken over.
        const Run third =
            demo.promote(agentToStaging(true) + QStringList{QStringLiteral("--resume")});
        QVERIFY2(third.exitCode == 0, QByteArray(third.out + third.err).constData());
    }
};

QTEST_GUILESS_MAIN(TestPromote)
#include "tst_promote.moc"
