// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportdetailview.h"

#include "healthchartview.h"
#include "report/reportformatter.h"
#include "report/reportsummary.h"
#include "syntaxhighlighting.h"

#include <QAction>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace Promotion {

ReportDetailView::ReportDetailView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("reportDetailView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    bar->addStretch(1);
    m_rawAction = new QAction(tr("Raw JSON"), this);
    m_rawAction->setObjectName(QStringLiteral("rawJsonAction"));
    m_rawAction->setCheckable(true);
    m_rawAction->setToolTip(tr("Show the report as written"));
    auto *toggle = new QToolButton(this);
    toggle->setObjectName(QStringLiteral("rawJsonButton"));
    toggle->setDefaultAction(m_rawAction);
    bar->addWidget(toggle);
    layout->addLayout(bar);

    m_stack = new QStackedWidget(this);
    auto *rendered = new QSplitter(Qt::Vertical, m_stack);
    rendered->setChildrenCollapsible(false);
    m_browser = new QTextBrowser(rendered);
    m_browser->setObjectName(QStringLiteral("reportBrowser"));
    m_browser->setOpenExternalLinks(true);
    m_browser->setPlaceholderText(tr("Select a report to read it here"));
    auto *chartBox = new QWidget(rendered);
    auto *chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    m_chartTitle = new QLabel(tr("Verification window"), chartBox);
    chartLayout->addWidget(m_chartTitle);
    m_chart = new HealthChartView(chartBox);
    m_chart->setObjectName(QStringLiteral("windowChart"));
    chartLayout->addWidget(m_chart, 1);
    chartBox->hide();
    rendered->setStretchFactor(0, 3);
    rendered->setStretchFactor(1, 2);
    m_stack->addWidget(rendered);

    m_raw = new QPlainTextEdit(m_stack);
    m_raw->setObjectName(QStringLiteral("reportViewer"));
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    SyntaxHighlighting::attach(m_raw->document(), QStringLiteral("JSON"));
    m_stack->addWidget(m_raw);
    layout->addWidget(m_stack, 1);
    connect(m_rawAction, &QAction::toggled, this, &ReportDetailView::setRawJson);
}

void ReportDetailView::setRawJson(bool raw)
{
    m_rawAction->setChecked(raw);
    m_stack->setCurrentIndex(raw ? 1 : 0);
}

bool ReportDetailView::isRawJson() const
{
    return m_stack->currentIndex() == 1;
}

void ReportDetailView::showReport(const QString &path)
{
    m_path = path;
    m_report = {};
    m_chart->clear();
    m_chart->parentWidget()->hide();
    if (path.isEmpty()) {
        m_browser->clear();
        m_raw->clear();
        return;
    }
    QString error;
    const std::optional<QJsonObject> report = ReportReader::load(path, &error);
    if (!report) {
        m_browser->setHtml(
            QStringLiteral("<h2>%1</h2><p>%2</p>")
                .arg(tr("This report cannot be read").toHtmlEscaped(), error.toHtmlEscaped()));
        m_raw->setPlainText(error);
        return;
    }
    m_report = *report;
    ReportFormatter::Options options;
    options.charts = false; // the window is a live chart below; QTextBrowser shows no SVG
    options.standalone = false;
    m_browser->setHtml(ReportFormatter::html(*report, options));
    // Re-indented so every report reads the same, whatever wrote it.
    m_raw->setPlainText(QString::fromUtf8(QJsonDocument(*report).toJson(QJsonDocument::Indented)));

    const QJsonObject details = report->value(QStringLiteral("validation"))
                                    .toObject()
                                    .value(QStringLiteral("details"))
                                    .toObject();
    const QJsonArray samples = details.value(QStringLiteral("samples")).toArray();
    if (samples.isEmpty())
        return;
    m_chart->setThresholds(1.0, 0);
    for (const QJsonValue &v : samples) {
        const QJsonObject o = v.toObject();
        HealthSampleRecord s;
        s.elapsedMs = qint64(o.value(QStringLiteral("elapsed_ms")).toDouble());
        s.healthy = o.value(QStringLiteral("healthy")).toBool(true);
        s.httpStatus = o.value(QStringLiteral("http_status")).toInt();
        s.errorRatePercent = o.value(QStringLiteral("error_rate_percent")).toDouble();
        s.p95Ms = o.value(QStringLiteral("p95_ms")).toDouble();
        s.requests = o.value(QStringLiteral("requests")).toDouble();
        m_chart->addSample(s);
    }
    m_chart->parentWidget()->show();
}

} // namespace Promotion
