// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gates/gateresult.h"

#include <array>
#include <optional>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Promotion {

/*! The six steps of the seed workflow, in order. */
enum class StepId
{
    Validate = 0,
    QualityGates,
    Criteria,
    Tracking,
    Execute,
    PostValidation
};
constexpr int kStepCount = 6;
QString stepTitle(StepId step);
QString stepKey(StepId step);

enum class StepStatus
{
    Pending,
    Running,
    Passed,
    Failed,
    Skipped
};
QString stepStatusName(StepStatus status);
StepStatus stepStatusFromName(const QString &name);

/*! How a run ended; Running while it can still go on (or be resumed). */
enum class RunOutcome
{
    Running,
    Promoted,
    DryRunPassed,
    Blocked,        //!< a gate, criterion or approval stopped it (exit 1)
    Failed,         //!< the deploy failed; nothing this run changed is left (exit 3)
    RolledBack,     //!< a trigger or a person rolled the new version back (exit 3)
    RollbackFailed, //!< the rollback itself failed: the new version may still serve (exit 4)
    Discarded       //!< given up by a person; nothing was undone or deleted
};
QString runOutcomeName(RunOutcome outcome);
RunOutcome runOutcomeFromName(const QString &name);
/*! The documented exit code of \a outcome (0, 1, 3 or 4; -1 while running). */
int exitCodeFor(RunOutcome outcome);

/*! \brief What the user asked for: the inputs of the seed workflow. */
struct PromotionRequest
{
    QString workspace;
    QString component;
    QString from; //!< expected current stage; empty: take __maturity__
    QString to;
    QString spec; //!< empty: specs/{component}.md
    bool dryRun = false;
    bool skipQualityGates = false;
    QString skipReason;
    QMap<QString, QString> approvals;    //!< role -> identity, supplied up front (CLI)
    QMap<QString, QString> attestations; //!< gate id -> identity (CLI)
    bool acceptAllCriteria = false;
    QSet<QString> acceptedCriteria;
    QString promoter;   //!< identity of the person running it; empty: from git
    QString reportPath; //!< extra copy of the report
    /*! Step 4 with GitHub: poll the issue this long for missing approvals (not persisted). */
    int waitApprovalsSeconds = 0;

    QJsonObject toJson() const;
    static PromotionRequest fromJson(const QJsonObject &o);
};

struct StepState
{
    StepStatus status = StepStatus::Pending;
    QDateTime startedAt;
    QDateTime finishedAt;
    qint64 durationMs = 0;
    QString summary;
};

/*! \brief One line of a checklist the engine proves itself (step 1, step 6). */
struct CheckItem
{
    QString id;
    QString text;
    bool passed = false;
    QString detail;
};

struct CriterionState
{
    QString id;
    QString text;
    bool required = true;
    bool checked = false;
    bool automatic = false; //!< proven by evidence, not ticked by a person
    QString evidence;       //!< what proves it, or who ticked it
    QStringList provenBy;
    QString identity;
    QDateTime when;
};

struct ApprovalState
{
    QString role;
    QString title;
    bool approved = false;
    QString identity; //!< "Name <email>", or the GitHub login
    QDateTime when;
    /*! How it was given: console, command_line, checkbox (ticked on GitHub) or comment. */
    QString path;
    QString url;           //!< the comment's or the issue's URL (GitHub paths)
    bool mirrored = false; //!< a console approval already ticked on the GitHub issue
};

/*! An approval seen on GitHub that does not count, and why. */
struct RejectedApproval
{
    QString role;
    QString login;
    QString path;
    QString url;
    QDateTime when;
    QString reason;
};

/*!
 * \brief Step 4 on GitHub: the tracking queue (the journal of every GitHub
 * action, written before it is sent), the issue and what was read from it.
 */
struct GitHubTrackingState
{
    QString repository;  //!< owner/name in force for this run
    QString login;       //!< the token's login, once known
    QJsonObject queue;   //!< TrackingQueue::toJson()
    QString issueUrl;    //!< html_url, as GitHub returned it
    int issueNumber = 0;
    QString boardColumn; //!< the column the issue was moved to
    QString lastError;   //!< the last tracking error, a sentence
    int pendingActions = 0;
    QDateTime lastPolled;
    QList<RejectedApproval> rejected;
    bool outcomeQueued = false;  //!< the post-deploy comment and labels are queued
    //! The queue's index of the first of those: they come after the report was written, so the
    //! report's pending_actions does not count them. -1 until they are queued.
    int outcomeFrom = -1;
    int pendingAfterReport = 0;  //!< of pendingActions, how many were queued after the report
    bool rollbackQueued = false; //!< the rollback issue is queued

