// SPDX-License-Identifier: GPL-3.0-or-later
#include "followupcheck.h"

#include "common/jsonfile.h"
#include "health/healthmonitor.h"
#include "health/healthmonitorconfig.h"
#include "process/argvtemplate.h"
#include "report/reportstore.h"
#include "workflow/runcontext.h"
#include "workspace/workspace.h"

#include <algorithm>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMap>

namespace Promotion {

namespace {
QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t;
}

QString sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(
        QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
}
} // namespace

QJsonObject FollowUpRecord::toJson() const
{
    QJsonArray list;
    for (const CheckItem &c : checks)
        list.append(QJsonObject{{QStringLiteral("id"), c.id},
                                {QStringLiteral("text"), c.text},
                                {QStringLiteral("passed"), c.passed},
                                {QStringLiteral("detail"), c.detail}});
    return {{QStringLiteral("schema_version"), kSchemaVersion},
            {QStringLiteral("report"), reportFile},
            {QStringLiteral("report_sha256"), reportSha256},
            {QStringLiteral("run_id"), runId},
            {QStringLiteral("component"), component},
            {QStringLiteral("stage"), stage},
            {QStringLiteral("due_at"), iso(dueAt)},
            {QStringLiteral("checked_at"), iso(checkedAt)},
            {QStringLiteral("forced"), forced},
            {QStringLiteral("passed"), passed},
            {QStringLiteral("summary"), summary},
            {QStringLiteral("checks"), list}};
}

FollowUpRecord FollowUpRecord::fromJson(const QJsonObject &o)
{
    FollowUpRecord r;
    r.reportFile = o.value(QStringLiteral("report")).toString();
    r.reportSha256 = o.value(QStringLiteral("report_sha256")).toString();
    r.runId = o.value(QStringLiteral("run_id")).toString();
    r.component = o.value(QStringLiteral("component")).toString();
    r.stage = o.value(QStringLiteral("stage")).toString();
    r.dueAt = parseTime(o.value(QStringLiteral("due_at")).toString());
    r.checkedAt = parseTime(o.value(QStringLiteral("checked_at")).toString());
    r.forced = o.value(QStringLiteral("forced")).toBool();
    r.passed = o.value(QStringLiteral("passed")).toBool();
    r.summary = o.value(QStringLiteral("summary")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("checks")).toArray()) {
        const QJsonObject c = v.toObject();
        r.checks.append(CheckItem{c.value(QStringLiteral("id")).toString(),
                                  c.value(QStringLiteral("text")).toString(),
                                  c.value(QStringLiteral("passed")).toBool(),
                                  c.value(QStringLiteral("detail")).toString()});
    }
    return r;
}

FollowUpCheck::FollowUpCheck(QObject *parent)
    : QObject(parent)
    , m_health(new HealthMonitor(nullptr, this))
{
    connect(m_health, &HealthMonitor::endpointsChecked, this, &FollowUpCheck::onEndpoints);
    connect(m_health, &HealthMonitor::windowFinished, this, &FollowUpCheck::onWindow);
    connect(m_health, &HealthMonitor::sampleTaken, this, [this](const HealthSample &s) {
        QString line =
            QStringLiteral("  sample %1 s: %2")
                .arg(s.elapsedMs / 1000.0, 0, 'f', 1)
                .arg(s.healthy ? QStringLiteral("healthy") : QStringLiteral("UNHEALTHY"));
        if (s.errorRatePercent)
            line += QStringLiteral(", error rate %1 %").arg(*s.errorRatePercent, 0, 'f', 2);
        if (s.p95Ms)
            line += QStringLiteral(", p95 %1 ms").arg(*s.p95Ms, 0, 'f', 1);
        Q_EMIT progress(line);
    });
}

QString FollowUpCheck::recordsDir(const Workspace &workspace)
{
    return workspace.reportsDir() + QStringLiteral("/follow-ups");
}

