// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportformatter.h"

#include "reportcomparison.h"

#include <algorithm>
#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

namespace Promotion {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString when(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC")
                       : iso;
}

QString duration(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("—");
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60000)
        return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 1);
    return QStringLiteral("%1 min %2 s").arg(ms / 60000).arg((ms / 1000) % 60);
}

QString numberText(const QJsonValue &v)
{
    if (!v.isDouble())
        return QString();
    QString s = QString::number(v.toDouble(), 'f', 2);
    while (s.contains(QLatin1Char('.')) && (s.endsWith(QLatin1Char('0')) || s.endsWith(QLatin1Char('.'))))
        s.chop(1);
    return s;
}

QJsonArray gatesOf(const QJsonObject &r)
{
    return r.value(QStringLiteral("quality_gates")).toObject().value(QStringLiteral("gates")).toArray();
}

QJsonArray criteriaOf(const QJsonObject &r)
{
    return r.value(QStringLiteral("promotion_criteria")).toObject().value(QStringLiteral("details")).toArray();
}

QJsonObject validationDetails(const QJsonObject &r)
{
    return r.value(QStringLiteral("validation")).toObject().value(QStringLiteral("details")).toObject();
}

QString approvalPath(const QJsonObject &a)
{
    // The field is young (GitHub comment, in the app, on the command line): take what is there.
    for (const char *key : {"path", "via", "source", "channel"}) {
        const QString v = str(a, key);
        if (!v.isEmpty())
            return v;
    }
    return QStringLiteral("—");
}

QString gateValue(const QJsonObject &g)
{
    const QString text = str(g, "measured_text");
    return text.isEmpty() ? numberText(g.value(QStringLiteral("measured"))) : text;
}

QString gateThreshold(const QJsonObject &g)
{
    const QString text = str(g, "threshold_text");
    return text.isEmpty() ? numberText(g.value(QStringLiteral("threshold"))) : text;
}

const char kStyle[] =
    "body{font-family:sans-serif;margin:2em;color:#222}"
    "table{border-collapse:collapse;margin:.5em 0 1.5em}"
    "th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
    "th{background:#f0f0f0}.passed,.promoted{color:#1a7f37}.failed,.blocked,.error,"
    ".rolled_back,.rollback_failed{color:#cf222e}h1{font-size:1.5em}h2{font-size:1.2em;"
    "margin-top:1.5em}code{background:#f6f8fa;padding:1px 3px}";

} // namespace

QString ReportFormatter::dashboardFileName(const QJsonObject &report)
{
    return QStringLiteral("workflow_dashboard_%1.html").arg(str(report, "component"));
}