    bool isUsed() const { return !repository.isEmpty(); }
    QJsonObject toJson() const;
    static GitHubTrackingState fromJson(const QJsonObject &o);
};

/*! Where a journaled side effect stands. */
enum class ActionPhase
{
    Intent, //!< recorded before it started; if nothing follows, it may or may not have happened
    Done,
    Failed
};

/*! \brief One attempt of a journaled command that is retried on transient failures. */
struct AttemptRecord
{
    int number = 1;      //!< 1: the first attempt
    qint64 delayMs = 0;  //!< waited before it (backoff); 0 for the first
    QDateTime startedAt; //!< journaled before it started
    qint64 durationMs = 0;
    int exitCode = -1; //!< -1: still running, or did not exit by itself
    bool ok = false;
    bool finished = false; //!< false: it was running when the process stopped
    QString reason;        //!< why it failed (the transient line), or why it was not retried
};

/*!
 * \brief One write-ahead journal entry: written with phase Intent before the
 * side effect starts, updated with its result after it ends.
 */
struct JournalAction
{
    QString id; //!< metadata, deploy.revision, deploy.apply, deploy.rollout_status, ...
    ActionPhase phase = ActionPhase::Intent;
    QStringList argv;
    int exitCode = -1;
    QString outputSha256;
    QString result;
    QDateTime intentAt;
    QDateTime doneAt;
    /*! Every attempt, each journaled before it ran (retried commands; one for the others). */
    QList<AttemptRecord> attempts;
    QString outputTail; //!< the last lines of the last attempt's output (redacted)
};

/*! The ids of the journaled side effects (JournalAction::id). */
namespace ActionId {
inline const QString Metadata = QStringLiteral("metadata");
inline const QString Apply = QStringLiteral("deploy.apply");
inline const QString RolloutStatus = QStringLiteral("deploy.rollout_status");
inline const QString Note = QStringLiteral("ai_context");
inline const QString Smoke = QStringLiteral("validation.smoke");
inline const QString Undo = QStringLiteral("rollback.undo");
inline const QString UndoVerify = QStringLiteral("rollback.rollout_status");
inline const QString Restore = QStringLiteral("rollback.metadata");
inline const QString RollbackNote = QStringLiteral("ai_context.rollback");
} // namespace ActionId

/*! \brief A file step 5 changes: the original and the planned bytes, kept for rollback. */
struct FileOriginal
{
    QString relativePath;
    bool existed = true; //!< false: step 5 creates it, rollback removes it
    QByteArray before;
    QByteArray after;
    QString beforeSha256;
    QString afterSha256;
};

/*!
 * \brief What step 5 and rollback need after a kill: written before each effect.
 */
struct ExecutionJournal
{
    QList<FileOriginal> files; //!< recorded before any file is written
    int previousRevision = -1; //!< deployed revision before apply; 0: none; -1: unknown
    int newRevision = -1;      //!< revision after apply; -1: unknown
    bool baselineDone = false; //!< the pre-deploy baseline was attempted (see validation)
    QList<JournalAction> actions;
    /*! Rollback requested (trigger, failure or a person) and not yet finished. */
    bool rollbackPending = false;
    QString rollbackReason;

    const JournalAction *action(const QString &id) const;
    bool isDone(const QString &id) const;
    /*! Record (or restart) \a id as an intent and return it. */
    JournalAction &intent(const QString &id, const QStringList &argv);
    JournalAction *find(const QString &id);
    /*! True once apply may have produced a new revision. */
    bool clusterMayHaveChanged() const;
};

/*! \brief A side effect: done, or (dry run) what would have been done. */
struct EffectRecord
{
    QString kind; //!< file, command, issue, ai_context, rollback
    QString description;
    QStringList argv;
    QString path;
    bool performed = false; //!< false in dry run: "would do"
    bool ok = true;
    QString result;
    qint64 durationMs = 0;
    QString outputSha256;
    QDateTime when;
};

/*! \brief CPU and memory of one pod (kubectl top pods), sampled during step 6. */
struct PodUsageRecord
{
    QString sample; //!< "start" or "end" of the verification window
    QString name;
    double cpuMillicores = 0;
    double memoryMiB = 0;
};

