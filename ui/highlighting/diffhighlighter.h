// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "builtinhighlighter.h"

namespace Promotion {

/*!
 * \brief Built-in unified-diff highlighting: added and removed lines, @@ hunk
 * headers, and file headers (diff, index, ---, +++).
 *
 * The line counts of each @@ header are followed across lines, so a removed
 * line whose text starts with "--" is not mistaken for a "---" file header.
 */
class DiffHighlighter final : public BuiltinHighlighter
{
    Q_OBJECT
public:
    explicit DiffHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;
};

} // namespace Promotion
