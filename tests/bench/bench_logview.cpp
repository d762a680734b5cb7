// SPDX-License-Identifier: GPL-3.0-or-later
// Live log pane benchmark: a child process floods N lines of pytest/flake8/kubectl-like
// output with ANSI colours; the same stream goes (a) into LogModel + LogView and (b) into a
// QPlainTextEdit baseline that appends the accumulated text every 50 ms with the same
// scrollback as maximumBlockCount. Both views are on screen (offscreen platform) in one
// window; the two runs happen one after the other so neither disturbs the other's figures.
//
// Measured per run: wall time from process start until the last line has been painted, the
// longest event-loop stall (largest gap between ticks of a 5 ms timer, minus 5 ms), the peak
// RSS growth (VmHWM after resetting it through /proc/self/clear_refs, minus VmRSS at the
// start) and, for LogView, the size of the line store at 25/50/75/100 % of the stream.
//
//   bench_logview [--lines N] [--scrollback N] [--no-baseline] [--enforce] [--timeout s]
//                 [--trace] [--slice-budget ms] [--slice-interval ms] [--flush-interval ms]
//
// --trace lists the slowest events of the LogView run with their wall and thread-CPU time:
// on a loaded machine most of a long stall is waiting (scheduler, and Qt's raster engine
// waiting for its fill threads), not work. The other options tune LogModel for experiments.
//
// Exit status 1 when lines are lost or the store is not bounded by the scrollback; with
// --enforce also when the targets (>= 10x the baseline's speed, stall <= 16 ms) are missed.
#include "logmodel.h"
#include "logview.h"

#include <cstdio>
#include <ctime>
#include <functional>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QListView>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QScrollBar>
#include <QTextBlock>
#include <QThread>
#include <QTimer>
#include <vector>

using namespace Promotion;

namespace {

constexpr int ProbeIntervalMs = 5;

// ----- child process: the tool that floods its output ---------------------------------------

int generate(long long lines)
{
    std::vector<char> out;
    out.reserve(1 << 20);
    char line[512];
    for (long long i = 1; i <= lines; ++i) {
        int n = 0;
        switch (i % 10) {
        case 0:
            n = std::snprintf(line, sizeof line,
                              "L%07lld \x1b[1;32mPASSED\x1b[0m tests/unit/test_module_%03lld.py::"
                              "test_case_%lld \x1b[90m[%3lld%%]\x1b[0m\n",
                              i, i % 997, i, i * 100 / lines);
            break;
        case 1:
            n = std::snprintf(line, sizeof line,
                              "L%07lld \x1b[31mFAILED\x1b[39m tests/integration/test_api.py::"
                              "test_endpoint_%lld - AssertionError: expected 42, got 41\n",
                              i, i % 131);
            break;
        case 2:
            n = std::snprintf(
                line, sizeof line,
                "L%07lld \x1b[38;5;208mwarning\x1b[0m: src/pkg/module_%03lld.py:%lld: "
                "DeprecationWarning: call new_api() instead\n",
                i, i % 997, i % 400);
            break;
        case 3:
            n = std::snprintf(line, sizeof line,
                              "L%07lld \x1b[38;2;0;128;255minfo\x1b[0m deployment.apps/demo-%lld: "
                              "3 of 3 updated replicas are available\n",
                              i, i % 7);
            break;
        case 4:
            n = std::snprintf(line, sizeof line,
                              "L%07lld Downloading artifact  10%%\rL%07lld Downloading artifact "
                              " 60%%\rL%07lld Downloading artifact 100%%\n",
                              i, i, i);
            break;
        case 5:
            n = std::snprintf(line, sizeof line,
                              "L%07lld src/pkg/module_%03lld.py:%lld:80: \x1b[1mE501\x1b[0m "
                              "line too long (94 > 79 characters)\r\n",
                              i, i % 997, i % 400);
            break;
        default:
            n = std::snprintf(line, sizeof line,
                              "L%07lld collecting tests/unit/test_module_%03lld.py ... "
                              "plain output without colours\n",
                              i, i % 997);
            break;
        }
        out.insert(out.end(), line, line + n);
        if (out.size() >= (1u << 20)) {
            if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size())
                return 1;
            out.clear();
        }
    }
    if (!out.empty() && std::fwrite(out.data(), 1, out.size(), stdout) != out.size())
        return 1;
    return std::fflush(stdout) == 0 ? 0 : 1;
}

// ----- measuring helpers ---------------------------------------------------------------------

qint64 statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

void resetPeakRss()
{
    // "5" resets VmHWM to the current RSS (Linux >= 4.0).
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    if (clearRefs.open(QIODevice::WriteOnly))
        clearRefs.write("5");
}

