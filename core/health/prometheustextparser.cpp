// SPDX-License-Identifier: GPL-3.0-or-later
#include "health/prometheustextparser.h"

#include "parsers/parserutil_p.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <QHash>
#include <QSet>

namespace Promotion {

namespace {

const QString kFormat = QStringLiteral("Prometheus text");

bool isNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

bool isNameChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}

bool isLabelStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isLabelChar(char c)
{
    return isLabelStart(c) || (c >= '0' && c <= '9');
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

bool isValidMetricName(const QByteArray &name)
{
    if (name.isEmpty() || !isNameStart(name.at(0)))
        return false;
    return std::all_of(name.cbegin(), name.cend(), isNameChar);
}

// Go's strconv.ParseFloat, as Prometheus uses it, for the spellings exporters write.
std::optional<double> parseFloat(const QByteArray &token)
{
    if (token.isEmpty())
        return std::nullopt;
    QByteArray body = token;
    double sign = 1;
    if (body.startsWith('+') || body.startsWith('-')) {
        sign = body.startsWith('-') ? -1 : 1;
        body = body.mid(1);
    }
    const QByteArray lower = body.toLower();
    if (lower == "inf" || lower == "infinity")
        return sign * std::numeric_limits<double>::infinity();
    if (lower == "nan")
        return std::numeric_limits<double>::quiet_NaN();
    // Digits, '.', exponent only: QByteArray::toDouble would also take "nan" spelled oddly.
    for (char c : body) {
        if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'))
            return std::nullopt;
    }
    bool ok = false;
    const double v = token.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return v;
}

// Undoes the exposition's escapes; \a allowQuote: label values also escape '"'.
QString unescape(const QByteArray &raw, bool allowQuote)
{
    QByteArray out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        if (c == '\\' && i + 1 < raw.size()) {
            const char next = raw.at(i + 1);
            if (next == '\\' || next == 'n' || (allowQuote && next == '"')) {
                out += next == 'n' ? '\n' : next;
                ++i;
                continue;
            }
        }
        out += c; // other escapes are kept as written, like Prometheus does
    }
    return QString::fromUtf8(out);
}

class LineParser final
{
public:
    LineParser(const QByteArray &line, int lineNumber)
        : m_line(line)
        , m_number(lineNumber)
    {
    }

    bool parseSample(PrometheusSample *sample);
    const QString &error() const { return m_error; }

private:
    bool fail(const QString &what)
    {
        if (m_error.isEmpty()) {
            m_error = QStringLiteral("%1: line %2, column %3: %4")
                          .arg(kFormat)
                          .arg(m_number)
                          .arg(m_pos + 1)
                          .arg(what);
        }
        return false;
    }
    void skipBlanks()
    {
        while (m_pos < m_line.size() && isBlank(m_line.at(m_pos)))
            ++m_pos;
    }
    bool atEnd() const { return m_pos >= m_line.size(); }
    QByteArray token()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_line.size() && !isBlank(m_line.at(m_pos)))
            ++m_pos;
        return m_line.mid(start, m_pos - start);
    }
    bool parseLabels(PrometheusLabels *labels);

    const QByteArray &m_line;
    int m_number;
    qsizetype m_pos = 0;
    QString m_error;
};

