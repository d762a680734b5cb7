// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Promotion {

/*!
 * \brief The engine's own words (check titles, gate measurements and thresholds, step
 * summaries) as people read them, translated.
 *
 * The engine writes them in English because they are data: they go into reports, the journal,
 * the CLI's output and GitHub, and reports are compared across a team. The UI shows them
 * through display(), which recognises the engine's phrasings ("49 of 49 passed",
 * "≤ 0 findings", "deployed X 1.2.0 to staging") and says them again in the UI's language,
 * with the numbers in its locale. Anything it does not recognise (a policy's own gate title,
 * a tool's message, a report written by another version) is shown as written, so a phrase
 * never loses its data. Like StepNames.
 */
class EngineText final
{
    Q_DECLARE_TR_FUNCTIONS(Promotion::EngineText)

public:
    static QString display(const QString &english);
};

} // namespace Promotion
