// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportsummary.h"

#include <QWidget>

class QComboBox;
class QTableWidget;

namespace Promotion {

/*!
 * \brief The seed's dashboard: promotion time (median, p90), success rate and rollback
 * rate, overall and per component, over a selectable period (PromotionStats; the same
 * figures as `history --stats`).
 *
 * Child object names: dashboardPeriodCombo, dashboardTable.
 */
class DashboardView final : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        ComponentColumn,
        RunsColumn,
        SuccessColumn,
        RollbackColumn,
        MedianColumn,
        P90Column,
        ColumnCount
    };
    explicit DashboardView(QWidget *parent = nullptr);
    void setReports(const QList<ReportSummary> &reports);
    /*! Days back from the newest report; 0: everything. */
    void setPeriodDays(int days);
    QTableWidget *table() const { return m_table; }

    static QString percentText(const std::optional<double> &rate);
    static QString minutesText(const std::optional<qint64> &ms);

private:
    void rebuild();

    QList<ReportSummary> m_reports;
    QComboBox *m_period = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace Promotion
