// SPDX-License-Identifier: GPL-3.0-or-later
#include "health/datasourcereader.h"

#include "health/httpprobe.h"
#include "health/jsonpointer.h"
#include "policy/retryschedule.h"
#include "workspace/workspace.h"

#include <cmath>
#include <limits>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace Promotion {

namespace {

constexpr qint64 maxHttpBodyBytes = 4 * 1024 * 1024;
constexpr qint64 maxFileBytes = 16 * 1024 * 1024;
constexpr qint64 maxRecordBytes = 32 * 1024 * 1024;
constexpr int maxSkippedNamed = 5;

QString substituteComponent(QString text, const QString &component)
{
    return text.replace(QStringLiteral("{component}"), component);
}

DataSourceResult failure(const QString &error)
{
    DataSourceResult r;
    r.error = error;
    return r;
}

QString formatNumber(double v)
{
    return QString::number(v, 'g', 10);
}

/*! ISO 8601 with time (no offset: UTC) or a bare date (midnight UTC). */
QDateTime parseDate(const QString &text)
{
    const QString t = text.trimmed();
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, Qt::ISODate);
    if (dt.isValid()) {
        if (dt.timeSpec() == Qt::LocalTime)
            dt.setTimeSpec(Qt::UTC); // records are written by tools, not people: assume UTC
        return dt.toUTC();
    }
    const QDate d = QDate::fromString(t, Qt::ISODate);
    if (d.isValid())
        return QDateTime(d, QTime(0, 0), Qt::UTC);
    return {};
}

struct DrillCandidate
{
    QDateTime date;
    QString where;
    QString what;
};

class DrillScanner
{
public:
    DrillScanner(const QString &root, const QString &component, const QDateTime &now)
        : m_root(QDir(root))
        , m_component(component)
        , m_now(now)
    {
    }

    void scanDrills(const QString &dir)
    {
        for (const QString &file : jsonFiles(dir)) {
            const QJsonObject o = readObject(file);
            if (o.isEmpty())
                continue;
            const QString rel = m_root.relativeFilePath(file);
            const QJsonValue component = o.value(QStringLiteral("component"));
            if (!component.isString()) {
                skip(rel, QStringLiteral("\"component\" is missing or not a string"));
                continue;
            }
            if (!m_component.isEmpty() && component.toString() != m_component)
                continue;
            const QString result = o.value(QStringLiteral("result")).toString();
            if (result.compare(QStringLiteral("passed"), Qt::CaseInsensitive) != 0) {
                ++m_failedDrills;
                continue;
            }
            consider(rel, o.value(QStringLiteral("date")), QStringLiteral("rollback drill"));
        }
    }

    void scanReports(const QString &dir)
    {
        for (const QString &file : jsonFiles(dir)) {
            const QJsonObject o = readObject(file);
            if (o.isEmpty())
                continue;
            const QString rel = m_root.relativeFilePath(file);
            if (!m_component.isEmpty() &&
                o.value(QStringLiteral("component")).toString() != m_component)
                continue;
            const QJsonValue rollbackValue = o.value(QStringLiteral("rollback"));
            if (!rollbackValue.isObject())
                continue; // most reports never needed a rollback
            const QJsonObject rollback = rollbackValue.toObject();
            if (rollback.value(QStringLiteral("performed")).toBool() != true)
                continue;
            if (o.value(QStringLiteral("dry_run")).toBool() ||
                rollback.value(QStringLiteral("dry_run")).toBool())
                continue;
            if (rollback.contains(QStringLiteral("success")) &&
                rollback.value(QStringLiteral("success")).toBool() != true) {
                ++m_failedDrills;
                continue;
            }
            if (rollback.contains(QStringLiteral("result"))) {
                const QString result =
                    rollback.value(QStringLiteral("result")).toString().toLower();
                if (result != QLatin1String("passed") && result != QLatin1String("success")) {
                    ++m_failedDrills;
                    continue;
                }
            }
            const QJsonValue date = rollback.contains(QStringLiteral("date"))
                                        ? rollback.value(QStringLiteral("date"))
                                        : o.value(QStringLiteral("date"));
            consider(rel, date, QStringLiteral("rollback performed during promotion"));
        }
    }

