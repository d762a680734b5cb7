// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportcomparedialog.h"
#include "stepnames.h"

#include "chartpalette.h"
#include "report/reportstore.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Promotion {

namespace {

struct GateCell
{
    QString title;
    QString measured;
    QString status;
};

QList<std::pair<QString, GateCell>> gatesOf(const QJsonObject &report)
{
    QList<std::pair<QString, GateCell>> gates;
    const QJsonArray list = report.value(QStringLiteral("quality_gates"))
                                .toObject()
                                .value(QStringLiteral("gates"))
                                .toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject g = v.toObject();
        const QString id = g.value(QStringLiteral("id")).toString();
        if (id.isEmpty())
            continue;
        GateCell cell;
        cell.title = g.value(QStringLiteral("title")).toString();
        cell.status = g.value(QStringLiteral("status")).toString();
        cell.measured = g.value(QStringLiteral("measured_text")).toString();
        if (cell.measured.isEmpty() && g.contains(QStringLiteral("measured")))
            cell.measured = QString::number(g.value(QStringLiteral("measured")).toDouble(), 'g', 6);
        gates.append({id, cell});
    }
    return gates;
}

QString cellText(const GateCell &cell)
{
    if (cell.measured.isEmpty())
        return cell.status;
    return cell.status.isEmpty() ? cell.measured
                                 : QStringLiteral("%1 (%2)").arg(cell.measured, cell.status);
}

} // namespace

QList<ReportCompareDialog::Row> ReportCompareDialog::compare(const QJsonObject &a,
                                                             const QJsonObject &b)
{
    const auto gatesA = gatesOf(a);
    const auto gatesB = gatesOf(b);
    QList<Row> rows;
    const auto rowFor = [&rows](const QString &id) -> Row & {
        for (Row &r : rows) {
            if (r.gateId == id)
                return r;
        }
        Row r;
        r.gateId = id;
        rows.append(r);
        return rows.last();
    };
    for (const auto &[id, cell] : gatesA) {
        Row &r = rowFor(id);
        r.gate = cell.title.isEmpty() ? id : cell.title;
        r.measuredA = cellText(cell);
        r.statusA = cell.status;
    }
    for (const auto &[id, cell] : gatesB) {
        Row &r = rowFor(id);
        if (r.gate.isEmpty())
            r.gate = cell.title.isEmpty() ? id : cell.title;
        r.measuredB = cellText(cell);
        r.statusB = cell.status;
    }
    return rows;
}

QString ReportCompareDialog::describe(const QJsonObject &report)
{
    const ReportSummary s = ReportStore::summarize(QString(), report);
    const QString outcome = StepNames::outcome(s.outcome);
    QString text = QStringLiteral("%1 · %2 · %3 → %4 · %5")
                       .arg(s.date, s.component, s.fromStage, s.toStage, outcome);
    if (s.dryRun)
        text += tr(" · dry run");
    return text;
}

ReportCompareDialog::ReportCompareDialog(const QString &pathA, const QString &pathB,
                                         QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("reportCompareDialog"));
    setWindowTitle(tr("Compare Reports"));
    auto *layout = new QVBoxLayout(this);
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("compareHeaderLabel"));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_header);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Gate"), tr("Measured A"), tr("Measured B")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    QString errorA;
    QString errorB;
    const std::optional<QJsonObject> a = ReportStore::load(pathA, &errorA);
    const std::optional<QJsonObject> b = ReportStore::load(pathB, &errorB);
    QStringList header;
    header << tr("<b>A</b>: %1").arg((a ? describe(*a) : errorA).toHtmlEscaped());
    header << tr("<b>B</b>: %1").arg((b ? describe(*b) : errorB).toHtmlEscaped());
    m_header->setText(header.join(QStringLiteral("<br>")));

    const QList<Row> rows = compare(a.value_or(QJsonObject()), b.value_or(QJsonObject()));
    m_table->setRowCount(int(rows.size()));
    const QPalette pal = palette();
    const auto statusItem = [&pal](const QString &text, const QString &status) {
        auto *item = new QTableWidgetItem(text.isEmpty() ? tr("—") : text);
        const GateStatus gs = gateStatusFromName(status);
        if (gs == GateStatus::Passed)
            item->setForeground(ChartPalette::pass(pal));
        else if (gs == GateStatus::Failed || gs == GateStatus::Error)
            item->setForeground(ChartPalette::fail(pal));
        return item;
    };
    for (int i = 0; i < rows.size(); ++i) {
        const Row &r = rows.at(i);
        auto *gate = new QTableWidgetItem(r.gate);
        gate->setToolTip(r.gateId);
        m_table->setItem(i, 0, gate);
        m_table->setItem(i, 1, statusItem(r.measuredA, r.statusA));
        m_table->setItem(i, 2, statusItem(r.measuredB, r.statusB));
    }
    m_table->resizeColumnsToContents();
    resize(720, 420);
}

} // namespace Promotion
