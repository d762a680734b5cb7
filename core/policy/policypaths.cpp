// SPDX-License-Identifier: GPL-3.0-or-later
#include "policypaths.h"

#include "process/argvtemplate.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace Promotion {

namespace {

/* \a path with the symlinks of its longest existing prefix resolved; what does not
 * exist yet cannot be a link. */
QString resolved(const QString &path)
{
    QString existing = QDir::cleanPath(path);
    QString rest;
    while (!QFileInfo::exists(existing)) {
        const qsizetype slash = existing.lastIndexOf(QLatin1Char('/'));
        if (slash < 0)
            return QDir::cleanPath(path);
        rest = existing.mid(slash) + rest;
        existing = slash == 0 ? QStringLiteral("/") : existing.left(slash);
    }
    const QString canonical = QFileInfo(existing).canonicalFilePath();
    if (canonical.isEmpty())
        return QDir::cleanPath(path);
    return QDir::cleanPath(canonical + rest);
}

bool isBelow(const QString &path, const QString &root)
{
    if (root.isEmpty())
        return false;
    return path == root || path.startsWith(root + QLatin1Char('/'));
}

/* The directory a glob walks: its part before the first wildcard. */
QString globBase(const QString &pattern)
{
    static const QRegularExpression wildcard(QStringLiteral("[*?\\[]"));
    const qsizetype wild = pattern.indexOf(wildcard);
    if (wild < 0)
        return pattern;
    const QString prefix = pattern.left(wild);
    const qsizetype slash = prefix.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QStringLiteral(".") : prefix.left(slash);
}

} // namespace

bool PolicyPaths::isConfined(const QString &path, const QString &workspaceRoot,
                             const QString &artifactsDir)
{
    if (workspaceRoot.isEmpty())
        return false;
    const QString absolute = QDir::cleanPath(QDir(workspaceRoot).absoluteFilePath(path));
    const QString real = resolved(absolute);
    // Lexically and with links resolved: a symlink inside that points out is outside.
    for (const QString &root : {workspaceRoot, artifactsDir}) {
        if (root.isEmpty())
            continue;
        const QString cleanRoot = QDir::cleanPath(QDir(workspaceRoot).absoluteFilePath(root));
        if (isBelow(absolute, cleanRoot) && isBelow(real, resolved(cleanRoot)))
            return true;
    }
    return false;
}

QList<PolicyError> PolicyPaths::check(const Policy &policy, const QString &workspaceRoot,
                                      const QString &artifactsDir,
                                      const QHash<QString, QString> &variables,
                                      const QProcessEnvironment &environment)
{
    QList<PolicyError> errors;
    auto checkOne = [&](const QString &key, const QString &text, bool glob) {
        if (text.isEmpty())
            return;
        const auto expanded = ArgvTemplate::expand(text, variables, environment);
        if (!expanded.ok())
            return;
        const QString path = glob ? globBase(expanded.value) : expanded.value;
        if (isConfined(path, workspaceRoot, artifactsDir))
            return;
        PolicyError e = policy.locations.value(key);
        if (e.file.isEmpty())
            e.file = policy.sourceFile;
        e.key = key;
        e.message = QStringLiteral("'%1' leads outside the workspace and the run's artifacts "
                                   "(to %2); refused before anything runs, nothing was deleted "
                                   "or read")
                        .arg(text, QDir::cleanPath(QDir(workspaceRoot).absoluteFilePath(
                                       expanded.value)));
        errors.append(e);
    };
    for (const GateDefinition &gate : policy.gates) {
        const QString base = QStringLiteral("gates.") + gate.id;
        checkOne(base + QStringLiteral(".result_file"), gate.resultFile, false);
        if (gate.source.type == DataSource::Type::File)
            checkOne(base + QStringLiteral(".source.path"), gate.source.path, false);
        for (qsizetype i = 0; i < gate.paths.size(); ++i)
            checkOne(base + QStringLiteral(".paths[%1]").arg(i), gate.paths.at(i), true);
    }
    return errors;
}

} // namespace Promotion
