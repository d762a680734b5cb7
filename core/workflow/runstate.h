// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gates/gateresult.h"

#include <array>
#include <optional>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Promotion {

/*! The six steps of the seed workflow, in order. */
enum class StepId
{
    Validate = 0,
    QualityGates,
    Criteria,
    Tracking,
    Execute,
    PostValidation
};
constexpr int kStepCount = 6;
QString stepTitle(StepId step);
QString stepKey(StepId step);

enum class StepStatus
{
    Pending,
    Running,
    Passed,
    Failed,
    Skipped
};
QString stepStatusName(StepStatus status);
StepStatus stepStatusFromName(const QString &name);

/*! \brief What the user asked for: the inputs of the seed workflow. */
struct PromotionRequest
{
    QString workspace;
    QString component;
    QString from; //!< expected current stage; empty: take __maturity__
    QString to;
    QString spec; //!< empty: specs/{component}.md
    bool dryRun = false;
    bool skipQualityGates = false;
    QString skipReason;
    QMap<QString, QString> approvals;    //!< role -> identity, supplied up front (CLI)
    QMap<QString, QString> attestations; //!< gate id -> identity (CLI)
    bool acceptAllCriteria = false;
    QSet<QString> acceptedCriteria;
    QString promoter;   //!< identity of the person running it; empty: from git
    QString reportPath; //!< extra copy of the report

    QJsonObject toJson() const;
    static PromotionRequest fromJson(const QJsonObject &o);
};

struct StepState
{
    StepStatus status = StepStatus::Pending;
    QDateTime startedAt;
    QDateTime finishedAt;
    qint64 durationMs = 0;
    QString summary;
};

/*! \brief One line of a checklist the engine proves itself (step 1, step 6). */
struct CheckItem
{
    QString id;
    QString text;
    bool passed = false;
    QString detail;
};

struct CriterionState
{
    QString id;
    QString text;
    bool required = true;
    bool checked = false;
    bool automatic = false; //!< proven by evidence, not ticked by a person
    QString evidence;       //!< what proves it, or who ticked it
    QStringList provenBy;
    QString identity;
    QDateTime when;
};

struct ApprovalState
{
    QString role;
    QString title;
    bool approved = false;
    QString identity;
    QDateTime when;
};

/*! \brief A side effect: done, or (dry run) what would have been done. */
struct EffectRecord
{
    QString kind; //!< file, command, issue, ai_context, rollback
    QString description;
    QStringList argv;
    QString path;
    bool performed = false; //!< false in dry run: "would do"
    bool ok = true;
    QString result;
    qint64 durationMs = 0;
    QString outputSha256;
    QDateTime when;
};

struct HealthSampleRecord
{
    qint64 elapsedMs = 0;
    bool healthy = false;
    int httpStatus = 0;
    double errorRatePercent = 0;
    double p95Ms = 0;
    double requests = 0;
    QString note;
};

struct ValidationState
{
    QList<CheckItem> checks; //!< smoke tests, health, status, window
    bool baselineAvailable = false;
    double baselineErrorRatePercent = 0;
    double baselineP95Ms = 0;
    QString baselineNote;
    QList<HealthSampleRecord> samples;
    QString triggerKind; //!< error_rate, latency_degradation, health_check; empty: none fired
    double triggerMeasured = 0;
    double triggerThreshold = 0;
    QString triggerMessage;
    bool rolledBack = false;
    QString rollbackReason;
};

struct OverrideRecord
{
    QString item;
    QString reason;
    QString identity;
    QDateTime when;
};

/*!
 * \brief Everything a promotion run knows. The journal writes it after every
 * change; the report and the wizard are views of it.
 */
struct RunState
{
    static constexpr int kSchemaVersion = 1;

    QString runId;
    PromotionRequest request;
    QString promoter;
    QString currentStage; //!< read from __maturity__
    QString version;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString outcome = QStringLiteral(
        "running"); //!< running, promoted, dry_run_passed, blocked, failed, rolled_back, cancelled
    int exitCode = -1;
    std::array<StepState, kStepCount> steps;

    QList<CheckItem> validationChecks;
    QList<GateResult> gates;
    QMap<QString, QString> toolVersions;
    std::optional<double> coverage;
    QList<CriterionState> criteria;
    QList<ApprovalState> approvals;
    QString issueTitle;
    QString issueBody;
    QStringList labels;
    QString issueUrl;
    QString metadataDiff;
    QList<EffectRecord> effects;
    bool deploymentSuccess = false;
    QString deployedVersion;
    ValidationState validation;
    QList<OverrideRecord> overrides;
    QStringList blockers;

    StepState &step(StepId id) { return steps[static_cast<size_t>(id)]; }
    const StepState &step(StepId id) const { return steps[static_cast<size_t>(id)]; }
    GateResult *gate(const QString &id);
    const GateResult *gate(const QString &id) const;
    /*! First step that has not passed or been skipped; kStepCount when all are done. */
    int nextStepIndex() const;

    QJsonObject toJson() const;
    static RunState fromJson(const QJsonObject &o);
};

} // namespace Promotion

Q_DECLARE_METATYPE(Promotion::StepId)
Q_DECLARE_METATYPE(Promotion::StepStatus)
Q_DECLARE_METATYPE(Promotion::HealthSampleRecord)
