// SPDX-License-Identifier: GPL-3.0-or-later
#include "rollbackcontroller.h"

#include "deploy/metadataupdater.h"
#include "workflow/runcontext.h"

#include <QDir>
#include <QFile>

namespace Promotion {

RollbackController::RollbackController(RunContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{
}

void RollbackController::start(const QString &reason, RunOutcome outcome)
{
    if (m_running)
        return;
    RunState &s = m_ctx.state();
    s.execution.rollbackPending = true;
    s.execution.rollbackReason = reason;
    s.validation.rollbackReason = reason;
    m_outcome = outcome;
    m_running = true;
    m_ctx.persist();
    Q_EMIT m_ctx.message(QStringLiteral("rolling back: %1").arg(reason));
    begin();
}

void RollbackController::resume()
{
    if (m_running)
        return;
    const RunState &s = m_ctx.state();
    m_outcome = s.deploymentSuccess ? RunOutcome::RolledBack : RunOutcome::Failed;
    m_running = true;
    Q_EMIT m_ctx.message(QStringLiteral("finishing the rollback that was in progress: %1")
                             .arg(s.execution.rollbackReason));
    begin();
}

void RollbackController::begin()
{
    if (m_ctx.isCommandRunning()) {
        // Never two commands at once: wait for the running one (cancelled by the caller).
        QObject *once = new QObject(this);
        connect(&m_ctx, &RunContext::commandIdle, once, [this, once] {
            once->deleteLater();
            begin();
        });
        return;
    }
    undo();
}

void RollbackController::undo()
{
    RunState &s = m_ctx.state();
    const ExecutionJournal &x = s.execution;
    const DeployPolicy &d = m_ctx.policy().deploy;
    if (x.isDone(ActionId::Undo)) {
        verify();
        return;
    }
    const JournalAction *apply = x.action(ActionId::Apply);
    bool needsUndo = false;
    if (apply) {
        if (x.previousRevision >= 0 && x.newRevision >= 0)
            needsUndo = x.newRevision != x.previousRevision;
        else
            needsUndo = apply->phase == ActionPhase::Done; // unknown revisions: trust the exit
    }
    if (m_ctx.request().dryRun)
        needsUndo = apply != nullptr;
    if (!needsUndo) {
        QString summary = apply ? QStringLiteral("nothing was deployed (the cluster still serves "
                                                 "revision %1), so nothing was undone on it")
                                      .arg(x.previousRevision)
                                : QStringLiteral("nothing was deployed");
        if (apply && (x.previousRevision < 0 || x.newRevision < 0))
            summary = QStringLiteral("the apply failed and the revision could not be read, so "
                                     "nothing was undone on the cluster; check it by hand");
        restoreMetadata(summary);
        return;
    }
    if (d.rollback.isEmpty()) {
        fail(QStringLiteral("the policy has no deploy.rollback command"));
        return;
    }
    const bool needsRevision =
        d.rollback.join(QLatin1Char(' ')).contains(QLatin1String("{previous_revision}"));
    if (needsRevision && x.previousRevision == 0 && !m_ctx.request().dryRun) {
        fail(QStringLiteral("nothing was deployed before this run, so there is no earlier "
                            "revision to return to"));
        return;
    }
    if (needsRevision && x.previousRevision < 0 && !m_ctx.request().dryRun) {
        fail(QStringLiteral("the revision that served before the deploy is unknown "
                            "(deploy.revision failed or is not set)"));
        return;
    }
    QString error;
    const ProcessSpec spec = m_ctx.commandSpec(d.rollback, QStringLiteral("deploy.rollback"),
                                               d.timeoutSeconds, false, &error);
    if (!error.isEmpty()) {
        fail(error);
        return;
    }
    const bool started = m_ctx.runAction(
        ActionId::Undo, QStringLiteral("rollback: undo to revision %1").arg(x.previousRevision),
        spec, [this](const EffectRecord &record, const ProcessResult &) {
            if (!record.ok) {
                fail(QStringLiteral("the rollback command failed (%1)").arg(record.result));
                return;
            }
            verify();
        });
    if (!started)
        fail(QStringLiteral("the rollback could not be journaled: ") + m_ctx.lastPersistError());
}

void RollbackController::verify()
{
    const DeployPolicy &d = m_ctx.policy().deploy;
    const int revision = m_ctx.state().execution.previousRevision;
    const QString done = revision > 0 ? QStringLiteral("rolled back to revision %1").arg(revision)
                                      : QStringLiteral("rolled back");
    if (d.rolloutStatus.isEmpty() || m_ctx.state().execution.isDone(ActionId::UndoVerify)) {
        restoreMetadata(done);
        return;
    }
    QString error;
    const ProcessSpec spec = m_ctx.commandSpec(
        d.rolloutStatus, QStringLiteral("deploy.rollout_status"), d.timeoutSeconds, false, &error);
    const bool started =
        error.isEmpty() &&
        m_ctx.runAction(ActionId::UndoVerify, QStringLiteral("rollback: rollout status"), spec,
                        [this, done](const EffectRecord &record, const ProcessResult &) {
                            if (!record.ok) {
                                fail(QStringLiteral("the rolled-back deployment did not become "
                                                    "ready (rollout status: %1)")
                                         .arg(record.result));
                                return;
                            }
                            restoreMetadata(done + QStringLiteral(", verified"));
                        });
    if (!started)
        fail(error.isEmpty() ? m_ctx.lastPersistError() : error);
}

void RollbackController::restoreMetadata(const QString &clusterSummary)
{
    RunState &s = m_ctx.state();
    ExecutionJournal &x = s.execution;
    const QString root = m_ctx.workspace().root();
    QStringList notRestored;
    QList<FileChange> reverse;
    QStringList removed;
    const bool metadataWritten = x.action(ActionId::Metadata) != nullptr;
    if (metadataWritten && !x.isDone(ActionId::Restore)) {
        x.intent(ActionId::Restore, {});
        m_ctx.persist();
        for (const FileOriginal &f : std::as_const(x.files)) {
            const QString path = QDir(root).absoluteFilePath(f.relativePath);
            if (m_ctx.request().dryRun) {
                m_ctx.addEffect(m_ctx.effects()->writeFile(
                    path, f.before, QStringLiteral("restore %1").arg(f.relativePath)));
                continue;
            }
            QFile file(path);
            const bool exists = file.exists();
            const QByteArray current =
                exists && file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
            if (!exists && !f.existed)
                continue; // never written
            if (exists && current == f.before && f.existed)
                continue; // never written, or already restored
            if (!exists || current != f.after) {
                notRestored.append(QStringLiteral("%1 (changed since the promotion wrote it)")
                                       .arg(f.relativePath));
                continue;
            }
            if (!f.existed)
                removed.append(path);
            else
                reverse.append(FileChange{f.relativePath, path, f.after, f.before, false});
        }
        QString error;
        if (!reverse.isEmpty() && !MetadataUpdater::apply(reverse, &error))
            notRestored.append(error);
        for (const QString &path : std::as_const(removed)) {
            if (!QFile::remove(path))
                notRestored.append(QDir(root).relativeFilePath(path));
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const FileChange &c : std::as_const(reverse)) {
            EffectRecord r;
            r.kind = QStringLiteral("file");
            r.description = QStringLiteral("restore %1").arg(c.relativePath);
            r.path = c.absolutePath;
            r.performed = true;
            r.ok = notRestored.isEmpty();
            r.result = r.ok ? QStringLiteral("restored") : notRestored.join(QStringLiteral("; "));
            r.when = now;
            s.effects.append(r);
        }
        if (JournalAction *a = x.find(ActionId::Restore)) {
            a->phase = notRestored.isEmpty() ? ActionPhase::Done : ActionPhase::Failed;
            a->result = notRestored.join(QStringLiteral("; "));
            a->doneAt = now;
        }
    }
    QString summary = clusterSummary;
    if (metadataWritten) {
        summary += notRestored.isEmpty() ? QStringLiteral("; metadata restored")
                                         : QStringLiteral("; metadata NOT restored: %1")
                                               .arg(notRestored.join(QStringLiteral("; ")));
    }
    if (!notRestored.isEmpty())
        s.warnings.append(QStringLiteral("metadata not restored: %1")
                              .arg(notRestored.join(QStringLiteral("; "))));
    recordNote(summary);
}

void RollbackController::recordNote(const QString &summary)
{
    const ExecutionJournal &x = m_ctx.state().execution;
    const DeployPolicy &d = m_ctx.policy().deploy;
    // The promotion's note said "promoted": say what happened since.
    if (d.aiContextRollback.isEmpty() || !x.action(ActionId::Note) ||
        x.action(ActionId::RollbackNote)) {
        end(m_outcome, summary);
        return;
    }
    QString error;
    const ProcessSpec spec = m_ctx.commandSpec(
        d.aiContextRollback, QStringLiteral("deploy.ai_context_rollback"), 120, false, &error);
    const bool started =
        error.isEmpty() &&
        m_ctx.runAction(ActionId::RollbackNote, QStringLiteral("ai_context: record rollback"), spec,
                        [this, summary](const EffectRecord &record, const ProcessResult &) {
                            if (!record.ok)
                                m_ctx.state().warnings.append(
                                    QStringLiteral("the AI context note of the rollback could "
                                                   "not be recorded: %1")
                                        .arg(record.result));
                            end(m_outcome, summary);
                        });
    if (!started)
        end(m_outcome, summary);
}

void RollbackController::end(RunOutcome outcome, const QString &summary)
{
    RunState &s = m_ctx.state();
    s.execution.rollbackPending = false;
    s.validation.rolledBack = outcome != RunOutcome::RollbackFailed;
    s.validation.rollbackFailed = outcome == RunOutcome::RollbackFailed;
    if (outcome != RunOutcome::RollbackFailed)
        s.validation.rollbackDetail = summary;
    m_running = false;
    m_ctx.persist();
    Q_EMIT finished(outcome, summary);
}

void RollbackController::fail(const QString &what)
{
    RunState &s = m_ctx.state();
    QString byHand;
    for (const PlannedCommand &c : m_ctx.plannedCommands()) {
        if (c.policyKey == QLatin1String("deploy.rollback") ||
            (c.label == QLatin1String("rollback: rollout status")))
            byHand += QStringLiteral("\n  $ ") + c.argv.join(QLatin1Char(' '));
    }
    s.validation.rollbackDetail =
        QStringLiteral("rollback FAILED: %1. The new version may still be serving and the "
                       "metadata still says %2. Act by hand:%3")
            .arg(what, s.request.to,
                 byHand.isEmpty() ? QStringLiteral(" roll the deployment back and verify it")
                                  : byHand);
    end(RunOutcome::RollbackFailed, s.validation.rollbackDetail);
}

} // namespace Promotion
