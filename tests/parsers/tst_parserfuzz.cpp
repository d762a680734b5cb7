// SPDX-License-Identifier: GPL-3.0-or-later
// Feeds random, truncated and mutated copies of every fixture to every parser. Nothing may
// crash, hang or return both (or neither) a value and an error. Deterministic: a fixed seed,
// so a failure reproduces; PROMOTION_FUZZ_ITERATIONS and PROMOTION_FUZZ_SEED override.

#include "health/prometheustextparser.h"
#include "parsers/parserregistry.h"
#include "testconfig.h"

#include <cmath>
#include <functional>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

using namespace Promotion;

namespace {

struct Fixture
{
    QString name;
    QByteArray bytes;
};

// Checks one parse; returns an empty string when the outcome is consistent.
QString checkOutcome(const ToolOutcome &o)
{
    const bool hasSummary = !std::holds_alternative<std::monostate>(o.summary);
    if (o.kind != ToolOutcome::Kind::ExitCode && o.ok() == !hasSummary)
        return QStringLiteral("ok() and summary disagree");
    if (!o.ok() && o.error.trimmed().isEmpty())
        return QStringLiteral("failure without a message");
    if (const TestSummary *t = o.tests()) {
        if (t->passed + t->failed + t->errors + t->skipped != t->total ||
            t->total != t->cases.size() || t->total < 0 || !std::isfinite(t->durationSeconds) ||
            t->durationSeconds < 0)
            return QStringLiteral("inconsistent test totals");
        if (const auto rate = t->passRate(); rate && (*rate < 0 || *rate > 100))
            return QStringLiteral("pass rate out of range");
    }
    if (const CoverageSummary *c = o.coverage()) {
        if (!std::isfinite(c->percent) || c->percent < 0 || c->percent > 100 ||
            c->linesCovered > c->linesValid || c->branchesCovered > c->branchesValid ||
            c->linesCovered < 0 || c->branchesCovered < 0)
            return QStringLiteral("inconsistent coverage: %1 %").arg(c->percent);
    }
    if (const DiagnosticList *d = o.diagnostics()) {
        for (const Diagnostic &diag : d->diagnostics) {
            if (diag.line < 0 || diag.column < 0)
                return QStringLiteral("negative position");
        }
        if (d->findingCount() + d->noteCount() + d->suppressedCount() != d->diagnostics.size())
            return QStringLiteral("counts do not add up");
    }
    return {};
}

QString checkPrometheus(const ParseResult<PrometheusScrape> &r)
{
    if (bool(r) == !r.error.isEmpty())
        return QStringLiteral("value and error disagree");
    if (r) {
        for (const PrometheusSample &s : r->samples) {
            if (s.line <= 0 || s.name.isEmpty())
                return QStringLiteral("sample without line or name");
        }
        // The helpers must cope with whatever was parsed.
        for (const PrometheusSample &s : r->samples) {
            const QList<HistogramBucket> b = r->histogramBuckets(s.name);
            PrometheusTextParser::histogramQuantile(0.95, b);
            PrometheusTextParser::quantileFromDeltas(0.5, b, b);
            r->sum(s.name, s.labels);
            break;
        }
    }
    return {};
}

} // namespace

class TestParserFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyFixtureThroughEveryParser();
    void truncations();
    void randomMutations();

private:
    QString runAll(const QByteArray &input);
    QByteArray mutate(QRandomGenerator &rng);

    QList<Fixture> m_fixtures;
    QStringList m_formats;
    int m_parses = 0;
};

void TestParserFuzz::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QDir dir(QStringLiteral(TEST_DATA_DIR "/parsers"));
    const QStringList files = dir.entryList({QStringLiteral("*.xml"), QStringLiteral("*.json"),
                                             QStringLiteral("*.sarif"), QStringLiteral("*.txt")},
                                            QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_fixtures.append({name, f.readAll()});
    }
    QVERIFY2(m_fixtures.size() >= 25, qPrintable(QString::number(m_fixtures.size())));
    m_formats = ParserRegistry::formats();
}

QString TestParserFuzz::runAll(const QByteArray &input)
{
    for (const QString &format : std::as_const(m_formats)) {
        const ToolOutcome o = ParserRegistry::parse(format, input, 1);
        ++m_parses;
        const QString problem = checkOutcome(o);
        if (!problem.isEmpty())
            return format + QStringLiteral(": ") + problem;
    }
    ++m_parses;
    const QString problem = checkPrometheus(PrometheusTextParser::parse(input));
    if (!problem.isEmpty())
        return QStringLiteral("prometheus: ") + problem;
    return {};
}

void TestParserFuzz::everyFixtureThroughEveryParser()
{
    for (const Fixture &f : std::as_const(m_fixtures)) {
        const QString problem = runAll(f.bytes);
        QVERIFY2(problem.isEmpty(), qPrintable(f.name + QStringLiteral(": ") + problem));
    }
}

