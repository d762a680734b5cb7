// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/logcolor.h"

#include <QColor>

namespace Promotion {

/*!
 * \brief Maps terminal colours (LogColor) to QColors readable on the current background.
 *
 * The 16 basic colours come in two tunings, one for dark and one for light backgrounds
 * (yellow on white is unreadable with xterm's values); 16-255 are the standard 6x6x6 cube
 * and grey ramp; RGB colours are used as given.
 */
class AnsiPalette final
{
public:
    /*! The colour for \a color, or an invalid QColor for LogColor::Kind::Default. */
    static QColor color(LogColor color, bool darkBackground);
    /*! True when text on \a background should use the dark-background tuning. */
    static bool isDark(const QColor &background);
};

} // namespace Promotion
