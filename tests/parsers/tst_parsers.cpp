// SPDX-License-Identifier: GPL-3.0-or-later
// The tool-output parsers, against outputs captured from the real tools
// (tests/data/parsers/README.md says how each fixture was made).

#include "parsers/coberturaparser.h"
#include "parsers/coveragejsonparser.h"
#include "parsers/detectsecretsparser.h"
#include "parsers/diagnosticstextparser.h"
#include "parsers/exitcodeparser.h"
#include "parsers/junitparser.h"
#include "parsers/parserregistry.h"
#include "parsers/pyrightjsonparser.h"
#include "parsers/ruffjsonparser.h"
#include "parsers/sarifparser.h"
#include "testconfig.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace Promotion;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(TEST_DATA_DIR "/parsers/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot open fixture %s", qPrintable(file.fileName()));
        return {};
    }
    return file.readAll();
}

QString stars(int n)
{
    return QString(n, QLatin1Char('*'));
}

// The TOTAL percentage pytest-cov printed, e.g. "TOTAL   37   6   16   1   83.02%".
double termTotal(const QByteArray &term, int *decimals)
{
    static const QRegularExpression re(QStringLiteral(R"(^TOTAL\s.*\s(\d+(?:\.(\d+))?)%\s*$)"),
                                       QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = re.match(QString::fromUtf8(term));
    if (!m.hasMatch())
        return -1;
    *decimals = int(m.captured(2).size());
    return m.captured(1).toDouble();
}

} // namespace

class TestParsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void junit_data();
    void junit();
    void junitCaseDetails();
    void passRateSemantics();

    void cobertura_data();
    void cobertura();
    void coberturaFiles();
    void coverageJson_data();
    void coverageJson();
    void coverageMatchesTermReport_data();
    void coverageMatchesTermReport();

    void diagnosticCounts_data();
    void diagnosticCounts();
    void diagnosticDetails_data();
    void diagnosticDetails();
    void pyrightReportedCounts();
    void textVariants_data();
    void textVariants();
    void sarifVariants_data();
    void sarifVariants();

    void malformed_data();
    void malformed();
    void emptyAndGarbage_data();
    void emptyAndGarbage();
    void hugeInputs();
    void oversizedInputIsRefused();

    void registryFormats();
    void registryOutcome_data();
    void registryOutcome();
    void exitCode_data();
    void exitCode();
};

void TestParsers::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFile::exists(QStringLiteral(TEST_DATA_DIR "/parsers/junit-pytest.xml")));
}

// ---------------------------------------------------------------- JUnit

void TestParsers::junit_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("passed");
    QTest::addColumn<int>("failed");
    QTest::addColumn<int>("errors");
    QTest::addColumn<int>("skipped");
    QTest::addColumn<double>("duration");
    QTest::addColumn<double>("passRate"); // -1: none (nothing ran)

    // 14 cases: 9 pass, 1 assertion failure, 1 fixture error, 2 skips and 1 xfail (a skip).
    QTest::newRow("pytest") << "junit-pytest.xml" << 14 << 9 << 1 << 1 << 3 << 0.051
                            << 9.0 / 11 * 100;
    QTest::newRow("pytest xunit1 + logging")
        << "junit-pytest-xunit1.xml" << 14 << 9 << 1 << 1 << 3 << 0.049 << 9.0 / 11 * 100;
    // A teardown error after a failure is a second <testcase>; strict XPASS is a failure.
    QTest::newRow("pytest teardown errors")
        << "junit-pytest-teardown.xml" << 5 << 1 << 2 << 2 << 0 << 0.021 << 20.0;
    QTest::newRow("pytest collected nothing")
        << "junit-pytest-empty.xml" << 0 << 0 << 0 << 0 << 0 << 0.005 << -1.0;
    QTest::newRow("bare testsuite root")
        << "junit-bare-testsuite.xml" << 5 << 1 << 2 << 2 << 0 << 0.021 << 20.0;
    QTest::newRow("two suites") << "junit-multi-suite.xml" << 19 << 10 << 3 << 3 << 3 << 0.072
                                << 62.5;
}

void TestParsers::junit()
{
    QFETCH(QString, file);
    QFETCH(int, total);
    QFETCH(int, passed);
    QFETCH(int, failed);
    QFETCH(int, errors);
    QFETCH(int, skipped);
    QFETCH(double, duration);
    QFETCH(double, passRate);

    const ParseResult<TestSummary> result = JUnitParser::parse(fixture(file));
    QVERIFY2(result, qPrintable(result.error));
    QVERIFY(result.error.isEmpty());
    QCOMPARE(result->total, total);
    QCOMPARE(result->passed, passed);
    QCOMPARE(result->failed, failed);
    QCOMPARE(result->errors, errors);
    QCOMPARE(result->skipped, skipped);
    QCOMPARE(result->cases.size(), total);
    QCOMPARE(result->passed + result->failed + result->errors + result->skipped, result->total);
    QVERIFY2(qAbs(result->durationSeconds - duration) < 1e-9,
             qPrintable(QString::number(result->durationSeconds)));
    QCOMPARE(result->hasTests(), total > 0);
    if (passRate < 0) {
        QVERIFY(!result->passRate().has_value());
        QVERIFY(!result->allPassed());
    } else {
        QVERIFY(result->passRate().has_value());
        QVERIFY(qAbs(*result->passRate() - passRate) < 1e-9);
    }
}

void TestParsers::junitCaseDetails()
{
    const ParseResult<TestSummary> r =
        JUnitParser::parse(fixture(QStringLiteral("junit-pytest.xml")));
    QVERIFY2(r, qPrintable(r.error));
    const TestCaseResult &first = r->cases.at(0);
    QCOMPARE(first.name, QStringLiteral("test_add"));
    QCOMPARE(first.className, QStringLiteral("tests.test_ops"));
    QCOMPARE(toString(first.status), toString(TestCaseResult::Status::Passed));
    QCOMPARE(first.timeSeconds, 0.001);

    const TestCaseResult &failure = r->cases.at(3);
    QCOMPARE(failure.name, QStringLiteral("test_classify_wrong"));
    QCOMPARE(toString(failure.status), toString(TestCaseResult::Status::Failed));
    // Entities (&lt; &amp; &quot; &#10;) are decoded.
    QCOMPARE(failure.message,
             QStringLiteral("AssertionError: classify(5) should be <negative> & \"quoted\"\n"
                            "assert 'positive' == 'negative'\n  - negative\n  + positive"));
    QVERIFY(failure.details.endsWith(QStringLiteral("tests/test_ops.py:20: AssertionError")));

    const TestCaseResult &error = r->cases.at(4);
    QCOMPARE(error.name, QStringLiteral("test_uses_broken_fixture"));
    QCOMPARE(toString(error.status), toString(TestCaseResult::Status::Error));
    QCOMPARE(error.message,
             QStringLiteral(
                 "failed on setup with \"RuntimeError: fixture could not open the resource\""));

    const TestCaseResult &skip = r->cases.at(5);
    QCOMPARE(toString(skip.status), toString(TestCaseResult::Status::Skipped));
    QCOMPARE(skip.type, QStringLiteral("pytest.skip"));
    QCOMPARE(skip.message, QStringLiteral("not implemented on this platform"));

    const TestCaseResult &param = r->cases.at(6);
    QCOMPARE(param.name, QStringLiteral("test_classify[-1-negative]"));

    const TestCaseResult &xfail = r->cases.at(10);
    QCOMPARE(xfail.name, QStringLiteral("test_expected_failure"));
    QCOMPARE(toString(xfail.status), toString(TestCaseResult::Status::Skipped));
    QCOMPARE(xfail.type, QStringLiteral("pytest.xfail"));

    // xunit1 adds file and (0-based) line; reported 1-based. <system-out> is ignored.
    const ParseResult<TestSummary> x =
        JUnitParser::parse(fixture(QStringLiteral("junit-pytest-xunit1.xml")));
    QVERIFY2(x, qPrintable(x.error));
    QCOMPARE(x->cases.at(0).file, QStringLiteral("tests/test_ops.py"));
    QCOMPARE(x->cases.at(0).line, 6);
    QCOMPARE(x->cases.at(3).line, 19);
    QCOMPARE(x->cases.at(0).details, QString());

    // The teardown fixture: the failing test appears twice, first failed then errored.
    const ParseResult<TestSummary> t =
        JUnitParser::parse(fixture(QStringLiteral("junit-pytest-teardown.xml")));
    QVERIFY2(t, qPrintable(t.error));
    QCOMPARE(t->cases.at(1).name, t->cases.at(2).name);
    QCOMPARE(toString(t->cases.at(1).status), toString(TestCaseResult::Status::Failed));
    QCOMPARE(toString(t->cases.at(2).status), toString(TestCaseResult::Status::Error));
    QCOMPARE(t->cases.at(4).message, QStringLiteral("[XPASS(strict)] must fail"));
}