QString ReportFormatter::svgChart(const QString &title, const QList<Series> &series,
                                  const QList<double> &guides, const QString &xLabel,
                                  const QString &yLabel, bool xIsTime)
{
    const double w = 640, h = 260, left = 56, right = 16, top = 28, bottom = 40;
    double minX = 0, maxX = 1, minY = 0, maxY = 1;
    bool first = true;
    for (const Series &s : series) {
        for (const QPointF &p : s.points) {
            if (first) {
                minX = maxX = p.x();
                minY = maxY = p.y();
                first = false;
            }
            minX = std::min(minX, p.x());
            maxX = std::max(maxX, p.x());
            minY = std::min(minY, p.y());
            maxY = std::max(maxY, p.y());
        }
    }
    for (double g : guides) {
        minY = std::min(minY, g);
        maxY = std::max(maxY, g);
    }
    if (maxX == minX)
        maxX = minX + 1;
    if (maxY == minY)
        maxY = minY + 1;
    const double padY = (maxY - minY) * 0.08;
    minY -= padY;
    maxY += padY;
    const auto X = [&](double x) { return left + (x - minX) / (maxX - minX) * (w - left - right); };
    const auto Y = [&](double y) { return top + (maxY - y) / (maxY - minY) * (h - top - bottom); };
    QString svg = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" "
                                 "viewBox=\"0 0 %1 %2\" role=\"img\" aria-label=\"%3\">")
                      .arg(w)
                      .arg(h)
                      .arg(esc(title));
    svg += QStringLiteral("<text x=\"%1\" y=\"18\" font-size=\"13\" font-weight=\"bold\">%2</text>")
               .arg(left)
               .arg(esc(title));
    svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"none\" stroke=\"#bbb\"/>")
               .arg(left)
               .arg(top)
               .arg(w - left - right)
               .arg(h - top - bottom);
    for (int i = 0; i <= 4; ++i) {
        const double y = minY + (maxY - minY) * i / 4;
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"10\" text-anchor=\"end\">%3</text>")
                   .arg(left - 4)
                   .arg(Y(y) + 3)
                   .arg(QString::number(y, 'f', 1));
    }
    const auto xText = [&](double x) {
        return xIsTime ? QDateTime::fromMSecsSinceEpoch(qint64(x), QTimeZone::utc())
                             .toString(QStringLiteral("yyyy-MM-dd"))
                       : QString::number(x, 'f', 0);
    };
    svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"10\">%3</text>")
               .arg(left)
               .arg(h - bottom + 14)
               .arg(esc(xText(minX)));
    svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"10\" text-anchor=\"end\">%3</text>")
               .arg(w - right)
               .arg(h - bottom + 14)
               .arg(esc(xText(maxX)));
    svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"10\" text-anchor=\"middle\">%3</text>")
               .arg((left + w - right) / 2)
               .arg(h - 6)
               .arg(esc(xLabel));
    svg += QStringLiteral("<text x=\"12\" y=\"%1\" font-size=\"10\" transform=\"rotate(-90 12 %1)\" "
                          "text-anchor=\"middle\">%2</text>")
               .arg((top + h - bottom) / 2)
               .arg(esc(yLabel));
    for (double g : guides) {
        svg += QStringLiteral("<line x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\" stroke=\"#999\" "
                              "stroke-dasharray=\"4 3\"/><text x=\"%4\" y=\"%5\" font-size=\"9\" "
                              "fill=\"#666\">%6</text>")
                   .arg(left)
                   .arg(w - right)
                   .arg(Y(g))
                   .arg(w - right - 30)
                   .arg(Y(g) - 2)
                   .arg(QString::number(g) + QStringLiteral(" %"));
    }
    for (const Series &s : series) {
        QStringList pts;
        for (const QPointF &p : s.points)
            pts.append(QStringLiteral("%1,%2").arg(X(p.x()), 0, 'f', 1).arg(Y(p.y()), 0, 'f', 1));
        svg += QStringLiteral("<polyline fill=\"none\" stroke=\"%1\" stroke-width=\"2\" points=\"%2\">"
                              "<title>%3</title></polyline>")
                   .arg(s.color, pts.join(QLatin1Char(' ')), esc(s.name));
        for (const QPointF &p : s.points)
            svg += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"3\" fill=\"%3\"/>")
                       .arg(X(p.x()), 0, 'f', 1)
                       .arg(Y(p.y()), 0, 'f', 1)
                       .arg(s.color);
    }
    svg += QStringLiteral("</svg>");
    return svg;
}

QList<QPointF> ReportFormatter::coveragePoints(const QList<ReportSummary> &history)
{
    QList<QPointF> coverage;
    for (const ReportSummary &s : history) {
        if (s.readable() && s.coverage)
            coverage.append(QPointF(double(s.whenMs), *s.coverage));
    }
    return coverage;
}

void ReportFormatter::windowPoints(const QJsonObject &r, QList<QPointF> *p95, QList<QPointF> *errors)
{
    for (const QJsonValue &v : validationDetails(r).value(QStringLiteral("samples")).toArray()) {
        const QJsonObject s = v.toObject();
        const double t = s.value(QStringLiteral("elapsed_ms")).toDouble() / 1000.0;
        p95->append(QPointF(t, s.value(QStringLiteral("p95_ms")).toDouble()));
        errors->append(QPointF(t, s.value(QStringLiteral("error_rate_percent")).toDouble()));
    }
}

