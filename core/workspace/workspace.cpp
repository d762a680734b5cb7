// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace Promotion {

Workspace::Workspace(const QString &root)
    : m_root(QDir::cleanPath(QFileInfo(root).absoluteFilePath()))
{
}

bool Workspace::exists() const
{
    return QFileInfo(m_root).isDir();
}

QString Workspace::componentDir(const QString &component) const
{
    return m_root + QStringLiteral("/src/") + component;
}

QString Workspace::testsDir(const QString &component) const
{
    return m_root + QStringLiteral("/tests/") + component;
}

QString Workspace::specPath(const QString &component) const
{
    return m_root + QStringLiteral("/specs/") + component + QStringLiteral(".md");
}

QString Workspace::initPath(const QString &component) const
{
    return componentDir(component) + QStringLiteral("/__init__.py");
}

QString Workspace::policyPath() const
{
    return m_root + QStringLiteral("/promotion.yaml");
}

QString Workspace::stateDir() const
{
    return m_root + QStringLiteral("/.promotion");
}

QString Workspace::runsDir() const
{
    return stateDir() + QStringLiteral("/runs");
}

QString Workspace::cacheDir() const
{
    return stateDir() + QStringLiteral("/cache");
}

QString Workspace::reportsDir() const
{
    return stateDir() + QStringLiteral("/reports");
}

QList<ComponentInfo> Workspace::components() const
{
    QList<ComponentInfo> result;
    const QDir src(m_root + QStringLiteral("/src"));
    const QStringList dirs = src.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : dirs) {
        if (!isValidComponentName(name) || !QFileInfo::exists(initPath(name)))
            continue;
        result.append(component(name));
    }
    return result;
}

ComponentInfo Workspace::component(const QString &name) const
{
    ComponentInfo info;
    info.name = name;
    info.initPath = initPath(name);
    info.hasTests = QFileInfo(testsDir(name)).isDir();
    info.hasSpec = QFileInfo(specPath(name)).isFile();
    QFile file(info.initPath);
    if (!file.open(QIODevice::ReadOnly)) {
        info.problem = QStringLiteral("%1: %2").arg(info.initPath, file.errorString());
        return info;
    }
    const QString source = QString::fromUtf8(file.readAll());
    info.stage = readAssignment(source, QStringLiteral("__maturity__")).value_or(QString());
    info.version = readAssignment(source, QStringLiteral("__version__")).value_or(QString());
    if (info.stage.isEmpty())
        info.problem =
            QStringLiteral("%1 has no __maturity__ = \"<stage>\" line").arg(info.initPath);
    return info;
}

bool Workspace::contains(const QString &path) const
{
    const QString absolute = QDir::cleanPath(QDir(m_root).absoluteFilePath(path));
    return absolute == m_root || absolute.startsWith(m_root + QLatin1Char('/'));
}

bool Workspace::containsResolved(const QString &path) const
{
    // Resolve symlinks of the longest existing prefix; what does not exist yet cannot be a
    // link.
    QString existing = QDir::cleanPath(QDir(m_root).absoluteFilePath(path));
    QString rest;
    while (!existing.isEmpty() && !QFileInfo::exists(existing)) {
        const qsizetype slash = existing.lastIndexOf(QLatin1Char('/'));
        if (slash <= 0)
            return false;
        rest = existing.mid(slash) + rest;
        existing = existing.left(slash);
    }
    const QString root = QFileInfo(m_root).canonicalFilePath();
    const QString resolved = QFileInfo(existing).canonicalFilePath() + rest;
    return !root.isEmpty() && (resolved == root || resolved.startsWith(root + QLatin1Char('/')));
}

QString Workspace::resolve(const QString &relative) const
{
    const QString absolute = QDir::cleanPath(QDir(m_root).absoluteFilePath(relative));
    return contains(absolute) ? absolute : QString();
}

bool Workspace::isValidComponentName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return re.match(name).hasMatch();
}

std::optional<QString> Workspace::readAssignment(const QString &source, const QString &name)
{
    const QRegularExpression re(
        QStringLiteral("^%1\\s*(?::\\s*str\\s*)?=\\s*(['\"])([^'\"\\n]*)\\1")
            .arg(QRegularExpression::escape(name)),
        QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = re.match(source);
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(2);
}

} // namespace Promotion