void TestParserFuzz::truncations()
{
    // 48 cut points per fixture, always including the very first and last bytes.
    for (const Fixture &f : std::as_const(m_fixtures)) {
        const qsizetype n = f.bytes.size();
        for (int i = 0; i <= 48; ++i) {
            const qsizetype cut = n * i / 48;
            const QString problem = runAll(f.bytes.left(cut));
            QVERIFY2(
                problem.isEmpty(),
                qPrintable(QStringLiteral("%1 cut at %2: %3").arg(f.name).arg(cut).arg(problem)));
        }
        const QString problem = runAll(f.bytes.left(n - 1));
        QVERIFY2(problem.isEmpty(), qPrintable(f.name + QStringLiteral(": ") + problem));
    }
}

QByteArray TestParserFuzz::mutate(QRandomGenerator &rng)
{
    static const QByteArrayList tokens = {"<",
                                          ">",
                                          "\"",
                                          "'",
                                          "&",
                                          "&amp;",
                                          "&#0;",
                                          "]]>",
                                          "<!--",
                                          "{",
                                          "}",
                                          "[",
                                          "]",
                                          ",",
                                          ":",
                                          "\\",
                                          "\\u0000",
                                          "\0",
                                          "\n",
                                          "\r\n",
                                          "-1",
                                          "0",
                                          "NaN",
                                          "+Inf",
                                          "1e999",
                                          "-0",
                                          "99999999999999999999",
                                          "null",
                                          "true",
                                          "\"\"",
                                          "{}",
                                          "[]",
                                          "le=\"",
                                          "# TYPE x histogram\n",
                                          "\xff\xfe",
                                          "é"};
    const Fixture &base = m_fixtures.at(int(rng.bounded(quint32(m_fixtures.size()))));
    QByteArray b = base.bytes;
    const int edits = 1 + int(rng.bounded(6u));
    for (int e = 0; e < edits; ++e) {
        const qsizetype size = b.size();
        const qsizetype pos = size > 0 ? qsizetype(rng.bounded(quint32(size))) : 0;
        switch (rng.bounded(8u)) {
        case 0: // truncate
            b.truncate(pos);
            break;
        case 1: // flip bits
            if (size > 0)
                b[pos] = char(b.at(pos) ^ char(1u << rng.bounded(8u)));
            break;
        case 2: // insert a token that means something to one of the formats
            b.insert(pos, tokens.at(int(rng.bounded(quint32(tokens.size())))));
            break;
        case 3: { // delete a range
            const qsizetype len =
                qsizetype(rng.bounded(quint32(std::min<qsizetype>(size - pos, 200) + 1)));
            b.remove(pos, len);
            break;
        }
        case 4: { // duplicate a range
            const qsizetype len =
                qsizetype(rng.bounded(quint32(std::min<qsizetype>(size - pos, 300) + 1)));
            b.insert(pos, b.mid(pos, len));
            break;
        }
        case 5: { // splice with another fixture
            const Fixture &other = m_fixtures.at(int(rng.bounded(quint32(m_fixtures.size()))));
            const qsizetype from =
                other.bytes.isEmpty() ? 0 : qsizetype(rng.bounded(quint32(other.bytes.size())));
            b = b.left(pos) + other.bytes.mid(from);
            break;
        }
        case 6: { // replace a number with something odd
            qsizetype d = pos;
            while (d < size && !(b.at(d) >= '0' && b.at(d) <= '9'))
                ++d;
            qsizetype end = d;
            while (end < size && b.at(end) >= '0' && b.at(end) <= '9')
                ++end;
            if (d < size)
                b.replace(d, end - d, tokens.at(int(rng.bounded(quint32(tokens.size())))));
            break;
        }
        default: { // random bytes
            QByteArray noise(qsizetype(rng.bounded(64u)), Qt::Uninitialized);
            for (char &c : noise)
                c = char(rng.bounded(256u));
            b.insert(pos, noise);
            break;
        }
        }
    }
    return b;
}

void TestParserFuzz::randomMutations()
{
    const quint32 seed = qEnvironmentVariableIsSet("PROMOTION_FUZZ_SEED")
                             ? quint32(qEnvironmentVariableIntValue("PROMOTION_FUZZ_SEED"))
                             : 20261126u;
    const int iterations = qEnvironmentVariableIsSet("PROMOTION_FUZZ_ITERATIONS")
                               ? qEnvironmentVariableIntValue("PROMOTION_FUZZ_ITERATIONS")
                               : 5000;
    QRandomGenerator rng(seed);
    int accepted = 0;
    for (int i = 0; i < iterations; ++i) {
        const QByteArray input = mutate(rng);
        const QString problem = runAll(input);
        QVERIFY2(
            problem.isEmpty(),
            qPrintable(QStringLiteral("seed %1 iteration %2: %3").arg(seed).arg(i).arg(problem)));
        // Some mutants stay valid (a flipped letter in a message); count them for the log.
        accepted += ParserRegistry::parse(QStringLiteral("junit"), input).ok() ? 1 : 0;
    }
    qInfo("%d mutants, %d parses in total, %d mutants still valid JUnit", iterations, m_parses,
          accepted);
}

QTEST_GUILESS_MAIN(TestParserFuzz)
#include "tst_parserfuzz.moc"
