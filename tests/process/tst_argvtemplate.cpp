// SPDX-License-Identifier: GPL-3.0-or-later
#include "process/argvtemplate.h"

#include <QStandardPaths>
#include <QTest>

using namespace Promotion;
using Variables = QHash<QString, QString>;

class TestArgvTemplate : public QObject
{
    Q_OBJECT

private:
    static QHash<QString, QString> vars()
    {
        return {
            {QStringLiteral("workspace"), QStringLiteral("/home/ci/my repo")},
            {QStringLiteral("component"), QStringLiteral("billing")},
            {QStringLiteral("from_stage"), QStringLiteral("development")},
            {QStringLiteral("to_stage"), QStringLiteral("staging")},
            {QStringLiteral("stage"), QStringLiteral("staging")},
            {QStringLiteral("artifacts"), QStringLiteral("/tmp/run 1/artifacts")},
            {QStringLiteral("previous_revision"), QStringLiteral("4")},
            {QStringLiteral("rollback_reason"), QStringLiteral("error rate 2 %")},
            {QStringLiteral("run_id"), QStringLiteral("20240102-0304-ab12")},
            {QStringLiteral("date"), QStringLiteral("2024-01-02")},
            {QStringLiteral("coverage"), QStringLiteral("72.5")},
            {QStringLiteral("version"), QStringLiteral("1.4.0")},
        };
    }
    static QProcessEnvironment env()
    {
        QProcessEnvironment e;
        e.insert(QStringLiteral("KUBECONTEXT"), QStringLiteral("stage-eu"));
        e.insert(QStringLiteral("EMPTY"), QString());
        e.insert(QStringLiteral("WITH_BRACES"), QStringLiteral("{component}"));
        return e;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void expand_data()
    {
        QTest::addColumn<QString>("arg");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "--cov"
                               << "--cov";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("workspace keeps spaces in one argument") << "{workspace}"
                                                                << "/home/ci/my repo";
        QTest::newRow("component in path") << "tests/{component}/"
                                           << "tests/billing/";
        QTest::newRow("cov option") << "--cov=src/{component}"
                                    << "--cov=src/billing";
        QTest::newRow("stages") << "{from_stage}->{to_stage}"
                                << "development->staging";
        QTest::newRow("stage") << "--stage={stage}"
                               << "--stage=staging";
        QTest::newRow("artifacts") << "--junitxml={artifacts}/junit.xml"
                                   << "--junitxml=/tmp/run 1/artifacts/junit.xml";
        QTest::newRow("run_id") << "{run_id}"
                                << "20240102-0304-ab12";
        QTest::newRow("date") << "{date}"
                              << "2024-01-02";
        QTest::newRow("coverage") << "{coverage}%"
                                  << "72.5%";
        QTest::newRow("version") << "v{version}"
                                 << "v1.4.0";
        QTest::newRow("several") << "{component}-{version}-{stage}"
                                 << "billing-1.4.0-staging";
        QTest::newRow("env") << "--context={env:KUBECONTEXT}"
                             << "--context=stage-eu";
        QTest::newRow("env set, default ignored") << "{env:KUBECONTEXT:local}"
                                                  << "stage-eu";
        QTest::newRow("env unset, default") << "{env:NOPE_NOT_SET:kind-local}"
                                            << "kind-local";
        QTest::newRow("env empty, default") << "{env:EMPTY:fallback}"
                                            << "fallback";
        QTest::newRow("env empty default") << "x{env:NOPE_NOT_SET:}y"
                                           << "xy";
        QTest::newRow("env default with colon") << "{env:NOPE_NOT_SET:http://a:8080}"
                                                << "http://a:8080";
        QTest::newRow("env set but empty, no default") << "[{env:EMPTY}]"
                                                       << "[]";
        QTest::newRow("values are not re-expanded") << "{env:WITH_BRACES}"
                                                    << "{component}";
        QTest::newRow("escaped braces") << "{{component}}"
                                        << "{component}";
        QTest::newRow("escaped json") << "{{\"a\": 1}}"
                                      << "{\"a\": 1}";
        QTest::newRow("escape next to placeholder") << "{{{component}}}"
                                                    << "{billing}";
        QTest::newRow("shell chars stay literal") << "$(rm -rf /);{component}|&"
                                                  << "$(rm -rf /);billing|&";
    }
    void expand()
    {
        QFETCH(QString, arg);
        QFETCH(QString, expected);
        const ArgvTemplate::Expanded result = ArgvTemplate::expand(arg, vars(), env());
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.value, expected);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("arg");
        QTest::addColumn<Variables>("variables");
        QTest::addColumn<QStringList>("mustMention");
        const QHash<QString, QString> all = vars();
        QTest::newRow("unknown") << "--x={compnent}" << all
                                 << QStringList{"Unknown placeholder {compnent}", "{component}",
                                                "--x={compnent}"};
        QTest::newRow("known without value")
            << "{coverage}" << QHash<QString, QString>() << QStringList{"{coverage}", "no value"};
        QTest::newRow("empty placeholder") << "a{}b" << all << QStringList{"{}"};
        QTest::newRow("unterminated")
            << "{component" << all << QStringList{"Unterminated", "column 1"};
        QTest::newRow("lone closing brace")
            << "abc}" << all << QStringList{"Unmatched '}'", "column 4"};
        QTest::newRow("nested") << "{comp{onent}}" << all << QStringList{"'{' inside"};
        QTest::newRow("env unset")
            << "{env:NOPE_NOT_SET}" << all
            << QStringList{"NOPE_NOT_SET", "not set", "{env:NOPE_NOT_SET:default}"};
        QTest::newRow("env bad name")
            << "{env:1BAD}" << all
            << QStringList{"Invalid environment variable name", "{env:1BAD}"};
        QTest::newRow("env empty name") << "{env:}" << all << QStringList{"{env:}"};
        QTest::newRow("percent in argument survives message")
            << "%1{nope}" << all << QStringList{"%1{nope}"};
    }
    void errors()
    {
        QFETCH(QString, arg);
        QFETCH(Variables, variables);
        QFETCH(QStringList, mustMention);
        const ArgvTemplate::Expanded result = ArgvTemplate::expand(arg, variables, env());
        QVERIFY(!result.ok());
        QVERIFY(result.value.isEmpty());
        for (const QString &part : mustMention)
            QVERIFY2(result.error.contains(part),
                     qPrintable(QString(result.error + " lacks " + part)));
    }

