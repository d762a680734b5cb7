// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/logbuffer.h"
#include "logmodel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Promotion;

namespace {

QStringList allLines(const LogBuffer &buffer)
{
    QStringList lines;
    for (qsizetype i = 0; i < buffer.lineCount(); ++i)
        lines.append(buffer.line(i));
    return lines;
}

LogSpan span(int start, int length, LogColor fg, quint8 flags = 0, LogColor bg = {})
{
    LogSpan s;
    s.start = start;
    s.length = length;
    s.foreground = fg;
    s.background = bg;
    s.flags = flags;
    return s;
}

QByteArray numberedLines(int first, int count)
{
    QByteArray data;
    for (int i = first; i < first + count; ++i)
        data += "line " + QByteArray::number(i) + '\n';
    return data;
}

} // namespace

class TestLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // --- LogBuffer -------------------------------------------------------------------------
    void bufferLines_data();
    void bufferLines();
    void bufferSplitAnywhere();
    void bufferSpans_data();
    void bufferSpans();
    void bufferStylePersistsAcrossLines();
    void bufferPartialLine();
    void bufferFinish();
    void bufferScrollbackDropsWholeBlocks();
    void bufferMemoryBounded();
    void bufferFind_data();
    void bufferFind();
    void bufferTextAndWrite();
    void bufferLongLineIsBroken();
    void bufferGarbageNeverCrashes();

    // --- LogModel --------------------------------------------------------------------------
    void modelPassesTester();
    void modelBatchesAppends();
    void modelAnnouncesScrollbackDrops();
    void modelRoles();
    void modelPartialRowChanges();
    void modelTimeSlicesHugeChunks();
    void modelFindAndText();
    void modelClear();
};

void TestLogModel::bufferLines_data()
{
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("simple") << QByteArrayList{"a\nb\n"} << QStringList{"a", "b"};
    QTest::newRow("partial across chunks")
        << QByteArrayList{"a\nb", "c\n"} << QStringList{"a", "bc"};
    QTest::newRow("crlf") << QByteArrayList{"one\r\ntwo\r\n"} << QStringList{"one", "two"};
    QTest::newRow("crlf split") << QByteArrayList{"one\r", "\ntwo\r", "\n"}
                                << QStringList{"one", "two"};
    QTest::newRow("progress bar overwrite")
        << QByteArrayList{"10%\r20%\r", "30%\n"} << QStringList{"30%"};
    QTest::newRow("cr cr lf") << QByteArrayList{"done\r\r\n"} << QStringList{"done"};
    QTest::newRow("cr then erase line")
        << QByteArrayList{"50%\r\x1b[Kfinished\n"} << QStringList{"finished"};
    QTest::newRow("empty lines") << QByteArrayList{"\n\n", "\n"} << QStringList{"", "", ""};
    QTest::newRow("tabs") << QByteArrayList{"a\tb\n12345678\tc\n"}
                          << QStringList{"a       b", "12345678        c"};
    QTest::newRow("utf8 split") << QByteArrayList{"h\xc3", "\xa9llo \xe2\x9c", "\x93\n"}
                                << QStringList{QString::fromUtf8("h\xc3\xa9llo \xe2\x9c\x93")};
    QTest::newRow("escape split") << QByteArrayList{"\x1b", "[3", "1mred\x1b[0", "m plain\n"}
                                  << QStringList{"red plain"};
    QTest::newRow("osc title and link dropped")
        << QByteArrayList{"\x1b]0;title\x07x\x1b]8;;http://a\x1b\\link\x1b]8;;\x1b\\\n"}
        << QStringList{"xlink"};
    QTest::newRow("unterminated osc keeps lines")
        << QByteArrayList{"\x1b]0;never ends\nnext\n"} << QStringList{"", "next"};
    QTest::newRow("cursor movement dropped")
        << QByteArrayList{"\x1b[2J\x1b[1;1Hok\x1b[?25l\n"} << QStringList{"ok"};
    QTest::newRow("controls dropped")
        << QByteArrayList{QByteArray("a\x07\x08\x00z\n", 6)} << QStringList{"az"};
    QTest::newRow("charset escape") << QByteArrayList{"\x1b(Bab\x1b"
                                                      "7c\n"}
                                    << QStringList{"abc"};
    QTest::newRow("no trailing newline") << QByteArrayList{"a\nlast"} << QStringList{"a", "last"};
}

