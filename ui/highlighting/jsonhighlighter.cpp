// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonhighlighter.h"

#include <QRegularExpression>

namespace Promotion {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : BuiltinHighlighter(document)
{
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression number(
        QStringLiteral("\\G-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][-+]?\\d+)?"));
    static const QRegularExpression literal(QStringLiteral("\\G(?:true|false|null)\\b"));

    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"')) {
            int j = i + 1;
            while (j < n && text.at(j) != QLatin1Char('"'))
                j += text.at(j) == QLatin1Char('\\') ? 2 : 1;
            j = qMin(j + 1, n); // past the closing quote (or the end of a broken line)
            // A string followed by a colon is a key; a key split across lines does not exist in
            // JSON.
            int k = j;
            while (k < n && text.at(k).isSpace())
                ++k;
            const bool isKey = k < n && text.at(k) == QLatin1Char(':');
            apply(i, j - i, isKey ? Role::Key : Role::String);
            i = j;
            continue;
        }
        if (c == QLatin1Char('-') || c.isDigit()) {
            const QRegularExpressionMatch m =
                number.match(text, i, QRegularExpression::NormalMatch,
                             QRegularExpression::AnchorAtOffsetMatchOption);
            if (m.hasMatch() && m.capturedLength(0) > 0) {
                apply(i, int(m.capturedLength(0)), Role::Number);
                i += int(m.capturedLength(0));
                continue;
            }
        } else if (c == QLatin1Char('t') || c == QLatin1Char('f') || c == QLatin1Char('n')) {
            const QRegularExpressionMatch m =
                literal.match(text, i, QRegularExpression::NormalMatch,
                              QRegularExpression::AnchorAtOffsetMatchOption);
            if (m.hasMatch() && (i == 0 || !text.at(i - 1).isLetterOrNumber())) {
                apply(i, int(m.capturedLength(0)), Role::Literal);
                i += int(m.capturedLength(0));
                continue;
            }
        }
        ++i;
    }
}

} // namespace Promotion
