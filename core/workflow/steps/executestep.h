// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/filechange.h"
#include "workflow/steps/promotionstep.h"

#include <optional>

namespace Promotion {

class HealthMonitor;
struct HealthBaseline;

/*!
 * \brief Step 5: baseline, deployed revision, metadata (all or nothing), the
 * deploy commands and the AI-context note, each journaled before it happens.
 *
 * Order: the baseline and the revision are read first (they change nothing),
 * so a cancel before the apply leaves nothing to undo. A resumed step skips
 * what the journal says is done and checks what it says was in flight.
 */
class ExecuteStep final : public PromotionStep
{
    Q_OBJECT
public:
    ExecuteStep(RunContext &context, HealthMonitor *health, QObject *parent = nullptr);
    void cancel() override;

    /*! The metadata changes as a diff, remembered: Promote refuses if a file changes since. */
    QString preview(QString *error);

    /*! Parse a revision command's output; nullopt when it is not a number. */
    static std::optional<int> parseRevision(const QByteArray &output);
    /*! True when \a output says the deployment does not exist (kubectl NotFound). */
    static bool isNotFound(const QByteArray &output);

protected:
    void run() override;

private:
    void captureBaseline();
    void queryPreviousRevision();
    void writeMetadata();
    void apply();
    void afterApply(bool applied, const QString &detail);
    void rolloutStatus();
    void recordNote();
    void done();
    void stop(const StepOutcome &outcome);
    void stopCancelled(const QString &summary);
    void stopJournalError();
    /*! \a actionId failed for good: roll back (deploy.rollback_on_failure) or stop. */
    void failed(const QString &actionId, const QString &what, const QString &detail);
    QString failureText(const QString &actionId, const QString &what, const QString &detail) const;
    void queryRevision(std::function<void(std::optional<int>, bool notFound)> then);
    bool cancelled() const { return m_cancelled; }

    HealthMonitor *m_health;
    QList<FileChange> m_previewed;
    bool m_cancelled = false;
};

} // namespace Promotion