void TestLogModel::bufferLines()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(QStringList, expected);
    LogBuffer buffer;
    for (const QByteArray &chunk : chunks)
        buffer.append(chunk);
    QCOMPARE(allLines(buffer), expected);
    QCOMPARE(buffer.lineCount(), expected.size());
}

void TestLogModel::bufferSplitAnywhere()
{
    // Whatever the chunking, the result is the same as feeding everything at once.
    const QByteArray data = "\x1b[1;31mFAILED\x1b[0m tests/test_a.py::t \xc3\xa9\r\n"
                            "progress 1%\rprogress 100%\n"
                            "\x1b[38;5;208mwarn\x1b[39m \x1b[38;2;1;2;3mrgb\x1b[m\tend\n"
                            "\x1b]0;title\x07plain \xf0\x9f\x98\x80 emoji\n"
                            "partial";
    LogBuffer whole;
    whole.append(data);
    for (int split = 1; split < data.size(); ++split) {
        LogBuffer parts;
        parts.append(QByteArrayView(data).first(split));
        parts.append(QByteArrayView(data).sliced(split));
        QCOMPARE(allLines(parts), allLines(whole));
        for (qsizetype i = 0; i < whole.lineCount(); ++i)
            QCOMPARE(parts.spans(i), whole.spans(i));
    }
    LogBuffer bytes;
    for (char c : data)
        bytes.append(QByteArrayView(&c, 1));
    QCOMPARE(allLines(bytes), allLines(whole));
    QCOMPARE(whole.lineCount(), 5);
    QCOMPARE(whole.line(4), QStringLiteral("partial"));
}

void TestLogModel::bufferSpans_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("text");
    QTest::addColumn<LogSpans>("spans");

    QTest::newRow("plain") << QByteArray("plain\n") << QStringLiteral("plain") << LogSpans{};
    QTest::newRow("red then reset")
        << QByteArray("\x1b[31mred\x1b[0m plain\n") << QStringLiteral("red plain")
        << LogSpans{span(0, 3, LogColor::indexed(1))};
    QTest::newRow("bold bright green")
        << QByteArray("\x1b[1;92mok\x1b[0m\n") << QStringLiteral("ok")
        << LogSpans{span(0, 2, LogColor::indexed(10), LogSpan::Bold)};
    QTest::newRow("256 colours") << QByteArray("a\x1b[38;5;208mX\x1b[39mb\n")
                                 << QStringLiteral("aXb")
                                 << LogSpans{span(1, 1, LogColor::indexed(208))};
    QTest::newRow("truecolor") << QByteArray("\x1b[38;2;1;2;3mX\n") << QStringLiteral("X")
                               << LogSpans{span(0, 1, LogColor::rgb(1, 2, 3))};
    QTest::newRow("truecolor colon form")
        << QByteArray("\x1b[38:2::10:20:30mX\n") << QStringLiteral("X")
        << LogSpans{span(0, 1, LogColor::rgb(10, 20, 30))};
    QTest::newRow("default fg ends colour")
        << QByteArray("\x1b[31mA\x1b[39mB\n") << QStringLiteral("AB")
        << LogSpans{span(0, 1, LogColor::indexed(1))};
    QTest::newRow("bold off keeps colour")
        << QByteArray("\x1b[1;34mA\x1b[22mB\x1b[0mC\n") << QStringLiteral("ABC")
        << LogSpans{span(0, 1, LogColor::indexed(4), LogSpan::Bold),
                    span(1, 1, LogColor::indexed(4))};
    QTest::newRow("same style merges")
        << QByteArray("\x1b[31mab\x1b[31mcd\x1b[0m\n") << QStringLiteral("abcd")
        << LogSpans{span(0, 4, LogColor::indexed(1))};
    QTest::newRow("background") << QByteArray("\x1b[41;97m X \x1b[49;39m\n")
                                << QStringLiteral(" X ")
                                << LogSpans{
                                       span(0, 3, LogColor::indexed(15), 0, LogColor::indexed(1))};
    QTest::newRow("offsets in utf16 after non-ascii")
        << QByteArray("\xc3\xa9\xf0\x9f\x98\x80\x1b[32mx\n")
        << QString::fromUtf8("\xc3\xa9\xf0\x9f\x98\x80x")
        << LogSpans{span(3, 1, LogColor::indexed(2))};
    QTest::newRow("private mode is not sgr")
        << QByteArray("\x1b[?1mA\n") << QStringLiteral("A") << LogSpans{};
    QTest::newRow("malformed extended colour ignored")
        << QByteArray("\x1b[38;5mA\n") << QStringLiteral("A") << LogSpans{};
    QTest::newRow("tab inside span") << QByteArray("\x1b[33ma\tb\n") << QStringLiteral("a       b")
                                     << LogSpans{span(0, 9, LogColor::indexed(3))};
}

