// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/runstate.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace Promotion {

/*!
 * \brief Live chart of the post-promotion verification window: p95 latency
 * (ms, left axis) and error rate (%, right axis) over the seconds since the
 * window started, with the rollback triggers drawn as dashed lines and the
 * unhealthy samples marked with red points.
 *
 * Axes grow with the data (and always include the thresholds), so a sample
 * is never drawn off the chart.
 *
 * Child object names: healthChartView (the QChartView), healthChart (the
 * QChart), latencySeries, errorRateSeries, errorRateLimitSeries,
 * latencyLimitSeries, unhealthySeries, timeAxis, latencyAxis, errorRateAxis.
 */
class HealthChartView final : public QWidget
{
    Q_OBJECT
public:
    explicit HealthChartView(QWidget *parent = nullptr);
    ~HealthChartView() override;

    /*! The rollback triggers: error rate limit in percent, latency limit in ms (0: unknown, not
     * drawn). */
    void setThresholds(double errorRateMaxPercent, double latencyLimitMs /*0: unknown*/);
    void addSample(const Promotion::HealthSampleRecord &sample);
    /*! Remove every sample; the thresholds stay. */
    void clear();

    int sampleCount() const { return m_samples; }
    /*! Every sample as tab-separated text, one line each, with a header line. */
    QString dataAsText() const;
    /*! Copies dataAsText() to the clipboard: the chart's "Copy Data" action (Ctrl+C on the
     *  focused chart, and its context menu). */
    void copyData() const;
    QChart *chart() const { return m_chart; }
    QValueAxis *timeAxis() const { return m_axisTime; }
    QValueAxis *latencyAxis() const { return m_axisLatency; }
    QValueAxis *errorRateAxis() const { return m_axisErrors; }

    /*! The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k that is >= \a value; 1 for value
     * <= 0. */
    static double niceCeiling(double value);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateRanges();
    void updateThresholdLines();
    void applyPalette();
    void updateLegend();

    QChartView *m_view = nullptr;
    QLabel *m_legend = nullptr; //!< wraps, where the chart's own legend would elide
    QChart *m_chart = nullptr;
    QValueAxis *m_axisTime = nullptr;
    QValueAxis *m_axisLatency = nullptr;
    QValueAxis *m_axisErrors = nullptr;
    QLineSeries *m_latency = nullptr;
    QLineSeries *m_errors = nullptr;
    QLineSeries *m_errorLimit = nullptr;
    QLineSeries *m_latencyLimit = nullptr;
    QScatterSeries *m_unhealthy = nullptr;

    double m_errorRateMax = 0;
    double m_latencyLimitMs = 0;
    int m_samples = 0;
    double m_maxSeconds = 0;
    double m_maxLatency = 0;
    double m_maxErrorRate = 0;
    QList<Promotion::HealthSampleRecord> m_records;
};

} // namespace Promotion