    DataSourceResult result() const
    {
        DataSourceResult r;
        QString skipped;
        if (!m_skipped.isEmpty()) {
            skipped = QStringLiteral("; skipped %1 malformed record(s): ").arg(m_skipped.size()) +
                      m_skipped.mid(0, maxSkippedNamed).join(QStringLiteral("; "));
            if (m_skipped.size() > maxSkippedNamed)
                skipped += QStringLiteral("; ...");
        }
        if (!m_best.date.isValid()) {
            QString why = QStringLiteral("no successful rollback drill recorded");
            if (!m_component.isEmpty())
                why += QStringLiteral(" for component %1").arg(m_component);
            why +=
                QStringLiteral(" (looked in .promotion/drills and rollbacks in .promotion/reports");
            if (m_failedDrills > 0)
                why += QStringLiteral("; %1 failed drill(s) found").arg(m_failedDrills);
            why += QLatin1Char(')') + skipped;
            r.error = why;
            return r;
        }
        const double ageDays = qMax<qint64>(0, m_best.date.msecsTo(m_now)) / 86400000.0;
        r.ok = true;
        r.value = ageDays;
        r.detail = QStringLiteral("newest %1: %2 dated %3, %4 days old")
                       .arg(m_best.what, m_best.where, m_best.date.toString(Qt::ISODate),
                            QString::number(ageDays, 'f', 1)) +
                   skipped;
        return r;
    }

private:
    QStringList jsonFiles(const QString &dir) const
    {
        QStringList files;
        if (!QFileInfo(dir).isDir())
            return files;
        QDirIterator it(dir, {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        files.sort();
        return files;
    }

    QJsonObject readObject(const QString &file)
    {
        const QString rel = m_root.relativeFilePath(file);
        QFile f(file);
        if (QFileInfo(file).size() > maxRecordBytes) {
            skip(rel, QStringLiteral("larger than %1 bytes").arg(maxRecordBytes));
            return {};
        }
        if (!f.open(QIODevice::ReadOnly)) {
            skip(rel, f.errorString());
            return {};
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
        if (error.error != QJsonParseError::NoError) {
            skip(rel, QStringLiteral("invalid JSON at offset %1: %2")
                          .arg(error.offset)
                          .arg(error.errorString()));
            return {};
        }
        if (!doc.isObject() || doc.object().isEmpty()) {
            skip(rel, QStringLiteral("not a JSON object"));
            return {};
        }
        return doc.object();
    }

    void consider(const QString &rel, const QJsonValue &dateValue, const QString &what)
    {
        if (!dateValue.isString()) {
            skip(rel, QStringLiteral("\"date\" is missing or not a string"));
            return;
        }
        const QDateTime date = parseDate(dateValue.toString());
        if (!date.isValid()) {
            skip(rel, QStringLiteral("\"date\" \"%1\" is not an ISO 8601 date")
                          .arg(dateValue.toString()));
            return;
        }
        if (date > m_now.addDays(1)) {
            skip(rel, QStringLiteral("\"date\" %1 is in the future").arg(dateValue.toString()));
            return;
        }
        if (!m_best.date.isValid() || date > m_best.date)
            m_best = {date, rel, what};
    }

    void skip(const QString &rel, const QString &why)
    {
        m_skipped << rel + QStringLiteral(": ") + why;
    }

    QDir m_root;
    QString m_component;
    QDateTime m_now;
    DrillCandidate m_best;
    QStringList m_skipped;
    int m_failedDrills = 0;
};

} // namespace

DataSourceReader::DataSourceReader(QNetworkAccessManager *manager, QObject *parent)
    : QObject(parent)
    , m_manager(manager ? manager : new QNetworkAccessManager(this))
{
    qRegisterMetaType<Promotion::DataSourceResult>();
}

DataSourceReader::~DataSourceReader()
{
    // Drop the callback of a reply still in flight: nobody is left to hear it.
    ++m_generation;
    HttpProbe::cancel(m_reply);
}

QString DataSourceReader::typeName(DataSource::Type type)
{
    switch (type) {
    case DataSource::Type::None:
        return QStringLiteral("none");
    case DataSource::Type::Http:
        return QStringLiteral("http");
    case DataSource::Type::Prometheus:
        return QStringLiteral("prometheus");
    case DataSource::Type::File:
        return QStringLiteral("file");
    case DataSource::Type::RollbackDrill:
        return QStringLiteral("rollback-drill");
    }
    return QStringLiteral("unknown");
}

void DataSourceReader::read(const DataSource &source, const QString &workspaceRoot,
                            const QString &component)
{
    if (m_busy) {
        const DataSource previous = m_source;
        ++m_generation;
        HttpProbe::cancel(m_reply);
        m_busy = false;
        Q_EMIT finished(failure(QStringLiteral("cancelled: a new read of the %1 source started")
                                    .arg(typeName(previous.type))));
    }
    ++m_generation;
    m_busy = true;
    m_source = source;
    m_component = component;
    m_attempt = 1;
    m_retried.clear();

    switch (source.type) {
    case DataSource::Type::None:
        finishLater(
            failure(QStringLiteral("no data source configured: a person must attest this gate")));
        return;
    case DataSource::Type::Http:
        startHttp(source, component);
        return;
    case DataSource::Type::Prometheus:
        startPrometheus(source, component);
        return;
    case DataSource::Type::File: {
        const QString relative = substituteComponent(source.path, component);
        if (relative.trimmed().isEmpty()) {
            finishLater(failure(QStringLiteral("file source has no path")));
            return;
        }
        const Workspace workspace(QDir::cleanPath(QDir(workspaceRoot).absolutePath()));
        const QString absolute = workspace.resolve(relative);
        if (absolute.isEmpty()) {
            finishLater(failure(QStringLiteral("%1: path leaves the workspace").arg(relative)));
            return;
        }
        const QFileInfo info(absolute);
        const QString canonicalRoot = QFileInfo(workspace.root()).canonicalFilePath();
        if (info.exists() && !canonicalRoot.isEmpty() &&
            !QString(info.canonicalFilePath() + QLatin1Char('/'))
                 .startsWith(canonicalRoot + QLatin1Char('/'))) {
            finishLater(failure(
                QStringLiteral("%1: resolves (through a symbolic link) outside the workspace")
                    .arg(relative)));
            return;
        }
        if (!info.exists()) {
            finishLater(failure(QStringLiteral("%1: file does not exist").arg(relative)));
            return;
        }
        if (info.size() > maxFileBytes) {
            finishLater(failure(
                QStringLiteral("%1: larger than %2 bytes").arg(relative).arg(maxFileBytes)));
            return;
        }
        QFile file(absolute);
        if (!file.open(QIODevice::ReadOnly)) {
            finishLater(failure(QStringLiteral("%1: %2").arg(relative, file.errorString())));
            return;
        }
        finishLater(valueFromBody(file.readAll(), source.jsonPointer, relative));
        return;
    }
    case DataSource::Type::RollbackDrill:
        finishLater(readDrills(workspaceRoot, component, QDateTime::currentDateTimeUtc()));
        return;
    }
    finishLater(failure(QStringLiteral("unknown data source type")));
}

void DataSourceReader::cancel()
{
    if (!m_busy)
        return;
    ++m_generation;
    HttpProbe::cancel(m_reply);
    finish(failure(QStringLiteral("cancelled")));
}

void DataSourceReader::startHttp(const DataSource &source, const QString &component)
{
    const QUrl url(substituteComponent(source.url, component));
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty()) {
        finishLater(
            failure(QStringLiteral("http source: \"%1\" is not a valid URL").arg(source.url)));
        return;
    }
    HttpProbe::Options options;
    options.timeoutMs = m_timeoutMs;
    options.maxBodyBytes = maxHttpBodyBytes;
    options.accept = QByteArrayLiteral("application/json, text/plain;q=0.9, */*;q=0.1");
    const quint64 generation = m_generation;
    const QString pointer = source.jsonPointer;
    m_reply = HttpProbe::get(
        m_manager, url, options, this, [this, generation, pointer](const HttpProbeResult &r) {
            if (generation != m_generation)
                return;
            const QString origin = QStringLiteral("GET ") + r.url.toDisplayString();
            if (retryLater(r))
                return;
            if (!r.responded()) {
                finish(failure(r.describe()));
            } else if (!r.ok()) {
                QString error = r.describe();
                const QString excerpt = HttpProbe::bodyExcerpt(r.body);
                if (!excerpt.isEmpty())
                    error += QStringLiteral(": ") + excerpt;
                finish(failure(error));
            } else if (r.bodyTruncated) {
                finish(failure(QStringLiteral("%1: response larger than %2 bytes")
                                   .arg(origin)
                                   .arg(maxHttpBodyBytes)));
            } else {
                finish(valueFromBody(r.body, pointer, origin));
            }
        });
}

void DataSourceReader::startPrometheus(const DataSource &source, const QString &component)
{
    const QString query = substituteComponent(source.query, component);
    if (query.trimmed().isEmpty()) {
        finishLater(failure(QStringLiteral("prometheus source has no query")));
        return;
    }
    const QUrl url = prometheusQueryUrl(substituteComponent(source.url, component), query);
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty()) {
        finishLater(failure(
            QStringLiteral("prometheus source: \"%1\" is not a valid server URL").arg(source.url)));
        return;
    }
    HttpProbe::Options options;
    options.timeoutMs = m_timeoutMs;
    options.maxBodyBytes = maxHttpBodyBytes;
    options.accept = QByteArrayLiteral("application/json");
    const quint64 generation = m_generation;
    m_reply = HttpProbe::get(
        m_manager, url, options, this, [this, generation, query](const HttpProbeResult &r) {
            if (generation != m_generation)
                return;
            if (retryLater(r))
                return;
            if (!r.responded()) {
                finish(failure(r.describe()));
            } else if (r.bodyTruncated) {
                finish(failure(QStringLiteral("%1: response larger than %2 bytes")
                                   .arg(r.describe())
                                   .arg(maxHttpBodyBytes)));
            } else {
                finish(valueFromPrometheus(
                    r.body, r.httpStatus, QStringLiteral("GET ") + r.url.toDisplayString(), query));
            }
        });
}