void TestLogModel::bufferSpans()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, text);
    QFETCH(LogSpans, spans);
    LogBuffer buffer;
    buffer.append(input);
    QCOMPARE(buffer.lineCount(), 1);
    QCOMPARE(buffer.line(0), text);
    QCOMPARE(buffer.spans(0), spans);
}

void TestLogModel::bufferStylePersistsAcrossLines()
{
    LogBuffer buffer;
    buffer.append("\x1b[35mone\ntwo\x1b[0m\nthree\n");
    QCOMPARE(buffer.spans(0), LogSpans{span(0, 3, LogColor::indexed(5))});
    QCOMPARE(buffer.spans(1), LogSpans{span(0, 3, LogColor::indexed(5))});
    QCOMPARE(buffer.spans(2), LogSpans{});
}

void TestLogModel::bufferPartialLine()
{
    LogBuffer buffer;
    buffer.append("collecting ...");
    QVERIFY(buffer.hasPartialLine());
    QCOMPARE(buffer.lineCount(), 1);
    buffer.append(" done\x1b[32m OK");
    QCOMPARE(buffer.line(0), QStringLiteral("collecting ... done OK"));
    QCOMPARE(buffer.spans(0), LogSpans{span(19, 3, LogColor::indexed(2))});
    buffer.append("\r");
    // A lone CR at the end is undecided: the line stays until something follows.
    QCOMPARE(buffer.line(0), QStringLiteral("collecting ... done OK"));
    buffer.append("rewritten");
    QCOMPARE(buffer.line(0), QStringLiteral("rewritten"));
    QCOMPARE(buffer.spans(0), LogSpans{span(0, 9, LogColor::indexed(2))});
    buffer.append("\n");
    QVERIFY(!buffer.hasPartialLine());
    QCOMPARE(buffer.lineCount(), 1);
    // Escape sequences alone do not start a visible line.
    buffer.append("\x1b[0m");
    QCOMPARE(buffer.lineCount(), 1);
    QVERIFY(!buffer.hasPartialLine());
}

void TestLogModel::bufferFinish()
{
    LogBuffer buffer;
    buffer.append("a\nb\x1b[31m");
    buffer.finish();
    QVERIFY(!buffer.hasPartialLine());
    QCOMPARE(allLines(buffer), (QStringList{"a", "b"}));
    buffer.append("c\n"); // the style of the previous stream does not leak
    QCOMPARE(buffer.spans(2), LogSpans{});
}

void TestLogModel::bufferScrollbackDropsWholeBlocks()
{
    LogBuffer buffer(100, 16);
    QCOMPARE(buffer.scrollbackLimit(), 100);
    QCOMPARE(buffer.linesPerBlock(), 16);
    buffer.append(numberedLines(1, 1000));
    // At least the limit, at most one whole block to drop plus a filling one more.
    QVERIFY2(buffer.lineCount() >= 100 && buffer.lineCount() < 100 + 2 * 16,
             qPrintable(QString::number(buffer.lineCount())));
    QCOMPARE(buffer.droppedLineCount() % 16, 0);
    QCOMPARE(buffer.firstLineNumber() + buffer.lineCount() - 1, 1000);
    QCOMPARE(buffer.totalLineCount(), 1000);
    // Row 0 is the stream line firstLineNumber(): numbering survives the drop.
    QCOMPARE(buffer.line(0), QStringLiteral("line %1").arg(buffer.firstLineNumber()));
    QCOMPARE(buffer.line(buffer.lineCount() - 1), QStringLiteral("line 1000"));

    // Shrinking the limit drops more, still in whole blocks and keeping at least the limit.
    buffer.setScrollbackLimit(40);
    QVERIFY(buffer.lineCount() >= 40 && buffer.lineCount() < 40 + 2 * 16);
    QCOMPARE(buffer.line(buffer.lineCount() - 1), QStringLiteral("line 1000"));

    LogBuffer automatic(1000);
    QCOMPARE(automatic.linesPerBlock(), 125);
    QCOMPARE(LogBuffer().linesPerBlock(), LogBuffer::DefaultLinesPerBlock);
}

