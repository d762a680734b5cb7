// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportsummary.h"

#include "promotionreport.h"

#include <algorithm>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

namespace Promotion {

namespace {

const QLatin1String kFollowUpSuffixes[] = {QLatin1String(".followup.json"),
                                           QLatin1String(".follow-up.json")};

QDateTime parseTime(const QJsonValue &v)
{
    const QString s = v.toString();
    if (s.isEmpty())
        return {};
    return QDateTime::fromString(s, Qt::ISODateWithMs);
}

std::optional<double> number(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble();
    return std::nullopt;
}

} // namespace

QDateTime ReportSummary::when() const
{
    if (startedAt.isValid())
        return startedAt;
    QDateTime t(QDate::fromString(date, Qt::ISODate), QTime(0, 0), QTimeZone::utc());
    return t;
}

const ReportGateFigure *ReportSummary::gate(const QString &id) const
{
    for (const ReportGateFigure &g : gates) {
        if (g.id == id)
            return &g;
    }
    return nullptr;
}

QJsonObject ReportSummary::toJson() const
{
    QJsonObject o{{QStringLiteral("path"), path},
                  {QStringLiteral("run_id"), runId},
                  {QStringLiteral("component"), component},
                  {QStringLiteral("from_stage"), fromStage},
                  {QStringLiteral("to_stage"), toStage},
                  {QStringLiteral("date"), date},
                  {QStringLiteral("outcome"), runOutcomeName(outcome)},
                  {QStringLiteral("dry_run"), dryRun}};
    if (coverage)
        o.insert(QStringLiteral("coverage"), *coverage);
    if (durationMs >= 0)
        o.insert(QStringLiteral("duration_ms"), durationMs);
    if (!approvers.isEmpty())
        o.insert(QStringLiteral("approvers"), QJsonArray::fromStringList(approvers));
    if (!issueUrl.isEmpty())
        o.insert(QStringLiteral("issue_url"), issueUrl);
    if (!followUpPath.isEmpty())
        o.insert(QStringLiteral("follow_up"),
                 QJsonObject{{QStringLiteral("path"), followUpPath},
                             {QStringLiteral("status"), followUpStatus}});
    if (!problem.isEmpty())
        o.insert(QStringLiteral("problem"), problem);
    return o;
}

std::optional<QJsonObject> ReportReader::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return parse(file.readAll(), path, error);
}

std::optional<QJsonObject> ReportReader::parse(const QByteArray &bytes, const QString &path,
                                               QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, why);
        return std::nullopt;
    };
    // Without copying the file: the first character that is not white space.
    const auto firstChar = std::find_if(bytes.cbegin(), bytes.cend(), [](char c) {
        return c != ' ' && c != '\n' && c != '\r' && c != '\t';
    });
    if (firstChar == bytes.cend())
        return fail(QStringLiteral("empty file"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // A parser that ran off the end of the data met a file cut short (a copy or a
        // checkout interrupted), not a file that never was JSON.
        const QByteArray rest = bytes.mid(parseError.offset).trimmed();
        const bool startsLikeJson = *firstChar == '{';
        const bool ranOffTheEnd = rest.isEmpty() ||
                                  // one partial token at the very end ("55.", "tru")
                                  (rest.size() <= 16 && !rest.contains(' ') &&
                                   !rest.contains('\n') && !rest.contains('\t'));
        if (startsLikeJson && ranOffTheEnd)
            return fail(QStringLiteral("truncated: the JSON ends after %1 bytes (%2)")
                            .arg(bytes.size())
                            .arg(parseError.errorString()));
        return fail(QStringLiteral("not JSON: %1 at byte %2")
                        .arg(parseError.errorString())
                        .arg(parseError.offset));
    }
    if (!doc.isObject())
        return fail(QStringLiteral("not a promotion report (the JSON is not an object)"));
    QJsonObject o = doc.object();
    const int schema = o.value(QStringLiteral("schema_version")).toInt(0);
    if (schema > PromotionReport::kSchemaVersion)
        return fail(QStringLiteral("schema_version %1 is newer than this version reads (%2): "
                                   "update Promotion Console")
                        .arg(schema)
                        .arg(PromotionReport::kSchemaVersion));
    if (!o.contains(QStringLiteral("component")) || !o.contains(QStringLiteral("to_stage")))
        return fail(QStringLiteral("not a promotion report (no component/to_stage)"));
    return o;
}

