// SPDX-License-Identifier: GPL-3.0-or-later
#include "policytrust.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSettings>

namespace Promotion {

namespace {
const QLatin1String kTrustedKey("policyTrust/trustedDigests");
}

QString PolicyTrust::digest(const QString &workspace)
{
    QFile file(workspace + QStringLiteral("/promotion.yaml"));
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unreadable");
    return QString::fromLatin1(
        QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
}

bool PolicyTrust::isTrusted(const QString &workspace)
{
    const QString d = digest(workspace);
    return d.isEmpty() || QSettings().value(kTrustedKey).toStringList().contains(d);
}

void PolicyTrust::trust(const QString &workspace)
{
    const QString d = digest(workspace);
    if (d.isEmpty() || d == QLatin1String("unreadable"))
        return;
    QSettings settings;
    QStringList trusted = settings.value(kTrustedKey).toStringList();
    if (!trusted.contains(d)) {
        trusted.append(d);
        settings.setValue(kTrustedKey, trusted);
    }
}

QStringList PolicyTrust::commands(const Policy &policy)
{
    QStringList out;
    auto add = [&out](const QString &key, const QStringList &argv) {
        if (!argv.isEmpty())
            out.append(QStringLiteral("%1: %2").arg(key, argv.join(QLatin1Char(' '))));
    };
    for (const GateDefinition &g : policy.gates)
        add(QStringLiteral("gates.%1.command").arg(g.id), g.command);
    add(QStringLiteral("deploy.revision"), policy.deploy.revision);
    add(QStringLiteral("deploy.apply"), policy.deploy.apply);
    add(QStringLiteral("deploy.rollout_status"), policy.deploy.rolloutStatus);
    add(QStringLiteral("deploy.rollback"), policy.deploy.rollback);
    add(QStringLiteral("deploy.ai_context"), policy.deploy.aiContext);
    add(QStringLiteral("deploy.ai_context_rollback"), policy.deploy.aiContextRollback);
    add(QStringLiteral("validation.smoke"), policy.validation.smoke);
    for (auto it = policy.environment.cbegin(); it != policy.environment.cend(); ++it)
        out.append(QStringLiteral("environment.%1 = %2").arg(it.key(), it.value()));
    return out;
}

} // namespace Promotion
