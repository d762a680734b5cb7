// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/policybacktest.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace Promotion {

/*!
 * \brief Policy back-test: choose a gate and a threshold (for example production coverage at
 * 85 %) or a policy file, and see the past promotions the new rule would have blocked, and
 * the count: "3 of the last 10".
 *
 * Child object names: backtestGateCombo, backtestThresholdSpin, backtestStageCombo,
 * backtestLastSpin, backtestRunButton, backtestPolicyButton, backtestHeadline, backtestTable.
 */
class BacktestView final : public QWidget
{
    Q_OBJECT
public:
    explicit BacktestView(QWidget *parent = nullptr);
    void setReports(const QList<ReportSummary> &reports);
    /*! Run the rule from the controls. */
    void run();
    /*! Run the thresholds of the policy file \a path; false with the reason shown on error. */
    bool runPolicyFile(const QString &path);
    void setRule(const QString &gateId, double threshold, const QString &stage, int last);

    PolicyBacktest::Result result() const { return m_result; }
    QTableWidget *table() const { return m_table; }
    QLabel *headline() const { return m_headline; }

Q_SIGNALS:
    void reportActivated(const QString &path);

private:
    void showResult(const PolicyBacktest::Result &result, const QString &rules);

    QList<ReportSummary> m_reports;
    PolicyBacktest::Result m_result;
    QComboBox *m_gate = nullptr;
    QDoubleSpinBox *m_threshold = nullptr;
    QComboBox *m_stage = nullptr;
    QSpinBox *m_last = nullptr;
    QLabel *m_headline = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace Promotion
