// SPDX-License-Identifier: GPL-3.0-or-later
#include "resumebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace Promotion {

ResumeBanner::ResumeBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("resumeBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(0xfd, 0xf3, 0xd6));
    p.setColor(QPalette::WindowText, QColor(0x3d, 0x2c, 0x00));
    setPalette(p);
    auto *layout = new QHBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("resumeBannerText"));
    m_text->setWordWrap(true);
    m_resume = new QPushButton(tr("&Resume"), this);
    m_resume->setObjectName(QStringLiteral("resumePromotionButton"));
    m_dismiss = new QPushButton(tr("Not &now"), this);
    m_dismiss->setObjectName(QStringLiteral("dismissResumeButton"));
    layout->addWidget(m_text, 1);
    layout->addWidget(m_resume);
    layout->addWidget(m_dismiss);
    connect(m_resume, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT resumeRequested(m_component, m_runId);
    });
    connect(m_dismiss, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

void ResumeBanner::setRuns(const QList<RunState> &runs)
{
    if (runs.isEmpty()) {
        m_component.clear();
        m_runId.clear();
        hide();
        return;
    }
    const RunState &run = runs.first();
    m_component = run.request.component;
    m_runId = run.runId;
    const int step = std::min(run.nextStepIndex(), kStepCount - 1);
    QString text = tr("Resume promotion of <b>%1</b> to %2 at step %3 (%4)?")
                       .arg(m_component.toHtmlEscaped(), run.request.to.toHtmlEscaped())
                       .arg(step + 1)
                       .arg(stepTitle(StepId(step)).toHtmlEscaped());
    text += tr(" It was started %1 by %2 and did not finish.")
                .arg(QLocale().toString(run.startedAt.toLocalTime(), QLocale::ShortFormat),
                     run.promoter.toHtmlEscaped());
    if (runs.size() > 1)
        text += tr(" %n other unfinished run(s) can be resumed afterwards.", nullptr,
                   int(runs.size()) - 1);
    m_text->setText(text);
    show();
}

} // namespace Promotion
