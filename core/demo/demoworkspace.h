// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Promotion {

/*!
 * \brief The small Python repository embedded in the binary, copied out so a
 * new user can try a real promotion without touching their own code.
 */
class DemoWorkspace final
{
public:
    /*!
     * Copy the embedded demo into \a targetDir (created; must be empty or absent),
     * make scripts executable, give the copy a demo-service port of its own (see
     * port()), then `git init` and commit it so the workspace has history like a
     * real repository. Returns an empty string on success, otherwise a message
     * saying what failed and what to do.
     */
    static QString extractTo(const QString &targetDir);

    /*!
     * The port of the demo service of the workspace at \a workspaceDir: the default
     * of PROMOTION_DEMO_PORT in the `environment:` section of its promotion.yaml
     * (`"{env:PROMOTION_DEMO_PORT:NNNNN}"`), which extractTo() sets to a port free
     * when the copy is made, so copies never share a service; kDefaultPort when the
     * file names none. An exported PROMOTION_DEMO_PORT still wins at run time.
     */
    static quint16 port(const QString &workspaceDir);

    /*!
     * A loopback port nothing listens on now, for a new copy's service: one of
     * 18556..19555 (outside the kernel's range for outgoing connections, which
     * could take it later), else any free port; 0 when none can be bound.
     */
    static quint16 pickFreePort();

    /*! The port the embedded demo names, used by copies made before ports were per copy. */
    static constexpr quint16 kDefaultPort = 18555;

    /*! A new directory under the system temp dir for a demo copy. */
    static QString createTemporaryLocation();

    /*! Relative paths of every embedded file, sorted. */
    static QStringList files();
};

} // namespace Promotion