QDateTime FollowUpCheck::dueAt(const QJsonObject &report)
{
    if (report.value(QStringLiteral("dry_run")).toBool() ||
        report.value(QStringLiteral("outcome")).toString() != QLatin1String("promoted"))
        return {};
    return parseTime(report.value(QStringLiteral("follow_up"))
                         .toObject()
                         .value(QStringLiteral("due_at"))
                         .toString());
}

std::optional<FollowUpRecord> FollowUpCheck::latestRecord(const Workspace &workspace,
                                                          const QString &reportPath)
{
    const QString base = QFileInfo(reportPath).completeBaseName();
    const QFileInfoList files =
        QDir(recordsDir(workspace))
            .entryInfoList({base + QStringLiteral(".*.json")}, QDir::Files, QDir::Name);
    for (qsizetype i = files.size() - 1; i >= 0; --i) {
        QString error;
        const auto o = JsonFile::readObject(files.at(i).absoluteFilePath(), &error);
        if (!o)
            continue;
        FollowUpRecord r = FollowUpRecord::fromJson(*o);
        // Only the file's own records: "a-staging" must not take "a-staging-2"'s.
        if (r.reportFile != QFileInfo(reportPath).fileName())
            continue;
        r.path = files.at(i).absoluteFilePath();
        return r;
    }
    return std::nullopt;
}

QList<FollowUpCandidate> FollowUpCheck::candidates(const Workspace &workspace, const QDateTime &now,
                                                   bool force)
{
    QList<FollowUpCandidate> out;
    for (const FollowUpCandidate &c : newest(workspace)) {
        const bool checkedWhenDue = c.last && !c.last->forced;
        if (force || (c.dueAt <= now && !checkedWhenDue))
            out.append(c);
    }
    return out;
}

QString FollowUpCheck::statusText(const FollowUpCandidate &c, const QDateTime &now)
{
    // Translated where a translator is installed (the GUI); the command line stays English.
    if (c.last) {
        const QString when =
            c.last->checkedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        if (!c.last->passed)
            return QCoreApplication::translate("FollowUpCheck", "follow-up FAILED %1: %2")
                .arg(when, c.last->summary);
        if (!c.last->forced || c.dueAt <= c.last->checkedAt)
            return QCoreApplication::translate("FollowUpCheck", "follow-up passed %1").arg(when);
        // Checked early: the due check is still to come.
    }
    const qint64 secs = now.secsTo(c.dueAt);
    if (secs <= 0)
        return QCoreApplication::translate("FollowUpCheck", "follow-up due now");
    const QString left =
        secs >= 3600
            ? QCoreApplication::translate("FollowUpCheck", "%1 h").arg((secs + 1799) / 3600)
            : QCoreApplication::translate("FollowUpCheck", "%1 min")
                  .arg(std::max<qint64>(1, secs / 60));
    return c.last
               ? QCoreApplication::translate("FollowUpCheck",
                                             "follow-up due in %1 (passed early %2)")
                     .arg(left, c.last->checkedAt.toUTC().toString(QStringLiteral("HH:mm 'UTC'")))
               : QCoreApplication::translate("FollowUpCheck", "follow-up due in %1").arg(left);
}

QList<FollowUpCandidate> FollowUpCheck::newest(const Workspace &workspace)
{
    // The newest promotion of each component and stage (by finish time): older ones are
    // superseded by it. The summaries say which reports can have a follow-up, so only those
    // (usually one a component and stage) are read whole.
    QMap<QString, QList<ReportSummary>> byKey;
    for (const ReportSummary &s : ReportStore(workspace.reportsDir()).list()) {
        if (s.readable() && !s.dryRun && s.outcome == RunOutcome::Promoted)
            byKey[s.component + QLatin1Char('/') + s.toStage].append(s);
    }
    QList<FollowUpCandidate> out;
    for (QList<ReportSummary> &reports : byKey) {
        std::stable_sort(reports.begin(), reports.end(),
                         [](const ReportSummary &a, const ReportSummary &b) {
                             return a.finishedAt > b.finishedAt;
                         });
        for (const ReportSummary &s : std::as_const(reports)) {
            QString error;
            const auto report = ReportStore::load(s.path, &error);
            const QDateTime due = report ? dueAt(*report) : QDateTime();
            if (!due.isValid())
                continue; // no follow-up window in it: the next newest
            out.append(FollowUpCandidate{s.path, *report, due, latestRecord(workspace, s.path)});
            break;
        }
    }
    return out;
}