/*! The longest gap between ticks of a 5 ms timer: how long the event loop was unavailable. */
class StallProbe final
{
public:
    explicit StallProbe(std::function<void()> onTick)
        : m_onTick(std::move(onTick))
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(ProbeIntervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_maxGapNs = std::max(m_maxGapNs, now - m_lastNs);
            m_lastNs = now;
            ++m_ticks;
            if (m_onTick)
                m_onTick();
        });
    }
    void start()
    {
        m_clock.start();
        m_lastNs = 0;
        m_maxGapNs = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double maxStallMs() const { return std::max(0.0, m_maxGapNs / 1e6 - ProbeIntervalMs); }
    qint64 ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_maxGapNs = 0;
    qint64 m_ticks = 0;
    std::function<void()> m_onTick;
};

struct RunResult
{
    QString name;
    bool ok = false;
    QString error;
    double wallMs = 0;
    double maxStallMs = 0;
    qint64 rssBeforeKb = 0;
    qint64 peakKb = 0;
    qint64 rssAfterKb = 0;
    qint64 maxSampledRssKb = 0;
    qint64 bytesIn = 0;
    qint64 linesSeen = 0;
    qint64 linesKept = 0;
    QString lastLine;
    std::vector<qint64> storeAt; //!< LogBuffer::bytesUsed() at 25, 50, 75, 100 %
    qint64 maxStore = 0;
    qint64 maxBacklog = 0; //!< received but not yet parsed
};

struct Options
{
    QString program;
    qint64 lines = 1'000'000;
    qint64 scrollback = 100'000;
    int timeoutSeconds = 900;
};

QString expectedLastLineId(qint64 lines)
{
    return QStringLiteral("L%1").arg(lines, 7, 10, QLatin1Char('0'));
}

/*!
 * Run the generator and feed its output with \a feed; \a finished is called when the process
 * is done; the run ends when \a isDone() holds and the \a viewport has painted after that.
 */
void runPhase(const Options &opt, RunResult &result, QWidget *viewport,
              const std::function<void(const QByteArray &)> &feed,
              const std::function<void()> &finished, const std::function<bool()> &isDone,
              const std::function<void()> &onTick)
{
    QEventLoop loop;
    QProcess process;
    process.setProgram(opt.program);
    process.setArguments({QStringLiteral("--generate"), QString::number(opt.lines)});
    process.setProcessChannelMode(QProcess::SeparateChannels);

    QElapsedTimer wall;
    bool processDone = false;
    bool painted = false;
    qint64 sampleTick = 0;
    StallProbe probe([&] {
        if (++sampleTick % 20 == 0)
            result.maxSampledRssKb = std::max(result.maxSampledRssKb, statusKb("VmRSS"));
        if (onTick)
            onTick();
    });

    QObject::connect(&process, &QProcess::readyReadStandardOutput, &loop, [&] {
        const QByteArray chunk = process.readAllStandardOutput();
        result.bytesIn += chunk.size();
        feed(chunk);
    });
    QObject::connect(
        &process, &QProcess::finished, &loop, [&](int code, QProcess::ExitStatus status) {
            const QByteArray rest = process.readAllStandardOutput();
            result.bytesIn += rest.size();
            if (!rest.isEmpty())
                feed(rest);
            if (code != 0 || status != QProcess::NormalExit)
                result.error = QStringLiteral("generator failed: %1").arg(process.errorString());
            processDone = true;
            finished();
        });
    QObject::connect(&process, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError) {
        result.error = QStringLiteral("cannot run the generator: %1").arg(process.errorString());
        loop.quit();
    });

    // Done = everything processed and then one paint of the view showing it.
    struct PaintWatcher : QObject
    {
        std::function<void()> onPaint;
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (event->type() == QEvent::Paint && onPaint)
                onPaint();
            return false;
        }
    } watcher;
    watcher.onPaint = [&] {
        if (painted || !processDone || !isDone())
            return;
        painted = true;
        // Stop the clock once this paint has finished.
        QTimer::singleShot(0, &loop, [&] {
            result.wallMs = wall.nsecsElapsed() / 1e6;
            loop.quit();
        });
    };
    viewport->installEventFilter(&watcher);
    QTimer poke; // ask for a paint whenever the work is done, in case nothing else does
    QObject::connect(&poke, &QTimer::timeout, &loop, [&] {
        if (processDone && isDone() && !painted)
            viewport->update();
    });
    poke.start(10);
    QTimer::singleShot(opt.timeoutSeconds * 1000, &loop, [&] {
        result.error = QStringLiteral("timed out after %1 s").arg(opt.timeoutSeconds);
        loop.quit();
    });

    resetPeakRss();
    result.rssBeforeKb = statusKb("VmRSS");
    wall.start();
    probe.start();
    process.start();
    loop.exec();
    probe.stop();
    viewport->removeEventFilter(&watcher);
    result.maxStallMs = probe.maxStallMs();
    result.peakKb = statusKb("VmHWM");
    result.rssAfterKb = statusKb("VmRSS");
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000); // benchmark teardown only
    }
}

