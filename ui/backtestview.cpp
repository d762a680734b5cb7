// SPDX-License-Identifier: GPL-3.0-or-later
#include "backtestview.h"

#include "policy/policyloader.h"
#include "reporttablemodel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Promotion {

namespace {
bool countsFindings(const QString &gateId)
{
    return gateId != QLatin1String("coverage") && gateId != QLatin1String("tests");
}
} // namespace

BacktestView::BacktestView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("backtestView"));
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Gate:"), this));
    m_gate = new QComboBox(this);
    m_gate->setObjectName(QStringLiteral("backtestGateCombo"));
    bar->addWidget(m_gate);
    bar->addWidget(new QLabel(tr("Threshold:"), this));
    m_threshold = new QDoubleSpinBox(this);
    m_threshold->setObjectName(QStringLiteral("backtestThresholdSpin"));
    m_threshold->setRange(0, 1000000);
    m_threshold->setDecimals(1);
    m_threshold->setValue(85);
    bar->addWidget(m_threshold);
    bar->addWidget(new QLabel(tr("Target stage:"), this));
    m_stage = new QComboBox(this);
    m_stage->setObjectName(QStringLiteral("backtestStageCombo"));
    bar->addWidget(m_stage);
    bar->addWidget(new QLabel(tr("Last:"), this));
    m_last = new QSpinBox(this);
    m_last->setObjectName(QStringLiteral("backtestLastSpin"));
    m_last->setRange(0, 100000);
    m_last->setSpecialValueText(tr("all"));
    m_last->setValue(10);
    bar->addWidget(m_last);
    auto *runButton = new QPushButton(tr("R&un"), this);
    runButton->setObjectName(QStringLiteral("backtestRunButton"));
    bar->addWidget(runButton);
    auto *policyButton = new QPushButton(tr("Polic&y File…"), this);
    policyButton->setObjectName(QStringLiteral("backtestPolicyButton"));
    bar->addWidget(policyButton);
    bar->addStretch(1);
    layout->addLayout(bar);
    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("backtestHeadline"));
    m_headline->setWordWrap(true);
    layout->addWidget(m_headline);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("backtestTable"));
    m_table->setHorizontalHeaderLabels({tr("Date"), tr("Component"), tr("From → to"), tr("Why")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    connect(runButton, &QPushButton::clicked, this, &BacktestView::run);
    connect(policyButton, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Back-test a Policy"), QString(),
                                       tr("Promotion policy (*.yaml *.yml)"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        connect(dialog, &QFileDialog::fileSelected, this,
                [this](const QString &path) { runPolicyFile(path); });
        dialog->open();
    });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (row >= 0 && row < m_result.blocked.size())
            Q_EMIT reportActivated(m_result.blocked.at(row).report.path);
    });
}

void BacktestView::setReports(const QList<ReportSummary> &reports)
{
    m_reports = reports;
    QStringList gates;
    QStringList stages;
    for (const ReportSummary &s : reports) {
        for (const ReportGateFigure &g : s.gates) {
            if (g.measured && !gates.contains(g.id))
                gates.append(g.id);
        }
        if (s.readable() && !s.toStage.isEmpty() && !stages.contains(s.toStage))
            stages.append(s.toStage);
    }
    if (!gates.contains(QStringLiteral("coverage")))
        gates.prepend(QStringLiteral("coverage"));
    const QString gate = m_gate->currentText();
    const QString stage = m_stage->currentData().toString();
    m_gate->clear();
    m_gate->addItems(gates);
    m_gate->setCurrentIndex(std::max<int>(0, int(gates.indexOf(gate.isEmpty() ? QStringLiteral("coverage") : gate))));
    m_stage->clear();
    m_stage->addItem(tr("any"), QString());
    for (const QString &s : std::as_const(stages))
        m_stage->addItem(s, s);
    m_stage->setCurrentIndex(std::max(0, m_stage->findData(stage)));
}

void BacktestView::setRule(const QString &gateId, double threshold, const QString &stage, int last)
{
    const int g = m_gate->findText(gateId);
    if (g >= 0)
        m_gate->setCurrentIndex(g);
    m_threshold->setValue(threshold);
    const int s = m_stage->findData(stage);
    m_stage->setCurrentIndex(s >= 0 ? s : 0);
    m_last->setValue(last);
}

void BacktestView::run()
{
    PolicyBacktest::Rule rule;
    rule.gateId = m_gate->currentText();
    rule.threshold = m_threshold->value();
    rule.atMost = countsFindings(rule.gateId);
    rule.stage = m_stage->currentData().toString();
    showResult(PolicyBacktest::run(m_reports, {rule}, m_last->value()), rule.text());
}

bool BacktestView::runPolicyFile(const QString &path)
{
    const PolicyLoadResult loaded = PolicyLoader::loadFromFile(path);
    if (!loaded.ok()) {
        m_headline->setText(tr("The policy cannot be read: %1").arg(loaded.errorString()));
        return false;
    }
    const QList<PolicyBacktest::Rule> rules = PolicyBacktest::rulesFromPolicy(*loaded.policy);
    QStringList texts;
    for (const PolicyBacktest::Rule &r : rules)
        texts.append(r.text());
    showResult(PolicyBacktest::run(m_reports, rules, m_last->value()), texts.join(QStringLiteral(", ")));
    return true;
}

void BacktestView::showResult(const PolicyBacktest::Result &result, const QString &rules)
{
    m_result = result;
    m_headline->setText(tr("<b>%1</b> past promotions would have been blocked by %2")
                            .arg(result.headline().toHtmlEscaped(), rules.toHtmlEscaped()));
    m_table->setRowCount(int(result.blocked.size()));
    for (int row = 0; row < result.blocked.size(); ++row) {
        const PolicyBacktest::Hit &hit = result.blocked.at(row);
        const QStringList cells{ReportTableModel::dateText(hit.report), hit.report.component,
                                QStringLiteral("%1 → %2").arg(hit.report.fromStage, hit.report.toStage),
                                hit.reason};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(hit.report.path);
            m_table->setItem(row, c, item);
        }
    }
    m_table->resizeColumnsToContents();
}

} // namespace Promotion
