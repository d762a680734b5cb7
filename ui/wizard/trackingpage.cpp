// SPDX-License-Identifier: GPL-3.0-or-later
#include "trackingpage.h"

#include "checklistmodel.h"
#include "enginetext.h"
#include "statuspalette.h"
#include "syntaxhighlighting.h"
#include "teardown.h"
#include "workflow/githubtracking.h"
#include "workflow/promotionengine.h"

#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace Promotion {

TrackingPage::TrackingPage(PromotionEngine *engine, QWidget *parent)
    : WizardPage(StepId::Tracking, engine, parent)
    , m_model(new ChecklistModel(ChecklistModel::Kind::Approvals, engine, this))
{
    setObjectName(QStringLiteral("pageTracking"));
    m_model->setIdentityProvider([this] { return identityForRecord(); });
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);

    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(left);
    m_title->setObjectName(QStringLiteral("issueTitle"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_labels = new QLabel(left);
    m_labels->setObjectName(QStringLiteral("issueLabels"));
    m_labels->setWordWrap(true);
    m_labels->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *previewLabel = new QLabel(tr("&Promotion issue"), left);
    m_preview = new QPlainTextEdit(left);
    m_preview->setObjectName(QStringLiteral("issuePreview"));
    m_preview->setReadOnly(true);
    m_preview->setTabChangesFocus(true);
    previewLabel->setBuddy(m_preview);
    SyntaxHighlighting::attach(m_preview->document(), QStringLiteral("Markdown"));
    m_location = new QLabel(left);
    m_location->setObjectName(QStringLiteral("issueLocation"));
    m_location->setWordWrap(true);
    m_location->setOpenExternalLinks(true);
    m_location->setTextInteractionFlags(Qt::TextBrowserInteraction);
    leftLayout->addWidget(previewLabel);
    leftLayout->addWidget(m_title);
    leftLayout->addWidget(m_labels);
    leftLayout->addWidget(m_preview, 1);
    leftLayout->addWidget(m_location);

    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *approvalsLabel = new QLabel(tr("&Approvals (Space ticks the selected role)"), right);
    m_view = new QTreeView(right);
    m_view->setObjectName(QStringLiteral("approvalsView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    // Role names are short and must stay readable; a long identity is elided (its tooltip has it).
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ChecklistModel::ItemColumn,
                                           QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(ChecklistModel::ByColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(ChecklistModel::WhenColumn,
                                           QHeaderView::ResizeToContents);
    approvalsLabel->setBuddy(m_view);
    m_identity = new QLabel(right);
    m_identity->setObjectName(QStringLiteral("approverIdentity"));
    m_identity->setWordWrap(true);
    m_error = new QLabel(right);
    m_error->setObjectName(QStringLiteral("approvalError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    rightLayout->addWidget(approvalsLabel);
    rightLayout->addWidget(m_view, 1);
    rightLayout->addWidget(m_identity);
    rightLayout->addWidget(m_error);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    m_github = new QLabel(right);
    m_github->setObjectName(QStringLiteral("githubStatus"));
    m_github->setWordWrap(true);
    m_github->setOpenExternalLinks(true);
    m_github->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_refresh = new QPushButton(tr("&Refresh from GitHub"), right);
    m_refresh->setObjectName(QStringLiteral("refreshApprovals"));
    m_refresh->setToolTip(tr("Read the issue's ticks and /approve comments now"));
    auto *githubRow = new QHBoxLayout;
    githubRow->addWidget(m_github, 1);
    githubRow->addWidget(m_refresh, 0, Qt::AlignTop);
    rightLayout->addLayout(githubRow);
    connect(m_refresh, &QPushButton::clicked, this, &TrackingPage::refresh);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("trackingStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    // While approvals are missing and the page is shown, read the issue again.
    m_poll = new QTimer(this);
    m_poll->setObjectName(QStringLiteral("approvalsPoll"));
    connect(m_poll, &QTimer::timeout, this, &TrackingPage::refresh);
    connect(engine, &PromotionEngine::stateChanged, this, &TrackingPage::showGitHub);
    connect(engine, &PromotionEngine::gitHubRateLimitWait, this,
            [this](int secondsLeft, const QString &reason) {
                m_rateLimitLeft = secondsLeft;
                m_rateLimitReason = reason;
                showGitHub();
            });

    connect(m_model, &ChecklistModel::refused, this, &TrackingPage::showRefusal);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(0, 0));
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(0, 0));
    });
    connect(engine, &PromotionEngine::stepFinished, this, [this](StepId step, StepStatus) {
        if (step == StepId::Tracking) {
            setError(m_error, {});
            showIssue();
            updateStatus();
            Q_EMIT completeChanged();
        }
    });
}

TrackingPage::~TrackingPage()
{
    // After this body the page is only a QWidget while its children die; signals from
    // the approvals model (refused, modelReset, rowsInserted) must not reach our slots then.
    disconnectDescendants(this);
}

QString TrackingPage::subtitle() const
{
    return tr("The promotion issue is rendered from the results so far. Each approver ticks their "
              "role; nobody approves their own promotion twice.");
}

void TrackingPage::enter()
{
    const StepStatus status = engine()->state().step(StepId::Tracking).status;
    if (!engine()->isBusy() && status != StepStatus::Passed &&
        engine()->state().step(StepId::Execute).status == StepStatus::Pending)
        engine()->runStep(StepId::Tracking);
    showIssue();
    updateStatus();
    showGitHub();
    m_view->setFocus();
}

void TrackingPage::reload()
{
    m_model->reload();
    showIssue();
    updateStatus();
    Q_EMIT completeChanged();
}

void TrackingPage::showEvent(QShowEvent *event)
{
    WizardPage::showEvent(event);
    if (engine()->github()->isEnabled()) {
        m_poll->start(std::max(1, engine()->policy().tracking.pollSeconds) * 1000);
    }
}

void TrackingPage::hideEvent(QHideEvent *event)
{
    m_poll->stop();
    WizardPage::hideEvent(event);
}

void TrackingPage::refresh()
{
    const RunState &s = engine()->state();
    if (s.step(StepId::Tracking).status == StepStatus::Passed &&
        s.step(StepId::Execute).status != StepStatus::Pending) {
        m_poll->stop(); // deployed: the approvals are final
        return;
    }
    engine()->refreshApprovals();
}

void TrackingPage::showGitHub()
{
    GitHubTracking *gh = engine()->github();
    const RunState &s = engine()->state();
    const bool deployed = s.step(StepId::Execute).status != StepStatus::Pending;
    m_refresh->setVisible(gh->isEnabled());
    m_refresh->setEnabled(gh->isEnabled() && !engine()->isBusy() && !deployed);
    if (gh->repository().isEmpty()) {
        m_github->setText(tr("No GitHub repository: approvals are given in this console. Name "
                             "one in the policy (tracking.repository) or in Settings."));
        return;
    }
    if (s.request.dryRun) {
        m_github->setText(tr("Dry run: nothing is sent to %1.").arg(gh->repository().toHtmlEscaped()));
        return;
    }
    const GitHubTrackingState &g = s.github;
    QStringList lines;
    const QString source = gh->repositorySource() == u"settings" ? tr("from Settings")
                                                                : tr("from the policy");
    lines << tr("GitHub <b>%1</b> (%2)%3")
                 .arg(gh->repository().toHtmlEscaped(), source,
                      g.login.isEmpty() ? QString()
                                        : tr(", signed in as <b>@%1</b>").arg(g.login.toHtmlEscaped()));
    if (!g.issueUrl.isEmpty())
        lines << tr("Issue: <a href=\"%1\">%1</a>").arg(g.issueUrl.toHtmlEscaped());
    if (!g.boardColumn.isEmpty())
        lines << tr("Board column: %1").arg(g.boardColumn.toHtmlEscaped());
    // The report counts what was pending when it was written; the outcome comment and labels
    // come after it, so a finished run's count says how many of those it holds.
    if (g.pendingActions > 0 && g.pendingAfterReport > 0)
        lines << tr("%n GitHub action(s) pending, %1 of them queued after the report was "
                    "written; they are sent when GitHub answers.",
                    nullptr, g.pendingActions)
                     .arg(g.pendingAfterReport);
    else if (g.pendingActions > 0)
        lines << tr("%n GitHub action(s) pending; they are sent when GitHub answers.", nullptr,
                    g.pendingActions);
    if (m_rateLimitLeft > 0)
        lines << tr("Waiting for GitHub's rate limit: retrying in %n s (%1).", nullptr,
                    m_rateLimitLeft)
                     .arg(EngineText::display(m_rateLimitReason).toHtmlEscaped());
    if (!g.lastError.isEmpty())
        lines << tr("<span style=\"color:%1\">%2</span>")
                     .arg(StatusPalette::foreground(StatusPalette::Tone::Bad).name(), g.lastError.toHtmlEscaped());
    for (const RejectedApproval &r : g.rejected)
        lines << tr("Not counted: %1 by @%2 (%3): %4")
                     .arg(r.role.toHtmlEscaped(), r.login.toHtmlEscaped(),
                          ChecklistModel::pathText(r.path), r.reason.toHtmlEscaped());
    if (g.lastPolled.isValid())
        lines << tr("Last read %1").arg(QLocale().toString(g.lastPolled.toLocalTime().time(),
                                                            QLocale::ShortFormat));
    m_github->setText(lines.join(QStringLiteral("<br>")));
}

void TrackingPage::showIssue()
{
    const RunState &s = engine()->state();
    m_title->setText(s.issueTitle);
    const QString body = s.issueBody;
    if (m_preview->toPlainText() != body)
        m_preview->setPlainText(body);
    m_labels->setText(s.labels.isEmpty()
                          ? tr("Labels: none")
                          : tr("Labels: %1").arg(s.labels.join(QStringLiteral(", "))));
    if (!s.issueUrl.isEmpty()) {
        m_location->setText(tr("Issue: <a href=\"%1\">%1</a>").arg(s.issueUrl.toHtmlEscaped()));
    } else if (!s.issueBody.isEmpty()) {
        const QString path =
            QDir(engine()->runDir()).filePath(QStringLiteral("promotion_issue.md"));
        m_location->setText(tr("Saved as <a href=\"%1\">%2</a>%3")
                                .arg(QUrl::fromLocalFile(path).toString().toHtmlEscaped(),
                                     path.toHtmlEscaped(),
                                     engine()->github()->repository().isEmpty()
                                         ? tr(" (no GitHub repository is configured)")
                                         : QString()));
    } else {
        m_location->clear();
    }
}

void TrackingPage::updateStatus()
{
    m_identity->setText(
        tr("Ticking records <b>%1</b> and the time. The promoter is %2.")
            .arg(currentIdentity().toHtmlEscaped(), engine()->state().promoter.toHtmlEscaped()));
    const int missing = m_model->missingRequiredCount();
    const StepState &step = engine()->state().step(StepId::Tracking);
    if (m_model->rowCount() == 0)
        m_status->setText(tr("The approvals appear once the criteria are met."));
    else if (step.status == StepStatus::Passed)
        m_status->setText(tr("✓ %1").arg(EngineText::display(step.summary)));
    else if (missing == 1)
        m_status->setText(tr("1 approval is missing."));
    else if (missing > 1)
        m_status->setText(tr("%1 approvals are missing.").arg(missing));
    else
        m_status->setText(EngineText::display(step.summary));
}

void TrackingPage::showRefusal(const QString &id, const QString &reason)
{
    const int row = m_model->rowOf(id);
    const QString role =
        row >= 0 ? m_model->index(row, ChecklistModel::ItemColumn).data().toString() : id;
    const QString text = tr("%1 was not recorded: %2").arg(role, reason);
    setError(m_error, text);
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Approval Refused"), text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("approvalRefusedBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("The person who approves must be someone else: set their name in Settings "
           "(identity) on their machine, or change the policy's allow_self_approval."));
    box->open();
    updateStatus();
}

} // namespace Promotion