RunResult runLogView(const Options &opt, LogView *view)
{
    RunResult r;
    r.name = QStringLiteral("LogView (LogModel)");
    LogModel *model = view->model();
    model->clear();
    model->setScrollbackLimit(opt.scrollback);
    view->setFollowing(true);
    qint64 nextMark = 1;
    runPhase(
        opt, r, view->listView()->viewport(),
        [&](const QByteArray &chunk) { model->appendData(chunk); }, [&] { model->finish(); },
        [&] { return !model->isBusy(); },
        [&] {
            const qint64 seen = model->buffer().totalLineCount();
            const qint64 store = model->buffer().bytesUsed();
            r.maxStore = std::max(r.maxStore, store);
            r.maxBacklog = std::max<qint64>(r.maxBacklog, model->pendingBytes());
            while (nextMark <= 4 && seen >= opt.lines * nextMark / 4) {
                r.storeAt.push_back(store);
                ++nextMark;
            }
        });
    while (r.storeAt.size() < 4)
        r.storeAt.push_back(model->buffer().bytesUsed());
    r.linesSeen = model->totalLineCount();
    r.linesKept = model->rowCount();
    r.lastLine = model->lineText(model->rowCount() - 1);
    if (r.error.isEmpty()) {
        if (r.linesSeen != opt.lines)
            r.error = QStringLiteral("saw %1 lines instead of %2").arg(r.linesSeen).arg(opt.lines);
        else if (!r.lastLine.startsWith(expectedLastLineId(opt.lines)))
            r.error = QStringLiteral("last line is \"%1\"").arg(r.lastLine);
        else if (!view->isFollowing())
            r.error = QStringLiteral("the view stopped following the tail");
        else if (!view->listView()->viewport()->rect().intersects(
                     view->listView()->visualRect(model->index(model->rowCount() - 1))))
            r.error = QStringLiteral("the last line is not on screen");
    }
    r.ok = r.error.isEmpty();
    return r;
}

RunResult runBaseline(const Options &opt, QPlainTextEdit *edit)
{
    RunResult r;
    r.name = QStringLiteral("QPlainTextEdit baseline");
    edit->clear();
    edit->setMaximumBlockCount(int(opt.scrollback));
    QByteArray pending;
    bool processDone = false;
    QTimer batch;
    batch.setInterval(50);
    QObject::connect(&batch, &QTimer::timeout, edit, [&] {
        // Complete lines only, or appendPlainText would break lines at chunk borders.
        const qsizetype cut = processDone ? pending.size() : pending.lastIndexOf('\n') + 1;
        if (cut <= 0)
            return;
        QByteArrayView text(pending.constData(), cut);
        if (text.endsWith('\n'))
            text.chop(1);
        edit->appendPlainText(QString::fromUtf8(text));
        pending.remove(0, cut);
    });
    batch.start();
    runPhase(
        opt, r, edit->viewport(), [&](const QByteArray &chunk) { pending += chunk; },
        [&] { processDone = true; }, [&] { return processDone && pending.isEmpty(); }, {});
    batch.stop();
    r.linesKept = edit->document()->blockCount();
    r.lastLine = edit->document()->lastBlock().text();
    r.linesSeen = -1; // QPlainTextEdit does not count what it dropped
    if (r.error.isEmpty() && !r.lastLine.startsWith(expectedLastLineId(opt.lines)))
        r.error = QStringLiteral("last line is \"%1\"").arg(r.lastLine.left(60));
    r.ok = r.error.isEmpty();
    return r;
}

QString mb(qint64 bytes)
{
    return QString::number(bytes / 1048576.0, 'f', 1);
}

void printRow(const char *label, const QString &a, const QString &b)
{
    std::printf("  %-34s %22s %26s\n", label, qPrintable(a), qPrintable(b));
}

