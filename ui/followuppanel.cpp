// SPDX-License-Identifier: GPL-3.0-or-later
#include "followuppanel.h"

#include "policy/policyloader.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Promotion {

FollowUpPanel::FollowUpPanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new QTreeWidget(this))
    , m_check(new QPushButton(tr("Check &now"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("followUpPanel"));
    m_view->setObjectName(QStringLiteral("followUpView"));
    m_view->setRootIsDecorated(false);
    m_view->setHeaderLabels({tr("Component"), tr("Stage"),
                             tr("Follow-up (24 h after the "
                                "promotion)")});
    m_view->header()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Follow-ups"));
    m_check->setObjectName(QStringLiteral("followUpCheckButton"));
    m_check->setToolTip(tr("Re-check health, status and the metrics window of the selected "
                           "promotion now, like promotion-console follow-up --now"));
    m_status->setObjectName(QStringLiteral("followUpStatusLabel"));
    m_status->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_check);
    row->addWidget(m_status, 1);
    layout->addLayout(row);
    connect(m_check, &QPushButton::clicked, this, &FollowUpPanel::checkSelected);
    connect(m_view, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_check->setEnabled(!m_running && !m_view->selectedItems().isEmpty()); });
    m_check->setEnabled(false);
}

void FollowUpPanel::setWorkspace(const QString &workspaceRoot)
{
    m_root = workspaceRoot;
    reload();
}

void FollowUpPanel::reload()
{
    // Every report is read to find the newest promotions: on a worker thread, so that a
    // workspace with thousands of reports never holds up the window.
    const int generation = ++m_generation;
    if (m_root.isEmpty()) {
        showRows({}, generation);
        return;
    }
    m_status->setText(tr("Reading the reports…"));
    QPointer<FollowUpPanel> self(this);
    QThread *worker = QThread::create([root = m_root, generation, self] {
        const QList<FollowUpCandidate> rows = FollowUpCheck::newest(Workspace(root));
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, rows, generation] {
                if (self)
                    self->showRows(rows, generation);
            },
            Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start(QThread::LowPriority);
}

void FollowUpPanel::showRows(const QList<FollowUpCandidate> &rows, int generation)
{
    if (generation != m_generation)
        return; // a newer reload is on its way
    m_view->clear();
    m_status->clear();
    m_rows = rows;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const FollowUpCandidate &c : std::as_const(m_rows)) {
        auto *item = new QTreeWidgetItem(m_view);
        item->setText(0, c.report.value(QStringLiteral("component")).toString());
        item->setText(1, c.report.value(QStringLiteral("to_stage")).toString());
        item->setText(2, FollowUpCheck::statusText(c, now));
        item->setToolTip(2, c.reportPath);
        if (c.last && !c.last->passed)
            item->setForeground(2, QColor(0xb3, 0x26, 0x1e));
    }
    m_view->resizeColumnToContents(0);
    m_view->resizeColumnToContents(1);
    if (m_rows.isEmpty())
        m_status->setText(tr("No promotion to follow up yet."));
    m_check->setEnabled(!m_running && !m_view->selectedItems().isEmpty());
    Q_EMIT rowsShown();
}

bool FollowUpPanel::checkSelected()
{
    const QList<QTreeWidgetItem *> selected = m_view->selectedItems();
    if (m_running || selected.isEmpty())
        return false;
    const int row = m_view->indexOfTopLevelItem(selected.first());
    if (row < 0 || row >= m_rows.size())
        return false;
    const PolicyLoadResult loaded = PolicyLoader::loadForWorkspace(m_root);
    if (!loaded.ok()) {
        m_status->setText(tr("The policy is invalid: %1").arg(loaded.errorString()));
        return false;
    }
    m_running = new FollowUpCheck(this);
    connect(m_running, &FollowUpCheck::progress, m_status, &QLabel::setText);
    connect(m_running, &FollowUpCheck::failed, this, &FollowUpPanel::followUpFailed);
    connect(m_running, &FollowUpCheck::finished, this, [this](const FollowUpRecord &r) {
        m_running->deleteLater();
        m_running = nullptr;
        m_status->setText(r.passed ? tr("✓ %1 %2: %3").arg(r.component, r.stage, r.summary)
                                   : tr("✗ %1 %2: %3").arg(r.component, r.stage, r.summary));
        reload();
        Q_EMIT followUpFinished(r);
    });
    m_check->setEnabled(false);
    m_running->start(Workspace(m_root), *loaded.policy, m_rows.at(row), true);
    return true;
}

} // namespace Promotion
