// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffhighlighter.h"

#include <QRegularExpression>

namespace Promotion {

namespace {

// Block state: -1 outside a hunk; inside, the old and new lines still
// expected, packed in 15 bits each. Longer hunks saturate and the last lines
// fall back to the header heuristics, which are right for all but "---" text.
constexpr int kOutside = -1;
constexpr int kMaxCount = 0x7fff;

int pack(int oldLines, int newLines)
{
    return oldLines <= 0 && newLines <= 0
               ? kOutside
               : (qBound(0, oldLines, kMaxCount) << 15) | qBound(0, newLines, kMaxCount);
}

} // namespace

DiffHighlighter::DiffHighlighter(QTextDocument *document)
    : BuiltinHighlighter(document)
{
}

void DiffHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression hunk(
        QStringLiteral("^@@ -\\d+(?:,(\\d+))? \\+\\d+(?:,(\\d+))? @@"));

    const int n = int(text.size());
    const int state = previousBlockState();
    if (state >= 0) {
        int oldLines = state >> 15;
        int newLines = state & kMaxCount;
        const QChar c = n > 0 ? text.at(0) : QLatin1Char(' ');
        bool inHunk = true;
        if (c == QLatin1Char('+') && newLines > 0) {
            apply(0, n, Role::Added);
            --newLines;
        } else if (c == QLatin1Char('-') && oldLines > 0) {
            apply(0, n, Role::Removed);
            --oldLines;
        } else if (c == QLatin1Char('\\')) {
            apply(0, n, Role::Comment); // "\ No newline at end of file"
        } else if (c == QLatin1Char(' ')) {
            --oldLines;
            --newLines;
        } else {
            inHunk = false; // the counts were wrong: read it as a header below
        }
        if (inHunk) {
            setCurrentBlockState(pack(oldLines, newLines));
            return;
        }
    }
    setCurrentBlockState(kOutside);

    if (const QRegularExpressionMatch m = hunk.match(text); m.hasMatch()) {
        apply(0, int(m.capturedLength(0)), Role::Hunk);
        // An omitted count means one line.
        const int oldLines = m.capturedLength(1) > 0 ? m.captured(1).toInt() : 1;
        const int newLines = m.capturedLength(2) > 0 ? m.captured(2).toInt() : 1;
        setCurrentBlockState(pack(oldLines, newLines));
        return;
    }
    if (text.startsWith(QLatin1String("--- ")) || text.startsWith(QLatin1String("+++ ")) ||
        text.startsWith(QLatin1String("diff ")) || text.startsWith(QLatin1String("index ")) ||
        text == QLatin1String("---") || text == QLatin1String("+++")) {
        apply(0, n, Role::FileHeader);
        return;
    }
    if (text.startsWith(QLatin1Char('+')))
        apply(0, n, Role::Added);
    else if (text.startsWith(QLatin1Char('-')))
        apply(0, n, Role::Removed);
    else if (text.startsWith(QLatin1Char('\\')))
        apply(0, n, Role::Comment);
}

} // namespace Promotion
