// SPDX-License-Identifier: GPL-3.0-or-later
#include "parsers/pyrightjsonparser.h"

#include "parsers/parserutil_p.h"

namespace Promotion {

namespace {
const QString kFormat = QStringLiteral("pyright JSON");
}

ParseResult<DiagnosticList> PyrightJsonParser::parse(const QByteArray &json)
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
            kFormat +
            QStringLiteral(": the document is not an object with \"generalDiagnostics\""));
    }
    const QJsonObject root = doc->object();
    JsonChecker check(kFormat);
    DiagnosticList list;
    list.tool = QStringLiteral("pyright");
    list.toolVersion =
        check.optionalString(root.value(QLatin1String("version")), QStringLiteral("version"));

    const auto diagnostics = check.array(root.value(QLatin1String("generalDiagnostics")),
                                         QStringLiteral("generalDiagnostics"));
    for (qsizetype i = 0; diagnostics && i < diagnostics->size() && !check.failed(); ++i) {
        const QString path = JsonChecker::index(QStringLiteral("generalDiagnostics"), i);
        const auto entry = check.object(diagnostics->at(i), path);
        if (!entry)
            break;
        Diagnostic d;
        d.file = check
                     .string(entry->value(QLatin1String("file")),
                             JsonChecker::key(path, QLatin1String("file")))
                     .value_or(QString());
        const QString severityPath = JsonChecker::key(path, QLatin1String("severity"));
        const QString severity =
            check.string(entry->value(QLatin1String("severity")), severityPath).value_or(QString());
        d.message = check
                        .string(entry->value(QLatin1String("message")),
                                JsonChecker::key(path, QLatin1String("message")))
                        .value_or(QString());
        d.code = check.optionalString(entry->value(QLatin1String("rule")),
                                      JsonChecker::key(path, QLatin1String("rule")));
        if (check.failed())
            break;
        if (severity == u"error") {
            d.severity = DiagnosticSeverity::Error;
        } else if (severity == u"warning") {
            d.severity = DiagnosticSeverity::Warning;
        } else if (severity == u"information") {
            d.severity = DiagnosticSeverity::Note;
        } else {
            check.fail(severityPath, QStringLiteral("%1 is not one of error, warning, information")
                                         .arg(ParserUtil::quote(severity)));
            break;
        }
        const QJsonValue rangeValue = entry->value(QLatin1String("range"));
        if (!ParserUtil::isAbsent(rangeValue)) {
            const QString rangePath = JsonChecker::key(path, QLatin1String("range"));
            const auto range = check.object(rangeValue, rangePath);
            const QString startPath = JsonChecker::key(rangePath, QLatin1String("start"));
            const auto start = range ? check.object(range->value(QLatin1String("start")), startPath)
                                     : std::nullopt;
            if (!start)
                break;
            // 0-based in pyright's output; the last value is kept free for the +1.
            const auto line = check.integer(start->value(QLatin1String("line")),
                                            JsonChecker::key(startPath, QLatin1String("line")), 0,
                                            std::numeric_limits<int>::max() - 1);
            const auto character =
                check.integer(start->value(QLatin1String("character")),
                              JsonChecker::key(startPath, QLatin1String("character")), 0,
                              std::numeric_limits<int>::max() - 1);
            if (!line || !character)
                break;
            d.line = int(*line) + 1;
            d.column = int(*character) + 1;
        }
        list.diagnostics.append(std::move(d));
    }
    if (check.failed())
        return ParseResult<DiagnosticList>::failure(check.error());

    const QJsonValue summaryValue = root.value(QLatin1String("summary"));
    if (!ParserUtil::isAbsent(summaryValue)) {
        const auto summary = check.object(summaryValue, QStringLiteral("summary"));
        if (summary) {
            DiagnosticList::ReportedCounts counts;
            counts.filesAnalyzed = int(check
                                           .integer(summary->value(QLatin1String("filesAnalyzed")),
                                                    QStringLiteral("summary.filesAnalyzed"))
                                           .value_or(0));
            counts.errors = int(check
                                    .integer(summary->value(QLatin1String("errorCount")),
                                             QStringLiteral("summary.errorCount"))
                                    .value_or(0));
            counts.warnings = int(check
                                      .integer(summary->value(QLatin1String("warningCount")),
                                               QStringLiteral("summary.warningCount"))
                                      .value_or(0));
            counts.notes =
                int(check.optionalInteger(summary->value(QLatin1String("informationCount")),
                                          QStringLiteral("summary.informationCount"), 0));
            list.reported = counts;
        }
        if (check.failed())
            return ParseResult<DiagnosticList>::failure(check.error());
    }
    return ParseResult<DiagnosticList>::success(std::move(list));
}

} // namespace Promotion
