// SPDX-License-Identifier: GPL-3.0-or-later
#include "headlesscommands.h"

#include "commandline.h"
#include "followup/followupcheck.h"
#include "followup/followupissue.h"
#include "policy/policyloader.h"
#include "process/toollocator.h"
#include "process/unixsignalbridge.h"
#include "report/policybacktest.h"
#include "report/reportchain.h"
#include "report/reportstats.h"
#include "reportexporter.h"
#include "report/reportstore.h"
#include "secrets/redactor.h"
#include "workflow/promotionengine.h"
#include "workspace/workspace.h"

#include <csignal>
#include <cstdio>
#include <functional>
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSocketNotifier>
#include <QTimer>
#include <unistd.h>

namespace Promotion {

namespace {
void printTo(FILE *stream, const QString &text)
{
    // Secrets the run knows (environment tokens, the keychain token) never reach the terminal.
    std::fprintf(stream, "%s\n", qPrintable(Redactor().redact(text)));
    std::fflush(stream);
}

void printErr(const QString &text)
{
    printTo(stderr, QStringLiteral("promotion-console: ") + text);
}

bool checkWorkspace(const Workspace &ws)
{
    if (!ws.exists()) {
        printErr(
            QStringLiteral("workspace %1 does not exist or is not a directory").arg(ws.root()));
        return false;
    }
    return true;
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1) + QLatin1Char('s');
}

QString statusMark(GateStatus status, bool color)
{
    const char *text = "PENDING";
    const char *ansi = "\x1b[33m";
    switch (status) {
    case GateStatus::Passed:
        text = "PASS";
        ansi = "\x1b[32m";
        break;
    case GateStatus::Failed:
        text = "FAIL";
        ansi = "\x1b[31m";
        break;
    case GateStatus::Error:
        text = "ERROR";
        ansi = "\x1b[31m";
        break;
    case GateStatus::Skipped:
        text = "SKIP";
        break;
    case GateStatus::NeedsAttestation:
        text = "ATTEST";
        break;
    case GateStatus::Cancelled:
        text = "CANCEL";
        break;
    case GateStatus::Running:
        text = "RUNNING";
        break;
    case GateStatus::Pending:
        break;
    }
    const QString mark = QLatin1String(text);
    return color ? QLatin1String(ansi) + mark + QStringLiteral("\x1b[0m") : mark;
}

QString statusMark(bool passed, bool color)
{
    return statusMark(passed ? GateStatus::Passed : GateStatus::Failed, color);
}

QString statusMark(StepStatus status, bool color)
{
    switch (status) {
    case StepStatus::Passed:
        return statusMark(GateStatus::Passed, color);
    case StepStatus::Failed:
        return statusMark(GateStatus::Failed, color);
    case StepStatus::Skipped:
        return statusMark(GateStatus::Skipped, color);
    case StepStatus::Running:
        return statusMark(GateStatus::Running, color);
    case StepStatus::Pending:
        break;
    }
    return statusMark(GateStatus::Pending, color);
}

bool splitPairs(const QStringList &pairs, QMap<QString, QString> &out)
{
    for (const QString &pair : pairs) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        out.insert(pair.left(eq).trimmed(), pair.mid(eq + 1).trimmed());
    }
    return true;
}
} // namespace

