// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/runstate.h"

#include <QJsonObject>

namespace Promotion {

/*!
 * \brief The promotion report: the seed's JSON schema plus the evidence a
 * reviewer needs (schema_version, run id, times, durations, tool versions,
 * argv, output digests, approvals, overrides, dry_run).
 */
class PromotionReport final
{
public:
    static constexpr int kSchemaVersion = 1;

    static QJsonObject build(const RunState &state);
    /*! `<yyyy-MM-dd>-<component>-<to>.json`, with -2, -3 … when taken in \a dir. */
    static QString uniqueFileName(const QString &dir, const RunState &state);
    /*! Atomic write (QSaveFile); creates the directory. */
    static bool write(const QString &path, const QJsonObject &report, QString *error);
};

} // namespace Promotion
