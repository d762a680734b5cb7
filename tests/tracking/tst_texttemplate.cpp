// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracking/texttemplate.h"

#include <QStandardPaths>
#include <QTest>

using namespace Promotion;

namespace {
QVariantMap item(const QString &key, const QVariant &value)
{
    return QVariantMap{{key, value}};
}
} // namespace

class TestTextTemplate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void render_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QVariantMap>("context");
        QTest::addColumn<QString>("expected");

        const QVariantMap names{
            {QStringLiteral("name"), QStringLiteral("core")},
            {QStringLiteral("empty"), QString()},
            {QStringLiteral("yes"), true},
            {QStringLiteral("no"), false},
            {QStringLiteral("items"), QVariantList{item(QStringLiteral("v"), QStringLiteral("a")),
                                                   item(QStringLiteral("v"), QStringLiteral("b"))}},
            {QStringLiteral("none"), QVariantList()}};

        QTest::newRow("plain text") << "no tags\n" << names << "no tags\n";
        QTest::newRow("variable") << "x {name} y" << names << "x core y";
        QTest::newRow("true section") << "{#yes}on{/yes}{#no}off{/no}" << names << "on";
        QTest::newRow("inverted") << "{^no}not{/no}{^yes}never{/yes}" << names << "not";
        QTest::newRow("string section")
            << "[{#name}has {name}{/name}{#empty}x{/empty}]" << names << "[has core]";
        QTest::newRow("inverted empty string") << "{^empty}blank{/empty}" << names << "blank";
        QTest::newRow("list") << "{#items}<{v}>{/items}" << names << "<a><b>";
        QTest::newRow("empty list inverted")
            << "{#none}x{/none}{^none}none{/none}" << names << "none";
        QTest::newRow("outer name inside list")
            << "{#items}{name}{v} {/items}" << names << "corea coreb ";
        QTest::newRow("standalone lines vanish") << "a\n{#items}\n- {v}\n{/items}\nb\n"
                                                 << names << "a\n- a\n- b\nb\n";
        QTest::newRow("standalone with indent") << "  {#yes}  \nx\n\t{/yes}\n" << names << "x\n";
        QTest::newRow("comment line vanishes") << "{! a note }\nx\n" << names << "x\n";
        QTest::newRow("inline comment") << "a{! note }b" << names << "ab";
        QTest::newRow("literal braces") << "{ x } {1} {} {-a}" << names << "{ x } {1} {} {-a}";
        QTest::newRow("json is literal") << "{\"a\": 1}" << names << "{\"a\": 1}";
        QTest::newRow("value not reparsed")
            << "{v}" << QVariantMap{{QStringLiteral("v"), QStringLiteral("{name}")}} << "{name}";
        QTest::newRow("no final newline") << "{#yes}\nx\n{/yes}" << names << "x\n";
        QTest::newRow("crlf standalone") << "a\r\n{#yes}\r\nb\r\n{/yes}\r\n"
                                         << names << "a\r\nb\r\n";
        QTest::newRow("number") << "{n}" << QVariantMap{{QStringLiteral("n"), 42}} << "42";
        QTest::newRow("map section")
            << "{#m}{k}{/m}"
            << QVariantMap{{QStringLiteral("m"), item(QStringLiteral("k"), QStringLiteral("v"))}}
            << "v";
    }
    void render()
    {
        QFETCH(QString, text);
        QFETCH(QVariantMap, context);
        QFETCH(QString, expected);
        QString error;
        const auto out = TextTemplate::render(text, context, &error);
        QVERIFY2(out.has_value(), qPrintable(error));
        QCOMPARE(*out, expected);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("unknown name") << "a\n{missing}"
                                      << "line 2: unknown placeholder {missing}";
        QTest::newRow("unknown section") << "{#nope}x{/nope}"
                                         << "line 1: unknown placeholder {nope}";
        QTest::newRow("unclosed") << "x\n{#items}\n"
                                  << "line 2: section {#items} is never closed";
        QTest::newRow("mismatched") << "{#items}\n{/other}"
                                    << "line 2: {/other} does not match {#items} opened on line 1";
        QTest::newRow("stray close") << "{/items}"
                                     << "line 1: {/items} closes a section that was never opened";
        QTest::newRow("list as value") << "{items}"
                                       << "line 1: {items} is a list or map";
        QTest::newRow("list of non-maps") << "{#strings}x{/strings}"
                                          << "elements of {#strings} must be maps";
    }
    void errors()
    {
        QFETCH(QString, text);
        QFETCH(QString, errorPart);
        const QVariantMap context{{QStringLiteral("items"), QVariantList{QVariantMap()}},
                                  {QStringLiteral("strings"), QVariantList{QStringLiteral("s")}}};
        QString error;
        const auto out = TextTemplate::render(text, context, &error);
        QVERIFY(!out.has_value());
        QVERIFY2(error.contains(errorPart), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestTextTemplate)
#include "tst_texttemplate.moc"
