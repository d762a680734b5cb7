// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Promotion {

/*!
 * \brief Line-based unified diff (Myers' O(ND) algorithm), as `diff -u` writes it.
 *
 * Output starts with "--- a/<pathA>" and "+++ b/<pathB>"; an empty path or
 * "/dev/null" is written as "/dev/null" (a created or deleted file). Hunks are
 * "@@ -l,s +l,s @@" with \a context lines around changes; a missing newline
 * at the end of either side is marked "\ No newline at end of file". The
 * result applies with `git apply` and `patch -p1`. Equal inputs give an empty
 * string. Lines are compared byte for byte ("\r\n" differs from "\n").
 *
 * Very different large inputs (more than 2000 differing lines after removing
 * the common head and tail) fall back to replacing the differing middle as a
 * whole: still a correct patch, just not a minimal one.
 */
class UnifiedDiff final
{
public:
    static QString diff(const QString &pathA, const QString &pathB, const QByteArray &a,
                        const QByteArray &b, int context = 3);
};

} // namespace Promotion
