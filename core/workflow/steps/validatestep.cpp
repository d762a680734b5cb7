// SPDX-License-Identifier: GPL-3.0-or-later
#include "validatestep.h"

#include "workflow/runcontext.h"

#include <QDir>
#include <QFileInfo>

namespace Promotion {

ValidateStep::ValidateStep(RunContext &context, QObject *parent)
    : PromotionStep(StepId::Validate, context, parent)
{
}

void ValidateStep::run()
{
    const Workspace &ws = ctx().workspace();
    const Policy &policy = ctx().policy();
    const PromotionRequest &request = ctx().request();
    QList<CheckItem> checks;
    auto check = [&checks](const QString &id, const QString &text, bool passed,
                           const QString &detail) {
        checks.append(CheckItem{id, text, passed, detail});
        return passed;
    };
    const QString c = request.component;
    const QString componentDir = ws.componentDir(c);
    const bool componentInside = ws.containsResolved(componentDir);
    check(QStringLiteral("component_dir"), QStringLiteral("Component directory exists"),
          componentInside && QFileInfo(componentDir).isDir(),
          componentInside ? QStringLiteral("src/%1/").arg(c)
                          : QStringLiteral("src/%1/ leads outside the workspace through a "
                                           "symbolic link; promote a directory inside it")
                                .arg(c));
    check(QStringLiteral("tests_dir"), QStringLiteral("Tests directory exists"),
          QFileInfo(ws.testsDir(c)).isDir(), QStringLiteral("tests/%1/").arg(c));
    const QString spec = ctx().specPath();
    const bool specInside = ws.contains(spec) && ws.containsResolved(spec);
    check(QStringLiteral("spec_file"), QStringLiteral("Specification file exists"),
          specInside && QFileInfo(spec).isFile(),
          specInside ? QDir(ws.root()).relativeFilePath(spec)
                     : QStringLiteral("%1 is outside the workspace").arg(request.spec));

    const ComponentInfo info = componentInside ? ws.component(c) : ComponentInfo{};
    state().currentStage = info.stage;
    state().version = info.version;
    const bool documented = !info.stage.isEmpty();
    check(QStringLiteral("stage_documented"), QStringLiteral("Current stage documented"),
          documented,
          documented
              ? QStringLiteral("__maturity__ = \"%1\" in src/%2/__init__.py").arg(info.stage, c)
              : (info.problem.isEmpty()
                     ? QStringLiteral("src/%1/__init__.py has no __maturity__").arg(c)
                     : info.problem));
    if (documented && !request.from.isEmpty()) {
        check(QStringLiteral("stage_matches"),
              QStringLiteral("Current stage matches the expected stage"),
              info.stage == request.from,
              info.stage == request.from
                  ? info.stage
                  : QStringLiteral("expected %1 (--from), but __maturity__ is %2")
                        .arg(request.from, info.stage));
    }
    if (documented) {
        const int fromIndex = policy.stageIndex(info.stage);
        const int toIndex = policy.stageIndex(request.to);
        QString detail;
        bool ok = true;
        if (fromIndex < 0) {
            ok = false;
            detail = QStringLiteral("__maturity__ '%1' is not a stage of the policy (%2)")
                         .arg(info.stage, policy.stageIds().join(QStringLiteral(", ")));
        } else if (toIndex <= fromIndex) {
            ok = false;
            detail = QStringLiteral("%1 is already at %2; %3 is not a later stage")
                         .arg(c, info.stage, request.to);
        } else if (toIndex > fromIndex + 1 && !policy.allowStageSkip) {
            ok = false;
            detail = QStringLiteral("%1 → %2 skips %3; the policy does not allow skipping stages")
                         .arg(info.stage, request.to, policy.stages.at(fromIndex + 1).id);
        } else if (!policy.transition(info.stage, request.to)) {
            ok = false;
            detail = QStringLiteral("the policy defines no transition %1 → %2")
                         .arg(info.stage, request.to);
        } else {
            detail = QStringLiteral("%1 → %2").arg(info.stage, request.to);
        }
        check(QStringLiteral("target_is_next"), QStringLiteral("Target is the next stage"), ok,
              detail);
    }
    state().validationChecks = checks;
    QStringList failed;
    for (const CheckItem &item : std::as_const(checks)) {
        if (!item.passed)
            failed.append(QStringLiteral("%1: %2").arg(item.text, item.detail));
    }
    state().blockers = failed;
    if (!failed.isEmpty()) {
        StepOutcome outcome{
            StepStatus::Failed, failed.join(QStringLiteral("; ")), RunOutcome::Blocked, false, {}};
        finish(outcome);
        return;
    }
    // Prepare the gate list now so every view shows it before step 2 starts.
    if (state().gates.isEmpty()) {
        if (const TransitionDefinition *t = ctx().transition()) {
            for (const QString &id : t->gates) {
                const GateDefinition def = policy.gates.value(id);
                GateResult g;
                g.id = id;
                g.title = def.title;
                g.tool = def.command.value(0);
                g.format = def.format;
                state().gates.append(g);
            }
        }
    }
    finish(StepStatus::Passed,
           QStringLiteral("%1 at %2, version %3").arg(c, info.stage, info.version));
}

} // namespace Promotion
