// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Promotion {

/*!
 * \brief Substitutes placeholders in one command argument at a time.
 *
 * Commands are argv lists, never shell strings, so a placeholder expands to
 * exactly one piece of one argument: a value with spaces or quotes stays
 * inside its argument and nothing is ever interpreted by a shell.
 *
 * Syntax:
 * - `{name}` where name is one of knownPlaceholders() or a key of the
 *   variables passed in (`{workspace}`, `{component}`, `{from_stage}`,
 *   `{to_stage}`, `{stage}`, `{artifacts}`, `{run_id}`, `{date}`,
 *   `{coverage}`, `{version}`);
 * - `{env:NAME}` takes NAME from the given environment; it is an error when
 *   NAME is unset;
 * - `{env:NAME:default}` takes NAME, or `default` when NAME is unset or empty
 *   (like the shell's `${NAME:-default}`); the default runs to the next `}`;
 * - `{{` and `}}` are a literal `{` and `}`.
 *
 * Anything else (an unknown name, a known name without a value, a lone brace)
 * is an error whose message names the placeholder and the argument.
 */
class ArgvTemplate final
{
public:
    /*! The result of expanding one argument: a value, or an error. */
    struct Expanded
    {
        QString value;
        QString error; //!< empty on success
        bool ok() const { return error.isEmpty(); }
    };

    /*! The result of expanding an argv list: all values, or the first error. */
    struct ExpandedList
    {
        QStringList values;
        QString error;       //!< empty on success
        int errorIndex = -1; //!< index of the argument that failed, -1 on success
        bool ok() const { return error.isEmpty(); }
    };

    /*! The placeholder names the policy documents, without braces. */
    static QStringList knownPlaceholders();

    static Expanded expand(const QString &arg, const QHash<QString, QString> &vars,
                           const QProcessEnvironment &env);
    static ExpandedList expandAll(const QStringList &args, const QHash<QString, QString> &vars,
                                  const QProcessEnvironment &env);

    /*! Names (without braces, `env:` ones excluded) that \a arg refers to; errors are ignored. */
    static QStringList referencedPlaceholders(const QString &arg);
};

} // namespace Promotion
