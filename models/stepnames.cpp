// SPDX-License-Identifier: GPL-3.0-or-later
#include "stepnames.h"

namespace Promotion {

QString StepNames::title(StepId step)
{
    switch (step) {
    case StepId::Validate:
        return tr("Validate current state");
    case StepId::QualityGates:
        return tr("Run quality gates");
    case StepId::Criteria:
        return tr("Review promotion criteria");
    case StepId::Tracking:
        return tr("Update tracking");
    case StepId::Execute:
        return tr("Execute promotion");
    case StepId::PostValidation:
        return tr("Post-promotion validation");
    }
    return stepTitle(step);
}

QString StepNames::outcome(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Running:
        return tr("running");
    case RunOutcome::Promoted:
        return tr("promoted");
    case RunOutcome::DryRunPassed:
        return tr("dry run passed");
    case RunOutcome::Blocked:
        return tr("blocked");
    case RunOutcome::Failed:
        return tr("failed");
    case RunOutcome::RolledBack:
        return tr("rolled back");
    case RunOutcome::RollbackFailed:
        return tr("rollback failed");
    case RunOutcome::Discarded:
        return tr("discarded");
    }
    return runOutcomeName(outcome);
}

} // namespace Promotion
