// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthchartview.h"

#include "chartpalette.h"

#include <algorithm>
#include <cmath>
#include <QChart>
#include <QChartView>
#include <QAction>
#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QLocale>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <QVBoxLayout>

namespace Promotion {

namespace {

constexpr double kMinSeconds = 10;
constexpr double kMinLatencyMs = 10;
constexpr double kMinErrorPercent = 1;
constexpr double kHeadroom = 1.15; // keep the highest point off the top edge

QString number(double value)
{
    return QLocale().toString(value, 'g', 4);
}

void setLegendVisible(QChart *chart, QAbstractSeries *series, bool visible)
{
    const QList<QLegendMarker *> markers = chart->legend()->markers(series);
    for (QLegendMarker *marker : markers)
        marker->setVisible(visible);
}

} // namespace

HealthChartView::HealthChartView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_chart = new QChart;
    m_chart->setObjectName(QStringLiteral("healthChart"));
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(4);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    // Line segments in the legend, so the dashed limits read as dashed.
    m_chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    m_chart->legend()->setShowToolTips(true);
    m_view = new QChartView(m_chart, this); // owns the chart
    m_view->setObjectName(QStringLiteral("healthChartView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(200);
    // The legend is a wrapped label under the chart: QLegend puts every entry on one row and
    // elides them all ("p95 l…") in a narrow window.
    m_chart->legend()->hide();
    m_view->setAccessibleName(tr("Latency and error rate chart"));
    m_view->setAccessibleDescription(tr("Ctrl+C copies the samples"));
    // Reachable with Tab; its numbers are a keystroke (or the context menu) away.
    m_view->setFocusPolicy(Qt::StrongFocus);
    auto *copy = new QAction(tr("Copy &Data"), m_view);
    copy->setObjectName(QStringLiteral("copyHealthDataAction"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &HealthChartView::copyData);
    m_view->addAction(copy);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    layout->addWidget(m_view);

    m_axisTime = new QValueAxis(m_chart);
    m_axisTime->setObjectName(QStringLiteral("timeAxis"));
    m_axisTime->setTitleText(tr("seconds since window start"));
    m_axisTime->setLabelFormat(QStringLiteral("%.0f"));
    m_axisLatency = new QValueAxis(m_chart);
    m_axisLatency->setObjectName(QStringLiteral("latencyAxis"));
    m_axisLatency->setTitleText(tr("p95 latency (ms)"));
    m_axisLatency->setLabelFormat(QStringLiteral("%.0f"));
    m_axisErrors = new QValueAxis(m_chart);
    m_axisErrors->setObjectName(QStringLiteral("errorRateAxis"));
    m_axisErrors->setTitleText(tr("error rate (%)"));
    m_axisErrors->setLabelFormat(QStringLiteral("%.2g"));
    for (QValueAxis *axis : {m_axisTime, m_axisLatency, m_axisErrors})
        axis->setTickCount(6);
    m_chart->addAxis(m_axisTime, Qt::AlignBottom);
    m_chart->addAxis(m_axisLatency, Qt::AlignLeft);
    m_chart->addAxis(m_axisErrors, Qt::AlignRight);

    const auto add = [this](QXYSeries *series, const QString &objectName, const QString &name,
                            QValueAxis *y) {
        series->setObjectName(objectName);
        series->setName(name);
        m_chart->addSeries(series);
        series->attachAxis(m_axisTime);
        series->attachAxis(y);
    };
    m_latency = new QLineSeries(m_chart);
    add(m_latency, QStringLiteral("latencySeries"), tr("p95 latency"), m_axisLatency);
    m_latency->setPointsVisible(true);
    m_errors = new QLineSeries(m_chart);
    add(m_errors, QStringLiteral("errorRateSeries"), tr("error rate"), m_axisErrors);
    m_errors->setPointsVisible(true);
    m_errorLimit = new QLineSeries(m_chart);
    add(m_errorLimit, QStringLiteral("errorRateLimitSeries"), tr("error rate limit"), m_axisErrors);
    m_latencyLimit = new QLineSeries(m_chart);
    add(m_latencyLimit, QStringLiteral("latencyLimitSeries"), tr("latency limit"), m_axisLatency);
    m_unhealthy = new QScatterSeries(m_chart);
    add(m_unhealthy, QStringLiteral("unhealthySeries"), tr("unhealthy"), m_axisLatency);
    m_unhealthy->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_unhealthy->setMarkerSize(11);

    m_legend = new QLabel(this);
    m_legend->setObjectName(QStringLiteral("healthLegend"));
    m_legend->setWordWrap(true);
    m_legend->setTextFormat(Qt::RichText);
    layout->addWidget(m_legend);

    applyPalette();
    updateThresholdLines();
    updateRanges();
}

void HealthChartView::updateLegend()
{
    if (!m_legend)
        return;
    // One entry per visible series, a line sample in its colour (dashed for the limits).
    QStringList entries;
    const auto entry = [&entries](const QXYSeries *series, const QString &sample) {
        if (!series->isVisible())
            return;
        entries.append(QStringLiteral("<span style=\"white-space:nowrap\"><span style=\"color:%1\">"
                                      "%2</span>&nbsp;%3</span>")
                           .arg(series->color().name(), sample, series->name().toHtmlEscaped()));
    };
    const QString solid = QStringLiteral("━━");
    const QString dashed = QStringLiteral("╍╍");
    entry(m_latency, solid);
    entry(m_errors, solid);
    entry(m_errorLimit, dashed);
    entry(m_latencyLimit, dashed);
    entry(m_unhealthy, QStringLiteral("●"));
    m_legend->setText(entries.join(QStringLiteral(" &nbsp; ")));
}

HealthChartView::~HealthChartView() = default;

double HealthChartView::niceCeiling(double value)
{
    if (!(value > 0) || !std::isfinite(value))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    // Finer than the classic 1-2-5 so an axis wastes at most a fifth of its length.
    for (const double step : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0}) {
        // The tolerance stops 3.0000000001 from jumping to 5 on rounding noise.
        if (value <= step * magnitude * (1 + 1e-9))
            return step * magnitude;
    }
    return 10 * magnitude;
}

void HealthChartView::setThresholds(double errorRateMaxPercent, double latencyLimitMs)
{
    m_errorRateMax = std::isfinite(errorRateMaxPercent) ? qMax(0.0, errorRateMaxPercent) : 0.0;
    m_latencyLimitMs = std::isfinite(latencyLimitMs) ? qMax(0.0, latencyLimitMs) : 0.0;
    m_errorLimit->setName(tr("error rate limit %1 %").arg(number(m_errorRateMax)));
    m_latencyLimit->setName(tr("latency limit %1 ms").arg(number(m_latencyLimitMs)));
    updateRanges();
}

void HealthChartView::addSample(const HealthSampleRecord &sample)
{
    const double seconds = qMax(0.0, double(sample.elapsedMs) / 1000.0);
    // A sample without rates (the first scrape has nothing to compare with, so it carries no
    // requests, latency or errors) and non-finite numbers (a failed scrape) are not drawn:
    // a point at 0 would invent a measurement the line then starts from.
    const bool measured = sample.requests > 0 || sample.p95Ms != 0 || sample.errorRatePercent != 0;
    const bool hasLatency = measured && std::isfinite(sample.p95Ms);
    const bool hasErrors = measured && std::isfinite(sample.errorRatePercent);
    const double p95 = hasLatency ? qMax(0.0, sample.p95Ms) : 0.0;
    const double errors = hasErrors ? qMax(0.0, sample.errorRatePercent) : 0.0;
    if (hasLatency)
        m_latency->append(seconds, p95);
    if (hasErrors)
        m_errors->append(seconds, errors);
    if (!sample.healthy) // a failed health check is marked even without a latency
        m_unhealthy->append(seconds, hasLatency || m_latency->count() == 0
                                         ? p95
                                         : m_latency->at(m_latency->count() - 1).y());
    ++m_samples;
    m_records.append(sample);
    m_maxSeconds = qMax(m_maxSeconds, seconds);
    m_maxLatency = qMax(m_maxLatency, p95);
    m_maxErrorRate = qMax(m_maxErrorRate, errors);
    updateRanges();
}

void HealthChartView::clear()
{
    m_latency->clear();
    m_errors->clear();
    m_unhealthy->clear();
    m_samples = 0;
    m_records.clear();
    m_maxSeconds = 0;
    m_maxLatency = 0;
    m_maxErrorRate = 0;
    updateRanges();
}

void HealthChartView::updateRanges()
{
    m_axisTime->setRange(0, niceCeiling(qMax(kMinSeconds, m_maxSeconds)));
    m_axisLatency->setRange(
        0, niceCeiling(std::max({kMinLatencyMs, m_maxLatency, m_latencyLimitMs}) * kHeadroom));
    m_axisErrors->setRange(
        0, niceCeiling(std::max({kMinErrorPercent, m_maxErrorRate, m_errorRateMax}) * kHeadroom));
    updateThresholdLines();
}

void HealthChartView::updateThresholdLines()
{
    // The limits span the whole time axis, so they grow with it.
    const double end = m_axisTime->max();
    m_errorLimit->replace({QPointF(0, m_errorRateMax), QPointF(end, m_errorRateMax)});
    m_latencyLimit->replace({QPointF(0, m_latencyLimitMs), QPointF(end, m_latencyLimitMs)});
    const bool errorKnown = m_errorRateMax > 0;
    const bool latencyKnown = m_latencyLimitMs > 0;
    m_errorLimit->setVisible(errorKnown);
    m_latencyLimit->setVisible(latencyKnown);
    setLegendVisible(m_chart, m_errorLimit, errorKnown);
    setLegendVisible(m_chart, m_latencyLimit, latencyKnown);
    updateLegend();
}

void HealthChartView::applyPalette()
{
    const QPalette pal = palette();
    ChartPalette::styleChart(m_chart, pal);
    for (QValueAxis *axis : {m_axisTime, m_axisLatency, m_axisErrors})
        ChartPalette::styleAxis(axis, pal);

    const QColor latency = ChartPalette::primary(pal);
    const QColor errors = ChartPalette::secondary(pal);
    m_latency->setPen(QPen(latency, 2));
    m_latency->setColor(latency);
    m_errors->setPen(QPen(errors, 2));
    m_errors->setColor(errors);
    m_axisLatency->setLabelsColor(latency);
    m_axisErrors->setLabelsColor(errors);
    QPen latencyLimit(latency, 1.5, Qt::DashLine);
    m_latencyLimit->setPen(latencyLimit);
    QPen errorLimit(errors, 1.5, Qt::DashLine);
    m_errorLimit->setPen(errorLimit);
    const QColor bad = ChartPalette::fail(pal);
    m_unhealthy->setColor(bad);
    m_unhealthy->setBorderColor(bad.darker(130));
    m_errorLimit->setColor(errors);
    m_latencyLimit->setColor(latency);
    updateLegend();
}

QString HealthChartView::dataAsText() const
{
    const QLocale locale;
    const auto value = [&locale](double v, bool known) {
        return known && std::isfinite(v) ? locale.toString(v) : QString();
    };
    QStringList lines{QStringList{tr("seconds"), tr("p95 latency (ms)"), tr("error rate (%)"),
                                  tr("requests"), tr("healthy")}
                          .join(QLatin1Char('\t'))};
    for (const HealthSampleRecord &s : m_records) {
        const bool measured = s.requests > 0 || s.p95Ms != 0 || s.errorRatePercent != 0;
        lines.append(QStringList{locale.toString(double(s.elapsedMs) / 1000.0),
                                 value(s.p95Ms, measured), value(s.errorRatePercent, measured),
                                 locale.toString(s.requests), s.healthy ? tr("yes") : tr("no")}
                         .join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void HealthChartView::copyData() const
{
    QGuiApplication::clipboard()->setText(dataAsText());
}

void HealthChartView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

} // namespace Promotion