void TestParsers::passRateSemantics()
{
    TestSummary s;
    QVERIFY(!s.passRate().has_value());
    QVERIFY(!s.hasTests());
    s.total = 3;
    s.skipped = 3;
    QVERIFY(s.hasTests());
    QVERIFY(!s.passRate().has_value()); // all skipped: nothing ran
    QVERIFY(!s.allPassed());
    s.total = 4;
    s.passed = 1;
    QCOMPARE(*s.passRate(), 100.0);
    QVERIFY(s.allPassed());
    s.total = 5;
    s.failed = 1;
    QCOMPARE(*s.passRate(), 50.0);
    QVERIFY(!s.allPassed());
}

// ---------------------------------------------------------------- coverage

void TestParsers::cobertura_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<qint64>("linesCovered");
    QTest::addColumn<qint64>("linesValid");
    QTest::addColumn<qint64>("branchesCovered");
    QTest::addColumn<qint64>("branchesValid");
    QTest::addColumn<double>("percent");
    QTest::addColumn<double>("lineRate");
    QTest::addColumn<int>("files");
    QTest::addColumn<bool>("hasData");

    QTest::newRow("branch") << "cobertura-branch.xml" << qint64(31) << qint64(37) << qint64(13)
                            << qint64(16) << 44.0 / 53.0 * 100 << 31.0 / 37.0 * 100 << 3 << true;
    QTest::newRow("lines") << "cobertura-lines.xml" << qint64(31) << qint64(37) << qint64(0)
                           << qint64(0) << 31.0 / 37.0 * 100 << 31.0 / 37.0 * 100 << 3 << true;
    QTest::newRow("nothing to measure") << "cobertura-empty.xml" << qint64(0) << qint64(0)
                                        << qint64(0) << qint64(0) << 100.0 << 100.0 << 1 << false;
}

void TestParsers::cobertura()
{
    QFETCH(QString, file);
    QFETCH(qint64, linesCovered);
    QFETCH(qint64, linesValid);
    QFETCH(qint64, branchesCovered);
    QFETCH(qint64, branchesValid);
    QFETCH(double, percent);
    QFETCH(double, lineRate);
    QFETCH(int, files);
    QFETCH(bool, hasData);

    const ParseResult<CoverageSummary> r = CoberturaParser::parse(fixture(file));
    QVERIFY2(r, qPrintable(r.error));
    QCOMPARE(r->linesCovered, linesCovered);
    QCOMPARE(r->linesValid, linesValid);
    QCOMPARE(r->branchesCovered, branchesCovered);
    QCOMPARE(r->branchesValid, branchesValid);
    QCOMPARE(r->branchCoverage, branchesValid > 0);
    QVERIFY2(qAbs(r->percent - percent) < 1e-9, qPrintable(QString::number(r->percent, 'f', 6)));
    QVERIFY2(qAbs(r->lineRatePercent - lineRate) < 1e-9,
             qPrintable(QString::number(r->lineRatePercent, 'f', 6)));
    QCOMPARE(r->files.size(), files);
    QCOMPARE(r->hasData(), hasData);
    QCOMPARE(r->toolVersion, QStringLiteral("6.5.0"));
}

void TestParsers::coberturaFiles()
{
    const ParseResult<CoverageSummary> r =
        CoberturaParser::parse(fixture(QStringLiteral("cobertura-branch.xml")));
    QVERIFY2(r, qPrintable(r.error));
    QCOMPARE(r->files.size(), 3);
    const FileCoverage &init = r->files.at(0);
    QCOMPARE(init.file, QStringLiteral("src/calc/__init__.py"));
    QCOMPARE(init.linesValid, 2);
    QCOMPARE(init.percent, 100.0);
    const FileCoverage &ops = r->files.at(1);
    QCOMPARE(ops.file, QStringLiteral("src/calc/ops.py"));
    QCOMPARE(ops.linesCovered, 22);
    QCOMPARE(ops.linesValid, 24);
    QCOMPARE(ops.branchesCovered, 11);
    QCOMPARE(ops.branchesValid, 12);
    QVERIFY(qAbs(ops.percent - 33.0 / 36.0 * 100) < 1e-9); // the term report's 91.67 %
    QCOMPARE(ops.missingLines, QList<int>({21, 26}));
    const FileCoverage &report = r->files.at(2);
    QCOMPARE(report.linesCovered, 7);
    QCOMPARE(report.linesValid, 11);
    QCOMPARE(report.branchesCovered, 2);
    QCOMPARE(report.branchesValid, 4);
    QVERIFY(qAbs(report.percent - 60.0) < 1e-9);
    QCOMPARE(report.missingLines, QList<int>({12, 13, 14, 15}));
}

void TestParsers::coverageJson_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<qint64>("linesCovered");
    QTest::addColumn<qint64>("linesValid");
    QTest::addColumn<qint64>("branchesCovered");
    QTest::addColumn<qint64>("branchesValid");
    QTest::addColumn<double>("percent");
    QTest::addColumn<int>("files");
    QTest::addColumn<bool>("hasData");

    QTest::newRow("branch") << "coverage-branch.json" << qint64(31) << qint64(37) << qint64(13)
                            << qint64(16) << 83.01886792452831 << 3 << true;
    QTest::newRow("lines") << "coverage-lines.json" << qint64(31) << qint64(37) << qint64(0)
                           << qint64(0) << 83.78378378378379 << 3 << true;
    QTest::newRow("nothing to measure") << "coverage-empty.json" << qint64(0) << qint64(0)
                                        << qint64(0) << qint64(0) << 100.0 << 1 << false;
}

