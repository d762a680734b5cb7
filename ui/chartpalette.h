// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

class QChart;
class QPalette;
class QValueAxis;

namespace Promotion {

/*!
 * \brief Colours shared by the charts and item delegates, picked for the
 * widget's palette so they stay readable on light and dark themes.
 */
class ChartPalette final
{
public:
    static bool isDark(const QPalette &palette);
    static QColor pass(const QPalette &palette);
    static QColor fail(const QPalette &palette);
    static QColor neutral(const QPalette &palette);
    /*! First data series colour (blue). */
    static QColor primary(const QPalette &palette);
    /*! Second data series colour (orange). */
    static QColor secondary(const QPalette &palette);
    /*! Badge colour of a stage: development blue, staging amber, production green, other grey. */
    static QColor stage(const QString &stageId);
    /*! Text colour readable on \a background. */
    static QColor textOn(const QColor &background);

    /*! Chart background, title and legend in the palette's colours. */
    static void styleChart(QChart *chart, const QPalette &palette);
    static void styleAxis(QValueAxis *axis, const QPalette &palette);
};

} // namespace Promotion
