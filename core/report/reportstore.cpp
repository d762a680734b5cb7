// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportstore.h"

#include "common/jsonfile.h"

#include <algorithm>
#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace Promotion {

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
    if (!problem.isEmpty())
        o.insert(QStringLiteral("problem"), problem);
    return o;
}

ReportStore::ReportStore(const QString &reportsDir)
    : m_dir(reportsDir)
{
}

std::optional<QJsonObject> ReportStore::load(const QString &path, QString *error)
{
    std::optional<QJsonObject> o = JsonFile::readObject(path, error);
    if (!o && error)
        error->replace(QStringLiteral("not a JSON object"),
                       QStringLiteral("not a promotion report"));
    if (o &&
        (!o->contains(QStringLiteral("component")) || !o->contains(QStringLiteral("to_stage")))) {
        if (error)
            *error = QStringLiteral("%1: not a promotion report (no component/to_stage)").arg(path);
        return std::nullopt;
    }
    return o;
}

ReportSummary ReportStore::summarize(const QString &path, const QJsonObject &r)
{
    ReportSummary s;
    s.path = path;
    s.runId = r.value(QStringLiteral("run_id")).toString();
    s.component = r.value(QStringLiteral("component")).toString();
    s.fromStage = r.value(QStringLiteral("from_stage")).toString();
    s.toStage = r.value(QStringLiteral("to_stage")).toString();
    s.date = r.value(QStringLiteral("date")).toString();
    s.outcome = runOutcomeFromName(r.value(QStringLiteral("outcome")).toString());
    s.dryRun = r.value(QStringLiteral("dry_run")).toBool();
    const QJsonObject gates = r.value(QStringLiteral("quality_gates")).toObject();
    if (gates.contains(QStringLiteral("coverage_percent")))
        s.coverage = gates.value(QStringLiteral("coverage_percent")).toDouble();
    return s;
}

QList<ReportSummary> ReportStore::list(const QString &component) const
{
    QList<ReportSummary> result;
    const QFileInfoList files =
        QDir(m_dir).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QFileInfo &fi : files) {
        QString error;
        const std::optional<QJsonObject> report = load(fi.filePath(), &error);
        if (!report) {
            ReportSummary bad;
            bad.path = fi.filePath();
            bad.problem = error;
            if (component.isEmpty())
                result.append(bad);
            continue;
        }
        ReportSummary s = summarize(fi.filePath(), *report);
        if (!component.isEmpty() && s.component != component)
            continue;
        result.append(s);
    }
    std::stable_sort(
        result.begin(), result.end(),
        [](const ReportSummary &a, const ReportSummary &b) { return a.date < b.date; });
    return result;
}

} // namespace Promotion
