// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotionengine.h"

#include "workflow/githubtracking.h"

#include "health/healthmonitor.h"
#include "tracking/gitidentity.h"
#include "workflow/rollbackcontroller.h"
#include "workflow/steps/criteriastep.h"
#include "workflow/steps/executestep.h"
#include "workflow/steps/gatesstep.h"
#include "workflow/steps/trackingstep.h"
#include "workflow/steps/validatestep.h"
#include "workflow/steps/validationstep.h"

#include <QPointer>
#include <QTimer>

namespace Promotion {

PromotionEngine::PromotionEngine(QObject *parent)
    : QObject(parent)
    , m_ctx(new RunContext(this))
    , m_health(new HealthMonitor(nullptr, this))
{
    m_gates = new GatesStep(*m_ctx, this);
    m_criteria = new CriteriaStep(*m_ctx, this);
    m_tracking = new TrackingStep(*m_ctx, this);
    m_execute = new ExecuteStep(*m_ctx, m_health, this);
    auto *validation = new ValidationStep(*m_ctx, m_health, this);
    m_steps = {
        new ValidateStep(*m_ctx, this), m_gates, m_criteria, m_tracking, m_execute, validation};
    m_rollback = new RollbackController(*m_ctx, this);
    for (PromotionStep *s : m_steps) {
        connect(s, &PromotionStep::finished, this,
                [this, s](const StepOutcome &outcome) { onStepFinished(s->id(), outcome); });
    }
    connect(m_gates, &GatesStep::gateStarted, this, &PromotionEngine::gateStarted);
    connect(m_gates, &GatesStep::gateFinished, this, &PromotionEngine::gateFinished);
    connect(m_gates, &GatesStep::gateOutput, this, &PromotionEngine::gateOutput);
    connect(validation, &ValidationStep::healthSample, this, &PromotionEngine::healthSample);
    connect(validation, &ValidationStep::deploymentLog, this, &PromotionEngine::deploymentLog);
    connect(m_ctx, &RunContext::stateChanged, this, &PromotionEngine::stateChanged);
    connect(m_ctx, &RunContext::message, this, &PromotionEngine::message);
    connect(m_ctx->github(), &GitHubTracking::changed, this, &PromotionEngine::stateChanged);
    connect(m_ctx->github(), &GitHubTracking::rateLimitCountdown, this,
            [this, waiting = false](int seconds, const QString &reason) mutable {
                // Once in the log a wait; the countdown itself is for the page.
                if (!waiting && seconds > 0)
                    Q_EMIT message(QStringLiteral("GitHub rate limit: retrying in %1 s (%2)")
                                       .arg(seconds)
                                       .arg(reason));
                waiting = seconds > 0;
                Q_EMIT gitHubRateLimitWait(seconds, reason);
            });
    connect(m_ctx, &RunContext::commandOutput, this, &PromotionEngine::commandOutput);
    connect(m_rollback, &RollbackController::finished, this,
            [this](RunOutcome outcome, const QString &summary) {
                const QString reason = state().execution.rollbackReason;
                endRun(outcome,
                       reason.isEmpty() ? summary : reason + QStringLiteral("; ") + summary);
            });
}

PromotionEngine::~PromotionEngine()
{
    if (m_busy && m_ctx->isOpen()) {
        // Closing mid-run: the journal keeps the run resumable (a rollback in flight
        // stays pending and a resume finishes it).
        m_ctx->persist();
    }
}

QString PromotionEngine::localIdentity(const QString &workspace)
{
    return GitIdentity::local(workspace).toString();
}

QProcessEnvironment PromotionEngine::policyEnvironment(const Policy &policy,
                                                       const QHash<QString, QString> &variables)
{
    return RunContext::policyEnvironment(policy, variables);
}

bool PromotionEngine::isRollingBack() const
{
    return m_rollback->isRunning();
}

bool PromotionEngine::begin(const PromotionRequest &request, QString *error)
{
    if (!m_ctx->startRun(request, localIdentity(request.workspace), error))
        return false;
    Q_EMIT stateChanged();
    return true;
}

bool PromotionEngine::resume(const QString &workspace, const QString &component,
                             const QString &runId, QString *error)
{
    if (!m_ctx->resumeRun(workspace, component, runId, error))
        return false;
    Q_EMIT message(QStringLiteral("resuming run %1 at step %2")
                       .arg(state().runId)
                       .arg(qMin(state().nextStepIndex() + 1, kStepCount)));
    Q_EMIT stateChanged();
    return true;
}

void PromotionEngine::startStep(StepId id)
{
    StepState &s = m_ctx->state().step(id);
    s.status = StepStatus::Running;
    if (!s.startedAt.isValid() || id != StepId::Criteria)
        s.startedAt = QDateTime::currentDateTimeUtc();
    s.finishedAt = {};
    s.summary.clear();
    m_busy = true;
    m_ctx->persist();
    Q_EMIT stepStarted(id);
    Q_EMIT stateChanged();
}

void PromotionEngine::runStep(StepId id)
{
    if (m_busy || !m_ctx->isOpen() || state().isFinished())
        return;
    m_cancelled = false;
    if (state().execution.rollbackPending) {
        // A rollback was in flight when the process stopped: finish it before anything else.
        m_busy = true;
        m_rollback->resume();
        return;
    }
    startStep(id);
    step(id)->start();
}

void PromotionEngine::onStepFinished(StepId id, const StepOutcome &outcome)
{
    RunState &rs = m_ctx->state();
    StepState &s = rs.step(id);
    s.status = outcome.status;
    s.finishedAt = QDateTime::currentDateTimeUtc();
    s.durationMs = s.startedAt.isValid() ? s.startedAt.msecsTo(s.finishedAt) : 0;
    s.summary = outcome.summary;
    m_busy = false;
    m_ctx->persist();
    Q_EMIT stepFinished(id, outcome.status);
    Q_EMIT stateChanged();

    if (!m_manualRollback.isEmpty()) {
        startRollback(std::exchange(m_manualRollback, QString()), RunOutcome::RolledBack);
        return;
    }
    if (outcome.rollback) {
        startRollback(outcome.rollbackReason,
                      id == StepId::Execute ? RunOutcome::Failed : RunOutcome::RolledBack);
        return;
    }
    if (outcome.runOutcome && *outcome.runOutcome != RunOutcome::Blocked) {
        endRun(*outcome.runOutcome, outcome.summary);
        return;
    }
    if (outcome.status == StepStatus::Pending) {
        stopRunAll(-1); // cancelled: resumable
        return;
    }
    if (m_runAll)
        QTimer::singleShot(0, this, &PromotionEngine::continueRunAll);
}

void PromotionEngine::startRollback(const QString &reason, RunOutcome outcome)
{
    // The seed's rollback issue, when something was deployed (queued in the journal first).
    if (outcome == RunOutcome::RolledBack || state().execution.clusterMayHaveChanged())
        m_ctx->github()->queueRollback(reason);
    m_busy = true;
    m_rollback->start(reason, outcome);
}

void PromotionEngine::endRun(RunOutcome outcome, const QString &summary)
{
    m_busy = false;
    m_ctx->setOutcome(outcome, summary);
    if (outcome == RunOutcome::RollbackFailed || outcome == RunOutcome::RolledBack ||
        outcome == RunOutcome::Failed) {
        StepState &last = m_ctx->state().step(state().deploymentSuccess ? StepId::PostValidation
                                                                        : StepId::Execute);
        if (last.status != StepStatus::Failed) {
            last.status = StepStatus::Failed;
            last.finishedAt = QDateTime::currentDateTimeUtc();
        }
        last.summary = summary;
    }
    m_ctx->persist();
    Q_EMIT message(QStringLiteral("%1: %2").arg(runOutcomeName(outcome), summary));
    Q_EMIT stateChanged();
    if (m_runAll || m_cancelled) {
        m_runAll = false;
        Q_EMIT runFinished(state().exitCode);
    } else {
        // The wizard: the step's page shows it; stepFinished told the views.
        Q_EMIT stepFinished(state().deploymentSuccess ? StepId::PostValidation : StepId::Execute,
                            StepStatus::Failed);
    }
}

void PromotionEngine::stopRunAll(int exitCode)
{
    if (!m_runAll && !m_cancelled)
        return;
    m_runAll = false;
    Q_EMIT runFinished(exitCode);
}

void PromotionEngine::runAll()
{
    m_runAll = true;
    m_cancelled = false;
    continueRunAll();
}

void PromotionEngine::continueRunAll()
{
    if (!m_runAll || m_busy)
        return;
    if (state().isFinished()) {
        stopRunAll(state().exitCode);
        return;
    }
    if (state().execution.rollbackPending) {
        runStep(StepId::Execute); // finishes the rollback first
        return;
    }
    for (int i = 0; i < kStepCount; ++i) {
        if (state().steps[size_t(i)].status == StepStatus::Failed) {
            if (StepId(i) == StepId::Tracking && state().awaitingApprovals) {
                // Approvals may still come on GitHub: exit 1, but the run stays resumable.
                m_ctx->persist();
                stopRunAll(exitCodeFor(RunOutcome::Blocked));
                return;
            }
            m_ctx->setOutcome(RunOutcome::Blocked, state().steps[size_t(i)].summary);
            m_ctx->persist();
            stopRunAll(state().exitCode);
            return;
        }
    }
    const int next = state().nextStepIndex();
    if (next >= kStepCount) {
        m_ctx->setOutcome(
            state().request.dryRun ? RunOutcome::DryRunPassed : RunOutcome::Promoted,
            state().request.dryRun
                ? QStringLiteral("dry run passed; nothing was changed")
                : QStringLiteral("%1 %2 promoted to %3")
                      .arg(state().request.component, state().deployedVersion, state().request.to));
        m_ctx->persist();
        stopRunAll(state().exitCode);
        return;
    }
    runStep(StepId(next));
}

void PromotionEngine::cancel()
{
    m_cancelled = true;
    if (m_rollback->isRunning()) {
        Q_EMIT message(
            QStringLiteral("a rollback is in progress; it finishes before the run stops"));
        return;
    }
    bool running = false;
    for (PromotionStep *s : m_steps) {
        if (s->isRunning()) {
            running = true;
            s->cancel();
        }
    }
    if (!running && m_runAll)
        stopRunAll(-1);
}

void PromotionEngine::setDryRun(bool dryRun)
{
    if (state().request.dryRun == dryRun || !m_ctx->isOpen())
        return;
    // Only before anything has an effect: steps 5 and 6 not started.
    if (state().step(StepId::Execute).status != StepStatus::Pending)
        return;
    m_ctx->setDryRun(dryRun);
    m_ctx->persist();
    Q_EMIT stateChanged();
}

void PromotionEngine::setCriterionChecked(const QString &id, bool checked, const QString &identity)
{
    if (m_busy || !m_criteria->setChecked(id, checked, identity))
        return;
    startStep(StepId::Criteria);
    m_criteria->startEvaluationOnly();
}

bool PromotionEngine::approve(const QString &role, const QString &identity, QString *error)
{
    if (m_busy) {
        if (error)
            *error = QStringLiteral("a step is running; approve when it has finished");
        return false;
    }
    if (!m_tracking->approve(role, identity, error))
        return false;
    startStep(StepId::Tracking);
    m_tracking->startEvaluationOnly();
    m_ctx->github()->flush([] {}); // the tick and its comment go to the issue now
    return true;
}

void PromotionEngine::revokeApproval(const QString &role)
{
    if (m_busy)
        return;
    m_tracking->revoke(role);
    startStep(StepId::Tracking);
    m_tracking->startEvaluationOnly();
    m_ctx->github()->flush([] {});
}

bool PromotionEngine::refreshApprovals()
{
    if (m_busy || !m_ctx->isOpen() || state().isFinished() || !m_ctx->github()->isEnabled() ||
        state().step(StepId::Tracking).status == StepStatus::Pending)
        return false;
    startStep(StepId::Tracking);
    m_tracking->startRefresh();
    return true;
}

GitHubTracking *PromotionEngine::github() const
{
    return m_ctx->github();
}

void PromotionEngine::setApprovalWait(int seconds)
{
    m_ctx->state().request.waitApprovalsSeconds = std::max(0, seconds);
}

void PromotionEngine::flushTracking(QObject *context, std::function<void()> done)
{
    QPointer<QObject> guard(context);
    m_ctx->github()->flush([guard, done] {
        if (guard)
            done();
    });
}

void PromotionEngine::attestGate(const QString &gateId, const QString &identity,
                                 const QString &note)
{
    GateResult *g = m_ctx->state().gate(gateId);
    if (!g || identity.trimmed().isEmpty())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    g->status = GateStatus::Passed;
    g->attestation = Attestation{identity, now, note};
    g->measuredText = QStringLiteral("attested by %1").arg(identity);
    g->finishedAt = now;
    m_ctx->persist();
    Q_EMIT gateFinished(gateId);
    if (state().step(StepId::QualityGates).status == StepStatus::Failed && !m_busy) {
        startStep(StepId::QualityGates);
        m_gates->startEvaluationOnly();
    }
    Q_EMIT stateChanged();
}

bool PromotionEngine::skipQualityGates(const QString &reason, const QString &identity,
                                       const QString &approver, QString *error)
{
    if (m_busy || !m_ctx->isOpen()) {
        if (error)
            *error = QStringLiteral("a step is still running");
        return false;
    }
    if (!m_gates->requestSkip(reason, identity, approver, error))
        return false;
    startStep(StepId::QualityGates);
    m_gates->start();
    return true;
}

void PromotionEngine::rollbackNow(const QString &reason)
{
    if (m_rollback->isRunning() || !m_ctx->isOpen() || state().isFinished())
        return;
    RunState &s = m_ctx->state();
    s.validation.triggerKind = QStringLiteral("manual");
    s.validation.triggerMessage = reason;
    s.overrides.append(OverrideRecord{QStringLiteral("rollback"), reason, s.promoter,
                                      QDateTime::currentDateTimeUtc(), QString()});
    m_ctx->persist();
    for (PromotionStep *st : m_steps) {
        if (st->isRunning()) {
            // The step stops first (its command ends); the rollback starts after.
            m_manualRollback = reason;
            st->cancel();
            return;
        }
    }
    startRollback(reason, RunOutcome::RolledBack);
}

bool PromotionEngine::canRetryDeploy() const
{
    if (m_busy || !m_ctx->isOpen())
        return false;
    const RunState &s = state();
    return s.outcome == RunOutcome::Failed && s.reportPath.isEmpty() && !s.deploymentSuccess &&
           s.step(StepId::Execute).status == StepStatus::Failed &&
           s.step(StepId::PostValidation).status == StepStatus::Pending &&
           !s.execution.rollbackPending && s.validation.rolledBack &&
           !s.validation.rollbackFailed &&
           s.warnings
               .filter(QStringLiteral("metadata not "
                                      "restored"))
               .isEmpty();
}

bool PromotionEngine::retryDeploy(const QString &identity, QString *error)
{
    if (!canRetryDeploy()) {
        if (error)
            *error = QStringLiteral("the deploy can be retried only after it failed and its "
                                    "rollback left nothing changed");
        return false;
    }
    RunState &s = m_ctx->state();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    s.overrides.append(OverrideRecord{QStringLiteral("deploy_retry"),
                                      QStringLiteral("deploy retried after: ") + s.outcomeSummary,
                                      identity, now, QString()});
    // What the failed attempt did stays in the journal and the report, under its own ids,
    // so that nothing below mistakes it for this attempt's.
    int round = 1;
    for (const JournalAction &a : std::as_const(s.execution.actions)) {
        if (a.id.startsWith(QLatin1String("retry")))
            round = std::max(round, a.id.mid(5).section(QLatin1Char('/'), 0, 0).toInt() + 1);
    }
    for (JournalAction &a : s.execution.actions) {
        if (!a.id.startsWith(QLatin1String("retry")))
            a.id = QStringLiteral("retry%1/%2").arg(round).arg(a.id);
    }
    s.execution.files.clear();
    s.execution.previousRevision = -1;
    s.execution.newRevision = -1;
    s.execution.rollbackPending = false;
    s.execution.rollbackReason.clear();
    s.validation.rolledBack = false;
    s.validation.rollbackFailed = false;
    s.validation.rollbackReason.clear();
    s.validation.rollbackDetail.clear();
    s.metadataDiff.clear();
    s.deployedVersion.clear();
    s.deploymentSuccess = false;
    s.outcome = RunOutcome::Running;
    s.exitCode = -1;
    s.outcomeSummary.clear();
    s.finishedAt = {};
    StepState &execute = s.step(StepId::Execute);
    execute.status = StepStatus::Pending;
    execute.summary.clear();
    execute.finishedAt = {};
    m_ctx->persist();
    Q_EMIT message(QStringLiteral("the deploy will run again (round %1)").arg(round + 1));
    Q_EMIT stateChanged();
    return true;
}

QString PromotionEngine::previewMetadataDiff(QString *error)
{
    return m_ctx->isOpen() ? m_execute->preview(error) : QString();
}

QString PromotionEngine::finish(QString *error)
{
    if (!m_ctx->isOpen())
        return {};
    RunState &s = m_ctx->state();
    if (!s.isFinished()) {
        if (s.nextStepIndex() >= kStepCount)
            m_ctx->setOutcome(s.request.dryRun ? RunOutcome::DryRunPassed : RunOutcome::Promoted,
                              s.request.dryRun
                                  ? QStringLiteral("dry run passed; nothing was changed")
                                  : QStringLiteral("promoted"));
        else
            m_ctx->setOutcome(RunOutcome::Blocked,
                              s.blockers.isEmpty()
                                  ? QStringLiteral("stopped at step %1").arg(s.nextStepIndex() + 1)
                                  : s.blockers.join(QStringLiteral("; ")));
    }
    const QString path = m_ctx->writeReport(error);
    if (!path.isEmpty())
        m_ctx->github()->queueOutcome(path); // sent by flushTracking(), or by the next run
    Q_EMIT stateChanged();
    return path;
}

} // namespace Promotion
