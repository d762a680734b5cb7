// SPDX-License-Identifier: GPL-3.0-or-later
#include "historypanel.h"
#include "stepnames.h"

#include "chartpalette.h"
#include "reportcomparedialog.h"
#include "syntaxhighlighting.h"
#include "teardown.h"

#include <algorithm>
#include <QAction>
#include <QDateTime>
#include <QLocale>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTimeZone>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Promotion {

namespace {

// Run ids start with the UTC start time ("20240501-140312-…"): a finer date than the report's day.
QString displayDate(const ReportSummary &s)
{
    static const QRegularExpression stamp(QStringLiteral("^(\\d{8}-\\d{6})-"));
    const QRegularExpressionMatch m = stamp.match(s.runId);
    if (m.hasMatch()) {
        QDateTime t = QDateTime::fromString(m.captured(1), QStringLiteral("yyyyMMdd-HHmmss"));
        t.setTimeZone(QTimeZone::utc());
        if (t.isValid())
            return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
    }
    return s.date;
}

QString outcomeText(RunOutcome outcome)
{
    return StepNames::outcome(outcome);
}

} // namespace

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("historyPanel"));
    m_model->setHorizontalHeaderLabels({tr("Date"), tr("Component"), tr("Transition"),
                                        tr("Coverage"), tr("Outcome"), tr("Dry run")});
    m_model->setSortRole(SortRole);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("historyCountLabel"));
    bar->addWidget(m_count, 1);
    m_compareAction = new QAction(tr("&Compare…"), this);
    m_compareAction->setObjectName(QStringLiteral("compareAction"));
    m_compareAction->setToolTip(tr("Compare the quality gates of the two selected reports"));
    m_compareAction->setEnabled(false);
    connect(m_compareAction, &QAction::triggered, this, &HistoryPanel::compareSelected);
    auto *compare = new QToolButton(this);
    compare->setObjectName(QStringLiteral("compareButton"));
    compare->setDefaultAction(m_compareAction);
    compare->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addWidget(compare);
    layout->addLayout(bar);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("historySplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_view = new QTreeView(m_splitter);
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->sortByColumn(DateColumn, Qt::DescendingOrder);
    m_view->header()->setStretchLastSection(false);
    m_view->addAction(m_compareAction);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_viewer = new QPlainTextEdit(m_splitter);
    m_viewer->setObjectName(QStringLiteral("reportViewer"));
    m_viewer->setReadOnly(true);
    m_viewer->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_viewer->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_viewer->setPlaceholderText(tr("Select a report to see it here"));
    SyntaxHighlighting::attach(m_viewer->document(), QStringLiteral("JSON"));
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryPanel::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HistoryPanel::showCurrent);
    fill();
}

HistoryPanel::~HistoryPanel()
{
    // The model dies before the view after this body: its selection model's signals
    // (selectionChanged, currentRowChanged) must not reach a half-destroyed panel.
    disconnectDescendants(this);
}

void HistoryPanel::setReportsDir(const QString &dir)
{
    m_dir = dir;
    reload();
}

void HistoryPanel::reload()
{
    const QStringList selected = selectedReportPaths();
    m_summaries = m_dir.isEmpty() ? QList<ReportSummary>() : ReportStore(m_dir).list();
    fill();
    selectReports(selected);
    // Something to read from the start: the first (by default the newest) report.
    if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
        selectReports({m_model->index(0, DateColumn).data(PathRole).toString()});
}

void HistoryPanel::setOrientation(Qt::Orientation orientation)
{
    m_splitter->setOrientation(orientation);
}

