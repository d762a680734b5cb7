// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy.h"

namespace Promotion {

QString TrackingPolicy::graphqlUrlFor(const QString &apiUrl)
{
    QString base = apiUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    // GitHub Enterprise Server: https://HOST/api/v3 → https://HOST/api/graphql.
    if (base.endsWith(QStringLiteral("/api/v3")))
        return base.left(base.size() - 3) + QStringLiteral("/graphql");
    return base + QStringLiteral("/graphql");
}

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
