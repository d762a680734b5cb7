// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy.h"
#include "policyerror.h"

#include <optional>
#include <QByteArray>
#include <QList>
#include <QString>

namespace Promotion {

/*! \brief A loaded policy, or every reason it was refused (never both). */
struct PolicyLoadResult
{
    std::optional<Policy> policy; //!< set only when errors is empty
    QList<PolicyError> errors;

    bool ok() const { return policy.has_value(); }
    /*! One PolicyError::toString() per line. */
    QString errorString() const { return policyErrorsToString(errors); }
};

/*!
 * \brief Reads the promotion policy: the built-in default (the seed workflow)
 * with the workspace's promotion.yaml merged over it.
 *
 * Merge rules: maps merge key by key (recursively), lists and single values
 * replace, and a key left empty where the default has a map changes nothing.
 * The user's file is checked on its own first (unknown keys with a "did you
 * mean", types, ranges, allowed values, placeholder names), then the merged
 * result (required keys, unique ids, references between stages, gates,
 * criteria and roles). Every error is collected with file, line, column and
 * key path; any error means no policy, so nothing runs on a bad one.
 */
class PolicyLoader final
{
public:
    /*! "promotion.yaml", looked for at the workspace root. */
    static QString policyFileName();
    /*! The resource path of the built-in default, also used as its file name in errors. */
    static QString builtinPolicyPath();
    /*! The built-in default policy's YAML text (for "show the default" and templates). */
    static QByteArray builtinPolicyYaml();

    /*! The built-in default alone. */
    static PolicyLoadResult loadDefault();
    /*!
     * The default merged with `<workspaceRoot>/promotion.yaml` when that file
     * exists; the default alone otherwise.
     */
    static PolicyLoadResult loadForWorkspace(const QString &workspaceRoot);
    /*! The default merged with the policy file at \a path (which must exist). */
    static PolicyLoadResult loadFromFile(const QString &path);
    /*! The default merged with \a yaml; \a fileName names it in errors and Policy::sourceFile. */
    static PolicyLoadResult loadFromString(const QByteArray &yaml, const QString &fileName);
};

} // namespace Promotion