void HistoryPanel::fill()
{
    m_model->removeRows(0, m_model->rowCount());
    const QPalette pal = palette();
    for (const ReportSummary &s : std::as_const(m_summaries)) {
        QList<QStandardItem *> row;
        const auto add = [&row](const QString &text, const QVariant &sortKey) {
            auto *item = new QStandardItem(text);
            item->setData(sortKey, SortRole);
            row.append(item);
            return item;
        };
        if (!s.problem.isEmpty()) {
            QStandardItem *date = add(tr("?"), QString());
            date->setData(s.path, PathRole);
            add(QFileInfo(s.path).fileName(), QFileInfo(s.path).fileName());
            add(QString(), QString());
            add(QString(), -1.0);
            QStandardItem *outcome = add(tr("unreadable"), QString());
            outcome->setForeground(ChartPalette::fail(pal));
            add(QString(), QString());
            for (QStandardItem *item : std::as_const(row))
                item->setToolTip(s.problem);
            m_model->appendRow(row);
            continue;
        }
        QStandardItem *date = add(displayDate(s), QString(s.date + QLatin1Char(' ') + s.runId));
        date->setData(s.path, PathRole);
        add(s.component, s.component);
        add(QStringLiteral("%1 → %2").arg(s.fromStage.isEmpty() ? tr("?") : s.fromStage, s.toStage),
            QString(s.fromStage + QLatin1Char(' ') + s.toStage));
        QStandardItem *coverage =
            add(s.coverage ? QLocale().toString(*s.coverage, 'f', 1) + QStringLiteral(" %") : tr("—"),
                s.coverage.value_or(-1.0));
        coverage->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        QStandardItem *outcome = add(outcomeText(s.outcome), runOutcomeName(s.outcome));
        if (exitCodeFor(s.outcome) == 0)
            outcome->setForeground(ChartPalette::pass(pal));
        else if (s.outcome != RunOutcome::Running && s.outcome != RunOutcome::Discarded)
            outcome->setForeground(ChartPalette::fail(pal));
        add(s.dryRun ? tr("yes") : tr("no"), s.dryRun ? 1 : 0);
        for (QStandardItem *item : std::as_const(row))
            item->setToolTip(s.path);
        m_model->appendRow(row);
    }
    m_view->sortByColumn(m_view->header()->sortIndicatorSection(),
                         m_view->header()->sortIndicatorOrder());
    // Every row measured, not only those in the viewport (which before showing may be none).
    QStyleOptionViewItem option;
    option.font = m_view->font();
    option.fontMetrics = m_view->fontMetrics();
    for (int c = 0; c < ColumnCount; ++c) {
        int width = m_view->header()->sectionSizeHint(c);
        for (int row = 0; row < m_model->rowCount(); ++row)
            width = qMax(width,
                         m_view->itemDelegate()->sizeHint(option, m_model->index(row, c)).width());
        m_view->header()->resizeSection(c, width + 8);
    }
    m_count->setText(m_dir.isEmpty() ? tr("No workspace open")
                                     : tr("%n report(s) in .promotion/reports", nullptr,
                                          int(m_summaries.size())));
    if (!m_shownPath.isEmpty() && !QFileInfo::exists(m_shownPath)) {
        m_shownPath.clear();
        m_viewer->clear();
    }
    updateActions();
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
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QModelIndex index = m_model->index(row, DateColumn);
            if (index.data(PathRole).toString() != path)
                continue;
            const auto flags = QItemSelectionModel::Select | QItemSelectionModel::Rows;
            if (first) {
                selection->setCurrentIndex(index, flags);
                first = false;
            } else {
                selection->select(index, flags);
            }
        }
    }
}

void HistoryPanel::showCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    const QString path = current.isValid()
                             ? m_model->index(current.row(), DateColumn).data(PathRole).toString()
                             : QString();
    if (path == m_shownPath)
        return;
    m_shownPath = path;
    if (path.isEmpty()) {
        m_viewer->clear();
        return;
    }
    QString error;
    const std::optional<QJsonObject> report = ReportStore::load(path, &error);
    // Re-indented so every report reads the same, whatever wrote it.
    m_viewer->setPlainText(
        report ? QString::fromUtf8(QJsonDocument(*report).toJson(QJsonDocument::Indented)) : error);
    Q_EMIT reportShown(path);
}

void HistoryPanel::updateActions()
{
    const QStringList selected = selectedReportPaths();
    m_compareAction->setEnabled(selected.size() == 2);
    m_compareAction->setToolTip(selected.size() == 2
                                    ? tr("Compare the quality gates of the two selected reports")
                                    : tr("Select two reports to compare them"));
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

} // namespace Promotion
