// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportstore.h"

#include <QList>
#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QSplitter;
class QStandardItemModel;
class QTreeView;

namespace Promotion {

/*!
 * \brief Past promotion reports of the workspace (`.promotion/reports/`): a
 * sortable list (date, component, transition, coverage, outcome, dry run)
 * and a read-only, highlighted JSON view of the selected report.
 *
 * Selecting two reports enables Compare…, which shows their quality gates
 * side by side (ReportCompareDialog). Reports that cannot be read are listed
 * with the reason.
 *
 * Child object names: historyView, reportViewer, historyCountLabel,
 * compareButton; compareAction for the action.
 */
class HistoryPanel final : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        DateColumn,
        ComponentColumn,
        TransitionColumn,
        CoverageColumn,
        OutcomeColumn,
        DryRunColumn,
        ColumnCount
    };
    /*! Item data role holding the report's path (column 0). */
    static constexpr int PathRole = Qt::UserRole + 1;
    /*! Item data role used for sorting. */
    static constexpr int SortRole = Qt::UserRole + 2;

    explicit HistoryPanel(QWidget *parent = nullptr);
    ~HistoryPanel() override;

    /*! Read the reports under \a dir (empty: show none). */
    void setReportsDir(const QString &dir);
    QString reportsDir() const { return m_dir; }
    /*! Read the reports again. */
    void reload();

    QList<ReportSummary> summaries() const { return m_summaries; }
    /*! Paths of the selected reports, in the list's order. */
    QStringList selectedReportPaths() const;
    /*! Select the reports at \a paths (the first one becomes current). */
    void selectReports(const QStringList &paths);
    QString shownReportPath() const { return m_shownPath; }

    QAction *compareAction() const { return m_compareAction; }
    QTreeView *view() const { return m_view; }
    QPlainTextEdit *viewer() const { return m_viewer; }
    /*! List beside (horizontal) or above (vertical) the JSON view. */
    void setOrientation(Qt::Orientation orientation);

public Q_SLOTS:
    /*! Open the comparison of the two selected reports; does nothing unless exactly two are
     * selected. */
    void compareSelected();

Q_SIGNALS:
    void reportShown(const QString &path);

private:
    void fill();
    void showCurrent();
    void updateActions();

    QString m_dir;
    QList<ReportSummary> m_summaries;
    QString m_shownPath;
    QStandardItemModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QPlainTextEdit *m_viewer = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_count = nullptr;
    QAction *m_compareAction = nullptr;
};

} // namespace Promotion
