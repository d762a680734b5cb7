// SPDX-License-Identifier: GPL-3.0-or-later
#include "historypanel.h"
#include "stepnames.h"

#include "backtestview.h"
#include "chartpalette.h"
#include "dashboardview.h"
#include "reportcomparedialog.h"
#include "reportdetailview.h"
#include "teardown.h"
#include "trendchartview.h"

#include <algorithm>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFileDialog>
#include <QLocale>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QSet>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Promotion {

QString HistoryPanel::extraFoldersKey()
{
    return QStringLiteral("history/extraFolders");
}

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new ReportTableModel(this))
    , m_filter(new ReportFilterModel(this))
{
    setObjectName(QStringLiteral("historyPanel"));
    m_filter->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("chainBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setMargin(8);
    m_banner->hide();
    layout->addWidget(m_banner);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("indexProgress"));
    m_progress->setFormat(tr("Reading reports… %v of %m"));
    m_progress->hide();
    layout->addWidget(m_progress);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("historyTabs"));
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs, 1);

    // ---- Reports: filter bar, table, rendered report
    auto *reports = new QWidget(m_tabs);
    auto *reportsLayout = new QVBoxLayout(reports);
    reportsLayout->setContentsMargins(0, 4, 0, 0);
    auto *filters = new QHBoxLayout;
    m_filterEdit = new QLineEdit(reports);
    m_filterEdit->setObjectName(QStringLiteral("historyFilterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter: component, approver, gate, message…"));
    m_filterEdit->setClearButtonEnabled(true);
    filters->addWidget(m_filterEdit, 2);
    const auto combo = [&](const char *name, const QString &any) {
        auto *c = new QComboBox(reports);
        c->setObjectName(QLatin1String(name));
        c->addItem(any, QString());
        c->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        filters->addWidget(c);
        connect(c, &QComboBox::currentIndexChanged, this, &HistoryPanel::applyFilter);
        return c;
    };
    m_componentFilter = combo("componentFilterCombo", tr("All components"));
    m_stageFilter = combo("stageFilterCombo", tr("All stages"));
    m_outcomeFilter = combo("outcomeFilterCombo", tr("All outcomes"));
    for (RunOutcome o : {RunOutcome::Promoted, RunOutcome::Blocked, RunOutcome::RolledBack,
                         RunOutcome::DryRunPassed, RunOutcome::Failed, RunOutcome::RollbackFailed,
                         RunOutcome::Discarded})
        m_outcomeFilter->addItem(ReportTableModel::outcomeText(o), runOutcomeName(o));
    m_outcomeFilter->addItem(tr("unreadable"), QStringLiteral("unreadable"));
    m_dateCheck = new QCheckBox(tr("From"), reports);
    m_dateCheck->setObjectName(QStringLiteral("dateFilterCheck"));
    filters->addWidget(m_dateCheck);
    m_fromDate = new QDateEdit(QDate::currentDate().addMonths(-3), reports);
    m_fromDate->setObjectName(QStringLiteral("fromDateEdit"));
    m_fromDate->setCalendarPopup(true);
    m_fromDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    filters->addWidget(m_fromDate);
    filters->addWidget(new QLabel(tr("to"), reports));
    m_toDate = new QDateEdit(QDate::currentDate(), reports);
    m_toDate->setObjectName(QStringLiteral("toDateEdit"));
    m_toDate->setCalendarPopup(true);
    m_toDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    filters->addWidget(m_toDate);
    connect(m_filterEdit, &QLineEdit::textChanged, this, &HistoryPanel::applyFilter);
    connect(m_dateCheck, &QCheckBox::toggled, this, &HistoryPanel::applyFilter);
    connect(m_fromDate, &QDateEdit::dateChanged, this, &HistoryPanel::applyFilter);
    connect(m_toDate, &QDateEdit::dateChanged, this, &HistoryPanel::applyFilter);
    reportsLayout->addLayout(filters);

    auto *bar = new QHBoxLayout;
    m_count = new QLabel(reports);
    m_count->setObjectName(QStringLiteral("historyCountLabel"));
    bar->addWidget(m_count, 1);
    m_compareAction = new QAction(tr("&Compare…"), this);
    m_compareAction->setObjectName(QStringLiteral("compareAction"));
    m_compareAction->setEnabled(false);
    connect(m_compareAction, &QAction::triggered, this, &HistoryPanel::compareSelected);
    m_comparePreviousAction = new QAction(tr("Compare with &Previous"), this);
    m_comparePreviousAction->setObjectName(QStringLiteral("compareWithPreviousAction"));
    m_comparePreviousAction->setToolTip(
        tr("Compare the selected report with the previous promotion of the same component"));
    m_comparePreviousAction->setEnabled(false);
    connect(m_comparePreviousAction, &QAction::triggered, this, &HistoryPanel::compareWithPrevious);
    const auto button = [&](QAction *action, const char *name) {
        auto *b = new QToolButton(reports);
        b->setObjectName(QLatin1String(name));
        b->setDefaultAction(action);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        bar->addWidget(b);
        return b;
    };
    button(m_compareAction, "compareButton");
    button(m_comparePreviousAction, "compareWithPreviousButton");
    auto *exportMenu = new QMenu(this);
    const std::pair<ReportExporter::Format, QString> formats[] = {
        {ReportExporter::Format::Markdown, tr("&Markdown…")},
        {ReportExporter::Format::Html, tr("&HTML Dashboard…")},
        {ReportExporter::Format::Pdf, tr("&PDF…")}};
    const char *exportNames[] = {"exportMarkdownAction", "exportHtmlAction", "exportPdfAction"};
    for (int i = 0; i < 3; ++i) {
        const ReportExporter::Format format = formats[i].first;
        m_exportActions[i] = exportMenu->addAction(formats[i].second, this,
                                                   [this, format] { chooseExport(format); });
        m_exportActions[i]->setObjectName(QLatin1String(exportNames[i]));
    }
    auto *exportButton = new QToolButton(reports);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setText(tr("&Export"));
    exportButton->setToolTip(tr("Export the selected report, or the two selected compared"));
    exportButton->setMenu(exportMenu);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    bar->addWidget(exportButton);
    auto *addFolderAction = new QAction(tr("Add &Folder…"), this);
    addFolderAction->setObjectName(QStringLiteral("addFolderAction"));
    addFolderAction->setToolTip(tr("Also list the reports of another folder, for example a "
                                   "shared checkout of several repositories"));
    connect(addFolderAction, &QAction::triggered, this, &HistoryPanel::addFolder);
    button(addFolderAction, "addFolderButton");
    reportsLayout->addLayout(bar);

    m_splitter = new QSplitter(Qt::Horizontal, reports);
    m_splitter->setObjectName(QStringLiteral("historySplitter"));
    m_splitter->setChildrenCollapsible(false);
    // A table, not a tree: a filter change relayouts nothing per row (QTreeView builds an
    // item for every one of 10,000 rows on each layout change).
    m_view = new QTableView(m_splitter);
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setModel(m_filter);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->sortByColumn(DateColumn, Qt::DescendingOrder);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->addAction(m_compareAction);
    m_view->addAction(m_comparePreviousAction);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_detail = new ReportDetailView(m_splitter);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    reportsLayout->addWidget(m_splitter, 1);
    m_tabs->addTab(reports, tr("&Reports"));

    m_trends = new TrendChartView(m_tabs);
    m_tabs->addTab(m_trends, tr("&Trends"));
    m_dashboard = new DashboardView(m_tabs);
    m_tabs->addTab(m_dashboard, tr("&Dashboard"));
    m_backtest = new BacktestView(m_tabs);
    m_tabs->addTab(m_backtest, tr("&Back-test"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index != ReportsTab)
            updateOtherTabs();
    });
    connect(m_trends, &TrendChartView::reportActivated, this, &HistoryPanel::openReport);
    connect(m_backtest, &BacktestView::reportActivated, this, &HistoryPanel::openReport);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryPanel::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HistoryPanel::showCurrent);
    updateCount();
    updateActions();
}