bool DataSourceReader::retryLater(const HttpProbeResult &r)
{
    if (r.cancelled || m_attempt > m_retry.retries)
        return false;
    const bool networkError = !r.responded();
    if (!RetrySchedule::isTransientHttp(m_transient, networkError ? 0 : r.httpStatus, networkError))
        return false;
    const qint64 wait = RetrySchedule::delayMs(m_retry, m_attempt);
    m_retried << QStringLiteral("attempt %1: %2; retried after %3 s")
                     .arg(m_attempt)
                     .arg(r.describe())
                     .arg(double(wait) / 1000, 0, 'f', 1);
    ++m_attempt;
    const quint64 generation = m_generation;
    QTimer::singleShot(int(std::min<qint64>(wait, std::numeric_limits<int>::max())), this,
                       [this, generation] {
                           if (generation != m_generation || !m_busy)
                               return; // cancelled, or another read started
                           if (m_source.type == DataSource::Type::Http)
                               startHttp(m_source, m_component);
                           else
                               startPrometheus(m_source, m_component);
                       });
    return true;
}

void DataSourceReader::finishLater(DataSourceResult result)
{
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation, result] {
        if (generation == m_generation)
            finish(result);
    });
}

void DataSourceReader::finish(DataSourceResult result)
{
    m_busy = false;
    m_reply = nullptr;
    if (!m_retried.isEmpty()) {
        // Each attempt is evidence: what failed, and how long the read waited for it.
        const QString attempts = QStringLiteral(" [%1 attempts; %2]")
                                     .arg(m_attempt)
                                     .arg(m_retried.join(QStringLiteral("; ")));
        if (result.ok)
            result.detail += attempts;
        else
            result.error += attempts;
    }
    evaluate(m_source, &result);
    Q_EMIT finished(result);
}