bool LineParser::parseLabels(PrometheusLabels *labels)
{
    ++m_pos; // '{'
    while (true) {
        skipBlanks();
        if (atEnd())
            return fail(QStringLiteral("the label set is not closed with '}'"));
        if (m_line.at(m_pos) == '}') {
            ++m_pos;
            return true;
        }
        const qsizetype nameStart = m_pos;
        if (!isLabelStart(m_line.at(m_pos)))
            return fail(QStringLiteral("expected a label name, found %1")
                            .arg(ParserUtil::quote(QString::fromUtf8(m_line.mid(m_pos, 20)))));
        while (m_pos < m_line.size() && isLabelChar(m_line.at(m_pos)))
            ++m_pos;
        const QString name = QString::fromLatin1(m_line.mid(nameStart, m_pos - nameStart));
        skipBlanks();
        if (atEnd() || m_line.at(m_pos) != '=')
            return fail(QStringLiteral("expected '=' after label name \"%1\"").arg(name));
        ++m_pos;
        skipBlanks();
        if (atEnd() || m_line.at(m_pos) != '"')
            return fail(
                QStringLiteral("expected '\"' to open the value of label \"%1\"").arg(name));
        ++m_pos;
        const qsizetype valueStart = m_pos;
        bool closed = false;
        while (m_pos < m_line.size()) {
            const char c = m_line.at(m_pos);
            if (c == '\\') {
                m_pos += 2;
                continue;
            }
            if (c == '"') {
                closed = true;
                break;
            }
            ++m_pos;
        }
        if (!closed) {
            m_pos = valueStart;
            return fail(
                QStringLiteral("the value of label \"%1\" is not closed with '\"'").arg(name));
        }
        const QString value = unescape(m_line.mid(valueStart, m_pos - valueStart), true);
        ++m_pos; // closing quote
        if (labels->contains(name)) {
            m_pos = nameStart;
            return fail(QStringLiteral("label \"%1\" appears twice").arg(name));
        }
        labels->insert(name, value);
        skipBlanks();
        if (atEnd())
            return fail(QStringLiteral("the label set is not closed with '}'"));
        if (m_line.at(m_pos) == ',') {
            ++m_pos;
            continue;
        }
        if (m_line.at(m_pos) != '}')
            return fail(
                QStringLiteral("expected ',' or '}' after the value of label \"%1\"").arg(name));
    }
}

bool LineParser::parseSample(PrometheusSample *sample)
{
    skipBlanks();
    const qsizetype nameStart = m_pos;
    if (atEnd() || !isNameStart(m_line.at(m_pos)))
        return fail(QStringLiteral("expected a metric name, found %1")
                        .arg(ParserUtil::quote(QString::fromUtf8(m_line.mid(m_pos, 20)))));
    while (m_pos < m_line.size() && isNameChar(m_line.at(m_pos)))
        ++m_pos;
    sample->name = QString::fromLatin1(m_line.mid(nameStart, m_pos - nameStart));
    sample->line = m_number;
    const qsizetype afterName = m_pos;
    skipBlanks();
    if (!atEnd() && m_line.at(m_pos) == '{') {
        if (!parseLabels(&sample->labels))
            return false;
        skipBlanks();
    } else if (m_pos == afterName && !atEnd()) {
        return fail(QStringLiteral("unexpected %1 in the metric name")
                        .arg(ParserUtil::quote(QString::fromUtf8(m_line.mid(m_pos, 1)))));
    }
    if (atEnd())
        return fail(QStringLiteral("sample \"%1\" has no value").arg(sample->name));
    const qsizetype valuePos = m_pos;
    const QByteArray valueToken = token();
    const std::optional<double> value = parseFloat(valueToken);
    if (!value) {
        m_pos = valuePos;
        return fail(QStringLiteral("the value of \"%1\" is not a number: %2")
                        .arg(sample->name, ParserUtil::quote(QString::fromUtf8(valueToken))));
    }
    sample->value = *value;
    skipBlanks();
    if (!atEnd() && m_line.at(m_pos) != '#') {
        const qsizetype tsPos = m_pos;
        const QByteArray ts = token();
        bool ok = false;
        const qint64 ms = ts.toLongLong(&ok);
        if (!ok) {
            m_pos = tsPos;
            return fail(
                QStringLiteral("the timestamp of \"%1\" is not an integer (milliseconds): %2")
                    .arg(sample->name, ParserUtil::quote(QString::fromUtf8(ts))));
        }
        sample->timestampMs = ms;
        skipBlanks();
    }
    // An OpenMetrics exemplar (" # {trace_id=...} 1") may follow; it is not needed here.
    if (!atEnd() && m_line.at(m_pos) != '#')
        return fail(QStringLiteral("unexpected text after the sample: %1")
                        .arg(ParserUtil::quote(QString::fromUtf8(m_line.mid(m_pos, 40)))));
    return true;
}