HistoryPanel::~HistoryPanel()
{
    // The models die before the view after this body: the selection model's signals must not
    // reach a half-destroyed panel.
    disconnectDescendants(this);
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
}

void HistoryPanel::updateOtherTabs() const
{
    if (!m_otherTabsStale)
        return;
    m_otherTabsStale = false;
    const QList<ReportSummary> &reports = m_model->reports();
    m_trends->setReports(reports);
    m_dashboard->setReports(reports);
    m_backtest->setReports(reports);
}

TrendChartView *HistoryPanel::trends() const
{
    updateOtherTabs();
    return m_trends;
}

DashboardView *HistoryPanel::dashboard() const
{
    updateOtherTabs();
    return m_dashboard;
}

BacktestView *HistoryPanel::backtest() const
{
    updateOtherTabs();
    return m_backtest;
}

QPlainTextEdit *HistoryPanel::viewer() const
{
    return m_detail->rawViewer();
}

void HistoryPanel::setStore(ReportStore *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (!store)
        return;
    m_dir = store->folders().value(0);
    connect(store, &ReportStore::indexingStarted, this, [this] {
        // Only the first index (or a new workspace) shows a bar; live updates stay quiet.
        if (m_model->rowCount() == 0) {
            m_progress->setRange(0, 0);
            m_progress->show();
        }
    });
    connect(store, &ReportStore::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(store, &ReportStore::indexed, this, [this] {
        m_progress->hide();
        setReports(m_store->reports());
    });
    connect(store, &ReportStore::chainVerified, this,
            [this] { setChainVerdict(m_store->chainVerdict()); });
    if (store->generation() > 0)
        setReports(store->reports());
}

void HistoryPanel::setReportsDir(const QString &dir)
{
    m_dir = dir;
    setReports(dir.isEmpty() ? QList<ReportSummary>() : ReportStore(dir).list());
}

void HistoryPanel::setReports(const QList<ReportSummary> &reports)
{
    const QStringList selected = selectedReportPaths();
    const QString current = m_shownPath;
    m_model->setReports(reports);
    refillCombos();
    if (!m_columnsFitted || reports.size() < 200)
        fitColumns();
    QStringList keep = selected;
    if (!current.isEmpty() && !keep.contains(current))
        keep.prepend(current);
    selectReports(keep);
    // Something to read from the start: the first (by default the newest) report.
    if (!m_view->currentIndex().isValid() && m_filter->rowCount() > 0)
        selectReports({m_filter->index(0, DateColumn).data(PathRole).toString()});
    if (!m_view->currentIndex().isValid()) {
        m_shownPath.clear();
        m_detail->showReport(QString());
    }
    // Charts over thousands of points: built when their tab shows, not on every index.
    m_otherTabsStale = true;
    if (m_tabs->currentIndex() != ReportsTab)
        updateOtherTabs();
    updateCount();
    updateActions();
}

void HistoryPanel::refillCombos()
{
    QSet<QString> components;
    QSet<QString> stages;
    for (const ReportSummary &s : m_model->reports()) {
        if (!s.readable())
            continue;
        components.insert(s.component);
        if (!s.fromStage.isEmpty())
            stages.insert(s.fromStage);
        stages.insert(s.toStage);
    }
    for (auto [combo, values] : {std::pair{m_componentFilter, components}, std::pair{m_stageFilter, stages}}) {
        const QString current = combo->currentData().toString();
        QStringList sorted(values.begin(), values.end());
        sorted.sort();
        const QSignalBlocker block(combo);
        while (combo->count() > 1)
            combo->removeItem(1);
        for (const QString &v : std::as_const(sorted))
            combo->addItem(v, v);
        combo->setCurrentIndex(std::max(0, combo->findData(current)));
    }
}

void HistoryPanel::applyFilter()
{
    m_filter->setText(m_filterEdit->text());
    m_filter->setComponent(m_componentFilter->currentData().toString());
    m_filter->setStage(m_stageFilter->currentData().toString());
    m_filter->setOutcome(m_outcomeFilter->currentData().toString());
    m_filter->setDateRange(m_dateCheck->isChecked() ? m_fromDate->date() : QDate(),
                           m_dateCheck->isChecked() ? m_toDate->date() : QDate());
    if (!m_componentFilter->currentData().toString().isEmpty())
        m_trends->setComponent(m_componentFilter->currentData().toString());
    updateCount();
    updateActions();
}

void HistoryPanel::updateCount()
{
    if (reportsDir().isEmpty() && m_model->rowCount() == 0) {
        m_count->setText(tr("No workspace open"));
        return;
    }
    const int all = m_model->rowCount();
    const int shown = m_filter->rowCount();
    m_count->setText(shown == all ? tr("%n report(s)", nullptr, all)
                                  : tr("%1 of %n report(s)", nullptr, all).arg(shown));
}

void HistoryPanel::fitColumns()
{
    // Measured over a sample: a column fits its header and the first rows, without asking
    // every one of 10,000 rows for its size.
    QHeaderView *header = m_view->horizontalHeader();
    const QFontMetrics fm = m_view->fontMetrics();
    const int rows = std::min(m_filter->rowCount(), 200);
    for (int c = 0; c < ColumnCount; ++c) {
        int width = header->sectionSizeHint(c);
        for (int row = 0; row < rows; ++row)
            width = std::max(width, fm.horizontalAdvance(m_filter->index(row, c).data().toString()) + 16);
        header->resizeSection(c, std::min(width, 360));
    }
    m_columnsFitted = rows > 0;
}

QStringList HistoryPanel::selectedReportPaths() const
{
    QStringList paths;
    QModelIndexList rows = m_view->selectionModel()->selectedRows(DateColumn);
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : std::as_const(rows))
        paths.append(index.data(PathRole).toString());
    return paths;
}

