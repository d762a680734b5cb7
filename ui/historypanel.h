// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportchain.h"
#include "report/reportstore.h"
#include "reportexporter.h"
#include "reporttablemodel.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QSplitter;
class QTabWidget;
class QTableView;

namespace Promotion {

class BacktestView;
class DashboardView;
class ReportDetailView;
class TrendChartView;

/*!
 * \brief The reviewers' window, a tab of the main window: past promotion reports in a table
 * (date, component, from → to, outcome, coverage, duration, approvers, GitHub issue) with a
 * filter bar, the selected report rendered (ReportDetailView), comparisons, trends, the
 * seed's dashboard, the policy back-test and exports.
 *
 * Fed by a ReportStore (setStore: indexed on a worker thread, updated live) or, for a quick
 * look, setReportsDir (read at once). A broken hash chain shows as a red banner naming the
 * report.
 *
 * Child object names: historyView, historyFilterEdit, componentFilterCombo, stageFilterCombo,
 * outcomeFilterCombo, dateFilterCheck, fromDateEdit, toDateEdit, historyCountLabel,
 * chainBanner, indexProgress, historyTabs, compareButton, compareAction,
 * compareWithPreviousAction, exportMarkdownAction, exportHtmlAction, exportPdfAction,
 * addFolderAction; reportDetailView (reportBrowser, reportViewer), trendChartView,
 * dashboardView, backtestView.
 */
class HistoryPanel final : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        DateColumn = ReportTableModel::DateColumn,
        ComponentColumn = ReportTableModel::ComponentColumn,
        TransitionColumn = ReportTableModel::TransitionColumn,
        OutcomeColumn = ReportTableModel::OutcomeColumn,
        CoverageColumn = ReportTableModel::CoverageColumn,
        DurationColumn = ReportTableModel::DurationColumn,
        ApproversColumn = ReportTableModel::ApproversColumn,
        IssueColumn = ReportTableModel::IssueColumn,
        ColumnCount = ReportTableModel::ColumnCount
    };
    enum Tab
    {
        ReportsTab,
        TrendsTab,
        DashboardTab,
        BacktestTab
    };
    static constexpr int PathRole = ReportTableModel::PathRole;
    /*! QSettings key: extra report folders (a shared checkout of several repositories). */
    static QString extraFoldersKey();

    explicit HistoryPanel(QWidget *parent = nullptr);
    ~HistoryPanel() override;

    /*! Follow \a store: its index, progress and chain verdict. */
    void setStore(ReportStore *store);
    /*! Read the reports under \a dir now (empty: show none), without a store. */
    void setReportsDir(const QString &dir);
    /*! The workspace's reports folder (the store's first folder). */
    QString reportsDir() const { return m_store ? m_store->folders().value(0) : m_dir; }
    void setReports(const QList<ReportSummary> &reports);

    QList<ReportSummary> summaries() const { return m_model->reports(); }
    /*! Paths of the selected reports, in the table's order. */
    QStringList selectedReportPaths() const;
    /*! Select the reports at \a paths (the first one becomes current). */
    void selectReports(const QStringList &paths);
    QString shownReportPath() const { return m_shownPath; }
    /*! The readable report of the same component just before \a path, or empty. */
    QString previousReportOf(const QString &path) const;
    /*! The readable reports of \a component, oldest first. */
    QList<ReportSummary> historyOf(const QString &component) const;

    void setChainVerdict(const ReportChain::Verdict &verdict);
    /*! Export \a paths (one report, or two compared) to \a out. */
    bool exportReports(const QStringList &paths, ReportExporter::Format format, const QString &out,
                       QString *error);

    QAction *compareAction() const { return m_compareAction; }
    QAction *compareWithPreviousAction() const { return m_comparePreviousAction; }
    QTableView *view() const { return m_view; }
    QPlainTextEdit *viewer() const;
    ReportDetailView *detailView() const { return m_detail; }
    ReportFilterModel *filterModel() const { return m_filter; }
    ReportTableModel *tableModel() const { return m_model; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    /*! The Trends, Dashboard and Back-test tabs, brought up to date with the reports (they
     *  are rebuilt only when shown, or asked for). */
    TrendChartView *trends() const;
    DashboardView *dashboard() const;
    BacktestView *backtest() const;
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *chainBanner() const { return m_banner; }
    /*! Table beside (horizontal) or above (vertical) the detail view. */
    void setOrientation(Qt::Orientation orientation);

public Q_SLOTS:
    /*! Compare the two selected reports; does nothing unless exactly two are selected. */
    void compareSelected();
    /*! Compare the current report with the previous promotion of the same component. */
    void compareWithPrevious();

Q_SIGNALS:
    void reportShown(const QString &path);

private:
    void showCurrent();
    void updateActions();
    void updateCount();
    void applyFilter();
    void refillCombos();
    void fitColumns();
    void chooseExport(ReportExporter::Format format);
    void addFolder();
    void openReport(const QString &path);
    void updateOtherTabs() const;

    QString m_dir;
    QPointer<ReportStore> m_store;
    QString m_shownPath;
    ReportTableModel *m_model = nullptr;
    ReportFilterModel *m_filter = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_view = nullptr;
    ReportDetailView *m_detail = nullptr;
    TrendChartView *m_trends = nullptr;
    DashboardView *m_dashboard = nullptr;
    BacktestView *m_backtest = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_banner = nullptr;
    QProgressBar *m_progress = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QComboBox *m_componentFilter = nullptr;
    QComboBox *m_stageFilter = nullptr;
    QComboBox *m_outcomeFilter = nullptr;
    QCheckBox *m_dateCheck = nullptr;
    QDateEdit *m_fromDate = nullptr;
    QDateEdit *m_toDate = nullptr;
    QAction *m_compareAction = nullptr;
    QAction *m_comparePreviousAction = nullptr;
    QAction *m_exportActions[3] = {};
    bool m_columnsFitted = false;
    mutable bool m_otherTabsStale = false; //!< trends, dashboard, back-test wait for a new index
};

} // namespace Promotion
