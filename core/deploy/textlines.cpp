// SPDX-License-Identifier: GPL-3.0-or-later
#include "textlines.h"

#include <QStringList>

namespace Promotion {

TextLines::TextLines(const QString &text)
{
    qsizetype crlf = 0;
    qsizetype lf = 0;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype nl = text.indexOf(QLatin1Char('\n'), start);
        if (nl < 0) {
            lines.append({text.mid(start), QString()});
            break;
        }
        Line line{text.mid(start, nl - start), QStringLiteral("\n")};
        if (line.text.endsWith(QLatin1Char('\r'))) {
            line.text.chop(1);
            line.eol = QStringLiteral("\r\n");
            ++crlf;
        } else {
            ++lf;
        }
        lines.append(line);
        start = nl + 1;
    }
    eol = crlf > lf ? QStringLiteral("\r\n") : QStringLiteral("\n");
}

void TextLines::insert(qsizetype at, const QStringList &texts)
{
    if (texts.isEmpty())
        return;
    QList<Line> added;
    for (const QString &t : texts)
        added.append({t, eol});
    if (at >= lines.size()) {
        // Appending after a last line without newline: that line gains one, and the
        // new last line goes without, so the file keeps its "no final newline" shape.
        if (!lines.isEmpty() && lines.last().eol.isEmpty()) {
            lines.last().eol = eol;
            added.last().eol.clear();
        }
        lines.append(added);
        return;
    }
    for (qsizetype i = 0; i < added.size(); ++i)
        lines.insert(at + i, added.at(i));
}

QString TextLines::join() const
{
    QString out;
    for (const Line &line : lines)
        out += line.text + line.eol;
    return out;
}

QString TextLines::leadingWhitespace(const QString &text)
{
    qsizetype i = 0;
    while (i < text.size() && (text.at(i) == QLatin1Char(' ') || text.at(i) == QLatin1Char('\t')))
        ++i;
    return text.left(i);
}

} // namespace Promotion
