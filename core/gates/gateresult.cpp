// SPDX-License-Identifier: GPL-3.0-or-later
#include "gateresult.h"

#include <QJsonArray>

namespace Promotion {

namespace {
struct StatusName
{
    GateStatus status;
    const char *name;
};
constexpr StatusName kNames[] = {
    {GateStatus::Pending, "pending"},
    {GateStatus::Running, "running"},
    {GateStatus::Passed, "passed"},
    {GateStatus::Failed, "failed"},
    {GateStatus::Error, "error"},
    {GateStatus::Skipped, "skipped"},
    {GateStatus::NeedsAttestation, "needs_attestation"},
    {GateStatus::Cancelled, "cancelled"},
};

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}
QDateTime parseTime(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}
} // namespace

QString gateStatusName(GateStatus status)
{
    for (const StatusName &n : kNames) {
        if (n.status == status)
            return QLatin1String(n.name);
    }
    return QStringLiteral("pending");
}

GateStatus gateStatusFromName(const QString &name)
{
    for (const StatusName &n : kNames) {
        if (name == QLatin1String(n.name))
            return n.status;
    }
    return GateStatus::Pending;
}

bool gateStatusIsSuccess(GateStatus status)
{
    return status == GateStatus::Passed;
}

bool gateStatusIsFinal(GateStatus status)
{
    return status != GateStatus::Pending && status != GateStatus::Running;
}

QJsonObject Attestation::toJson() const
{
    return {{QStringLiteral("identity"), identity},
            {QStringLiteral("time"), isoTime(when)},
            {QStringLiteral("note"), note}};
}

Attestation Attestation::fromJson(const QJsonObject &o)
{
    return {o.value(QStringLiteral("identity")).toString(),
            parseTime(o.value(QStringLiteral("time"))), o.value(QStringLiteral("note")).toString()};
}

QJsonObject GateResult::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("title"), title},
                  {QStringLiteral("kind"), kind},
                  {QStringLiteral("tool"), tool},
                  {QStringLiteral("format"), format},
                  {QStringLiteral("status"), gateStatusName(status)},
                  {QStringLiteral("measured_text"), measuredText},
                  {QStringLiteral("threshold_text"), thresholdText},
                  {QStringLiteral("message"), message},
                  {QStringLiteral("argv"), QJsonArray::fromStringList(argv)},
                  {QStringLiteral("tool_version"), toolVersion},
                  {QStringLiteral("output_sha256"), outputSha256},
                  {QStringLiteral("exit_code"), exitCode},
                  {QStringLiteral("duration_ms"), durationMs},
                  {QStringLiteral("started_at"), isoTime(startedAt)},
                  {QStringLiteral("finished_at"), isoTime(finishedAt)},
                  {QStringLiteral("log_file"), logFile},
                  {QStringLiteral("details"), details}};
    if (measured)
        o.insert(QStringLiteral("measured"), *measured);
    if (threshold)
        o.insert(QStringLiteral("threshold"), *threshold);
    if (attestation)
        o.insert(QStringLiteral("attestation"), attestation->toJson());
    return o;
}

GateResult GateResult::fromJson(const QJsonObject &o)
{
    GateResult r;
    r.id = o.value(QStringLiteral("id")).toString();
    r.title = o.value(QStringLiteral("title")).toString();
    r.kind = o.value(QStringLiteral("kind")).toString();
    r.tool = o.value(QStringLiteral("tool")).toString();
    r.format = o.value(QStringLiteral("format")).toString();
    r.status = gateStatusFromName(o.value(QStringLiteral("status")).toString());
    if (o.contains(QStringLiteral("measured")))
        r.measured = o.value(QStringLiteral("measured")).toDouble();
    r.measuredText = o.value(QStringLiteral("measured_text")).toString();
    if (o.contains(QStringLiteral("threshold")))
        r.threshold = o.value(QStringLiteral("threshold")).toDouble();
    r.thresholdText = o.value(QStringLiteral("threshold_text")).toString();
    r.message = o.value(QStringLiteral("message")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("argv")).toArray())
        r.argv.append(v.toString());
    r.toolVersion = o.value(QStringLiteral("tool_version")).toString();
    r.outputSha256 = o.value(QStringLiteral("output_sha256")).toString();
    r.exitCode = o.value(QStringLiteral("exit_code")).toInt(-1);
    r.durationMs = o.value(QStringLiteral("duration_ms")).toInteger();
    r.startedAt = parseTime(o.value(QStringLiteral("started_at")));
    r.finishedAt = parseTime(o.value(QStringLiteral("finished_at")));
    r.logFile = o.value(QStringLiteral("log_file")).toString();
    r.details = o.value(QStringLiteral("details")).toObject();
    if (o.contains(QStringLiteral("attestation")))
        r.attestation = Attestation::fromJson(o.value(QStringLiteral("attestation")).toObject());
    return r;
}

} // namespace Promotion
