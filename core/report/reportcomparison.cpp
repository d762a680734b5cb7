// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportcomparison.h"

#include <cmath>
#include <QDateTime>
#include <QJsonArray>
#include <QMap>

namespace Promotion {

namespace {

QString number(double v)
{
    // 78.2, 83, 0.35: as many decimals as the value needs, at most two.
    QString s = QString::number(v, 'f', 2);
    while (s.contains(QLatin1Char('.')) && (s.endsWith(QLatin1Char('0')) || s.endsWith(QLatin1Char('.'))))
        s.chop(1);
    return s;
}

QString signedNumber(double v)
{
    if (std::fabs(v) < 1e-9)
        return QStringLiteral("±0");
    return (v > 0 ? QStringLiteral("+") : QStringLiteral("−")) + number(std::fabs(v));
}

struct Gate
{
    QString title;
    QString status;
    QString measuredText;
    std::optional<double> measured;
    std::optional<double> threshold;
    QString thresholdText;
};

QMap<QString, Gate> gatesOf(const QJsonObject &r, QStringList *order)
{
    QMap<QString, Gate> gates;
    for (const QJsonValue &v :
         r.value(QStringLiteral("quality_gates")).toObject().value(QStringLiteral("gates")).toArray()) {
        const QJsonObject g = v.toObject();
        const QString id = g.value(QStringLiteral("id")).toString();
        if (id.isEmpty())
            continue;
        Gate gate;
        gate.title = g.value(QStringLiteral("title")).toString();
        gate.status = g.value(QStringLiteral("status")).toString();
        gate.measuredText = g.value(QStringLiteral("measured_text")).toString();
        if (g.value(QStringLiteral("measured")).isDouble())
            gate.measured = g.value(QStringLiteral("measured")).toDouble();
        if (g.value(QStringLiteral("threshold")).isDouble())
            gate.threshold = g.value(QStringLiteral("threshold")).toDouble();
        gate.thresholdText = g.value(QStringLiteral("threshold_text")).toString();
        gates.insert(id, gate);
        if (order && !order->contains(id))
            order->append(id);
    }
    return gates;
}

QString gateText(const Gate &g)
{
    QString measured = g.measuredText;
    if (measured.isEmpty() && g.measured)
        measured = number(*g.measured);
    const QString status = ReportComparison::statusText(g.status);
    if (measured.isEmpty())
        return status;
    return status.isEmpty() ? measured : QStringLiteral("%1 (%2)").arg(measured, status);
}

ReportComparison::Side sideOf(const QJsonObject &r)
{
    ReportComparison::Side s;
    s.title = ReportComparison::title(r);
    s.outcome = ReportComparison::outcomeText(r.value(QStringLiteral("outcome")).toString());
    s.summary = r.value(QStringLiteral("outcome_summary")).toString();
    for (const QJsonValue &v : r.value(QStringLiteral("blockers")).toArray())
        s.blockers.append(v.toString());
    const QJsonObject rollback = r.value(QStringLiteral("rollback")).toObject();
    s.failureReason = rollback.value(QStringLiteral("reason")).toString();
    if (s.failureReason.isEmpty() && !rollback.value(QStringLiteral("trigger")).toString().isEmpty())
        s.failureReason = rollback.value(QStringLiteral("trigger")).toString();
    const QJsonArray samples = r.value(QStringLiteral("validation"))
                                   .toObject()
                                   .value(QStringLiteral("details"))
                                   .toObject()
                                   .value(QStringLiteral("samples"))
                                   .toArray();
    for (const QJsonValue &v : samples) {
        const QJsonObject o = v.toObject();
        const double p95 = o.value(QStringLiteral("p95_ms")).toDouble();
        const double err = o.value(QStringLiteral("error_rate_percent")).toDouble();
        s.windowP95Ms = std::max(s.windowP95Ms.value_or(0), p95);
        s.windowErrorRate = std::max(s.windowErrorRate.value_or(0), err);
    }
    return s;
}

QMap<QString, QString> toolVersionsOf(const QJsonObject &r)
{
    QMap<QString, QString> out;
    const QJsonObject o = r.value(QStringLiteral("tool_versions")).toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

QMap<QString, QString> approversOf(const QJsonObject &r)
{
    QMap<QString, QString> out;
    for (const QJsonValue &v : r.value(QStringLiteral("approvals")).toArray()) {
        const QJsonObject a = v.toObject();
        out.insert(a.value(QStringLiteral("role")).toString(),
                   a.value(QStringLiteral("approved")).toBool()
                       ? a.value(QStringLiteral("identity")).toString()
                       : QStringLiteral("not approved"));
    }
    return out;
}

struct Criterion
{
    QString text;
    bool met = false;
    QString evidence;
};

QMap<QString, Criterion> criteriaOf(const QJsonObject &r)
{
    QMap<QString, Criterion> out;
    for (const QJsonValue &v : r.value(QStringLiteral("promotion_criteria"))
                                   .toObject()
                                   .value(QStringLiteral("details"))
                                   .toArray()) {
        const QJsonObject c = v.toObject();
        Criterion crit;
        crit.text = c.value(QStringLiteral("text")).toString();
        crit.met = c.value(QStringLiteral("checked")).toBool();
        crit.evidence = c.value(QStringLiteral("evidence")).toString();
        out.insert(c.value(QStringLiteral("id")).toString(), crit);
    }
    return out;
}

template<typename Map, typename Text>
void diffMaps(const Map &a, const Map &b, QStringList *out, Text text)
{
    QStringList keys = a.keys();
    for (const QString &k : b.keys()) {
        if (!keys.contains(k))
            keys.append(k);
    }
    for (const QString &k : keys) {
        const QString ta = a.contains(k) ? text(a.value(k)) : QStringLiteral("—");
        const QString tb = b.contains(k) ? text(b.value(k)) : QStringLiteral("—");
        if (ta != tb)
            out->append(QStringLiteral("%1: %2 → %3").arg(k, ta, tb));
    }
}

} // namespace

QString ReportComparison::GateDelta::line() const
{
    if (measuredA && measuredB) {
        QString unit;
        if (a.contains(QLatin1Char('%')) || b.contains(QLatin1Char('%')))
            unit = QStringLiteral(" %");
        QString text = QStringLiteral("%1 %2 → %3%4")
                           .arg(title, number(*measuredA), number(*measuredB), unit);
        if (!delta.isEmpty())
            text += QStringLiteral(", ") + delta;
        return text;
    }
    return QStringLiteral("%1 %2 → %3").arg(title, a, b);
}

QString ReportComparison::statusText(const QString &status)
{
    QString s = status;
    s.replace(QLatin1Char('_'), QLatin1Char(' '));
    return s;
}

QString ReportComparison::outcomeText(const QString &outcomeName)
{
    return statusText(outcomeName);
}

QString ReportComparison::title(const QJsonObject &r)
{
    QString when = r.value(QStringLiteral("date")).toString();
    const QDateTime started =
        QDateTime::fromString(r.value(QStringLiteral("started_at")).toString(), Qt::ISODateWithMs);
    if (started.isValid())
        when = started.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
    QString text = QStringLiteral("%1 · %2 · %3 → %4")
                       .arg(when, r.value(QStringLiteral("component")).toString(),
                            r.value(QStringLiteral("from_stage")).toString(),
                            r.value(QStringLiteral("to_stage")).toString());
    if (r.value(QStringLiteral("dry_run")).toBool())
        text += QStringLiteral(" · dry run");
    return text;
}

ReportComparison ReportComparison::compare(const QJsonObject &ra, const QJsonObject &rb)
{
    ReportComparison c;
    c.a = sideOf(ra);
    c.b = sideOf(rb);
    QStringList order;
    const QMap<QString, Gate> ga = gatesOf(ra, &order);
    const QMap<QString, Gate> gb = gatesOf(rb, &order);
    for (const QString &id : std::as_const(order)) {
        GateDelta d;
        d.id = id;
        const Gate *x = ga.contains(id) ? &ga.find(id).value() : nullptr;
        const Gate *y = gb.contains(id) ? &gb.find(id).value() : nullptr;
        d.title = (x && !x->title.isEmpty()) ? x->title : (y && !y->title.isEmpty()) ? y->title : id;
        d.a = x ? gateText(*x) : QStringLiteral("—");
        d.b = y ? gateText(*y) : QStringLiteral("—");
        d.statusA = x ? x->status : QString();
        d.statusB = y ? y->status : QString();
        if (x)
            d.measuredA = x->measured;
        if (y)
            d.measuredB = y->measured;
        if (d.measuredA && d.measuredB)
            d.delta = signedNumber(*d.measuredB - *d.measuredA);
        d.changed = d.a != d.b;
        c.gates.append(d);
        if (x && y && x->threshold != y->threshold)
            c.thresholdsChanged.append(
                QStringLiteral("%1: %2 → %3")
                    .arg(d.title,
                         x->threshold ? number(*x->threshold) : QStringLiteral("none"),
                         y->threshold ? number(*y->threshold) : QStringLiteral("none")));
    }
    diffMaps(criteriaOf(ra), criteriaOf(rb), &c.criteriaChanged, [](const Criterion &x) {
        return x.met ? QStringLiteral("met (%1)").arg(x.evidence) : QStringLiteral("not met");
    });
    diffMaps(toolVersionsOf(ra), toolVersionsOf(rb), &c.toolVersionsChanged,
             [](const QString &x) { return x; });
    diffMaps(approversOf(ra), approversOf(rb), &c.approversChanged,
             [](const QString &x) { return x; });
    const auto figure = [](const std::optional<double> &v, const char *unit) -> QString {
        return v ? number(*v) + QLatin1String(unit) : QStringLiteral("no window");
    };
    c.windowChanged.append(QStringLiteral("p95 latency: %1 → %2")
                               .arg(figure(c.a.windowP95Ms, " ms"), figure(c.b.windowP95Ms, " ms")));
    c.windowChanged.append(QStringLiteral("error rate: %1 → %2")
                               .arg(figure(c.a.windowErrorRate, " %"),
                                    figure(c.b.windowErrorRate, " %")));
    return c;
}

QString ReportComparison::markdown() const
{
    QString md;
    md += QStringLiteral("# Comparison\n\n");
    md += QStringLiteral("- **A**: %1 — **%2**\n").arg(a.title, a.outcome);
    md += QStringLiteral("- **B**: %1 — **%2**\n\n").arg(b.title, b.outcome);
    md += QStringLiteral("## Outcome\n\n| | A | B |\n|---|---|---|\n");
    md += QStringLiteral("| outcome | %1 | %2 |\n").arg(a.outcome, b.outcome);
    md += QStringLiteral("| summary | %1 | %2 |\n").arg(a.summary, b.summary);
    md += QStringLiteral("| blockers | %1 | %2 |\n")
              .arg(a.blockers.isEmpty() ? QStringLiteral("none") : a.blockers.join(QStringLiteral("; ")),
                   b.blockers.isEmpty() ? QStringLiteral("none") : b.blockers.join(QStringLiteral("; ")));
    md += QStringLiteral("| failure reason | %1 | %2 |\n\n")
              .arg(a.failureReason.isEmpty() ? QStringLiteral("—") : a.failureReason,
                   b.failureReason.isEmpty() ? QStringLiteral("—") : b.failureReason);
    md += QStringLiteral("## Quality gates\n\n| gate | A | B | delta |\n|---|---|---|---|\n");
    for (const GateDelta &g : gates)
        md += QStringLiteral("| %1 | %2 | %3 | %4 |\n").arg(g.title, g.a, g.b, g.delta);
    const auto section = [&md](const QString &title, const QStringList &lines) {
        md += QStringLiteral("\n## %1\n\n").arg(title);
        if (lines.isEmpty())
            md += QStringLiteral("No change.\n");
        for (const QString &l : lines)
            md += QStringLiteral("- %1\n").arg(l);
    };
    section(QStringLiteral("Criteria that changed"), criteriaChanged);
    section(QStringLiteral("Tool versions that changed"), toolVersionsChanged);
    section(QStringLiteral("Thresholds that changed"), thresholdsChanged);
    section(QStringLiteral("Approvers"), approversChanged);
    section(QStringLiteral("Verification window (worst sample)"), windowChanged);
    return md;
}

} // namespace Promotion