void HistoryPanel::selectReports(const QStringList &paths)
{
    QItemSelectionModel *selection = m_view->selectionModel();
    selection->clearSelection();
    bool first = true;
    for (const QString &path : paths) {
        const int sourceRow = m_model->rowOfPath(path);
        if (sourceRow < 0)
            continue;
        const QModelIndex index = m_filter->mapFromSource(m_model->index(sourceRow, DateColumn));
        if (!index.isValid())
            continue;
        const auto flags = QItemSelectionModel::Select | QItemSelectionModel::Rows;
        if (first) {
            selection->setCurrentIndex(index, flags);
            m_view->scrollTo(index);
            first = false;
        } else {
            selection->select(index, flags);
        }
    }
}

void HistoryPanel::openReport(const QString &path)
{
    if (m_model->rowOfPath(path) < 0)
        return;
    // Shown even when the filter hides it.
    const QModelIndex source = m_model->index(m_model->rowOfPath(path), DateColumn);
    if (!m_filter->mapFromSource(source).isValid()) {
        m_filterEdit->clear();
        m_componentFilter->setCurrentIndex(0);
        m_stageFilter->setCurrentIndex(0);
        m_outcomeFilter->setCurrentIndex(0);
        m_dateCheck->setChecked(false);
    }
    m_tabs->setCurrentIndex(ReportsTab);
    selectReports({path});
}

