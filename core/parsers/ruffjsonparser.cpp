// SPDX-License-Identifier: GPL-3.0-or-later
#include "parsers/ruffjsonparser.h"

#include "parsers/parserutil_p.h"

namespace Promotion {

namespace {
const QString kFormat = QStringLiteral("ruff JSON");
}

ParseResult<DiagnosticList> RuffJsonParser::parse(const QByteArray &json)
{
    using ParserUtil::JsonChecker;
    if (const auto problem = ParserUtil::checkInput(json, kFormat))
        return ParseResult<DiagnosticList>::failure(*problem);
    QString error;
    const std::optional<QJsonDocument> doc = ParserUtil::parseJson(json, kFormat, &error);
    if (!doc)
        return ParseResult<DiagnosticList>::failure(error);
    if (!doc->isArray()) {
        return ParseResult<DiagnosticList>::failure(
            kFormat + QStringLiteral(": the document is not an array of diagnostics"));
    }

    JsonChecker check(kFormat);
    DiagnosticList list;
    list.tool = QStringLiteral("ruff");
    const QJsonArray entries = doc->array();
    for (qsizetype i = 0; i < entries.size() && !check.failed(); ++i) {
        const QString path = JsonChecker::index(QString(), i);
        const auto entry = check.object(entries.at(i), path);
        if (!entry)
            break;
        Diagnostic d;
        d.severity = DiagnosticSeverity::Error;
        d.code = check.optionalString(entry->value(QLatin1String("code")),
                                      JsonChecker::key(path, QLatin1String("code")));
        const auto message = check.string(entry->value(QLatin1String("message")),
                                          JsonChecker::key(path, QLatin1String("message")));
        if (!message)
            break;
        d.message = *message;
        d.file = check.optionalString(entry->value(QLatin1String("filename")),
                                      JsonChecker::key(path, QLatin1String("filename")));
        const QJsonValue locationValue = entry->value(QLatin1String("location"));
        if (!ParserUtil::isAbsent(locationValue)) {
            const QString locPath = JsonChecker::key(path, QLatin1String("location"));
            const auto location = check.object(locationValue, locPath);
            if (!location)
                break;
            d.line = int(check
                             .integer(location->value(QLatin1String("row")),
                                      JsonChecker::key(locPath, QLatin1String("row")), 1)
                             .value_or(0));
            d.column = int(check
                               .integer(location->value(QLatin1String("column")),
                                        JsonChecker::key(locPath, QLatin1String("column")), 1)
                               .value_or(0));
        }
        // The remaining fields are only type-checked: a wrong shape means this is not ruff.
        const QJsonValue fix = entry->value(QLatin1String("fix"));
        if (!ParserUtil::isAbsent(fix))
            check.object(fix, JsonChecker::key(path, QLatin1String("fix")));
        const QJsonValue end = entry->value(QLatin1String("end_location"));
        if (!ParserUtil::isAbsent(end))
            check.object(end, JsonChecker::key(path, QLatin1String("end_location")));
        check.optionalInteger(entry->value(QLatin1String("noqa_row")),
                              JsonChecker::key(path, QLatin1String("noqa_row")), 0, 1);
        check.optionalString(entry->value(QLatin1String("url")),
                             JsonChecker::key(path, QLatin1String("url")));
        if (check.failed())
            break;
        list.diagnostics.append(std::move(d));
    }
    if (check.failed())
        return ParseResult<DiagnosticList>::failure(check.error());
    return ParseResult<DiagnosticList>::success(std::move(list));
}

} // namespace Promotion