void FollowUpCheck::start(const Workspace &workspace, const Policy &policy,
                          const FollowUpCandidate &candidate, bool forced)
{
    m_report = candidate.report;
    m_recordsDir = recordsDir(workspace);
    m_record = FollowUpRecord{};
    m_record.reportFile = QFileInfo(candidate.reportPath).fileName();
    m_record.reportSha256 = sha256Of(candidate.reportPath);
    m_record.runId = m_report.value(QStringLiteral("run_id")).toString();
    m_record.component = m_report.value(QStringLiteral("component")).toString();
    m_record.stage = m_report.value(QStringLiteral("to_stage")).toString();
    m_record.dueAt = candidate.dueAt;
    m_record.forced = forced;

    // The report's own run, as its URLs were expanded then.
    const QHash<QString, QString> vars{
        {QStringLiteral("workspace"), workspace.root()},
        {QStringLiteral("component"), m_record.component},
        {QStringLiteral("from_stage"), m_report.value(QStringLiteral("from_stage")).toString()},
        {QStringLiteral("to_stage"), m_record.stage},
        {QStringLiteral("stage"), m_record.stage},
        {QStringLiteral("run_id"), m_record.runId},
        {QStringLiteral("version"), m_report.value(QStringLiteral("deployment"))
                                        .toObject()
                                        .value(QStringLiteral("version"))
                                        .toString()},
        {QStringLiteral("date"), m_report.value(QStringLiteral("date")).toString()},
        {QStringLiteral("artifacts"), QString()},
        {QStringLiteral("coverage"), QStringLiteral("n/a")},
        {QStringLiteral("previous_revision"), QStringLiteral("0")},
        {QStringLiteral("rollback_reason"), QString()}};
    const QProcessEnvironment env = RunContext::policyEnvironment(policy, vars);
    auto url = [&](const QString &text) {
        const auto expanded = ArgvTemplate::expand(text, vars, env);
        return expanded.ok() ? QUrl(expanded.value) : QUrl();
    };
    HealthMonitorConfig config = HealthMonitorConfig::fromPolicy(policy.validation);
    config.healthUrl = url(policy.validation.healthUrl);
    config.statusUrl = url(policy.validation.statusUrl);
    config.metricsUrl = url(policy.validation.metricsUrl);
    config.prometheusUrl = url(policy.validation.prometheusUrl);
    auto text = [&](const QString &t) {
        const auto expanded = ArgvTemplate::expand(t, vars, env);
        return expanded.ok() ? expanded.value : QString();
    };
    config.errorRatioQuery = text(policy.validation.prometheusErrorRatio);
    config.p95SecondsQuery = text(policy.validation.prometheusP95Seconds);
    m_health->setConfig(config);
    Q_EMIT progress(QStringLiteral("%1 → %2 (run %3, due %4%5)")
                        .arg(m_record.component, m_record.stage, m_record.runId,
                             iso(m_record.dueAt),
                             forced && m_record.dueAt > QDateTime::currentDateTimeUtc()
                                 ? QStringLiteral(", checked early with --now")
                                 : QString()));
    if (config.healthUrl.isEmpty()) {
        onEndpoints(EndpointCheck{});
        return;
    }
    m_health->checkEndpoints(m_record.stage);
}

void FollowUpCheck::cancel()
{
    m_health->cancel();
}