void TestLogModel::bufferMemoryBounded()
{
    LogBuffer buffer(2000);
    const QByteArray chunk = numberedLines(0, 1000).replace("line", "\x1b[32mline\x1b[0m");
    for (int i = 0; i < 5; ++i)
        buffer.append(chunk);
    const qsizetype settled = buffer.bytesUsed();
    QVERIFY(settled > 2000 * 8);
    for (int i = 0; i < 200; ++i)
        buffer.append(chunk);
    QCOMPARE(buffer.totalLineCount(), 205'000);
    QVERIFY2(buffer.bytesUsed() <= settled * 5 / 4,
             qPrintable(QStringLiteral("%1 > %2").arg(buffer.bytesUsed()).arg(settled)));
    QVERIFY(buffer.lineCount() < 2000 + 2 * buffer.linesPerBlock());
}

void TestLogModel::bufferFind_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<int>("from");
    QTest::addColumn<bool>("forward");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<int>("expected");

    // Rows: 0 "alpha", 1 "Beta error", 2 "gamma", 3 "ERROR again", 4 "délta Ünïcode", 5 "end"
    QTest::newRow("forward from start") << "error" << 0 << true << false << 1;
    QTest::newRow("forward from match is inclusive") << "error" << 1 << true << false << 1;
    QTest::newRow("forward after match") << "error" << 2 << true << false << 3;
    QTest::newRow("case sensitive skips") << "error" << 2 << true << true << -1;
    QTest::newRow("case sensitive upper") << "ERROR" << 0 << true << true << 3;
    QTest::newRow("backward") << "error" << 5 << false << false << 3;
    QTest::newRow("backward inclusive") << "error" << 3 << false << false << 3;
    QTest::newRow("backward before") << "error" << 2 << false << false << 1;
    QTest::newRow("no wrap") << "alpha" << 1 << true << false << -1;
    QTest::newRow("not found") << "zeta" << 0 << true << false << -1;
    QTest::newRow("non-ascii needle") << QString::fromUtf8("ünï") << 0 << true << false << 4;
    QTest::newRow("non-ascii needle case sensitive")
        << QString::fromUtf8("ünï") << 0 << true << true << -1;
    QTest::newRow("ascii needle in non-ascii line") << "cod" << 0 << true << false << 4;
    QTest::newRow("from past end forward") << "end" << 99 << true << false << -1;
    QTest::newRow("from past end backward") << "end" << 99 << false << false << 5;
    QTest::newRow("negative from backward") << "alpha" << -1 << false << false << -1;
    QTest::newRow("empty needle") << "" << 0 << true << false << -1;
    QTest::newRow("partial last line") << "en" << 0 << true << true << 5;
}

void TestLogModel::bufferFind()
{
    QFETCH(QString, needle);
    QFETCH(int, from);
    QFETCH(bool, forward);
    QFETCH(bool, caseSensitive);
    QFETCH(int, expected);
    LogBuffer buffer(100, 2); // small blocks: the search crosses block boundaries
    buffer.append("alpha\nBeta \x1b[31merror\x1b[0m\ngamma\nERROR again\n"
                  "d\xc3\xa9lta \xc3\x9cn\xc3\xaf"
                  "code\nend");
    QCOMPARE(buffer.lineCount(), 6);
    QCOMPARE(
        buffer.find(needle, from, forward, caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive),
        qsizetype(expected));
}