void TestParsers::coverageJson()
{
    QFETCH(QString, file);
    QFETCH(qint64, linesCovered);
    QFETCH(qint64, linesValid);
    QFETCH(qint64, branchesCovered);
    QFETCH(qint64, branchesValid);
    QFETCH(double, percent);
    QFETCH(int, files);
    QFETCH(bool, hasData);

    const ParseResult<CoverageSummary> r = CoverageJsonParser::parse(fixture(file));
    QVERIFY2(r, qPrintable(r.error));
    QCOMPARE(r->linesCovered, linesCovered);
    QCOMPARE(r->linesValid, linesValid);
    QCOMPARE(r->branchesCovered, branchesCovered);
    QCOMPARE(r->branchesValid, branchesValid);
    QCOMPARE(r->percent, percent);
    QCOMPARE(r->files.size(), files);
    QCOMPARE(r->hasData(), hasData);
    QCOMPARE(r->toolVersion, QStringLiteral("6.5.0"));
    if (file == u"coverage-lines.json") {
        const FileCoverage &report = r->files.at(2);
        QCOMPARE(report.file, QStringLiteral("src/calc/report.py"));
        QCOMPARE(report.missingLines, QList<int>({12, 13, 14, 15}));
        QVERIFY(qAbs(report.percent - 7.0 / 11.0 * 100) < 1e-9);
    }
}

void TestParsers::coverageMatchesTermReport_data()
{
    QTest::addColumn<QString>("xml");
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("term");
    // Same pytest-cov run: XML and terminal report from it, JSON from its .coverage file.
    QTest::newRow("branch coverage, precision 2") << "cobertura-branch.xml"
                                                  << "coverage-branch.json"
                                                  << "pytest-cov-branch-term.txt";
    QTest::newRow("line coverage, precision 1") << "cobertura-lines.xml"
                                                << "coverage-lines.json"
                                                << "pytest-cov-lines-term.txt";
}

void TestParsers::coverageMatchesTermReport()
{
    QFETCH(QString, xml);
    QFETCH(QString, json);
    QFETCH(QString, term);

    int decimals = 0;
    const double printed = termTotal(fixture(term), &decimals);
    QVERIFY2(printed >= 0, "no TOTAL line in the terminal report");
    QVERIFY(decimals > 0);
    const double tolerance = 0.5 * std::pow(10.0, -decimals) + 1e-9; // the printed rounding

    const ParseResult<CoverageSummary> fromXml = CoberturaParser::parse(fixture(xml));
    const ParseResult<CoverageSummary> fromJson = CoverageJsonParser::parse(fixture(json));
    QVERIFY2(fromXml, qPrintable(fromXml.error));
    QVERIFY2(fromJson, qPrintable(fromJson.error));
    QVERIFY2(qAbs(fromXml->percent - printed) <= tolerance,
             qPrintable(QStringLiteral("XML %1 vs term %2").arg(fromXml->percent).arg(printed)));
    QVERIFY2(qAbs(fromJson->percent - printed) <= tolerance,
             qPrintable(QStringLiteral("JSON %1 vs term %2").arg(fromJson->percent).arg(printed)));
    QVERIFY(qAbs(fromXml->percent - fromJson->percent) < 1e-9);
    QCOMPARE(fromXml->linesValid, fromJson->linesValid);
    QCOMPARE(fromXml->branchesValid, fromJson->branchesValid);
}

// ---------------------------------------------------------------- diagnostics

void TestParsers::diagnosticCounts_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("errors");
    QTest::addColumn<int>("warnings");
    QTest::addColumn<int>("notes");
    QTest::addColumn<int>("suppressed");
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("version");

    QTest::newRow("secretlint sarif") << "sarif"
                                      << "secretlint.sarif" << 3 << 3 << 0 << 0 << 0 << "secretlint"
                                      << "1.0.0";
    QTest::newRow("secretlint sarif clean")
        << "sarif"
        << "secretlint-clean.sarif" << 0 << 0 << 0 << 0 << 0 << "secretlint"
        << "1.0.0";
    QTest::newRow("ruff") << "ruff-json"
                          << "ruff.json" << 4 << 4 << 0 << 0 << 0 << "ruff"
                          << "";
    QTest::newRow("ruff syntax error")
        << "ruff-json"
        << "ruff-syntax-error.json" << 1 << 1 << 0 << 0 << 0 << "ruff"
        << "";
    QTest::newRow("ruff clean") << "ruff-json"
                                << "ruff-clean.json" << 0 << 0 << 0 << 0 << 0 << "ruff"
                                << "";
    QTest::newRow("pyright") << "pyright-json"
                             << "pyright.json" << 8 << 4 << 3 << 1 << 0 << "pyright"
                             << "1.1.414";
    QTest::newRow("pyright clean") << "pyright-json"
                                   << "pyright-clean.json" << 0 << 0 << 0 << 0 << 0 << "pyright"
                                   << "1.1.414";
    QTest::newRow("detect-secrets")
        << "detect-secrets-json"
        << "detect-secrets.json" << 7 << 6 << 0 << 0 << 1 << "detect-secrets"
        << "1.4.0";
    QTest::newRow("detect-secrets clean")
        << "detect-secrets-json"
        << "detect-secrets-clean.json" << 0 << 0 << 0 << 0 << 0 << "detect-secrets"
        << "1.4.0";
    QTest::newRow("flake8") << "diagnostics-text"
                            << "flake8.txt" << 6 << 6 << 0 << 0 << 0 << ""
                            << "";
    QTest::newRow("flake8 clean") << "diagnostics-text"
                                  << "flake8-clean.txt" << 0 << 0 << 0 << 0 << 0 << ""
                                  << "";
    // Notes (invariance hints, reveal_type, unchecked bodies) are not findings.
    QTest::newRow("mypy") << "diagnostics-text"
                          << "mypy.txt" << 3 << 3 << 0 << 0 << 0 << ""
                          << "";
    QTest::newRow("mypy columns") << "diagnostics-text"
                                  << "mypy-columns.txt" << 3 << 3 << 0 << 0 << 0 << ""
                                  << "";
    QTest::newRow("mypy success") << "diagnostics-text"
                                  << "mypy-success.txt" << 0 << 0 << 0 << 0 << 0 << ""
                                  << "";
}

void TestParsers::diagnosticCounts()
{
    QFETCH(QString, format);
    QFETCH(QString, file);
    QFETCH(int, total);
    QFETCH(int, errors);
    QFETCH(int, warnings);
    QFETCH(int, notes);
    QFETCH(int, suppressed);
    QFETCH(QString, tool);
    QFETCH(QString, version);

    const ToolOutcome outcome = ParserRegistry::parse(format, fixture(file), 1);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    QVERIFY(outcome.kind == ToolOutcome::Kind::Diagnostics);
    const DiagnosticList *list = outcome.diagnostics();
    QVERIFY(list);
    QCOMPARE(list->diagnostics.size(), total);
    QCOMPARE(list->errorCount(), errors);
    QCOMPARE(list->warningCount(), warnings);
    QCOMPARE(list->noteCount(), notes);
    QCOMPARE(list->suppressedCount(), suppressed);
    QCOMPARE(list->findingCount(), errors + warnings);
    QCOMPARE(list->isClean(), errors + warnings == 0);
    QCOMPARE(list->tool, tool);
    QCOMPARE(list->toolVersion, version);
}

