// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/runstate.h"

#include <QObject>

namespace Promotion {

class RunContext;

/*!
 * \brief Undoes what this run changed, and only that.
 *
 * - If the apply never produced a new revision, nothing is undone on the cluster.
 * - If it did, the deployment goes back to the revision recorded before the
 *   apply (`--to-revision`), and rollout status verifies it.
 * - The metadata files are restored only once the cluster serves the old
 *   version again (or never changed), so they always say what is serving.
 * - A rollback that fails is its own outcome (RollbackFailed, exit 4).
 *
 * It starts only once the running command has ended, and it is never
 * cancelled: a cancel or a closed window leaves it to finish, or a kill leaves
 * it pending in the journal, and a resume finishes it.
 */
class RollbackController final : public QObject
{
    Q_OBJECT
public:
    explicit RollbackController(RunContext &context, QObject *parent = nullptr);

    /*! Roll back for \a reason; a good rollback ends the run as \a outcome. */
    void start(const QString &reason, RunOutcome outcome);
    /*! Continue a rollback the journal says was pending. */
    void resume();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(Promotion::RunOutcome outcome, const QString &summary);

private:
    void begin();
    void undo();
    void verify();
    void restoreMetadata(const QString &clusterSummary);
    void recordNote(const QString &summary);
    void end(RunOutcome outcome, const QString &summary);
    void fail(const QString &what);

    RunContext &m_ctx;
    bool m_running = false;
    RunOutcome m_outcome = RunOutcome::RolledBack;
};

} // namespace Promotion
