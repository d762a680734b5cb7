// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardview.h"

#include "report/reportstats.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Promotion {

DashboardView::DashboardView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("dashboardView"));
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Period:"), this));
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("dashboardPeriodCombo"));
    m_period->addItem(tr("Everything"), 0);
    m_period->addItem(tr("Last 7 days"), 7);
    m_period->addItem(tr("Last 30 days"), 30);
    m_period->addItem(tr("Last 90 days"), 90);
    m_period->addItem(tr("Last 365 days"), 365);
    bar->addWidget(m_period);
    bar->addStretch(1);
    layout->addLayout(bar);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("dashboardTable"));
    m_table->setHorizontalHeaderLabels({tr("Component"), tr("Runs"), tr("Success rate"),
                                        tr("Rollback rate"), tr("Promotion time (median)"),
                                        tr("Promotion time (p90)")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);
    auto *note = new QLabel(tr("Dry runs are left out. Success: promoted of all finished runs. "
                               "Rollback: rolled back of all deployed runs. Time: promoted runs, "
                               "start to report."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    connect(m_period, &QComboBox::currentIndexChanged, this, &DashboardView::rebuild);
}

void DashboardView::setReports(const QList<ReportSummary> &reports)
{
    m_reports = reports;
    rebuild();
}

void DashboardView::setPeriodDays(int days)
{
    const int index = m_period->findData(days);
    if (index >= 0)
        m_period->setCurrentIndex(index);
}

QString DashboardView::percentText(const std::optional<double> &rate)
{
    return rate ? QStringLiteral("%L1 %").arg(*rate * 100, 0, 'f', 1) : QStringLiteral("—");
}

QString DashboardView::minutesText(const std::optional<qint64> &ms)
{
    return ms ? tr("%L1 min").arg(double(*ms) / 60000.0, 0, 'f', 1) : QStringLiteral("—");
}

void DashboardView::rebuild()
{
    const int days = m_period->currentData().toInt();
    QDate from;
    if (days > 0) {
        QDate newest;
        for (const ReportSummary &s : std::as_const(m_reports)) {
            const QDate d = QDate::fromString(s.date, Qt::ISODate);
            if (d.isValid() && (!newest.isValid() || d > newest))
                newest = d;
        }
        if (newest.isValid())
            from = newest.addDays(-(days - 1));
    }
    const QList<PromotionStats> stats = PromotionStats::compute(m_reports, from, {});
    m_table->setRowCount(int(stats.size()));
    for (int row = 0; row < stats.size(); ++row) {
        const PromotionStats &s = stats.at(row);
        const QStringList cells{s.component.isEmpty() ? tr("All components") : s.component,
                                QString::number(s.runs), percentText(s.successRate),
                                percentText(s.rollbackRate), minutesText(s.medianMs),
                                minutesText(s.p90Ms)};
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (row == 0) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            m_table->setItem(row, c, item);
        }
    }
}

} // namespace Promotion
