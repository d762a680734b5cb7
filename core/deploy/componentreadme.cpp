// SPDX-License-Identifier: GPL-3.0-or-later
#include "componentreadme.h"

#include "deploy/pythonmodulemetadata.h"
#include "deploy/textlines.h"

#include <algorithm>
#include <array>
#include <optional>
#include <QRegularExpression>
#include <QStringList>

namespace Promotion {

namespace {

struct StatusKey
{
    QString label; //!< as written between the asterisks, e.g. "Status:"
    std::optional<QString> value;
};

QString countText(std::optional<int> count)
{
    return count ? QString::number(*count) : QStringLiteral("not measured");
}

QList<bool> fencedLines(const TextLines &t)
{
    static const QRegularExpression fence(QStringLiteral("^ {0,3}(```+|~~~+)"));
    QList<bool> inFence;
    QString open;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const QRegularExpressionMatch m = fence.match(t.text(i));
        if (open.isEmpty()) {
            inFence.append(m.hasMatch());
            if (m.hasMatch())
                open = m.captured(1);
        } else {
            inFence.append(true);
            if (m.hasMatch() && m.captured(1).at(0) == open.at(0) &&
                m.captured(1).size() >= open.size())
                open.clear();
        }
    }
    return inFence;
}

} // namespace

QString ComponentReadme::create(const MetadataInput &input)
{
    const QString coverage = PythonModuleMetadata::coverageText(input.coverage);
    const QStringList lines{
        QStringLiteral("# Component: ") + input.component,
        QString(),
        QStringLiteral("**Status:** ") + input.targetStage,
        QStringLiteral("**Coverage:** ") + coverage,
        QStringLiteral("**Last Promoted:** ") + input.date.toString(Qt::ISODate),
        QString(),
        QStringLiteral("## Quality Metrics"),
        QStringLiteral("- Test Coverage: ") + coverage,
        QStringLiteral("- Integration Tests: ") + countText(input.integrationTests),
        QStringLiteral("- E2E Tests: ") + countText(input.e2eTests),
        QStringLiteral("- Performance: ") +
            (input.performance.isEmpty() ? QStringLiteral("not measured") : input.performance),
    };
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString ComponentReadme::update(const QString &markdown, const MetadataInput &input)
{
    TextLines t(markdown);
    const QList<bool> fenced = fencedLines(t);

    std::array<StatusKey, 3> keys{
        StatusKey{QStringLiteral("Status:"), input.targetStage},
        StatusKey{QStringLiteral("Coverage:"),
                  input.coverage
                      ? std::optional<QString>(PythonModuleMetadata::coverageText(input.coverage))
                      : std::nullopt},
        StatusKey{QStringLiteral("Last Promoted:"), input.date.toString(Qt::ISODate)}};
    std::array<qsizetype, 3> present{-1, -1, -1};
    std::array<QString, 3> indents;

    struct MetricKey
    {
        QString label;
        std::optional<QString> value;
    };
    const std::array<MetricKey, 4> metrics{
        MetricKey{QStringLiteral("Test Coverage"),
                  input.coverage
                      ? std::optional<QString>(PythonModuleMetadata::coverageText(input.coverage))
                      : std::nullopt},
        MetricKey{QStringLiteral("Integration Tests"),
                  input.integrationTests
                      ? std::optional<QString>(QString::number(*input.integrationTests))
                      : std::nullopt},
        MetricKey{QStringLiteral("E2E Tests"),
                  input.e2eTests ? std::optional<QString>(QString::number(*input.e2eTests))
                                 : std::nullopt},
        MetricKey{QStringLiteral("Performance"), input.performance.isEmpty()
                                                     ? std::nullopt
                                                     : std::optional<QString>(input.performance)}};

    for (qsizetype i = 0; i < t.size(); ++i) {
        if (fenced.at(i))
            continue;
        const QString text = t.text(i);
        bool matched = false;
        for (size_t k = 0; k < keys.size() && !matched; ++k) {
            if (present[k] >= 0)
                continue;
            const QRegularExpression re(
                QStringLiteral("^([ \\t]*)\\*\\*(%1)\\*\\*([ \\t]*)(.*?)([ \\t]*)$")
                    .arg(QRegularExpression::escape(keys[k].label)),
                QRegularExpression::CaseInsensitiveOption);
            const QRegularExpressionMatch m = re.match(text);
            if (!m.hasMatch())
                continue;
            matched = true;
            present[k] = i;
            indents[k] = m.captured(1);
            if (keys[k].value) {
                // Keep Markdown hard breaks ("  " at the end) if the author used them.
                const QString hardBreak = m.captured(5).size() >= 2 ? m.captured(5) : QString();
                t.setText(i, m.captured(1) + QStringLiteral("**") + m.captured(2) +
                                 QStringLiteral("** ") + *keys[k].value + hardBreak);
            }
        }
        if (matched)
            continue;
        for (const MetricKey &metric : metrics) {
            if (!metric.value)
                continue;
            const QRegularExpression re(
                QStringLiteral("^([ \\t]*[-*+][ \\t]+)(%1)([ \\t]*:[ \\t]*)(.*?)[ \\t]*$")
                    .arg(QRegularExpression::escape(metric.label)),
                QRegularExpression::CaseInsensitiveOption);
            const QRegularExpressionMatch m = re.match(text);
            if (m.hasMatch()) {
                t.setText(i, m.captured(1) + m.captured(2) + m.captured(3) + *metric.value);
                break;
            }
        }
    }

    auto keyLine = [&keys](size_t k, const QString &indent) -> QString {
        return indent + QStringLiteral("**") + keys[k].label + QStringLiteral("** ") +
               *keys[k].value;
    };

    const bool nonePresent =
        std::all_of(present.cbegin(), present.cend(), [](qsizetype p) { return p < 0; });
    if (nonePresent) {
        // The whole block after the first heading (ATX "# x" or setext "x\n===").
        static const QRegularExpression atx(QStringLiteral("^ {0,3}#{1,6}([ \\t]|$)"));
        static const QRegularExpression setext(QStringLiteral("^ {0,3}(=+|-+)[ \\t]*$"));
        qsizetype at = 0;
        for (qsizetype i = 0; i < t.size(); ++i) {
            if (fenced.at(i))
                continue;
            if (atx.match(t.text(i)).hasMatch()) {
                at = i + 1;
                break;
            }
            if (i + 1 < t.size() && !fenced.at(i + 1) && !TextLines::isBlank(t.text(i)) &&
                setext.match(t.text(i + 1)).hasMatch()) {
                at = i + 2;
                break;
            }
        }
        QStringList block;
        if (at > 0) {
            if (at < t.size() && TextLines::isBlank(t.text(at)))
                ++at; // keep the heading's blank line, the block goes after it
            else
                block << QString();
        }
        for (size_t k = 0; k < keys.size(); ++k) {
            if (keys[k].value)
                block << keyLine(k, QString());
        }
        if (at < t.size() && !TextLines::isBlank(t.text(at)))
            block << QString();
        t.insert(at, block);
        return t.join();
    }

    for (size_t k = 0; k < keys.size(); ++k) {
        if (present[k] >= 0 || !keys[k].value)
            continue;
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
                    at = present[j];
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
        present[k] = at;
        indents[k] = indent;
    }
    return t.join();
}

} // namespace Promotion
