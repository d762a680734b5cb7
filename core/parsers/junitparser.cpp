// SPDX-License-Identifier: GPL-3.0-or-later
#include "parsers/junitparser.h"

#include "parsers/parserutil_p.h"

#include <cmath>
#include <QXmlStreamReader>

namespace Promotion {

namespace {

const QString kFormat = QStringLiteral("JUnit XML");

// Reads the JUnit elements one by one; the first problem ends the parse.
class Reader final
{
public:
    explicit Reader(const QByteArray &bytes)
        : m_xml(bytes)
    {
    }

    ParseResult<TestSummary> run();

private:
    bool fail(const QString &what);
    std::optional<double> timeAttribute(QStringView element);
    bool checkCountAttributes();
    bool readSuites();
    bool readCase();

    QXmlStreamReader m_xml;
    TestSummary m_summary;
    QString m_error;
    int m_suiteDepth = 0;
    double m_topSuiteTime = 0;
    bool m_haveTopSuiteTime = false;
    std::optional<double> m_rootTime;
};

bool Reader::fail(const QString &what)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("%1: %2: %3").arg(kFormat, ParserUtil::positionOf(m_xml), what);
    return false;
}

std::optional<double> Reader::timeAttribute(QStringView element)
{
    const QXmlStreamAttributes attrs = m_xml.attributes();
    if (!attrs.hasAttribute(QLatin1String("time")))
        return std::nullopt;
    QString text = attrs.value(QLatin1String("time")).trimmed().toString();
    // Some JUnit writers (Maven Surefire) group thousands: time="1,234.5".
    text.remove(QLatin1Char(','));
    bool ok = false;
    const double t = text.toDouble(&ok);
    if (!ok || !std::isfinite(t) || t < 0) {
        fail(QStringLiteral("<%1> attribute 'time' is not a non-negative number: %2")
                 .arg(element, ParserUtil::quote(attrs.value(QLatin1String("time")))));
        return -1.0;
    }
    return t;
}

bool Reader::checkCountAttributes()
{
    static const char *const names[] = {"tests", "failures", "errors", "skipped", "disabled"};
    const QXmlStreamAttributes attrs = m_xml.attributes();
    for (const char *name : names) {
        const QLatin1String key(name);
        if (!attrs.hasAttribute(key))
            continue;
        bool ok = false;
        const long long n = attrs.value(key).trimmed().toLongLong(&ok);
        if (!ok || n < 0) {
            return fail(QStringLiteral("<%1> attribute '%2' is not a non-negative integer: %3")
                            .arg(m_xml.name(), key, ParserUtil::quote(attrs.value(key))));
        }
    }
    return true;
}

bool Reader::readCase()
{
    TestCaseResult result;
    const QXmlStreamAttributes attrs = m_xml.attributes();
    if (!attrs.hasAttribute(QLatin1String("name")))
        return fail(QStringLiteral("<testcase> has no 'name' attribute"));
    result.name = attrs.value(QLatin1String("name")).toString();
    result.className = attrs.value(QLatin1String("classname")).toString();
    result.file = attrs.value(QLatin1String("file")).toString();
    if (attrs.hasAttribute(QLatin1String("line"))) {
        bool ok = false;
        const int line = attrs.value(QLatin1String("line")).trimmed().toInt(&ok);
        if (!ok || line < 0 || line == std::numeric_limits<int>::max()) {
            return fail(
                QStringLiteral("<testcase> attribute 'line' is not a non-negative integer: %1")
                    .arg(ParserUtil::quote(attrs.value(QLatin1String("line")))));
        }
        result.line = line + 1; // pytest writes the 0-based line of the test function
    }
    const std::optional<double> time = timeAttribute(u"testcase");
    if (!m_error.isEmpty())
        return false;
    result.timeSeconds = time.value_or(0);

    bool sawError = false;
    bool sawFailure = false;
    bool sawSkip = false;
    // Children of <testcase>: the outcome elements, then anything else is skipped.
    while (m_xml.readNextStartElement()) {
        const QStringView name = m_xml.name();
        const bool isError = name == u"error";
        const bool isFailure = name == u"failure";
        const bool isSkip = name == u"skipped";
        if (!isError && !isFailure && !isSkip) {
            m_xml.skipCurrentElement();
            continue;
        }
        const QXmlStreamAttributes outcome = m_xml.attributes();
        // The strongest outcome decides the status and supplies the message.
        const bool stronger = (isError && !sawError) || (isFailure && !sawError && !sawFailure) ||
                              (isSkip && !sawError && !sawFailure && !sawSkip);
        QString text = m_xml.readElementText(QXmlStreamReader::IncludeChildElements);
        if (m_xml.hasError())
            return false;
        if (stronger) {
            result.message = outcome.value(QLatin1String("message")).toString();
            result.type = outcome.value(QLatin1String("type")).toString();
            if (text.size() > ParserLimits::maxDetailChars)
                text.truncate(ParserLimits::maxDetailChars);
            result.details = text;
        }
        sawError |= isError;
        sawFailure |= isFailure;
        sawSkip |= isSkip;
    }
    if (m_xml.hasError())
        return false;

    if (sawError) {
        result.status = TestCaseResult::Status::Error;
        ++m_summary.errors;
    } else if (sawFailure) {
        result.status = TestCaseResult::Status::Failed;
        ++m_summary.failed;
    } else if (sawSkip) {
        result.status = TestCaseResult::Status::Skipped;
        ++m_summary.skipped;
    } else {
        ++m_summary.passed;
    }
    ++m_summary.total;
    m_summary.cases.append(std::move(result));
    return true;
}

// Reads the content of the current <testsuites> or <testsuite> element.
bool Reader::readSuites()
{
    while (m_xml.readNextStartElement()) {
        const QStringView name = m_xml.name();
        if (name == u"testsuite") {
            if (!checkCountAttributes())
                return false;
            const std::optional<double> time = timeAttribute(u"testsuite");
            if (!m_error.isEmpty())
                return false;
            if (m_suiteDepth == 0 && time) {
                m_topSuiteTime += *time;
                m_haveTopSuiteTime = true;
            }
            // Nesting is bounded by the document; guard the recursion against hostile input.
            if (m_suiteDepth >= 64)
                return fail(QStringLiteral("<testsuite> nested more than 64 levels deep"));
            ++m_suiteDepth;
            const bool ok = readSuites();
            --m_suiteDepth;
            if (!ok)
                return false;
        } else if (name == u"testcase") {
            if (!readCase())
                return false;
        } else {
            m_xml.skipCurrentElement();
        }
    }
    return !m_xml.hasError();
}

ParseResult<TestSummary> Reader::run()
{
    if (!m_xml.readNextStartElement()) {
        if (!m_xml.hasError())
            fail(QStringLiteral("no root element"));
    } else if (m_xml.name() == u"testsuites") {
        if (checkCountAttributes()) {
            m_rootTime = timeAttribute(u"testsuites");
            if (m_error.isEmpty())
                readSuites();
        }
    } else if (m_xml.name() == u"testsuite") {
        if (checkCountAttributes()) {
            m_rootTime = timeAttribute(u"testsuite");
            if (m_error.isEmpty()) {
                ++m_suiteDepth;
                readSuites();
            }
        }
    } else {
        fail(QStringLiteral("root element is <%1>, expected <testsuites> or <testsuite>")
                 .arg(m_xml.name()));
    }
    // Read to the end so that trailing garbage or truncation is noticed.
    while (m_error.isEmpty() && !m_xml.atEnd() && !m_xml.hasError())
        m_xml.readNext();
    if (m_error.isEmpty() && m_xml.hasError()) {
        const QString reason = m_xml.error() == QXmlStreamReader::PrematureEndOfDocumentError
                                   ? QStringLiteral("the document ends early (truncated?)")
                                   : m_xml.errorString();
        fail(QStringLiteral("malformed XML: %1").arg(reason));
    }
    if (!m_error.isEmpty())
        return ParseResult<TestSummary>::failure(m_error);

    if (m_rootTime) {
        m_summary.durationSeconds = *m_rootTime;
    } else if (m_haveTopSuiteTime) {
        m_summary.durationSeconds = m_topSuiteTime;
    } else {
        for (const TestCaseResult &c : std::as_const(m_summary.cases))
            m_summary.durationSeconds += c.timeSeconds;
    }
    return ParseResult<TestSummary>::success(std::move(m_summary));
}

} // namespace

ParseResult<TestSummary> JUnitParser::parse(const QByteArray &xml)
{
    if (const auto problem = ParserUtil::checkInput(xml, kFormat))
        return ParseResult<TestSummary>::failure(*problem);
    Reader reader(xml);
    return reader.run();
}

} // namespace Promotion
