// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/logcolor.h"

#include <QList>
#include <QMetaType>

namespace Promotion {

/*!
 * \brief A run of characters of one log line that share a non-default SGR style.
 *
 * \c start and \c length count UTF-16 code units of the line's plain text (the text
 * LogBuffer::line() returns, escape sequences removed). Characters not covered by any
 * span use the default style.
 */
struct LogSpan
{
    enum Flag : quint8
    {
        Bold = 0x01,
        Faint = 0x02,
        Italic = 0x04,
        Underline = 0x08,
        Inverse = 0x10,
    };

    qint32 start = 0;
    qint32 length = 0;
    LogColor foreground;
    LogColor background;
    quint8 flags = 0;

    constexpr bool isBold() const { return flags & Bold; }
    constexpr bool hasStyle() const
    {
        return flags != 0 || !foreground.isDefault() || !background.isDefault();
    }
    constexpr bool sameStyle(const LogSpan &other) const
    {
        return flags == other.flags && foreground == other.foreground &&
               background == other.background;
    }
    constexpr qint32 end() const { return start + length; }

    friend constexpr bool operator==(const LogSpan &a, const LogSpan &b) = default;
};

using LogSpans = QList<LogSpan>;

} // namespace Promotion

Q_DECLARE_METATYPE(Promotion::LogSpan)