void TestParsers::diagnosticDetails_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("code");
    QTest::addColumn<DiagnosticSeverity>("severity");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("suppressed");

    const QString preset =
        QStringLiteral("@secretlint/secretlint-rule-preset-recommend > @secretlint/");
    QTest::newRow("sarif private key")
        << "sarif"
        << "secretlint.sarif" << 0 << "config/deploy_key.pem" << 1 << 1
        << preset + QStringLiteral("secretlint-rule-privatekey") << DiagnosticSeverity::Error
        << QStringLiteral("found private key: ") + stars(191) << false;
    QTest::newRow("sarif aws") << "sarif"
                               << "secretlint.sarif" << 1 << "config/settings.py" << 3 << 1
                               << preset + QStringLiteral("secretlint-rule-aws")
                               << DiagnosticSeverity::Error
                               << QStringLiteral("found AWS Secret Access Key: ") + stars(40)
                               << false;
    QTest::newRow("sarif github")
        << "sarif"
        << "secretlint.sarif" << 2 << "config/settings.py" << 5 << 17
        << preset + QStringLiteral("secretlint-rule-github") << DiagnosticSeverity::Error
        << QStringLiteral("found GitHub Token(%1): %2").arg(stars(29), stars(40)) << false;
    QTest::newRow("ruff F401") << "ruff-json"
                               << "ruff.json" << 0 << "/tmp/psample/src/calc/ops.py" << 1 << 8
                               << "F401" << DiagnosticSeverity::Error << "`os` imported but unused"
                               << false;
    QTest::newRow("ruff F821") << "ruff-json"
                               << "ruff.json" << 2 << "/tmp/psample/src/calc/report.py" << 14 << 5
                               << "F821" << DiagnosticSeverity::Error
                               << "Undefined name `undefined_name_here`" << false;
    QTest::newRow("ruff notebook cell")
        << "ruff-json"
        << "ruff.json" << 3 << "/tmp/psample/notebooks/explore.ipynb" << 4 << 5 << "F841"
        << DiagnosticSeverity::Error << "Local variable `x` is assigned to but never used" << false;
    QTest::newRow("ruff syntax error (code null)")
        << "ruff-json"
        << "ruff-syntax-error.json" << 0 << "/tmp/psample/src/calc/broken.py" << 3 << 12 << ""
        << DiagnosticSeverity::Error << "SyntaxError: Expected ')', found newline" << false;
    QTest::newRow("pyright warning, 0-based -> 1-based")
        << "pyright-json"
        << "pyright.json" << 0 << "/tmp/psample/src/calc/ops.py" << 1 << 8 << "reportUnusedImport"
        << DiagnosticSeverity::Warning << "Import \"os\" is not accessed" << false;
    QTest::newRow("pyright error, multi-line message")
        << "pyright-json"
        << "pyright.json" << 2 << "/tmp/psample/src/calc/ops.py" << 26 << 12 << "reportReturnType"
        << DiagnosticSeverity::Error
        // pyright indents continuation lines with no-break spaces
        << QStringLiteral("Type \"int\" is not assignable to return type "
                          "\"str\"\n\u00a0\u00a0\"int\" is not assignable to \"str\"")
        << false;
    QTest::newRow("pyright information without rule")
        << "pyright-json"
        << "pyright.json" << 6 << "/tmp/psample/src/calc/typed.py" << 10 << 13 << ""
        << DiagnosticSeverity::Note << "Type of \"ints\" is \"List[int]\"" << false;
    QTest::newRow("detect-secrets private key")
        << "detect-secrets-json"
        << "detect-secrets.json" << 0 << "config/deploy_key.pem" << 1 << 0 << "Private Key"
        << DiagnosticSeverity::Error << "Potential secret: Private Key" << false;
    QTest::newRow("detect-secrets verified")
        << "detect-secrets-json"
        << "detect-secrets.json" << 5 << "config/settings.py" << 5 << 0 << "GitHub Token"
        << DiagnosticSeverity::Error << "Potential secret: GitHub Token (verified as live)"
        << false;
    QTest::newRow("detect-secrets audited false positive")
        << "detect-secrets-json"
        << "detect-secrets.json" << 6 << "docs/example.md" << 12 << 0 << "Secret Keyword"
        << DiagnosticSeverity::Error << "Potential secret: Secret Keyword" << true;
    QTest::newRow("flake8 F821") << "diagnostics-text"
                                 << "flake8.txt" << 0 << "src/calc/typed.py" << 10 << 1 << "F821"
                                 << DiagnosticSeverity::Error << "undefined name 'reveal_type'"
                                 << false;
    QTest::newRow("flake8 E501") << "diagnostics-text"
                                 << "flake8.txt" << 4 << "tests/test_ops.py" << 20 << 80 << "E501"
                                 << DiagnosticSeverity::Error
                                 << "line too long (85 > 79 characters)" << false;
    QTest::newRow("mypy without columns")
        << "diagnostics-text"
        << "mypy.txt" << 0 << "src/calc/typed.py" << 9 << 0 << "arg-type"
        << DiagnosticSeverity::Error
        << "Argument 1 to \"total\" has incompatible type \"List[int]\"; expected \"List[float]\""
        << false;
    QTest::newRow("mypy with columns")
        << "diagnostics-text"
        << "mypy-columns.txt" << 2 << "src/calc/ops.py" << 26 << 12 << "return-value"
        << DiagnosticSeverity::Error
        << "Incompatible return value type (got \"int\", expected \"str\")" << false;
}

void TestParsers::diagnosticDetails()
{
    QFETCH(QString, format);
    QFETCH(QString, file);
    QFETCH(int, index);
    QFETCH(QString, path);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, code);
    QFETCH(DiagnosticSeverity, severity);
    QFETCH(QString, message);
    QFETCH(bool, suppressed);

    const ToolOutcome outcome = ParserRegistry::parse(format, fixture(file));
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    const DiagnosticList *list = outcome.diagnostics();
    QVERIFY(list);
    QVERIFY(index < list->diagnostics.size());
    const Diagnostic &d = list->diagnostics.at(index);
    QCOMPARE(d.file, path);
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
    QCOMPARE(d.code, code);
    QCOMPARE(toString(d.severity), toString(severity));
    QCOMPARE(d.message, message);
    QCOMPARE(d.suppressed, suppressed);
}

void TestParsers::pyrightReportedCounts()
{
    const ParseResult<DiagnosticList> r =
        PyrightJsonParser::parse(fixture(QStringLiteral("pyright.json")));
    QVERIFY2(r, qPrintable(r.error));
    QVERIFY(r->reported.has_value());
    QCOMPARE(r->reported->filesAnalyzed, 7);
    QCOMPARE(r->reported->errors, 4);
    QCOMPARE(r->reported->warnings, 3);
    QCOMPARE(r->reported->notes, 1);
    // pyright's own summary agrees with what was parsed.
    QCOMPARE(r->reported->errors, r->errorCount());
    QCOMPARE(r->reported->warnings, r->warningCount());
    QCOMPARE(r->reported->notes, r->noteCount());
}