std::optional<PrometheusMetricFamily::Type> typeFromName(const QByteArray &word)
{
    if (word == "counter")
        return PrometheusMetricFamily::Type::Counter;
    if (word == "gauge")
        return PrometheusMetricFamily::Type::Gauge;
    if (word == "histogram")
        return PrometheusMetricFamily::Type::Histogram;
    if (word == "summary")
        return PrometheusMetricFamily::Type::Summary;
    if (word == "untyped" || word == "unknown")
        return PrometheusMetricFamily::Type::Untyped;
    return std::nullopt;
}

// The family a sample belongs to: its own name, or a histogram/summary it is a part of.
QString familyOf(const QString &sampleName, const QMap<QString, PrometheusMetricFamily> &families)
{
    if (families.contains(sampleName))
        return sampleName;
    static const QLatin1String suffixes[] = {QLatin1String("_bucket"), QLatin1String("_sum"),
                                             QLatin1String("_count")};
    for (const QLatin1String &suffix : suffixes) {
        if (sampleName.endsWith(suffix)) {
            QString base = sampleName.left(sampleName.size() - suffix.size());
            const auto it = families.constFind(base);
            if (it != families.cend() && (it->type == PrometheusMetricFamily::Type::Histogram ||
                                          it->type == PrometheusMetricFamily::Type::Summary))
                return base;
        }
    }
    return sampleName;
}

QString seriesKey(const PrometheusSample &s)
{
    QString key = s.name;
    for (auto it = s.labels.cbegin(); it != s.labels.cend(); ++it) {
        key += QLatin1Char('\x1f') + it.key() + QLatin1Char('\x1e') + it.value();
    }
    return key;
}

bool matches(const PrometheusLabels &labels, const PrometheusLabels &filter)
{
    for (auto it = filter.cbegin(); it != filter.cend(); ++it) {
        const auto found = labels.constFind(it.key());
        if (found == labels.cend() || *found != it.value())
            return false;
    }
    return true;
}

} // namespace

