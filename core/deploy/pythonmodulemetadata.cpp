// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythonmodulemetadata.h"

#include "deploy/textlines.h"

#include <algorithm>
#include <array>
#include <QRegularExpression>
#include <QStringList>

namespace Promotion {

namespace {

struct DocString
{
    qsizetype startLine = -1;
    qsizetype openCol = 0;   //!< column of the string prefix on startLine
    qsizetype bodyStart = 0; //!< first column after the opening quotes
    QString prefix;          //!< r, u or empty
    QChar quote;
    int quoteLen = 3;
    qsizetype endLine = -1;
    qsizetype closeCol = 0; //!< column of the closing quotes on endLine
};

struct Scan
{
    QList<bool> continuation; //!< the line starts inside a string, a bracket, or after a backslash
    qsizetype firstStatement = -1;
    std::optional<DocString> doc;
    bool docUnterminated = false;
};

// Just enough of Python's tokenizer to know where statements start and where the
// module docstring ends.
Scan scanPython(const TextLines &t)
{
    static const QRegularExpression docStart(
        QStringLiteral("^([ \\t]*)([rRuU]?)(\"\"\"|'''|\"|')"));
    Scan s;
    int depth = 0;
    bool inString = false;
    bool triple = false;
    QChar quote;
    bool backslash = false;
    bool docOpen = false;
    DocString doc;
    for (qsizetype li = 0; li < t.size(); ++li) {
        const QString &text = t.text(li);
        const bool continuation = inString || depth > 0 || backslash;
        s.continuation.append(continuation);
        backslash = false;

        qsizetype docQuoteCol = -1;
        if (!continuation && s.firstStatement < 0 && !TextLines::isBlank(text) &&
            !text.trimmed().startsWith(QLatin1Char('#'))) {
            s.firstStatement = li;
            const QRegularExpressionMatch m = docStart.match(text);
            if (m.hasMatch()) {
                doc.startLine = li;
                doc.openCol = m.capturedLength(1);
                doc.prefix = m.captured(2);
                doc.quote = m.captured(3).at(0);
                doc.quoteLen = int(m.capturedLength(3));
                doc.bodyStart = m.capturedEnd(3);
                docQuoteCol = m.capturedStart(3);
            }
        }

        const qsizetype len = text.size();
        bool escapedNewline = false;
        qsizetype i = 0;
        while (i < len) {
            const QChar c = text.at(i);
            if (inString) {
                if (c == QLatin1Char('\\')) {
                    escapedNewline = i == len - 1;
                    i += 2;
                    continue;
                }
                if (c == quote && (!triple || text.mid(i, 3) == QString(3, quote))) {
                    inString = false;
                    if (docOpen) {
                        doc.endLine = li;
                        doc.closeCol = i;
                        s.doc = doc;
                        docOpen = false;
                    }
                    i += triple ? 3 : 1;
                    continue;
                }
                ++i;
                continue;
            }
            if (c == QLatin1Char('#'))
                break;
            if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
                triple = text.mid(i, 3) == QString(3, c);
                inString = true;
                quote = c;
                docOpen = i == docQuoteCol;
                i += triple ? 3 : 1;
                continue;
            }
            if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{'))
                ++depth;
            else if (c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}'))
                depth = std::max(0, depth - 1);
            else if (c == QLatin1Char('\\') && i == len - 1)
                backslash = true;
            ++i;
        }
        if (inString && !triple && !escapedNewline) {
            // An unterminated one-line string: Python refuses the file; keep going sanely.
            inString = false;
            docOpen = false;
        }
    }
    s.docUnterminated = docOpen;
    return s;
}

struct DocKey
{
    QString name;
    std::optional<QString> value; //!< unset: leave alone and do not add
};

} // namespace

QString PythonModuleMetadata::componentTitle(const QString &component)
{
    QStringList words;
    const QStringList parts = component.split(QLatin1Char('_'), Qt::SkipEmptyParts);
    for (const QString &part : parts)
        words.append(part.left(1).toUpper() + part.mid(1));
    return words.join(QLatin1Char(' '));
}

QString PythonModuleMetadata::coverageText(std::optional<double> coverage)
{
    if (!coverage)
        return QStringLiteral("not measured");
    QString text = QString::number(*coverage, 'f', 1);
    if (text.endsWith(QLatin1String(".0")))
        text.chop(2);
    return text + QLatin1Char('%');
}

std::optional<QString> PythonModuleMetadata::update(const QString &source,
                                                    const MetadataInput &input, QString *error)
{
    auto fail = [error](qsizetype line, const QString &why) -> std::optional<QString> {
        if (error)
            *error = line >= 0 ? QStringLiteral("line %1: %2").arg(line + 1).arg(why) : why;
        return std::nullopt;
    };

    TextLines t(source);
    const Scan s = scanPython(t);
    const qsizetype originalSize = t.size();
    if (s.docUnterminated)
        return fail(s.firstStatement, QStringLiteral("the module docstring is never closed"));
    if (s.doc && s.doc->endLine != s.doc->startLine && s.doc->quoteLen == 1)
        return fail(s.doc->startLine,
                    QStringLiteral("the module docstring continues over lines with backslashes; "
                                   "use triple quotes so it can be updated"));

    // 1. __maturity__ and __version__ values, in place.
    static const QRegularExpression anyAssignment(
        QStringLiteral("^(__maturity__|__version__)\\s*(?::[^=]*)?=(?!=)"));
    static const QRegularExpression literalAssignment(QStringLiteral(
        "^(__maturity__|__version__)(\\s*(?::\\s*str\\s*)?=\\s*)(['\"])([^'\"\\n]*)\\3"));
    qsizetype versionLine = -1;
    QChar versionQuote = QLatin1Char('"');
    bool maturityFound = false;
    for (qsizetype i = 0; i < t.size(); ++i) {
        if (s.continuation.at(i))
            continue;
        const QString text = t.text(i);
        const QRegularExpressionMatch any = anyAssignment.match(text);
        if (!any.hasMatch())
            continue;
        const bool isMaturity = any.captured(1) == QLatin1String("__maturity__");
        const QRegularExpressionMatch lit = literalAssignment.match(text);
        if (!lit.hasMatch()) {
            if (isMaturity)
                return fail(i,
                            QStringLiteral("__maturity__ is not assigned a plain string literal; "
                                           "write it as __maturity__ = \"<stage>\""));
            if (input.versionBump != VersionBump::None)
                return fail(i, QStringLiteral("__version__ is not assigned a plain string literal; "
                                              "cannot bump it"));
            if (versionLine < 0)
                versionLine = i;
            continue;
        }
        QString value;
        if (isMaturity) {
            maturityFound = true;
            value = input.targetStage;
        } else {
            if (versionLine < 0) {
                versionLine = i;
                versionQuote = lit.captured(3).at(0);
            }
            QString bumpError;
            const auto bumped =
                SemanticVersion::bump(lit.captured(4), input.versionBump, &bumpError);
            if (!bumped)
                return fail(i, QStringLiteral("__version__: ") + bumpError);
            value = *bumped;
        }
        t.setText(i, text.left(lit.capturedStart(4)) + value + text.mid(lit.capturedEnd(4)));
    }
    if (input.versionBump != VersionBump::None && versionLine < 0)
        return fail(-1, QStringLiteral("there is no top-level __version__ = \"x.y.z\" to bump %1")
                            .arg(SemanticVersion::bumpName(input.versionBump)));

    // 2. A missing __maturity__ goes after the __version__ statement, else at the end.
    //    Both lie after the docstring, so the line numbers used below stay valid.
    if (!maturityFound) {
        const QString line =
            QStringLiteral("__maturity__ = ") + versionQuote + input.targetStage + versionQuote;
        if (versionLine >= 0) {
            qsizetype end = versionLine;
            while (end + 1 < t.size() && s.continuation.at(end + 1))
                ++end;
            t.insert(end + 1, {line});
        } else {
            t.insert(t.size(), {line});
        }
    }

    // 3. The docstring.
    const QString stageLine = QStringLiteral("Maturity Stage: ") + input.targetStage;
    const QString dateText = input.date.toString(Qt::ISODate);
    std::array<DocKey, 3> keys{DocKey{QStringLiteral("Maturity Stage"), input.targetStage},
                               DocKey{QStringLiteral("Coverage"),
                                      input.coverage
                                          ? std::optional<QString>(coverageText(input.coverage))
                                          : std::nullopt},
                               DocKey{QStringLiteral("Last Updated"), dateText}};

    if (!s.doc) {
        const QStringList docLines{QStringLiteral("\"\"\""),
                                   componentTitle(input.component),
                                   QString(),
                                   stageLine,
                                   QStringLiteral("Coverage: ") + coverageText(input.coverage),
                                   QStringLiteral("Last Updated: ") + dateText,
                                   QStringLiteral("\"\"\"")};
        // Before the first statement, after leading comments (shebang, encoding, licence).
        // Lines added above all lie after that point.
        const qsizetype at = s.firstStatement >= 0 ? s.firstStatement : originalSize;
        QStringList block = docLines;
        if (at < t.size() && !TextLines::isBlank(t.text(at)))
            block.append(QString());
        t.insert(at, block);
        return t.join();
    }

    DocString d = *s.doc;
    std::array<qsizetype, 3> present{-1, -1, -1};
    std::array<QString, 3> indents;
    for (qsizetype line = d.startLine; line <= d.endLine; ++line) {
        const QString text = t.text(line);
        const qsizetype from = line == d.startLine ? d.bodyStart : 0;
        const qsizetype to = line == d.endLine ? d.closeCol : text.size();
        const QString segment = text.mid(from, to - from);
        for (size_t k = 0; k < keys.size(); ++k) {
            if (present[k] >= 0)
                continue;
            const QRegularExpression re(
                QStringLiteral("^([ \\t]*)(%1)([ \\t]*:[ \\t]*)(.*?)[ \\t]*$")
                    .arg(QRegularExpression::escape(keys[k].name)),
                QRegularExpression::CaseInsensitiveOption);
            const QRegularExpressionMatch m = re.match(segment);
            if (!m.hasMatch())
                continue;
            present[k] = line;
            indents[k] = m.captured(1);
            if (keys[k].value) {
                const QString updated =
                    m.captured(1) + m.captured(2) + m.captured(3) + *keys[k].value;
                t.setText(line, text.left(from) + updated + text.mid(to));
            }
            break;
        }
    }

    QList<size_t> missing;
    for (size_t k = 0; k < keys.size(); ++k) {
        if (present[k] < 0 && keys[k].value)
            missing.append(k);
    }
    if (missing.isEmpty())
        return t.join();

    const QString openIndent = t.text(d.startLine).left(d.openCol);
    const QString tripleQuote(3, d.quote);
    auto keyLine = [&keys](size_t k, const QString &indent) -> QString {
        return indent + keys[k].name + QStringLiteral(": ") + *keys[k].value;
    };

    if (d.startLine == d.endLine) {
        // A one-line docstring becomes a multi-line one (single quotes become triple).
        const QString text = t.text(d.startLine);
        const QString body = text.mid(d.bodyStart, d.closeCol - d.bodyStart);
        const QString rest = text.mid(d.closeCol + d.quoteLen);
        QStringList replacement;
        if (TextLines::isBlank(body)) {
            replacement << openIndent + d.prefix + tripleQuote
                        << openIndent + componentTitle(input.component);
        } else {
            replacement << openIndent + d.prefix + tripleQuote + body;
        }
        replacement << QString();
        for (size_t k : missing)
            replacement << keyLine(k, openIndent);
        replacement << openIndent + tripleQuote + rest;
        t.setText(d.startLine, replacement.takeFirst());
        t.insert(d.startLine + 1, replacement);
        return t.join();
    }

    // Closing quotes after text ("...last line\"\"\"") move to a line of their own first.
    {
        const QString closing = t.text(d.endLine);
        const QString before = closing.left(d.closeCol);
        if (!TextLines::isBlank(before)) {
            t.setText(d.endLine, before);
            t.insert(d.endLine + 1, {openIndent + closing.mid(d.closeCol)});
            d.endLine += 1;
            d.closeCol = openIndent.size();
        }
    }

    const bool nonePresent =
        std::all_of(present.cbegin(), present.cend(), [](qsizetype p) { return p < 0; });
    if (nonePresent) {
        // A new final paragraph, separated from the text before it.
        const qsizetype prev = d.endLine - 1;
        const QString prevText = t.text(prev);
        const bool prevHasText = prev == d.startLine
                                     ? !TextLines::isBlank(prevText.mid(d.bodyStart))
                                     : !TextLines::isBlank(prevText);
        const QString indent = t.text(d.endLine).left(d.closeCol);
        QStringList block;
        if (prevHasText)
            block << QString();
        for (size_t k : missing)
            block << keyLine(k, indent);
        t.insert(d.endLine, block);
        return t.join();
    }

    // Next to the keys that are there: after the nearest earlier key, else before the nearest later
    // one.
    for (size_t k : missing) {
        qsizetype at = -1;
        QString indent;
        for (size_t j = k; j-- > 0;) {
            if (present[j] >= 0) {
                at = present[j] + 1;
                indent = indents[j];
                break;
            }
        }
        if (at < 0) {
            for (size_t j = k + 1; j < keys.size(); ++j) {
                if (present[j] >= 0) {
                    at = std::max(present[j], d.startLine + 1);
                    indent = indents[j];
                    break;
                }
            }
        }
        t.insert(at, {keyLine(k, indent)});
        for (qsizetype &p : present) {
            if (p >= at)
                ++p;
        }
        if (d.endLine >= at)
            ++d.endLine;
        present[k] = at;
        indents[k] = indent;
    }
    return t.join();
}

} // namespace Promotion
