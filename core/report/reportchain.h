// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reportsummary.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Promotion {

/*!
 * \brief Tamper evidence for the reports of a workspace: a hash chain.
 *
 * Every new report carries `content_sha256`, the SHA-256 of its canonical JSON (below) without
 * that field, and `previous_report_sha256`, the same digest of the report written before it in
 * the folder (empty for the first report). Reports written before the chain existed carry
 * neither and are "unchained".
 *
 * Canonical JSON: no whitespace; object keys sorted by UTF-16 code unit; strings escaped as
 * RFC 8259 requires (`"`, `\`, control characters as \uXXXX) and UTF-8 otherwise; integral
 * numbers below 2^53 without a fraction, other numbers in their shortest round-trip form.
 *
 * The chain order is the order the reports were written: finished_at (else started_at, else
 * date), then run id and file name.
 */
class ReportChain final
{
public:
    static constexpr char kContentKey[] = "content_sha256";
    static constexpr char kPreviousKey[] = "previous_report_sha256";

    static QByteArray canonicalJson(const QJsonObject &object);
    /*! SHA-256 (hex) of \a report's canonical JSON without content_sha256. */
    static QString digest(const QJsonObject &report);

    /*! \a report with previous_report_sha256 (the newest report in \a reportsDir) and
     *  content_sha256 set. Call it last, on exactly what is written. */
    static QJsonObject seal(QJsonObject report, const QString &reportsDir);
    /*! The digest of the newest report in \a reportsDir (by chain order), or empty. */
    static QString headDigest(const QString &reportsDir);

    enum class Problem
    {
        None,
        Edited,    //!< its content no longer matches its content_sha256
        Removed,   //!< the report its link names is gone
        Inserted,  //!< it is not the report the next one links to, or has no digest
        Reordered, //!< its link names a report that comes later
        Unreadable //!< the file cannot be read, so it cannot be checked
    };
    static QString problemName(Problem problem);

    struct Entry
    {
        QString path;
        QString runId;
        bool chained = false;
        Problem problem = Problem::None;
    };
    struct Verdict
    {
        bool ok = true;
        QString firstBadPath;          //!< the first report edited, removed before, inserted …
        Problem problem = Problem::None;
        QString message;               //!< one line naming the report and what happened
        QStringList unchained;         //!< written before the chain existed: not a break
        int checked = 0;               //!< chained reports whose link and digest were checked
    };
    /*! Checks every report under \a reportsDir. */
    static Verdict verify(const QString &reportsDir);
};

} // namespace Promotion