DataSourceResult DataSourceReader::valueFromBody(const QByteArray &body, const QString &pointer,
                                                 const QString &origin)
{
    DataSourceResult r;
    if (pointer.isEmpty()) {
        double value = 0;
        if (!JsonPointer::parseNumber(QString::fromUtf8(body), &value)) {
            r.error = QStringLiteral("%1: content is not a number (\"%2\"); set a JSON pointer "
                                     "if it is JSON")
                          .arg(origin, HttpProbe::bodyExcerpt(body, 60));
            return r;
        }
        r.ok = true;
        r.value = value;
        r.detail = QStringLiteral("%1: %2").arg(origin, formatNumber(value));
        return r;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        r.error = QStringLiteral("%1: invalid JSON at offset %2: %3")
                      .arg(origin)
                      .arg(error.offset)
                      .arg(error.errorString());
        return r;
    }
    const QJsonValue root = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    const JsonPointer::Number number = JsonPointer::number(root, pointer);
    if (!number.ok()) {
        r.error = origin + QStringLiteral(": ") + number.error;
        return r;
    }
    r.ok = true;
    r.value = number.value;
    r.detail = QStringLiteral("%1: %2 = %3").arg(origin, pointer, formatNumber(number.value));
    return r;
}

QUrl DataSourceReader::prometheusQueryUrl(const QString &baseUrl, const QString &query)
{
    QUrl url(baseUrl.trimmed());
    QString path = url.path();
    if (!path.endsWith(QLatin1String("/api/v1/query"))) {
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        path += QStringLiteral("/api/v1/query");
    }
    url.setPath(path);
    // Encode everything but unreserved characters: PromQL is full of {}"=~ and
    // "+", which a Go server would otherwise decode as a space.
    url.setQuery(QStringLiteral("query=") + QString::fromLatin1(QUrl::toPercentEncoding(query)));
    return url;
}

