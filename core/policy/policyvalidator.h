// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policyerror.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Promotion {

class PolicyNode;

/*!
 * \brief Checks policy trees against the promotion.yaml schema.
 *
 * Two passes, both collecting every error rather than stopping at the first:
 * checkDocument() looks at one file on its own (known keys, types, ranges,
 * allowed values, placeholders), so its line numbers point into that file;
 * checkMerged() looks at the built-in default with the user's file merged
 * over it (required keys, unique ids, references between stages, gates,
 * criteria and roles). Each node carries the file it came from, so an error
 * in the merged tree still points at the user's text when the user wrote it.
 */
class PolicyValidator final
{
public:
    /*! Schema checks of one document, \a root being its top-level node. */
    static void checkDocument(const PolicyNode &root, QList<PolicyError> *errors);

    /*!
     * Completeness and cross-reference checks of the merged tree. Errors at
     * nodes from \a builtinFile get a hint to override them in \a userFile
     * (when not empty).
     */
    static void checkMerged(const PolicyNode &root, const QString &builtinFile,
                            const QString &userFile, QList<PolicyError> *errors);

    /*!
     * Problems with the placeholders in \a text, one message each; empty when
     * every `{...}` is a known placeholder. Same syntax as ArgvTemplate:
     * `{name}`, `{env:NAME}`, `{env:NAME:default}`, `{{` and `}}` for braces.
     */
    static QStringList placeholderProblems(const QString &text);

    /*!
     * Why \a text, a path setting (result_file, source.path, files_exist paths),
     * could lead outside the workspace or the run's artifacts: an absolute path or
     * a '..' that climbs out of its base. Empty when it stays inside, as far as can
     * be told before placeholders are expanded (symlinks are checked at run start).
     */
    static QString pathProblem(const QString &text);
    /*! The candidate \a word was most likely meant to be, or an empty string. */
    static QString closestMatch(const QString &word, const QStringList &candidates);

    /*! Allowed values of the enumerated settings. */
    static QStringList gateKinds();
    static QStringList resultFormats();
    static QStringList pythonRunners();
    static QStringList versionBumps();
    static QStringList dataSourceTypes();
};

} // namespace Promotion
