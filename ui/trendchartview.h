// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportsummary.h"

#include <QList>
#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace Promotion {

/*!
 * \brief Trends of one component over its past reports: coverage on a date axis with the
 * 60/70/80 % lines and a marker per outcome, and each gate's duration. A click on a point
 * opens its report (reportActivated).
 *
 * Child object names: trendComponentCombo, coverageTrendChart, durationTrendChart,
 * coverageTrendSeries, promotedMarkers, blockedMarkers, rolledBackMarkers, otherMarkers.
 */
class TrendChartView final : public QWidget
{
    Q_OBJECT
public:
    explicit TrendChartView(QWidget *parent = nullptr);

    void setReports(const QList<ReportSummary> &reports);
    void setComponent(const QString &component);
    QString component() const;

    QLineSeries *coverageSeries() const { return m_coverage; }
    QList<QLineSeries *> durationSeries() const { return m_durations; }
    /*! The report drawn nearest to \a point (x: ms since epoch) of the current component. */
    QString reportNear(const QPointF &point) const;
    /*! Reports of the current component that carry coverage, oldest first (the series). */
    QList<ReportSummary> plotted() const { return m_plotted; }

Q_SIGNALS:
    void reportActivated(const QString &path);

private:
    void rebuild();

    QList<ReportSummary> m_reports;
    QList<ReportSummary> m_plotted;
    QComboBox *m_componentCombo = nullptr;
    QChart *m_coverageChart = nullptr;
    QChart *m_durationChart = nullptr;
    QLineSeries *m_coverage = nullptr;
    QList<QLineSeries *> m_durations;
    QList<QScatterSeries *> m_markers;
};

} // namespace Promotion
