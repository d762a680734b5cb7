// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotionstep.h"

#include "workflow/runcontext.h"

namespace Promotion {

PromotionStep::PromotionStep(StepId id, RunContext &context, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_ctx(context)
{
}

RunState &PromotionStep::state()
{
    return m_ctx.state();
}

const RunState &PromotionStep::state() const
{
    return m_ctx.state();
}

void PromotionStep::start()
{
    if (m_running)
        return;
    m_running = true;
    run();
}

void PromotionStep::startEvaluationOnly()
{
    if (m_running)
        return;
    m_running = true;
    evaluate();
}

void PromotionStep::finish(const StepOutcome &outcome)
{
    if (!m_running)
        return;
    m_running = false;
    Q_EMIT finished(outcome);
}

} // namespace Promotion
