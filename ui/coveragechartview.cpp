// SPDX-License-Identifier: GPL-3.0-or-later
#include "coveragechartview.h"

#include "chartpalette.h"
#include "teardown.h"

#include <algorithm>
#include <cmath>
#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QAction>
#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QLocale>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtMath>

namespace Promotion {

namespace {

// The plot runs 0..1 vertically: the bar at the bottom, one label row per
// stage above it, so labels of close thresholds never overlap each other.
constexpr double kBarBottom = 0.06;
constexpr double kBarTop = 0.36;
constexpr double kRowsBottom = 0.44;
constexpr double kRowsTop = 0.98;
constexpr qreal kItemZ = 100; // above every series

QString percentText(double value)
{
    return QLocale().toString(value, 'f', value == std::floor(value) ? 0 : 1) + QStringLiteral(" %");
}

} // namespace

CoverageChartView::CoverageChartView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    m_chart = new QChart;
    m_chart->setObjectName(QStringLiteral("coverageChart"));
    m_chart->legend()->hide();
    m_chart->setMargins(QMargins(4, 4, 12, 0));
    m_chart->setBackgroundRoundness(4);
    m_view = new QChartView(m_chart, this); // owns the chart
    m_view->setObjectName(QStringLiteral("coverageChartView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(140);
    // A bullet chart reads best flat: taller only spreads the label rows and fattens the bar.
    m_view->setMaximumHeight(240);
    m_view->setAccessibleName(tr("Coverage chart"));
    m_view->setAccessibleDescription(tr("Ctrl+C copies the chart's numbers"));
    // Reachable with Tab; its numbers are a keystroke (or the context menu) away.
    m_view->setFocusPolicy(Qt::StrongFocus);
    auto *copy = new QAction(tr("Copy &Data"), m_view);
    copy->setObjectName(QStringLiteral("copyCoverageDataAction"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &CoverageChartView::copyData);
    m_view->addAction(copy);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    layout->addWidget(m_view);

    m_axisX = new QValueAxis(m_chart);
    m_axisX->setObjectName(QStringLiteral("coverageAxis"));
    m_axisX->setRange(0, 100);
    m_axisX->setTickCount(11);
    m_axisX->setLabelFormat(QStringLiteral("%.0f"));
    m_axisX->setTitleText(tr("line coverage (%)"));
    m_axisY = new QValueAxis(m_chart);
    m_axisY->setRange(0, 1);
    m_axisY->setVisible(false);
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);

    // Created after the view, so they outlive the chart that draws them.
    auto *trackUpper = new QLineSeries(this);
    auto *trackLower = new QLineSeries(this);
    trackUpper->append({QPointF(0, kBarTop), QPointF(100, kBarTop)});
    trackLower->append({QPointF(0, kBarBottom), QPointF(100, kBarBottom)});
    m_track = new QAreaSeries(trackUpper, trackLower);
    m_track->setObjectName(QStringLiteral("coverageTrack"));
    m_chart->addSeries(m_track);
    m_track->attachAxis(m_axisX);
    m_track->attachAxis(m_axisY);

    auto *barUpper = new QLineSeries(this);
    auto *barLower = new QLineSeries(this);
    m_bar = new QAreaSeries(barUpper, barLower);
    m_bar->setObjectName(QStringLiteral("coverageBar"));
    m_chart->addSeries(m_bar);
    m_bar->attachAxis(m_axisX);
    m_bar->attachAxis(m_axisY);

    m_valueText = new QGraphicsSimpleTextItem(m_chart);
    m_valueText->setZValue(kItemZ);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("coverageSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setIndent(4);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    layout->addStretch(1);

    connect(m_chart, &QChart::plotAreaChanged, this, &CoverageChartView::positionItems);

    applyPalette();
    updateBar();
}

CoverageChartView::~CoverageChartView()
{
    // The chart belongs to the view's scene and dies with it, after this body; its layout
    // may still move the plot area then (plotAreaChanged -> positionItems()).
    disconnect(m_chart, nullptr, this, nullptr);
    disconnectDescendants(this);
}

void CoverageChartView::setStages(const QList<StageDefinition> &stages)
{
    m_stages = stages;
    rebuildThresholds();
    updateBar();
}

void CoverageChartView::setTargetStage(const QString &id)
{
    m_target = id;
    rebuildThresholds();
    updateBar();
}

void CoverageChartView::setCoverage(std::optional<double> percent)
{
    if (percent && !std::isfinite(*percent))
        percent.reset(); // NaN or inf is no measurement
    m_coverage = percent;
    updateBar();
}

std::optional<double> CoverageChartView::targetThreshold() const
{
    for (const StageDefinition &s : m_stages) {
        if (s.id == m_target)
            return s.coverageMin;
    }
    return std::nullopt;
}

std::optional<bool> CoverageChartView::passes() const
{
    const std::optional<double> threshold = targetThreshold();
    if (!m_coverage || !threshold)
        return std::nullopt;
    return *m_coverage >= *threshold;
}

QColor CoverageChartView::barColor() const
{
    const std::optional<bool> ok = passes();
    if (!ok)
        return ChartPalette::primary(palette());
    return *ok ? ChartPalette::pass(palette()) : ChartPalette::fail(palette());
}

QString CoverageChartView::summaryText() const
{
    const std::optional<double> threshold = targetThreshold();
    if (!m_coverage) {
        if (threshold)
            return tr("Coverage not measured yet; %1 needs %2.")
                .arg(m_target, percentText(*threshold));
        return tr("Coverage not measured yet.");
    }
    const QString value = percentText(*m_coverage);
    if (!threshold)
        return tr("Coverage %1.").arg(value);
    if (*m_coverage >= *threshold)
        return tr("Coverage %1 meets the %2 threshold of %3.")
            .arg(value, m_target, percentText(*threshold));
    return tr("Coverage %1 is below the %2 threshold of %3.")
        .arg(value, m_target, percentText(*threshold));
}

double CoverageChartView::rowY(int index) const
{
    // Lowest threshold in the lowest row, so labels climb like the lines' values.
    const int rows = qMax(1, int(m_thresholds.size()));
    return kRowsBottom + (kRowsTop - kRowsBottom) * (index + 0.5) / rows;
}

void CoverageChartView::rebuildThresholds()
{
    for (const Threshold &t : std::as_const(m_thresholds)) {
        m_chart->removeSeries(t.line);
        delete t.line;
        delete t.label;
        delete t.labelBackground;
    }
    m_thresholds.clear();
    updateMinimumHeight();

    QList<StageDefinition> sorted = m_stages;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const StageDefinition &a, const StageDefinition &b) {
                         return a.coverageMin < b.coverageMin;
                     });
    for (const StageDefinition &s : std::as_const(sorted)) {
        Threshold t;
        t.stage = s.id;
        t.percent = qBound(0.0, s.coverageMin, 100.0);
        t.line = new QLineSeries(m_chart);
        t.line->setObjectName(QStringLiteral("coverageThreshold-") + s.id);
        t.line->setName(tr("%1 %2").arg(s.id, percentText(s.coverageMin)));
        t.line->append({QPointF(t.percent, 0), QPointF(t.percent, 1)});
        m_chart->addSeries(t.line);
        t.line->attachAxis(m_axisX);
        t.line->attachAxis(m_axisY);
        t.labelBackground = new QGraphicsRectItem(m_chart);
        t.labelBackground->setZValue(kItemZ - 1);
        t.labelBackground->setPen(Qt::NoPen);
        t.label = new QGraphicsSimpleTextItem(t.line->name(), m_chart);
        t.label->setZValue(kItemZ);
        m_thresholds.append(t);
    }
    updateMinimumHeight();
    applyPalette();
}

void CoverageChartView::updateMinimumHeight()
{
    // One label row per stage, each a line of text high, must fit in the rows' share of the
    // plot; below, the axis labels and title. Otherwise close thresholds' labels overlap.
    const int line = fontMetrics().height() + 3;
    const int rows = qMax(1, int(m_thresholds.size()));
    const int plot = qCeil(rows * line / (kRowsTop - kRowsBottom));
    m_view->setMinimumHeight(qMax(140, plot + 3 * line + 16));
    m_view->setMaximumHeight(qMax(240, m_view->minimumHeight()));
}

void CoverageChartView::updateBar()
{
    const double value = m_coverage ? qBound(0.0, *m_coverage, 100.0) : 0.0;
    m_bar->upperSeries()->replace({QPointF(0, kBarTop), QPointF(value, kBarTop)});
    m_bar->lowerSeries()->replace({QPointF(0, kBarBottom), QPointF(value, kBarBottom)});
    m_bar->setVisible(m_coverage.has_value());
    m_valueText->setText(m_coverage ? percentText(*m_coverage) : tr("not measured yet"));
    m_summary->setText(summaryText());
    m_view->setToolTip(summaryText());
    applyPalette();
}

void CoverageChartView::applyPalette()
{
    const QPalette pal = palette();
    ChartPalette::styleChart(m_chart, pal);
    ChartPalette::styleAxis(m_axisX, pal);

    QColor track = pal.color(QPalette::Text);
    track.setAlpha(28);
    m_track->setBrush(track);
    m_track->setPen(Qt::NoPen);

    const QColor bar = barColor();
    m_bar->setBrush(bar);
    m_bar->setPen(QPen(bar.darker(115), 1));

    QFont valueFont = font();
    valueFont.setBold(m_coverage.has_value());
    m_valueText->setFont(valueFont);

    for (const Threshold &t : std::as_const(m_thresholds)) {
        const bool target = t.stage == m_target;
        QPen pen(target ? pal.color(QPalette::Text) : ChartPalette::neutral(pal), target ? 3 : 1.5);
        pen.setStyle(target ? Qt::SolidLine : Qt::DashLine);
        pen.setCapStyle(Qt::FlatCap);
        t.line->setPen(pen);
        QFont f = font();
        f.setBold(target);
        t.label->setFont(f);
        t.label->setBrush(target ? pal.color(QPalette::Text) : ChartPalette::neutral(pal));
        QColor background = pal.color(QPalette::Base);
        background.setAlpha(225);
        t.labelBackground->setBrush(background);
    }
    positionItems();
}

void CoverageChartView::positionItems()
{
    const QRectF plot = m_chart->plotArea();
    if (plot.isEmpty())
        return;
    // Every 10 % when there is room for the labels, else every 20 % or 50 %.
    m_axisX->setTickCount(plot.width() >= 330 ? 11 : plot.width() >= 160 ? 6 : 3);
    const QPalette pal = palette();
    for (int i = 0; i < m_thresholds.size(); ++i) {
        const Threshold &t = m_thresholds.at(i);
        const QPointF at = m_chart->mapToPosition(QPointF(t.percent, rowY(i)), t.line);
        const QRectF box = t.label->boundingRect();
        // Lower thresholds label to the left of their line, higher ones to the
        // right, so labels point away from the cluster; flip when out of room.
        const qreal left = at.x() - 5 - box.width();
        const qreal right = at.x() + 5;
        const bool preferLeft = i < m_thresholds.size() / 2;
        qreal x = preferLeft ? left : right;
        if (preferLeft && left < plot.left())
            x = right;
        else if (!preferLeft && right + box.width() > plot.right())
            x = left;
        x = qBound(plot.left(), x, qMax(plot.left(), plot.right() - box.width()));
        t.label->setPos(x, at.y() - box.height() / 2);
        t.labelBackground->setRect(QRectF(t.label->pos(), box.size()).adjusted(-2, 0, 2, 0));
    }

    const QRectF text = m_valueText->boundingRect();
    const double barCentre = (kBarTop + kBarBottom) / 2;
    if (m_coverage) {
        const QPointF end =
            m_chart->mapToPosition(QPointF(qBound(0.0, *m_coverage, 100.0), barCentre), m_bar);
        const QPointF start = m_chart->mapToPosition(QPointF(0, barCentre), m_bar);
        // The threshold lines cross the bar's row: the value goes where no line crosses it.
        QList<qreal> lines;
        for (const Threshold &t : std::as_const(m_thresholds))
            lines.append(m_chart->mapToPosition(QPointF(t.percent, barCentre), t.line).x());
        const auto clear = [&](qreal x) {
            if (x < plot.left() || x + text.width() > plot.right())
                return false;
            return std::none_of(lines.cbegin(), lines.cend(), [&](qreal lx) {
                return lx > x - 3 && lx < x + text.width() + 3;
            });
        };
        const qreal inside = start.x() + 6; // inside the bar, at its start
        const bool fitsInside = end.x() - start.x() >= text.width() + 12;
        // After the bar's end; past the next line; inside the bar; else after the end anyway.
        QList<qreal> after{end.x() + 6};
        for (qreal lx : std::as_const(lines)) {
            if (lx > end.x())
                after.append(lx + 6);
        }
        std::sort(after.begin(), after.end());
        qreal x = end.x() + 6;
        bool onBar = false;
        const auto firstClear = std::find_if(after.cbegin(), after.cend(), clear);
        if (clear(end.x() + 6)) {
            x = end.x() + 6;
        } else if (fitsInside && clear(inside)) {
            x = inside;
            onBar = true;
        } else if (firstClear != after.cend()) {
            x = *firstClear;
        } else if (fitsInside) {
            x = inside;
            onBar = true;
        } else {
            x = qBound(plot.left(), end.x() + 6, plot.right() - text.width());
        }
        m_valueText->setBrush(onBar ? ChartPalette::textOn(barColor()) : pal.color(QPalette::Text));
        m_valueText->setPos(x, end.y() - text.height() / 2);
    } else {
        const QPointF start = m_chart->mapToPosition(QPointF(0, barCentre), m_track);
        m_valueText->setBrush(ChartPalette::neutral(pal));
        m_valueText->setPos(start.x() + 8, start.y() - text.height() / 2);
    }
}

QString CoverageChartView::dataAsText() const
{
    QStringList lines{tr("stage") + QLatin1Char('\t') + tr("coverage threshold (%)")};
    for (const StageDefinition &s : m_stages)
        lines.append(s.id + QLatin1Char('\t') + QLocale().toString(s.coverageMin));
    lines.append(tr("measured coverage (%)") + QLatin1Char('\t') +
                 (m_coverage ? QLocale().toString(*m_coverage) : tr("not measured yet")));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void CoverageChartView::copyData() const
{
    QGuiApplication::clipboard()->setText(dataAsText());
}

void CoverageChartView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyPalette();
}

} // namespace Promotion
