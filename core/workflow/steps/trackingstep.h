// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/steps/promotionstep.h"

#include <QDateTime>
#include <QTimer>

namespace Promotion {

/*!
 * \brief Step 4: the seed's issue rendered from the real results, and the
 * approvals, under the engine's one set of approval rules.
 *
 * With a GitHub repository (and not a dry run), the issue is created or found
 * on GitHub (GitHubTracking), and approvals given there count like those
 * given in the console. While approvals are missing, the step polls the issue
 * for request().waitApprovalsSeconds; then it stops "awaiting approvals":
 * failed for now, but the run stays resumable.
 */
class TrackingStep final : public PromotionStep
{
    Q_OBJECT
public:
    explicit TrackingStep(RunContext &context, QObject *parent = nullptr);
    void cancel() override;
    /*! Record an approval; false with \a error when the rules forbid it (nothing recorded). */
    bool approve(const QString &role, const QString &identity, QString *error,
                 const QString &path = QStringLiteral("console"));
    void revoke(const QString &role);
    /*! Read the GitHub issue again, then decide (a poll; the wizard's Refresh). */
    void startRefresh();

protected:
    void run() override;

private:
    void evaluate() override;
    void renderIssue();
    void syncThenEvaluate();
    QString promoterIdentity() const;

    QTimer m_poll;
    QDateTime m_waitUntil;
    bool m_syncing = false;
    bool m_cancelled = false;
    bool m_refreshPending = false;
};

} // namespace Promotion