void FollowUpCheck::onEndpoints(const EndpointCheck &e)
{
    auto describe = [](const EndpointProbe &p) {
        return p.ok ? QStringLiteral("GET %1 → %2 in %3 ms")
                          .arg(p.url.toString())
                          .arg(p.httpStatus)
                          .arg(p.latencyMs)
                    : p.error;
    };
    if (!m_health->config().healthUrl.isEmpty()) {
        m_record.checks.append(CheckItem{QStringLiteral("health"),
                                         QStringLiteral("Health checks pass"), e.health.ok,
                                         describe(e.health)});
        if (e.status.checked)
            m_record.checks.append(CheckItem{QStringLiteral("status"),
                                             QStringLiteral("Component status reports the stage"),
                                             e.status.ok && e.stageMatches, describe(e.status)});
        for (const CheckItem &c : std::as_const(m_record.checks))
            Q_EMIT progress(
                QStringLiteral("  %1 %2: %3")
                    .arg(c.passed ? QStringLiteral("✓") : QStringLiteral("✗"), c.text, c.detail));
        if (!e.passed) {
            m_record.summary =
                QStringLiteral("health check failed: ") + e.problems.join(QStringLiteral("; "));
            done();
            return;
        }
    }
    // The metrics window against the promotion's own baseline.
    const QJsonObject baseline = m_report.value(QStringLiteral("validation"))
                                     .toObject()
                                     .value(QStringLiteral("details"))
                                     .toObject()
                                     .value(QStringLiteral("baseline"))
                                     .toObject();
    HealthBaseline b;
    if (baseline.value(QStringLiteral("available")).toBool()) {
        b.available = true;
        b.source = HealthBaseline::Source::Metrics;
        b.p95Ms = baseline.value(QStringLiteral("p95_ms")).toDouble();
        b.errorRatePercent = baseline.value(QStringLiteral("error_rate_percent")).toDouble();
    } else {
        b.unavailableReason = QStringLiteral("the promotion had no baseline");
    }
    if (!m_health->startWindow(b)) {
        m_record.summary = QStringLiteral("the metrics window could not start");
        done();
    }
}

void FollowUpCheck::onWindow(const WindowResult &w)
{
    const QString title = QStringLiteral("Metrics within normal range");
    if (w.cancelled) {
        m_record.checks.append(
            CheckItem{QStringLiteral("window"), title, false, QStringLiteral("cancelled")});
        m_record.summary = QStringLiteral("cancelled");
    } else if (w.trigger) {
        m_record.checks.append(
            CheckItem{QStringLiteral("window"), title, false, w.trigger->message});
        m_record.summary = QStringLiteral("rollback trigger fired: ") + w.trigger->message;
    } else if (!w.passed) {
        m_record.checks.append(CheckItem{QStringLiteral("window"), title, false, w.error});
        m_record.summary = QStringLiteral("verification window failed: ") + w.error;
    } else {
        m_record.checks.append(
            CheckItem{QStringLiteral("window"), title, true,
                      QStringLiteral("%1 samples, no trigger fired").arg(w.samples.size())});
    }
    Q_EMIT progress(
        QStringLiteral("  %1 %2: %3")
            .arg(m_record.checks.last().passed ? QStringLiteral("✓") : QStringLiteral("✗"), title,
                 m_record.checks.last().detail));
    done();
}

void FollowUpCheck::done()
{
    m_record.checkedAt = QDateTime::currentDateTimeUtc();
    m_record.passed =
        !m_record.checks.isEmpty() && std::all_of(m_record.checks.cbegin(), m_record.checks.cend(),
                                                  [](const CheckItem &c) { return c.passed; });
    if (m_record.passed)
        m_record.summary =
            QStringLiteral("no rollback needed: health, status and metrics are normal");
    else if (m_record.summary.isEmpty())
        m_record.summary = QStringLiteral("follow-up failed");
    QDir().mkpath(m_recordsDir);
    const QString name =
        QStringLiteral("%1.%2.json")
            .arg(QFileInfo(m_record.reportFile).completeBaseName(),
                 m_record.checkedAt.toString(QStringLiteral("yyyyMMddTHHmmsszzz")));
    QString error;
    const QString path = QDir(m_recordsDir).filePath(name);
    if (JsonFile::writeObject(path, m_record.toJson(), &error)) {
        m_record.path = path;
    } else {
        m_record.passed = false;
        m_record.summary += QStringLiteral("; the record could not be written: ") + error;
    }
    if (!m_record.passed)
        Q_EMIT failed(m_record);
    Q_EMIT finished(m_record);
}

} // namespace Promotion
