// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/unifieddiff.h"
#include "difftesthelper.h"

#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

using namespace Promotion;

namespace {
QByteArray numbered(int count, const QByteArray &prefix = "line ")
{
    QByteArray out;
    for (int i = 1; i <= count; ++i)
        out += prefix + QByteArray::number(i) + '\n';
    return out;
}

QByteArray replaceLine(QByteArray text, int lineNumber, const QByteArray &with)
{
    QList<QByteArray> lines = text.split('\n');
    lines[lineNumber - 1] = with;
    return lines.join('\n');
}
} // namespace

class TestUnifiedDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void exactOutput_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<QString>("pathA");
        QTest::addColumn<int>("context");
        QTest::addColumn<QString>("expected");

        QTest::newRow("equal") << QByteArray("x\n") << QByteArray("x\n") << "f" << 3 << "";
        QTest::newRow("one line changed")
            << QByteArray("a\nb\nc\n") << QByteArray("a\nB\nc\n") << "f" << 3
            << "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n";
        QTest::newRow("deletions before insertions")
            << QByteArray("a\nb\nc\nd\n") << QByteArray("a\nX\nY\nd\n") << "f" << 1
            << "--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n a\n-b\n-c\n+X\n+Y\n d\n";
        QTest::newRow("insert at top, no context")
            << QByteArray("a\nb\n") << QByteArray("new\na\nb\n") << "f" << 0
            << "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+new\n";
        QTest::newRow("delete in middle, no context")
            << QByteArray("a\nb\nc\n") << QByteArray("a\nc\n") << "f" << 0
            << "--- a/f\n+++ b/f\n@@ -2 +1,0 @@\n-b\n";
        QTest::newRow("created file")
            << QByteArray() << QByteArray("one\ntwo\n") << "/dev/null" << 3
            << "--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+one\n+two\n";
        QTest::newRow("created file, empty path")
            << QByteArray() << QByteArray("one\n") << "" << 3
            << "--- /dev/null\n+++ b/f\n@@ -0,0 +1 @@\n+one\n";
        QTest::newRow("newline added at end")
            << QByteArray("a\nb") << QByteArray("a\nb\n") << "f" << 3
            << "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n";
        QTest::newRow("newline removed at end")
            << QByteArray("a\nb\n") << QByteArray("a\nb") << "f" << 3
            << "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n";
        QTest::newRow("context line without newline")
            << QByteArray("a\nb") << QByteArray("A\nb") << "f" << 3
            << "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n-a\n+A\n b\n\\ No newline at end of file\n";
    }
    void exactOutput()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(QString, pathA);
        QFETCH(int, context);
        QFETCH(QString, expected);
        QCOMPARE(UnifiedDiff::diff(pathA, QStringLiteral("f"), a, b, context), expected);
    }

    void applies_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("created");
        QTest::addColumn<int>("context");

        const QByteArray hundred = numbered(100);
        QTest::newRow("middle change")
            << hundred << replaceLine(hundred, 50, "changed") << false << 3;
        QTest::newRow("two far hunks")
            << hundred << replaceLine(replaceLine(hundred, 5, "five"), 80, "eighty") << false << 3;
        QTest::newRow("two close hunks merge")
            << hundred << replaceLine(replaceLine(hundred, 5, "five"), 10, "ten") << false << 3;
        QTest::newRow("insert at top") << hundred << QByteArray("first\n") + hundred << false << 3;
        QTest::newRow("append at end") << hundred << hundred + "last\n" << false << 3;
        QTest::newRow("delete first lines")
            << hundred << hundred.mid(hundred.indexOf("line 4\n")) << false << 3;
        QTest::newRow("delete last line")
            << hundred << hundred.left(hundred.indexOf("line 100\n")) << false << 3;
        QTest::newRow("add final newline")
            << QByteArray("a\nb\nc") << QByteArray("a\nb\nc\n") << false << 3;
        QTest::newRow("drop final newline")
            << QByteArray("a\nb\nc\n") << QByteArray("a\nb\nc") << false << 3;
        QTest::newRow("change before unterminated last line")
            << QByteArray("a\nb\nc\nd") << QByteArray("A\nb\nc\nd") << false << 3;
        QTest::newRow("change unterminated last line")
            << QByteArray("a\nb\nc") << QByteArray("a\nb\nC") << false << 3;
        QTest::newRow("created") << QByteArray() << QByteArray("# Title\n\ntext\n") << true << 3;
        QTest::newRow("created without final newline")
            << QByteArray() << QByteArray("x") << true << 3;
        QTest::newRow("crlf") << QByteArray("a\r\nb\r\nc\r\n") << QByteArray("a\r\nB\r\nc\r\n")
                              << false << 3;
        QTest::newRow("crlf to lf")
            << QByteArray("a\r\nb\r\n") << QByteArray("a\nb\n") << false << 3;
        QTest::newRow("byte order mark kept")
            << QByteArray("\xef\xbb\xbf# T\r\nb\r\n") << QByteArray("\xef\xbb\xbf# T\r\nB\r\n")
            << false << 3;
        QTest::newRow("utf-8") << QByteArray("caf\xc3\xa9\nx\n") << QByteArray("caf\xc3\xa9\ny\n")
                               << false << 3;
        QTest::newRow("zero context")
            << hundred << replaceLine(replaceLine(hundred, 5, "five"), 7, "seven") << false << 0;
        QTest::newRow("wide context") << hundred << replaceLine(hundred, 50, "x") << false << 10;
        QTest::newRow("everything different")
            << numbered(30) << numbered(20, "other ") << false << 3;
        QTest::newRow("emptied") << QByteArray("a\nb\n") << QByteArray() << false << 3;
        QTest::newRow("repeated lines")
            << QByteArray("x\nx\nx\ny\nx\nx\n") << QByteArray("x\ny\nx\nx\nx\nx\n") << false << 2;
        // More than the edit-distance limit: the fallback must still be a correct patch.
        QTest::newRow("huge rewrite") << numbered(2500) << numbered(2500, "new ") << false << 3;
    }
    void applies()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, created);
        QFETCH(int, context);
        const QString path = QStringLiteral("src/pkg/file.txt");
        const QString patch =
            UnifiedDiff::diff(created ? QStringLiteral("/dev/null") : path, path, a, b, context);
        QVERIFY(!patch.isEmpty());
        for (const QString &tool : {QStringLiteral("git"), QStringLiteral("patch")}) {
            QString error;
            QHash<QString, std::optional<QByteArray>> files;
            files.insert(path, created ? std::nullopt : std::optional<QByteArray>(a));
            const auto result = DiffTest::applyPatch(tool, files, patch, context == 0, &error);
            if (!result && error.endsWith(QLatin1String(" is not installed")))
                QSKIP(qPrintable(error));
            QVERIFY2(result.has_value(), qPrintable(error));
            QCOMPARE(result->value(path), b);
        }
    }

    void randomEdits_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 25; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }
    void randomEdits()
    {
        // Random insertions, deletions and replacements on a file with many
        // repeated lines (the hard case for alignment), judged by git apply.
        QFETCH(quint32, seed);
        QRandomGenerator rng(seed);
        QList<QByteArray> lines;
        for (int i = 0; i < 120; ++i)
            lines.append(QByteArray("v") + QByteArray::number(rng.bounded(6)));
        QList<QByteArray> edited = lines;
        const int edits = 1 + int(rng.bounded(15));
        for (int e = 0; e < edits; ++e) {
            const int at = int(rng.bounded(quint32(edited.size() + 1)));
            switch (rng.bounded(3)) {
            case 0:
                edited.insert(at, QByteArray("new") + QByteArray::number(e));
                break;
            case 1:
                if (at < edited.size())
                    edited.removeAt(at);
                break;
            default:
                if (at < edited.size())
                    edited[at] = QByteArray("mod") + QByteArray::number(e);
                break;
            }
        }
        const QByteArray a = lines.join('\n') + (seed % 3 == 0 ? "" : "\n");
        const QByteArray b = edited.join('\n') + (seed % 4 == 0 ? "" : "\n");
        const QString path = QStringLiteral("f.txt");
        const int context = int(seed % 4);
        const QString patch = UnifiedDiff::diff(path, path, a, b, context);
        if (a == b) {
            QVERIFY(patch.isEmpty());
            return;
        }
        QString error;
        QHash<QString, std::optional<QByteArray>> files;
        files.insert(path, a);
        const auto result =
            DiffTest::applyPatch(QStringLiteral("git"), files, patch, context == 0, &error);
        if (!result && error.endsWith(QLatin1String(" is not installed")))
            QSKIP(qPrintable(error));
        QVERIFY2(result.has_value(), qPrintable(error));
        QCOMPARE(result->value(path), b);
    }

    void minimal()
    {
        // Myers finds the shortest script: one replaced line among many is one '-' and one '+'.
        const QByteArray a = numbered(40);
        const QString patch =
            UnifiedDiff::diff(QStringLiteral("f"), QStringLiteral("f"), a, replaceLine(a, 20, "x"));
        int removed = 0;
        int added = 0;
        int hunks = 0;
        const QStringList lines = patch.split(QLatin1Char('\n'));
        for (const QString &line : lines.mid(2)) { // after the ---/+++ header
            removed += line.startsWith(QLatin1Char('-'));
            added += line.startsWith(QLatin1Char('+'));
            hunks += line.startsWith(QLatin1String("@@ "));
        }
        QCOMPARE(removed, 1);
        QCOMPARE(added, 1);
        QCOMPARE(hunks, 1);
    }
};

QTEST_GUILESS_MAIN(TestUnifiedDiff)
#include "tst_unifieddiff.moc"
