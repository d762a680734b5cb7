// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/steps/promotionstep.h"

namespace Promotion {

/*!
 * \brief Step 3: the seed's criteria; items proven by step 1–2 evidence are
 * ticked with that evidence, the rest need a person.
 */
class CriteriaStep final : public PromotionStep
{
    Q_OBJECT
public:
    explicit CriteriaStep(RunContext &context, QObject *parent = nullptr);
    void cancel() override {}
    /*! A person ticked or unticked \a id; false when it is not theirs to tick. */
    bool setChecked(const QString &id, bool checked, const QString &identity);

protected:
    void run() override;

private:
    void evaluate() override;
};

} // namespace Promotion