void HistoryPanel::showCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    const QString path = current.isValid()
                             ? m_filter->index(current.row(), DateColumn).data(PathRole).toString()
                             : QString();
    if (path == m_shownPath)
        return;
    m_shownPath = path;
    m_detail->showReport(path);
    if (!path.isEmpty())
        Q_EMIT reportShown(path);
    updateActions();
}

QList<ReportSummary> HistoryPanel::historyOf(const QString &component) const
{
    QList<ReportSummary> result;
    for (const ReportSummary &s : m_model->reports()) {
        if (s.readable() && s.component == component)
            result.append(s);
    }
    return result;
}

QString HistoryPanel::previousReportOf(const QString &path) const
{
    const int row = m_model->rowOfPath(path);
    if (row < 0 || !m_model->summary(row).readable())
        return {};
    const ReportSummary &me = m_model->summary(row);
    // The store keeps reports oldest first.
    QString previous;
    for (const ReportSummary &s : m_model->reports()) {
        if (s.path == path)
            break;
        if (s.readable() && s.component == me.component && !s.dryRun &&
            s.outcome != RunOutcome::Discarded)
            previous = s.path;
    }
    return previous;
}

void HistoryPanel::updateActions()
{
    const QStringList selected = selectedReportPaths();
    m_compareAction->setEnabled(selected.size() == 2);
    m_compareAction->setToolTip(selected.size() == 2
                                    ? tr("Compare the two selected reports")
                                    : tr("Select two reports to compare them"));
    m_comparePreviousAction->setEnabled(!m_shownPath.isEmpty() &&
                                        !previousReportOf(m_shownPath).isEmpty());
    for (QAction *a : m_exportActions)
        a->setEnabled(selected.size() == 1 || selected.size() == 2);
}

