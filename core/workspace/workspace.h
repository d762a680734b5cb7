// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <QList>
#include <QString>

namespace Promotion {

/*!
 * \brief What the workspace says about one component, read from disk.
 */
struct ComponentInfo
{
    QString name;
    QString stage;   //!< value of __maturity__, empty when absent
    QString version; //!< value of __version__, empty when absent
    QString initPath;
    bool hasTests = false;
    bool hasSpec = false;
    QString problem; //!< a human-readable reason the component cannot be read, if any
};

/*!
 * \brief A repository laid out the way the promotion workflow expects:
 * src/{component}/__init__.py, tests/{component}/, specs/{component}.md.
 */
class Workspace final
{
public:
    explicit Workspace(const QString &root);

    QString root() const { return m_root; }
    bool exists() const;

    QString componentDir(const QString &component) const;
    QString testsDir(const QString &component) const;
    QString specPath(const QString &component) const;
    QString initPath(const QString &component) const;
    QString policyPath() const;
    QString stateDir() const;   //!< .promotion
    QString runsDir() const;    //!< .promotion/runs
    QString reportsDir() const; //!< .promotion/reports
    QString cacheDir() const;   //!< .promotion/cache: the tools' caches, kept between runs

    /*! All directories under src/ that are Python packages, sorted by name. */
    QList<ComponentInfo> components() const;
    ComponentInfo component(const QString &name) const;

    /*! True when \a path, after resolving "..", lies inside the workspace root. */
    bool contains(const QString &path) const;
    /*! Like contains(), with symlinks resolved: false when \a path leads outside. */
    bool containsResolved(const QString &path) const;
    /*! Resolve \a relative against the root; empty when it would escape the workspace. */
    QString resolve(const QString &relative) const;

    static bool isValidComponentName(const QString &name);
    /*! Value of a top-level `name = "value"` assignment in Python source. */
    static std::optional<QString> readAssignment(const QString &source, const QString &name);

private:
    QString m_root;
};

} // namespace Promotion
