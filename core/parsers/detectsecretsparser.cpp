// SPDX-License-Identifier: GPL-3.0-or-later
#include "parsers/detectsecretsparser.h"

#include "parsers/parserutil_p.h"

namespace Promotion {

namespace {
const QString kFormat = QStringLiteral("detect-secrets JSON");
}

ParseResult<DiagnosticList> DetectSecretsParser::parse(const QByteArray &json)
{
    using ParserUtil::JsonChecker;
    if (const auto problem = ParserUtil::checkInput(json, kFormat))
        return ParseResult<DiagnosticList>::failure(*problem);
    QString error;
    const std::optional<QJsonDocument> doc = ParserUtil::parseJson(json, kFormat, &error);
    if (!doc)
        return ParseResult<DiagnosticList>::failure(error);
    if (!doc->isObject()) {
        return ParseResult<DiagnosticList>::failure(
            kFormat + QStringLiteral(": the document is not an object with \"results\""));
    }
    const QJsonObject root = doc->object();
    JsonChecker check(kFormat);
    DiagnosticList list;
    list.tool = QStringLiteral("detect-secrets");
    list.toolVersion =
        check.optionalString(root.value(QLatin1String("version")), QStringLiteral("version"));
    const auto results =
        check.object(root.value(QLatin1String("results")), QStringLiteral("results"));
    if (!results)
        return ParseResult<DiagnosticList>::failure(check.error());

    for (auto it = results->constBegin(); it != results->constEnd() && !check.failed(); ++it) {
        const QString filePath =
            QStringLiteral("results[%1]").arg(ParserUtil::quote(it.key(), 200));
        const auto secrets = check.array(it.value(), filePath);
        if (!secrets)
            break;
        for (qsizetype i = 0; i < secrets->size(); ++i) {
            const QString path = JsonChecker::index(filePath, i);
            const auto secret = check.object(secrets->at(i), path);
            if (!secret)
                break;
            Diagnostic d;
            d.severity = DiagnosticSeverity::Error;
            const auto type = check.string(secret->value(QLatin1String("type")),
                                           JsonChecker::key(path, QLatin1String("type")));
            const auto line =
                check.integer(secret->value(QLatin1String("line_number")),
                              JsonChecker::key(path, QLatin1String("line_number")), 1);
            d.file =
                check.optionalString(secret->value(QLatin1String("filename")),
                                     JsonChecker::key(path, QLatin1String("filename")), it.key());
            check.optionalString(secret->value(QLatin1String("hashed_secret")),
                                 JsonChecker::key(path, QLatin1String("hashed_secret")));
            bool verified = false;
            const QJsonValue verifiedValue = secret->value(QLatin1String("is_verified"));
            if (!ParserUtil::isAbsent(verifiedValue))
                verified = check
                               .boolean(verifiedValue,
                                        JsonChecker::key(path, QLatin1String("is_verified")))
                               .value_or(false);
            const QJsonValue isSecretValue = secret->value(QLatin1String("is_secret"));
            if (!ParserUtil::isAbsent(isSecretValue)) {
                // Audited by a person: false means "not a secret", a known false positive.
                d.suppressed =
                    !check
                         .boolean(isSecretValue, JsonChecker::key(path, QLatin1String("is_secret")))
                         .value_or(true);
            }
            if (!type || !line || check.failed())
                break;
            d.code = *type;
            d.line = int(*line);
            d.message = verified
                            ? QStringLiteral("Potential secret: %1 (verified as live)").arg(*type)
                            : QStringLiteral("Potential secret: %1").arg(*type);
            list.diagnostics.append(std::move(d));
        }
    }
    if (check.failed())
        return ParseResult<DiagnosticList>::failure(check.error());
    return ParseResult<DiagnosticList>::success(std::move(list));
}

} // namespace Promotion