void TestParsers::textVariants_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("code");
    QTest::addColumn<DiagnosticSeverity>("severity");
    QTest::addColumn<QString>("message");

    QTest::newRow("CRLF") << QByteArray("a.py:1:2: E101 indent\r\nb.py:3:4: W291 trailing\r\n") << 2
                          << "a.py" << 1 << 2 << "E101" << DiagnosticSeverity::Error << "indent";
    QTest::newRow("ANSI colours (mypy --color-output)")
        << QByteArray("\x1b[1ma.py:7: \x1b[31merror:\x1b[m Name \"x\" is not defined  "
                      "\x1b[m\x1b[33m[name-defined]\x1b[m\n"
                      "\x1b[1m\x1b[31mFound 1 error in 1 file\x1b[m (checked 1 source file)\n")
        << 1 << "a.py" << 7 << 0 << "name-defined" << DiagnosticSeverity::Error
        << "Name \"x\" is not defined";
    QTest::newRow("Windows path") << QByteArray(
                                         "C:\\work\\src\\x.py:3:1: F401 'os' imported but unused\n")
                                  << 1 << "C:\\work\\src\\x.py" << 3 << 1 << "F401"
                                  << DiagnosticSeverity::Error << "'os' imported but unused";
    QTest::newRow("mypy file-level error")
        << QByteArray(
               "src/a.py: error: Duplicate module named \"a\" (also at \"src/b/a.py\")\n"
               "src/a.py: note: See https://mypy.readthedocs.io/en/stable/running_mypy.html\n"
               "Found 1 error in 1 file (errors prevented further checking)\n")
        << -1 << "" << 0 << 0 << "" << DiagnosticSeverity::Error << "";
    QTest::newRow("mypy warning")
        << QByteArray("a.py:3: warning: unused 'type: ignore' comment  [unused-ignore]\n") << 1
        << "a.py" << 3 << 0 << "unused-ignore" << DiagnosticSeverity::Warning
        << "unused 'type: ignore' comment";
    QTest::newRow("mypy error without code")
        << QByteArray("a.py:3:5: error: Incompatible types in assignment\n") << 1 << "a.py" << 3
        << 5 << "" << DiagnosticSeverity::Error << "Incompatible types in assignment";
    QTest::newRow("flake8 --count trailer") << QByteArray("a.py:1:1: F401 x\n1\n") << 1 << "a.py"
                                            << 1 << 1 << "F401" << DiagnosticSeverity::Error << "x";
    QTest::newRow("message without code")
        << QByteArray("lib/m.py:10:3: something odd happened\n") << 1 << "lib/m.py" << 10 << 3 << ""
        << DiagnosticSeverity::Error << "something odd happened";
    QTest::newRow("only notes") << QByteArray("a.py:1: note: Revealed type is \"int\"\nSuccess: no "
                                              "issues found in 1 source file\n")
                                << 0 << "" << 0 << 0 << "" << DiagnosticSeverity::Error << "";
    QTest::newRow("blank lines only")
        << QByteArray("\n\n   \n") << 0 << "" << 0 << 0 << "" << DiagnosticSeverity::Error << "";
}

void TestParsers::textVariants()
{
    QFETCH(QByteArray, text);
    QFETCH(int, count);
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, code);
    QFETCH(DiagnosticSeverity, severity);
    QFETCH(QString, message);

    const ParseResult<DiagnosticList> r = DiagnosticsTextParser::parse(text);
    QVERIFY2(r, qPrintable(r.error));
    if (count < 0) { // the file-level row: checked here, the table has no room for it
        QCOMPARE(r->diagnostics.size(), 1);
        QCOMPARE(r->diagnostics.at(0).file, QStringLiteral("src/a.py"));
        QCOMPARE(r->diagnostics.at(0).line, 0);
        QCOMPARE(r->diagnostics.at(0).message,
                 QStringLiteral("Duplicate module named \"a\" (also at \"src/b/a.py\")"));
        return;
    }
    QCOMPARE(r->diagnostics.size(), count);
    if (count == 0)
        return;
    const Diagnostic &d = r->diagnostics.at(0);
    QCOMPARE(d.file, file);
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
    QCOMPARE(d.code, code);
    QCOMPARE(toString(d.severity), toString(severity));
    QCOMPARE(d.message, message);
}

void TestParsers::sarifVariants_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("code");
    QTest::addColumn<DiagnosticSeverity>("severity");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("suppressed");

    const QByteArray head =
        R"({"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t","rules":[)"
        R"({"id":"R1","defaultConfiguration":{"level":"error"},)"
        R"("messageStrings":{"m":{"text":"{0} is bad in {1}"}}},{"id":"R2"}]}},)";
    QTest::newRow("level from the rule's default")
        << head + R"("results":[{"ruleId":"R1","message":{"text":"x"}}]}]})" << 1 << "t"
        << "" << 0 << "R1" << DiagnosticSeverity::Error << "x" << false;
    QTest::newRow("no level anywhere: warning")
        << head + R"("results":[{"ruleId":"R2","message":{"text":"x"}}]}]})" << 1 << "t"
        << "" << 0 << "R2" << DiagnosticSeverity::Warning << "x" << false;
    QTest::newRow("rule by index, message by id with arguments")
        << head +
               R"("results":[{"ruleIndex":0,"message":{"id":"m","arguments":["foo","bar.py"]}}]}]})"
        << 1 << "t"
        << "" << 0 << "R1" << DiagnosticSeverity::Error << "foo is bad in bar.py" << false;
    QTest::newRow("kind pass is not a finding")
        << head + R"("results":[{"ruleId":"R1","kind":"pass","message":{"text":"ok"}},)"
                  R"({"ruleId":"R2","level":"note","message":{"text":"n"}}]}]})"
        << 1 << "t"
        << "" << 0 << "R2" << DiagnosticSeverity::Note << "n" << false;
    QTest::newRow("accepted suppression")
        << head +
               R"("results":[{"ruleId":"R1","message":{"text":"x"},"suppressions":[{"kind":"inSource"}]}]}]})"
        << 1 << "t"
        << "" << 0 << "R1" << DiagnosticSeverity::Error << "x" << true;
    QTest::newRow("rejected suppression still counts")
        << head +
               R"("results":[{"ruleId":"R1","message":{"text":"x"},"suppressions":[{"kind":"external","status":"rejected"}]}]}]})"
        << 1 << "t"
        << "" << 0 << "R1" << DiagnosticSeverity::Error << "x" << false;
    QTest::newRow("file URI and artifact index")
        << QByteArray(R"({"version":"2.1.0","runs":[{"tool":{"driver":{"name":"ruff"}},)"
                      R"("artifacts":[{"location":{"uri":"file:///tmp/my%20dir/a.py"}}],)"
                      R"("results":[{"ruleId":"F401","level":"error","message":{"text":"m"},)"
                      R"("locations":[{"physicalLocation":{"artifactLocation":{"index":0},)"
                      R"("region":{"startLine":4}}}]}]}]})")
        << 1 << "ruff"
        << "/tmp/my dir/a.py" << 4 << "F401" << DiagnosticSeverity::Error << "m" << false;
    QTest::newRow("two runs")
        << QByteArray(
               R"({"version":"2.1.0","runs":[{"tool":{"driver":{"name":"a"}},"results":[]},)"
               R"({"tool":{"driver":{"name":"b"}},"results":[{"level":"warning","message":{"text":"w"},)"
               R"("locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/x.py"},"region":{"startLine":2,"startColumn":3}}}]}]}]})")
        << 1 << "a, b"
        << "src/x.py" << 2 << "" << DiagnosticSeverity::Warning << "w" << false;
}

