// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatesstep.h"

#include "gates/gatescheduler.h"
#include "policy/qualitygateskip.h"
#include "workflow/runcontext.h"

namespace Promotion {

GatesStep::GatesStep(RunContext &context, QObject *parent)
    : PromotionStep(StepId::QualityGates, context, parent)
    , m_scheduler(new GateScheduler(this))
{
    connect(m_scheduler, &GateScheduler::gateStarted, this, [this](const QString &id) {
        if (GateResult *g = state().gate(id)) {
            g->status = GateStatus::Running;
            g->startedAt = QDateTime::currentDateTimeUtc();
        }
        ctx().persist();
        Q_EMIT gateStarted(id);
        Q_EMIT ctx().stateChanged();
    });
    connect(m_scheduler, &GateScheduler::gateOutput, this, &GatesStep::gateOutput);
    connect(m_scheduler, &GateScheduler::gateFinished, this, [this](const GateResult &result) {
        if (GateResult *g = state().gate(result.id))
            *g = result;
        else
            state().gates.append(result);
        if (!result.tool.isEmpty() && !result.toolVersion.isEmpty())
            state().toolVersions.insert(result.tool, result.toolVersion);
        ctx().persist();
        Q_EMIT ctx().message(QStringLiteral("gate %1: %2 %3 (%4 ms)")
                                 .arg(result.id, gateStatusName(result.status), result.measuredText)
                                 .arg(result.durationMs));
        Q_EMIT gateFinished(result.id);
        Q_EMIT ctx().stateChanged();
    });
    connect(m_scheduler, &GateScheduler::toolVersionKnown, this,
            [this](const QString &program, const QString &version) {
                for (GateResult &g : state().gates) {
                    if (g.tool == program && g.toolVersion.isEmpty())
                        g.toolVersion = version;
                }
                state().toolVersions.insert(program, version);
            });
    connect(m_scheduler, &GateScheduler::finished, this, [this](bool) { evaluate(); });
}

void GatesStep::cancel()
{
    m_scheduler->cancel();
}

bool GatesStep::requestSkip(const QString &reason, const QString &identity, const QString &approver,
                            QString *error)
{
    RunState &s = state();
    const Policy &policy = ctx().policy();
    const QString problem = QualityGateSkip::problem(policy, s.request.to, reason, approver,
                                                     s.promoter.isEmpty() ? identity : s.promoter);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    s.request.skipQualityGates = true;
    s.request.skipReason = reason.simplified();
    if (!policy.skipApprovalRole.isEmpty())
        s.request.approvals.insert(policy.skipApprovalRole, approver.trimmed());
    if (s.promoter.isEmpty())
        s.promoter = identity;
    return true;
}

void GatesStep::run()
{
    const TransitionDefinition *t = ctx().transition();
    const Policy &policy = ctx().policy();
    const PromotionRequest &request = ctx().request();
    if (!t) {
        finish(StepStatus::Failed, QStringLiteral("the policy defines no such transition"));
        return;
    }
    if (request.skipQualityGates) {
        for (const QString &id : t->gates) {
            GateResult *g = state().gate(id);
            if (!g) {
                state().gates.append(GateResult{});
                g = &state().gates.last();
                g->id = id;
                g->title = policy.gates.value(id).title;
            }
            g->status = GateStatus::Skipped;
            g->message = QStringLiteral("skipped: ") + request.skipReason;
        }
        state().overrides.append(OverrideRecord{QStringLiteral("quality_gates"), request.skipReason,
                                                state().promoter, QDateTime::currentDateTimeUtc(),
                                                request.approvals.value(policy.skipApprovalRole)});
        finish(StepStatus::Skipped,
               QStringLiteral("QUALITY GATES SKIPPED: %1").arg(request.skipReason));
        return;
    }
    // A derived gate that did not pass needs its source's artifact made again.
    QSet<QString> rerunSources;
    for (const QString &id : t->gates) {
        const GateDefinition def = policy.gates.value(id);
        const GateResult *g = state().gate(id);
        if (def.kind == GateDefinition::Kind::Derived && !def.after.isEmpty() &&
            (!g || g->status != GateStatus::Passed))
            rerunSources.insert(def.after);
    }
    QList<GateDefinition> defs;
    QList<GateResult> keep;
    for (const QString &id : t->gates) {
        defs.append(policy.gates.value(id));
        const GateResult *existing = state().gate(id);
        const GateDefinition def = policy.gates.value(id);
        if (existing && existing->status == GateStatus::Passed &&
            def.kind != GateDefinition::Kind::Metric &&
            def.kind != GateDefinition::Kind::Attestation && !rerunSources.contains(id))
            keep.append(*existing);
        if (!existing) {
            GateResult g;
            g.id = id;
            g.title = def.title;
            state().gates.append(g);
        }
    }
    for (const GateResult &g : std::as_const(state().gates)) {
        if (g.attestation)
            keep.append(g); // attestations given in the wizard stand
    }
    GateContext gc;
    gc.workspace = ctx().workspace().root();
    gc.component = request.component;
    gc.artifactsDir = ctx().artifactsDir();
    gc.variables = ctx().variables();
    gc.environment = ctx().environment();
    gc.pythonRunner = policy.pythonRunner;
    gc.maxParallel = policy.maxParallelGates;
    gc.attestations = request.attestations;
    // Metric sources (HTTP, Prometheus) retry transient failures with TTA's testing settings.
    gc.retry = policy.retry.forStage(QStringLiteral("testing"));
    gc.transient = policy.retry.transient;
    if (const StageDefinition *stage = policy.stage(request.to))
        gc.stageCoverageMin = stage->coverageMin;
    ctx().persist();
    m_scheduler->start(defs, gc, keep);
}

void GatesStep::evaluate()
{
    if (!isRunning())
        return;
    QStringList problems;
    int passed = 0;
    bool cancelled = false;
    for (const GateResult &g : std::as_const(state().gates)) {
        if (g.id == QLatin1String("coverage") && g.measured)
            state().coverage = g.measured;
        if (g.succeeded()) {
            ++passed;
            continue;
        }
        if (g.status == GateStatus::Cancelled)
            cancelled = true;
        QString line = QStringLiteral("%1 (%2): %3").arg(g.title, g.id, gateStatusName(g.status));
        if (!g.measuredText.isEmpty())
            line += QStringLiteral(", measured %1").arg(g.measuredText);
        if (!g.thresholdText.isEmpty())
            line += QStringLiteral(", threshold %1").arg(g.thresholdText);
        if (!g.message.isEmpty() && g.status != GateStatus::Failed)
            line += QStringLiteral(" — %1").arg(g.message);
        problems.append(line);
    }
    if (cancelled) {
        finish(StepStatus::Pending, QStringLiteral("cancelled"));
        return;
    }
    state().blockers = problems;
    if (problems.isEmpty()) {
        finish(StepStatus::Passed,
               QStringLiteral("%1 of %2 gates passed").arg(passed).arg(state().gates.size()));
        return;
    }
    finish(StepOutcome{
        StepStatus::Failed, problems.join(QStringLiteral("; ")), RunOutcome::Blocked, false, {}});
}

} // namespace Promotion