ParseResult<PrometheusScrape> PrometheusTextParser::parse(const QByteArray &text)
{
    if (text.size() > ParserLimits::maxInputBytes)
        return ParseResult<PrometheusScrape>::failure(*ParserUtil::checkInput(text, kFormat));
    // An exposition without samples is valid (an exporter with nothing to say yet).

    PrometheusScrape scrape;
    QSet<QString> seenSeries;
    QSet<QString> seenHelp;
    QSet<QString> seenType;
    const QList<QByteArray> lines = text.split('\n');
    int lineNumber = 0;
    for (QByteArray line : lines) {
        ++lineNumber;
        if (line.endsWith('\r'))
            line.chop(1);
        qsizetype first = 0;
        while (first < line.size() && isBlank(line.at(first)))
            ++first;
        if (first == line.size())
            continue;

        if (line.at(first) == '#') {
            // "# HELP name text", "# TYPE name type"; any other comment is ignored.
            const QByteArray body = line.mid(first + 1).trimmed();
            qsizetype wordEnd = 0;
            while (wordEnd < body.size() && !isBlank(body.at(wordEnd)))
                ++wordEnd;
            const QByteArray word = body.left(wordEnd);
            const bool isHelp = word == "HELP";
            const bool isType = word == "TYPE";
            if (body == "EOF")
                break; // OpenMetrics end marker
            if (!isHelp && !isType)
                continue;
            const QByteArray rest = body.mid(wordEnd + 1);
            qsizetype p = 0;
            while (p < rest.size() && isBlank(rest.at(p)))
                ++p;
            qsizetype nameEnd = p;
            while (nameEnd < rest.size() && !isBlank(rest.at(nameEnd)))
                ++nameEnd;
            const QByteArray name = rest.mid(p, nameEnd - p);
            if (!isValidMetricName(name)) {
                return ParseResult<PrometheusScrape>::failure(
                    QStringLiteral("%1: line %2: %3 names no valid metric: %4")
                        .arg(kFormat)
                        .arg(lineNumber)
                        .arg(isHelp ? QStringLiteral("HELP") : QStringLiteral("TYPE"),
                             ParserUtil::quote(QString::fromUtf8(name))));
            }
            const QString familyName = QString::fromLatin1(name);
            // The text after one separator blank is the docstring, kept verbatim otherwise.
            const QByteArray value = nameEnd < rest.size() ? rest.mid(nameEnd + 1) : QByteArray();
            PrometheusMetricFamily &family = scrape.families[familyName];
            family.name = familyName;
            if (isHelp) {
                if (seenHelp.contains(familyName)) {
                    return ParseResult<PrometheusScrape>::failure(
                        QStringLiteral("%1: line %2: a second HELP line for \"%3\"")
                            .arg(kFormat)
                            .arg(lineNumber)
                            .arg(familyName));
                }
                seenHelp.insert(familyName);
                family.help = unescape(value, false);
            } else {
                const std::optional<PrometheusMetricFamily::Type> type =
                    typeFromName(value.trimmed());
                if (!type) {
                    return ParseResult<PrometheusScrape>::failure(
                        QStringLiteral("%1: line %2: unknown metric type %3 for \"%4\"")
                            .arg(kFormat)
                            .arg(lineNumber)
                            .arg(ParserUtil::quote(QString::fromUtf8(value.trimmed())),
                                 familyName));
                }
                if (seenType.contains(familyName)) {
                    return ParseResult<PrometheusScrape>::failure(
                        QStringLiteral("%1: line %2: a second TYPE line for \"%3\"")
                            .arg(kFormat)
                            .arg(lineNumber)
                            .arg(familyName));
                }
                seenType.insert(familyName);
                family.type = *type;
            }
            continue;
        }

        PrometheusSample sample;
        LineParser parser(line, lineNumber);
        if (!parser.parseSample(&sample))
            return ParseResult<PrometheusScrape>::failure(parser.error());
        const QString family = familyOf(sample.name, scrape.families);
        const auto familyIt = scrape.families.constFind(family);
        if (familyIt != scrape.families.cend() &&
            familyIt->type == PrometheusMetricFamily::Type::Histogram &&
            sample.name.endsWith(QLatin1String("_bucket"))) {
            const auto le = sample.labels.constFind(QStringLiteral("le"));
            if (le == sample.labels.cend() || !parseFloat(le->toUtf8())) {
                return ParseResult<PrometheusScrape>::failure(
                    QStringLiteral("%1: line %2: histogram bucket \"%3\" needs a numeric \"le\" "
                                   "label, has %4")
                        .arg(kFormat)
                        .arg(lineNumber)
                        .arg(sample.name, le == sample.labels.cend() ? QStringLiteral("none")
                                                                     : ParserUtil::quote(*le)));
            }
        }
        const QString key = seriesKey(sample);
        if (seenSeries.contains(key)) {
            return ParseResult<PrometheusScrape>::failure(
                QStringLiteral("%1: line %2: series \"%3\" with these labels appears twice")
                    .arg(kFormat)
                    .arg(lineNumber)
                    .arg(sample.name));
        }
        seenSeries.insert(key);
        scrape.samples.append(std::move(sample));
    }
    return ParseResult<PrometheusScrape>::success(std::move(scrape));
}

QList<PrometheusSample> PrometheusScrape::series(const QString &name,
                                                 const PrometheusLabels &filter) const
{
    QList<PrometheusSample> out;
    for (const PrometheusSample &s : samples) {
        if (s.name == name && matches(s.labels, filter))
            out.append(s);
    }
    return out;
}

std::optional<double> PrometheusScrape::sum(const QString &name,
                                            const PrometheusLabels &filter) const
{
    return sumIf(name,
                 [&filter](const PrometheusLabels &labels) { return matches(labels, filter); });
}

std::optional<double>
PrometheusScrape::sumIf(const QString &name,
                        const std::function<bool(const PrometheusLabels &)> &accept) const
{
    std::optional<double> total;
    for (const PrometheusSample &s : samples) {
        if (s.name == name && accept(s.labels))
            total = total.value_or(0) + s.value;
    }
    return total;
}