void TestLogModel::bufferTextAndWrite()
{
    LogBuffer buffer;
    buffer.append("\x1b[1mone\x1b[0m\ntwo\r\nthree");
    QCOMPARE(buffer.toPlainText(), QStringLiteral("one\ntwo\nthree"));
    QCOMPARE(buffer.text(1, 1), QStringLiteral("two"));
    QCOMPARE(buffer.text(1, 99), QStringLiteral("two\nthree"));
    QCOMPARE(buffer.text(-5, 1), QStringLiteral("one"));
    QCOMPARE(buffer.text(7, 1), QString());
    QBuffer device;
    QVERIFY(device.open(QIODevice::WriteOnly));
    QVERIFY(buffer.write(&device));
    QCOMPARE(device.data(), QByteArray("one\ntwo\nthree\n"));
    QVERIFY(!buffer.write(nullptr));
}

void TestLogModel::bufferLongLineIsBroken()
{
    LogBuffer buffer;
    QByteArray huge(LogBuffer::MaxLineBytes * 2 + 10, 'x');
    huge[LogBuffer::MaxLineBytes - 1] = '\xc3'; // a 2-byte sequence straddling the limit
    huge[LogBuffer::MaxLineBytes] = '\xa9';
    buffer.append(huge);
    buffer.append("\n");
    QCOMPARE(buffer.lineCount(), 3);
    QCOMPARE(buffer.lineUtf8(0).size(), LogBuffer::MaxLineBytes - 1); // not split mid-sequence
    QVERIFY(buffer.line(1).startsWith(QString::fromUtf8("\xc3\xa9")));
    // "é" + 65534 "x": 65536 bytes, 65535 UTF-16 units.
    QCOMPARE(buffer.longestLineLength(), LogBuffer::MaxLineBytes - 1);
}

void TestLogModel::bufferGarbageNeverCrashes()
{
    // A fresh seed each run, plus one that once made a zero-length span (a UTF-8 sequence
    // cut between chunks); LOGMODEL_SEED replays a failing one.
    const quint32 fresh = qEnvironmentVariableIsSet("LOGMODEL_SEED")
                              ? quint32(qEnvironmentVariable("LOGMODEL_SEED").toULong())
                              : QRandomGenerator::global()->generate();
    for (const quint32 seed : {quint32(3140224496u), fresh}) {
        QRandomGenerator random(seed);
        LogBuffer buffer(500, 8);
        for (int round = 0; round < 300; ++round) {
            QByteArray chunk(int(random.bounded(1, 600)), Qt::Uninitialized);
            for (char &c : chunk) {
                // Mostly escape-heavy noise, so the parser states are all exercised.
                const quint32 pick = random.bounded(10);
                c = pick < 2   ? '\x1b'
                    : pick < 3 ? '['
                    : pick < 4 ? ';'
                    : pick < 5 ? '\n'
                    : pick < 6 ? '\r'
                               : char(random.bounded(256));
            }
            buffer.append(chunk);
        }
        for (qsizetype i = 0; i < buffer.lineCount(); ++i) {
            const QString text = buffer.line(i);
            for (const LogSpan &s : buffer.spans(i)) {
                QVERIFY2(s.start >= 0 && s.length > 0 && !text.isNull(),
                         qPrintable(QStringLiteral("seed %1 line %2 start %3 length %4")
                                        .arg(seed)
                                        .arg(i)
                                        .arg(s.start)
                                        .arg(s.length)));
            }
        }
        QVERIFY(buffer.lineCount() < 500 + 2 * 8);
        QCOMPARE(buffer.line(-1), QString());
        QCOMPARE(buffer.line(buffer.lineCount()), QString());
        QCOMPARE(buffer.spans(buffer.lineCount()), LogSpans{});
    }
}

void TestLogModel::modelPassesTester()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setScrollbackLimit(64); // 8-line blocks
    model.appendData("first line\nsecond ");
    model.flush();
    QCOMPARE(model.rowCount(), 2);
    model.appendData("half\n\x1b[32mgreen\x1b[0m\r\nprogress 1%\r");
    model.flush();
    model.appendData("progress 2%\rprogress 100%\n");
    model.flush();
    // Floods that drop lines, including ones never announced.
    model.appendData(numberedLines(0, 50));
    model.flush();
    model.appendData(numberedLines(50, 500) + "tail");
    model.flush();
    QCOMPARE(model.lineText(model.rowCount() - 1), QStringLiteral("tail"));
    model.appendData(numberedLines(550, 10));
    QTRY_VERIFY(!model.isBusy());
    model.setScrollbackLimit(10);
    QTRY_VERIFY(!model.isBusy());
    QVERIFY(model.rowCount() < 10 + 2 * 8);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    model.appendData("again\n");
    QTRY_COMPARE(model.rowCount(), 1);
}

