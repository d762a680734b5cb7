// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/runstate.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace Promotion {

/*!
 * \brief A bar above the component list offering to resume an interrupted promotion
 * ("Resume promotion of X at step N"). Non-modal: the user can ignore it.
 *
 * Object names for tests: resumeBanner, resumeBannerText, resumePromotionButton,
 * dismissResumeButton.
 */
class ResumeBanner final : public QFrame
{
    Q_OBJECT
public:
    explicit ResumeBanner(QWidget *parent = nullptr);

    /*! Offer the first of \a runs (newest first, as RunJournal::unfinished() returns them); hides
     * when empty. */
    void setRuns(const QList<RunState> &runs);
    QString component() const { return m_component; }
    QString runId() const { return m_runId; }

Q_SIGNALS:
    void resumeRequested(const QString &component, const QString &runId);

private:
    QLabel *m_text = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_dismiss = nullptr;
    QString m_component;
    QString m_runId;
};

} // namespace Promotion