struct HealthSampleRecord
{
    qint64 elapsedMs = 0;
    bool healthy = false;
    int httpStatus = 0;
    double errorRatePercent = 0;
    double p95Ms = 0;
    double requests = 0;
    QString note;
};

struct ValidationState
{
    QList<CheckItem> checks; //!< smoke tests, health, status, window
    bool baselineAvailable = false;
    double baselineErrorRatePercent = 0;
    double baselineP95Ms = 0;
    QString baselineNote;
    QList<HealthSampleRecord> samples;
    QString triggerKind; //!< error_rate, latency_degradation, health_check; empty: none fired
    double triggerMeasured = 0;
    double triggerThreshold = 0;
    QString triggerMessage;
    bool rolledBack = false;
    bool rollbackFailed = false;
    QString rollbackReason;
    QString rollbackDetail;       //!< what the rollback did, or what to do by hand
    bool latencyEvaluated = true; //!< false without a pre-deploy baseline
    // The deployment's log during the window (validation.logs): "No errors in logs".
    bool logChecked = false;
    int logLines = 0;
    int logErrors = 0;
    QStringList logFirstErrors; //!< the evidence
    QString logProblem;         //!< the stream could not run, or ended early
    QList<PodUsageRecord> pods; //!< validation.top at the window's start and end
};

struct OverrideRecord
{
    QString item;
    QString reason;
    QString identity;
    QDateTime when;
    QString approvedBy; //!< the second person who approved it (quality_gates: skip_approval_role)
};

/*!
 * \brief Everything a promotion run knows. The journal writes it after every
 * change; the report and the wizard are views of it.
 */
struct RunState
{
    static constexpr int kSchemaVersion = 1;

    QString runId;
    PromotionRequest request;
    QString promoter;
    QString currentStage; //!< read from __maturity__
    QString version;
    QDateTime startedAt;
    QDateTime finishedAt;
    RunOutcome outcome = RunOutcome::Running;
    int exitCode = -1;
    QString outcomeSummary; //!< one line: what happened, the same in summary, GUI and report
    std::array<StepState, kStepCount> steps;

    QList<CheckItem> validationChecks;
    QList<GateResult> gates;
    QMap<QString, QString> toolVersions;
    std::optional<double> coverage;
    QList<CriterionState> criteria;
    QList<ApprovalState> approvals;
    QString issueTitle;
    QString issueBody;
    QStringList labels;
    QString issueUrl;
    GitHubTrackingState github;
    /*! Step 4 stopped for approvals that may still come on GitHub: exit 1, but resumable. */
    bool awaitingApprovals = false;
    QString metadataDiff;
    QList<EffectRecord> effects;
    bool deploymentSuccess = false;
    QString deployedVersion;
    ValidationState validation;
    QList<OverrideRecord> overrides;
    QStringList blockers;
    QStringList warnings; //!< e.g. "latency trigger not evaluated: no baseline"
    ExecutionJournal execution;
    QString reportPath; //!< set once the report is on disk; until then the run is resumable
    QString dashboardUrl;    //!< policy monitoring.dashboard_url, expanded at the start of the run
    QDateTime followUpDueAt; //!< when `follow-up` checks this promotion; invalid: never

    /*! dashboardUrl with the time range of the verification (step 6, else step 5) as Grafana's
     *  from/to parameters (ms since the epoch); empty without a dashboard. */
    QString dashboardLink() const;

    StepState &step(StepId id) { return steps[static_cast<size_t>(id)]; }
    const StepState &step(StepId id) const { return steps[static_cast<size_t>(id)]; }
    GateResult *gate(const QString &id);
    const GateResult *gate(const QString &id) const;
    /*! First step that has not passed or been skipped; kStepCount when all are done. */
    int nextStepIndex() const;
    bool isFinished() const { return outcome != RunOutcome::Running; }
    /*! Finished, but its report is not on disk yet: resume writes it. */
    bool needsReport() const { return isFinished() && reportPath.isEmpty(); }
    /*! Something is left to do: the run goes on, its report is unwritten, or its GitHub
     *  actions are still queued (then a resume sends them and nothing else). */
    bool isResumable() const { return !isFinished() || needsReport() || github.pendingActions > 0; }

    QJsonObject toJson() const;
    static RunState fromJson(const QJsonObject &o);
};

} // namespace Promotion

Q_DECLARE_METATYPE(Promotion::StepId)
Q_DECLARE_METATYPE(Promotion::StepStatus)
Q_DECLARE_METATYPE(Promotion::RunOutcome)
Q_DECLARE_METATYPE(Promotion::HealthSampleRecord)
