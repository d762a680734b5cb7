// SPDX-License-Identifier: GPL-3.0-or-later
// Realistic promotion reports for the history tests and the benchmark: a RunState filled the
// way a run fills it, turned into a report by PromotionReport::build and sealed into the hash
// chain like RunContext::writeReport does. A fixed seed gives the same reports every time.
#pragma once

#include "report/promotionreport.h"
#include "report/reportchain.h"
#include "workflow/runstate.h"

#include <QDir>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QTimeZone>
#include <QStringList>

namespace Promotion::Testing {

class ReportGenerator
{
public:
    explicit ReportGenerator(quint32 seed = 20240501)
        : m_rng(seed)
    {
    }

    QStringList components{QStringLiteral("agent_orchestration"),
                           QStringLiteral("player_experience"), QStringLiteral("billing"),
                           QStringLiteral("narrative_engine"), QStringLiteral("world_state"),
                           QStringLiteral("auth_gateway")};
    QStringList people{QStringLiteral("Ada Lovelace <ada@example.org>"),
                       QStringLiteral("Grace Hopper <grace@example.org>"),
                       QStringLiteral("Alan Turing <alan@example.org>"),
                       QStringLiteral("Katherine Johnson <kj@example.org>"),
                       QStringLiteral("Edsger Dijkstra <ewd@example.org>")};
    QDateTime start = QDateTime(QDate(2024, 1, 2), QTime(9, 0), QTimeZone::utc());