void HistoryPanel::compareSelected()
{
    const QStringList selected = selectedReportPaths();
    if (selected.size() != 2)
        return;
    auto *dialog = new ReportCompareDialog(selected.at(0), selected.at(1), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void HistoryPanel::compareWithPrevious()
{
    const QString previous = previousReportOf(m_shownPath);
    if (previous.isEmpty())
        return;
    auto *dialog = new ReportCompareDialog(previous, m_shownPath, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void HistoryPanel::setChainVerdict(const ReportChain::Verdict &verdict)
{
    if (verdict.ok) {
        m_banner->hide();
        m_banner->setToolTip(verdict.unchained.isEmpty()
                                 ? QString()
                                 : tr("%n report(s) from before the hash chain (unchained)",
                                      nullptr, int(verdict.unchained.size())));
        return;
    }
    const QColor fail = ChartPalette::fail(palette());
    QColor tint = fail;
    tint.setAlpha(40);
    m_banner->setStyleSheet(QStringLiteral("QLabel#chainBanner { background: rgba(%1, %2, %3, %4); "
                                           "border: 1px solid %5; border-radius: 4px; }")
                                .arg(tint.red())
                                .arg(tint.green())
                                .arg(tint.blue())
                                .arg(tint.alpha())
                                .arg(fail.name()));
    m_banner->setText(tr("The reports' hash chain is broken at %1 (%2): %3")
                          .arg(QFileInfo(verdict.firstBadPath).fileName(),
                               ReportChain::problemName(verdict.problem), verdict.message));
    m_banner->setToolTip(verdict.firstBadPath);
    m_banner->show();
}

bool HistoryPanel::exportReports(const QStringList &paths, ReportExporter::Format format,
                                 const QString &out, QString *error)
{
    if (paths.size() == 2)
        return ReportExporter::exportComparison(paths.at(0), paths.at(1), format, out, error);
    if (paths.size() != 1)
        return false;
    const int row = m_model->rowOfPath(paths.first());
    const QString component = row >= 0 ? m_model->summary(row).component : QString();
    return ReportExporter::exportReport(paths.first(), format, out, historyOf(component), error);
}

void HistoryPanel::chooseExport(ReportExporter::Format format)
{
    const QStringList paths = selectedReportPaths();
    if (paths.isEmpty() || paths.size() > 2)
        return;
    QString name = QStringLiteral("comparison.%1").arg(ReportExporter::suffix(format));
    if (paths.size() == 1) {
        const int row = m_model->rowOfPath(paths.first());
        const QString component = row >= 0 ? m_model->summary(row).component : QString();
        name = format == ReportExporter::Format::Html
                   ? QStringLiteral("workflow_dashboard_%1.html").arg(component)
                   : QFileInfo(paths.first()).completeBaseName() + QLatin1Char('.') +
                         ReportExporter::suffix(format);
    }
    auto *dialog = new QFileDialog(this, tr("Export"), name);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    connect(dialog, &QFileDialog::fileSelected, this, [this, paths, format](const QString &out) {
        QString error;
        if (!exportReports(paths, format, out, &error)) {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Export"),
                                        tr("The export failed: %1").arg(error), QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
    });
    dialog->open();
}

void HistoryPanel::addFolder()
{
    auto *dialog = new QFileDialog(this, tr("Add a Reports Folder"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &dir) {
        QSettings settings;
        QStringList extra = settings.value(extraFoldersKey()).toStringList();
        if (!extra.contains(dir))
            extra.append(dir);
        settings.setValue(extraFoldersKey(), extra);
        if (m_store) {
            QStringList folders = m_store->folders();
            folders.append(dir);
            m_store->setFolders(folders);
            m_store->refresh();
        }
    });
    dialog->open();
}

void HistoryPanel::setOrientation(Qt::Orientation orientation)
{
    m_splitter->setOrientation(orientation);
}

} // namespace Promotion
