// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/policy.h"

#include <QString>
#include <QStringList>

namespace Promotion {

/*!
 * \brief Workspace trust, as an editor does it: a workspace's promotion.yaml
 * names commands that run on this machine, so the GUI asks once before it runs
 * the commands of a policy it has not seen. The answer is remembered by the
 * policy file's SHA-256 (QSettings); any edit asks again. Without a
 * promotion.yaml the built-in policy runs, which needs no trust. Headless runs
 * trust the policy: whoever starts them chose the workspace.
 */
class PolicyTrust final
{
public:
    /*! Hex SHA-256 of the workspace's promotion.yaml; empty when it has none. */
    static QString digest(const QString &workspace);
    static bool isTrusted(const QString &workspace);
    /*! Remember the current promotion.yaml of \a workspace as trusted. */
    static void trust(const QString &workspace);
    /*! Every command \a policy can run, as "policy.key: argv", for the question. */
    static QStringList commands(const Policy &policy);
};

} // namespace Promotion
