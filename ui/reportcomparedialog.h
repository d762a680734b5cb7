// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportcomparison.h"

#include <QDialog>
#include <QJsonObject>
#include <QList>

class QLabel;
class QTableWidget;
class QTextBrowser;

namespace Promotion {

/*!
 * \brief Two promotion reports compared: outcome, blockers and failure reasons first
 * (compareSummary), then the quality gates side by side with their deltas (compareTable:
 * gate, A, B, delta), then criteria, tool versions, thresholds and approvers that changed,
 * and the verification window's p95 and error rate.
 *
 * Child object names: compareTable, compareHeaderLabel, compareSummary.
 */
class ReportCompareDialog final : public QDialog
{
    Q_OBJECT
public:
    /*! One line of the comparison; a side is empty when that report has no such gate. */
    struct Row
    {
        QString gateId;
        QString gate;      //!< title, or the id when there is none
        QString measuredA; //!< measured text, or the status when nothing was measured
        QString measuredB;
        QString statusA; //!< gate status name (passed, failed, …), empty when absent
        QString statusB;
    };

    /*! Gates of \a a in their order, then those only \a b has. */
    static QList<Row> compare(const QJsonObject &a, const QJsonObject &b);
    /*! "2024-05-01 · agent_orchestration · development → staging · dry run" */
    static QString describe(const QJsonObject &report);

    ReportCompareDialog(const QString &pathA, const QString &pathB, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QTextBrowser *summary() const { return m_summary; }
    const ReportComparison &comparison() const { return m_comparison; }

private:
    ReportComparison m_comparison;
    QTextBrowser *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_header = nullptr;
};

} // namespace Promotion