/*! With --trace: the slowest top-level events, to see what a stall was made of. */
class TracingApplication final : public QApplication
{
public:
    using QApplication::QApplication;
    struct Slow
    {
        double ms;
        QString what;
    };
    bool tracing = false;
    std::vector<Slow> slow;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!tracing)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer t;
        t.start();
        const double cpu0 = threadCpuMs();
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        const double ms = t.nsecsElapsed() / 1e6;
        if (ms >= 3.0) {
            slow.push_back({ms, QStringLiteral("(cpu %1 ms) %2%3 \"%4\" (parent %5) event %6")
                                    .arg(threadCpuMs() - cpu0, 0, 'f', 1)
                                    .arg(QString(m_depth * 2, QLatin1Char(' ')),
                                         QString::fromLatin1(receiver->metaObject()->className()),
                                         receiver->objectName(),
                                         receiver->parent()
                                             ? QString::fromLatin1(
                                                   receiver->parent()->metaObject()->className())
                                             : QString())
                                    .arg(int(event->type()))});
        }
        return result;
    }

private:
    static double threadCpuMs()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
    }
    int m_depth = 0;
};

} // namespace

int main(int argc, char **argv)
{
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--generate") == 0)
            return generate(std::atoll(argv[i + 1]));
    }

    TracingApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Live log pane benchmark"));
    parser.addHelpOption();
    const QCommandLineOption linesOption(QStringLiteral("lines"),
                                         QStringLiteral("Lines to stream."), QStringLiteral("n"),
                                         QStringLiteral("1000000"));
    const QCommandLineOption scrollbackOption(QStringLiteral("scrollback"),
                                              QStringLiteral("Scrollback of both views, in lines."),
                                              QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption noBaselineOption(QStringLiteral("no-baseline"),
                                              QStringLiteral("Skip the QPlainTextEdit run."));
    const QCommandLineOption enforceOption(
        QStringLiteral("enforce"),
        QStringLiteral("Fail when the speed or stall targets are missed."));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           QStringLiteral("Give up a run after this many seconds."),
                                           QStringLiteral("s"), QStringLiteral("900"));
    const QCommandLineOption traceOption(
        QStringLiteral("trace"), QStringLiteral("List the slowest events of the LogView run."));
    const QCommandLineOption budgetOption(QStringLiteral("slice-budget"),
                                          QStringLiteral("LogModel parse slice budget in ms."),
                                          QStringLiteral("ms"));
    const QCommandLineOption intervalOption(QStringLiteral("slice-interval"),
                                            QStringLiteral("LogModel pause between slices in ms."),
                                            QStringLiteral("ms"));
    const QCommandLineOption flushOption(QStringLiteral("flush-interval"),
                                         QStringLiteral("LogModel announce interval in ms."),
                                         QStringLiteral("ms"));
    parser.addOptions({linesOption, scrollbackOption, noBaselineOption, enforceOption,
                       timeoutOption, traceOption, budgetOption, intervalOption, flushOption});
    parser.process(app);

    Options opt;
    opt.program = QCoreApplication::applicationFilePath();
    opt.lines = parser.value(linesOption).toLongLong();
    opt.scrollback = parser.value(scrollbackOption).toLongLong();
    opt.timeoutSeconds = parser.value(timeoutOption).toInt();
    if (opt.lines < 1 || opt.scrollback < 1 || opt.timeoutSeconds < 1) {
        std::fprintf(stderr,
                     "bench_logview: --lines, --scrollback and --timeout must be positive\n");
        return 2;
    }

    // Both views on screen in one window, side by side.
    QWidget window;
    window.setWindowTitle(QStringLiteral("bench_logview"));
    auto *layout = new QHBoxLayout(&window);
    auto *logView = new LogView(&window);
    auto *edit = new QPlainTextEdit(&window);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(logView);
    layout->addWidget(edit);
    window.resize(1600, 800);
    window.show();
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 200)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);

    // The machine's own noise: the same probe on an idle event loop.
    double idleStallMs = 0;
    {
        StallProbe idle({});
        QEventLoop loop;
        QTimer::singleShot(1000, &loop, &QEventLoop::quit);
        idle.start();
        loop.exec();
        idle.stop();
        idleStallMs = idle.maxStallMs();
    }

    app.tracing = parser.isSet(traceOption);
    if (parser.isSet(budgetOption))
        logView->model()->setSliceBudget(parser.value(budgetOption).toInt());
    if (parser.isSet(intervalOption))
        logView->model()->setSliceInterval(parser.value(intervalOption).toInt());
    if (parser.isSet(flushOption))
        logView->model()->setFlushInterval(parser.value(flushOption).toInt());
    const RunResult fast = runLogView(opt, logView);
    app.tracing = false;
    if (!app.slow.empty()) {
        std::printf("slowest events of the LogView run (of %zu >= 3 ms):\n", app.slow.size());
        for (size_t i = 0; i < std::min<size_t>(60, app.slow.size()); ++i)
            std::printf("  %6.1f ms  %s\n", app.slow[i].ms, qPrintable(app.slow[i].what));
    }
    RunResult base;
    const bool withBaseline = !parser.isSet(noBaselineOption);
    if (withBaseline)
        base = runBaseline(opt, edit);

    QFile loadavg(QStringLiteral("/proc/loadavg"));
    const QByteArray load =
        loadavg.open(QIODevice::ReadOnly) ? loadavg.readAll().split(' ').value(0) : "?";
    std::printf("\nbench_logview: %lld lines (%s MB of output), scrollback %lld lines, Qt %s, "
                "platform %s\n",
                opt.lines, qPrintable(mb(fast.bytesIn)), opt.scrollback, qVersion(),
                qPrintable(QGuiApplication::platformName()));
    std::printf("machine: %d CPUs, load average %s, idle event-loop stall %.1f ms\n\n",
                QThread::idealThreadCount(), load.constData(), idleStallMs);
    printRow("", fast.name, withBaseline ? base.name : QStringLiteral("(skipped)"));
    auto both = [&](const char *label, const std::function<QString(const RunResult &)> &f) {
        printRow(label, f(fast), withBaseline ? f(base) : QStringLiteral("-"));
    };
    both("wall time to last line [ms]",
         [](const RunResult &r) { return QString::number(r.wallMs, 'f', 0); });
    both("throughput [lines/s]", [&](const RunResult &r) {
        return r.wallMs > 0 ? QString::number(qint64(opt.lines / (r.wallMs / 1000.0)))
                            : QStringLiteral("-");
    });
    both("longest event-loop stall [ms]",
         [](const RunResult &r) { return QString::number(r.maxStallMs, 'f', 1); });
    both("peak RSS growth [MB]",
         [](const RunResult &r) { return mb((r.peakKb - r.rssBeforeKb) * 1024); });
    both("RSS growth at the end [MB]",
         [](const RunResult &r) { return mb((r.rssAfterKb - r.rssBeforeKb) * 1024); });
    both("rows kept", [](const RunResult &r) { return QString::number(r.linesKept); });
    printRow("line store at 25/50/75/100% [MB]",
             QStringLiteral("%1/%2/%3/%4")
                 .arg(mb(fast.storeAt[0]), mb(fast.storeAt[1]), mb(fast.storeAt[2]),
                      mb(fast.storeAt[3])),
             QStringLiteral("-"));
    printRow("largest unparsed backlog [MB]", mb(fast.maxBacklog), QStringLiteral("-"));
    both("result", [](const RunResult &r) { return r.ok ? QStringLiteral("ok") : r.error; });
    std::printf("\n");

    bool failed = !fast.ok || (withBaseline && !base.ok);
    bool targetsMissed = false;

    // Bounded memory: once the scrollback is full the store does not grow any more.
    if (opt.lines >= 2 * opt.scrollback) {
        // Unbounded, the store would double from 50 % to 100 % of the stream; bounded, it only
        // moves by the block granularity of the scrollback (at most 1/8 of it, plus the
        // block being filled).
        const bool bounded =
            fast.storeAt[3] <= fast.storeAt[1] * 5 / 4 && fast.maxStore <= fast.storeAt[1] * 5 / 4;
        std::printf("  memory bounded: line store %s MB at 50%% vs %s MB at 100%%, max %s MB "
                    "(<= +25%%)  %s\n",
                    qPrintable(mb(fast.storeAt[1])), qPrintable(mb(fast.storeAt[3])),
                    qPrintable(mb(fast.maxStore)), bounded ? "PASS" : "FAIL");
        failed = failed || !bounded;
    }
    const bool stallOk = fast.maxStallMs <= 16.0;
    std::printf("  LogView longest stall: %.1f ms (target <= 16 ms)  %s\n", fast.maxStallMs,
                stallOk ? "PASS" : "MISSED");
    targetsMissed = targetsMissed || !stallOk;
    if (withBaseline && fast.wallMs > 0) {
        const double speedup = base.wallMs / fast.wallMs;
        const bool speedOk = speedup >= 10.0;
        std::printf("  speed-up over QPlainTextEdit: %.1fx (target >= 10x)  %s\n", speedup,
                    speedOk ? "PASS" : "MISSED");
        targetsMissed = targetsMissed || !speedOk;
    }
    std::printf("\n");
    std::fflush(stdout);
    if (failed)
        return 1;
    if (targetsMissed && parser.isSet(enforceOption))
        return 1;
    return 0;
}
