// SPDX-License-Identifier: GPL-3.0-or-later
#include "validationstep.h"

#include "health/deploymentlogwatcher.h"
#include "health/healthmonitor.h"
#include "health/podusage.h"
#include "workflow/runcontext.h"

#include <QRegularExpression>
#include <QTimer>
#include <tuple>

namespace Promotion {

ValidationStep::ValidationStep(RunContext &context, HealthMonitor *health, QObject *parent)
    : PromotionStep(StepId::PostValidation, context, parent)
    , m_health(health)
    , m_logs(new DeploymentLogWatcher(this))
{
    connect(m_logs, &DeploymentLogWatcher::output, this, &ValidationStep::deploymentLog);
}

void ValidationStep::cancel()
{
    m_cancelled = true;
    m_logs->stop();
    m_health->cancel();
    ctx().cancelCommand();
}

void ValidationStep::cancelled()
{
    ctx().persist();
    finish(StepOutcome{StepStatus::Pending, QStringLiteral("cancelled"), std::nullopt, false, {}});
}

void ValidationStep::addCheck(const QString &id, const QString &text, bool passed,
                              const QString &detail)
{
    for (CheckItem &c : state().validation.checks) {
        if (c.id == id) {
            c = CheckItem{id, text, passed, detail};
            return;
        }
    }
    state().validation.checks.append(CheckItem{id, text, passed, detail});
}

void ValidationStep::fail(const QString &kind, const QString &reason)
{
    ValidationState &v = state().validation;
    if (v.triggerKind.isEmpty())
        v.triggerKind = kind;
    if (v.triggerMessage.isEmpty())
        v.triggerMessage = reason;
    ctx().persist();
    finish(StepOutcome{StepStatus::Failed, reason, std::nullopt, true, reason});
}

void ValidationStep::run()
{
    m_cancelled = false;
    if (ctx().request().dryRun) {
        dryRun();
        return;
    }
    smoke();
}

void ValidationStep::dryRun()
{
    const ValidationPolicy &v = ctx().policy().validation;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!v.smoke.isEmpty()) {
        QString err;
        const ProcessSpec spec = ctx().commandSpec(v.smoke, QStringLiteral("validation.smoke"), 600,
                                                   v.smokePython, &err);
        EffectRecord r;
        r.kind = QStringLiteral("check");
        r.description = QStringLiteral("smoke tests");
        r.argv = spec.argv;
        r.result = QStringLiteral("would run after the deploy");
        r.when = now;
        ctx().addEffect(r);
    }
    EffectRecord w;
    w.kind = QStringLiteral("check");
    w.description =
        QStringLiteral("health checks and a %1 s verification window").arg(v.windowSeconds);
    w.argv = {v.healthUrl, v.statusUrl, v.metricsUrl};
    w.result = QStringLiteral("would poll every %1 s").arg(v.intervalSeconds);
    w.when = now;
    ctx().addEffect(w);
    for (const auto &[what, argv, key] :
         {std::tuple{QStringLiteral("deployment log (no errors in logs)"), v.logs,
                     QStringLiteral("validation.logs")},
          std::tuple{QStringLiteral("pod CPU and memory"), v.top,
                     QStringLiteral("validation.top")}}) {
        if (argv.isEmpty())
            continue;
        QString err;
        EffectRecord r;
        r.kind = QStringLiteral("check");
        r.description = what;
        r.argv = ctx().commandSpec(argv, key, 60, false, &err).argv;
        r.result = QStringLiteral("would read during the verification window");
        r.when = now;
        ctx().addEffect(r);
    }
    finish(StepStatus::Passed, QStringLiteral("dry run: validation would run after the deploy"));
}

void ValidationStep::smoke()
{
    const ValidationPolicy &v = ctx().policy().validation;
    if (v.smoke.isEmpty()) {
        endpoints();
        return;
    }
    QString err;
    const ProcessSpec spec =
        ctx().commandSpec(v.smoke, QStringLiteral("validation.smoke"), 600, v.smokePython, &err);
    if (!err.isEmpty()) {
        fail(QStringLiteral("smoke_tests"), err);
        return;
    }
    const bool started =
        ctx().runAction(ActionId::Smoke, QStringLiteral("smoke: tests"), spec,
                        [this](const EffectRecord &record, const ProcessResult &) {
                            if (m_cancelled) {
                                cancelled();
                                return;
                            }
                            addCheck(QStringLiteral("smoke_tests"),
                                     QStringLiteral("Smoke tests pass"), record.ok, record.result);
                            ctx().persist();
                            if (!record.ok) {
                                fail(QStringLiteral("smoke_tests"),
                                     QStringLiteral("smoke tests failed (%1)").arg(record.result));
                                return;
                            }
                            endpoints();
                        });
    if (!started)
        fail(QStringLiteral("smoke_tests"), ctx().lastPersistError());
}

