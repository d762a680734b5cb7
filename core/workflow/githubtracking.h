// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "github/approvalsreader.h"
#include "github/githubtypes.h"
#include "workflow/runstate.h"

#include <functional>
#include <QObject>
#include <QPointer>

namespace Promotion {

class GitHubClient;
class RunContext;
class TrackingQueue;
struct TrackingAction;

/*!
 * \brief Step 4 on GitHub for one run: the promotion issue, the board, the
 * approvals read back from the issue, and what happens after the deploy.
 *
 * Every GitHub write is a TrackingAction in the run's TrackingQueue, and the
 * queue is written to the journal (RunState::github.queue) before it is sent
 * and after each action, so a kill at any moment resends only what is not
 * done; the issue is found again by its run-id marker, never made twice.
 * GitHub being unreachable never stops a run: the actions stay pending and are
 * sent by the next sync() (a later poll, a restart, or `--resume`).
 *
 * Approvals read from the issue (ticked boxes, "/approve ROLE" comments) are
 * merged into RunState::approvals by mergeEvidence(); the engine's
 * ApprovalRules then judge all paths alike.
 */
class GitHubTracking final : public QObject
{
    Q_OBJECT
public:
    explicit GitHubTracking(RunContext &context, QObject *parent = nullptr);
    ~GitHubTracking() override;

    /*! The GUI's token (from the keychain). Without one, GH_TOKEN then GITHUB_TOKEN are used. */
    void setToken(const QString &token);
    /*! The Settings dialog's repository, used when the policy names none. */
    void setDefaultRepository(const QString &repository);
    /*! The repository in force: the policy's, else the default; empty: no GitHub. */
    QString repository() const;
    /*! Where the repository in force comes from ("policy", "settings"), for the UI. */
    QString repositorySource() const;
    /*! GitHub is used for this run: a repository is configured and it is not a dry run. */
    bool isEnabled() const;
    bool hasToken() const;
    bool isBusy() const { return m_busy; }

    /*!
     * Queue the issue (labels, the issue, the board move, the console's approvals) once,
     * send what is pending, then read the approvals back. \a done runs once, always.
     */
    void sync(std::function<void()> done);
    /*! Read the issue's approvals again (a poll); sends pending actions first. */
    void refresh(std::function<void()> done) { sync(std::move(done)); }
    /*! A console or command-line approval (or its withdrawal): tick the box and say so. */
    void queueConsoleApproval(const ApprovalState &approval, bool approved);
    /*! After the run ended: a comment with the outcome and report, and the maturity label. */
    void queueOutcome(const QString &reportPath);
    /*! A rollback: the seed's rollback issue, linked from the promotion issue. */
    void queueRollback(const QString &reason);
    /*! Send what is pending (no read-back). */
    void flush(std::function<void()> done);

    /*!
     * Merge \a evidence read from the issue into \a approvals: console and command-line
     * approvals stand until withdrawn in the console; a role approved on GitHub takes the
     * latest counted approval; an approval withdrawn on GitHub is cleared. Evidence that
     * does not count lands in \a rejected with its reason. Ticks by \a ownLogin on roles the
     * console approved are the console's own mirror and are not repeated. Pure; for tests.
     */
    static void mergeEvidence(QList<ApprovalState> *approvals, QList<RejectedApproval> *rejected,
                              const QList<ApprovalEvidence> &evidence, const QString &ownLogin);

    /*! The marker the promotion issue's body carries (see the issue template). */
    static QString issueMarker(const QString &runId);

Q_SIGNALS:
    void changed();
    /*! A GitHub rate limit is being waited out. */
    void rateLimitCountdown(int secondsLeft, const QString &reason);

private:
    bool ensureClient();
    void enqueue(const TrackingAction &action);
    void persistQueue();
    void queueIssue();
    void readApprovals(std::function<void()> done);
    void finishSync(const QString &error, std::function<void()> done);
    QString approvalLineTitle(const QString &role) const;

    RunContext &m_ctx;
    QPointer<GitHubClient> m_client;
    QPointer<TrackingQueue> m_queue;
    QString m_token;
    QString m_defaultRepository;
    bool m_busy = false;
};

} // namespace Promotion
