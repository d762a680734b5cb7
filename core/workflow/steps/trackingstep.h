// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/steps/promotionstep.h"

namespace Promotion {

/*!
 * \brief Step 4: the seed's issue rendered from the real results, and the
 * approvals, under the engine's one set of approval rules.
 */
class TrackingStep final : public PromotionStep
{
    Q_OBJECT
public:
    explicit TrackingStep(RunContext &context, QObject *parent = nullptr);
    void cancel() override {}
    /*! Record an approval; false with \a error when the rules forbid it (nothing recorded). */
    bool approve(const QString &role, const QString &identity, QString *error);
    void revoke(const QString &role);

protected:
    void run() override;

private:
    void evaluate() override;
    void renderIssue();
};

} // namespace Promotion
