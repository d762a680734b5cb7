// SPDX-License-Identifier: GPL-3.0-or-later
#include "yamlhighlighter.h"

#include <QRegularExpression>

namespace Promotion {

namespace {

// Block state: -1 outside a block scalar, else the indentation of the line
// that opened it (its content is everything indented deeper).
constexpr int kNoBlock = -1;

int indentation(const QString &text)
{
    int i = 0;
    while (i < text.size() && text.at(i) == QLatin1Char(' '))
        ++i;
    return i;
}

const QRegularExpression &numberPattern()
{
    static const QRegularExpression re(
        QStringLiteral("^[-+]?(?:\\d[\\d_]*(?:\\.\\d*)?(?:[eE][-+]?\\d+)?|\\.\\d+(?:[eE][-+]?\\d+)?"
                       "|0x[0-9a-fA-F]+|0o[0-7]+|\\.inf|\\.Inf|\\.INF)$"
                       "|^\\.(?:nan|NaN|NAN)$"));
    return re;
}

const QRegularExpression &literalPattern()
{
    static const QRegularExpression re(QStringLiteral("^(?:true|false|null|yes|no|on|off|~)$"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument *document)
    : BuiltinHighlighter(document)
{
}

int YamlHighlighter::commentStart(const QString &line)
{
    QChar quote;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (!quote.isNull()) {
            if (quote == QLatin1Char('"') && c == QLatin1Char('\\'))
                ++i; // escaped character
            else if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('#') && (i == 0 || line.at(i - 1).isSpace()))
            return i;
        // A quote only opens a string where a scalar can start, not inside a word (it's).
        if ((c == QLatin1Char('"') || c == QLatin1Char('\'')) &&
            (i == 0 || line.at(i - 1).isSpace() ||
             QStringLiteral("[{,:-").contains(line.at(i - 1))))
            quote = c;
    }
    return -1;
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression documentMarker(QStringLiteral("^(?:---|\\.\\.\\.)(?=\\s|$)"));
    static const QRegularExpression dashes(QStringLiteral("\\G-(?:\\s+|$)"));
    static const QRegularExpression key(QStringLiteral(
        "\\G(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s#'\"{}\\[\\],&*!|>%@`][^#]*?)\\s*:(?=\\s|$)"));
    static const QRegularExpression blockScalar(QStringLiteral("^[|>][-+0-9]*\\s*$"));

    const int indent = indentation(text);
    const int block = previousBlockState();
    if (block != kNoBlock && (text.trimmed().isEmpty() || indent > block)) {
        apply(0, int(text.size()), Role::String);
        setCurrentBlockState(block);
        return;
    }
    setCurrentBlockState(kNoBlock);

    const int comment = commentStart(text);
    const int end = comment < 0 ? int(text.size()) : comment;
    if (comment >= 0)
        apply(comment, int(text.size()) - comment, Role::Comment);

    const QRegularExpressionMatch marker = documentMarker.match(text);
    if (marker.hasMatch()) {
        apply(0, 3, Role::DocumentMarker);
        return;
    }

    int pos = indent;
    for (;;) {
        const QRegularExpressionMatch dash =
            dashes.match(text.left(end), pos, QRegularExpression::NormalMatch,
                         QRegularExpression::AnchorAtOffsetMatchOption);
        if (!dash.hasMatch())
            break;
        apply(pos, 1, Role::ListMarker);
        pos = int(dash.capturedEnd(0));
    }

    const int valueIndent = pos; // a block scalar's lines are indented past the key's column
    const QRegularExpressionMatch k =
        key.match(text.left(end), pos, QRegularExpression::NormalMatch,
                  QRegularExpression::AnchorAtOffsetMatchOption);
    if (k.hasMatch()) {
        apply(int(k.capturedStart(1)), int(k.capturedLength(1)), Role::Key);
        pos = int(k.capturedEnd(0)) + 1; // past the colon
    }
    const QString value = text.mid(pos, end - pos).trimmed();
    if (blockScalar.match(value).hasMatch()) {
        setCurrentBlockState(k.hasMatch() ? valueIndent : indent);
        return;
    }
    highlightValue(text, pos, end);
}

void YamlHighlighter::highlightValue(const QString &text, int start, int end)
{
    static const QRegularExpression quoted(
        QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"?|'(?:[^']|'')*'?"));
    static const QRegularExpression flowToken(
        QStringLiteral("(?<=^|[\\s\\[\\]{},])([^\\s\\[\\]{},:]+)(?=$|[\\s\\[\\]{},])"));

    while (start < end && text.at(start).isSpace())
        ++start;
    int stop = end;
    while (stop > start && text.at(stop - 1).isSpace())
        --stop;
    if (start >= stop)
        return;
    const QString value = text.mid(start, stop - start);
    const QChar first = value.at(0);

    if (first == QLatin1Char('"') || first == QLatin1Char('\'')) {
        apply(start, stop - start, Role::String);
        return;
    }
    if (first == QLatin1Char('[') || first == QLatin1Char('{')) {
        // Flow collection: colour each item on its own.
        auto it = quoted.globalMatch(value);
        QString masked = value;
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            apply(start + int(m.capturedStart(0)), int(m.capturedLength(0)), Role::String);
            masked.replace(m.capturedStart(0), m.capturedLength(0),
                           QString(m.capturedLength(0), QLatin1Char(' ')));
        }
        auto tokens = flowToken.globalMatch(masked);
        while (tokens.hasNext()) {
            const QRegularExpressionMatch m = tokens.next();
            const QString token = m.captured(1);
            if (numberPattern().match(token).hasMatch())
                apply(start + int(m.capturedStart(1)), int(m.capturedLength(1)), Role::Number);
            else if (literalPattern().match(token).hasMatch())
                apply(start + int(m.capturedStart(1)), int(m.capturedLength(1)), Role::Literal);
        }
        return;
    }
    if (numberPattern().match(value).hasMatch())
        apply(start, stop - start, Role::Number);
    else if (literalPattern().match(value).hasMatch())
        apply(start, stop - start, Role::Literal);
}

} // namespace Promotion
