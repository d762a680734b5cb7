// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/runstate.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Promotion {

/*!
 * \brief Every unfinished promotion of the workspace, above the component list: component,
 * target stage, step reached, started, and what a resume would do; Resume and Discard… act
 * on the selected row (Enter resumes, Delete discards). Runs whose journal cannot be read
 * get a row with the reason and no actions. Hidden when there is nothing to list.
 *
 * Object names for tests: unfinishedRunsPanel, unfinishedRunsTitle, unfinishedRunsView,
 * resumeRunButton, discardRunButton.
 */
class UnfinishedRunsPanel final : public QFrame
{
    Q_OBJECT
public:
    enum Column
    {
        ComponentColumn,
        TargetColumn,
        StepColumn,
        StartedColumn,
        NoteColumn,
        ColumnCount
    };
    enum Role
    {
        RunIdRole = Qt::UserRole + 1,
        ComponentRole
    };

    explicit UnfinishedRunsPanel(QWidget *parent = nullptr);

    /*! Show \a runs (as RunJournal::resumable() returns them) and \a unreadable journals
     * ("path: reason"); hides when both are empty. The selection stays on the same run. */
    void setRuns(const QList<RunState> &runs, const QStringList &unreadable);
    int runCount() const { return m_runCount; }
    QTreeWidget *view() const { return m_view; }
    /*! The text of the note column for \a run: what resuming it does. */
    static QString noteFor(const RunState &run);

Q_SIGNALS:
    void resumeRequested(const QString &component, const QString &runId);
    void discardRequested(const QString &component, const QString &runId);

private:
    void updateButtons();
    void emitFor(bool resume);
    void fitHeight();

    QLabel *m_title = nullptr;
    QTreeWidget *m_view = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_discard = nullptr;
    int m_runCount = 0;
};

} // namespace Promotion
