// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's building blocks: journal, lock, report, gate scheduling.
#include "gates/gatescheduler.h"
#include "journal/runjournal.h"
#include "journal/runlock.h"
#include "policy/policyloader.h"
#include "report/promotionreport.h"
#include "report/reportstore.h"
#include "secrets/outputredactor.h"
#include "testconfig.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <sys/wait.h>
#include <unistd.h>

using namespace Promotion;

namespace {
/*! False (with a warning) when the file could not be written; check it with QVERIFY. */
[[nodiscard]] bool writeFile(const QString &path, const QByteArray &content,
                             bool executable = false)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) {
        qWarning("cannot write %s: %s", qPrintable(path), qPrintable(f.errorString()));
        return false;
    }
    f.close();
    return !executable || f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
}
/*! Gates that run in \a dir with the system environment. */
GateContext scratchContext(const QTemporaryDir &dir)
{
    GateContext ctx;
    ctx.workspace = dir.path();
    ctx.artifactsDir = dir.filePath(QStringLiteral("artifacts"));
    ctx.environment = QProcessEnvironment::systemEnvironment();
    return ctx;
}
} // namespace

class TestEngineParts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void journalRoundTrip()
    {
        QTemporaryDir tmp;
        RunJournal journal(tmp.path());
        RunState s;
        s.runId = RunJournal::newRunId(QStringLiteral("comp"), QStringLiteral("staging"));
        s.request.component = QStringLiteral("comp");
        s.request.to = QStringLiteral("staging");
        s.request.approvals.insert(QStringLiteral("qa"), QStringLiteral("Bob"));
        s.request.acceptedCriteria.insert(QStringLiteral("docs"));
        s.startedAt = QDateTime::currentDateTimeUtc();
        s.coverage = 83.25;
        s.step(StepId::Validate).status = StepStatus::Passed;
        s.step(StepId::QualityGates).status = StepStatus::Running;
        GateResult g;
        g.id = QStringLiteral("tests");
        g.status = GateStatus::Passed;
        g.measured = 100;
        g.attestation = Attestation{QStringLiteral("Ann"), QDateTime::currentDateTimeUtc(),
                                    QStringLiteral("n")};
        s.gates.append(g);
        s.validation.samples.append(HealthSampleRecord{1000, true, 200, 0.5, 120, 50, {}});
        QString error;
        QVERIFY2(journal.save(s, &error), qPrintable(error));
        const auto loaded = journal.load(s.runId, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->toJson(), s.toJson());
        QCOMPARE(loaded->nextStepIndex(), 1);
        QCOMPARE(journal.unfinished(QStringLiteral("comp")).size(), 1);
        QCOMPARE(journal.unfinished(QStringLiteral("other")).size(), 0);

        // A corrupt journal is reported, not trusted.
        QVERIFY(writeFile(journal.statePath(s.runId), "{ not json"));
        QVERIFY(!journal.load(s.runId, &error));
        QVERIFY(error.contains(QLatin1String("state.json")));
    }

    void lockRefusesLiveOwnerAndTakesOverStale()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("c.lock"));
        RunLock first;
        QString error;
        QVERIFY(first.acquire(path, &error));
        RunLock second;
        QVERIFY(!second.acquire(path, &error));
        QVERIFY(error.contains(QLatin1String("another promotion")));
        first.release();
        QVERIFY(!QFile::exists(path));

        // A lock left by a process that no longer exists is stale.
        const pid_t child = fork();
        if (child == 0)
            _exit(0);
        waitpid(child, nullptr, 0);
        QVERIFY(writeFile(path, QByteArray::number(child) + ' ' +
                                    QSysInfo::machineHostName().toUtf8() + '\n'));
        RunLock third;
        QVERIFY2(third.acquire(path, &error), qPrintable(error));
        QVERIFY(third.tookOverStale());
    }

    void reportHasSeedSchemaAndEvidence()
    {
        RunState s;
        s.runId = QStringLiteral("r1");
        s.request.component = QStringLiteral("comp");
        s.request.to = QStringLiteral("staging");
        s.request.skipQualityGates = true;
        s.request.skipReason = QStringLiteral("hotfix");
        s.currentStage = QStringLiteral("development");
        s.startedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC);
        s.finishedAt = s.startedAt.addSecs(10);
        s.coverage = 71.5;
        s.outcome = RunOutcome::Promoted;
        GateResult lint;
        lint.id = QStringLiteral("lint");
        lint.status = GateStatus::Failed;
        lint.measuredText = QStringLiteral("3 findings");
        s.gates.append(lint);
        const QJsonObject r = PromotionReport::build(s);
        for (const char *key :
             {"component", "from_stage", "to_stage", "date", "quality_gates", "promotion_criteria",
              "deployment", "validation", "schema_version", "run_id", "started_at", "finished_at",
              "dry_run", "approvals", "overrides", "steps", "tool_versions"})
            QVERIFY2(r.contains(QLatin1String(key)), key);
        const QJsonObject gates = r.value(QStringLiteral("quality_gates")).toObject();
        QCOMPARE(gates.value(QStringLiteral("coverage")).toString(), QStringLiteral("71.5%"));
        QCOMPARE(gates.value(QStringLiteral("linting")).toString(), QStringLiteral("3 findings"));
        QCOMPARE(gates.value(QStringLiteral("type_checking")).toString(),
                 QStringLiteral("not run"));
        QVERIFY(gates.value(QStringLiteral("warning"))
                    .toString()
                    .contains(QLatin1String("SKIPPED: hotfix")));
        QCOMPARE(r.value(QStringLiteral("date")).toString(), QStringLiteral("2026-01-02"));
        QCOMPARE(r.value(QStringLiteral("duration_ms")).toInteger(), 10000);

        QTemporaryDir tmp;
        const QString name = PromotionReport::uniqueFileName(tmp.path(), s);
        QCOMPARE(name, QStringLiteral("2026-01-02-comp-staging.json"));
        QString error;
        QVERIFY(PromotionReport::write(tmp.filePath(name), r, &error));
        QCOMPARE(PromotionReport::uniqueFileName(tmp.path(), s),
                 QStringLiteral("2026-01-02-comp-staging-2.json"));
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("broken.json")), "[1,2"));
        const QList<ReportSummary> all = ReportStore(tmp.path()).list();
        QCOMPARE(all.size(), 2);
        int readable = 0;
        for (const ReportSummary &summary : all) {
            if (summary.problem.isEmpty()) {
                ++readable;
                QCOMPARE(summary.coverage.value_or(0), 71.5);
            } else {
                QVERIFY(summary.problem.contains(QLatin1String("broken.json")));
            }
        }
        QCOMPARE(readable, 1);
    }

    void globMatching()
    {
        QTemporaryDir tmp;
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("tests/integration/test_a.py")), ""));
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("tests/integration/sub/test_b.py")), ""));
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("tests/integration/helper.py")), ""));
        QCOMPARE(
            GateScheduler::matchGlob(tmp.path(), QStringLiteral("tests/integration/test_*.py")),
            QStringList{QStringLiteral("tests/integration/test_a.py")});
        QCOMPARE(
            GateScheduler::matchGlob(tmp.path(), QStringLiteral("tests/integration/**/test_*.py")),
            (QStringList{QStringLiteral("tests/integration/sub/test_b.py"),
                         QStringLiteral("tests/integration/test_a.py")}));
        QVERIFY(
            GateScheduler::matchGlob(tmp.path(), QStringLiteral("tests/e2e/test_*.py")).isEmpty());
    }

    void pythonRunnerUsesUvOnlyWithLockAndTool()
    {
        QTemporaryDir tmp;
        const QString bin = tmp.filePath(QStringLiteral("bin"));
        QVERIFY(writeFile(bin + QStringLiteral("/uv"), "#!/bin/sh\nexit 0\n", true));
        GateContext ctx;
        ctx.workspace = tmp.path();
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), bin);

        QStringList argv{QStringLiteral("pytest"), QStringLiteral("tests/")};
        QProcessEnvironment e1 = env;
        GateScheduler::applyPythonRunner(argv, e1, ctx); // no uv.lock: plain, src on PYTHONPATH
        QCOMPARE(argv.first(), QStringLiteral("pytest"));
        QCOMPARE(e1.value(QStringLiteral("PYTHONPATH")), tmp.path() + QStringLiteral("/src"));

        QVERIFY(writeFile(tmp.filePath(QStringLiteral("uv.lock")), ""));
        QProcessEnvironment e2 = env;
        GateScheduler::applyPythonRunner(argv, e2, ctx);
        QCOMPARE(argv.mid(0, 3), (QStringList{QStringLiteral("uv"), QStringLiteral("run"),
                                              QStringLiteral("pytest")}));

        QStringList argv2{QStringLiteral("pytest")};
        QProcessEnvironment noUv;
        noUv.insert(QStringLiteral("PATH"), tmp.filePath(QStringLiteral("empty")));
        GateScheduler::applyPythonRunner(argv2, noUv, ctx); // uv.lock but no uv: plain
        QCOMPARE(argv2, QStringList{QStringLiteral("pytest")});
    }

    void missingToolIsAGateErrorNamingToolAndKey()
    {
        QTemporaryDir tmp;
        GateDefinition lint;
        lint.id = QStringLiteral("lint");
        lint.title = QStringLiteral("Linting clean (ruff)");
        lint.command = {QStringLiteral("ruff-that-does-not-exist"), QStringLiteral("check")};
        lint.format = QStringLiteral("ruff-json");
        lint.policyKey = QStringLiteral("gates.lint.command");
        GateContext ctx = scratchContext(tmp);
        GateScheduler scheduler;
        QSignalSpy done(&scheduler, &GateScheduler::finished);
        QSignalSpy gate(&scheduler, &GateScheduler::gateFinished);
        scheduler.start({lint}, ctx);
        QVERIFY(done.wait(20000));
        QCOMPARE(gate.size(), 1);
        const GateResult r = gate.first().first().value<GateResult>();
        QCOMPARE(r.status, GateStatus::Error);
        QVERIFY2(r.message.contains(QLatin1String("ruff-that-does-not-exist")) &&
                     r.message.contains(QLatin1String("gates.lint.command")),
                 qPrintable(r.message));
    }

    void outputRedactorHoldsSplitTokens()
    {
        Redactor known;
        QVERIFY(known.addSecret(QStringLiteral("s3cr3t-value-42")));
        OutputRedactor stream(known);
        QByteArray out = stream.feed("first line with s3cr3t-");
        QVERIFY(out.isEmpty()); // no newline yet: nothing leaves
        out += stream.feed("value-42 inside\nsecond ghp_0123456789");
        out += stream.feed("abcdefghijABCDEFGHIJ012345 end");
        out += stream.flush();
        QVERIFY2(!out.contains("s3cr3t-value-42") && !out.contains("ghp_0123456789abcdef"),
                 out.constData());
        QCOMPARE(out.count("[REDACTED]"), 2);
        QProcessEnvironment env;
        env.insert(QStringLiteral("GITHUB_TOKEN"), QStringLiteral("tok-abcdef"));
        env.insert(QStringLiteral("HOME"), QStringLiteral("/home/someone"));
        const Redactor fromEnv = OutputRedactor::forEnvironment(env);
        QCOMPARE(fromEnv.secretCount(), 1);
        QCOMPARE(fromEnv.redact(QStringLiteral("x tok-abcdef /home/someone")),
                 QStringLiteral("x [REDACTED] /home/someone"));
    }

    void gateLogsNeverHoldSecrets()
    {
        QTemporaryDir tmp;
        GateDefinition g;
        g.id = QStringLiteral("leaky");
        g.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                     QStringLiteral("printf 'token=%s' \"$DEPLOY_TOKEN\"; sleep 0.2; echo ' end'; "
                                    "echo \"$DEPLOY_TOKEN\" >&2; exit 3")};
        g.format = QStringLiteral("exit-code");
        g.policyKey = QStringLiteral("gates.leaky.command");
        GateContext ctx = scratchContext(tmp);
        ctx.environment.insert(QStringLiteral("DEPLOY_TOKEN"),
                               QStringLiteral("very-secret-deploy-token"));
        GateScheduler scheduler;
        QByteArray shown;
        connect(
            &scheduler, &GateScheduler::gateOutput, this,
            [&shown](const QString &, const QByteArray &chunk, OutputChannel) { shown += chunk; });
        QSignalSpy gate(&scheduler, &GateScheduler::gateFinished);
        QSignalSpy done(&scheduler, &GateScheduler::finished);
        scheduler.start({g}, ctx);
        QVERIFY(done.wait(20000));
        const GateResult r = gate.first().first().value<GateResult>();
        QCOMPARE(r.status, GateStatus::Failed);
        QFile log(ctx.artifactsDir + QStringLiteral("/leaky.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray logged = log.readAll();
        for (const QByteArray &text : {shown, logged, r.message.toUtf8()})
            QVERIFY2(!text.contains("very-secret-deploy-token"), text.constData());
        QVERIFY2(logged.contains("token=[REDACTED] end"), logged.constData());
        QVERIFY(shown.contains("[REDACTED]"));
    }

    void gatesRunConcurrentlyAndCancelStopsThem()
    {
        QTemporaryDir tmp;
        GateContext ctx = scratchContext(tmp);
        ctx.maxParallel = 2;
        QList<GateDefinition> gates;
        for (const char *id : {"a", "b", "c"}) {
            GateDefinition g;
            g.id = QLatin1String(id);
            g.command = {QStringLiteral("sleep"), QStringLiteral("30")};
            g.format = QStringLiteral("exit-code");
            g.policyKey = QStringLiteral("gates.%1.command").arg(g.id);
            gates.append(g);
        }
        GateScheduler scheduler;
        QSignalSpy started(&scheduler, &GateScheduler::gateStarted);
        QSignalSpy done(&scheduler, &GateScheduler::finished);
        QSignalSpy finishedGates(&scheduler, &GateScheduler::gateFinished);
        scheduler.start(gates, ctx);
        QTRY_COMPARE(started.size(), 2); // bounded by maxParallel
        QTest::qWait(200);
        QCOMPARE(started.size(), 2);
        QElapsedTimer clock;
        clock.start();
        scheduler.cancel();
        QVERIFY(done.wait(5000) || done.size() == 1);
        QVERIFY(clock.elapsed() < 4000);
        QCOMPARE(done.first().first().toBool(), true);
        QCOMPARE(finishedGates.size(), 3);
        for (const QList<QVariant> &args : finishedGates)
            QCOMPARE(args.first().value<GateResult>().status, GateStatus::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestEngineParts)
#include "tst_engineparts.moc"