    /*! The state of run number \a i (runs are ~2 hours apart, in order). */
    RunState state(int i)
    {
        RunState s;
        const QString component = components.at(int(m_rng.bounded(components.size())));
        const bool toProduction = m_rng.bounded(3) == 0;
        s.request.component = component;
        s.request.from = toProduction ? QStringLiteral("staging") : QStringLiteral("development");
        s.request.to = toProduction ? QStringLiteral("production") : QStringLiteral("staging");
        s.request.dryRun = m_rng.bounded(8) == 0;
        s.currentStage = s.request.from;
        s.startedAt = start.addSecs(qint64(i) * 7200 + m_rng.bounded(600));
        const qint64 durationMs = 60000 + qint64(m_rng.bounded(40 * 60000));
        s.finishedAt = s.startedAt.addMSecs(durationMs);
        s.runId = QStringLiteral("%1-%2-%3-%4")
                      .arg(s.startedAt.toString(QStringLiteral("yyyyMMdd-HHmmss")), component,
                           s.request.to)
                      .arg(i, 5, 16, QLatin1Char('0'));
        s.promoter = people.at(int(m_rng.bounded(people.size())));
        s.version = QStringLiteral("1.%1.%2").arg(i / 50).arg(i % 50);
        const double threshold = toProduction ? 80 : 70;
        const double coverage = std::round((55 + m_rng.generateDouble() * 40) * 10) / 10;
        s.coverage = coverage;
        const auto gate = [&](const QString &id, const QString &title, const QString &tool,
                              std::optional<double> measured, std::optional<double> thr,
                              bool pass, const QString &text) {
            GateResult g;
            g.id = id;
            g.title = title;
            g.kind = QStringLiteral("command");
            g.tool = tool;
            g.format = tool;
            g.status = pass ? GateStatus::Passed : GateStatus::Failed;
            g.measured = measured;
            g.threshold = thr;
            g.measuredText = text;
            g.thresholdText = thr ? QStringLiteral("≥ %1").arg(*thr) : QString();
            g.argv = {tool, QStringLiteral("--component"), component};
            g.toolVersion = QStringLiteral("%1 %2.%3").arg(tool).arg(m_rng.bounded(3) + 1).arg(
                m_rng.bounded(10));
            g.outputSha256 = QString::number(m_rng.generate64(), 16).repeated(4);
            g.exitCode = pass ? 0 : 1;
            g.durationMs = 500 + m_rng.bounded(60000);
            g.startedAt = s.startedAt.addSecs(5);
            g.finishedAt = g.startedAt.addMSecs(g.durationMs);
            g.logFile = QStringLiteral("artifacts/%1.log").arg(id);
            g.details = QJsonObject{{QStringLiteral("lines_valid"), 4000},
                                    {QStringLiteral("lines_covered"), int(coverage * 40)}};
            s.gates.append(g);
            s.toolVersions.insert(tool, g.toolVersion);
        };
        const int tests = 40 + int(m_rng.bounded(400));
        const int failedTests = m_rng.bounded(10) == 0 ? 1 + int(m_rng.bounded(3)) : 0;
        gate(QStringLiteral("tests"), QStringLiteral("Unit tests"), QStringLiteral("pytest"),
             100.0 * (tests - failedTests) / tests, 100.0, failedTests == 0,
             QStringLiteral("%1 of %2 passed").arg(tests - failedTests).arg(tests));
        gate(QStringLiteral("coverage"), QStringLiteral("Coverage"), QStringLiteral("coverage"),
             coverage, threshold, coverage >= threshold, QStringLiteral("%1 %").arg(coverage));
        const int lint = m_rng.bounded(6) == 0 ? 1 + int(m_rng.bounded(5)) : 0;
        gate(QStringLiteral("lint"), QStringLiteral("Linting"), QStringLiteral("ruff"), lint, 0.0,
             lint == 0, QStringLiteral("%1 findings").arg(lint));
        gate(QStringLiteral("typecheck"), QStringLiteral("Type checking"),
             QStringLiteral("pyright"), 0.0, 0.0, true, QStringLiteral("0 errors"));
        gate(QStringLiteral("secrets"), QStringLiteral("Secret scan"),
             QStringLiteral("detect-secrets"), 0.0, 0.0, true, QStringLiteral("0 findings"));

        bool blocked = false;
        for (const GateResult &g : std::as_const(s.gates)) {
            if (!g.succeeded()) {
                blocked = true;
                s.blockers.append(QStringLiteral("%1: %2 (threshold %3)")
                                      .arg(g.title, g.measuredText, g.thresholdText));
            }
        }
        for (const char *text : {"Core functionality complete", "Unit tests comprehensive",
                                 "Integration tests written", "Documentation complete"}) {
            CriterionState c;
            c.id = QString::fromLatin1(text).toLower().replace(QLatin1Char(' '), QLatin1Char('_'));
            c.text = QString::fromLatin1(text);
            c.checked = true;
            c.automatic = m_rng.bounded(2) == 0;
            c.evidence = c.automatic ? QStringLiteral("tests gate: passed")
                                     : QStringLiteral("ticked by %1").arg(s.promoter);
            c.identity = s.promoter;
            c.when = s.startedAt.addSecs(600);
            s.criteria.append(c);
        }
        QStringList roles{QStringLiteral("tech_lead"), QStringLiteral("qa")};
        if (toProduction)
            roles.append(QStringLiteral("security"));
        for (const QString &role : std::as_const(roles)) {
            ApprovalState a;
            a.role = role;
            a.title = role;
            a.approved = !blocked;
            a.identity = a.approved ? people.at(int(m_rng.bounded(people.size()))) : QString();
            a.when = s.startedAt.addSecs(900);
            s.approvals.append(a);
        }
        if (!blocked) {
            s.issueUrl = QStringLiteral("https://github.com/example/tta/issues/%1").arg(100 + i);
            s.issueTitle = QStringLiteral("Promote %1 to %2").arg(component, s.request.to);
        }
        if (blocked) {
            s.outcome = RunOutcome::Blocked;
        } else if (s.request.dryRun) {
            s.outcome = RunOutcome::DryRunPassed;
        } else {
            s.deploymentSuccess = true;
            s.deployedVersion = s.version;
            const bool rollback = m_rng.bounded(12) == 0;
            for (int k = 0; k < 20; ++k) {
                HealthSampleRecord h;
                h.elapsedMs = k * 15000;
                h.healthy = true;
                h.httpStatus = 200;
                h.errorRatePercent =
                    rollback && k > 12 ? 1.5 + m_rng.generateDouble() : m_rng.generateDouble() * 0.4;
                h.p95Ms = 120 + m_rng.generateDouble() * 60;
                h.requests = 1000 + m_rng.bounded(500);
                s.validation.samples.append(h);
            }
            CheckItem smoke{QStringLiteral("smoke_tests"), QStringLiteral("Smoke tests pass"), true,
                            QStringLiteral("12 passed")};
            CheckItem health{QStringLiteral("health"), QStringLiteral("Health checks pass"), true,
                             QStringLiteral("HTTP 200")};
            s.validation.checks = {smoke, health};
            if (rollback) {
                s.validation.triggerKind = QStringLiteral("error_rate");
                s.validation.rolledBack = true;
                s.validation.rollbackReason = QStringLiteral("error rate 1.8 % > 1 %");
                s.outcome = RunOutcome::RolledBack;
            } else {
                s.outcome = RunOutcome::Promoted;
            }
            EffectRecord apply;
            apply.kind = QStringLiteral("command");
            apply.description = QStringLiteral("kubectl apply");
            apply.argv = {QStringLiteral("kubectl"), QStringLiteral("apply"), QStringLiteral("-f"),
                          QStringLiteral("k8s/%1/%2.yaml").arg(s.request.to, component)};
            apply.performed = true;
            apply.result = QStringLiteral("deployment.apps/%1 configured").arg(component);
            apply.durationMs = 2000;
            apply.when = s.startedAt.addSecs(1200);
            s.effects.append(apply);
        }
        s.exitCode = exitCodeFor(s.outcome);
        s.outcomeSummary = QStringLiteral("%1 %2 → %3: %4")
                               .arg(component, s.request.from, s.request.to,
                                    runOutcomeName(s.outcome));
        return s;
    }

    /*! Writes \a count reports into \a dir, chained; returns their paths in order. */
    QStringList write(const QString &dir, int count, bool chained = true)
    {
        QDir().mkpath(dir);
        QStringList paths;
        QString previous = ReportChain::headDigest(dir);
        for (int i = 0; i < count; ++i) {
            const RunState s = state(m_next++);
            QJsonObject report = PromotionReport::build(s);
            if (chained) {
                report.insert(QLatin1String(ReportChain::kPreviousKey), previous);
                report.insert(QLatin1String(ReportChain::kContentKey),
                              ReportChain::digest(report));
            }
            previous = ReportChain::digest(report);
            const QString path =
                dir + QLatin1Char('/') + PromotionReport::uniqueFileName(dir, s);
            QSaveFile f(path);
            if (!f.open(QIODevice::WriteOnly))
                return {};
            f.write(QJsonDocument(report).toJson(QJsonDocument::Indented));
            if (!f.commit())
                return {};
            paths.append(path);
        }
        return paths;
    }

private:
    QRandomGenerator m_rng;
    int m_next = 0;
};

} // namespace Promotion::Testing
