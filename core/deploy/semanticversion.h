// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <QString>

namespace Promotion {

enum class VersionBump
{
    None,
    Patch,
    Minor,
    Major
};

/*!
 * \brief Bumps MAJOR.MINOR.PATCH versions the way `npm version` does.
 *
 * Accepted: "1.2.3", optionally followed by a semver pre-release ("-rc.1",
 * "-beta") or a PEP 440 pre-release ("a1", "b2", "rc1", ".dev0", "rc1.dev3"),
 * optionally followed by build or local metadata ("+abc.5"). Anything else
 * ("1.2", "v1.2.3", "1.2.3.post1") is refused rather than guessed at.
 *
 * Rules (build/local metadata is always dropped):
 * - patch: 1.2.3 -> 1.2.4; a pre-release is released as is: 1.2.3-rc.1 -> 1.2.3
 * - minor: 1.2.3 -> 1.3.0; 1.3.0-rc.1 -> 1.3.0; 1.2.3-rc.1 -> 1.3.0
 * - major: 1.2.3 -> 2.0.0; 2.0.0-rc.1 -> 2.0.0; 1.2.0-rc.1 -> 2.0.0
 * - none: unchanged, and never refused.
 */
class SemanticVersion final
{
public:
    static std::optional<QString> bump(const QString &version, VersionBump how, QString *error);

    /*! "none", "patch", "minor", "major" (policy metadata.version_bump). */
    static std::optional<VersionBump> parseBump(const QString &text);
    static QString bumpName(VersionBump how);
};

} // namespace Promotion
