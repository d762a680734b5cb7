// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "wizardpage.h"

class QLabel;
class QPlainTextEdit;
class QTreeView;

namespace Promotion {

class ChecklistModel;

/*!
 * \brief Page 4: the promotion issue rendered from the run's results, its labels, and
 * the approvals the transition needs, ticked by the people who give them.
 *
 * A tick records the identity of the person at the keyboard (settings override, else
 * git) and the time; an approval the rules refuse (self-approval, one person in two
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

    ChecklistModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_labels = nullptr;
    QLabel *m_location = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_identity = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace Promotion