QString ReportFormatter::markdown(const QJsonObject &r)
{
    QString md;
    md += QStringLiteral("# Promotion report: %1 %2 → %3\n\n")
              .arg(str(r, "component"), str(r, "from_stage"), str(r, "to_stage"));
    md += QStringLiteral("- **Outcome:** %1%2\n")
              .arg(ReportComparison::outcomeText(str(r, "outcome")),
                   r.value(QStringLiteral("dry_run")).toBool() ? QStringLiteral(" (dry run)") : QString());
    md += QStringLiteral("- **Summary:** %1\n").arg(str(r, "outcome_summary"));
    md += QStringLiteral("- **Started:** %1\n- **Finished:** %2\n")
              .arg(when(str(r, "started_at")), when(str(r, "finished_at")));
    md += QStringLiteral("- **Promoter:** %1\n- **Version:** %2\n- **Run:** `%3`\n")
              .arg(str(r, "promoter"), str(r, "version"), str(r, "run_id"));
    const QString issue = r.value(QStringLiteral("tracking")).toObject().value(QStringLiteral("url")).toString();
    if (!issue.isEmpty())
        md += QStringLiteral("- **GitHub issue:** %1\n").arg(issue);
    const QJsonArray blockers = r.value(QStringLiteral("blockers")).toArray();
    if (!blockers.isEmpty()) {
        md += QStringLiteral("\n## Blockers\n\n");
        for (const QJsonValue &b : blockers)
            md += QStringLiteral("- %1\n").arg(b.toString());
    }
    md += QStringLiteral("\n## Quality gates\n\n| gate | status | value | threshold | duration |\n"
                         "|---|---|---|---|---|\n");
    for (const QJsonValue &v : gatesOf(r)) {
        const QJsonObject g = v.toObject();
        md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                  .arg(str(g, "title").isEmpty() ? str(g, "id") : str(g, "title"),
                       ReportComparison::statusText(str(g, "status")), gateValue(g),
                       gateThreshold(g),
                       duration(qint64(g.value(QStringLiteral("duration_ms")).toDouble())));
    }
    md += QStringLiteral("\n## Promotion criteria\n\n");
    for (const QJsonValue &v : criteriaOf(r)) {
        const QJsonObject c = v.toObject();
        md += QStringLiteral("- [%1] %2 — %3\n")
                  .arg(c.value(QStringLiteral("checked")).toBool() ? QStringLiteral("x") : QStringLiteral(" "),
                       str(c, "text"), str(c, "evidence"));
    }
    md += QStringLiteral("\n## Approvals\n\n| role | who | when | path |\n|---|---|---|---|\n");
    for (const QJsonValue &v : r.value(QStringLiteral("approvals")).toArray()) {
        const QJsonObject a = v.toObject();
        md += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                  .arg(str(a, "role"),
                       a.value(QStringLiteral("approved")).toBool() ? str(a, "identity")
                                                                    : QStringLiteral("not approved"),
                       when(str(a, "time")), approvalPath(a));
    }
    md += QStringLiteral("\n## Deployment\n\n");
    for (const QJsonValue &v : r.value(QStringLiteral("effects")).toArray()) {
        const QJsonObject e = v.toObject();
        QStringList argv;
        for (const QJsonValue &a : e.value(QStringLiteral("argv")).toArray())
            argv.append(a.toString());
        md += QStringLiteral("- `%1` — %2 %3\n")
                  .arg(argv.isEmpty() ? str(e, "description") : argv.join(QLatin1Char(' ')),
                       e.value(QStringLiteral("performed")).toBool()
                           ? (e.value(QStringLiteral("ok")).toBool(true) ? QStringLiteral("done")
                                                                         : QStringLiteral("FAILED"))
                           : QStringLiteral("would do"),
                       str(e, "result"));
    }
    md += QStringLiteral("\n## Validation\n\n");
    for (const QJsonValue &v : validationDetails(r).value(QStringLiteral("checks")).toArray()) {
        const QJsonObject c = v.toObject();
        md += QStringLiteral("- %1: %2 %3\n")
                  .arg(str(c, "text"),
                       c.value(QStringLiteral("passed")).toBool() ? QStringLiteral("passed")
                                                                  : QStringLiteral("failed"),
                       str(c, "detail"));
    }
    return md;
}

