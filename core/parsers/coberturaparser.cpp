// SPDX-License-Identifier: GPL-3.0-or-later
#include "parsers/coberturaparser.h"

#include "parsers/parserutil_p.h"

#include <cmath>
#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace Promotion {

namespace {

const QString kFormat = QStringLiteral("Cobertura XML");
// Line and branch counts above this are not a real report; refusing them keeps sums exact.
constexpr qint64 kMaxCount = qint64(1) << 40;

struct LineInfo
{
    qint64 hits = 0;
    qint64 branchesCovered = 0;
    qint64 branchesValid = 0;
};

class Reader final
{
public:
    explicit Reader(const QByteArray &bytes)
        : m_xml(bytes)
    {
    }
    ParseResult<CoverageSummary> run();

private:
    bool fail(const QString &what);
    std::optional<qint64> count(QLatin1String attribute, bool required, qint64 max = kMaxCount);
    std::optional<double> rate(QLatin1String attribute);
    bool readRootAttributes();
    bool readBody();
    bool readClass();
    bool readLines(QMap<int, LineInfo> &lines);
    bool readLine(QMap<int, LineInfo> &lines);

    QXmlStreamReader m_xml;
    QString m_error;
    CoverageSummary m_summary;
    std::optional<qint64> m_linesValid, m_linesCovered, m_branchesValid, m_branchesCovered;
    std::optional<double> m_lineRate;
    QStringList m_fileOrder;
    QHash<QString, QMap<int, LineInfo>> m_files;
};

bool Reader::fail(const QString &what)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("%1: %2: %3").arg(kFormat, ParserUtil::positionOf(m_xml), what);
    return false;
}

std::optional<qint64> Reader::count(QLatin1String attribute, bool required, qint64 max)
{
    const QXmlStreamAttributes attrs = m_xml.attributes();
    if (!attrs.hasAttribute(attribute)) {
        if (required)
            fail(QStringLiteral("<%1> has no '%2' attribute").arg(m_xml.name(), attribute));
        return std::nullopt;
    }
    bool ok = false;
    const qint64 n = attrs.value(attribute).trimmed().toLongLong(&ok);
    if (!ok || n < 0) {
        fail(QStringLiteral("<%1> attribute '%2' is not a non-negative integer: %3")
                 .arg(m_xml.name(), attribute, ParserUtil::quote(attrs.value(attribute))));
        return std::nullopt;
    }
    if (n > max) {
        fail(QStringLiteral("<%1> attribute '%2' is out of range: %3")
                 .arg(m_xml.name(), attribute)
                 .arg(n));
        return std::nullopt;
    }
    return n;
}

std::optional<double> Reader::rate(QLatin1String attribute)
{
    const QXmlStreamAttributes attrs = m_xml.attributes();
    if (!attrs.hasAttribute(attribute))
        return std::nullopt;
    bool ok = false;
    const double r = attrs.value(attribute).trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(r) || r < 0 || r > 1) {
        fail(QStringLiteral("<%1> attribute '%2' is not a rate from 0 to 1: %3")
                 .arg(m_xml.name(), attribute, ParserUtil::quote(attrs.value(attribute))));
        return std::nullopt;
    }
    return r;
}

bool Reader::readRootAttributes()
{
    m_linesValid = count(QLatin1String("lines-valid"), false);
    m_linesCovered = count(QLatin1String("lines-covered"), false);
    m_branchesValid = count(QLatin1String("branches-valid"), false);
    m_branchesCovered = count(QLatin1String("branches-covered"), false);
    m_lineRate = rate(QLatin1String("line-rate"));
    rate(QLatin1String("branch-rate"));
    if (!m_error.isEmpty())
        return false;
    if (m_linesValid && m_linesCovered && *m_linesCovered > *m_linesValid) {
        return fail(QStringLiteral("lines-covered (%1) is larger than lines-valid (%2)")
                        .arg(*m_linesCovered)
                        .arg(*m_linesValid));
    }
    if (m_branchesValid && m_branchesCovered && *m_branchesCovered > *m_branchesValid) {
        return fail(QStringLiteral("branches-covered (%1) is larger than branches-valid (%2)")
                        .arg(*m_branchesCovered)
                        .arg(*m_branchesValid));
    }
    m_summary.toolVersion = m_xml.attributes().value(QLatin1String("version")).toString();
    return true;
}

