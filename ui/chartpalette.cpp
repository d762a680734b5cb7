// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartpalette.h"

#include <cmath>
#include <QChart>
#include <QLegend>
#include <QPalette>
#include <QValueAxis>

namespace Promotion {

// Pairs from GitHub's light/dark "success", "danger" and accent colours.
bool ChartPalette::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor ChartPalette::pass(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x3f, 0xb9, 0x50) : QColor(0x1a, 0x7f, 0x37);
}

QColor ChartPalette::fail(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf8, 0x51, 0x49) : QColor(0xcf, 0x22, 0x2e);
}

QColor ChartPalette::neutral(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x8b, 0x94, 0x9e) : QColor(0x6e, 0x77, 0x81);
}

QColor ChartPalette::primary(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x58, 0xa6, 0xff) : QColor(0x09, 0x69, 0xda);
}

QColor ChartPalette::secondary(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0xa6, 0x57) : QColor(0xbc, 0x4c, 0x00);
}

QColor ChartPalette::stage(const QString &stageId)
{
    const QString id = stageId.trimmed().toLower();
    if (id == QLatin1String("development"))
        return QColor(0x09, 0x69, 0xda);
    if (id == QLatin1String("staging"))
        return QColor(0x9a, 0x67, 0x00);
    if (id == QLatin1String("production"))
        return QColor(0x1a, 0x7f, 0x37);
    return QColor(0x6e, 0x77, 0x81);
}

QColor ChartPalette::textOn(const QColor &background)
{
    // Relative luminance, WCAG style: dark text on light fills, white on dark ones.
    const auto channel = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const double l = 0.2126 * channel(background.redF()) + 0.7152 * channel(background.greenF()) +
                     0.0722 * channel(background.blueF());
    return l > 0.179 ? QColor(0x1f, 0x23, 0x28) : QColor(Qt::white);
}

void ChartPalette::styleChart(QChart *chart, const QPalette &palette)
{
    chart->setBackgroundBrush(palette.brush(QPalette::Base));
    chart->setBackgroundPen(QPen(palette.color(QPalette::Mid), 1));
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(palette.brush(QPalette::Text));
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
}

void ChartPalette::styleAxis(QValueAxis *axis, const QPalette &palette)
{
    axis->setLabelsBrush(palette.brush(QPalette::Text));
    axis->setTitleBrush(palette.brush(QPalette::Text));
    axis->setLinePenColor(palette.color(QPalette::Mid));
    QColor grid = palette.color(QPalette::Text);
    grid.setAlpha(40);
    axis->setGridLineColor(grid);
    axis->setMinorGridLineColor(grid);
}

} // namespace Promotion
