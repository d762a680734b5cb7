// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportsummary.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>
#include <QSortFilterProxyModel>

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
 * \brief The history table's filter: free text over everything (component, approver, gate,
 * message…; every word must match), component, stage (either end of the transition),
 * outcome and date range. Sorts on the summaries directly, without QVariant round trips, so
 * a keystroke over 10,000 reports stays within a frame (see bench_reportstore).
 */
class ReportFilterModel final : public QSortFilterProxyModel
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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    ReportTableModel *m_model = nullptr;
    QStringList m_words;
    QString m_component;
    QString m_stage;
    QString m_outcome;
    QDate m_from;
    QDate m_to;
};

} // namespace Promotion
