// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "builtinhighlighter.h"

namespace Promotion {

/*!
 * \brief Built-in JSON highlighting: object keys apart from string values,
 * numbers, and true/false/null. Tolerates broken input (an unterminated
 * string runs to the end of its line).
 */
class JsonHighlighter final : public BuiltinHighlighter
{
    Q_OBJECT
public:
    explicit JsonHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;
};

} // namespace Promotion
