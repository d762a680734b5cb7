// SPDX-License-Identifier: GPL-3.0-or-later
#include "trendchartview.h"

#include "chartpalette.h"

#include <cmath>
#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QMap>
#include <QPen>
#include <QScatterSeries>
#include <QSet>
#include <QValueAxis>
#include <QVBoxLayout>

namespace Promotion {

TrendChartView::TrendChartView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("trendChartView"));
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Component:"), this));
    m_componentCombo = new QComboBox(this);
    m_componentCombo->setObjectName(QStringLiteral("trendComponentCombo"));
    bar->addWidget(m_componentCombo);
    bar->addStretch(1);
    layout->addLayout(bar);
    for (QChart **chart : {&m_coverageChart, &m_durationChart}) {
        *chart = new QChart;
        auto *view = new QChartView(*chart, this); // owns the chart
        view->setObjectName(chart == &m_coverageChart ? QStringLiteral("coverageTrendChart")
                                                      : QStringLiteral("durationTrendChart"));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(200);
        layout->addWidget(view, 1);
        ChartPalette::styleChart(*chart, palette());
    }
    m_coverageChart->setTitle(tr("Coverage"));
    m_durationChart->setTitle(tr("Gate durations"));
    connect(m_componentCombo, &QComboBox::currentTextChanged, this, &TrendChartView::rebuild);
}

