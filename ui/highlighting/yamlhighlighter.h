// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "builtinhighlighter.h"

namespace Promotion {

/*!
 * \brief Built-in YAML highlighting: mapping keys, comments, quoted strings,
 * numbers, true/false/null, list dashes, document markers, and the lines of
 * block scalars (`key: |`), which are tracked across lines.
 */
class YamlHighlighter final : public BuiltinHighlighter
{
    Q_OBJECT
public:
    explicit YamlHighlighter(QTextDocument *document);

    /*! Index of the `#` starting a comment in \a line, or -1 (a `#` inside quotes is not one). */
    static int commentStart(const QString &line);

protected:
    void highlightBlock(const QString &text) override;

private:
    void highlightValue(const QString &text, int start, int end);
};

} // namespace Promotion
