// SPDX-License-Identifier: GPL-3.0-or-later
#include "parsers/sarifparser.h"

#include "parsers/parserutil_p.h"

#include <QHash>
#include <QUrl>

namespace Promotion {

namespace {

using ParserUtil::JsonChecker;

const QString kFormat = QStringLiteral("SARIF");

struct Rule
{
    QString id;
    QString defaultLevel;
    QHash<QString, QString> messageStrings;
};

// SARIF locations are URIs; show local files as paths.
QString uriToPath(const QString &uri)
{
    if (uri.startsWith(QLatin1String("file:"), Qt::CaseInsensitive)) {
        const QUrl url(uri);
        if (url.isValid() && url.host().isEmpty())
            return url.toLocalFile();
        // "file://name.py" (seen in the wild): the host part is really the path.
        return QUrl::fromPercentEncoding(uri.mid(7).toUtf8());
    }
    return QUrl::fromPercentEncoding(uri.toUtf8());
}

std::optional<DiagnosticSeverity> severityOf(const QString &level)
{
    if (level == u"error")
        return DiagnosticSeverity::Error;
    if (level == u"warning")
        return DiagnosticSeverity::Warning;
    if (level == u"note" || level == u"none")
        return DiagnosticSeverity::Note;
    return std::nullopt;
}

// Replaces {0}, {1}... with message.arguments (SARIF 3.11.5).
QString substitute(QString text, const QJsonArray &arguments)
{
    for (qsizetype i = arguments.size() - 1; i >= 0; --i)
        text.replace(QLatin1Char('{') + QString::number(i) + QLatin1Char('}'),
                     arguments.at(i).toString());
    return text;
}

class Reader final
{
public:
    ParseResult<DiagnosticList> run(const QJsonDocument &doc);

private:
    void readRun(const QJsonObject &run, const QString &path);
    void readRules(const QJsonObject &driver, const QString &path);
    void readResult(const QJsonObject &result, const QString &path, const QJsonArray &artifacts,
                    const QString &artifactsPath);
    const Rule *ruleFor(const QJsonObject &result, const QString &path, QString *ruleId);

