// SPDX-License-Identifier: GPL-3.0-or-later
#include "validationstep.h"

#include "health/healthmonitor.h"
#include "workflow/runcontext.h"

namespace Promotion {

ValidationStep::ValidationStep(RunContext &context, HealthMonitor *health, QObject *parent)
    : PromotionStep(StepId::PostValidation, context, parent)
    , m_health(health)
{
}

void ValidationStep::cancel()
{
    m_cancelled = true;
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
    if (v.metricsUrl.isEmpty() && v.healthUrl.isEmpty()) {
        finish(StepStatus::Passed, QStringLiteral("no endpoints configured"));
        return;
    }
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
        if (w.cancelled || m_cancelled) {
            cancelled();
            return;
        }
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
        finish(StepStatus::Passed,
               val.latencyEvaluated
                   ? QStringLiteral("smoke tests, health checks and %1 s window passed")
                         .arg(ctx().policy().validation.windowSeconds)
                   : QStringLiteral("smoke tests, health checks and %1 s window passed; WARNING: "
                                    "latency not evaluated (no baseline before the deploy)")
                         .arg(ctx().policy().validation.windowSeconds));
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

} // namespace Promotion