void TrendChartView::setReports(const QList<ReportSummary> &reports)
{
    m_reports = reports;
    QSet<QString> names;
    for (const ReportSummary &s : reports) {
        if (s.readable())
            names.insert(s.component);
    }
    QStringList sorted(names.begin(), names.end());
    sorted.sort();
    const QString current = m_componentCombo->currentText();
    {
        const QSignalBlocker block(m_componentCombo);
        m_componentCombo->clear();
        m_componentCombo->addItems(sorted);
        const int keep = int(sorted.indexOf(current));
        m_componentCombo->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    rebuild();
}

void TrendChartView::setComponent(const QString &component)
{
    const int index = m_componentCombo->findText(component);
    if (index >= 0)
        m_componentCombo->setCurrentIndex(index);
}

QString TrendChartView::component() const
{
    return m_componentCombo->currentText();
}

QString TrendChartView::reportNear(const QPointF &point) const
{
    QString best;
    double bestDistance = 0;
    for (const ReportSummary &s : m_reports) {
        if (!s.readable() || s.component != component())
            continue;
        const double d = std::fabs(double(s.whenMs) - point.x());
        if (best.isEmpty() || d < bestDistance) {
            best = s.path;
            bestDistance = d;
        }
    }
    return best;
}

void TrendChartView::rebuild()
{
    for (QChart *chart : {m_coverageChart, m_durationChart}) {
        chart->removeAllSeries();
        for (QAbstractAxis *axis : chart->axes())
            chart->removeAxis(axis), delete axis;
    }
    m_coverage = nullptr;
    m_durations.clear();
    m_markers.clear();
    m_plotted.clear();
    const QString name = component();
    QList<const ReportSummary *> mine;
    for (const ReportSummary &s : std::as_const(m_reports)) {
        if (s.readable() && s.component == name)
            mine.append(&s);
    }
    if (mine.isEmpty())
        return;
    const QPalette pal = palette();
    const qint64 first = mine.first()->whenMs;
    const qint64 last = std::max(mine.last()->whenMs, first + 86400000);

    const auto dateAxis = [&](QChart *chart) {
        auto *x = new QDateTimeAxis;
        x->setFormat(QStringLiteral("yyyy-MM-dd"));
        x->setTickCount(5);
        x->setRange(QDateTime::fromMSecsSinceEpoch(first), QDateTime::fromMSecsSinceEpoch(last));
        chart->addAxis(x, Qt::AlignBottom);
        return x;
    };

    // Coverage with the stage lines and a marker per outcome.
    QDateTimeAxis *x = dateAxis(m_coverageChart);
    auto *y = new QValueAxis;
    y->setRange(40, 100);
    y->setTitleText(tr("coverage (%)"));
    y->setLabelFormat(QStringLiteral("%.0f"));
    m_coverageChart->addAxis(y, Qt::AlignLeft);
    ChartPalette::styleAxis(y, pal);
    m_coverage = new QLineSeries;
    m_coverage->setObjectName(QStringLiteral("coverageTrendSeries"));
    m_coverage->setName(tr("coverage"));
    m_coverage->setColor(ChartPalette::primary(pal));
    m_coverage->setPointsVisible(true);
    struct Marker
    {
        const char *objectName;
        QString label;
        QColor color;
        QScatterSeries *series = nullptr;
    };
    Marker markers[] = {{"promotedMarkers", tr("promoted"), ChartPalette::pass(pal)},
                        {"blockedMarkers", tr("blocked"), ChartPalette::fail(pal)},
                        {"rolledBackMarkers", tr("rolled back"), ChartPalette::secondary(pal)},
                        {"otherMarkers", tr("other"), ChartPalette::neutral(pal)}};
    for (Marker &m : markers) {
        m.series = new QScatterSeries;
        m.series->setObjectName(QLatin1String(m.objectName));
        m.series->setName(m.label);
        m.series->setColor(m.color);
        m.series->setMarkerSize(9);
        m_markers.append(m.series);
    }
    QMap<QString, QLineSeries *> durations;
    double minCoverage = 100;
    for (const ReportSummary *s : std::as_const(mine)) {
        const double t = double(s->whenMs);
        for (const ReportGateFigure &g : s->gates) {
            QLineSeries *&series = durations[g.id];
            if (!series) {
                series = new QLineSeries;
                series->setObjectName(QStringLiteral("duration_%1").arg(g.id));
                series->setName(g.title.isEmpty() ? g.id : g.title);
            }
            series->append(t, g.durationMs / 1000.0);
        }
        if (!s->coverage)
            continue;
        m_plotted.append(*s);
        m_coverage->append(t, *s->coverage);
        minCoverage = std::min(minCoverage, *s->coverage);
        int kind = 3;
        if (s->outcome == RunOutcome::Promoted || s->outcome == RunOutcome::DryRunPassed)
            kind = 0;
        else if (s->outcome == RunOutcome::Blocked)
            kind = 1;
        else if (s->outcome == RunOutcome::RolledBack || s->outcome == RunOutcome::RollbackFailed)
            kind = 2;
        markers[kind].series->append(t, *s->coverage);
    }
    y->setRange(std::min(40.0, std::floor(minCoverage / 10) * 10), 100);
    m_coverageChart->addSeries(m_coverage);
    m_coverage->attachAxis(x);
    m_coverage->attachAxis(y);
    for (const double line : {60.0, 70.0, 80.0}) {
        auto *guide = new QLineSeries;
        guide->setName(tr("%L1 %").arg(line));
        guide->append(double(first), line);
        guide->append(double(last), line);
        QPen pen(ChartPalette::neutral(pal));
        pen.setStyle(Qt::DashLine);
        guide->setPen(pen);
        m_coverageChart->addSeries(guide);
        guide->attachAxis(x);
        guide->attachAxis(y);
    }
    for (Marker &m : markers) {
        m_coverageChart->addSeries(m.series);
        m.series->attachAxis(x);
        m.series->attachAxis(y);
        connect(m.series, &QScatterSeries::clicked, this, [this](const QPointF &p) {
            const QString path = reportNear(p);
            if (!path.isEmpty())
                Q_EMIT reportActivated(path);
        });
    }
    connect(m_coverage, &QLineSeries::clicked, this, [this](const QPointF &p) {
        const QString path = reportNear(p);
        if (!path.isEmpty())
            Q_EMIT reportActivated(path);
    });

    // Gate durations.
    QDateTimeAxis *dx = dateAxis(m_durationChart);
    auto *dy = new QValueAxis;
    dy->setTitleText(tr("seconds"));
    dy->setLabelFormat(QStringLiteral("%.0f"));
    m_durationChart->addAxis(dy, Qt::AlignLeft);
    ChartPalette::styleAxis(dy, pal);
    double maxSeconds = 1;
    for (QLineSeries *series : std::as_const(durations)) {
        for (const QPointF &p : series->points())
            maxSeconds = std::max(maxSeconds, p.y());
        m_durationChart->addSeries(series);
        series->attachAxis(dx);
        series->attachAxis(dy);
        m_durations.append(series);
        connect(series, &QLineSeries::clicked, this, [this](const QPointF &p) {
            const QString path = reportNear(p);
            if (!path.isEmpty())
                Q_EMIT reportActivated(path);
        });
    }
    dy->setRange(0, std::ceil(maxSeconds * 1.1));
}

} // namespace Promotion
