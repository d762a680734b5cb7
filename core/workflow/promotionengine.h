// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "health/healthresults.h"
#include "policy/policy.h"
#include "process/processresult.h"
#include "workflow/runcontext.h"
#include "workflow/runstate.h"
#include "workspace/workspace.h"

#include <array>
#include <functional>
#include <QObject>
#include <QProcessEnvironment>

namespace Promotion {

class CriteriaStep;
class GitHubTracking;
class ExecuteStep;
class GatesStep;
class HealthMonitor;
class PromotionStep;
class RollbackController;
class TrackingStep;
struct StepOutcome;

/*!
 * \brief The promotion workflow: a sequencer over six step classes and a
 * RollbackController, sharing one RunContext (and so one journaled RunState).
 *
 * The wizard drives it step by step, the command line all at once. Human input
 * (criteria ticks, approvals, attestations, skipping gates) goes through the
 * engine so the wizard never keeps a second copy.
 */
class PromotionEngine final : public QObject
{
    Q_OBJECT
public:
    explicit PromotionEngine(QObject *parent = nullptr);
    ~PromotionEngine() override;

    /*! Start a new run. False (usage/configuration error, \a error says why) leaves nothing behind.
     */
    bool begin(const PromotionRequest &request, QString *error);
    /*! Continue an interrupted run of \a workspace (never the path the journal names);
     *  \a runId empty: the newest unfinished run of \a component. */
    bool resume(const QString &workspace, const QString &component, const QString &runId,
                QString *error);

    const RunState &state() const { return m_ctx->state(); }
    const Policy &policy() const { return m_ctx->policy(); }
    const Workspace &workspace() const { return m_ctx->workspace(); }
    /*! Variables, environment and the commands the run will execute, for previews. */
    const RunContext &context() const { return *m_ctx; }
    const TransitionDefinition *transition() const { return m_ctx->transition(); }
    bool isBusy() const { return m_busy; }
    bool isRollingBack() const;
    QString runDir() const { return m_ctx->runDir(); }
    QString artifactsDir() const { return m_ctx->artifactsDir(); }
    QString specPath() const { return m_ctx->specPath(); }

    /*! Run one step (asynchronous); stepFinished() follows. */
    void runStep(StepId step);
    /*! Run every remaining step until one does not pass; runFinished() follows. */
    void runAll();
    /*! Stop what is running; runFinished() follows when it ran all. A rollback in
     *  flight is never cancelled: it finishes first. The journal keeps the run resumable. */
    void cancel();

    // Human input. Each re-evaluates the step it belongs to.
    void setCriterionChecked(const QString &id, bool checked, const QString &identity);
    /*! False with \a error when the rules forbid it (e.g. self-approval). */
    bool approve(const QString &role, const QString &identity, QString *error);
    void revokeApproval(const QString &role);
    /*! Read the GitHub issue's approvals again (a poll, or Refresh); false when it cannot now. */
    bool refreshApprovals();
    /*! Step 4 on GitHub: token, default repository, queue, issue. */
    GitHubTracking *github() const;
    /*! Headless: poll the issue this long for missing approvals (`--wait-approvals`). */
    void setApprovalWait(int seconds);
    /*! Send the pending GitHub actions (the outcome comment after finish()); \a done always runs
     *  (unless \a context is gone), pending actions stay journaled for the next run. */
    void flushTracking(QObject *context, std::function<void()> done);
    void attestGate(const QString &gateId, const QString &identity, const QString &note);
    /*!
     * Skip step 2. False with \a error when the policy forbids it for the target stage,
     * the reason is not a sentence, or \a approver (options.skip_approval_role) is missing
     * or is the promoter (QualityGateSkip).
     */
    bool skipQualityGates(const QString &reason, const QString &identity,
                          const QString &approver = {}, QString *error = nullptr);
    void setDryRun(bool dryRun);
    /*! Roll back now (Rollback button): stops what runs, then undoes what this run changed. */
    void rollbackNow(const QString &reason);

    /*!
     * True when step 5 failed and its rollback left nothing changed (the cluster serves
     * what it served before, the metadata is restored) and the report is not written yet:
     * the deploy can run again once its cause is fixed.
     */
    bool canRetryDeploy() const;
    /*!
     * Make step 5 runnable again after canRetryDeploy(): the failed attempt's journal
     * entries are kept under "retry<N>/" ids (and in the report), the outcome is open
     * again. False with \a error otherwise. runStep(StepId::Execute) then deploys.
     */
    bool retryDeploy(const QString &identity, QString *error);

    /*! The metadata and documentation changes step 5 would make, as a unified diff; nothing is
     * written. Promote later refuses if a file changes after this preview. */
    QString previewMetadataDiff(QString *error = nullptr);

    /*! Write the report and release the lock. Returns the report path (empty on failure, see \a
     * error; the run then stays resumable so that a resume writes it). */
    QString finish(QString *error);
    QString reportPath() const { return state().reportPath; }

    /*! The environment every command of \a policy runs with: the system's plus the policy's own. */
    static QProcessEnvironment policyEnvironment(const Policy &policy,
                                                 const QHash<QString, QString> &variables);
    /*! Identity of the person at the keyboard: git user.name/email, else the login name. */
    static QString localIdentity(const QString &workspace);

Q_SIGNALS:
    void stateChanged();
    void stepStarted(Promotion::StepId step);
    void stepFinished(Promotion::StepId step, Promotion::StepStatus status);
    void gateStarted(const QString &id);
    void gateFinished(const QString &id);
    void gateOutput(const QString &id, const QByteArray &chunk, Promotion::OutputChannel channel);
    /*! Output of deploy, smoke, rollback commands; \a source names the command. */
    void commandOutput(const QString &source, const QByteArray &chunk,
                       Promotion::OutputChannel channel);
    void healthSample(const Promotion::HealthSampleRecord &sample);
    /*! The deployment's log (policy validation.logs), streamed during step 6's window. */
    void deploymentLog(const QByteArray &chunk);
    void message(const QString &text);
    /*! GitHub's rate limit holds the tracking back: \a secondsLeft until the retry (every
     *  second, 0 when it is sent again). */
    void gitHubRateLimitWait(int secondsLeft, const QString &reason);
    /*! The run stopped: finished (exitCode as documented), or interrupted (-1, resumable). */
    void runFinished(int exitCode);

private:
    PromotionStep *step(StepId id) const { return m_steps[size_t(id)]; }
    bool prepareRun(QString *error);
    void startStep(StepId id);
    void onStepFinished(StepId id, const StepOutcome &outcome);
    void continueRunAll();
    void startRollback(const QString &reason, RunOutcome outcome);
    void endRun(RunOutcome outcome, const QString &summary);
    void stopRunAll(int exitCode);

    RunContext *m_ctx;
    HealthMonitor *m_health;
    std::array<PromotionStep *, kStepCount> m_steps{};
    GatesStep *m_gates = nullptr;
    CriteriaStep *m_criteria = nullptr;
    TrackingStep *m_tracking = nullptr;
    ExecuteStep *m_execute = nullptr;
    RollbackController *m_rollback = nullptr;
    bool m_busy = false;
    bool m_runAll = false;
    bool m_cancelled = false;
    QString m_manualRollback; //!< a person asked for a rollback while a step was running
};

} // namespace Promotion
