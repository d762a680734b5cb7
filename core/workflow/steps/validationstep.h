// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/steps/promotionstep.h"

namespace Promotion {

class HealthMonitor;
struct HealthSampleRecord;

/*!
 * \brief Step 6: smoke tests, health and status endpoints, then the
 * verification window against the pre-deploy baseline. A failure asks for a
 * rollback (the engine's RollbackController does it).
 */
class ValidationStep final : public PromotionStep
{
    Q_OBJECT
public:
    ValidationStep(RunContext &context, HealthMonitor *health, QObject *parent = nullptr);
    void cancel() override;

Q_SIGNALS:
    void healthSample(const Promotion::HealthSampleRecord &sample);

protected:
    void run() override;

private:
    void dryRun();
    void smoke();
    void endpoints();
    void window();
    void addCheck(const QString &id, const QString &text, bool passed, const QString &detail);
    void fail(const QString &kind, const QString &reason);
    void cancelled();

    HealthMonitor *m_health;
    bool m_cancelled = false;
};

} // namespace Promotion
