// SPDX-License-Identifier: GPL-3.0-or-later
#include "criteriapage.h"

#include "checklistmodel.h"
#include "enginetext.h"
#include "teardown.h"
#include "workflow/promotionengine.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace Promotion {

CriteriaPage::CriteriaPage(PromotionEngine *engine, QWidget *parent)
    : WizardPage(StepId::Criteria, engine, parent)
    , m_model(new ChecklistModel(ChecklistModel::Kind::Criteria, engine, this))
{
    setObjectName(QStringLiteral("pageCriteria"));
    m_model->setIdentityProvider([this] { return identityForRecord(); });
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("criteriaSplitter"));
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("Promotion &criteria (Space ticks the selected item)"), left);
    m_view = new QTreeView(left);
    m_view->setObjectName(QStringLiteral("criteriaView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(false);
    // The criteria must stay readable; a long identity is elided (its tooltip has it).
    m_view->header()->setSectionResizeMode(ChecklistModel::ItemColumn,
                                           QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(ChecklistModel::ByColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(ChecklistModel::WhenColumn,
                                           QHeaderView::ResizeToContents);
    label->setBuddy(m_view);
    leftLayout->addWidget(label);
    leftLayout->addWidget(m_view, 1);

    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *evidenceLabel = new QLabel(tr("&Evidence"), right);
    m_evidence = new QTextBrowser(right);
    m_evidence->setObjectName(QStringLiteral("criteriaEvidence"));
    m_evidence->setOpenLinks(false);
    evidenceLabel->setBuddy(m_evidence);
    rightLayout->addWidget(evidenceLabel);
    rightLayout->addWidget(m_evidence, 1);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("criteriaStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CriteriaPage::showEvidence);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &CriteriaPage::showEvidence);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(0, 0));
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(0, 0));
    });
    connect(m_model, &ChecklistModel::refused, this,
            [this](const QString &, const QString &reason) {
                m_refusal = reason;
                updateStatus();
            });
    connect(engine, &PromotionEngine::stepFinished, this, [this](StepId step, StepStatus) {
        if (step == StepId::Criteria) {
            m_refusal.clear();
            updateStatus();
            Q_EMIT completeChanged();
        }
    });
}

CriteriaPage::~CriteriaPage()
{
    // After this body the page is only a QWidget while its children die; signals from
    // the selection model (currentChanged) and the checklist model must not reach our slots then.
    disconnectDescendants(this);
}

QString CriteriaPage::subtitle() const
{
    return tr(
        "Review the promotion criteria. Items the gates proved are ticked with their evidence; "
        "tick the others once you have checked them.");
}

void CriteriaPage::enter()
{
    // Evaluating the criteria is immediate; redo it so evidence from re-run gates counts.
    const StepStatus status = engine()->state().step(StepId::Criteria).status;
    if (!engine()->isBusy() && status != StepStatus::Passed &&
        engine()->state().step(StepId::Execute).status == StepStatus::Pending)
        engine()->runStep(StepId::Criteria);
    if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
    updateStatus();
    m_view->setFocus();
}

void CriteriaPage::reload()
{
    m_model->reload();
    updateStatus();
    Q_EMIT completeChanged();
}

void CriteriaPage::showEvidence()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_evidence->clear();
        return;
    }
    const QModelIndex item = m_model->index(current.row(), ChecklistModel::ItemColumn);
    const bool checked = item.data(ChecklistModel::CheckedRole).toBool();
    const bool automatic = item.data(ChecklistModel::AutomaticRole).toBool();
    const QString evidence = item.data(ChecklistModel::EvidenceRole).toString();
    QString html =
        QStringLiteral("<h3>%1</h3>").arg(item.data(Qt::DisplayRole).toString().toHtmlEscaped());
    if (checked && automatic)
        html += tr("<p><b>✓ Proven automatically</b> by the quality gates:</p>");
    else if (checked)
        html += tr("<p><b>✓ Confirmed</b> by %1 on %2.</p>")
                    .arg(item.data(ChecklistModel::IdentityRole).toString().toHtmlEscaped(),
                         m_model->index(current.row(), ChecklistModel::WhenColumn)
                             .data()
                             .toString()
                             .toHtmlEscaped());
    else
        html += tr("<p><b>Not yet confirmed.</b> %1</p>")
                    .arg(item.data(Qt::ToolTipRole).toString().toHtmlEscaped());
    if (!evidence.isEmpty()) {
        html += QStringLiteral("<ul>");
        for (const QString &line : evidence.split(QStringLiteral("; ")))
            html += QStringLiteral("<li>%1</li>").arg(EngineText::display(line).toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    if (!item.data(ChecklistModel::RequiredRole).toBool())
        html += tr("<p><i>Optional: the promotion can go on without it.</i></p>");
    m_evidence->setHtml(html);
}

void CriteriaPage::updateStatus()
{
    const int missing = m_model->missingRequiredCount();
    QString text;
    bool error = false;
    if (!m_refusal.isEmpty()) {
        text = m_refusal;
        error = true;
    } else if (m_model->rowCount() == 0) {
        text = tr("The criteria appear once the quality gates have passed.");
    } else if (missing == 0) {
        text = tr("✓ All required criteria are met.");
    } else if (missing == 1) {
        text = tr("1 required criterion still needs a tick.");
    } else {
        text = tr("%1 required criteria still need a tick.").arg(missing);
    }
    m_status->setText(text);
    m_status->setStyleSheet(error ? errorStyle(m_status) : QString());
}

} // namespace Promotion
