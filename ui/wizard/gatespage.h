// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "wizardpage.h"

#include <QHash>

class QLabel;
class QPushButton;
class QTableView;

namespace Promotion {

class CoverageChartView;
class GateResultsModel;
class LogModel;
class LogView;

/*!
 * \brief Page 2: the quality gates in a table, a live log of the selected gate, the
 * coverage chart, and the actions run, cancel, retry, attest, skip (with a reason).
 *
 * Each gate's output goes to its own LogModel as it streams; the log pane shows the
 * gate selected in the table and follows the gate that started last until the user
 * picks one. Logs of gates that finished before a resume are read back from the run's
 * artifacts.
 */
class GatesPage final : public WizardPage
{
    Q_OBJECT
public:
    explicit GatesPage(PromotionEngine *engine, QWidget *parent = nullptr);
    ~GatesPage() override;

    QString subtitle() const override;
    void enter() override;
    void reload() override;

    GateResultsModel *model() const { return m_model; }
    /*! The log of gate \a id (created on first use). */
    LogModel *logFor(const QString &id);
    /*! Id of the gate whose log is shown. */
    QString shownGate() const { return m_shownGate; }

private:
    void runGates();
    void skipGates();
    void confirmSkip(const QString &reason, const QString &approver);
    void attestSelected();
    void openCoverageReport();
    void showGateLog(const QString &id);
    void selectGate(const QString &id);
    void selectFirstProblemGate();
    QString selectedGate() const;
    QString coverageReportPath() const;
    void updateActions();
    void updateCoverage();
    void updateStatus();

    GateResultsModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    LogView *m_log = nullptr;
    QLabel *m_logTitle = nullptr;
    CoverageChartView *m_chart = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_attest = nullptr;
    QPushButton *m_openCoverage = nullptr;
    QPushButton *m_skip = nullptr;
    QHash<QString, LogModel *> m_logs;
    QString m_shownGate;
    QString m_runId; //!< the run whose logs m_logs holds
    bool m_userPickedGate = false;
    bool m_selecting = false;
    QString m_inputError;
};

} // namespace Promotion
