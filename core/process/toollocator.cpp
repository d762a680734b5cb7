// SPDX-License-Identifier: GPL-3.0-or-later
#include "toollocator.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace Promotion {

namespace {

QString advice(const QString &policyKey)
{
    if (policyKey.isEmpty())
        return QStringLiteral("Install it or change the command.");
    return QStringLiteral("Install it or change ") + policyKey +
           QStringLiteral(" in promotion.yaml.");
}

QString pathVariable(const QProcessEnvironment &env)
{
    if (env.contains(QStringLiteral("PATH")))
        return env.value(QStringLiteral("PATH"));
    return qEnvironmentVariable("PATH");
}

} // namespace

QStringList ToolLocator::searchPath(const QProcessEnvironment &env)
{
    QStringList dirs;
    const QStringList parts = pathVariable(env).split(QDir::listSeparator(), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        // Relative entries would depend on the working directory; a gate should not.
        if (QDir::isAbsolutePath(part))
            dirs << QDir::cleanPath(part);
    }
    return dirs;
}

ToolLocator::Result ToolLocator::locate(const QString &program, const QProcessEnvironment &env,
                                        const QString &workingDirectory, const QString &policyKey)
{
    Result result;
    if (program.trimmed().isEmpty()) {
        result.error = policyKey.isEmpty() ? QStringLiteral("The command is empty.")
                                           : QStringLiteral("The command is empty. Set ") +
                                                 policyKey + QStringLiteral(" in promotion.yaml.");
        return result;
    }

    if (program.contains(u'/')) {
        const QString base = workingDirectory.isEmpty() ? QDir::currentPath() : workingDirectory;
        const QString resolved = QDir::cleanPath(QDir(base).absoluteFilePath(program));
        const QFileInfo info(resolved);
        if (!info.exists()) {
            result.error = program + QStringLiteral(" does not exist (looked for ") + resolved +
                           QStringLiteral("). ") + advice(policyKey);
        } else if (info.isDir()) {
            result.error = program + QStringLiteral(" is a directory (") + resolved +
                           QStringLiteral("), not a program. ") + advice(policyKey);
        } else if (!info.isExecutable()) {
            result.error = program + QStringLiteral(" is not executable (") + resolved +
                           QStringLiteral("); run chmod +x on it. ") + advice(policyKey);
        } else {
            result.path = resolved;
        }
        return result;
    }

    const QStringList dirs = searchPath(env);
    // findExecutable() with an empty list would silently search the app's PATH.
    if (!dirs.isEmpty())
        result.path = QStandardPaths::findExecutable(program, dirs);
    if (result.path.isEmpty()) {
        result.error = program + QStringLiteral(" was not found on PATH (") +
                       dirs.join(QDir::listSeparator()) + QStringLiteral("). ") + advice(policyKey);
    }
    return result;
}

} // namespace Promotion
