// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "builtinhighlighter.h"

namespace Promotion {

/*!
 * \brief Built-in Markdown highlighting: headings, block quotes, list markers,
 * task checkboxes ("- [ ]", "- [x]"), bold, italics, links, code spans and
 * fenced code blocks (``` or ~~~, tracked across lines).
 */
class MarkdownHighlighter final : public BuiltinHighlighter
{
    Q_OBJECT
public:
    explicit MarkdownHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;
};

} // namespace Promotion