QString ReportFormatter::html(const QJsonObject &r, const Options &options)
{
    QString h;
    if (options.standalone)
        h += QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title>"
                            "<style>%2</style></head><body>")
                 .arg(esc(QStringLiteral("Promotion dashboard: %1").arg(str(r, "component"))),
                      QLatin1String(kStyle));
    const QString outcome = str(r, "outcome");
    h += QStringLiteral("<h1>%1: %2 → %3</h1>")
             .arg(esc(str(r, "component")), esc(str(r, "from_stage")), esc(str(r, "to_stage")));
    h += QStringLiteral("<p><b class=\"%1\">%2</b>%3 — %4</p>")
             .arg(esc(outcome), esc(ReportComparison::outcomeText(outcome)),
                  r.value(QStringLiteral("dry_run")).toBool() ? QStringLiteral(" (dry run)") : QString(),
                  esc(str(r, "outcome_summary")));
    h += QStringLiteral("<table><tr><th>Started</th><td>%1</td><th>Finished</th><td>%2</td></tr>"
                        "<tr><th>Promoter</th><td>%3</td><th>Version</th><td>%4</td></tr>"
                        "<tr><th>Run</th><td><code>%5</code></td><th>Duration</th><td>%6</td></tr></table>")
             .arg(esc(when(str(r, "started_at"))), esc(when(str(r, "finished_at"))),
                  esc(str(r, "promoter")), esc(str(r, "version")), esc(str(r, "run_id")),
                  duration(qint64(r.value(QStringLiteral("duration_ms")).toDouble())));
    const QJsonArray blockers = r.value(QStringLiteral("blockers")).toArray();
    if (!blockers.isEmpty()) {
        h += QStringLiteral("<h2>Blockers</h2><ul>");
        for (const QJsonValue &b : blockers)
            h += QStringLiteral("<li class=\"failed\">%1</li>").arg(esc(b.toString()));
        h += QStringLiteral("</ul>");
    }
    const QJsonObject rollback = r.value(QStringLiteral("rollback")).toObject();
    if (rollback.value(QStringLiteral("performed")).toBool() || rollback.value(QStringLiteral("failed")).toBool())
        h += QStringLiteral("<p class=\"failed\"><b>Rollback:</b> %1 %2</p>")
                 .arg(esc(str(rollback, "reason")), esc(str(rollback, "detail")));

    h += QStringLiteral("<h2>Quality gates</h2><table><tr><th>Gate</th><th>Status</th><th>Value</th>"
                        "<th>Threshold</th><th>Duration</th><th>Tool</th></tr>");
    for (const QJsonValue &v : gatesOf(r)) {
        const QJsonObject g = v.toObject();
        h += QStringLiteral("<tr><td>%1</td><td class=\"%2\">%3</td><td>%4</td><td>%5</td><td>%6</td>"
                            "<td>%7</td></tr>")
                 .arg(esc(str(g, "title").isEmpty() ? str(g, "id") : str(g, "title")),
                      esc(str(g, "status")), esc(ReportComparison::statusText(str(g, "status"))),
                      esc(gateValue(g)), esc(gateThreshold(g)),
                      duration(qint64(g.value(QStringLiteral("duration_ms")).toDouble())),
                      esc(str(g, "tool_version").isEmpty() ? str(g, "tool") : str(g, "tool_version")));
    }
    h += QStringLiteral("</table>");

    if ((options.charts || options.chartImages) && !options.history.isEmpty()) {
        const QList<QPointF> coverage = coveragePoints(options.history);
        if (!coverage.isEmpty() && !options.charts)
            h += QStringLiteral("<h2>Coverage over time</h2><p><img src=\"chart:coverage\"></p>");
        else if (!coverage.isEmpty())
            h += QStringLiteral("<h2>Coverage over time</h2>") +
                 svgChart(QStringLiteral("Coverage of %1").arg(str(r, "component")),
                          {Series{QStringLiteral("coverage"), QStringLiteral("#0969da"), coverage}},
                          {60, 70, 80}, QStringLiteral("date"), QStringLiteral("coverage %"), true);
    }

    h += QStringLiteral("<h2>Promotion criteria</h2><table><tr><th>Criterion</th><th>Met</th>"
                        "<th>Evidence</th><th>By</th></tr>");
    for (const QJsonValue &v : criteriaOf(r)) {
        const QJsonObject c = v.toObject();
        const bool met = c.value(QStringLiteral("checked")).toBool();
        h += QStringLiteral("<tr><td>%1</td><td class=\"%2\">%3</td><td>%4</td><td>%5</td></tr>")
                 .arg(esc(str(c, "text")), met ? QStringLiteral("passed") : QStringLiteral("failed"),
                      met ? QStringLiteral("yes") : QStringLiteral("no"), esc(str(c, "evidence")),
                      esc(c.value(QStringLiteral("automatic")).toBool() ? QStringLiteral("evidence")
                                                                        : str(c, "identity")));
    }
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h2>Approvals</h2><table><tr><th>Role</th><th>Who</th><th>When</th>"
                        "<th>Path</th></tr>");
    for (const QJsonValue &v : r.value(QStringLiteral("approvals")).toArray()) {
        const QJsonObject a = v.toObject();
        const bool ok = a.value(QStringLiteral("approved")).toBool();
        h += QStringLiteral("<tr><td>%1</td><td class=\"%2\">%3</td><td>%4</td><td>%5</td></tr>")
                 .arg(esc(str(a, "title").isEmpty() ? str(a, "role") : str(a, "title")),
                      ok ? QStringLiteral("passed") : QStringLiteral("failed"),
                      esc(ok ? str(a, "identity") : QStringLiteral("not approved")),
                      esc(when(str(a, "time"))), esc(approvalPath(a)));
    }
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h2>Deploy commands</h2><table><tr><th>Command</th><th>Outcome</th>"
                        "<th>Result</th><th>Duration</th></tr>");
    for (const QJsonValue &v : r.value(QStringLiteral("effects")).toArray()) {
        const QJsonObject e = v.toObject();
        QStringList argv;
        for (const QJsonValue &a : e.value(QStringLiteral("argv")).toArray())
            argv.append(a.toString());
        const bool performed = e.value(QStringLiteral("performed")).toBool();
        const bool ok = e.value(QStringLiteral("ok")).toBool(true);
        h += QStringLiteral("<tr><td><code>%1</code></td><td class=\"%2\">%3</td><td>%4</td><td>%5</td></tr>")
                 .arg(esc(argv.isEmpty() ? str(e, "description") : argv.join(QLatin1Char(' '))),
                      ok ? QStringLiteral("passed") : QStringLiteral("failed"),
                      performed ? (ok ? QStringLiteral("done") : QStringLiteral("failed"))
                                : QStringLiteral("would do"),
                      esc(str(e, "result")),
                      duration(qint64(e.value(QStringLiteral("duration_ms")).toDouble())));
    }
    h += QStringLiteral("</table>");

    const QJsonObject details = validationDetails(r);
    h += QStringLiteral("<h2>Validation checks</h2><table><tr><th>Check</th><th>Result</th>"
                        "<th>Detail</th></tr>");
    QJsonArray checks = details.value(QStringLiteral("checks")).toArray();
    for (const QJsonValue &v : r.value(QStringLiteral("validation_checks")).toArray())
        checks.append(v);
    for (const QJsonValue &v : std::as_const(checks)) {
        const QJsonObject c = v.toObject();
        const bool passed = c.value(QStringLiteral("passed")).toBool();
        h += QStringLiteral("<tr><td>%1</td><td class=\"%2\">%3</td><td>%4</td></tr>")
                 .arg(esc(str(c, "text").isEmpty() ? str(c, "id") : str(c, "text")),
                      passed ? QStringLiteral("passed") : QStringLiteral("failed"),
                      passed ? QStringLiteral("passed") : QStringLiteral("failed"),
                      esc(str(c, "detail")));
    }
    h += QStringLiteral("</table>");

    const QJsonArray samples = details.value(QStringLiteral("samples")).toArray();
    if (!samples.isEmpty()) {
        double worstP95 = 0, worstError = 0;
        QList<QPointF> p95, errors;
        for (const QJsonValue &v : samples) {
            const QJsonObject s = v.toObject();
            const double t = s.value(QStringLiteral("elapsed_ms")).toDouble() / 1000.0;
            p95.append(QPointF(t, s.value(QStringLiteral("p95_ms")).toDouble()));
            errors.append(QPointF(t, s.value(QStringLiteral("error_rate_percent")).toDouble()));
            worstP95 = std::max(worstP95, p95.constLast().y());
            worstError = std::max(worstError, errors.constLast().y());
        }
        h += QStringLiteral("<h2>Verification window</h2><p>%1 samples; worst p95 %2 ms; worst error "
                            "rate %3 %</p>")
                 .arg(samples.size())
                 .arg(worstP95, 0, 'f', 1)
                 .arg(worstError, 0, 'f', 2);
        if (options.chartImages && !options.charts)
            h += QStringLiteral("<p><img src=\"chart:p95\"></p><p><img src=\"chart:errors\"></p>");
        if (options.charts) {
            h += svgChart(QStringLiteral("p95 latency (ms)"),
                          {Series{QStringLiteral("p95"), QStringLiteral("#8250df"), p95}}, {},
                          QStringLiteral("seconds into the window"), QStringLiteral("ms"), false);
            h += svgChart(QStringLiteral("Error rate (%)"),
                          {Series{QStringLiteral("error rate"), QStringLiteral("#cf222e"), errors}},
                          {}, QStringLiteral("seconds into the window"), QStringLiteral("%"), false);
        }
    }

    h += QStringLiteral("<h2>Links</h2><ul>");
    const QString issue = r.value(QStringLiteral("tracking")).toObject().value(QStringLiteral("url")).toString();
    if (!issue.isEmpty())
        h += QStringLiteral("<li>GitHub issue: <a href=\"%1\">%1</a></li>").arg(esc(issue));
    for (const QJsonValue &v : gatesOf(r)) {
        const QString log = str(v.toObject(), "log_file");
        if (!log.isEmpty())
            h += QStringLiteral("<li>Log: <a href=\"%1\">%1</a></li>").arg(esc(log));
    }
    h += QStringLiteral("</ul>");
    if (!str(r, "content_sha256").isEmpty())
        h += QStringLiteral("<p><small>content_sha256 <code>%1</code><br>previous_report_sha256 "
                            "<code>%2</code></small></p>")
                 .arg(esc(str(r, "content_sha256")), esc(str(r, "previous_report_sha256")));
    if (options.standalone)
        h += QStringLiteral("</body></html>\n");
    return h;
}

