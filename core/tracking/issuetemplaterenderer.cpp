// SPDX-License-Identifier: GPL-3.0-or-later
#include "issuetemplaterenderer.h"

#include "texttemplate.h"

#include <QFile>
#include <QRegularExpression>

static void initTemplateResources()
{
    // The templates live in the static library promotion_core: register them
    // explicitly, outside any namespace as Q_INIT_RESOURCE requires.
    Q_INIT_RESOURCE(templates);
}

namespace Promotion {

namespace {
const QString kTemplatePath = QStringLiteral(":/templates/promotion-issue.md");

QString mark(bool on)
{
    return on ? QStringLiteral("x") : QStringLiteral(" ");
}

// A list item must stay on one line or it breaks the Markdown list.
QString oneLine(const QString &text)
{
    static const QRegularExpression breaks(QStringLiteral("\\s*[\\r\\n]+\\s*"));
    return QString(text).replace(breaks, QStringLiteral(" ")).trimmed();
}

QString trimEnd(const QString &text)
{
    qsizetype end = text.size();
    while (end > 0 && text.at(end - 1).isSpace())
        --end;
    return text.left(end);
}
} // namespace

QString IssueTemplateRenderer::builtinTemplate()
{
    initTemplateResources();
    QFile file(kTemplatePath);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll());
}

QString IssueTemplateRenderer::render(const IssueData &data, QString *error)
{
    const QString text = builtinTemplate();
    if (text.isEmpty()) {
        if (error)
            *error = QStringLiteral("the embedded issue template %1 is missing").arg(kTemplatePath);
        return QString();
    }
    QString localError;
    const auto rendered = render(text, data, &localError);
    if (!rendered) {
        if (error)
            *error = kTemplatePath + QStringLiteral(": ") + localError;
        return QString();
    }
    return *rendered;
}

std::optional<QString> IssueTemplateRenderer::render(const QString &templateText,
                                                     const IssueData &data, QString *error)
{
    return TextTemplate::render(templateText, context(data), error);
}

QString IssueTemplateRenderer::formatPercent(double value, std::optional<double> bound)
{
    auto trimmed = [](QString s) {
        if (s.contains(QLatin1Char('.'))) {
            while (s.endsWith(QLatin1Char('0')))
                s.chop(1);
            if (s.endsWith(QLatin1Char('.')))
                s.chop(1);
        }
        return s;
    };
    // More decimals only when one would make a value below the bound look equal to it
    // (79.96 shown as "80" next to "required: ≥ 80%" would be a lie).
    for (int decimals = 1; decimals <= 6; ++decimals) {
        const QString text = trimmed(QString::number(value, 'f', decimals));
        if (!bound || (value < *bound) == (text.toDouble() < *bound))
            return text;
    }
    return QString::number(value, 'g', 15);
}

QVariantMap IssueTemplateRenderer::context(const IssueData &data)
{
    QVariantMap c;
    c.insert(QStringLiteral("component_name"), oneLine(data.component));
    c.insert(QStringLiteral("current_stage"), oneLine(data.currentStage));
    c.insert(QStringLiteral("target_stage"), oneLine(data.targetStage));
    c.insert(QStringLiteral("date"), oneLine(data.date));
    c.insert(QStringLiteral("dry_run"), data.dryRun);
    c.insert(QStringLiteral("run_id"), oneLine(data.runId).remove(QStringLiteral("--")));
    c.insert(QStringLiteral("coverage"), data.coverage ? formatPercent(*data.coverage) : QString());

    QVariantList gates;
    for (const IssueGateLine &g : data.gates) {
        gates.append(QVariantMap{{QStringLiteral("mark"), mark(g.passed)},
                                 {QStringLiteral("title"), oneLine(g.title)},
                                 {QStringLiteral("passed"), g.passed},
                                 {QStringLiteral("measured"), oneLine(g.measured)},
                                 {QStringLiteral("threshold"), oneLine(g.threshold)},
                                 {QStringLiteral("note"), oneLine(g.note)}});
    }
    c.insert(QStringLiteral("gates"), gates);

    QVariantList criteria;
    for (const IssueCriterionLine &item : data.criteria) {
        criteria.append(QVariantMap{{QStringLiteral("mark"), mark(item.checked)},
                                    {QStringLiteral("text"), oneLine(item.text)},
                                    {QStringLiteral("checked"), item.checked},
                                    {QStringLiteral("note"), oneLine(item.note)}});
    }
    c.insert(QStringLiteral("criteria"), criteria);

    QVariantList blockers;
    for (const QString &b : data.blockers) {
        const QString text = oneLine(b);
        if (!text.isEmpty())
            blockers.append(QVariantMap{{QStringLiteral("text"), text}});
    }
    c.insert(QStringLiteral("blockers"), blockers);
    c.insert(QStringLiteral("gates_skipped"), oneLine(data.gatesSkipped));

    QVariantList approvals;
    for (const IssueApprovalLine &a : data.approvals) {
        const QString when = a.when.isValid()
                                 ? a.when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                                 : QString();
        approvals.append(QVariantMap{{QStringLiteral("mark"), mark(a.approved)},
                                     {QStringLiteral("title"), oneLine(a.title)},
                                     {QStringLiteral("approved"), a.approved},
                                     {QStringLiteral("who"), oneLine(a.who)},
                                     {QStringLiteral("when"), when}});
    }
    c.insert(QStringLiteral("approvals"), approvals);

    c.insert(QStringLiteral("rollback_plan"), trimEnd(data.rollbackPlan));
    return c;
}

IssueGateLine IssueTemplateRenderer::coverageGate(std::optional<double> coverage,
                                                  std::optional<double> required, bool passed)
{
    IssueGateLine line;
    line.title = QStringLiteral("Test coverage");
    line.passed = passed;
    line.measured = coverage ? formatPercent(*coverage, required) + QLatin1Char('%')
                             : QStringLiteral("not measured");
    if (required)
        line.threshold = QStringLiteral("≥ ") + formatPercent(*required) + QLatin1Char('%');
    return line;
}

QString IssueTemplateRenderer::title(const IssueData &data)
{
    return QStringLiteral("Promote %1 to %2")
        .arg(oneLine(data.component), oneLine(data.targetStage));
}

QStringList IssueTemplateRenderer::labels(const IssueData &data)
{
    return labels(data,
                  {QStringLiteral("component:{component}"), QStringLiteral("target:{to_stage}")});
}

QStringList IssueTemplateRenderer::labels(const IssueData &data, const QStringList &patterns)
{
    const QString component = oneLine(data.component);
    const QString from = oneLine(data.currentStage);
    const QString to = oneLine(data.targetStage);
    QStringList result;
    for (const QString &pattern : patterns) {
        QString label = pattern;
        label.replace(QStringLiteral("{component_name}"), component)
            .replace(QStringLiteral("{component}"), component)
            .replace(QStringLiteral("{current_stage}"), from)
            .replace(QStringLiteral("{from_stage}"), from)
            .replace(QStringLiteral("{target_stage}"), to)
            .replace(QStringLiteral("{to_stage}"), to);
        label = oneLine(label);
        if (!label.isEmpty() && !result.contains(label))
            result.append(label);
    }
    return result;
}

} // namespace Promotion