    JsonChecker m_check{kFormat};
    DiagnosticList m_list;
    QList<Rule> m_rules;
    QHash<QString, qsizetype> m_ruleById;
    QHash<QString, QString> m_globalMessages;
    QStringList m_toolNames;
};

void Reader::readRules(const QJsonObject &driver, const QString &path)
{
    m_rules.clear();
    m_ruleById.clear();
    m_globalMessages.clear();
    const QJsonValue rulesValue = driver.value(QLatin1String("rules"));
    if (!ParserUtil::isAbsent(rulesValue)) {
        const QString rulesPath = JsonChecker::key(path, QLatin1String("rules"));
        const auto rules = m_check.array(rulesValue, rulesPath);
        if (!rules)
            return;
        for (qsizetype i = 0; i < rules->size(); ++i) {
            const QString rulePath = JsonChecker::index(rulesPath, i);
            const auto ruleObject = m_check.object(rules->at(i), rulePath);
            if (!ruleObject)
                return;
            Rule rule;
            rule.id = m_check.optionalString(ruleObject->value(QLatin1String("id")),
                                             JsonChecker::key(rulePath, QLatin1String("id")));
            const QJsonObject config =
                ruleObject->value(QLatin1String("defaultConfiguration")).toObject();
            rule.defaultLevel = m_check.optionalString(
                config.value(QLatin1String("level")),
                JsonChecker::key(rulePath, QLatin1String("defaultConfiguration.level")));
            const QJsonObject strings =
                ruleObject->value(QLatin1String("messageStrings")).toObject();
            for (auto it = strings.constBegin(); it != strings.constEnd(); ++it)
                rule.messageStrings.insert(
                    it.key(), it.value().toObject().value(QLatin1String("text")).toString());
            if (m_check.failed())
                return;
            if (!rule.id.isEmpty() && !m_ruleById.contains(rule.id))
                m_ruleById.insert(rule.id, m_rules.size());
            m_rules.append(std::move(rule));
        }
    }
    const QJsonObject globals = driver.value(QLatin1String("globalMessageStrings")).toObject();
    for (auto it = globals.constBegin(); it != globals.constEnd(); ++it)
        m_globalMessages.insert(it.key(),
                                it.value().toObject().value(QLatin1String("text")).toString());
}

const Rule *Reader::ruleFor(const QJsonObject &result, const QString &path, QString *ruleId)
{
    *ruleId = m_check.optionalString(result.value(QLatin1String("ruleId")),
                                     JsonChecker::key(path, QLatin1String("ruleId")));
    qint64 index =
        m_check.optionalInteger(result.value(QLatin1String("ruleIndex")),
                                JsonChecker::key(path, QLatin1String("ruleIndex")), -1, -1);
    const QJsonObject ref = result.value(QLatin1String("rule")).toObject();
    if (ruleId->isEmpty())
        *ruleId = m_check.optionalString(ref.value(QLatin1String("id")),
                                         JsonChecker::key(path, QLatin1String("rule.id")));
    if (index < 0)
        index =
            m_check.optionalInteger(ref.value(QLatin1String("index")),
                                    JsonChecker::key(path, QLatin1String("rule.index")), -1, -1);
    if (m_check.failed())
        return nullptr;
    if (index >= 0) {
        if (index >= m_rules.size()) {
            m_check.fail(JsonChecker::key(path, QLatin1String("ruleIndex")),
                         QStringLiteral("%1 points past the %2 rules of the tool")
                             .arg(index)
                             .arg(m_rules.size()));
            return nullptr;
        }
        const Rule *rule = &m_rules.at(index);
        if (ruleId->isEmpty())
            *ruleId = rule->id;
        return rule;
    }
    const auto it = m_ruleById.constFind(*ruleId);
    return it == m_ruleById.cend() ? nullptr : &m_rules.at(*it);
}

void Reader::readResult(const QJsonObject &result, const QString &path, const QJsonArray &artifacts,
                        const QString &artifactsPath)
{
    Diagnostic d;
    const Rule *rule = ruleFor(result, path, &d.code);
    if (m_check.failed())
        return;

    const QString kind = m_check.optionalString(result.value(QLatin1String("kind")),
                                                JsonChecker::key(path, QLatin1String("kind")),
                                                QStringLiteral("fail"));
    if (kind == u"pass" || kind == u"notApplicable")
        return; // a check that passed is not a finding

    const QString levelPath = JsonChecker::key(path, QLatin1String("level"));
    QString level = m_check.optionalString(result.value(QLatin1String("level")), levelPath);
    if (level.isEmpty() && kind != u"fail")
        level = QStringLiteral("none"); // SARIF 3.27.10: non-failures default to "none"
    if (level.isEmpty() && rule && !rule->defaultLevel.isEmpty())
        level = rule->defaultLevel;
    if (level.isEmpty())
        level = QStringLiteral("warning");
    const std::optional<DiagnosticSeverity> severity = severityOf(level);
    if (!severity) {
        m_check.fail(levelPath, QStringLiteral("%1 is not one of none, note, warning, error")
                                    .arg(ParserUtil::quote(level)));
        return;
    }
    d.severity = *severity;

    const QString messagePath = JsonChecker::key(path, QLatin1String("message"));
    const auto message = m_check.object(result.value(QLatin1String("message")), messagePath);
    if (!message)
        return;
    d.message = m_check.optionalString(message->value(QLatin1String("text")),
                                       JsonChecker::key(messagePath, QLatin1String("text")));
    if (d.message.isEmpty()) {
        const QString id =
            m_check.optionalString(message->value(QLatin1String("id")),
                                   JsonChecker::key(messagePath, QLatin1String("id")));
        if (rule && rule->messageStrings.contains(id))
            d.message = rule->messageStrings.value(id);
        else
            d.message = m_globalMessages.value(id);
        if (d.message.isEmpty()) {
            m_check.fail(messagePath, QStringLiteral("has neither text nor a known message id"));
            return;
        }
    }
    d.message = substitute(d.message, message->value(QLatin1String("arguments")).toArray());

    const QJsonValue locationsValue = result.value(QLatin1String("locations"));
    if (!ParserUtil::isAbsent(locationsValue)) {
        const QString locationsPath = JsonChecker::key(path, QLatin1String("locations"));
        const auto locations = m_check.array(locationsValue, locationsPath);
        if (!locations)
            return;
        if (!locations->isEmpty()) {
            const QString locPath = JsonChecker::index(locationsPath, 0);
            const auto location = m_check.object(locations->at(0), locPath);
            if (!location)
                return;
            const QJsonValue physicalValue = location->value(QLatin1String("physicalLocation"));
            if (!ParserUtil::isAbsent(physicalValue)) {
                const QString physPath =
                    JsonChecker::key(locPath, QLatin1String("physicalLocation"));
                const auto physical = m_check.object(physicalValue, physPath);
                if (!physical)
                    return;
                const QJsonValue artifactValue = physical->value(QLatin1String("artifactLocation"));
                if (!ParserUtil::isAbsent(artifactValue)) {
                    const QString artPath =
                        JsonChecker::key(physPath, QLatin1String("artifactLocation"));
                    const auto artifact = m_check.object(artifactValue, artPath);
                    if (!artifact)
                        return;
                    QString uri =
                        m_check.optionalString(artifact->value(QLatin1String("uri")),
                                               JsonChecker::key(artPath, QLatin1String("uri")));
                    const qint64 index = m_check.optionalInteger(
                        artifact->value(QLatin1String("index")),
                        JsonChecker::key(artPath, QLatin1String("index")), -1, -1);
                    if (m_check.failed())
                        return;
                    if (uri.isEmpty() && index >= 0) {
                        if (index >= artifacts.size()) {
                            m_check.fail(JsonChecker::key(artPath, QLatin1String("index")),
                                         QStringLiteral("%1 points past the %2 entries of %3")
                                             .arg(index)
                                             .arg(artifacts.size())
                                             .arg(artifactsPath));
                            return;
                        }
                        uri = artifacts.at(index)
                                  .toObject()
                                  .value(QLatin1String("location"))
                                  .toObject()
                                  .value(QLatin1String("uri"))
                                  .toString();
                    }
                    d.file = uriToPath(uri);
                }
                const QJsonValue regionValue = physical->value(QLatin1String("region"));
                if (!ParserUtil::isAbsent(regionValue)) {
                    const QString regionPath = JsonChecker::key(physPath, QLatin1String("region"));
                    const auto region = m_check.object(regionValue, regionPath);
                    if (!region)
                        return;
                    d.line = int(m_check.optionalInteger(
                        region->value(QLatin1String("startLine")),
                        JsonChecker::key(regionPath, QLatin1String("startLine")), 0, 1));
                    d.column = int(m_check.optionalInteger(
                        region->value(QLatin1String("startColumn")),
                        JsonChecker::key(regionPath, QLatin1String("startColumn")),
                        d.line > 0 ? 1 : 0, 1));
                    if (m_check.failed())
                        return;
                }
            }
        }
    }

    const QJsonValue suppressionsValue = result.value(QLatin1String("suppressions"));
    if (!ParserUtil::isAbsent(suppressionsValue)) {
        const QString supPath = JsonChecker::key(path, QLatin1String("suppressions"));
        const auto suppressions = m_check.array(suppressionsValue, supPath);
        if (!suppressions)
            return;
        for (qsizetype i = 0; i < suppressions->size(); ++i) {
            const QString status =
                suppressions->at(i).toObject().value(QLatin1String("status")).toString();
            // A suppression without status is accepted (SARIF 3.35.3).
            if (status.isEmpty() || status == u"accepted")
                d.suppressed = true;
        }
    }
    m_list.diagnostics.append(std::move(d));
}

void Reader::readRun(const QJsonObject &run, const QString &path)
{
    const QString toolPath = JsonChecker::key(path, QLatin1String("tool"));
    const auto tool = m_check.object(run.value(QLatin1String("tool")), toolPath);
    if (!tool)
        return;
    const QString driverPath = JsonChecker::key(toolPath, QLatin1String("driver"));
    const auto driver = m_check.object(tool->value(QLatin1String("driver")), driverPath);
    if (!driver)
        return;
    const auto name = m_check.string(driver->value(QLatin1String("name")),
                                     JsonChecker::key(driverPath, QLatin1String("name")));
    if (!name)
        return;
    if (!m_toolNames.contains(*name))
        m_toolNames.append(*name);
    if (m_list.toolVersion.isEmpty()) {
        m_list.toolVersion =
            m_check.optionalString(driver->value(QLatin1String("semanticVersion")),
                                   JsonChecker::key(driverPath, QLatin1String("semanticVersion")));
        if (m_list.toolVersion.isEmpty())
            m_list.toolVersion =
                m_check.optionalString(driver->value(QLatin1String("version")),
                                       JsonChecker::key(driverPath, QLatin1String("version")));
    }
    readRules(*driver, driverPath);
    if (m_check.failed())
        return;

    const QString artifactsPath = JsonChecker::key(path, QLatin1String("artifacts"));
    QJsonArray artifacts;
    const QJsonValue artifactsValue = run.value(QLatin1String("artifacts"));
    if (!ParserUtil::isAbsent(artifactsValue)) {
        const auto a = m_check.array(artifactsValue, artifactsPath);
        if (!a)
            return;
        artifacts = *a;
    }

    const QString resultsPath = JsonChecker::key(path, QLatin1String("results"));
    const QJsonValue resultsValue = run.value(QLatin1String("results"));
    if (ParserUtil::isAbsent(resultsValue)) {
        m_check.fail(resultsPath, QStringLiteral("missing, which SARIF defines as \"the tool did "
                                                 "not produce results\""));
        return;
    }
    const auto results = m_check.array(resultsValue, resultsPath);
    if (!results)
        return;
    for (qsizetype i = 0; i < results->size() && !m_check.failed(); ++i) {
        const QString resultPath = JsonChecker::index(resultsPath, i);
        if (const auto result = m_check.object(results->at(i), resultPath))
            readResult(*result, resultPath, artifacts, artifactsPath);
    }
}

ParseResult<DiagnosticList> Reader::run(const QJsonDocument &doc)
{
    if (!doc.isObject())
        return ParseResult<DiagnosticList>::failure(
            kFormat + QStringLiteral(": the document is not a SARIF log object"));
    const QJsonObject root = doc.object();
    const auto version =
        m_check.string(root.value(QLatin1String("version")), QStringLiteral("version"));
    if (version && *version != u"2.1.0")
        m_check.fail(QStringLiteral("version"),
                     QStringLiteral("%1 is not supported, expected \"2.1.0\"")
                         .arg(ParserUtil::quote(*version)));
    if (m_check.failed())
        return ParseResult<DiagnosticList>::failure(m_check.error());
    const auto runs = m_check.array(root.value(QLatin1String("runs")), QStringLiteral("runs"));
    if (!runs)
        return ParseResult<DiagnosticList>::failure(m_check.error());
    for (qsizetype i = 0; i < runs->size() && !m_check.failed(); ++i) {
        const QString runPath = JsonChecker::index(QStringLiteral("runs"), i);
        if (const auto run = m_check.object(runs->at(i), runPath))
            readRun(*run, runPath);
    }
    if (m_check.failed())
        return ParseResult<DiagnosticList>::failure(m_check.error());
    m_list.tool = m_toolNames.join(QLatin1String(", "));
    return ParseResult<DiagnosticList>::success(std::move(m_list));
}

} // namespace

ParseResult<DiagnosticList> SarifParser::parse(const QByteArray &json)
{
    if (const auto problem = ParserUtil::checkInput(json, kFormat))
        return ParseResult<DiagnosticList>::failure(*problem);
    QString error;
    const std::optional<QJsonDocument> doc = ParserUtil::parseJson(json, kFormat, &error);
    if (!doc)
        return ParseResult<DiagnosticList>::failure(error);
    Reader reader;
    return reader.run(*doc);
}

} // namespace Promotion