QString ReportFormatter::comparisonHtml(const ReportComparison &c)
{
    QString h = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
                               "Comparison</title><style>%1</style></head><body>")
                    .arg(QLatin1String(kStyle));
    h += QStringLiteral("<h1>Comparison</h1><table><tr><th></th><th>A</th><th>B</th></tr>");
    h += QStringLiteral("<tr><th>Report</th><td>%1</td><td>%2</td></tr>").arg(esc(c.a.title), esc(c.b.title));
    h += QStringLiteral("<tr><th>Outcome</th><td>%1</td><td>%2</td></tr>").arg(esc(c.a.outcome), esc(c.b.outcome));
    h += QStringLiteral("<tr><th>Summary</th><td>%1</td><td>%2</td></tr>").arg(esc(c.a.summary), esc(c.b.summary));
    h += QStringLiteral("<tr><th>Blockers</th><td>%1</td><td>%2</td></tr>")
             .arg(esc(c.a.blockers.join(QStringLiteral("; "))), esc(c.b.blockers.join(QStringLiteral("; "))));
    h += QStringLiteral("<tr><th>Failure reason</th><td>%1</td><td>%2</td></tr></table>")
             .arg(esc(c.a.failureReason), esc(c.b.failureReason));
    h += QStringLiteral("<h2>Quality gates</h2><table><tr><th>Gate</th><th>A</th><th>B</th><th>Delta</th></tr>");
    for (const ReportComparison::GateDelta &g : c.gates)
        h += QStringLiteral("<tr><td>%1</td><td class=\"%2\">%3</td><td class=\"%4\">%5</td><td>%6</td></tr>")
                 .arg(esc(g.title), esc(g.statusA), esc(g.a), esc(g.statusB), esc(g.b), esc(g.delta));
    h += QStringLiteral("</table>");
    const auto section = [&h](const QString &title, const QStringList &lines) {
        h += QStringLiteral("<h2>%1</h2>").arg(esc(title));
        if (lines.isEmpty()) {
            h += QStringLiteral("<p>No change.</p>");
            return;
        }
        h += QStringLiteral("<ul>");
        for (const QString &l : lines)
            h += QStringLiteral("<li>%1</li>").arg(esc(l));
        h += QStringLiteral("</ul>");
    };
    section(QStringLiteral("Criteria that changed"), c.criteriaChanged);
    section(QStringLiteral("Tool versions that changed"), c.toolVersionsChanged);
    section(QStringLiteral("Thresholds that changed"), c.thresholdsChanged);
    section(QStringLiteral("Approvers"), c.approversChanged);
    section(QStringLiteral("Verification window (worst sample)"), c.windowChanged);
    h += QStringLiteral("</body></html>\n");
    return h;
}

} // namespace Promotion
