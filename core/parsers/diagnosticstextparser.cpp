// SPDX-License-Identifier: GPL-3.0-or-later
#include "parsers/diagnosticstextparser.h"

#include "parsers/parserutil_p.h"

#include <QRegularExpression>

namespace Promotion {

namespace {
const QString kFormat = QStringLiteral("diagnostics text");
}

ParseResult<DiagnosticList> DiagnosticsTextParser::parse(const QByteArray &text)
{
    if (text.size() > ParserLimits::maxInputBytes) {
        // Same limit as the other parsers; empty output, however, is a clean run here.
        return ParseResult<DiagnosticList>::failure(*ParserUtil::checkInput(text, kFormat));
    }

    // path:line[:col]: rest -- the path is matched lazily so "C:\x.py:3:1:" works too.
    static const QRegularExpression located(
        QStringLiteral(R"(^(.+?):(\d+):(?:(\d+):)?\s+(\S.*)$)"));
    // mypy's file-level messages: "path: error: Duplicate module named ..."
    static const QRegularExpression fileLevel(
        QStringLiteral(R"(^(.+?):\s+(error|warning|note):\s+(.*)$)"));
    static const QRegularExpression mypyMessage(
        QStringLiteral(R"(^(error|warning|note):\s*(.*?)(?:\s+\[([A-Za-z0-9_.-]+)\])?$)"));
    static const QRegularExpression flake8Code(QStringLiteral(R"(^([A-Z]+[0-9]+)\b:?\s*(.*)$)"));
    static const QRegularExpression summary(QStringLiteral(
        R"(^(?:Found \d+ errors? in \d+ files? \((?:checked \d+ source files?|errors prevented further checking)\)|Success: no issues found in \d+ source files?|\d+)$)"));
    static const QRegularExpression ansi(QStringLiteral("\x1b\\[[0-9;]*[A-Za-z]"));

    DiagnosticList list;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = QString::fromUtf8(lines.at(i));
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.contains(QLatin1Char('\x1b')))
            line.remove(ansi);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || summary.match(trimmed).hasMatch())
            continue;

        Diagnostic d;
        QString rest;
        const QRegularExpressionMatch m = located.match(line);
        if (m.hasMatch()) {
            bool okLine = false;
            bool okColumn = true;
            d.file = m.captured(1);
            d.line = m.captured(2).toInt(&okLine);
            if (m.hasCaptured(3))
                d.column = m.captured(3).toInt(&okColumn);
            if (!okLine || !okColumn) {
                return ParseResult<DiagnosticList>::failure(
                    QStringLiteral("%1: line %2: line or column number out of range: %3")
                        .arg(kFormat)
                        .arg(i + 1)
                        .arg(ParserUtil::quote(line)));
            }
            rest = m.captured(4);
        } else if (const QRegularExpressionMatch f = fileLevel.match(line); f.hasMatch()) {
            d.file = f.captured(1);
            rest = f.captured(2) + QLatin1String(": ") + f.captured(3);
        } else {
            return ParseResult<DiagnosticList>::failure(
                QStringLiteral("%1: line %2: not a \"path:line:col: message\" line: %3")
                    .arg(kFormat)
                    .arg(i + 1)
                    .arg(ParserUtil::quote(line)));
        }

        if (const QRegularExpressionMatch my = mypyMessage.match(rest); my.hasMatch()) {
            const QString kind = my.captured(1);
            if (kind == u"note")
                continue;
            d.severity =
                kind == u"warning" ? DiagnosticSeverity::Warning : DiagnosticSeverity::Error;
            d.message = my.captured(2);
            d.code = my.captured(3);
        } else if (const QRegularExpressionMatch fl = flake8Code.match(rest); fl.hasMatch()) {
            d.severity = DiagnosticSeverity::Error; // flake8 fails on every code alike
            d.code = fl.captured(1);
            d.message = fl.captured(2);
        } else {
            d.severity = DiagnosticSeverity::Error;
            d.message = rest;
        }
        list.diagnostics.append(std::move(d));
    }
    return ParseResult<DiagnosticList>::success(std::move(list));
}

} // namespace Promotion