void TestLogModel::modelBatchesAppends()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy caughtUp(&model, &LogModel::caughtUp);
    for (int i = 0; i < 200; ++i)
        model.appendData(numberedLines(i * 5, 5));
    // Nothing is announced synchronously: views only learn about rows from the timer.
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(inserted.count(), 0);
    QVERIFY(caughtUp.wait(2000));
    QCOMPARE(model.rowCount(), 1000);
    QVERIFY2(inserted.count() <= 2, qPrintable(QString::number(inserted.count())));
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.last().at(2).toInt(), 999);

    // Later appends produce a second, separate batch after the flush interval.
    inserted.clear();
    QElapsedTimer clock;
    clock.start();
    model.appendData(numberedLines(1000, 3));
    QVERIFY(caughtUp.wait(2000));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 1000);
    QCOMPARE(inserted.first().at(2).toInt(), 1002);
}

void TestLogModel::modelAnnouncesScrollbackDrops()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setScrollbackLimit(80); // 10-line blocks
    QCOMPARE(model.buffer().linesPerBlock(), 10);
    model.appendData(numberedLines(1, 85));
    model.flush();
    QCOMPARE(model.rowCount(), 85);
    QCOMPARE(model.firstLineNumber(), 1);

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendData(numberedLines(86, 20));
    model.flush();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 0);
    QCOMPARE(removed.first().at(2).toInt(), 19); // two whole blocks
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.firstLineNumber(), 21);
    QCOMPARE(model.totalLineCount(), 105);
    QCOMPARE(model.rowCount(), 85);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("line 21"));
    QCOMPARE(model.index(0).data(LogModel::LineNumberRole).toLongLong(), 21);
    QCOMPARE(model.index(84).data(LogModel::LineNumberRole).toLongLong(), 105);

    // A flood larger than the scrollback between two announcements removes every old row.
    removed.clear();
    model.appendData(numberedLines(106, 1000));
    model.flush();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(2).toInt(), 84);
    QCOMPARE(model.totalLineCount(), 1105);
    QCOMPARE(model.index(model.rowCount() - 1).data().toString(), QStringLiteral("line 1105"));
    QCOMPARE(model.index(0).data(LogModel::LineNumberRole).toLongLong(), model.firstLineNumber());
}

void TestLogModel::modelRoles()
{
    LogModel model;
    model.appendData("\x1b[1;31mFAILED\x1b[0m test_x\nplain\npart");
    model.flush();
    QCOMPARE(model.rowCount(), 3);
    const QModelIndex failed = model.index(0);
    QCOMPARE(failed.data(Qt::DisplayRole).toString(), QStringLiteral("FAILED test_x"));
    const auto spans = failed.data(LogModel::SpansRole).value<LogSpans>();
    QCOMPARE(spans, LogSpans{span(0, 6, LogColor::indexed(1), LogSpan::Bold)});
    QVERIFY(failed.data(Qt::ForegroundRole).value<QColor>().isValid());
    QVERIFY(!model.index(1).data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.index(1).data(LogModel::SpansRole).value<LogSpans>(), LogSpans{});
    QCOMPARE(model.index(1).data(LogModel::PartialRole).toBool(), false);
    QCOMPARE(model.index(2).data(LogModel::PartialRole).toBool(), true);
    QCOMPARE(model.index(2).data(LogModel::LineNumberRole).toLongLong(), 3);
    QVERIFY(model.roleNames().value(LogModel::SpansRole) == "spans");
    QVERIFY(model.flags(model.index(0)) & Qt::ItemIsSelectable);
    QVERIFY(!model.index(0).data(Qt::DecorationRole).isValid());
}

