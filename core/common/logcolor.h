// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Promotion {

/*!
 * \brief A terminal colour as written by a tool: the default colour, an index into the
 * 256-colour ANSI palette (0-15 are the basic and bright colours) or a 24-bit RGB value.
 *
 * QtCore only: the mapping to a QColor belongs to the presentation layers, which know
 * whether the background is dark or light.
 */
class LogColor final
{
public:
    enum class Kind : quint8
    {
        Default,
        Indexed,
        Rgb
    };

    constexpr LogColor() = default;

    static constexpr LogColor indexed(int index)
    {
        return LogColor(IndexedTag | quint32(qBound(0, index, 255)));
    }
    static constexpr LogColor rgb(int red, int green, int blue)
    {
        return LogColor(RgbTag | quint32(qBound(0, red, 255)) << 16 |
                        quint32(qBound(0, green, 255)) << 8 | quint32(qBound(0, blue, 255)));
    }

    constexpr Kind kind() const
    {
        return (m_value & TagMask) == IndexedTag ? Kind::Indexed
               : (m_value & TagMask) == RgbTag   ? Kind::Rgb
                                                 : Kind::Default;
    }
    constexpr bool isDefault() const { return kind() == Kind::Default; }
    //! Palette index 0-255; meaningful for Kind::Indexed only.
    constexpr int index() const { return int(m_value & 0xffu); }
    //! 0xRRGGBB; meaningful for Kind::Rgb only.
    constexpr quint32 rgbValue() const { return m_value & 0xffffffu; }

    friend constexpr bool operator==(LogColor a, LogColor b) = default;

private:
    static constexpr quint32 TagMask = 0xff000000u;
    static constexpr quint32 IndexedTag = 0x01000000u;
    static constexpr quint32 RgbTag = 0x02000000u;

    constexpr explicit LogColor(quint32 value)
        : m_value(value)
    {
    }

    quint32 m_value = 0;
};

} // namespace Promotion
