// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "process/processresult.h"
#include "workflow/steps/promotionstep.h"

namespace Promotion {

class GateScheduler;

/*!
 * \brief Step 2: the target stage's quality gates, concurrently.
 *
 * Gates that passed are kept on a rerun (resume, "Retry failed"), except the
 * source of a derived gate that did not pass: its artifact is what the derived
 * gate reads, so it runs again too.
 */
class GatesStep final : public PromotionStep
{
    Q_OBJECT
public:
    explicit GatesStep(RunContext &context, QObject *parent = nullptr);
    void cancel() override;
    /*! Record a request to skip the gates; false with \a error when the policy's rules
     *  (stage, reason, a second person's approval) refuse it. start() then skips them. */
    bool requestSkip(const QString &reason, const QString &identity, const QString &approver,
                     QString *error);

Q_SIGNALS:
    void gateStarted(const QString &id);
    void gateFinished(const QString &id);
    void gateOutput(const QString &id, const QByteArray &chunk, Promotion::OutputChannel channel);

protected:
    void run() override;

private:
    void evaluate() override;

    GateScheduler *m_scheduler;
};

} // namespace Promotion
