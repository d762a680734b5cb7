// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "followup/followupcheck.h"

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Promotion {

/*!
 * \brief The 24-hour follow-up of each component's newest promotion: "due in 5 h", "due now",
 * "passed …" or "FAILED …", and Check now, which runs it at once (like `follow-up --now`).
 *
 * followUpFailed() is the hook for what a failed follow-up leads to (a rollback offer, the
 * rollback issue where GitHub tracking is configured). Child object names: followUpView,
 * followUpCheckButton, followUpStatusLabel.
 */
class FollowUpPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit FollowUpPanel(QWidget *parent = nullptr);

    /*! Show the follow-ups of \a workspaceRoot (empty: none). */
    void setWorkspace(const QString &workspaceRoot);
    void reload();
    /*! Check the selected row now; false when nothing is selected or a check runs. */
    bool checkSelected();

Q_SIGNALS:
    void followUpFinished(const Promotion::FollowUpRecord &record);
    void followUpFailed(const Promotion::FollowUpRecord &record);
    /*! The rows of the last reload() are shown. */
    void rowsShown();

private:
    /*! Show \a rows, read on a worker thread for reload number \a generation. */
    void showRows(const QList<Promotion::FollowUpCandidate> &rows, int generation);

    QString m_root;
    QList<FollowUpCandidate> m_rows;
    int m_generation = 0;
    QTreeWidget *m_view;
    QPushButton *m_check;
    QLabel *m_status;
    FollowUpCheck *m_running = nullptr;
};

} // namespace Promotion
