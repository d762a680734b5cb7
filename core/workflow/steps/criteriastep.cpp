// SPDX-License-Identifier: GPL-3.0-or-later
#include "criteriastep.h"

#include "workflow/runcontext.h"

namespace Promotion {

CriteriaStep::CriteriaStep(RunContext &context, QObject *parent)
    : PromotionStep(StepId::Criteria, context, parent)
{
}

void CriteriaStep::run()
{
    const TransitionDefinition *t = ctx().transition();
    const PromotionRequest &request = ctx().request();
    if (!t) {
        finish(StepStatus::Failed, QStringLiteral("the policy defines no such transition"));
        return;
    }
    if (state().criteria.isEmpty()) {
        for (const CriterionDefinition &def : t->criteria) {
            CriterionState c;
            c.id = def.id;
            c.text = def.text;
            c.required = def.required;
            c.provenBy = def.provenBy;
            state().criteria.append(c);
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (CriterionState &c : state().criteria) {
        if (!c.provenBy.isEmpty()) {
            QStringList evidence;
            bool proven = !request.skipQualityGates;
            for (const QString &gateId : std::as_const(c.provenBy)) {
                const GateResult *g = state().gate(gateId);
                if (!g || !g->succeeded()) {
                    proven = false;
                    break;
                }
                QString line = QStringLiteral("%1: %2").arg(
                    g->title,
                    g->measuredText.isEmpty() ? gateStatusName(g->status) : g->measuredText);
                if (!g->thresholdText.isEmpty())
                    line += QStringLiteral(" (threshold %1)").arg(g->thresholdText);
                evidence.append(line);
            }
            if (proven) {
                c.checked = true;
                c.automatic = true;
                c.evidence = evidence.join(QStringLiteral("; "));
                c.identity = QStringLiteral("promotion-console");
                c.when = now;
                continue;
            }
        }
        if (!c.checked && (request.acceptAllCriteria || request.acceptedCriteria.contains(c.id))) {
            c.checked = true;
            c.automatic = false;
            c.identity = state().promoter;
            c.when = now;
            c.evidence = request.acceptAllCriteria
                             ? QStringLiteral("accepted with --accept-criteria all")
                             : QStringLiteral("accepted from the criteria file");
        }
    }
    evaluate();
}

void CriteriaStep::evaluate()
{
    QStringList missing;
    for (const CriterionState &c : std::as_const(state().criteria)) {
        if (c.required && !c.checked)
            missing.append(c.text);
    }
    if (missing.isEmpty()) {
        finish(StepStatus::Passed,
               QStringLiteral("all %1 criteria met").arg(state().criteria.size()));
        return;
    }
    state().blockers = QStringList{QStringLiteral("criteria not yet confirmed: ") +
                                   missing.join(QStringLiteral(", "))};
    finish(StepOutcome{StepStatus::Failed,
                       QStringLiteral("%1 criteria need a person: %2")
                           .arg(missing.size())
                           .arg(missing.join(QStringLiteral(", "))),
                       RunOutcome::Blocked,
                       false,
                       {}});
}

bool CriteriaStep::setChecked(const QString &id, bool checked, const QString &identity)
{
    for (CriterionState &c : state().criteria) {
        if (c.id != id || c.automatic)
            continue;
        c.checked = checked;
        c.identity = checked ? identity : QString();
        c.when = checked ? QDateTime::currentDateTimeUtc() : QDateTime();
        c.evidence = checked ? QStringLiteral("confirmed by %1").arg(identity) : QString();
        return true;
    }
    return false;
}

} // namespace Promotion