QList<HistogramBucket> PrometheusScrape::histogramBuckets(const QString &histogram,
                                                          const PrometheusLabels &filter) const
{
    const QString bucketName = histogram.endsWith(QLatin1String("_bucket"))
                                   ? histogram
                                   : histogram + QLatin1String("_bucket");
    QMap<double, double> byBound; // sorted by upper bound; +Inf sorts last
    for (const PrometheusSample &s : samples) {
        if (s.name != bucketName || !matches(s.labels, filter))
            continue;
        const auto le = s.labels.constFind(QStringLiteral("le"));
        if (le == s.labels.cend())
            continue;
        const std::optional<double> bound = parseFloat(le->toUtf8());
        if (!bound || std::isnan(*bound))
            continue;
        byBound[*bound] += s.value;
    }
    QList<HistogramBucket> out;
    out.reserve(byBound.size());
    for (auto it = byBound.cbegin(); it != byBound.cend(); ++it)
        out.append(HistogramBucket{it.key(), it.value()});
    return out;
}

double PrometheusTextParser::histogramQuantile(double q, QList<HistogramBucket> buckets)
{
    // Mirrors bucketQuantile() in Prometheus' promql/quantile.go.
    if (std::isnan(q))
        return std::numeric_limits<double>::quiet_NaN();
    if (q < 0)
        return -std::numeric_limits<double>::infinity();
    if (q > 1)
        return std::numeric_limits<double>::infinity();
    std::stable_sort(buckets.begin(), buckets.end(),
                     [](const HistogramBucket &a, const HistogramBucket &b) {
                         return a.upperBound < b.upperBound;
                     });
    if (buckets.isEmpty() || !std::isinf(buckets.last().upperBound) ||
        buckets.last().upperBound < 0)
        return std::numeric_limits<double>::quiet_NaN();
    // Coalesce equal bounds, then force the cumulative counts to be monotonic.
    QList<HistogramBucket> merged;
    for (const HistogramBucket &b : std::as_const(buckets)) {
        if (!merged.isEmpty() && merged.last().upperBound == b.upperBound)
            merged.last().count += b.count;
        else
            merged.append(b);
    }
    double max = -std::numeric_limits<double>::infinity();
    for (HistogramBucket &b : merged) {
        if (b.count > max)
            max = b.count;
        else if (b.count < max)
            b.count = max;
    }
    if (merged.size() < 2)
        return std::numeric_limits<double>::quiet_NaN();
    const double observations = merged.last().count;
    if (!(observations > 0))
        return std::numeric_limits<double>::quiet_NaN();
    double rank = q * observations;
    qsizetype b = 0;
    const qsizetype searchEnd = merged.size() - 1;
    while (b < searchEnd && merged.at(b).count < rank)
        ++b;
    if (b == searchEnd)
        return merged.at(merged.size() - 2).upperBound;
    if (b == 0 && merged.at(0).upperBound <= 0)
        return merged.at(0).upperBound;
    double bucketStart = 0;
    const double bucketEnd = merged.at(b).upperBound;
    double count = merged.at(b).count;
    if (b > 0) {
        bucketStart = merged.at(b - 1).upperBound;
        count -= merged.at(b - 1).count;
        rank -= merged.at(b - 1).count;
    }
    return bucketStart + (bucketEnd - bucketStart) * (rank / count);
}

QList<HistogramBucket> PrometheusTextParser::bucketDeltas(const QList<HistogramBucket> &earlier,
                                                          const QList<HistogramBucket> &later,
                                                          bool *counterReset)
{
    QHash<double, double> before;
    for (const HistogramBucket &b : earlier)
        before.insert(b.upperBound, b.count);
    bool reset = false;
    for (const HistogramBucket &b : later) {
        if (b.count < before.value(b.upperBound, 0))
            reset = true;
    }
    QList<HistogramBucket> out;
    out.reserve(later.size());
    for (const HistogramBucket &b : later)
        out.append(HistogramBucket{b.upperBound,
                                   reset ? b.count : b.count - before.value(b.upperBound, 0)});
    if (counterReset)
        *counterReset = reset;
    return out;
}

double PrometheusTextParser::quantileFromDeltas(double q, const QList<HistogramBucket> &earlier,
                                                const QList<HistogramBucket> &later,
                                                bool *counterReset)
{
    return histogramQuantile(q, bucketDeltas(earlier, later, counterReset));
}

} // namespace Promotion
