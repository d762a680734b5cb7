// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/steps/promotionstep.h"

#include <functional>

namespace Promotion {

class DeploymentLogWatcher;
class HealthMonitor;
struct HealthSampleRecord;
struct WindowResult;

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
    /*! A chunk of the deployment's log, streamed during the verification window. */
    void deploymentLog(const QByteArray &chunk);

protected:
    void run() override;

private:
    void dryRun();
    void smoke();
    void endpoints();
    void window();
    void startWindow();
    /*! Run validation.top (read-only) and record its pods as \a sample; then \a next. */
    void sampleTop(const QString &sample, std::function<void()> next);
    void windowDone(const WindowResult &w);
    void evaluate(const WindowResult &w);
    /*! Record the log check; empty when it passed (or no logs command), else why not. */
    QString recordLogCheck();
    void addCheck(const QString &id, const QString &text, bool passed, const QString &detail);
    void fail(const QString &kind, const QString &reason);
    void cancelled();

    HealthMonitor *m_health;
    DeploymentLogWatcher *m_logs;
    bool m_cancelled = false;
};

} // namespace Promotion
