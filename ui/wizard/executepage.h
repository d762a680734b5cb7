// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "wizardpage.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Promotion {

class LogView;

/*!
 * \brief Page 5: what the promotion will change (metadata and documentation as a diff,
 * every command steps 5 and 6 and a rollback will run, as the engine plans them) shown
 * before anything happens, then the button that does it
 * (or records it, in a dry run) with the commands' output live.
 */
class ExecutePage final : public WizardPage
{
    Q_OBJECT
public:
    explicit ExecutePage(PromotionEngine *engine, QWidget *parent = nullptr);

    QString subtitle() const override;
    void enter() override;
    void reload() override;

    /*! The diff step 5 would apply now, computed without writing anything. */
    QString previewDiff(QString *error) const;

private:
    void execute();
    void showPlan();
    void updateState();
    /*! The last lines of the deploy command that failed, from the journal; empty if none. */
    QString failingOutput() const;
    /*! One rich-text line (label: argv) per command RunContext::plannedCommands() returns. */
    QStringList plannedCommands() const;

    QLabel *m_plan = nullptr;
    QPlainTextEdit *m_diff = nullptr;
    QLabel *m_diffTitle = nullptr;
    QPushButton *m_execute = nullptr;
    LogView *m_log = nullptr;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_failure = nullptr; //!< the failing command's last lines
    QString m_lastSource;
};

} // namespace Promotion
