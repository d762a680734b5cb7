// SPDX-License-Identifier: GPL-3.0-or-later
#include "unfinishedrunspanel.h"
#include "stepnames.h"

#include <algorithm>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Promotion {

namespace {
constexpr int kVisibleRows = 5; //!< more scroll, so the component list keeps its room
}

UnfinishedRunsPanel::UnfinishedRunsPanel(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("unfinishedRunsPanel"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("unfinishedRunsTitle"));
    m_title->setWordWrap(true);
    layout->addWidget(m_title);

    m_view = new QTreeWidget(this);
    m_view->setObjectName(QStringLiteral("unfinishedRunsView"));
    m_view->setColumnCount(ColumnCount);
    m_view->setHeaderLabels(
        {tr("Component"), tr("Target stage"), tr("Step reached"), tr("Started"), tr("State")});
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Unfinished promotions"));
    m_title->setBuddy(m_view);
    layout->addWidget(m_view);

    auto *buttons = new QHBoxLayout;
    m_resume = new QPushButton(tr("&Resume"), this);
    m_resume->setObjectName(QStringLiteral("resumeRunButton"));
    m_resume->setToolTip(tr("Continue the selected promotion where it stopped (Enter)"));
    m_discard = new QPushButton(tr("&Discard…"), this);
    m_discard->setObjectName(QStringLiteral("discardRunButton"));
    m_discard->setToolTip(tr("Give up the selected promotion: it is no longer offered; nothing is "
                             "undone or deleted (Delete)"));
    buttons->addWidget(m_resume);
    buttons->addWidget(m_discard);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_resume, &QPushButton::clicked, this, [this] { emitFor(true); });
    connect(m_discard, &QPushButton::clicked, this, [this] { emitFor(false); });
    connect(m_view, &QTreeWidget::itemActivated, this, [this] { emitFor(true); });
    connect(m_view, &QTreeWidget::currentItemChanged, this, &UnfinishedRunsPanel::updateButtons);
    auto *discardKey = new QShortcut(QKeySequence::Delete, m_view);
    discardKey->setContext(Qt::WidgetShortcut);
    connect(discardKey, &QShortcut::activated, this, [this] { emitFor(false); });
    updateButtons();
    hide();
}

QString UnfinishedRunsPanel::noteFor(const RunState &run)
{
    if (run.needsReport())
        return tr("%1; report not written — resume to write it").arg(StepNames::outcome(run.outcome));
    if (run.isFinished() && run.github.pendingActions > 0)
        return tr("%1; %n GitHub action(s) not sent yet — resume to send them", nullptr,
                  run.github.pendingActions)
            .arg(StepNames::outcome(run.outcome));
    if (run.execution.rollbackPending)
        return tr("a rollback was in progress — resume to finish it");
    return tr("interrupted — resume to continue");
}

void UnfinishedRunsPanel::setRuns(const QList<RunState> &runs, const QStringList &unreadable)
{
    const QString selected =
        m_view->currentItem() ? m_view->currentItem()->data(0, RunIdRole).toString() : QString();
    m_view->clear();
    m_runCount = int(runs.size());
    QTreeWidgetItem *current = nullptr;
    for (const RunState &run : runs) {
        auto *item = new QTreeWidgetItem(m_view);
        const int step = std::min(run.nextStepIndex(), kStepCount - 1);
        item->setText(ComponentColumn, run.request.component);
        item->setText(TargetColumn, run.request.to);
        item->setText(StepColumn,
                      run.nextStepIndex() >= kStepCount
                          ? tr("all six steps done")
                          : tr("Step %1 · %2").arg(step + 1).arg(StepNames::title(StepId(step))));
        // The name only: an e-mail address would push the state column out of sight.
        QString who = run.promoter;
        if (const qsizetype at = who.indexOf(QLatin1String(" <")); at > 0)
            who.truncate(at);
        item->setText(
            StartedColumn,
            tr("%1 by %2")
                .arg(QLocale().toString(run.startedAt.toLocalTime(), QLocale::ShortFormat), who));
        item->setToolTip(StartedColumn, run.promoter);
        item->setText(NoteColumn, noteFor(run));
        const QString tip = tr("%1\nRun %2").arg(noteFor(run), run.runId);
        for (int c = 0; c < ColumnCount; ++c) {
            if (c != StartedColumn)
                item->setToolTip(c, tip);
        }
        item->setData(0, RunIdRole, run.runId);
        item->setData(0, ComponentRole, run.request.component);
        if (run.runId == selected)
            current = item;
    }
    for (const QString &problem : unreadable) {
        auto *item = new QTreeWidgetItem(m_view);
        // Across the row: the reason is the only thing to show.
        item->setText(ComponentColumn, tr("(unreadable) cannot be read: %1").arg(problem));
        item->setFirstColumnSpanned(true);
        for (int c = 0; c < ColumnCount; ++c)
            item->setToolTip(c, problem);
    }
    const int total = m_view->topLevelItemCount();
    m_title->setText(
        tr("<b>Unfinished promotions</b> (%n): resume one to continue where it stopped, or "
           "discard it.",
           nullptr, total));
    for (int c = 0; c < ColumnCount - 1; ++c)
        m_view->resizeColumnToContents(c);
    // Spanned rows (unreadable journals) must not widen the component column.
    int componentWidth = m_view->header()->sectionSizeHint(ComponentColumn);
    for (int r = 0; r < m_runCount; ++r)
        componentWidth =
            std::max(componentWidth, m_view->fontMetrics().horizontalAdvance(
                                         m_view->topLevelItem(r)->text(ComponentColumn)) +
                                         24);
    m_view->header()->resizeSection(ComponentColumn, componentWidth);
    if (!current && total > 0)
        current = m_view->topLevelItem(0);
    m_view->setCurrentItem(current);
    updateButtons();
    fitHeight();
    setVisible(total > 0);
}

void UnfinishedRunsPanel::fitHeight()
{
    // As tall as its rows (up to kVisibleRows), never cut: a run that is listed is seen.
    const int rows = std::clamp(m_view->topLevelItemCount(), 1, kVisibleRows);
    const int rowHeight = std::max(m_view->sizeHintForRow(0), fontMetrics().height() + 6);
    // Room for a horizontal scroll bar: the note column can be long.
    const int height = m_view->header()->sizeHint().height() + rows * rowHeight +
                       2 * m_view->frameWidth() +
                       m_view->horizontalScrollBar()->sizeHint().height();
    m_view->setFixedHeight(height);
}

void UnfinishedRunsPanel::updateButtons()
{
    QTreeWidgetItem *item = m_view->currentItem();
    const bool run = item && !item->data(0, RunIdRole).toString().isEmpty();
    m_resume->setEnabled(run);
    m_discard->setEnabled(run);
}

void UnfinishedRunsPanel::emitFor(bool resume)
{
    QTreeWidgetItem *item = m_view->currentItem();
    if (!item)
        return;
    const QString runId = item->data(0, RunIdRole).toString();
    if (runId.isEmpty())
        return; // an unreadable journal: nothing to resume or discard
    const QString component = item->data(0, ComponentRole).toString();
    if (resume)
        Q_EMIT resumeRequested(component, runId);
    else
        Q_EMIT discardRequested(component, runId);
}

} // namespace Promotion
