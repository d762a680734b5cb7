// SPDX-License-Identifier: GPL-3.0-or-later
#include "highlighting/builtinhighlighter.h"
#include "syntaxhighlighting.h"

#include <cmath>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QMetaEnum>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QSyntaxHighlighter>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace Promotion;
using Role = BuiltinHighlighter::Role;

namespace {

// One character per role, so an expected line reads like the text it marks.
QChar roleChar(Role role)
{
    switch (role) {
    case Role::None:
        return QLatin1Char(' ');
    case Role::Heading:
        return QLatin1Char('H');
    case Role::Strong:
        return QLatin1Char('B');
    case Role::Emphasis:
        return QLatin1Char('I');
    case Role::Code:
        return QLatin1Char('C');
    case Role::Fence:
        return QLatin1Char('F');
    case Role::ListMarker:
        return QLatin1Char('M');
    case Role::CheckboxOpen:
        return QLatin1Char('o');
    case Role::CheckboxDone:
        return QLatin1Char('x');
    case Role::Link:
        return QLatin1Char('U');
    case Role::Quote:
        return QLatin1Char('Q');
    case Role::Key:
        return QLatin1Char('K');
    case Role::String:
        return QLatin1Char('S');
    case Role::Number:
        return QLatin1Char('N');
    case Role::Literal:
        return QLatin1Char('L');
    case Role::Comment:
        return QLatin1Char('#');
    case Role::DocumentMarker:
        return QLatin1Char('D');
    case Role::Added:
        return QLatin1Char('+');
    case Role::Removed:
        return QLatin1Char('-');
    case Role::Hunk:
        return QLatin1Char('@');
    case Role::FileHeader:
        return QLatin1Char('h');
    }
    return QLatin1Char('?');
}

/*! The roles of \a line of \a document, one character per text character, trailing blanks cut. */
QString roleMap(const QTextDocument &document, int line)
{
    const QTextBlock block = document.findBlockByNumber(line);
    QString map(block.length() - 1, QLatin1Char(' '));
    const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    for (const QTextLayout::FormatRange &r : ranges) {
        for (int i = r.start; i < r.start + r.length && i < map.size(); ++i)
            map[i] = roleChar(BuiltinHighlighter::roleOf(r.format));
    }
    while (map.endsWith(QLatin1Char(' ')))
        map.chop(1);
    return map;
}

/*! "X*" in a table means: every character of the line is X. */
QString expand(const QString &expected, const QTextDocument &document, int line)
{
    if (expected.size() == 2 && expected.at(1) == QLatin1Char('*'))
        return QString(document.findBlockByNumber(line).length() - 1, expected.at(0));
    return expected;
}

double luminance(const QColor &c)
{
    const auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QPalette paletteWithBase(const QColor &base, const QColor &text)
{
    QPalette p;
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::Text, text);
    return p;
}

const char kMarkdown[] = "# Title\n"
                         "Some **bold** and `code` here\n"
                         "- [x] done item\n"
                         "- [ ] open item\n"
                         "1. first\n"
                         "```python\n"
                         "x = **not bold**\n"
                         "```\n"
                         "> quote\n"
                         "[link](http://a.b)\n"
                         "an *it* and snake_case_name\n"
                         "  * nested `a **b**`\n";

const char kYaml[] = "# comment\n"
                     "name: \"quoted # not comment\" # real\n"
                     "count: 42\n"
                     "enabled: true\n"
                     "list:\n"
                     "  - item\n"
                     "  - 3.5\n"
                     "script: |\n"
                     "  echo # inside block\n"
                     "other: [1, \"two\", null]\n"
                     "---\n"
                     "- name: x\n"
                     "note: it's fine # c\n"
                     "url: http://x.y/#frag\n";

const char kJson[] = "{\n"
                     "  \"name\": \"demo\",\n"
                     "  \"count\": -1.5e3,\n"
                     "  \"ok\": true,\n"
                     "  \"none\": null,\n"
                     "  \"list\": [1, \"a\"]\n"
                     "  \"a\\\"b\": \"c\",\n"
                     "  \"broken\": \"no end\n"
                     "}\n";

const char kDiff[] = "diff --git a/x b/x\n"
                     "index 1..2 100644\n"
                     "--- a/x\n"
                     "+++ b/x\n"
                     "@@ -1,3 +1,3 @@ def f():\n"
                     " context\n"
                     "--- removed dashes\n"
                     "+added\n"
                     " tail\n"
                     "--- a/y\n"
                     "+++ b/y\n"
                     "\\ No newline at end of file\n";

} // namespace

