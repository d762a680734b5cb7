// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/policy.h"
#include "policy/policyerror.h"

#include <QHash>
#include <QList>
#include <QProcessEnvironment>
#include <QString>

namespace Promotion {

/*!
 * \brief Keeps the files a policy names inside the workspace or the run's artifacts.
 *
 * A gate's result_file is deleted before its tool runs and read after it; a
 * file data source is read; files_exist globs are walked. A path that leads
 * outside (absolute, '..', a symlink, an {env:…} that expands to one) would let
 * a policy delete or quote any file the user can reach. The validator refuses
 * what it can see in the text (PolicyValidator::pathProblem()); this class
 * checks the expanded paths, with symlinks resolved, before a run starts and
 * again before each file is touched.
 */
class PolicyPaths final
{
public:
    /*!
     * True when \a path (absolute, or relative to \a workspaceRoot) stays inside
     * \a workspaceRoot or \a artifactsDir once symlinks are resolved.
     */
    static bool isConfined(const QString &path, const QString &workspaceRoot,
                           const QString &artifactsDir);

    /*!
     * One policy-style error (file, line, column, key) for each path setting of
     * \a policy's gates that leads outside once expanded with \a variables and
     * \a environment. Settings whose placeholders cannot be expanded are left to
     * the run, which reports them.
     */
    static QList<PolicyError> check(const Policy &policy, const QString &workspaceRoot,
                                    const QString &artifactsDir,
                                    const QHash<QString, QString> &variables,
                                    const QProcessEnvironment &environment);
};

} // namespace Promotion