void TestParsers::sarifVariants()
{
    QFETCH(QByteArray, json);
    QFETCH(int, count);
    QFETCH(QString, tool);
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(QString, code);
    QFETCH(DiagnosticSeverity, severity);
    QFETCH(QString, message);
    QFETCH(bool, suppressed);

    const ParseResult<DiagnosticList> r = SarifParser::parse(json);
    QVERIFY2(r, qPrintable(r.error));
    QCOMPARE(r->diagnostics.size(), count);
    QCOMPARE(r->tool, tool);
    const Diagnostic &d = r->diagnostics.at(0);
    QCOMPARE(d.file, file);
    QCOMPARE(d.line, line);
    QCOMPARE(d.code, code);
    QCOMPARE(toString(d.severity), toString(severity));
    QCOMPARE(d.message, message);
    QCOMPARE(d.suppressed, suppressed);
    QCOMPARE(r->suppressedCount(), suppressed ? 1 : 0);
}

// ---------------------------------------------------------------- bad input

void TestParsers::malformed_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected"); // substrings of the error

    const QByteArray junit = fixture(QStringLiteral("junit-pytest.xml"));
    const QByteArray cobertura = fixture(QStringLiteral("cobertura-branch.xml"));
    const QByteArray coverageJson = fixture(QStringLiteral("coverage-lines.json"));
    const QByteArray sarif = fixture(QStringLiteral("secretlint.sarif"));
    const QByteArray pyright = fixture(QStringLiteral("pyright.json"));
    const QByteArray ruff = fixture(QStringLiteral("ruff.json"));
    const QByteArray secrets = fixture(QStringLiteral("detect-secrets.json"));
    auto replaced = [](QByteArray bytes, const char *from, const char *to) {
        const qsizetype at = bytes.indexOf(from);
        if (at < 0)
            qFatal("fixture does not contain %s", from);
        return bytes.replace(at, qsizetype(qstrlen(from)), to);
    };

    QTest::newRow("junit truncated")
        << "junit" << junit.left(700) << QStringList{"JUnit XML: line 2, column 21", "ends early"};
    QTest::newRow("junit wrong root")
        << "junit" << cobertura << QStringList{"root element is <coverage>", "line 2"};
    QTest::newRow("junit tests not a number")
        << "junit" << replaced(junit, "tests=\"14\"", "tests=\"many\"")
        << QStringList{"line 1, column", "<testsuite> attribute 'tests'", "\"many\""};
    QTest::newRow("junit negative failures")
        << "junit" << replaced(junit, "failures=\"1\"", "failures=\"-1\"")
        << QStringList{"attribute 'failures'"};
    QTest::newRow("junit time not a number")
        << "junit" << replaced(junit, "time=\"0.001\"", "time=\"fast\"")
        << QStringList{"<testcase> attribute 'time'", "\"fast\""};
    QTest::newRow("junit testcase without name")
        << "junit" << replaced(junit, "name=\"test_add\"", "nom=\"test_add\"")
        << QStringList{"<testcase> has no 'name' attribute"};
    QTest::newRow("junit mismatched tags")
        << "junit"
        << QByteArray(
               "<testsuites>\n<testsuite>\n<testcase name=\"a\">\n</testsuite>\n</testsuites>")
        << QStringList{"line 4", "malformed XML"};
    QTest::newRow("junit text") << "junit" << QByteArray("collected 3 items\n3 passed")
                                << QStringList{"JUnit XML", "line 1"};
    QTest::newRow("junit entity expansion bomb")
        << "junit"
        << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaa\">"
                      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c "
                      "\"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                      "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e "
                      "\"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
                      "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">]>"
                      "<testsuites><testsuite><testcase name=\"x\"><failure "
                      "message=\"&f;\"/></testcase></testsuite></testsuites>")
        << QStringList{"JUnit XML: line 1", "malformed XML"};
    QTest::newRow("cobertura wrong root")
        << "cobertura" << junit << QStringList{"root element is <testsuites>, expected <coverage>"};
    QTest::newRow("cobertura lines-valid not a number")
        << "cobertura" << replaced(cobertura, "lines-valid=\"37\"", "lines-valid=\"3x7\"")
        << QStringList{"line 2", "'lines-valid'", "\"3x7\""};
    QTest::newRow("cobertura count out of range")
        << "cobertura"
        << replaced(cobertura, "lines-valid=\"37\"", "lines-valid=\"9223372036854775807\"")
        << QStringList{"'lines-valid' is out of range"};
    QTest::newRow("cobertura absurd branch count")
        << "cobertura"
        << replaced(cobertura, "50% (1/2)", "50% (4611686018427387903/9223372036854775806)")
        << QStringList{"'condition-coverage'"};
    QTest::newRow("cobertura covered > valid")
        << "cobertura" << replaced(cobertura, "lines-covered=\"31\"", "lines-covered=\"99\"")
        << QStringList{"lines-covered (99) is larger than lines-valid (37)"};
    QTest::newRow("cobertura line-rate above 1")
        << "cobertura" << replaced(cobertura, "line-rate=\"0.8378\"", "line-rate=\"83.78\"")
        << QStringList{"'line-rate'", "0 to 1"};
    QTest::newRow("cobertura bad hits")
        << "cobertura" << replaced(cobertura, "hits=\"0\"", "hits=\"none\"")
        << QStringList{"line 35", "<line> attribute 'hits'"};
    QTest::newRow("cobertura bad condition-coverage")
        << "cobertura" << replaced(cobertura, "50% (1/2)", "half")
        << QStringList{"line 34", "'condition-coverage'", "\"half\""};
    QTest::newRow("cobertura truncated")
        << "cobertura" << cobertura.left(cobertura.size() / 2) << QStringList{"ends early"};
    QTest::newRow("coverage-json truncated")
        << "coverage-json" << coverageJson.left(300)
        << QStringList{"coverage.py JSON", "not valid JSON", "line"};
    QTest::newRow("coverage-json array")
        << "coverage-json" << QByteArray("[1, 2]") << QStringList{"not an object"};
    QTest::newRow("coverage-json no totals")
        << "coverage-json" << QByteArray(R"({"meta": {}, "files": {}})")
        << QStringList{"totals: expected an object, got nothing"};
    QTest::newRow("coverage-json percent as string")
        << "coverage-json"
        << replaced(coverageJson, "\"percent_covered\": 83.78378378378379",
                    "\"percent_covered\": \"83.8\"")
        << QStringList{"totals.percent_covered: expected a number, got string \"83.8\""};
    QTest::newRow("coverage-json negative count")
        << "coverage-json"
        << QByteArray(
               R"({"totals": {"covered_lines": -3, "num_statements": 4, "percent_covered": 1}})")
        << QStringList{"totals.covered_lines", "got number -3"};
    QTest::newRow("coverage-json bad file entry")
        << "coverage-json"
        << replaced(coverageJson, "\"missing_lines\": [\n                21,",
                    "\"missing_lines\": [\n                \"21\",")
        << QStringList{"files[\"src/calc/ops.py\"].missing_lines[0]"};
    QTest::newRow("sarif wrong version")
        << "sarif" << replaced(sarif, "\"version\": \"2.1.0\"", "\"version\": \"2.0.0\"")
        << QStringList{"SARIF: version", "\"2.0.0\" is not supported"};
    QTest::newRow("sarif no runs") << "sarif" << QByteArray(R"({"version": "2.1.0"})")
                                   << QStringList{"runs: expected an array, got nothing"};
    QTest::newRow("sarif no results")
        << "sarif" << QByteArray(R"({"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}}}]})")
        << QStringList{"runs[0].results", "did not produce results"};
    QTest::newRow("sarif startLine not a number")
        << "sarif" << replaced(sarif, "\"startLine\": 3", "\"startLine\": \"3\"")
        << QStringList{"runs[0].results[1].locations[0].physicalLocation.region.startLine"};
    QTest::newRow("sarif unknown level")
        << "sarif" << replaced(sarif, "\"level\": \"error\"", "\"level\": \"fatal\"")
        << QStringList{"runs[0].results[0].level", "\"fatal\""};
    QTest::newRow("sarif ruleIndex out of range")
        << "sarif" << replaced(sarif, "\"ruleIndex\": 0", "\"ruleIndex\": 9")
        << QStringList{"runs[0].results[0].ruleIndex", "9 points past the 3 rules"};
    QTest::newRow("sarif no driver name")
        << "sarif" << replaced(sarif, "\"name\": \"secretlint\"", "\"nam\": \"secretlint\"")
        << QStringList{"runs[0].tool.driver.name"};
    QTest::newRow("ruff object") << "ruff-json" << QByteArray(R"({"code": "F401"})")
                                 << QStringList{"not an array"};
    QTest::newRow("ruff row 0") << "ruff-json"
                                << replaced(ruff, "\"row\": 14\n    },\n    \"message\"",
                                            "\"row\": 0\n    },\n    \"message\"")
                                << QStringList{"[2].location.row", "got number 0"};
    QTest::newRow("ruff message missing")
        << "ruff-json" << QByteArray(R"([{"code": "F401", "filename": "a.py"}])")
        << QStringList{"[0].message: expected a string, got nothing"};
    QTest::newRow("ruff fix wrong type")
        << "ruff-json" << QByteArray(R"([{"code": "F", "message": "m", "fix": "yes"}])")
        << QStringList{"[0].fix: expected an object"};
    QTest::newRow("pyright severity")
        << "pyright-json"
        << replaced(pyright, "\"severity\": \"warning\"", "\"severity\": \"fatal\"")
        << QStringList{"generalDiagnostics[0].severity", "\"fatal\""};
    QTest::newRow("pyright negative line")
        << "pyright-json" << replaced(pyright, "\"line\": 25", "\"line\": -25")
        << QStringList{"generalDiagnostics[2].range.start.line"};
    QTest::newRow("pyright no diagnostics array")
        << "pyright-json" << QByteArray(R"({"version": "1.1.414", "summary": {}})")
        << QStringList{"generalDiagnostics: expected an array, got nothing"};
    QTest::newRow("pyright bad summary")
        << "pyright-json" << replaced(pyright, "\"errorCount\": 4", "\"errorCount\": 4.5")
        << QStringList{"summary.errorCount", "4.5"};
    QTest::newRow("detect-secrets results array")
        << "detect-secrets-json" << QByteArray(R"({"results": []})")
        << QStringList{"results: expected an object, got an array"};
    QTest::newRow("detect-secrets line as string")
        << "detect-secrets-json"
        << replaced(secrets, "\"line_number\": 4", "\"line_number\": \"4\"")
        << QStringList{"results[\"config/settings.py\"][3].line_number"};
    QTest::newRow("detect-secrets no type")
        << "detect-secrets-json"
        << replaced(secrets, "\"type\": \"Private Key\"", "\"kind\": \"Private Key\"")
        << QStringList{"results[\"config/deploy_key.pem\"][0].type"};
    QTest::newRow("text traceback")
        << "diagnostics-text"
        << QByteArray(
               "a.py:1:1: F401 x\nTraceback (most recent call last):\n  File \"x\", line 3\n")
        << QStringList{"diagnostics text: line 2", "Traceback"};
    QTest::newRow("text usage error")
        << "diagnostics-text"
        << QByteArray("mypy: can't read file 'nope': No such file or directory\n")
        << QStringList{"line 1", "not a \"path:line:col: message\" line"};
    QTest::newRow("text line number overflow")
        << "diagnostics-text" << QByteArray("a.py:99999999999999999999:1: E1 x\n")
        << QStringList{"line 1", "out of range"};
}

