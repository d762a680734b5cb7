// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotiondocs.h"

#include <QRegularExpression>
#include <QStringList>

namespace Promotion {

namespace {

struct Lines
{
    QStringList lines;
    QString eol = QStringLiteral("\n");
    bool finalNewline = true;
};

Lines split(const QString &text)
{
    Lines l;
    if (text.contains(QLatin1String("\r\n")))
        l.eol = QStringLiteral("\r\n");
    l.finalNewline = text.isEmpty() || text.endsWith(QLatin1Char('\n'));
    QString body = text;
    if (body.endsWith(l.eol))
        body.chop(l.eol.size());
    l.lines = body.isEmpty() ? QStringList() : body.split(l.eol);
    return l;
}

QString join(const Lines &l)
{
    return l.lines.join(l.eol) + (l.finalNewline ? l.eol : QString());
}

/* Indexes of lines outside fenced code blocks. */
QList<int> proseLines(const QStringList &lines)
{
    QList<int> out;
    bool fenced = false;
    for (int i = 0; i < lines.size(); ++i) {
        const QString t = lines.at(i).trimmed();
        if (t.startsWith(QLatin1String("```")) || t.startsWith(QLatin1String("~~~"))) {
            fenced = !fenced;
            continue;
        }
        if (!fenced)
            out.append(i);
    }
    return out;
}

} // namespace

QString PromotionDocs::updateSpec(const QString &markdown, const MetadataInput &input)
{
    Lines l = split(markdown);
    const QString date = input.date.toString(Qt::ISODate);
    static const QRegularExpression current(
        QStringLiteral("^(\\s*\\*\\*Current stage:\\*\\*\\s*)([A-Za-z][A-Za-z0-9_-]*)(.*)$"));
    const QRegularExpression promoted(QStringLiteral("^(\\s*\\*\\*Promoted to %1:\\*\\*\\s*)(.*)$")
                                          .arg(QRegularExpression::escape(input.targetStage)));
    int currentLine = -1;
    int promotedLine = -1;
    int heading = -1;
    for (int i : proseLines(l.lines)) {
        const QString &line = l.lines.at(i);
        if (currentLine < 0) {
            const QRegularExpressionMatch m = current.match(line);
            if (m.hasMatch()) {
                l.lines[i] = m.captured(1) + input.targetStage + m.captured(3);
                currentLine = i;
                continue;
            }
        }
        if (promotedLine < 0) {
            const QRegularExpressionMatch m = promoted.match(line);
            if (m.hasMatch()) {
                l.lines[i] = m.captured(1) + date;
                promotedLine = i;
                continue;
            }
        }
        if (heading < 0 && line.startsWith(QLatin1String("# ")))
            heading = i;
    }
    if (promotedLine < 0) {
        const QString line = QStringLiteral("**Promoted to %1:** %2").arg(input.targetStage, date);
        if (currentLine >= 0) {
            l.lines.insert(currentLine + 1, line);
        } else if (heading >= 0) {
            l.lines.insert(heading + 1, QString());
            l.lines.insert(heading + 2, line);
        } else {
            l.lines.prepend(QString());
            l.lines.prepend(line);
        }
    }
    return join(l);
}

QString PromotionDocs::runbookEntry(const MetadataInput &input)
{
    QString entry = QStringLiteral("- %1: `%2` promoted to %3")
                        .arg(input.date.toString(Qt::ISODate), input.component, input.targetStage);
    if (!input.version.isEmpty())
        entry += QStringLiteral(" (version %1)").arg(input.version);
    if (!input.fromStage.isEmpty())
        entry += QStringLiteral(" from %1").arg(input.fromStage);
    if (!input.promoter.isEmpty())
        entry += QStringLiteral(" by %1").arg(input.promoter);
    if (!input.runId.isEmpty())
        entry += QStringLiteral(", run `%1`").arg(input.runId);
    return entry;
}

QString PromotionDocs::runbookTemplate(const MetadataInput &input)
{
    const QString c = input.component;
    const QString ns = QStringLiteral("tta-") + input.targetStage;
    return QStringLiteral(
               "# Runbook: %1\n"
               "\n"
               "Operational notes for `%1` in %2. Created by Promotion Console on its first "
               "promotion to %2; fill in what is missing.\n"
               "\n"
               "## Service\n"
               "\n"
               "- Owner: (team or rotation)\n"
               "- Dashboard: (link)\n"
               "- Alerts: (rules and where they page)\n"
               "\n"
               "## Checking a deployment\n"
               "\n"
               "```bash\n"
               "kubectl rollout status deployment/%1 -n %3\n"
               "kubectl logs -f deployment/%1 -n %3\n"
               "kubectl top pods -n %3\n"
               "```\n"
               "\n"
               "## Rolling back\n"
               "\n"
               "```bash\n"
               "kubectl rollout undo deployment/%1 -n %3\n"
               "kubectl rollout status deployment/%1 -n %3\n"
               "```\n"
               "\n"
               "## Promotion history\n"
               "\n")
        .arg(c, input.targetStage, ns);
}

QString PromotionDocs::addRunbookEntry(const QString &markdown, const MetadataInput &input)
{
    Lines l = split(markdown);
    int section = -1;
    for (int i : proseLines(l.lines)) {
        if (l.lines.at(i).trimmed().compare(QLatin1String("## Promotion history"),
                                            Qt::CaseInsensitive) == 0) {
            section = i;
            break;
        }
    }
    if (section < 0) {
        while (!l.lines.isEmpty() && l.lines.last().trimmed().isEmpty())
            l.lines.removeLast();
        if (!l.lines.isEmpty())
            l.lines.append(QString());
        l.lines.append(QStringLiteral("## Promotion history"));
        l.lines.append(QString());
        section = int(l.lines.size()) - 2;
    }
    // After the section's last list item (or its heading): the history reads oldest first.
    int at = section + 1;
    for (int i = section + 1; i < l.lines.size(); ++i) {
        const QString t = l.lines.at(i).trimmed();
        if (t.startsWith(QLatin1String("#")))
            break;
        if (t.startsWith(QLatin1String("- ")))
            at = i + 1;
    }
    if (at == section + 1) {
        // Right below the heading, separated by a blank line.
        if (at >= l.lines.size() || !l.lines.at(at).trimmed().isEmpty())
            l.lines.insert(at, QString());
        ++at;
    }
    l.lines.insert(at, runbookEntry(input));
    l.finalNewline = true;
    return join(l);
}

} // namespace Promotion