void ValidationStep::endpoints()
{
    m_health->setConfig(ctx().healthConfig());
    if (ctx().policy().validation.healthUrl.isEmpty()) {
        window();
        return;
    }
    QObject *once = new QObject(this);
    connect(m_health, &HealthMonitor::endpointsChecked, once, [this, once](const EndpointCheck &e) {
        once->deleteLater();
        if (m_cancelled) {
            cancelled();
            return;
        }
        auto describe = [](const EndpointProbe &p) {
            return p.ok ? QStringLiteral("GET %1 → %2 in %3 ms")
                              .arg(p.url.toString())
                              .arg(p.httpStatus)
                              .arg(p.latencyMs)
                        : p.error;
        };
        addCheck(QStringLiteral("health"), QStringLiteral("Health checks pass"), e.health.ok,
                 describe(e.health));
        if (e.status.checked) {
            QString detail = describe(e.status);
            if (e.status.ok && !e.expectedStage.isEmpty())
                detail += QStringLiteral("; reports stage '%1'").arg(e.reportedStage);
            addCheck(QStringLiteral("status"),
                     QStringLiteral("Component status reports the new stage"),
                     e.status.ok && e.stageMatches, detail);
        }
        ctx().persist();
        Q_EMIT ctx().stateChanged();
        if (!e.passed) {
            fail(QStringLiteral("health_check"),
                 QStringLiteral("health check failed: ") + e.problems.join(QStringLiteral("; ")));
            return;
        }
        window();
    });
    m_health->checkEndpoints(ctx().request().to);
}

void ValidationStep::window()
{
    const ValidationPolicy &v = ctx().policy().validation;
    if (v.metricsUrl.isEmpty() && v.healthUrl.isEmpty() && v.prometheusUrl.isEmpty()) {
        finish(StepStatus::Passed, QStringLiteral("no endpoints configured"));
        return;
    }
    sampleTop(QStringLiteral("start"), [this] {
        if (m_cancelled) {
            cancelled();
            return;
        }
        const ValidationPolicy &v = ctx().policy().validation;
        if (!v.logs.isEmpty()) {
            QString err;
            const ProcessSpec spec =
                ctx().commandSpec(v.logs, QStringLiteral("validation.logs"), 0, false, &err);
            if (err.isEmpty()) {
                m_logs->start(spec, QRegularExpression(v.logErrorPattern));
            } else {
                state().validation.logChecked = true;
                state().validation.logProblem = err;
            }
        }
        startWindow();
    });
}

void ValidationStep::sampleTop(const QString &sample, std::function<void()> next)
{
    const ValidationPolicy &v = ctx().policy().validation;
    QString err;
    const ProcessSpec spec =
        v.top.isEmpty()
            ? ProcessSpec{}
            : ctx().commandSpec(v.top, QStringLiteral("validation.top"), 30, false, &err);
    if (v.top.isEmpty() || !err.isEmpty() || ctx().isCommandRunning()) {
        next();
        return;
    }
    const bool started =
        ctx().runQuery(QStringLiteral("validation: top pods"), spec,
                       [this, sample, next](const EffectRecord &, const ProcessResult &r) {
                           if (r.succeeded()) {
                               for (const PodUsage &p : PodUsage::parseTop(r.stdoutData))
                                   state().validation.pods.append(PodUsageRecord{
                                       sample, p.name, p.cpuMillicores, p.memoryMiB});
                               ctx().persist();
                               Q_EMIT ctx().stateChanged();
                           } else {
                               const QString warning =
                                   QStringLiteral("pod CPU and memory could not be sampled (%1)")
                                       .arg(r.errorString.isEmpty()
                                                ? QStringLiteral("exit code %1").arg(r.exitCode)
                                                : r.errorString);
                               if (!state().warnings.contains(warning))
                                   state().warnings.append(warning);
                           }
                           // Queued: the query's runner is still inside its finished() signal here.
                           QTimer::singleShot(0, this, next);
                       });
    if (!started)
        next();
}

