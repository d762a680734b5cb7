// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/metadatainput.h"
#include "effects/effectexecutor.h"
#include "health/healthmonitorconfig.h"
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
#include <QProcessEnvironment>
#include <QTimer>

namespace Promotion {

class GitHubTracking;

/*! \brief A command a run will execute, as it will run (placeholders expanded). */
struct PlannedCommand
{
    QString label;     //!< e.g. "deploy: apply"
    QString policyKey; //!< e.g. "deploy.apply"
    QStringList argv;
    QString error; //!< why it cannot be expanded
};

/*!
 * \brief What one run works with: request, policy, workspace, journal, lock,
 * and the effect boundary; builds every variable, environment and process
 * spec, for the engine's steps and for the wizard alike, so what a page shows
 * is what runs.
 *
 * Side effects go through runAction(): the intent is journaled before the
 * command starts and its result after it ends (write-ahead).
 */
class RunContext final : public QObject
{
    Q_OBJECT
public:
    explicit RunContext(QObject *parent = nullptr);
    ~RunContext() override;

    /*! Load workspace and policy, check \a request, take the component's lock. */
    bool open(const PromotionRequest &request, QString *error);
    bool isOpen() const { return m_workspace != nullptr; }
    /*! open() and a new run journaled under a new id, promoted by \a promoter unless the
     *  request names one. */
    bool startRun(const PromotionRequest &request, const QString &promoter, QString *error);
    /*! open() on an interrupted run of \a workspace (never the path its journal names); an
     *  empty \a runId takes the newest unfinished run of \a component. */
    bool resumeRun(const QString &workspace, const QString &component, const QString &runId,
                   QString *error);
    /*! Write the finished run's report (once); empty with \a error on failure, when the run
     *  stays resumable so that a resume writes it. Releases the lock. */
    QString writeReport(QString *error);
    void releaseLock() { m_lock.release(); }

    RunState &state() { return m_state; }
    const RunState &state() const { return m_state; }
    const PromotionRequest &request() const { return m_state.request; }
    const Policy &policy() const { return m_policy; }
    const Workspace &workspace() const { return *m_workspace; }
    RunJournal *journal() const { return m_journal.get(); }

    const TransitionDefinition *transition() const;
    QString fromStage() const;
    QString runDir() const;
    QString artifactsDir() const;
    QString specPath() const;

    QHash<QString, QString> variables() const;
    QProcessEnvironment environment() const;
    /*! The environment every command of \a policy runs with: the system's plus the policy's. */
    static QProcessEnvironment policyEnvironment(const Policy &policy,
                                                 const QHash<QString, QString> &variables);
    ProcessSpec commandSpec(const QStringList &argvTemplate, const QString &policyKey,
                            int timeoutSeconds, bool python, QString *error) const;
    /*! Expand \a text (a URL, a label) with the run's variables; \a text itself on error. */
    QString expand(const QString &text) const;
    HealthMonitorConfig healthConfig() const;
    MetadataInput metadataInput() const;
    /*! Every command steps 5 and 6 and a rollback would run, expanded. */
    QList<PlannedCommand> plannedCommands() const;

    /*! Write the journal. False (and message()) when it cannot be written. */
    bool persist();
    QString lastPersistError() const { return m_persistError; }

    EffectExecutor *effects() const { return m_effects; }
    /*! Step 4 on GitHub (issue, board, approvals, rollback issue) for this run. */
    GitHubTracking *github() const { return m_github; }
    void setDryRun(bool dryRun);
    void addEffect(const EffectRecord &record);

    using ActionDone = std::function<void(const EffectRecord &, const ProcessResult &)>;
    /*!
     * Journal \a actionId as intent, run \a spec through the effect boundary,
     * journal the result, then call \a done. False (nothing run) when the intent
     * cannot be journaled or a command is still running.
     */
    bool runAction(const QString &actionId, const QString &description, const ProcessSpec &spec,
                   ActionDone done);
    /*!
     * runAction() with retries: a transient failure (policy retry.transient) runs again
     * after an exponential backoff with jitter (retry.stages.<target stage>). Each attempt is
     * journaled before it starts and recorded with its delay and reason; the live output says
     * so. cancelCommand() ends a backoff wait at once. \a done gets the last attempt.
     */
    bool runRetriedAction(const QString &actionId, const QString &description,
                          const ProcessSpec &spec, ActionDone done);
    /*! The retry settings of this run's target stage. */
    RetrySettings retrySettings() const { return m_policy.retry.forStage(m_state.request.to); }
    /*! True while a retried command waits for its next attempt. */
    bool isWaitingToRetry() const { return m_backoff.isActive(); }
    /*! A read-only query (not an effect; skipped in a dry run by its callers). */
    bool runQuery(const QString &description, const ProcessSpec &spec, ActionDone done);
    bool isCommandRunning() const;
    void cancelCommand();
    QString currentSource() const { return m_source; }

    void setOutcome(RunOutcome outcome, const QString &summary);

Q_SIGNALS:
    void stateChanged();
    void message(const QString &text);
    void commandOutput(const QString &source, const QByteArray &chunk,
                       Promotion::OutputChannel channel);
    /*! The running command ended and its callback returned. */
    void commandIdle();

private:
    void createEffects();
    GitHubTracking *m_github = nullptr;
    bool startAction(const QString &actionId, const QString &description, const ProcessSpec &spec,
                     ActionDone done, const RetrySettings &retry);
    bool startAttempt(qint64 delayMs);
    void onCommandFinished(const EffectRecord &record, const ProcessResult &result);
    void endAction(const EffectRecord &record, const ProcessResult &result);
    /*! The spec and every path setting of \a policy stay inside the workspace (or artifacts). */
    static bool confinedPaths(const Policy &policy, const Workspace &workspace,
                              const PromotionRequest &request, QString *error);

    RunState m_state;
    Policy m_policy;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<RunJournal> m_journal;
    RunLock m_lock;
    EffectExecutor *m_effects = nullptr;
    QString m_source;
    QString m_actionId;
    ActionDone m_done;
    // The journaled command in flight, for its next attempt.
    ProcessSpec m_actionSpec;
    QString m_actionDescription;
    RetrySettings m_retry;
    int m_attempt = 0;
    QByteArray m_outputTail;
    QTimer m_backoff;
    EffectRecord m_lastRecord;
    ProcessResult m_lastResult;
    QString m_persistError;
};

} // namespace Promotion
