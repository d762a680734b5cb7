// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/steps/promotionstep.h"

namespace Promotion {

/*! \brief Step 1: the component, its tests and spec exist; its stage is the one claimed. */
class ValidateStep final : public PromotionStep
{
    Q_OBJECT
public:
    explicit ValidateStep(RunContext &context, QObject *parent = nullptr);
    void cancel() override {}

protected:
    void run() override;
};

} // namespace Promotion
