// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/metadatainput.h"

#include <optional>
#include <QString>

namespace Promotion {

/*!
 * \brief Edits a package's __init__.py source for a promotion (seed step 5), as text.
 *
 * - `__maturity__ = "<stage>"`: every top-level assignment of a string literal
 *   gets the new value, keeping its quotes, annotation and trailing comment.
 *   When there is none, one is added after the `__version__` statement with
 *   that statement's quote style, or at the end of the file without one.
 *   A top-level `__maturity__` that is not a string literal is an error.
 * - `__version__` is bumped with SemanticVersion when \c versionBump is not None
 *   (an error if there is no string-literal `__version__`).
 * - The module docstring's "Maturity Stage:", "Coverage:" and "Last Updated:"
 *   lines get new values (Coverage only when coverage is known). Missing ones
 *   are added next to the ones present, or as a final paragraph; a one-line
 *   docstring becomes a multi-line one. Without a module docstring the seed's
 *   docstring is inserted before the first statement (after leading comments).
 *
 * Line endings, indentation and everything else are kept. The scan knows
 * strings, brackets and backslash continuations, so text inside other
 * strings is never mistaken for an assignment.
 */
class PythonModuleMetadata final
{
public:
    /*! \a error gets "line N: reason" on failure. */
    static std::optional<QString> update(const QString &source, const MetadataInput &input,
                                         QString *error);

    /*! "agent_orchestration" -> "Agent Orchestration", the seed's "{Component Name}". */
    static QString componentTitle(const QString &component);
    /*! "85.3%" (one decimal, ".0" dropped) or "not measured". */
    static QString coverageText(std::optional<double> coverage);
};

} // namespace Promotion