class TestSyntaxHighlighting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void ranges_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("expected");

        const QString md = QString::fromUtf8(kMarkdown);
        QTest::newRow("md heading") << "Markdown" << md << 0 << "H*";
        QTest::newRow("md bold and code span")
            << "Markdown" << md << 1 << "     BBBBBBBB     CCCCCC";
        QTest::newRow("md checked box") << "Markdown" << md << 2 << "M xxx";
        QTest::newRow("md open box") << "Markdown" << md << 3 << "M ooo";
        QTest::newRow("md ordered marker") << "Markdown" << md << 4 << "MM";
        QTest::newRow("md fence open") << "Markdown" << md << 5 << "F*";
        QTest::newRow("md fenced code is literal") << "Markdown" << md << 6 << "C*";
        QTest::newRow("md fence close") << "Markdown" << md << 7 << "F*";
        QTest::newRow("md quote") << "Markdown" << md << 8 << "Q*";
        QTest::newRow("md link") << "Markdown" << md << 9 << "U*";
        QTest::newRow("md italic, not snake_case") << "Markdown" << md << 10 << "   IIII";
        QTest::newRow("md nested marker, code wins over bold")
            << "Markdown" << md << 11 << "  M        CCCCCCCCC";

        const QString yaml = QString::fromUtf8(kYaml);
        QTest::newRow("yaml comment line") << "YAML" << yaml << 0 << "#*";
        QTest::newRow("yaml quoted # is no comment")
            << "YAML" << yaml << 1
            << QString(QStringLiteral("KKKK  ") + QString(22, QLatin1Char('S')) +
                       QStringLiteral(" ######"));
        QTest::newRow("yaml number") << "YAML" << yaml << 2 << "KKKKK  NN";
        QTest::newRow("yaml literal") << "YAML" << yaml << 3 << "KKKKKKK  LLLL";
        QTest::newRow("yaml key only") << "YAML" << yaml << 4 << "KKKK";
        QTest::newRow("yaml dash, plain item") << "YAML" << yaml << 5 << "  M";
        QTest::newRow("yaml dash, number item") << "YAML" << yaml << 6 << "  M NNN";
        QTest::newRow("yaml block scalar key") << "YAML" << yaml << 7 << "KKKKKK";
        QTest::newRow("yaml block scalar body") << "YAML" << yaml << 8 << "S*";
        QTest::newRow("yaml flow sequence") << "YAML" << yaml << 9 << "KKKKK   N  SSSSS  LLLL";
        QTest::newRow("yaml document marker") << "YAML" << yaml << 10 << "DDD";
        QTest::newRow("yaml key in list item") << "YAML" << yaml << 11 << "M KKKK";
        QTest::newRow("yaml apostrophe is no quote")
            << "YAML" << yaml << 12
            << QString(QStringLiteral("KKKK") + QString(12, QLatin1Char(' ')) +
                       QStringLiteral("###"));
        QTest::newRow("yaml # inside a word") << "YAML" << yaml << 13 << "KKK";

        const QString json = QString::fromUtf8(kJson);
        QTest::newRow("json brace") << "JSON" << json << 0 << "";
        QTest::newRow("json key vs string") << "JSON" << json << 1 << "  KKKKKK  SSSSSS";
        QTest::newRow("json number") << "JSON" << json << 2 << "  KKKKKKK  NNNNNN";
        QTest::newRow("json true") << "JSON" << json << 3 << "  KKKK  LLLL";
        QTest::newRow("json null") << "JSON" << json << 4 << "  KKKKKK  LLLL";
        QTest::newRow("json array") << "JSON" << json << 5 << "  KKKKKK   N  SSS";
        QTest::newRow("json escaped quote in key") << "JSON" << json << 6 << "  KKKKKK  SSS";
        QTest::newRow("json unterminated string") << "JSON" << json << 7 << "  KKKKKKKK  SSSSSSS";

        const QString diff = QString::fromUtf8(kDiff);
        QTest::newRow("diff git header") << "Diff" << diff << 0 << "h*";
        QTest::newRow("diff index") << "Diff" << diff << 1 << "h*";
        QTest::newRow("diff old file") << "Diff" << diff << 2 << "h*";
        QTest::newRow("diff new file") << "Diff" << diff << 3 << "h*";
        QTest::newRow("diff hunk") << "Diff" << diff << 4 << "@@@@@@@@@@@@@@@";
        QTest::newRow("diff context") << "Diff" << diff << 5 << "";
        QTest::newRow("diff removed line starting with ---") << "Diff" << diff << 6 << "-*";
        QTest::newRow("diff added") << "Diff" << diff << 7 << "+*";
        QTest::newRow("diff header after the hunk") << "Diff" << diff << 9 << "h*";
        QTest::newRow("diff second header") << "Diff" << diff << 10 << "h*";
        QTest::newRow("diff no newline note") << "Diff" << diff << 11 << "#*";
    }

    void ranges()
    {
        QFETCH(QString, language);
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, expected);

        QTextDocument document;
        QSyntaxHighlighter *highlighter = SyntaxHighlighting::createBuiltin(&document, language);
        QVERIFY(highlighter);
        document.setPlainText(text);
        highlighter->rehighlight();
        QCOMPARE(roleMap(document, line), expand(expected, document, line));
    }

    void editsRehighlightFollowingLines()
    {
        // Opening a fence turns the next lines into code; closing it turns them back.
        QTextDocument document;
        document.documentLayout(); // a document without a layout reports no changes to highlighters
        SyntaxHighlighting::createBuiltin(&document, QStringLiteral("Markdown"));
        document.setPlainText(QStringLiteral("intro\n**bold**\nend"));
        // A new highlighter's first pass runs from the event loop.
        QTRY_COMPARE(roleMap(document, 1), QStringLiteral("BBBBBBBB"));
        QTextCursor cursor(document.findBlockByNumber(0));
        cursor.insertText(QStringLiteral("```\n"));
        QCOMPARE(roleMap(document, 2), QStringLiteral("CCCCCCCC"));
        cursor = QTextCursor(&document);
        cursor.movePosition(QTextCursor::NextBlock, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        QCOMPARE(document.findBlockByNumber(1).text(), QStringLiteral("**bold**"));
        QCOMPARE(roleMap(document, 1), QStringLiteral("BBBBBBBB"));
    }

    void attachReplacesAndIgnoresUnknown()
    {
        QTextDocument document;
        document.documentLayout(); // a document without a layout reports no changes to highlighters
        SyntaxHighlighting::attach(nullptr, QStringLiteral("JSON")); // no crash
        SyntaxHighlighting::attach(&document, QStringLiteral("cobol"));
        QVERIFY(!SyntaxHighlighting::highlighterOf(&document));

        SyntaxHighlighting::attach(&document, QStringLiteral("json"));
        QSyntaxHighlighter *first = SyntaxHighlighting::highlighterOf(&document);
        QVERIFY(first);
        SyntaxHighlighting::attach(&document, QStringLiteral("YAML"));
        QCOMPARE(document.findChildren<QSyntaxHighlighter *>().size(), 1);
        QVERIFY(SyntaxHighlighting::highlighterOf(&document) != nullptr);

        if (SyntaxHighlighting::usesKSyntaxHighlighting())
            QSKIP("KF6 SyntaxHighlighting is used; the rest checks the built-in highlighters");
        document.setPlainText(QStringLiteral("key: 1"));
        QTRY_COMPARE(roleMap(document, 0), QStringLiteral("KKK  N"));

        SyntaxHighlighting::attach(&document, QStringLiteral("unknown"));
        QVERIFY(!SyntaxHighlighting::highlighterOf(&document));
        document.setPlainText(QStringLiteral("key: 1"));
        QTest::qWait(20); // give a (wrongly) remaining highlighter its chance
        QCOMPARE(roleMap(document, 0), QString());
    }

    void coloursReadableOnLightAndDark_data()
    {
        QTest::addColumn<QColor>("base");
        QTest::addColumn<QColor>("text");
        QTest::newRow("light") << QColor(Qt::white) << QColor(Qt::black);
        QTest::newRow("dark") << QColor(0x1e, 0x1e, 0x1e) << QColor(0xe6, 0xe6, 0xe6);
    }

    void coloursReadableOnLightAndDark()
    {
        QFETCH(QColor, base);
        QFETCH(QColor, text);
        const QPalette palette = paletteWithBase(base, text);
        const QMetaEnum roles = QMetaEnum::fromType<Role>();
        for (int i = 0; i < roles.keyCount(); ++i) {
            const Role role = Role(roles.value(i));
            const QTextCharFormat f = BuiltinHighlighter::makeFormat(role, palette);
            QCOMPARE(BuiltinHighlighter::roleOf(f), role);
            if (!f.hasProperty(QTextFormat::ForegroundBrush))
                continue; // palette text
            const QColor background =
                f.hasProperty(QTextFormat::BackgroundBrush) ? f.background().color() : base;
            const double ratio = contrast(f.foreground().color(), background);
            if (ratio < 4.0)
                QFAIL(qPrintable(QStringLiteral("%1: contrast %2 on %3")
                                     .arg(QLatin1String(roles.key(i)))
                                     .arg(ratio)
                                     .arg(background.name())));
        }
    }

    void followsTheEditorsPalette()
    {
        if (SyntaxHighlighting::usesKSyntaxHighlighting())
            QSKIP("checks the built-in highlighters");
        QPlainTextEdit edit;
        edit.setPalette(paletteWithBase(Qt::white, Qt::black));
        SyntaxHighlighting::attach(edit.document(), QStringLiteral("JSON"));
        edit.setPlainText(QStringLiteral("{\"k\": 1}"));
        const auto keyColour = [&edit] {
            for (const QTextLayout::FormatRange &r :
                 edit.document()->firstBlock().layout()->formats()) {
                if (BuiltinHighlighter::roleOf(r.format) == Role::Key)
                    return r.format.foreground().color();
            }
            return QColor();
        };
        const QColor light = keyColour();
        QVERIFY(light.isValid());
        edit.setPalette(paletteWithBase(QColor(0x1e, 0x1e, 0x1e), Qt::white));
        const QColor dark = keyColour();
        QVERIFY(dark.isValid());
        QVERIFY(light != dark);
        QVERIFY(dark.lightness() > light.lightness());
    }
};

QTEST_MAIN(TestSyntaxHighlighting)
#include "tst_syntaxhighlighting.moc"
