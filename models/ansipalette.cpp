// SPDX-License-Identifier: GPL-3.0-or-later
#include "ansipalette.h"

#include <array>

namespace Promotion {

namespace {

// Basic and bright colours, tuned for contrast on each kind of background.
constexpr std::array<QRgb, 16> DarkBasic = {
    0x666666, 0xf14c4c, 0x23d18b, 0xe5e510, 0x3b8eea, 0xd670d6, 0x29b8db, 0xcccccc,
    0x808080, 0xff6b6b, 0x4ee6a0, 0xf5f543, 0x6aa9ff, 0xe58fe5, 0x5fd7f0, 0xffffff,
};
constexpr std::array<QRgb, 16> LightBasic = {
    0x000000, 0xc01c28, 0x107c10, 0x8a6d00, 0x0451a5, 0xa100a1, 0x03738c, 0x5e5e5e,
    0x555555, 0xe01b24, 0x138a13, 0x9c7f00, 0x1a5fb4, 0xbc05bc, 0x0598bc, 0x3d3d3d,
};

} // namespace

QColor AnsiPalette::color(LogColor color, bool darkBackground)
{
    switch (color.kind()) {
    case LogColor::Kind::Default:
        return {};
    case LogColor::Kind::Rgb:
        return QColor::fromRgb(color.rgbValue() | 0xff000000u);
    case LogColor::Kind::Indexed:
        break;
    }
    const int index = color.index();
    if (index < 16)
        return QColor::fromRgb((darkBackground ? DarkBasic : LightBasic)[size_t(index)] |
                               0xff000000u);
    if (index < 232) {
        static constexpr int Levels[6] = {0, 95, 135, 175, 215, 255};
        const int cube = index - 16;
        return QColor(Levels[cube / 36], Levels[(cube / 6) % 6], Levels[cube % 6]);
    }
    const int grey = 8 + (index - 232) * 10;
    return QColor(grey, grey, grey);
}

bool AnsiPalette::isDark(const QColor &background)
{
    return background.lightnessF() < 0.5;
}

} // namespace Promotion
