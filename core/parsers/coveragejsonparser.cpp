// SPDX-License-Identifier: GPL-3.0-or-later
#include "parsers/coveragejsonparser.h"

#include "parsers/parserutil_p.h"

namespace Promotion {

namespace {

const QString kFormat = QStringLiteral("coverage.py JSON");
constexpr qint64 kMaxCount = qint64(1) << 40;

struct Counts
{
    qint64 linesCovered = 0;
    qint64 linesValid = 0;
    qint64 branchesCovered = 0;
    qint64 branchesValid = 0;
    double percent = 100;
};

// Reads a "summary"/"totals" object; the first problem is left in \a check.
Counts readCounts(ParserUtil::JsonChecker &check, const QJsonObject &o, const QString &path)
{
    using ParserUtil::JsonChecker;
    Counts c;
    c.linesCovered =
        check
            .integer(o.value(QLatin1String("covered_lines")),
                     JsonChecker::key(path, QLatin1String("covered_lines")), 0, kMaxCount)
            .value_or(0);
    c.linesValid =
        check
            .integer(o.value(QLatin1String("num_statements")),
                     JsonChecker::key(path, QLatin1String("num_statements")), 0, kMaxCount)
            .value_or(0);
    c.branchesValid = check.optionalInteger(o.value(QLatin1String("num_branches")),
                                            JsonChecker::key(path, QLatin1String("num_branches")),
                                            0, 0, kMaxCount);
    c.branchesCovered = check.optionalInteger(
        o.value(QLatin1String("covered_branches")),
        JsonChecker::key(path, QLatin1String("covered_branches")), 0, 0, kMaxCount);
    const QString percentPath = JsonChecker::key(path, QLatin1String("percent_covered"));
    c.percent = check.number(o.value(QLatin1String("percent_covered")), percentPath).value_or(0);
    if (check.failed())
        return c;
    if (c.percent < 0 || c.percent > 100)
        check.fail(percentPath, QStringLiteral("%1 is not a percentage").arg(c.percent));
    else if (c.linesCovered > c.linesValid)
        check.fail(path, QStringLiteral("covered_lines (%1) is larger than num_statements (%2)")
                             .arg(c.linesCovered)
                             .arg(c.linesValid));
    else if (c.branchesCovered > c.branchesValid)
        check.fail(path, QStringLiteral("covered_branches (%1) is larger than num_branches (%2)")
                             .arg(c.branchesCovered)
                             .arg(c.branchesValid));
    return c;
}

} // namespace

ParseResult<CoverageSummary> CoverageJsonParser::parse(const QByteArray &json)
{
    using ParserUtil::JsonChecker;
    if (const auto problem = ParserUtil::checkInput(json, kFormat))
        return ParseResult<CoverageSummary>::failure(*problem);
    QString error;
    const std::optional<QJsonDocument> doc = ParserUtil::parseJson(json, kFormat, &error);
    if (!doc)
        return ParseResult<CoverageSummary>::failure(error);

    JsonChecker check(kFormat);
    if (!doc->isObject()) {
        return ParseResult<CoverageSummary>::failure(
            kFormat + QStringLiteral(": the document is not an object with \"totals\""));
    }
    const QJsonObject rootObject = doc->object();
    const QJsonObject *root = &rootObject;

    CoverageSummary summary;
    summary.tool = QStringLiteral("coverage.py");
    const QJsonValue meta = root->value(QLatin1String("meta"));
    if (!ParserUtil::isAbsent(meta)) {
        if (const auto m = check.object(meta, QStringLiteral("meta"))) {
            summary.toolVersion = check.optionalString(m->value(QLatin1String("version")),
                                                       QStringLiteral("meta.version"));
        }
    }

    const std::optional<QJsonObject> totals =
        check.object(root->value(QLatin1String("totals")), QStringLiteral("totals"));
    if (!totals)
        return ParseResult<CoverageSummary>::failure(check.error());
    const Counts t = readCounts(check, *totals, QStringLiteral("totals"));
    if (check.failed())
        return ParseResult<CoverageSummary>::failure(check.error());
    summary.linesCovered = t.linesCovered;
    summary.linesValid = t.linesValid;
    summary.branchesCovered = t.branchesCovered;
    summary.branchesValid = t.branchesValid;
    summary.percent = t.percent;
    summary.lineRatePercent =
        t.linesValid > 0 ? double(t.linesCovered) / double(t.linesValid) * 100.0 : 100.0;
    summary.branchCoverage = t.branchesValid > 0;

    const QJsonValue filesValue = root->value(QLatin1String("files"));
    if (!ParserUtil::isAbsent(filesValue)) {
        const std::optional<QJsonObject> files = check.object(filesValue, QStringLiteral("files"));
        if (!files)
            return ParseResult<CoverageSummary>::failure(check.error());
        for (auto it = files->constBegin(); it != files->constEnd(); ++it) {
            const QString path = QStringLiteral("files[%1]").arg(ParserUtil::quote(it.key(), 200));
            const std::optional<QJsonObject> file = check.object(it.value(), path);
            if (!file)
                break;
            const QString summaryPath = JsonChecker::key(path, QLatin1String("summary"));
            const std::optional<QJsonObject> fileSummary =
                check.object(file->value(QLatin1String("summary")), summaryPath);
            if (!fileSummary)
                break;
            const Counts c = readCounts(check, *fileSummary, summaryPath);
            FileCoverage fc;
            fc.file = it.key();
            fc.linesCovered = c.linesCovered;
            fc.linesValid = c.linesValid;
            fc.branchesCovered = c.branchesCovered;
            fc.branchesValid = c.branchesValid;
            fc.percent = c.percent;
            const QJsonValue missing = file->value(QLatin1String("missing_lines"));
            if (!ParserUtil::isAbsent(missing)) {
                const QString missingPath = JsonChecker::key(path, QLatin1String("missing_lines"));
                if (const auto lines = check.array(missing, missingPath)) {
                    for (qsizetype i = 0; i < lines->size(); ++i) {
                        const auto line =
                            check.integer(lines->at(i), JsonChecker::index(missingPath, i), 1);
                        if (!line)
                            break;
                        fc.missingLines.append(int(*line));
                    }
                }
            }
            if (check.failed())
                break;
            summary.files.append(std::move(fc));
        }
        if (check.failed())
            return ParseResult<CoverageSummary>::failure(check.error());
    }
    return ParseResult<CoverageSummary>::success(std::move(summary));
}

} // namespace Promotion