int runPromoteCommand(const CommandLine &cl)
{
    const Workspace ws(cl.workspace);
    if (!checkWorkspace(ws))
        return ExitUsage;

    PromotionRequest request;
    request.workspace = ws.root();
    request.component = cl.component;
    request.from = cl.from;
    request.to = cl.to;
    request.spec = cl.spec;
    request.dryRun = cl.dryRun;
    request.skipQualityGates = cl.skipQualityGates;
    request.skipReason = cl.skipReason;
    request.reportPath = cl.reportPath;
    request.waitApprovalsSeconds = cl.waitApprovalsSeconds;
    splitPairs(cl.approvals, request.approvals);
    splitPairs(cl.attestations, request.attestations);
    if (cl.acceptCriteria == QLatin1String("all")) {
        request.acceptAllCriteria = true;
    } else if (!cl.acceptCriteria.isEmpty()) {
        QFile file(cl.acceptCriteria);
        if (!file.open(QIODevice::ReadOnly)) {
            printErr(QStringLiteral("--accept-criteria %1: %2 (give 'all' or a file with one "
                                    "criterion id per line)")
                         .arg(cl.acceptCriteria, file.errorString()));
            return ExitUsage;
        }
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
        for (QString line : lines) {
            line = line.section(QLatin1Char('#'), 0, 0).trimmed();
            if (!line.isEmpty())
                request.acceptedCriteria.insert(line);
        }
    }

    const bool color = !cl.noColor && !cl.json && ::isatty(STDOUT_FILENO) &&
                       qEnvironmentVariableIsEmpty("NO_COLOR");
    FILE *progress = cl.json ? stderr : stdout;

    PromotionEngine engine;
    QString error;
    const bool ok = cl.resume ? engine.resume(ws.root(), cl.component, cl.runId, &error)
                              : engine.begin(request, &error);
    if (!ok) {
        printErr(error);
        return ExitUsage;
    }

    if (cl.resume)
        engine.setApprovalWait(cl.waitApprovalsSeconds); // not journaled: each run says how long
    if (cl.resume && engine.state().isFinished() && !engine.state().needsReport()) {
        // Finished, with GitHub actions still queued: send them, nothing else.
        const int before = engine.state().github.pendingActions;
        engine.flushTracking(&engine, [] { QCoreApplication::exit(0); });
        QCoreApplication::exec();
        const RunState &st = engine.state();
        printTo(stdout, QStringLiteral("Run %1 (%2): %3 of %4 queued GitHub action(s) sent%5")
                            .arg(st.runId, runOutcomeName(st.outcome))
                            .arg(before - st.github.pendingActions)
                            .arg(before)
                            .arg(st.github.pendingActions > 0
                                     ? QStringLiteral("; still pending: ") + st.github.lastError
                                     : QString()));
        return st.github.pendingActions > 0 ? ExitBlocked : st.exitCode;
    }
    const RunState &state = engine.state();
    printTo(progress,
            QStringLiteral("Promoting %1 to %2%3 (run %4)")
                .arg(cl.component, cl.to,
                     state.request.dryRun ? QStringLiteral(" — DRY RUN") : QString(), state.runId));
    if (cl.resume)
        printTo(progress, QStringLiteral("Resuming run %1 at step %2 of 6")
                              .arg(state.runId)
                              .arg(state.nextStepIndex() + 1));
    if (state.request.skipQualityGates)
        printTo(
            progress,
            QStringLiteral("WARNING: quality gates are skipped: %1").arg(state.request.skipReason));

    QObject::connect(&engine, &PromotionEngine::stepStarted, &engine, [&](StepId step) {
        printTo(progress, QStringLiteral("[%1/6] %2 …").arg(int(step) + 1).arg(stepTitle(step)));
    });
    QObject::connect(
        &engine, &PromotionEngine::stepFinished, &engine, [&](StepId step, StepStatus status) {
            const StepState &s = engine.state().step(step);
            if (step == StepId::Validate) {
                for (const CheckItem &c : engine.state().validationChecks)
                    printTo(progress, QStringLiteral("      %1  %2 — %3")
                                          .arg(statusMark(c.passed, color), c.text, c.detail));
            }
            if (step == StepId::Criteria) {
                for (const CriterionState &c : engine.state().criteria)
                    printTo(
                        progress,
                        QStringLiteral("      %1  %2%3")
                            .arg(statusMark(c.checked ? GateStatus::Passed : GateStatus::Pending,
                                            color),
                                 c.text,
                                 c.evidence.isEmpty() ? QString()
                                                      : QStringLiteral(" — ") + c.evidence));
            }
            if (step == StepId::PostValidation) {
                for (const CheckItem &c : engine.state().validation.checks)
                    printTo(progress, QStringLiteral("      %1  %2 — %3")
                                          .arg(statusMark(c.passed, color), c.text, c.detail));
            }
            printTo(progress, QStringLiteral("      %1 %2 in %3: %4")
                                  .arg(stepTitle(step), statusMark(status, color),
                                       seconds(s.durationMs), s.summary));
        });
    QObject::connect(&engine, &PromotionEngine::gateFinished, &engine, [&](const QString &id) {
        const GateResult *g = engine.state().gate(id);
        if (!g)
            return;
        QString line =
            QStringLiteral("      %1  %2 (%3)").arg(statusMark(g->status, color), g->title, id);
        if (!g->measuredText.isEmpty())
            line += QStringLiteral(": %1").arg(g->measuredText);
        if (!g->thresholdText.isEmpty())
            line += QStringLiteral(" [threshold %1]").arg(g->thresholdText);
        line += QStringLiteral(" in %1").arg(seconds(g->durationMs));
        if (!g->succeeded() && !g->message.isEmpty())
            line += QStringLiteral("\n         %1").arg(g->message);
        printTo(progress, line);
    });
    QObject::connect(
        &engine, &PromotionEngine::healthSample, &engine, [&](const HealthSampleRecord &s) {
            const QString health =
                s.healthy ? QStringLiteral("healthy") : QStringLiteral("UNHEALTHY");
            if (s.requests <= 0) {
                // The first sample only sets the counters' starting point.
                printTo(progress, QStringLiteral("      sample %1: %2%3")
                                      .arg(seconds(s.elapsedMs), health,
                                           s.note.isEmpty() ? QString()
                                                            : QStringLiteral(" (%1)").arg(s.note)));
                return;
            }
            printTo(progress, QStringLiteral("      sample %1: %2, error rate %3 %, p95 %4 ms")
                                  .arg(seconds(s.elapsedMs), health)
                                  .arg(s.errorRatePercent, 0, 'f', 2)
                                  .arg(s.p95Ms, 0, 'f', 1));
        });
    QObject::connect(&engine, &PromotionEngine::commandOutput, &engine,
                     [&](const QString &source, const QByteArray &chunk, OutputChannel) {
                         if (source.startsWith(QLatin1String("smoke")))
                             return; // pytest -v is long; its verdict is printed with the step
                         const QString text = QString::fromUtf8(chunk).trimmed();
                         for (const QString &line :
                              text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                             printTo(progress, QStringLiteral("      | %1").arg(line));
                     });
    QObject::connect(&engine, &PromotionEngine::message, &engine, [&](const QString &text) {
        if (text.startsWith(QLatin1String("warning")) ||
            text.startsWith(QLatin1String("resuming")) || text.startsWith(QLatin1String("error")) ||
            text.startsWith(QLatin1String("rolling")) ||
            text.startsWith(QLatin1String("waiting")) || text.startsWith(QLatin1String("GitHub")) ||
            text.startsWith(QLatin1String("finishing")) ||
            text.startsWith(QLatin1String("a rollback")) ||
            text.contains(QLatin1String(" GitHub action(s) pending: ")))
            printTo(progress, QStringLiteral("      %1").arg(text));
    });

    int exitCode = ExitBlocked;
    QObject::connect(&engine, &PromotionEngine::runFinished, &engine, [&](int code) {
        exitCode = code;
        QCoreApplication::exit(0);
    });

    // SIGINT, SIGTERM and SIGHUP cancel: the tools stop, the journal keeps the run
    // resumable, and the exit code says which signal (130, 143, 129). A second one
    // ends the process at once; a rollback in flight is finished first.
    UnixSignalBridge signalBridge;
    int stopSignal = 0;
    QObject::connect(&signalBridge, &UnixSignalBridge::signalReceived, &engine, [&](int signo) {
        if (stopSignal != 0)
            return;
        stopSignal = signo;
        printTo(stderr, QStringLiteral("promotion-console: %1: stopping the tools; the run stays "
                                       "resumable (repeat to quit at once)")
                            .arg(QString::fromLocal8Bit(strsignal(signo))));
        engine.cancel();
    });

    QTimer::singleShot(0, &engine, [&engine] { engine.runAll(); });
    QCoreApplication::exec();

    if (stopSignal != 0 && !engine.state().isFinished()) {
        printTo(stderr,
                QStringLiteral("promotion-console: run %1 interrupted; continue with: "
                               "promote --workspace %2 --component %3 --to %4 --resume %1")
                    .arg(engine.state().runId, ws.root(), cl.component, engine.state().request.to));
        return UnixSignalBridge::exitCodeFor(stopSignal);
    }

    if (engine.state().awaitingApprovals && !engine.state().isFinished()) {
        // A person has not approved yet: exit 1, and a later --resume reads the issue again.
        const RunState &st = engine.state();
        printTo(progress, QStringLiteral("Waiting for approvals on %1").arg(st.github.issueUrl));
        for (const QString &b : st.blockers)
            printTo(progress, QStringLiteral("  - %1").arg(b));
        for (const RejectedApproval &r : st.github.rejected)
            printTo(progress, QStringLiteral("  - not counted: %1 by @%2 (%3): %4")
                                  .arg(r.role, r.login, r.path, r.reason));
        printTo(progress, QStringLiteral("Outcome: awaiting_approvals (exit 1): approve on %1 "
                                         "(tick the box or comment \"/approve ROLE\"), then "
                                         "continue with: promote --workspace %2 --component %3 "
                                         "--to %4 --resume %5")
                              .arg(st.github.issueUrl, ws.root(), st.request.component,
                                   st.request.to, st.runId));
        return ExitBlocked;
    }

    {
        // What the run queued on GitHub (the rollback issue, say) is sent before the report is
        // written, so the report says what reached GitHub.
        bool flushed = false;
        engine.flushTracking(&engine, [&flushed] {
            flushed = true;
            QCoreApplication::exit(0);
        });
        if (!flushed)
            QCoreApplication::exec();
    }
    QString reportError;
    const QString reportPath = engine.finish(&reportError);
    {
        // The outcome comment and labels; what cannot be sent now stays in the journal.
        bool flushed = false;
        engine.flushTracking(&engine, [&flushed] {
            flushed = true;
            QCoreApplication::exit(0);
        });
        if (!flushed)
            QCoreApplication::exec();
    }
    exitCode = engine.state().exitCode;
    if (reportPath.isEmpty()) {
        // The deployment's outcome stands; only the report is missing, and a resume writes it.
        printTo(progress, QStringLiteral("Outcome: %1 (exit %2): %3")
                              .arg(runOutcomeName(engine.state().outcome))
                              .arg(exitCode)
                              .arg(engine.state().outcomeSummary));
        printErr(QStringLiteral("cannot write the report: %1. The run is kept: fix that, then "
                                "write the report with: promote --workspace %2 --component %3 "
                                "--to %4 --resume %5")
                     .arg(reportError, ws.root(), engine.state().request.component,
                          engine.state().request.to, engine.state().runId));
        return exitCode;
    }
    if (cl.json) {
        QFile report(reportPath);
        if (report.open(QIODevice::ReadOnly))
            std::fwrite(report.readAll().constData(), 1, size_t(report.size()), stdout);
        std::fflush(stdout);
    }
    const RunState &final = engine.state();
    if (!final.blockers.isEmpty() && exitCode != ExitPromoted) {
        printTo(progress, QStringLiteral("Blocked:"));
        for (const QString &b : final.blockers)
            printTo(progress, QStringLiteral("  - %1").arg(b));
    }
    for (const QString &w : final.warnings)
        printTo(progress, QStringLiteral("WARNING: %1").arg(w));
    if (final.github.isUsed()) {
        const GitHubTrackingState &g = final.github;
        QString pending;
        if (g.pendingActions > 0) {
            // The report counts what was pending when it was written; the outcome comment and
            // labels are queued after it (they name it), so they are told apart here.
            pending = QStringLiteral(" (%1 action(s) pending").arg(g.pendingActions);
            if (g.pendingAfterReport > 0)
                pending += QStringLiteral(", %1 of them queued after the report")
                               .arg(g.pendingAfterReport);
            pending += QStringLiteral(": %1)").arg(g.lastError);
        }
        printTo(
            progress,
            QStringLiteral("GitHub: %1%2")
                .arg(g.issueUrl.isEmpty() ? QStringLiteral("no issue yet") : g.issueUrl, pending));
    }
    printTo(progress, QStringLiteral("Outcome: %1 (exit %2): %3\nReport: %4")
                          .arg(runOutcomeName(final.outcome))
                          .arg(exitCode)
                          .arg(final.outcomeSummary, reportPath));
    return exitCode;
}

namespace {

QString percent(const std::optional<double> &rate)
{
    return rate ? QString::number(*rate * 100, 'f', 1) + QStringLiteral(" %") : QStringLiteral("—");
}

QString minutes(const std::optional<qint64> &ms)
{
    return ms ? QString::number(double(*ms) / 60000.0, 'f', 1) + QStringLiteral(" min")
              : QStringLiteral("—");
}

int printStats(const CommandLine &cl, const QList<ReportSummary> &reports)
{
    const QList<PromotionStats> stats =
        PromotionStats::compute(reports, QDate::fromString(cl.since, Qt::ISODate),
                                QDate::fromString(cl.until, Qt::ISODate));
    if (cl.json) {
        QJsonArray components;
        for (qsizetype i = 1; i < stats.size(); ++i)
            components.append(stats.at(i).toJson());
        const QJsonObject o{{QStringLiteral("since"), cl.since},
                            {QStringLiteral("until"), cl.until},
                            {QStringLiteral("overall"), stats.first().toJson()},
                            {QStringLiteral("components"), components}};
        std::fputs(QJsonDocument(o).toJson(QJsonDocument::Indented).constData(), stdout);
        return ExitPromoted;
    }
    printTo(stdout, QStringLiteral("%1  %2  %3  %4  %5  %6")
                        .arg(QStringLiteral("component"), -22)
                        .arg(QStringLiteral("runs"), 5)
                        .arg(QStringLiteral("success"), 8)
                        .arg(QStringLiteral("rollback"), 8)
                        .arg(QStringLiteral("median"), 10)
                        .arg(QStringLiteral("p90"), 10));
    for (const PromotionStats &s : stats)
        printTo(stdout, QStringLiteral("%1  %2  %3  %4  %5  %6")
                            .arg(s.component.isEmpty() ? QStringLiteral("(all)") : s.component, -22)
                            .arg(s.runs, 5)
                            .arg(percent(s.successRate), 8)
                            .arg(percent(s.rollbackRate), 8)
                            .arg(minutes(s.medianMs), 10)
                            .arg(minutes(s.p90Ms), 10));
    return ExitPromoted;
}

int printBacktest(const CommandLine &cl, const QList<ReportSummary> &reports)
{
    const PolicyLoadResult loaded = PolicyLoader::loadFromFile(cl.backtest);
    if (!loaded.ok()) {
        printErr(loaded.errorString());
        return ExitUsage;
    }
    const QList<PolicyBacktest::Rule> rules = PolicyBacktest::rulesFromPolicy(*loaded.policy);
    const PolicyBacktest::Result result = PolicyBacktest::run(reports, rules, cl.last, cl.component);
    if (cl.json) {
        QJsonArray blocked;
        for (const PolicyBacktest::Hit &h : result.blocked)
            blocked.append(QJsonObject{{QStringLiteral("path"), h.report.path},
                                       {QStringLiteral("run_id"), h.report.runId},
                                       {QStringLiteral("component"), h.report.component},
                                       {QStringLiteral("to_stage"), h.report.toStage},
                                       {QStringLiteral("reason"), h.reason}});
        const QJsonObject o{{QStringLiteral("policy"), cl.backtest},
                            {QStringLiteral("considered"), result.considered},
                            {QStringLiteral("blocked_count"), int(result.blocked.size())},
                            {QStringLiteral("headline"), result.headline()},
                            {QStringLiteral("blocked"), blocked}};
        std::fputs(QJsonDocument(o).toJson(QJsonDocument::Indented).constData(), stdout);
        return ExitPromoted;
    }
    printTo(stdout, QStringLiteral("%1 past promotions would have been blocked by %2")
                        .arg(result.headline(), cl.backtest));
    for (const PolicyBacktest::Hit &h : result.blocked)
        printTo(stdout, QStringLiteral("  %1  %2 → %3  %4  (%5)")
                            .arg(h.report.date, h.report.component, h.report.toStage, h.reason,
                                 QFileInfo(h.report.path).fileName()));
    return ExitPromoted;
}

int runHistoryExport(const CommandLine &cl)
{
    const std::optional<ReportExporter::Format> format =
        ReportExporter::formatFromName(cl.exportFormat);
    QString error;
    bool ok = false;
    if (cl.reports.size() == 2) {
        ok = ReportExporter::exportComparison(cl.reports.at(0), cl.reports.at(1), *format, cl.out,
                                              &error);
    } else {
        // The coverage chart: the component's reports of this workspace.
        QList<ReportSummary> history;
        const QString component = ReportReader::read(cl.reports.first()).component;
        const Workspace ws(cl.workspace);
        for (const ReportSummary &s : ReportStore(ws.reportsDir()).list(component))
            history.append(s);
        ok = ReportExporter::exportReport(cl.reports.first(), *format, cl.out, history, &error);
    }
    if (!ok) {
        printErr(error);
        return ExitUsage;
    }
    printTo(stdout, QStringLiteral("Exported %1").arg(cl.out));
    return ExitPromoted;
}

} // namespace

int runHistoryCommand(const CommandLine &cl)
{
    const Workspace ws(cl.workspace);
    if (!checkWorkspace(ws))
        return ExitUsage;
    if (!cl.exportFormat.isEmpty())
        return runHistoryExport(cl);
    const QList<ReportSummary> reports = ReportStore(ws.reportsDir()).list(cl.component);
    if (cl.stats)
        return printStats(cl, reports);
    if (!cl.backtest.isEmpty())
        return printBacktest(cl, reports);
    if (cl.json) {
        QJsonArray all;
        for (const ReportSummary &r : reports)
            all.append(r.toJson());
        std::fputs(QJsonDocument(all).toJson(QJsonDocument::Indented).constData(), stdout);
        return ExitPromoted;
    }
    if (reports.isEmpty()) {
        printTo(stdout, QStringLiteral("No promotion reports in %1").arg(ws.reportsDir()));
        return ExitPromoted;
    }
    printTo(stdout, QStringLiteral("%1  %2  %3  %4  %5")
                        .arg(QStringLiteral("date"), -10)
                        .arg(QStringLiteral("component"), -22)
                        .arg(QStringLiteral("transition"), -24)
                        .arg(QStringLiteral("coverage"), -8)
                        .arg(QStringLiteral("outcome")));
    for (const ReportSummary &r : reports) {
        if (!r.problem.isEmpty()) {
            printTo(stdout, QStringLiteral("(unreadable) %1").arg(r.problem));
            continue;
        }
        printTo(stdout,
                QStringLiteral("%1  %2  %3  %4  %5%6")
                    .arg(r.date, -10)
                    .arg(r.component, -22)
                    .arg((r.fromStage.isEmpty() ? QStringLiteral("?") : r.fromStage) +
                             QStringLiteral(" → ") + r.toStage,
                         -24)
                    .arg(r.coverage ? QString::number(*r.coverage, 'f', 1) + QStringLiteral(" %")
                                    : QStringLiteral("—"),
                         -8)
                    .arg(runOutcomeName(r.outcome),
                         r.dryRun ? QStringLiteral(" (dry run)") : QString()));
    }
    return ExitPromoted;
}

int runVerifyCommand(const CommandLine &cl)
{
    const Workspace ws(cl.workspace);
    if (!checkWorkspace(ws))
        return ExitUsage;
    const PolicyLoadResult loaded = PolicyLoader::loadForWorkspace(ws.root());
    if (!loaded.ok()) {
        printErr(loaded.errorString());
        return ExitUsage;
    }
    const Policy &policy = *loaded.policy;
    printTo(stdout, QStringLiteral("Policy: %1")
                        .arg(policy.sourceFile.isEmpty() ? QStringLiteral("built-in default")
                                                         : policy.sourceFile));
    bool problems = false;
    const QList<ComponentInfo> components = ws.components();
    if (components.isEmpty()) {
        printTo(stdout, QStringLiteral("No components: expected src/<component>/__init__.py"));
        problems = true;
    }
    for (const ComponentInfo &c : components) {
        QStringList notes;
        if (!c.problem.isEmpty())
            notes.append(c.problem);
        if (!c.hasTests)
            notes.append(QStringLiteral("no tests/%1/").arg(c.name));
        if (!c.hasSpec)
            notes.append(QStringLiteral("no specs/%1.md").arg(c.name));
        if (!c.stage.isEmpty() && policy.stageIndex(c.stage) < 0)
            notes.append(QStringLiteral("stage '%1' is not in the policy").arg(c.stage));
        problems = problems || !notes.isEmpty();
        printTo(stdout,
                QStringLiteral("Component %1: %2 %3%4")
                    .arg(c.name, c.stage.isEmpty() ? QStringLiteral("?") : c.stage, c.version,
                         notes.isEmpty()
                             ? QString()
                             : QStringLiteral(" — ") + notes.join(QStringLiteral("; "))));
    }
    // Tools the gates and deploy commands need, resolved the way the run will resolve them.
    const QProcessEnvironment env =
        PromotionEngine::policyEnvironment(policy, {{QStringLiteral("workspace"), ws.root()}});
    QMap<QString, QString> tools; // program -> policy key
    for (const GateDefinition &g : policy.gates) {
        if (!g.command.isEmpty())
            tools.insert(g.command.first(), g.policyKey.isEmpty()
                                                ? QStringLiteral("gates.%1.command").arg(g.id)
                                                : g.policyKey);
    }
    for (const auto &[argv, key] :
         {std::pair{policy.deploy.apply, QStringLiteral("deploy.apply")},
          std::pair{policy.deploy.rollback, QStringLiteral("deploy.rollback")},
          std::pair{policy.validation.smoke, QStringLiteral("validation.smoke")}}) {
        if (!argv.isEmpty())
            tools.insert(argv.first(), key);
    }
    for (auto it = tools.cbegin(); it != tools.cend(); ++it) {
        const ToolLocator::Result found = ToolLocator::locate(it.key(), env, ws.root(), it.value());
        printTo(
            stdout,
            QStringLiteral("Tool %1: %2").arg(it.key(), found.found() ? found.path : found.error));
    }
    // The reports' hash chain: the first report edited, removed, inserted or reordered.
    const ReportChain::Verdict chain = ReportChain::verify(ws.reportsDir());
    if (!chain.ok) {
        problems = true;
        printTo(stdout, QStringLiteral("Reports: hash chain BROKEN (%1): %2\n  report: %3")
                            .arg(ReportChain::problemName(chain.problem), chain.message,
                                 chain.firstBadPath));
    } else {
        printTo(stdout, QStringLiteral("Reports: hash chain intact (%1 chained, %2 unchained)")
                            .arg(chain.checked)
                            .arg(chain.unchained.size()));
    }
    for (const QString &path : chain.unchained)
        printTo(stdout, QStringLiteral("  unchained (written before the chain existed): %1")
                            .arg(QFileInfo(path).fileName()));
    return problems ? ExitBlocked : ExitPromoted;
}

int runFollowUpCommand(const CommandLine &cl)
{
    const Workspace ws(cl.workspace);
    if (!checkWorkspace(ws))
        return ExitUsage;
    const PolicyLoadResult loaded = PolicyLoader::loadForWorkspace(ws.root());
    if (!loaded.ok()) {
        printErr(loaded.errorString());
        return ExitUsage;
    }
    const QList<FollowUpCandidate> due =
        FollowUpCheck::candidates(ws, QDateTime::currentDateTimeUtc(), cl.now);
    if (due.isEmpty()) {
        printTo(stdout,
                cl.now ? QStringLiteral("No promotions to follow up in %1").arg(ws.reportsDir())
                       : QStringLiteral("No follow-up is due (use --now to check the "
                                        "newest promotions anyway)"));
        return ExitPromoted;
    }
    FollowUpCheck check;
    FollowUpIssue issue;
    QObject::connect(&check, &FollowUpCheck::progress, &check,
                     [](const QString &line) { printTo(stdout, line); });
    int failures = 0;
    qsizetype next = 0;
    std::function<void()> startNext = [&] {
        if (next >= due.size()) {
            QCoreApplication::exit(0);
            return;
        }
        check.start(ws, *loaded.policy, due.at(next++), cl.now);
    };
    QObject::connect(&check, &FollowUpCheck::finished, &check, [&](const FollowUpRecord &r) {
        if (!r.passed)
            ++failures;
        printTo(stdout,
                QStringLiteral("%1: %2 %3 — %4%5")
                    .arg(r.passed ? QStringLiteral("PASSED") : QStringLiteral("FAILED"),
                         r.component, r.stage, r.summary,
                         r.path.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.path)));
        if (!r.passed && issue.applies(*loaded.policy)) {
            // The seed's rollback issue, linked from the promotion's issue.
            const FollowUpCandidate &c = due.at(next - 1);
            issue.file(*loaded.policy, c.report, r);
            return; // startNext after the issue
        }
        QTimer::singleShot(0, &check, startNext);
    });
    QObject::connect(&issue, &FollowUpIssue::finished, &check,
                     [&](const QString &url, const QString &error) {
                         printTo(stdout, url.isEmpty()
                                             ? QStringLiteral("  rollback issue not filed: %1").arg(error)
                                             : QStringLiteral("  rollback issue: %1").arg(url));
                         QTimer::singleShot(0, &check, startNext);
                     });
    UnixSignalBridge signalBridge;
    int stopSignal = 0;
    QObject::connect(&signalBridge, &UnixSignalBridge::signalReceived, &check, [&](int signo) {
        stopSignal = signo;
        next = due.size();
        check.cancel();
    });
    QTimer::singleShot(0, &check, startNext);
    QCoreApplication::exec();
    if (stopSignal != 0)
        return UnixSignalBridge::exitCodeFor(stopSignal);
    return failures > 0 ? ExitDeployFailed : ExitPromoted;
}

} // namespace Promotion
