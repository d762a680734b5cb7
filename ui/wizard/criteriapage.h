// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "wizardpage.h"

class QLabel;
class QTextBrowser;
class QTreeView;

namespace Promotion {

class ChecklistModel;

/*!
 * \brief Page 3: the promotion criteria of the transition. Items the gates proved are
 * ticked with their evidence; a person ticks the rest. The side pane shows the evidence
 * of the selected item.
 */
class CriteriaPage final : public WizardPage
{
    Q_OBJECT
public:
    explicit CriteriaPage(PromotionEngine *engine, QWidget *parent = nullptr);
    ~CriteriaPage() override;

    QString subtitle() const override;
    void enter() override;
    void reload() override;
    ChecklistModel *model() const { return m_model; }

private:
    void showEvidence();
    void updateStatus();

    ChecklistModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QTextBrowser *m_evidence = nullptr;
    QLabel *m_status = nullptr;
    QString m_refusal;
};

} // namespace Promotion
