// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "wizardpage.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QTreeView;

namespace Promotion {

class ChecklistModel;

/*!
 * \brief Page 4: the promotion issue rendered from the run's results, its labels, and
 * the approvals the transition needs, ticked by the people who give them.
 *
 * With a GitHub repository (the policy's, else Settings'), the page shows the issue,
 * its board column, each approval's path (console, checkbox, /approve comment), the
 * GitHub actions still queued and approvals that do not count, and reads the issue
 * again every tracking.poll_seconds while it is shown (or at once on Refresh).
 *
 * A tick records the identity of the person at the keyboard (the token's GitHub login
 * when there is one, else settings override, else git) and the time; an approval the rules refuse (self-approval, one person in two
 * roles) is not recorded and the page says which rule refused it.
 */
class TrackingPage final : public WizardPage
{
    Q_OBJECT
public:
    explicit TrackingPage(PromotionEngine *engine, QWidget *parent = nullptr);
    ~TrackingPage() override;

    QString subtitle() const override;
    void enter() override;
    void reload() override;
    ChecklistModel *model() const { return m_model; }

private:
    void showIssue();
    void updateStatus();
    void showRefusal(const QString &id, const QString &reason);
    void showGitHub();
    void refresh();

protected:
    void hideEvent(QHideEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:

    ChecklistModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_labels = nullptr;
    QLabel *m_location = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_identity = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_github = nullptr;
    int m_rateLimitLeft = 0; //!< seconds until GitHub's rate limit lets the tracking go on
    QString m_rateLimitReason;
    QPushButton *m_refresh = nullptr;
    QTimer *m_poll = nullptr;
};

} // namespace Promotion