void TestLogModel::modelPartialRowChanges()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendData("tests/test_a.py ..");
    model.flush();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 0);

    model.appendData("..F");
    model.flush();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("tests/test_a.py ....F"));

    model.appendData(" [100%]\nnext\n");
    model.flush();
    QCOMPARE(changed.count(), 2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data(LogModel::PartialRole).toBool(), false);

    // Complete rows are never reported as changed again.
    model.appendData("more\n");
    model.flush();
    QCOMPARE(changed.count(), 2);
}

void TestLogModel::modelTimeSlicesHugeChunks()
{
    LogModel model;
    model.setSliceBudget(2);
    QByteArray big;
    for (int i = 0; i < 400'000; ++i)
        big +=
            "\x1b[36mline\x1b[0m " + QByteArray::number(i) + " of a rather large chunk of output\n";
    model.appendData(big);
    QCOMPARE(model.pendingBytes(), big.size());

    // One turn of the event loop parses one slice of the 20 MB chunk, not all of it.
    for (int turn = 0; turn < 100 && model.pendingBytes() == big.size(); ++turn)
        QCoreApplication::processEvents();
    QVERIFY(model.pendingBytes() < big.size());
    QVERIFY2(model.pendingBytes() > big.size() / 2,
             qPrintable(QString::number(model.pendingBytes())));

    int slices = 1;
    qsizetype last = model.pendingBytes();
    QSignalSpy caughtUp(&model, &LogModel::caughtUp);
    QElapsedTimer clock;
    clock.start();
    while (caughtUp.isEmpty() && clock.elapsed() < 60'000) {
        QCoreApplication::processEvents();
        if (model.pendingBytes() != last) {
            last = model.pendingBytes();
            ++slices;
        }
    }
    QVERIFY(!caughtUp.isEmpty());
    QVERIFY2(slices >= 5, qPrintable(QString::number(slices)));
    QCOMPARE(model.pendingBytes(), 0);
    QCOMPARE(model.totalLineCount(), 400'000);
    QCOMPARE(model.lineText(model.rowCount() - 1),
             QStringLiteral("line 399999 of a rather large chunk of output"));
}

void TestLogModel::modelFindAndText()
{
    LogModel model;
    model.setScrollbackLimit(16); // 2-line blocks
    model.appendData(numberedLines(1, 20));
    model.flush();
    const int rows = model.rowCount();
    QVERIFY(rows >= 16);
    QCOMPARE(model.find(QStringLiteral("line 20"), 0), rows - 1);
    QCOMPARE(model.find(QStringLiteral("line 1"), rows - 1, false), rows - 2); // "line 19"
    QCOMPARE(model.find(QStringLiteral("line 1"), rows, false), rows - 2);
    // Lines that scrolled out of the scrollback are not found.
    QVERIFY(model.firstLineNumber() > 3);
    QCOMPARE(model.find(QStringLiteral("line 3"), 0), -1);
    QCOMPARE(model.find(QStringLiteral("LINE 20"), 0, true, Qt::CaseSensitive), -1);
    QCOMPARE(model.text(rows - 2, 2), QStringLiteral("line 19\nline 20"));
    QCOMPARE(model.text(rows - 1, 10), QStringLiteral("line 20"));
    QCOMPARE(model.lineText(rows), QString());
    QBuffer device;
    QVERIFY(device.open(QIODevice::WriteOnly));
    QVERIFY(model.writePlainText(&device));
    QVERIFY(device.data().endsWith("line 19\nline 20\n"));
    QCOMPARE(device.data().count('\n'), rows);

    // Lines parsed but not announced yet are invisible to find().
    model.setFlushInterval(10'000);
    model.appendData("secret\n");
    QTRY_COMPARE(model.pendingBytes(), 0);
    QCOMPARE(model.find(QStringLiteral("secret"), 0), -1);
    model.flush();
    QCOMPARE(model.find(QStringLiteral("secret"), 0), model.rowCount() - 1);
}

void TestLogModel::modelClear()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.appendData(numberedLines(0, 10));
    model.flush();
    model.appendData("pending\n");
    model.clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.pendingBytes(), 0);
    QCOMPARE(model.totalLineCount(), 0);
    QVERIFY(!model.isBusy());
    QTest::qWait(60);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestLogModel)
#include "tst_logmodel.moc"
