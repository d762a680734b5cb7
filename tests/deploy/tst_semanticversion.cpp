// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/semanticversion.h"

#include <QStandardPaths>
#include <QTest>

using namespace Promotion;

class TestSemanticVersion : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void bump_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("how");
        QTest::addColumn<QString>("expected"); // empty: refused

        QTest::newRow("none keeps anything") << "whatever"
                                             << "none"
                                             << "whatever";
        QTest::newRow("patch") << "1.2.3"
                               << "patch"
                               << "1.2.4";
        QTest::newRow("minor") << "1.2.3"
                               << "minor"
                               << "1.3.0";
        QTest::newRow("major") << "1.2.3"
                               << "major"
                               << "2.0.0";
        QTest::newRow("zero major") << "0.9.9"
                                    << "major"
                                    << "1.0.0";
        QTest::newRow("patch releases pre-release") << "1.2.3-rc.1"
                                                    << "patch"
                                                    << "1.2.3";
        QTest::newRow("minor releases x.y.0 pre-release") << "1.3.0-rc.1"
                                                          << "minor"
                                                          << "1.3.0";
        QTest::newRow("minor bumps x.y.z pre-release") << "1.2.3-rc.1"
                                                       << "minor"
                                                       << "1.3.0";
        QTest::newRow("major releases x.0.0 pre-release") << "2.0.0-beta"
                                                          << "major"
                                                          << "2.0.0";
        QTest::newRow("major bumps x.y.0 pre-release") << "1.2.0-rc.1"
                                                       << "major"
                                                       << "2.0.0";
        QTest::newRow("pep 440 rc") << "1.4.0rc1"
                                    << "patch"
                                    << "1.4.0";
        QTest::newRow("pep 440 dev") << "1.4.1.dev3"
                                     << "minor"
                                     << "1.5.0";
        QTest::newRow("pep 440 a + dev") << "2.0.0a1.dev2"
                                         << "major"
                                         << "2.0.0";
        QTest::newRow("build metadata dropped") << "1.2.3+build.7"
                                                << "patch"
                                                << "1.2.4";
        QTest::newRow("large numbers") << "10.20.30"
                                       << "patch"
                                       << "10.20.31";
        QTest::newRow("two parts refused") << "1.2"
                                           << "patch"
                                           << "";
        QTest::newRow("v prefix refused") << "v1.2.3"
                                          << "patch"
                                          << "";
        QTest::newRow("post release refused") << "1.2.3.post1"
                                              << "patch"
                                              << "";
        QTest::newRow("leading zero refused") << "01.2.3"
                                              << "patch"
                                              << "";
        QTest::newRow("empty refused") << ""
                                       << "minor"
                                       << "";
        QTest::newRow("too large refused") << "99999999999999999999.0.0"
                                           << "patch"
                                           << "";
    }
    void bump()
    {
        QFETCH(QString, version);
        QFETCH(QString, how);
        QFETCH(QString, expected);
        const auto kind = SemanticVersion::parseBump(how);
        QVERIFY(kind.has_value());
        QCOMPARE(SemanticVersion::bumpName(*kind), how);
        QString error;
        const auto result = SemanticVersion::bump(version, *kind, &error);
        if (expected.isEmpty()) {
            QVERIFY(!result.has_value());
            QVERIFY2(error.contains(version.isEmpty() ? QStringLiteral("\"\"") : version),
                     qPrintable(error));
        } else {
            QVERIFY2(result.has_value(), qPrintable(error));
            QCOMPARE(*result, expected);
        }
    }

    void parseBump()
    {
        QCOMPARE(SemanticVersion::parseBump(QStringLiteral(" Minor ")),
                 std::optional<VersionBump>(VersionBump::Minor));
        QVERIFY(!SemanticVersion::parseBump(QStringLiteral("micro")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestSemanticVersion)
#include "tst_semanticversion.moc"