bool Reader::readLine(QMap<int, LineInfo> &lines)
{
    const std::optional<qint64> number = count(QLatin1String("number"), true);
    if (!number)
        return false;
    if (*number < 1 || *number > std::numeric_limits<int>::max())
        return fail(QStringLiteral("<line> attribute 'number' is out of range: %1").arg(*number));
    const std::optional<qint64> hits =
        count(QLatin1String("hits"), true, std::numeric_limits<qint64>::max());
    if (!hits)
        return false;
    LineInfo info;
    info.hits = *hits;
    const QXmlStreamAttributes attrs = m_xml.attributes();
    if (attrs.value(QLatin1String("branch")) == u"true" &&
        attrs.hasAttribute(QLatin1String("condition-coverage"))) {
        // coverage.py writes condition-coverage="50% (1/2)".
        static const QRegularExpression re(
            QStringLiteral(R"(^\s*\d+(?:\.\d+)?%\s*\((\d+)/(\d+)\)\s*$)"));
        const QString text = attrs.value(QLatin1String("condition-coverage")).toString();
        const QRegularExpressionMatch m = re.match(text);
        bool okCovered = false;
        bool okValid = false;
        const qint64 covered = m.hasMatch() ? m.captured(1).toLongLong(&okCovered) : 0;
        const qint64 valid = m.hasMatch() ? m.captured(2).toLongLong(&okValid) : 0;
        if (!okCovered || !okValid || covered > valid || valid > 1000000) {
            return fail(QStringLiteral("<line> attribute 'condition-coverage' is not like "
                                       "\"50% (1/2)\": %1")
                            .arg(ParserUtil::quote(text)));
        }
        info.branchesCovered = covered;
        info.branchesValid = valid;
    }
    // The same line can appear in two classes of one file; keep the better record.
    auto it = lines.find(int(*number));
    if (it == lines.end()) {
        lines.insert(int(*number), info);
    } else {
        it->hits = std::max(it->hits, info.hits);
        if (info.branchesValid > it->branchesValid ||
            (info.branchesValid == it->branchesValid &&
             info.branchesCovered > it->branchesCovered)) {
            it->branchesValid = info.branchesValid;
            it->branchesCovered = info.branchesCovered;
        }
    }
    m_xml.skipCurrentElement();
    return !m_xml.hasError();
}

bool Reader::readLines(QMap<int, LineInfo> &lines)
{
    while (m_xml.readNextStartElement()) {
        if (m_xml.name() == u"line") {
            if (!readLine(lines))
                return false;
        } else {
            m_xml.skipCurrentElement();
        }
    }
    return !m_xml.hasError();
}

bool Reader::readClass()
{
    const QXmlStreamAttributes attrs = m_xml.attributes();
    if (!attrs.hasAttribute(QLatin1String("filename")))
        return fail(QStringLiteral("<class> has no 'filename' attribute"));
    const QString file = attrs.value(QLatin1String("filename")).toString();
    if (!m_files.contains(file))
        m_fileOrder.append(file);
    QMap<int, LineInfo> &lines = m_files[file];
    while (m_xml.readNextStartElement()) {
        // <methods> repeat the class's lines; counting them would count lines twice.
        if (m_xml.name() == u"lines") {
            if (!readLines(lines))
                return false;
        } else {
            m_xml.skipCurrentElement();
        }
    }
    return !m_xml.hasError();
}

bool Reader::readBody()
{
    int depth = 0;
    while (!m_xml.atEnd()) {
        const QXmlStreamReader::TokenType token = m_xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QStringView name = m_xml.name();
            if (name == u"class") {
                if (!readClass())
                    return false;
            } else if (name == u"source" || name == u"sources" || name == u"packages" ||
                       name == u"package" || name == u"classes") {
                ++depth; // containers: descend
            } else {
                m_xml.skipCurrentElement();
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (depth == 0)
                return true; // </coverage>
            --depth;
        }
    }
    return !m_xml.hasError();
}