ReportSummary ReportReader::summarize(const QString &path, const QJsonObject &r)
{
    ReportSummary s;
    s.path = path;
    s.runId = r.value(QStringLiteral("run_id")).toString();
    s.component = r.value(QStringLiteral("component")).toString();
    s.fromStage = r.value(QStringLiteral("from_stage")).toString();
    s.toStage = r.value(QStringLiteral("to_stage")).toString();
    s.date = r.value(QStringLiteral("date")).toString();
    s.startedAt = parseTime(r.value(QStringLiteral("started_at")));
    s.finishedAt = parseTime(r.value(QStringLiteral("finished_at")));
    s.outcome = runOutcomeFromName(r.value(QStringLiteral("outcome")).toString());
    s.dryRun = r.value(QStringLiteral("dry_run")).toBool();
    s.schemaVersion = r.value(QStringLiteral("schema_version")).toInt(0);
    s.promoter = r.value(QStringLiteral("promoter")).toString();
    s.version = r.value(QStringLiteral("version")).toString();
    s.outcomeSummary = r.value(QStringLiteral("outcome_summary")).toString();
    s.contentSha256 = r.value(QStringLiteral("content_sha256")).toString();
    s.previousSha256 = r.value(QStringLiteral("previous_report_sha256")).toString();
    if (r.contains(QStringLiteral("duration_ms")))
        s.durationMs = qint64(r.value(QStringLiteral("duration_ms")).toDouble());
    if (s.durationMs <= 0 && s.startedAt.isValid() && s.finishedAt.isValid())
        s.durationMs = s.startedAt.msecsTo(s.finishedAt);

    QStringList words{s.component, s.fromStage, s.toStage, runOutcomeName(s.outcome),
                      s.promoter,  s.version,   s.outcomeSummary, s.runId, s.date};
    const QJsonObject gates = r.value(QStringLiteral("quality_gates")).toObject();
    if (gates.contains(QStringLiteral("coverage_percent")))
        s.coverage = gates.value(QStringLiteral("coverage_percent")).toDouble();
    for (const QJsonValue &v : gates.value(QStringLiteral("gates")).toArray()) {
        const QJsonObject g = v.toObject();
        ReportGateFigure f;
        f.id = g.value(QStringLiteral("id")).toString();
        f.title = g.value(QStringLiteral("title")).toString();
        f.status = g.value(QStringLiteral("status")).toString();
        f.measured = number(g.value(QStringLiteral("measured")));
        f.threshold = number(g.value(QStringLiteral("threshold")));
        f.durationMs = qint64(g.value(QStringLiteral("duration_ms")).toDouble());
        words << f.id << f.title << g.value(QStringLiteral("message")).toString()
              << g.value(QStringLiteral("measured_text")).toString();
        s.gates.append(f);
    }
    for (const QJsonValue &v : r.value(QStringLiteral("approvals")).toArray()) {
        const QJsonObject a = v.toObject();
        const QString who = a.value(QStringLiteral("identity")).toString();
        if (!a.value(QStringLiteral("approved")).toBool() || who.isEmpty())
            continue;
        s.approvers.append(
            QStringLiteral("%1: %2").arg(a.value(QStringLiteral("role")).toString(), who));
        words << who;
    }
    const QJsonObject tracking = r.value(QStringLiteral("tracking")).toObject();
    s.issueUrl = tracking.value(QStringLiteral("url")).toString();
    words << s.issueUrl;
    for (const QJsonValue &v : r.value(QStringLiteral("blockers")).toArray())
        words << v.toString();
    for (const QJsonValue &v : r.value(QStringLiteral("warnings")).toArray())
        words << v.toString();
    s.searchText = words.join(QLatin1Char('\n')).toLower();
    s.whenMs = s.when().toMSecsSinceEpoch();
    return s;
}

ReportSummary ReportReader::read(const QString &path)
{
    QString error;
    const std::optional<QJsonObject> report = load(path, &error);
    if (!report) {
        ReportSummary bad;
        bad.path = path;
        bad.problem = error;
        bad.searchText = QFileInfo(path).fileName().toLower() + QLatin1Char('\n') + error.toLower();
        return bad;
    }
    return summarize(path, *report);
}

bool ReportReader::isFollowUpFile(const QString &fileName)
{
    for (const QLatin1String &suffix : kFollowUpSuffixes) {
        if (fileName.endsWith(suffix))
            return true;
    }
    return false;
}

QString ReportReader::reportOfFollowUp(const QString &fileName)
{
    for (const QLatin1String &suffix : kFollowUpSuffixes) {
        if (fileName.endsWith(suffix))
            return fileName.chopped(suffix.size()) + QStringLiteral(".json");
    }
    return {};
}

void ReportReader::joinFollowUp(ReportSummary &summary, const QString &followUpPath)
{
    summary.followUpPath = followUpPath;
    QString error;
    QFile file(followUpPath);
    if (!file.open(QIODevice::ReadOnly)) {
        summary.followUpStatus = QStringLiteral("unreadable");
        return;
    }
    // Tolerant: the record's schema is young; take the first status-like field there is.
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    for (const char *key : {"outcome", "status", "result"}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isString() && !v.toString().isEmpty()) {
            summary.followUpStatus = v.toString();
            break;
        }
        if (v.isBool()) {
            summary.followUpStatus = v.toBool() ? QStringLiteral("passed") : QStringLiteral("failed");
            break;
        }
    }
    if (o.isEmpty())
        summary.followUpStatus = QStringLiteral("unreadable");
    if (!summary.followUpStatus.isEmpty())
        summary.searchText += QStringLiteral("\nfollow-up ") + summary.followUpStatus.toLower();
}

} // namespace Promotion
