// SPDX-License-Identifier: GPL-3.0-or-later
#include "executestep.h"

#include "deploy/metadataupdater.h"
#include "health/healthmonitor.h"
#include "workflow/runcontext.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

namespace Promotion {

namespace {
QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

std::optional<QByteArray> readAll(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}
} // namespace

ExecuteStep::ExecuteStep(RunContext &context, HealthMonitor *health, QObject *parent)
    : PromotionStep(StepId::Execute, context, parent)
    , m_health(health)
{
}

std::optional<int> ExecuteStep::parseRevision(const QByteArray &output)
{
    bool ok = false;
    const int revision = output.trimmed().toInt(&ok);
    return ok && revision >= 0 ? std::optional<int>(revision) : std::nullopt;
}

bool ExecuteStep::isNotFound(const QByteArray &output)
{
    return output.contains("(NotFound)") || output.contains(" not found");
}

QString ExecuteStep::preview(QString *error)
{
    if (!state().execution.files.isEmpty()) {
        if (error)
            error->clear();
        return state().metadataDiff; // already journaled: this is what runs
    }
    QString planError;
    m_previewed = MetadataUpdater::plan(ctx().metadataInput(), &planError);
    if (error)
        *error = planError;
    return MetadataUpdater::diff(m_previewed);
}

void ExecuteStep::cancel()
{
    m_cancelled = true;
    m_health->cancel();
    ctx().cancelCommand();
}

void ExecuteStep::stopCancelled(const QString &summary)
{
    stop(StepOutcome{StepStatus::Pending, summary, std::nullopt, false, {}});
}

void ExecuteStep::stopJournalError()
{
    // Nothing more happens without its intent on disk: a kill could not be told apart.
    stop(StepOutcome{StepStatus::Failed, ctx().lastPersistError(), RunOutcome::Failed, false, {}});
}

void ExecuteStep::stop(const StepOutcome &outcome)
{
    ctx().persist();
    finish(outcome);
}

void ExecuteStep::run()
{
    m_cancelled = false;
    queryPreviousRevision();
}

// 2. The baseline, before anything changes (read-only).
void ExecuteStep::captureBaseline()
{
    const ValidationPolicy &v = ctx().policy().validation;
    ExecutionJournal &x = state().execution;
    if (ctx().request().dryRun || (v.metricsUrl.isEmpty() && v.prometheusUrl.isEmpty()) ||
        x.baselineDone || x.clusterMayHaveChanged()) {
        writeMetadata();
        return;
    }
    m_health->setConfig(ctx().healthConfig());
    QObject *once = new QObject(this);
    connect(
        m_health, &HealthMonitor::baselineCaptured, once, [this, once](const HealthBaseline &b) {
            once->deleteLater();
            if (cancelled()) {
                stopCancelled(QStringLiteral("cancelled before the deploy; "
                                             "nothing was deployed"));
                return;
            }
            ValidationState &val = state().validation;
            val.baselineAvailable = b.available;
            val.baselineErrorRatePercent = b.errorRatePercent.value_or(0);
            val.baselineP95Ms = b.p95Ms.value_or(0);
            val.baselineNote =
                b.available ? QStringLiteral("measured before the deploy") : b.unavailableReason;
            val.latencyEvaluated = b.available;
            if (!b.available) {
                const QString stage = ctx().request().to;
                if (ctx().policy().validation.requireBaseline.contains(stage)) {
                    stop(StepOutcome{
                        StepStatus::Failed,
                        QStringLiteral(
                            "no baseline before the deploy (%1); validation.require_baseline "
                            "needs one for %2, so nothing was deployed. Make the metrics "
                            "endpoint answer, or remove %2 from validation.require_baseline")
                            .arg(b.unavailableReason, stage),
                        RunOutcome::Blocked,
                        false,
                        {}});
                    return;
                }
                const QString warning = QStringLiteral("latency trigger not evaluated: no baseline "
                                                       "before the deploy (%1)")
                                            .arg(b.unavailableReason);
                if (!state().warnings.contains(warning))
                    state().warnings.append(warning);
                Q_EMIT ctx().message(QStringLiteral("warning: ") + warning);
            }
            state().execution.baselineDone = true;
            if (!ctx().persist()) {
                stopJournalError();
                return;
            }
            writeMetadata();
        });
    m_health->captureBaseline();
}

void ExecuteStep::queryRevision(std::function<void(std::optional<int>, bool)> then)
{
    const DeployPolicy &d = ctx().policy().deploy;
    if (d.revision.isEmpty() || ctx().request().dryRun) {
        then(std::nullopt, false);
        return;
    }
    QString error;
    const ProcessSpec spec =
        ctx().commandSpec(d.revision, QStringLiteral("deploy.revision"), 60, false, &error);
    if (!error.isEmpty()) {
        Q_EMIT ctx().message(QStringLiteral("warning: ") + error);
        then(std::nullopt, false);
        return;
    }
    ctx().runQuery(QStringLiteral("deploy: revision"), spec,
                   [then](const EffectRecord &, const ProcessResult &r) {
                       if (r.succeeded())
                           then(parseRevision(r.stdoutData), false);
                       else
                           then(std::nullopt, isNotFound(r.stderrData + r.stdoutData));
                   });
}

// 1. The revision serving now: what a rollback returns to (read-only).
void ExecuteStep::queryPreviousRevision()
{
    if (cancelled()) {
        stopCancelled(QStringLiteral("cancelled before the deploy"));
        return;
    }
    ExecutionJournal &x = state().execution;
    if (x.clusterMayHaveChanged() || x.previousRevision >= 0) {
        captureBaseline();
        return;
    }
    queryRevision([this](std::optional<int> revision, bool notFound) {
        ExecutionJournal &x = state().execution;
        x.previousRevision = revision ? *revision : (notFound ? 0 : -1);
        if (!revision && !notFound && !ctx().policy().deploy.revision.isEmpty() &&
            !ctx().request().dryRun)
            state().warnings.append(QStringLiteral(
                "the deployed revision could not be read before the deploy; a rollback "
                "can only run the policy's command as it is"));
        if (!ctx().persist()) {
            stopJournalError();
            return;
        }
        captureBaseline();
    });
}

// 3. Metadata and documentation: all files or none, originals journaled first.
void ExecuteStep::writeMetadata()
{
    if (cancelled()) {
        stopCancelled(QStringLiteral("cancelled before the deploy"));
        return;
    }
    ExecutionJournal &x = state().execution;
    const QString root = ctx().workspace().root();
    if (x.isDone(ActionId::Metadata)) {
        apply();
        return;
    }
    auto fail = [this](const QString &why, RunOutcome outcome) {
        if (JournalAction *a = state().execution.find(ActionId::Metadata)) {
            a->phase = ActionPhase::Failed;
            a->result = why;
        }
        stop(
            StepOutcome{StepStatus::Failed,
                        QStringLiteral("cannot update metadata: %1; nothing was deployed").arg(why),
                        outcome,
                        false,
                        {}});
    };
    if (x.files.isEmpty()) {
        QString error;
        const QList<FileChange> changes = m_previewed.isEmpty()
                                              ? MetadataUpdater::plan(ctx().metadataInput(), &error)
                                              : m_previewed;
        if (!error.isEmpty()) {
            fail(error, RunOutcome::Failed);
            return;
        }
        for (const FileChange &change : changes) {
            if (!ctx().workspace().containsResolved(change.absolutePath)) {
                fail(QStringLiteral("%1 leads outside the workspace through a symbolic link")
                         .arg(change.relativePath),
                     RunOutcome::Blocked);
                return;
            }
            x.files.append(FileOriginal{change.relativePath, !change.created, change.before,
                                        change.after, sha256(change.before), sha256(change.after)});
            const QString v = change.relativePath.endsWith(QLatin1String("__init__.py"))
                                  ? MetadataUpdater::versionOf(change.after)
                                  : QString();
            if (!v.isEmpty())
                state().deployedVersion = v;
        }
        state().metadataDiff = MetadataUpdater::diff(changes);
        if (state().deployedVersion.isEmpty())
            state().deployedVersion = state().version;
    }
    QList<FileChange> changes;
    QStringList paths;
    for (const FileOriginal &f : std::as_const(x.files)) {
        changes.append(FileChange{f.relativePath, QDir(root).absoluteFilePath(f.relativePath),
                                  f.before, f.after, !f.existed});
        paths.append(f.relativePath);
    }
    const bool resumed = x.action(ActionId::Metadata) != nullptr;
    x.intent(ActionId::Metadata, paths);
    if (!ctx().persist()) {
        stopJournalError();
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (ctx().request().dryRun) {
        for (const FileChange &c : std::as_const(changes))
            ctx().addEffect(ctx().effects()->writeFile(
                c.absolutePath, c.after, QStringLiteral("update %1").arg(c.relativePath)));
    } else {
        if (resumed) {
            // Killed while writing: make the files all "before" again unless all are "after".
            bool allAfter = true;
            for (const FileChange &c : std::as_const(changes))
                allAfter = allAfter && readAll(c.absolutePath) == std::optional(c.after);
            if (allAfter)
                changes.clear();
            for (const FileChange &c : std::as_const(changes)) {
                const auto current = readAll(c.absolutePath);
                if (current == std::optional(c.after)) {
                    if (c.created)
                        QFile::remove(c.absolutePath);
                    else
                        MetadataUpdater::apply(
                            {FileChange{c.relativePath, c.absolutePath, c.after, c.before, false}},
                            nullptr);
                }
            }
        }
        QString error;
        if (!changes.isEmpty() && !MetadataUpdater::apply(changes, &error)) {
            fail(error, error.contains(QLatin1String("since the plan was made"))
                            ? RunOutcome::Blocked
                            : RunOutcome::Failed);
            return;
        }
        for (const FileOriginal &f : std::as_const(x.files)) {
            EffectRecord r;
            r.kind = QStringLiteral("file");
            r.description = QStringLiteral("update %1").arg(f.relativePath);
            r.path = QDir(root).absoluteFilePath(f.relativePath);
            r.performed = true;
            r.result = QStringLiteral("written (%1 bytes)").arg(f.after.size());
            r.outputSha256 = f.afterSha256;
            r.when = now;
            state().effects.append(r);
        }
    }
    if (JournalAction *a = x.find(ActionId::Metadata)) {
        a->phase = ActionPhase::Done;
        a->doneAt = QDateTime::currentDateTimeUtc();
        a->result = ctx().request().dryRun
                        ? QStringLiteral("would write %1 file(s)").arg(paths.size())
                        : QStringLiteral("wrote %1 file(s)").arg(paths.size());
    }
    if (!ctx().persist()) {
        stopJournalError();
        return;
    }
    Q_EMIT ctx().stateChanged();
    apply();
}

// 4. kubectl apply.
void ExecuteStep::apply()
{
    if (cancelled()) {
        stopCancelled(QStringLiteral("cancelled before the deploy; the metadata is written and "
                                     "journaled: resume to deploy, or discard the run"));
        return;
    }
    ExecutionJournal &x = state().execution;
    const DeployPolicy &d = ctx().policy().deploy;
    if (x.isDone(ActionId::Apply) || d.apply.isEmpty()) {
        rolloutStatus();
        return;
    }
    auto runApply = [this, &d] {
        QString error;
        const ProcessSpec spec = ctx().commandSpec(d.apply, QStringLiteral("deploy.apply"),
                                                   d.timeoutSeconds, false, &error);
        if (!error.isEmpty()) {
            stop(StepOutcome{StepStatus::Failed, error, std::nullopt, true,
                             QStringLiteral("the deploy command could not be built")});
            return;
        }
        const bool started =
            ctx().runRetriedAction(ActionId::Apply, QStringLiteral("deploy: apply"), spec,
                                   [this](const EffectRecord &record, const ProcessResult &) {
                                       afterApply(record.ok, record.result);
                                   });
        if (!started)
            stop(StepOutcome{StepStatus::Failed,
                             QStringLiteral("cannot journal the deploy: ") +
                                 ctx().lastPersistError(),
                             std::nullopt, true, QStringLiteral("the deploy was not started")});
    };
    if (x.action(ActionId::Apply) && x.previousRevision >= 0 && !ctx().request().dryRun) {
        // Killed during apply: did it produce a new revision?
        queryRevision([this, runApply](std::optional<int> revision, bool) {
            ExecutionJournal &x = state().execution;
            if (revision && *revision > x.previousRevision) {
                x.newRevision = *revision;
                if (JournalAction *a = x.find(ActionId::Apply)) {
                    a->phase = ActionPhase::Done;
                    a->result = QStringLiteral("revision %1 found after a restart").arg(*revision);
                    a->doneAt = QDateTime::currentDateTimeUtc();
                }
                ctx().persist();
                rolloutStatus();
                return;
            }
            runApply();
        });
        return;
    }
    runApply();
}

void ExecuteStep::afterApply(bool applied, const QString &detail)
{
    if (m_cancelled && !applied) {
        // Interrupted, not failed: the journal holds the apply's intent, and a resume
        // asks the cluster whether it happened.
        stopCancelled(QStringLiteral("cancelled during the deploy; resume to finish it"));
        return;
    }
    queryRevision([this, applied, detail](std::optional<int> revision, bool) {
        ExecutionJournal &x = state().execution;
        if (revision)
            x.newRevision = *revision;
        ctx().persist();
        if (applied) {
            state().deploymentSuccess = true;
            rolloutStatus();
            return;
        }
        state().deploymentSuccess = false;
        failed(ActionId::Apply, QStringLiteral("deploy"), detail);
    });
}

QString ExecuteStep::failureText(const QString &actionId, const QString &what,
                                 const QString &detail) const
{
    const JournalAction *a = state().execution.action(actionId);
    const int attempts = a ? int(a->attempts.size()) : 1;
    // The failing command's last line says more than its exit code.
    QString last = a ? a->outputTail.section(QLatin1Char('\n'), -1).trimmed() : QString();
    if (last.size() > 200)
        last = last.left(197) + QStringLiteral("...");
    const QString cause = last.isEmpty() ? detail : QStringLiteral("%1: %2").arg(detail, last);
    if (attempts > 1)
        return QStringLiteral("%1 failed after %2 attempts (%3)")
            .arg(what)
            .arg(attempts)
            .arg(cause);
    return QStringLiteral("%1 failed (%2)").arg(what, cause);
}

void ExecuteStep::failed(const QString &actionId, const QString &what, const QString &detail)
{
    const QString why = failureText(actionId, what, detail);
    if (ctx().policy().deploy.rollbackOnFailure) {
        stop(StepOutcome{StepStatus::Failed, why, std::nullopt, true, why});
        return;
    }
    // deploy.rollback_on_failure: false — a person decides; the report says what is left.
    const ExecutionJournal &x = state().execution;
    QString left = QStringLiteral("rollback_on_failure is off: the metadata stays as written");
    if (x.newRevision >= 0 && x.previousRevision >= 0 && x.newRevision != x.previousRevision)
        left += QStringLiteral(" and revision %1 is deployed (it replaced %2)")
                    .arg(x.newRevision)
                    .arg(x.previousRevision);
    else if (x.newRevision >= 0 && x.newRevision == x.previousRevision)
        left += QStringLiteral("; nothing was deployed");
    left += QStringLiteral("; roll back by hand if needed");
    stop(StepOutcome{
        StepStatus::Failed, why + QStringLiteral("; ") + left, RunOutcome::Failed, false, {}});
}

// 5. rollout status: the new revision must become healthy.
void ExecuteStep::rolloutStatus()
{
    ExecutionJournal &x = state().execution;
    const DeployPolicy &d = ctx().policy().deploy;
    if (x.isDone(ActionId::RolloutStatus) || d.rolloutStatus.isEmpty()) {
        state().deploymentSuccess = true;
        recordNote();
        return;
    }
    QString error;
    const ProcessSpec spec = ctx().commandSpec(
        d.rolloutStatus, QStringLiteral("deploy.rollout_status"), d.timeoutSeconds, false, &error);
    const bool started =
        error.isEmpty() &&
        ctx().runRetriedAction(ActionId::RolloutStatus, QStringLiteral("deploy: rollout status"),
                               spec, [this](const EffectRecord &record, const ProcessResult &) {
                                   if (record.ok) {
                                       state().deploymentSuccess = true;
                                       recordNote();
                                       return;
                                   }
                                   if (m_cancelled) {
                                       stopCancelled(QStringLiteral("cancelled during rollout "
                                                                    "status; resume to finish it"));
                                       return;
                                   }
                                   state().deploymentSuccess = false;
                                   failed(ActionId::RolloutStatus, QStringLiteral("rollout status"),
                                          record.result);
                               });
    if (!started)
        stop(StepOutcome{StepStatus::Failed, error.isEmpty() ? ctx().lastPersistError() : error,
                         std::nullopt, true, QStringLiteral("rollout status could not run")});
}

// 6. The AI-context note: a failure is a warning, never a failed deploy.
void ExecuteStep::recordNote()
{
    ExecutionJournal &x = state().execution;
    const DeployPolicy &d = ctx().policy().deploy;
    if (d.aiContext.isEmpty() || x.action(ActionId::Note)) {
        // An interrupted note is not repeated: a second note would say the same twice.
        done();
        return;
    }
    QString error;
    const ProcessSpec spec =
        ctx().commandSpec(d.aiContext, QStringLiteral("deploy.ai_context"), 120, false, &error);
    const bool started =
        error.isEmpty() &&
        ctx().runAction(ActionId::Note, QStringLiteral("ai_context: record promotion"), spec,
                        [this](const EffectRecord &record, const ProcessResult &) {
                            if (!record.ok)
                                state().warnings.append(
                                    QStringLiteral("the AI context note could not be recorded: %1")
                                        .arg(record.result));
                            done();
                        });
    if (!started) {
        state().warnings.append(QStringLiteral("the AI context note was not recorded: %1")
                                    .arg(error.isEmpty() ? ctx().lastPersistError() : error));
        done();
    }
}

void ExecuteStep::done()
{
    stop(StepOutcome{
        StepStatus::Passed,
        ctx().request().dryRun
            ? QStringLiteral("dry run: %1 effect(s) recorded as \"would do\"")
                  .arg(state().effects.size())
            : QStringLiteral("deployed %1 %2 to %3")
                  .arg(ctx().request().component, state().deployedVersion, ctx().request().to),
        std::nullopt,
        false,
        {}});
}

} // namespace Promotion
