// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gates/gateresult.h"
#include "workflow/runstate.h"

#include <QColor>
#include <QIcon>

namespace Promotion {

/*!
 * \brief The colours and badges every view uses for a step's or a gate's status,
 * so "failed" looks the same in the step list, the gate table and the checklists.
 *
 * Badges are drawn (a filled circle with a stroked glyph), not taken from the icon
 * theme, because a minimal desktop may have no theme and the meaning must not depend
 * on colour alone: each tone has its own glyph.
 */
class StatusPalette final
{
public:
    enum class Tone
    {
        Neutral, //!< pending, not run yet
        Running,
        Good,    //!< passed, attested
        Bad,     //!< failed, error
        Warning, //!< needs a person (attestation), cancelled
        Muted,   //!< skipped on purpose
    };

    static Tone toneOf(StepStatus status);
    static Tone toneOf(GateStatus status);

    /*! Badge colour. */
    static QColor color(Tone tone);
    /*! Row tint; an invalid colour when the row keeps the view's own background. */
    static QColor background(Tone tone);
    /*! Text colour readable on background(); invalid when the view's own applies. */
    static QColor foreground(Tone tone);
    /*! A round badge with a glyph (16 and 32 px), cached per tone. */
    static QIcon icon(Tone tone);
};

} // namespace Promotion
