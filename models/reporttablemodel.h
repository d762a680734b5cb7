// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportsummary.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>
#include <QAbstractProxyModel>

namespace Promotion {

/*!
 * \brief Past promotion reports as a table: date, component, from → to, outcome, coverage,
 * duration, approvers, GitHub issue. Unreadable files are rows too, with their reason.
 */
class ReportTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        DateColumn,
        ComponentColumn,
        TransitionColumn,
        OutcomeColumn,
        CoverageColumn,
        DurationColumn,
        ApproversColumn,
        IssueColumn,
        ColumnCount
    };
    enum Role
    {
        PathRole = Qt::UserRole + 1, //!< the report's file
        SortRole,
        ReadableRole,
    };

    explicit ReportTableModel(QObject *parent = nullptr);

    void setReports(const QList<ReportSummary> &reports);
    const QList<ReportSummary> &reports() const { return m_reports; }
    const ReportSummary &summary(int row) const { return m_reports.at(row); }
    int rowOfPath(const QString &path) const;

    static QString outcomeText(RunOutcome outcome);
    static QString durationText(qint64 ms);
    /*! Local date and time of the run, to the minute. */
    static QString dateText(const ReportSummary &s);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ReportSummary> m_reports;
};

/*!
 * \brief The history table's filter and sort: free text over everything (component,
 * approver, gate, message…; every word must match), component, stage (either end of the
 * transition), outcome and date range.
 *
 * A proxy of its own rather than a QSortFilterProxyModel: the rows are sorted once (when the
 * reports or the sort column change) and a keystroke only walks that order, keeping the
 * reports that match, so it costs one pass over the summaries and no sorting. Selections
 * survive a filter change (persistent indexes are moved, not reset). See bench_reportstore.
 */
class ReportFilterModel final : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit ReportFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    void setText(const QString &text);
    void setComponent(const QString &component); //!< empty: any
    void setStage(const QString &stage);         //!< empty: any
    /*! Outcome name as in the report (promoted, blocked, rolled_back, dry_run_passed …);
     *  "unreadable" for the unreadable rows; empty: any. */
    void setOutcome(const QString &outcome);
    void setDateRange(const QDate &from, const QDate &to); //!< invalid: open end

    bool accepts(const ReportSummary &s) const;
    /*! Ascending order of \a column between two summaries. */
    static bool lessThan(const ReportSummary &a, const ReportSummary &b, int column);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void sortRows();      //!< m_order from the source and the sort column
    void filterRows();    //!< m_rows from m_order and the filter
    void refilter();      //!< filterRows() as a layout change that keeps persistent indexes

    ReportTableModel *m_model = nullptr;
    QList<int> m_order;         //!< every source row, sorted
    QList<int> m_rows;          //!< proxy row -> source row
    QList<int> m_proxyOfSource; //!< source row -> proxy row, -1 when filtered out
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QStringList m_words;
    QString m_component;
    QString m_stage;
    QString m_outcome;
    QDate m_from;
    QDate m_to;
};

} // namespace Promotion
