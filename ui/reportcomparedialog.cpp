// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportcomparedialog.h"

#include "chartpalette.h"
#include "enginetext.h"
#include "gateresultsmodel.h"
#include "report/reportstore.h"
#include "stepnames.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
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

/*! A gate status of a report in the interface's language; one this version does not know, as
 *  written (but with spaces). */
QString statusWords(const QString &status)
{
    const GateStatus known = gateStatusFromName(status);
    return gateStatusName(known) == status ? GateResultsModel::statusText(known)
                                           : ReportComparison::statusText(status);
}

QString cellText(const GateCell &cell)
{
    if (cell.measured.isEmpty())
        return statusWords(cell.status);
    // Words, not identifiers: "needs attestation", not needs_attestation.
    const QString measured = EngineText::display(cell.measured);
    return cell.status.isEmpty()
               ? measured
               : QStringLiteral("%1 (%2)").arg(measured, statusWords(cell.status));
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
    QString when = s.date;
    if (s.startedAt.isValid())
        when = s.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    QString text = QStringLiteral("%1 · %2 · %3 → %4 · %5")
                       .arg(when, s.component, s.fromStage, s.toStage,
                            ReportComparison::outcomeText(runOutcomeName(s.outcome)));
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
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_summary = new QTextBrowser(splitter);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_table = new QTableWidget(splitter);
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("Gate"), tr("Measured A"), tr("Measured B"), tr("Delta")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    layout->addWidget(splitter, 1);
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

    m_comparison = ReportComparison::compare(a.value_or(QJsonObject()), b.value_or(QJsonObject()));
    // What a reviewer asks first: how each ended and why; then what changed.
    QString html;
    const auto sideHtml = [](const QString &label, const ReportComparison::Side &side) -> QString {
        QString h = QStringLiteral("<p><b>%1: %2</b> — %3").arg(label, side.outcome.toHtmlEscaped(),
                                                              side.summary.toHtmlEscaped());
        for (const QString &b : side.blockers)
            h += QStringLiteral("<br>&nbsp;&nbsp;• %1").arg(b.toHtmlEscaped());
        if (!side.failureReason.isEmpty())
            h += QStringLiteral("<br>&nbsp;&nbsp;%1").arg(side.failureReason.toHtmlEscaped());
        return h + QStringLiteral("</p>");
    };
    html += sideHtml(tr("A"), m_comparison.a) + sideHtml(tr("B"), m_comparison.b);
    QStringList deltas;
    for (const ReportComparison::GateDelta &g : m_comparison.gates) {
        if (g.changed)
            deltas.append(g.line());
    }
    const auto section = [&html](const QString &title, const QStringList &lines) {
        if (lines.isEmpty())
            return;
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(title.toHtmlEscaped());
        for (const QString &l : lines)
            html += QStringLiteral("<li>%1</li>").arg(l.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    };
    section(tr("Gates that changed"), deltas);
    section(tr("Criteria that changed"), m_comparison.criteriaChanged);
    section(tr("Tool versions that changed"), m_comparison.toolVersionsChanged);
    section(tr("Thresholds that changed"), m_comparison.thresholdsChanged);
    section(tr("Approvers that changed"), m_comparison.approversChanged);
    section(tr("Verification window (worst sample)"), m_comparison.windowChanged);
    m_summary->setHtml(html);

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
        QString delta;
        for (const ReportComparison::GateDelta &g : m_comparison.gates) {
            if (g.id == r.gateId)
                delta = g.delta;
        }
        m_table->setItem(i, 3, new QTableWidgetItem(delta));
    }
    m_table->resizeColumnsToContents();
    resize(760, 620);
}

} // namespace Promotion
