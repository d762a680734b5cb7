// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Promotion {

/*!
 * \brief What changed between two promotion reports (A the older or first chosen, B the
 * other): outcome, blockers and failure reasons first, then gate values with their deltas
 * ("Coverage 78.2 → 83.0 %, +4.8"), criteria, tool versions, thresholds and approvers that
 * changed, and the verification window's p95 and error rate.
 */
class ReportComparison final
{
public:
    struct Side
    {
        QString title;   //!< "2024-05-01 14:03 UTC · billing · development → staging"
        QString outcome; //!< human words: "rolled back", "dry run passed"
        QString summary; //!< outcome_summary
        QStringList blockers;
        QString failureReason; //!< rollback reason or trigger, when there is one
        std::optional<double> windowP95Ms;       //!< worst sample
        std::optional<double> windowErrorRate;   //!< worst sample, percent
    };
    struct GateDelta
    {
        QString id;
        QString title;
        QString a; //!< measured text and status, "—" when absent
        QString b;
        QString statusA;
        QString statusB;
        std::optional<double> measuredA;
        std::optional<double> measuredB;
        QString delta; //!< "+4.8", "−2", or empty
        bool changed = false;
        /*! "Coverage 78.2 → 83.0 %, +4.8" */
        QString line() const;
    };

    Side a;
    Side b;
    QList<GateDelta> gates;
    QStringList criteriaChanged;
    QStringList toolVersionsChanged;
    QStringList thresholdsChanged;
    QStringList approversChanged;
    QStringList windowChanged;

    static ReportComparison compare(const QJsonObject &a, const QJsonObject &b);
    /*! Human words for a gate status ("needs attestation", not needs_attestation). */
    static QString statusText(const QString &status);
    /*! "2024-05-01 14:03 UTC · billing · development → staging · dry run" */
    static QString title(const QJsonObject &report);
    static QString outcomeText(const QString &outcomeName);
    /*! The comparison as Markdown (the export, and the CLI). */
    QString markdown() const;
};

} // namespace Promotion