QString ValidationStep::recordLogCheck()
{
    const ValidationPolicy &v = ctx().policy().validation;
    ValidationState &val = state().validation;
    if (v.logs.isEmpty())
        return {};
    const LogCheck lc = m_logs->result();
    if (lc.ran) {
        val.logChecked = true;
        val.logLines = lc.lines;
        val.logErrors = lc.errors;
        val.logFirstErrors = lc.firstErrors;
        if (val.logProblem.isEmpty())
            val.logProblem = lc.problem;
    }
    const bool passed =
        val.logChecked && val.logProblem.isEmpty() && val.logErrors <= v.logErrorsMax;
    QString detail;
    if (!val.logProblem.isEmpty())
        detail = QStringLiteral("the log could not be read: %1").arg(val.logProblem);
    else if (val.logErrors == 0)
        detail = QStringLiteral("%1 log lines, no errors").arg(val.logLines);
    else
        detail = QStringLiteral("%1 error line(s) in %2 log lines (at most %3 allowed); first: %4")
                     .arg(val.logErrors)
                     .arg(val.logLines)
                     .arg(v.logErrorsMax)
                     .arg(val.logFirstErrors.join(QStringLiteral(" | ")));
    addCheck(QStringLiteral("logs"), QStringLiteral("No errors in logs"), passed, detail);
    ctx().persist();
    return passed ? QString() : detail;
}

void ValidationStep::startWindow()
{
    QObject *once = new QObject(this);
    connect(m_health, &HealthMonitor::sampleTaken, once, [this](const HealthSample &s) {
        HealthSampleRecord r;
        r.elapsedMs = s.elapsedMs;
        r.healthy = s.healthy;
        r.httpStatus = s.httpStatus;
        r.errorRatePercent = s.errorRatePercent.value_or(0);
        r.p95Ms = s.p95Ms.value_or(0);
        r.requests = s.requests;
        r.note = s.healthy ? s.metricsError : s.healthError;
        state().validation.samples.append(r);
        ctx().persist();
        Q_EMIT healthSample(r);
        Q_EMIT ctx().stateChanged();
    });
    connect(m_health, &HealthMonitor::windowFinished, once, [this, once](const WindowResult &w) {
        once->deleteLater();
        windowDone(w);
    });
    if (state().validation.baselineAvailable) {
        HealthBaseline b;
        b.available = true;
        b.source = HealthBaseline::Source::Metrics;
        b.p95Ms = state().validation.baselineP95Ms;
        b.errorRatePercent = state().validation.baselineErrorRatePercent;
        m_health->startWindow(b);
    } else {
        HealthBaseline b;
        b.unavailableReason = state().validation.baselineNote;
        m_health->startWindow(b);
    }
}

void ValidationStep::windowDone(const WindowResult &w)
{
    // The log stream ends with the window; what it read is final once it stopped.
    auto afterLogs = [this, w] {
        if (w.cancelled || m_cancelled) {
            cancelled();
            return;
        }
        sampleTop(QStringLiteral("end"), [this, w] {
            if (m_cancelled) {
                cancelled();
                return;
            }
            evaluate(w);
        });
    };
    if (!m_logs->isRunning()) {
        afterLogs();
        return;
    }
    QObject *once = new QObject(this);
    connect(m_logs, &DeploymentLogWatcher::stopped, once, [once, afterLogs] {
        once->deleteLater();
        afterLogs();
    });
    m_logs->stop();
}

void ValidationStep::evaluate(const WindowResult &w)
{
    {
        const QString logProblem = recordLogCheck();
        ValidationState &val = state().validation;
        const QString title = QStringLiteral("Metrics within normal range");
        if (w.trigger) {
            val.triggerKind = RollbackTrigger::kindName(w.trigger->kind);
            val.triggerMeasured = w.trigger->measured;
            val.triggerThreshold = w.trigger->threshold;
            val.triggerMessage = w.trigger->message;
            addCheck(QStringLiteral("window"), title, false, w.trigger->message);
            fail(val.triggerKind, QStringLiteral("rollback trigger fired: ") + w.trigger->message);
            return;
        }
        if (!w.passed) {
            addCheck(QStringLiteral("window"), title, false, w.error);
            fail(QStringLiteral("monitoring"),
                 QStringLiteral("verification window failed: ") + w.error);
            return;
        }
        QString detail = QStringLiteral("%1 samples, no trigger fired").arg(w.samples.size());
        if (!val.latencyEvaluated)
            detail += QStringLiteral("; latency NOT evaluated (no baseline before the deploy)");
        addCheck(QStringLiteral("window"), title, true, detail);
        ctx().persist();
        if (!logProblem.isEmpty()) {
            fail(QStringLiteral("log_errors"),
                 QStringLiteral("No errors in logs failed: ") + logProblem);
            return;
        }
        finish(StepStatus::Passed,
               val.latencyEvaluated
                   ? QStringLiteral("smoke tests, health checks and %1 s window passed")
                         .arg(ctx().policy().validation.windowSeconds)
                   : QStringLiteral("smoke tests, health checks and %1 s window passed; WARNING: "
                                    "latency not evaluated (no baseline before the deploy)")
                         .arg(ctx().policy().validation.windowSeconds));
    }
}

} // namespace Promotion
