// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <QString>
#include <QVariantMap>

namespace Promotion {

/*!
 * \brief A small mustache-like text template with single braces.
 *
 * - `{name}` is replaced by the value of \c name (a QString, or a number).
 * - `{#name}...{/name}` renders its body once per element when \c name is a
 *   list of maps (each map's keys shadow the outer ones), once when it is
 *   \c true, a non-empty string or a map, and not at all otherwise.
 * - `{^name}...{/name}` renders its body once when \c name is false, an empty
 *   string or an empty list.
 * - `{! comment}` renders nothing.
 * - A line holding only a section tag or a comment disappears entirely,
 *   newline included, so templates stay readable.
 * - Any other brace ("{", "{ x }", "{1}") is literal text, and substituted
 *   values are never parsed again.
 *
 * An unknown name, an unclosed or mismatched section is an error naming the
 * template line.
 */
class TextTemplate final
{
public:
    static std::optional<QString> render(const QString &templateText, const QVariantMap &context,
                                         QString *error);
};

} // namespace Promotion
