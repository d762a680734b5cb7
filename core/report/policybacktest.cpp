// SPDX-License-Identifier: GPL-3.0-or-later
#include "policybacktest.h"

#include "policy/policy.h"

namespace Promotion {

namespace {

bool isFindingsFormat(const QString &format)
{
    static const QStringList findings{QStringLiteral("sarif"), QStringLiteral("ruff-json"),
                                      QStringLiteral("pyright-json"),
                                      QStringLiteral("detect-secrets-json"),
                                      QStringLiteral("diagnostics-text")};
    return findings.contains(format);
}

bool goesOn(RunOutcome outcome)
{
    return outcome == RunOutcome::Promoted || outcome == RunOutcome::Failed ||
           outcome == RunOutcome::RolledBack || outcome == RunOutcome::RollbackFailed;
}

QString num(double v)
{
    return QString::number(v, 'g', 6);
}

} // namespace

QString PolicyBacktest::Rule::text() const
{
    return QStringLiteral("%1%2 %3 %4")
        .arg(stage.isEmpty() ? QString() : stage + QLatin1Char(' '), gateId,
             atMost ? QStringLiteral("≤") : QStringLiteral("≥"), num(threshold));
}

QString PolicyBacktest::Result::headline() const
{
    return QStringLiteral("%1 of the last %2").arg(blocked.size()).arg(considered);
}

QList<PolicyBacktest::Rule> PolicyBacktest::rulesFromPolicy(const Policy &policy)
{
    QList<Rule> rules;
    const GateDefinition *coverage = nullptr;
    for (const GateDefinition &g : policy.gates) {
        if (g.id == QLatin1String("coverage"))
            coverage = &g;
    }
    for (const StageDefinition &s : policy.stages) {
        if (coverage && coverage->threshold)
            continue;
        if (s.coverageMin > 0)
            rules.append(Rule{QStringLiteral("coverage"), s.coverageMin, false, s.id});
    }
    for (const GateDefinition &g : policy.gates) {
        if (!g.threshold)
            continue;
        rules.append(Rule{g.id, *g.threshold, isFindingsFormat(g.format), QString()});
    }
    return rules;
}

PolicyBacktest::Result PolicyBacktest::run(const QList<ReportSummary> &reports,
                                           const QList<Rule> &rules, int last,
                                           const QString &component)
{
    QList<const ReportSummary *> considered;
    for (const ReportSummary &s : reports) {
        if (!s.readable() || s.dryRun || !goesOn(s.outcome))
            continue;
        if (!component.isEmpty() && s.component != component)
            continue;
        considered.append(&s);
    }
    if (last > 0 && considered.size() > last)
        considered = considered.mid(considered.size() - last);
    Result result;
    result.considered = int(considered.size());
    for (const ReportSummary *s : std::as_const(considered)) {
        QStringList reasons;
        for (const Rule &rule : rules) {
            if (!rule.stage.isEmpty() && rule.stage != s->toStage)
                continue;
            std::optional<double> measured;
            if (rule.gateId == QLatin1String("coverage") && s->coverage)
                measured = s->coverage;
            else if (const ReportGateFigure *g = s->gate(rule.gateId))
                measured = g->measured;
            if (!measured)
                continue; // not measured then: the rule cannot judge it
            const bool blocked = rule.atMost ? *measured > rule.threshold : *measured < rule.threshold;
            if (blocked)
                reasons.append(QStringLiteral("%1 %2 %3 %4%5")
                                   .arg(rule.gateId, num(*measured),
                                        rule.atMost ? QStringLiteral(">") : QStringLiteral("<"),
                                        num(rule.threshold),
                                        rule.stage.isEmpty() ? QString()
                                                             : QStringLiteral(" (%1)").arg(rule.stage)));
        }
        if (!reasons.isEmpty())
            result.blocked.append(Hit{*s, reasons.join(QStringLiteral("; "))});
    }
    return result;
}

} // namespace Promotion