DataSourceResult DataSourceReader::valueFromPrometheus(const QByteArray &body, int httpStatus,
                                                       const QString &origin, const QString &query)
{
    DataSourceResult r;
    const QString what = QStringLiteral("Prometheus query \"%1\" (%2)").arg(query, origin);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (httpStatus < 200 || httpStatus >= 300) {
            r.error = QStringLiteral("%1 returned %2").arg(origin).arg(httpStatus);
            const QString excerpt = HttpProbe::bodyExcerpt(body);
            if (!excerpt.isEmpty())
                r.error += QStringLiteral(": ") + excerpt;
        } else if (parseError.error != QJsonParseError::NoError) {
            r.error = QStringLiteral("%1: response is not JSON (offset %2: %3)")
                          .arg(what)
                          .arg(parseError.offset)
                          .arg(parseError.errorString());
        } else {
            r.error = QStringLiteral("%1: response is not a JSON object").arg(what);
        }
        return r;
    }
    const QJsonObject o = doc.object();
    const QString status = o.value(QStringLiteral("status")).toString();
    if (status == QLatin1String("error")) {
        r.error = QStringLiteral("%1 failed (HTTP %2): %3: %4")
                      .arg(what)
                      .arg(httpStatus)
                      .arg(o.value(QStringLiteral("errorType")).toString(QStringLiteral("error")),
                           o.value(QStringLiteral("error")).toString(QStringLiteral("no message")));
        return r;
    }
    if (status != QLatin1String("success")) {
        r.error =
            QStringLiteral("%1: \"status\" is \"%2\", expected \"success\"").arg(what, status);
        return r;
    }
    if (httpStatus < 200 || httpStatus >= 300) {
        r.error = QStringLiteral("%1 returned %2").arg(origin).arg(httpStatus);
        return r;
    }
    const QJsonObject data = o.value(QStringLiteral("data")).toObject();
    const QString resultType = data.value(QStringLiteral("resultType")).toString();
    const QJsonValue result = data.value(QStringLiteral("result"));
    QJsonValue sample;
    QString samplePointer;
    QString series;
    if (resultType == QLatin1String("vector")) {
        if (!result.isArray()) {
            r.error = QStringLiteral("%1: /data/result is not an array").arg(what);
            return r;
        }
        const QJsonArray vector = result.toArray();
        if (vector.isEmpty()) {
            r.error = QStringLiteral("%1 returned no samples (empty vector)").arg(what);
            return r;
        }
        const QJsonObject first = vector.first().toObject();
        sample = first.value(QStringLiteral("value"));
        samplePointer = QStringLiteral("/data/result/0/value");
        const QJsonObject labels = first.value(QStringLiteral("metric")).toObject();
        QStringList parts;
        for (auto it = labels.begin(); it != labels.end(); ++it)
            parts << it.key() + QStringLiteral("=\"") + it.value().toString() + QLatin1Char('"');
        series = QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
        if (vector.size() > 1)
            series += QStringLiteral(", first of %1 series").arg(vector.size());
    } else if (resultType == QLatin1String("scalar")) {
        sample = result;
        samplePointer = QStringLiteral("/data/result");
    } else if (resultType == QLatin1String("matrix")) {
        r.error = QStringLiteral("%1 returned a range vector (matrix); use an instant query "
                                 "that yields one value, e.g. wrap it in avg_over_time()")
                      .arg(what);
        return r;
    } else {
        r.error = QStringLiteral("%1: /data/resultType is \"%2\", expected vector or scalar")
                      .arg(what, resultType);
        return r;
    }
    const QJsonArray pair = sample.toArray();
    if (!sample.isArray() || pair.size() != 2 || !pair.at(1).isString()) {
        r.error = QStringLiteral("%1: %2 is not [timestamp, \"value\"]").arg(what, samplePointer);
        return r;
    }
    double value = 0;
    if (!JsonPointer::parseNumber(pair.at(1).toString(), &value)) {
        r.error = QStringLiteral("%1: %2/1 is \"%3\", not a finite number")
                      .arg(what, samplePointer, pair.at(1).toString());
        return r;
    }
    r.ok = true;
    r.value = value;
    r.detail = QStringLiteral("%1 = %2").arg(what, formatNumber(value));
    if (!series.isEmpty())
        r.detail += QStringLiteral(" (series %1)").arg(series);
    return r;
}

