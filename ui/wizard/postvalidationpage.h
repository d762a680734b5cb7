// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "wizardpage.h"

class QLabel;
class QListWidget;
class QPushButton;

namespace Promotion {

class HealthChartView;
class LogView;

/*!
 * \brief Page 6: smoke tests, health and status checks, and the verification window's
 * metrics charted live against the rollback thresholds, with a Rollback button.
 */
class PostValidationPage final : public WizardPage
{
    Q_OBJECT
public:
    explicit PostValidationPage(PromotionEngine *engine, QWidget *parent = nullptr);

    QString subtitle() const override;
    void enter() override;
    void reload() override;
    /*! Validation finished (passed or not), or the run was rolled back. */
    bool isComplete() const override;

private:
    void runValidation();
    void requestRollback();
    void updateThresholds();
    void updateState();

    QListWidget *m_checks = nullptr;
    HealthChartView *m_chart = nullptr;
    LogView *m_log = nullptr;
    LogView *m_deploymentLog = nullptr; //!< policy validation.logs, streamed in the window
    QLabel *m_pods = nullptr;           //!< kubectl top pods
    QLabel *m_baseline = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_rollback = nullptr;
    QPushButton *m_dashboard = nullptr; //!< opens RunState::dashboardLink()
    QString m_lastSource;
    bool m_rollingBack = false;
};

} // namespace Promotion
