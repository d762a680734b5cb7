// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy.h"

namespace Promotion {

const StageDefinition *Policy::stage(const QString &id) const
{
    for (const StageDefinition &s : stages) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

int Policy::stageIndex(const QString &id) const
{
    for (int i = 0; i < stages.size(); ++i) {
        if (stages.at(i).id == id)
            return i;
    }
    return -1;
}

const TransitionDefinition *Policy::transition(const QString &from, const QString &to) const
{
    for (const TransitionDefinition &t : transitions) {
        if (t.from == from && t.to == to)
            return &t;
    }
    return nullptr;
}

QStringList Policy::stageIds() const
{
    QStringList ids;
    for (const StageDefinition &s : stages)
        ids.append(s.id);
    return ids;
}

} // namespace Promotion