DataSourceResult DataSourceReader::readDrills(const QString &workspaceRoot,
                                              const QString &component, const QDateTime &now)
{
    const Workspace workspace(QDir::cleanPath(QDir(workspaceRoot).absolutePath()));
    DrillScanner scanner(workspace.root(), component, now.toUTC());
    scanner.scanDrills(workspace.stateDir() + QStringLiteral("/drills"));
    scanner.scanReports(workspace.reportsDir());
    return scanner.result();
}

void DataSourceReader::evaluate(const DataSource &source, DataSourceResult *result)
{
    result->passed = false;
    result->evaluation.clear();
    if (!result->ok)
        return;
    const double v = result->value;
    QStringList checks;
    bool passed = true;
    if (source.type == DataSource::Type::RollbackDrill && source.maxAgeDays > 0) {
        const bool young = v < source.maxAgeDays;
        passed = passed && young;
        checks << QStringLiteral("%1 days old %2 %3 days (max age)")
                      .arg(QString::number(v, 'f', 1),
                           young ? QStringLiteral("<") : QStringLiteral(">="))
                      .arg(source.maxAgeDays);
    }
    if (source.min) {
        const bool ok = v >= *source.min;
        passed = passed && ok;
        checks << QStringLiteral("%1 %2 %3 (min)")
                      .arg(formatNumber(v), ok ? QStringLiteral(">=") : QStringLiteral("<"),
                           formatNumber(*source.min));
    }
    if (source.max) {
        const bool ok = v <= *source.max;
        passed = passed && ok;
        checks << QStringLiteral("%1 %2 %3 (max)")
                      .arg(formatNumber(v), ok ? QStringLiteral("<=") : QStringLiteral(">"),
                           formatNumber(*source.max));
    }
    if (checks.isEmpty())
        checks << QStringLiteral("no bounds set: a value that can be read passes");
    result->passed = passed;
    result->evaluation = checks.join(QStringLiteral("; "));
}

} // namespace Promotion