    void extraVariablesAreAccepted()
    {
        QHash<QString, QString> extra = vars();
        extra.insert(QStringLiteral("namespace"), QStringLiteral("payments"));
        const auto result = ArgvTemplate::expand(QStringLiteral("-n={namespace}"), extra, env());
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.value, QStringLiteral("-n=payments"));
    }

    void expandAll()
    {
        const QStringList argv{"pytest", "tests/{component}", "--cov=src/{component}",
                               "--junitxml={artifacts}/junit.xml"};
        const auto ok = ArgvTemplate::expandAll(argv, vars(), env());
        QVERIFY2(ok.ok(), qPrintable(ok.error));
        QCOMPARE(ok.values, (QStringList{"pytest", "tests/billing", "--cov=src/billing",
                                         "--junitxml=/tmp/run 1/artifacts/junit.xml"}));
        QCOMPARE(ok.errorIndex, -1);

        const auto bad =
            ArgvTemplate::expandAll({"pytest", "ok", "{bogus}", "{also_bad}"}, vars(), env());
        QVERIFY(!bad.ok());
        QCOMPARE(bad.errorIndex, 2);
        QVERIFY(bad.values.isEmpty());
        QVERIFY2(bad.error.startsWith("argv[2]: "), qPrintable(bad.error));
        QVERIFY(bad.error.contains("{bogus}"));
    }

    void knownPlaceholders()
    {
        const QStringList known = ArgvTemplate::knownPlaceholders();
        for (const char *name : {"workspace", "component", "from_stage", "to_stage", "stage",
                                 "artifacts", "run_id", "date", "coverage", "version"})
            QVERIFY2(known.contains(QLatin1String(name)), name);
        // Every documented name must expand with the full variable set.
        for (const QString &name : known)
            QVERIFY(ArgvTemplate::expand("{" + name + "}", vars(), env()).ok());
    }

    void referencedPlaceholders()
    {
        QCOMPARE(ArgvTemplate::referencedPlaceholders(
                     "{component}/{{x}}/{env:HOME}/{stage}/{component}"),
                 (QStringList{"component", "stage"}));
        QVERIFY(ArgvTemplate::referencedPlaceholders("plain").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestArgvTemplate)
#include "tst_argvtemplate.moc"
