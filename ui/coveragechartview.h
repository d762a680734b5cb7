// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/policy.h"

#include <optional>
#include <QList>
#include <QWidget>

class QAreaSeries;
class QChart;
class QChartView;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace Promotion {

/*!
 * \brief A bullet chart of the measured coverage (0–100 %) against the stage
 * thresholds of the policy.
 *
 * Each stage's coverage minimum is a labelled vertical line; the target
 * stage's line is drawn heavier. The bar is green when the coverage meets the
 * target's threshold and red when it does not (neutral without a target).
 * Before a measurement the chart says "not measured yet". A one-line summary
 * under the chart repeats the verdict in words, for screen readers and tests.
 *
 * Child object names: coverageChartView (the QChartView), coverageChart (the
 * QChart), coverageBar, coverageTrack, coverageThreshold-<stage> (the series),
 * coverageSummaryLabel.
 */
class CoverageChartView final : public QWidget
{
    Q_OBJECT
public:
    explicit CoverageChartView(QWidget *parent = nullptr);
    ~CoverageChartView() override;

    void setStages(const QList<Promotion::StageDefinition> &stages);
    void setTargetStage(const QString &id);
    /*! The measured coverage in percent (clamped to 0..100 for drawing); nullopt: not measured yet.
     */
    void setCoverage(std::optional<double> percent);

    QList<StageDefinition> stages() const { return m_stages; }
    QString targetStage() const { return m_target; }
    std::optional<double> coverage() const { return m_coverage; }
    /*! The target stage's coverage minimum, when the target is one of the stages. */
    std::optional<double> targetThreshold() const;
    /*! Whether the coverage meets the target threshold; nullopt when either is unknown. */
    std::optional<bool> passes() const;
    /*! The colour the bar is drawn in. */
    QColor barColor() const;
    QString summaryText() const;
    QChart *chart() const { return m_chart; }
    /*! The chart's numbers as tab-separated text (stage, threshold; then the coverage). */
    QString dataAsText() const;
    /*! Copies dataAsText() to the clipboard: the chart's "Copy Data" action (Ctrl+C on the
     *  focused chart, and its context menu). */
    void copyData() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Threshold
    {
        QString stage;
        double percent = 0;
        QLineSeries *line = nullptr;
        QGraphicsRectItem *labelBackground = nullptr;
        QGraphicsSimpleTextItem *label = nullptr;
    };

    void rebuildThresholds();
    void updateBar();
    void applyPalette();
    void positionItems();
    void updateMinimumHeight();
    double rowY(int index) const;

    QChartView *m_view = nullptr;
    QChart *m_chart = nullptr;
    QValueAxis *m_axisX = nullptr;
    QValueAxis *m_axisY = nullptr;
    QAreaSeries *m_track = nullptr;
    QAreaSeries *m_bar = nullptr;
    QGraphicsSimpleTextItem *m_valueText = nullptr;
    QLabel *m_summary = nullptr;
    QList<Threshold> m_thresholds;

    QList<StageDefinition> m_stages;
    QString m_target;
    std::optional<double> m_coverage;
};

} // namespace Promotion
