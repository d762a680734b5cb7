// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/metadatainput.h"
#include "health/healthmonitorconfig.h"
#include "health/healthresults.h"
#include "journal/runjournal.h"
#include "journal/runlock.h"
#include "policy/policy.h"
#include "process/processresult.h"
#include "process/processspec.h"
#include "workflow/runstate.h"
#include "workspace/workspace.h"

#include <functional>
#include <memory>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>

namespace Promotion {

class EffectExecutor;
class GateScheduler;
class HealthMonitor;

/*!
 * \brief The promotion workflow: six steps over one RunState, driven by the
 * wizard step by step or by the command line all at once.
 *
 * Every change of state is journaled before it is announced. Human input
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
    /*! Continue an interrupted run; \a runId empty: the newest unfinished run of \a component. */
    bool resume(const QString &workspace, const QString &component, const QString &runId,
                QString *error);

    const RunState &state() const { return m_state; }
    const Policy &policy() const { return m_policy; }
    const Workspace &workspace() const { return *m_workspace; }
    const TransitionDefinition *transition() const;
    bool isBusy() const { return m_busy; }
    QString runDir() const;
    QString artifactsDir() const;
    QString specPath() const;

    /*! Run one step (asynchronous); stepFinished() follows. */
    void runStep(StepId step);
    /*! Run every remaining step until one does not pass; runFinished() follows. */
    void runAll();
    /*! Stop what is running; the journal keeps the run resumable. */
    void cancel();

    // Human input. Each re-evaluates the step it belongs to.
    void setCriterionChecked(const QString &id, bool checked, const QString &identity);
    /*! False with \a error when the rules forbid it (e.g. self-approval). */
    bool approve(const QString &role, const QString &identity, QString *error);
    void revokeApproval(const QString &role);
    void attestGate(const QString &gateId, const QString &identity, const QString &note);
    void skipQualityGates(const QString &reason, const QString &identity);
    void setDryRun(bool dryRun);
    /*! Roll back now (Rollback button): runs the policy's rollback command and restores metadata.
     */
    void rollbackNow(const QString &reason);

    /*! The metadata and documentation changes step 5 would make, as a unified diff; nothing is
     * written. */
    QString previewMetadataDiff(QString *error = nullptr) const;

    /*! Write the report and release the lock. Returns the report path (empty on failure, see \a
     * error). */
    QString finish(QString *error);
    QString reportPath() const { return m_reportPath; }

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
    void message(const QString &text);
    void runFinished(int exitCode);

private:
    bool prepare(QString *error);
    void createEffects();
    void persist();
    void startStep(StepId step);
    void endStep(StepId step, StepStatus status, const QString &summary);
    void continueRunAll();

    void runValidate();
    void runGates();
    void runCriteria();
    void evaluateCriteria();
    void runTracking();
    void evaluateTracking();
    void runExecute();
    void runPostValidation();

    void executeNextCommand();
    void finishQueue(bool ok);
    void runCommandQueue(const QList<std::pair<QString, ProcessSpec>> &queue,
                         std::function<void(bool)> done);
    void performRollback(const QString &reason, std::function<void()> done);
    void finishGatesStep();
    void evaluateGatesStep();
    ProcessSpec commandSpec(const QStringList &argvTemplate, const QString &policyKey,
                            int timeoutSeconds, bool python, QString *error) const;
    QHash<QString, QString> variables() const;
    QProcessEnvironment environment() const;
    HealthMonitorConfig healthConfig() const;
    MetadataInput metadataInput() const;
    void setOutcome(const QString &outcome, int exitCode);
    void addEffect(const EffectRecord &record);

    PromotionRequest m_request;
    RunState m_state;
    Policy m_policy;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<RunJournal> m_journal;
    RunLock m_lock;
    EffectExecutor *m_effects = nullptr;
    GateScheduler *m_gates = nullptr;
    HealthMonitor *m_health = nullptr;
    bool m_busy = false;
    bool m_runAll = false;
    bool m_cancelled = false;
    bool m_rollingBack = false;
    QString m_reportPath;
    HealthBaseline m_baseline;
    QMap<QString, QByteArray> m_originalFiles; //!< metadata files before step 5, for rollback

    // Command queue (step 5 and 6)
    QList<std::pair<QString, ProcessSpec>> m_queue;
    std::function<void(bool)> m_queueDone;
    QString m_queueSource;
};

} // namespace Promotion