double percentOf(qint64 covered, qint64 valid)
{
    return valid > 0 ? double(covered) / double(valid) * 100.0 : 100.0;
}

ParseResult<CoverageSummary> Reader::run()
{
    if (!m_xml.readNextStartElement()) {
        if (!m_xml.hasError())
            fail(QStringLiteral("no root element"));
    } else if (m_xml.name() != u"coverage") {
        fail(QStringLiteral("root element is <%1>, expected <coverage>").arg(m_xml.name()));
    } else if (readRootAttributes()) {
        readBody();
    }
    while (m_error.isEmpty() && !m_xml.atEnd() && !m_xml.hasError())
        m_xml.readNext();
    if (m_error.isEmpty() && m_xml.hasError()) {
        const QString reason = m_xml.error() == QXmlStreamReader::PrematureEndOfDocumentError
                                   ? QStringLiteral("the document ends early (truncated?)")
                                   : m_xml.errorString();
        fail(QStringLiteral("malformed XML: %1").arg(reason));
    }
    if (!m_error.isEmpty())
        return ParseResult<CoverageSummary>::failure(m_error);

    qint64 sumLinesValid = 0, sumLinesCovered = 0, sumBranchesValid = 0, sumBranchesCovered = 0;
    for (const QString &file : std::as_const(m_fileOrder)) {
        FileCoverage fc;
        fc.file = file;
        const QMap<int, LineInfo> &lines = m_files[file];
        for (auto it = lines.cbegin(); it != lines.cend(); ++it) {
            ++fc.linesValid;
            if (it->hits > 0)
                ++fc.linesCovered;
            else
                fc.missingLines.append(it.key());
            fc.branchesValid += it->branchesValid;
            fc.branchesCovered += it->branchesCovered;
        }
        fc.percent =
            percentOf(fc.linesCovered + fc.branchesCovered, fc.linesValid + fc.branchesValid);
        sumLinesValid += fc.linesValid;
        sumLinesCovered += fc.linesCovered;
        sumBranchesValid += fc.branchesValid;
        sumBranchesCovered += fc.branchesCovered;
        m_summary.files.append(std::move(fc));
    }

    m_summary.tool = QStringLiteral("coverage.py");
    m_summary.linesValid = m_linesValid.value_or(sumLinesValid);
    m_summary.linesCovered = m_linesCovered.value_or(sumLinesCovered);
    m_summary.branchesValid = m_branchesValid.value_or(sumBranchesValid);
    m_summary.branchesCovered = m_branchesCovered.value_or(sumBranchesCovered);
    if (m_summary.linesCovered > m_summary.linesValid ||
        m_summary.branchesCovered > m_summary.branchesValid) {
        return ParseResult<CoverageSummary>::failure(
            QStringLiteral("%1: root counts disagree with the <line> elements "
                           "(covered %2/%3 lines, %4/%5 branches)")
                .arg(kFormat)
                .arg(m_summary.linesCovered)
                .arg(m_summary.linesValid)
                .arg(m_summary.branchesCovered)
                .arg(m_summary.branchesValid));
    }
    m_summary.branchCoverage = m_summary.branchesValid > 0;
    const qint64 valid = m_summary.linesValid + m_summary.branchesValid;
    if (valid > 0) {
        m_summary.percent = percentOf(m_summary.linesCovered + m_summary.branchesCovered, valid);
    } else {
        // Nothing measurable: coverage.py calls this 100 %; trust line-rate if it says else.
        m_summary.percent = m_lineRate ? *m_lineRate * 100.0 : 100.0;
    }
    m_summary.lineRatePercent = m_summary.linesValid > 0
                                    ? percentOf(m_summary.linesCovered, m_summary.linesValid)
                                    : (m_lineRate ? *m_lineRate * 100.0 : 100.0);
    return ParseResult<CoverageSummary>::success(std::move(m_summary));
}

} // namespace

ParseResult<CoverageSummary> CoberturaParser::parse(const QByteArray &xml)
{
    if (const auto problem = ParserUtil::checkInput(xml, kFormat))
        return ParseResult<CoverageSummary>::failure(*problem);
    Reader reader(xml);
    return reader.run();
}

} // namespace Promotion