void TestParsers::malformed()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);

    const ToolOutcome outcome = ParserRegistry::parse(format, input);
    QVERIFY2(!outcome.ok(), "malformed input was accepted");
    QVERIFY(std::holds_alternative<std::monostate>(outcome.summary));
    for (const QString &part : expected)
        QVERIFY2(outcome.error.contains(part),
                 qPrintable(QStringLiteral("\"%1\" not in: %2").arg(part, outcome.error)));
}

void TestParsers::emptyAndGarbage_data()
{
    QTest::addColumn<QString>("format");
    for (const QString &format : ParserRegistry::formats()) {
        if (format != u"exit-code")
            QTest::newRow(qPrintable(format)) << format;
    }
}

void TestParsers::emptyAndGarbage()
{
    QFETCH(QString, format);
    const bool text = format == u"diagnostics-text";

    for (const QByteArray &empty : {QByteArray(), QByteArray("  \n\t\n")}) {
        const ToolOutcome o = ParserRegistry::parse(format, empty);
        if (text) {
            // A linter that printed nothing found nothing.
            QVERIFY2(o.ok(), qPrintable(o.error));
            QCOMPARE(o.diagnostics()->diagnostics.size(), 0);
        } else {
            QVERIFY(!o.ok());
            QVERIFY2(o.error.contains(QStringLiteral("input is empty")), qPrintable(o.error));
        }
    }

    QByteArray garbage;
    quint32 x = 12345;
    for (int i = 0; i < 4096; ++i) {
        x = x * 1664525u + 1013904223u;
        garbage.append(char(x >> 24));
    }
    const ToolOutcome g = ParserRegistry::parse(format, garbage);
    QVERIFY2(!g.ok(), "binary garbage was accepted");
    QVERIFY(!g.error.isEmpty());

    const ToolOutcome nul = ParserRegistry::parse(format, QByteArray(64, '\0'));
    QVERIFY(!nul.ok());
}

