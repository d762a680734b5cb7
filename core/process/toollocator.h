// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Promotion {

/*!
 * \brief Finds the executable a command names, the way the command will see it.
 *
 * A bare name is looked up in the PATH of the command's own environment (a
 * policy may point PATH at a virtualenv), not the application's. A name with a
 * slash is a path, resolved against the command's working directory. When the
 * tool is missing, the message names it, the PATH searched and the policy key
 * to change, so the user knows what to do.
 */
class ToolLocator final
{
public:
    struct Result
    {
        QString path;  //!< absolute path of the executable, empty when not found
        QString error; //!< why it was not found, empty when found
        bool found() const { return !path.isEmpty(); }
    };

    /*!
     * Resolve \a program. \a env supplies PATH (the application's PATH is used
     * when \a env has none); \a workingDirectory resolves relative paths (the
     * current directory when empty); \a policyKey (e.g. "gates.tests.command")
     * is named in the error message.
     */
    static Result locate(const QString &program, const QProcessEnvironment &env,
                         const QString &workingDirectory, const QString &policyKey);

    /*! The directories of PATH in \a env, empty entries dropped (they would mean "."). */
    static QStringList searchPath(const QProcessEnvironment &env);
};

} // namespace Promotion
