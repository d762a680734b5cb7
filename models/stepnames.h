// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/runstate.h"

#include <QCoreApplication>
#include <QString>

namespace Promotion {

/*!
 * \brief The names of steps and outcomes as people read them, translated.
 *
 * stepTitle() and runOutcomeName() in core are data (reports, the journal, the issue) and
 * stay English; the UI shows these.
 */
class StepNames final
{
    Q_DECLARE_TR_FUNCTIONS(Promotion::StepNames)

public:
    static QString title(StepId step);
    static QString outcome(RunOutcome outcome);
};

} // namespace Promotion