void TestParsers::hugeInputs()
{
    // 50 000 test cases with a traceback each (~25 MB): counted exactly, in reasonable time.
    QByteArray junit = "<?xml version=\"1.0\" encoding=\"utf-8\"?><testsuites><testsuite "
                       "name=\"big\" tests=\"50000\">";
    const QByteArray failureText(400, 'x');
    for (int i = 0; i < 50000; ++i) {
        junit +=
            "<testcase classname=\"big\" name=\"t" + QByteArray::number(i) + "\" time=\"0.001\">";
        if (i % 10 == 0)
            junit += "<failure message=\"m\">" + failureText + "</failure>";
        junit += "</testcase>";
    }
    junit += "</testsuite></testsuites>";
    QElapsedTimer timer;
    timer.start();
    const ParseResult<TestSummary> big = JUnitParser::parse(junit);
    QVERIFY2(big, qPrintable(big.error));
    QCOMPARE(big->total, 50000);
    QCOMPARE(big->failed, 5000);
    QCOMPARE(big->passed, 45000);
    QVERIFY2(qAbs(big->durationSeconds - 50.0) < 1e-6,
             qPrintable(QString::number(big->durationSeconds)));
    QVERIFY2(timer.elapsed() < 30000, qPrintable(QString::number(timer.elapsed())));

    QByteArray text;
    for (int i = 0; i < 200000; ++i)
        text += "src/mod" + QByteArray::number(i % 97) + ".py:" + QByteArray::number(i + 1) +
                ":1: E501 line too long\n";
    const ParseResult<DiagnosticList> lint = DiagnosticsTextParser::parse(text);
    QVERIFY2(lint, qPrintable(lint.error));
    QCOMPARE(lint->errorCount(), 200000);
    QCOMPARE(lint->diagnostics.last().line, 200000);

    // One enormous line of garbage is refused, not crashed on.
    const QByteArray line(qsizetype(20) * 1024 * 1024, 'a');
    QVERIFY(!DiagnosticsTextParser::parse(line));
    QVERIFY(!JUnitParser::parse(line));
    QVERIFY(!SarifParser::parse(line));

    // Deeply nested JSON and XML.
    QVERIFY(!SarifParser::parse(QByteArray(100000, '[') + QByteArray(100000, ']')));
    QByteArray nested;
    for (int i = 0; i < 5000; ++i)
        nested += "<testsuite>";
    for (int i = 0; i < 5000; ++i)
        nested += "</testsuite>";
    const ParseResult<TestSummary> deep = JUnitParser::parse(nested);
    QVERIFY(!deep);
    QVERIFY2(deep.error.contains(QStringLiteral("nested more than 64")), qPrintable(deep.error));
}

void TestParsers::oversizedInputIsRefused()
{
    const QByteArray huge(ParserLimits::maxInputBytes + 1, ' ');
    for (const QString &format : ParserRegistry::formats()) {
        if (format == u"exit-code")
            continue;
        const ToolOutcome o = ParserRegistry::parse(format, huge);
        QVERIFY2(!o.ok(), qPrintable(format));
        QVERIFY2(o.error.contains(QStringLiteral("more than the")), qPrintable(o.error));
    }
}

// ---------------------------------------------------------------- registry

void TestParsers::registryFormats()
{
    QCOMPARE(ParserRegistry::formats(),
             QStringList({"junit", "cobertura", "coverage-json", "sarif", "ruff-json",
                          "pyright-json", "detect-secrets-json", "diagnostics-text", "exit-code"}));
    QVERIFY(ParserRegistry::kindOf(QStringLiteral("junit")) == ToolOutcome::Kind::Tests);
    QVERIFY(ParserRegistry::kindOf(QStringLiteral("coverage-json")) == ToolOutcome::Kind::Coverage);
    QVERIFY(ParserRegistry::kindOf(QStringLiteral("detect-secrets-json")) ==
            ToolOutcome::Kind::Diagnostics);
    QVERIFY(ParserRegistry::kindOf(QStringLiteral("exit-code")) == ToolOutcome::Kind::ExitCode);
    QVERIFY(!ParserRegistry::kindOf(QStringLiteral("JUnit")).has_value());
    QVERIFY(ParserRegistry::isKnownFormat(QStringLiteral("sarif")));
    QVERIFY(!ParserRegistry::isKnownFormat(QStringLiteral("tap")));

    const ToolOutcome unknown = ParserRegistry::parse(QStringLiteral("tap"), "ok 1", 0);
    QVERIFY(!unknown.ok());
    QVERIFY(unknown.error.contains(QStringLiteral("unknown output format \"tap\"")));
    QVERIFY(unknown.error.contains(QStringLiteral("diagnostics-text")));
}

void TestParsers::registryOutcome_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("kind");

    QTest::newRow("junit") << "junit"
                           << "junit-pytest.xml" << 1 << int(ToolOutcome::Kind::Tests);
    QTest::newRow("cobertura") << "cobertura"
                               << "cobertura-branch.xml" << 0 << int(ToolOutcome::Kind::Coverage);
    QTest::newRow("coverage-json")
        << "coverage-json"
        << "coverage-branch.json" << 0 << int(ToolOutcome::Kind::Coverage);
    QTest::newRow("sarif") << "sarif"
                           << "secretlint.sarif" << 1 << int(ToolOutcome::Kind::Diagnostics);
    QTest::newRow("exit-code") << "exit-code"
                               << "flake8.txt" << 1 << int(ToolOutcome::Kind::ExitCode);
}

void TestParsers::registryOutcome()
{
    QFETCH(QString, format);
    QFETCH(QString, file);
    QFETCH(int, exitCode);
    QFETCH(int, kind);

    const ToolOutcome o = ParserRegistry::parse(format, fixture(file), exitCode);
    QVERIFY2(o.ok(), qPrintable(o.error));
    QCOMPARE(o.format, format);
    QCOMPARE(int(o.kind), kind);
    QCOMPARE(o.process.exitCode, exitCode);
    QCOMPARE(o.process.passed(), exitCode == 0);
    QCOMPARE(o.tests() != nullptr, o.kind == ToolOutcome::Kind::Tests);
    QCOMPARE(o.coverage() != nullptr, o.kind == ToolOutcome::Kind::Coverage);
    QCOMPARE(o.diagnostics() != nullptr, o.kind == ToolOutcome::Kind::Diagnostics);
    if (o.tests())
        QCOMPARE(o.tests()->total, 14);
    if (o.coverage())
        QVERIFY(qAbs(o.coverage()->percent - 44.0 / 53.0 * 100) < 1e-9);
}

void TestParsers::exitCode_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("crashed");
    QTest::addColumn<bool>("passed");
    QTest::newRow("0") << 0 << false << true;
    QTest::newRow("1") << 1 << false << false;
    QTest::newRow("pytest no tests (5)") << 5 << false << false;
    QTest::newRow("negative") << -1 << false << false;
    QTest::newRow("crashed with 0") << 0 << true << false;
}

void TestParsers::exitCode()
{
    QFETCH(int, code);
    QFETCH(bool, crashed);
    QFETCH(bool, passed);
    const ExitCodeResult r = ExitCodeParser::parse(code, crashed);
    QCOMPARE(r.exitCode, code);
    QCOMPARE(r.crashed, crashed);
    QCOMPARE(r.passed(), passed);
    const ToolOutcome o =
        ParserRegistry::parse(QStringLiteral("exit-code"), QByteArray("anything"), code, crashed);
    QVERIFY(o.ok());
    QVERIFY(o.kind == ToolOutcome::Kind::ExitCode);
    QVERIFY(std::holds_alternative<std::monostate>(o.summary));
    QCOMPARE(o.process.passed(), passed);
}

QTEST_GUILESS_MAIN(TestParsers)
#include "tst_parsers.moc"
