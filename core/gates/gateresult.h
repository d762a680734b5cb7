// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Promotion {

enum class GateStatus
{
    Pending,
    Running,
    Passed,
    Failed,           //!< ran, and the measured value misses the threshold
    Error,            //!< could not be measured: tool missing, crashed, unparsable output
    Skipped,          //!< skipped on purpose (--skip-quality-gates), with a reason
    NeedsAttestation, //!< no tool or data source: a person has to attest
    Cancelled,
};

QString gateStatusName(GateStatus status);
GateStatus gateStatusFromName(const QString &name);
/*! Passed, or attested by a person. */
bool gateStatusIsSuccess(GateStatus status);
bool gateStatusIsFinal(GateStatus status);

/*! \brief A person's word for a gate no tool can measure, with who and when. */
struct Attestation
{
    QString identity;
    QDateTime when;
    QString note;
    QJsonObject toJson() const;
    static Attestation fromJson(const QJsonObject &o);
};

/*!
 * \brief The outcome of one quality gate, with the evidence behind it.
 */
struct GateResult
{
    QString id;
    QString title;
    QString kind;   //!< command, derived, files_exist, metric, attestation
    QString tool;   //!< argv[0], or the data source type
    QString format; //!< parser used
    GateStatus status = GateStatus::Pending;
    std::optional<double> measured;
    QString measuredText; //!< e.g. "83.4 %", "2 findings", "41 of 41 passed"
    std::optional<double> threshold;
    QString thresholdText; //!< e.g. "≥ 70 %", "≤ 0 findings"
    QString message;       //!< why it failed, or a short detail
    QStringList argv;
    QString toolVersion;
    QString outputSha256;
    int exitCode = -1;
    qint64 durationMs = 0;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString logFile;     //!< artifacts-relative file holding the captured output
    QJsonObject details; //!< parser-specific numbers (test counts, coverage lines, findings)
    std::optional<Attestation> attestation;

    bool succeeded() const { return gateStatusIsSuccess(status); }
    QJsonObject toJson() const;
    static GateResult fromJson(const QJsonObject &o);
};

} // namespace Promotion

Q_DECLARE_METATYPE(Promotion::GateResult)
