// SPDX-License-Identifier: GPL-3.0-or-later
// Start-up: the time from launching promotion-console on a workspace until its main window is
// visible, against a bare QApplication with one QWidget started the same way.
//
//   bench_startup --binary PATH [--bare-binary PATH] [--rounds N] [--max-ratio R] [--enforce]
//
// The baseline is bench_startup_bare (beside this executable unless --bare-binary says
// otherwise): a QApplication with one QWidget, linked to QtWidgets alone.
//
// Two moments of each launch, both timed from QProcess::start(), so process start, dynamic
// linking, QApplication and building the window all count:
//  - mapped: the X server maps the child's top-level window. The benchmark selects
//    SubstructureNotify on the root window and takes the MapNotify of a window whose
//    _NET_WM_PID is the child's: what issue 12 measures ("polling for the mapped window"),
//    without a poller's delay. Only on X11 (xvfb-run); elsewhere it is not measured.
//  - painted: the window's first paint is done. All three children run with
//    PROMOTION_STARTUP_PROBE=1 and print "painted" then (app/firstpaintprobe.h); each is ended
//    (SIGTERM) once both moments are seen.
// A third window runs in each round, as a reference: bench_startup_bare --label, one line of
// text with the font database filled on a second thread as promotion-console fills it. No window
// that shows text starts faster than that, so its ratio to the bare window is the floor under
// any main window's. Rounds alternate between the three; the medians are compared. The target
// (--max-ratio, 1.5) is on promotion-console against the bare window, mapped: issue 12's figure;
// the painted ratio is printed beside it. Exit 1
// when a window did not paint, and with --enforce also when the ratio exceeds the target: like
// the other benchmarks, the ctest entry checks that it works and prints the figures, because a
// machine busy with parallel builds moves the ratio by more than the margin.
#include "demo/demoworkspace.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <optional>
#include <QAbstractNativeEventFilter>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <xcb/xcb.h>

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n == 0 ? 0 : n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/*!
 * Watches the X server for the mapping of a top-level window of one process: SubstructureNotify
 * on the root window, and the window's _NET_WM_PID.
 */
class MapWatcher final : public QAbstractNativeEventFilter
{
public:
    static std::unique_ptr<MapWatcher> create()
    {
        auto *x11 = qGuiApp->nativeInterface<QNativeInterface::QX11Application>();
        if (!x11 || !x11->connection())
            return nullptr;
        return std::unique_ptr<MapWatcher>(new MapWatcher(x11->connection()));
    }

    ~MapWatcher() override { QCoreApplication::instance()->removeNativeEventFilter(this); }

    /*! From now on, the first mapping of a window of \a pid is timed on \a timer. */
    void expect(qint64 pid, const QElapsedTimer *timer)
    {
        m_pid = pid;
        m_timer = timer;
        m_mappedMs.reset();
    }
    std::optional<double> mappedMs() const { return m_mappedMs; }

    bool nativeEventFilter(const QByteArray &type, void *message, qintptr *) override
    {
        if (type != "xcb_generic_event_t" || m_mappedMs || !m_timer)
            return false;
        const auto *event = static_cast<const xcb_generic_event_t *>(message);
        if ((event->response_type & 0x7f) != XCB_MAP_NOTIFY)
            return false;
        const double ms = double(m_timer->nsecsElapsed()) / 1e6; // before the round trip
        const auto *map = reinterpret_cast<const xcb_map_notify_event_t *>(event);
        if (map->event == m_root && !map->override_redirect && pidOf(map->window) == m_pid)
            m_mappedMs = ms;
        return false;
    }

private:
    explicit MapWatcher(xcb_connection_t *connection)
        : m_connection(connection)
        , m_root(xcb_setup_roots_iterator(xcb_get_setup(connection)).data->root)
    {
        static const char name[] = "_NET_WM_PID";
        xcb_intern_atom_reply_t *atom = xcb_intern_atom_reply(
            connection, xcb_intern_atom(connection, 0, sizeof name - 1, name), nullptr);
        m_pidAtom = atom ? atom->atom : xcb_atom_t(XCB_ATOM_NONE);
        std::free(atom);
        // Added to the events Qt already selected on the root window, not instead of them.
        uint32_t mask = XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY;
        if (xcb_get_window_attributes_reply_t *attributes = xcb_get_window_attributes_reply(
                connection, xcb_get_window_attributes(connection, m_root), nullptr)) {
            mask |= attributes->your_event_mask;
            std::free(attributes);
        }
        xcb_change_window_attributes(connection, m_root, XCB_CW_EVENT_MASK, &mask);
        xcb_flush(connection);
        QCoreApplication::instance()->installNativeEventFilter(this);
    }

    qint64 pidOf(xcb_window_t window) const
    {
        qint64 pid = -1;
        if (xcb_get_property_reply_t *reply = xcb_get_property_reply(
                m_connection,
                xcb_get_property(m_connection, 0, window, m_pidAtom, XCB_ATOM_CARDINAL, 0, 1),
                nullptr)) {
            if (reply->format == 32 && xcb_get_property_value_length(reply) == 4)
                pid = *static_cast<const uint32_t *>(xcb_get_property_value(reply));
            std::free(reply);
        }
        return pid;
    }

    xcb_connection_t *m_connection;
    xcb_window_t m_root;
    xcb_atom_t m_pidAtom = XCB_ATOM_NONE;
    qint64 m_pid = -1;
    const QElapsedTimer *m_timer = nullptr;
    std::optional<double> m_mappedMs;
};

struct Launch
{
    double mappedMs = -1; // -1: not measured (no X11) or not mapped
    double paintedMs = -1;
};

/*! Times one launch: until the child printed "painted" (and, with a watcher, its window was
 *  mapped). */
Launch launch(const QString &program, const QStringList &arguments,
              const QProcessEnvironment &env, MapWatcher *watcher)
{
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::SeparateChannels);
    QEventLoop loop;
    QElapsedTimer timer;
    Launch result;
    QByteArray out;
    const auto done = [&] {
        return result.paintedMs >= 0 && (!watcher || watcher->mappedMs());
    };
    QObject::connect(&child, &QProcess::readyReadStandardOutput, &loop, [&] {
        out += child.readAllStandardOutput();
        if (result.paintedMs < 0 && out.contains("painted"))
            result.paintedMs = double(timer.nsecsElapsed()) / 1e6;
        if (done())
            loop.quit();
    });
    QObject::connect(&child, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&child, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer poll; // the map arrives as an X event; look for it between them
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(5);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    timer.start();
    child.start(program, arguments);
    if (watcher)
        watcher->expect(child.processId(), &timer);
    loop.exec();
    if (watcher && watcher->mappedMs())
        result.mappedMs = *watcher->mappedMs();
    if (result.paintedMs < 0)
        std::fprintf(stderr, "bench_startup: %s did not paint: %s\n", qPrintable(program),
                     child.readAllStandardError().constData());
    else if (watcher && result.mappedMs < 0)
        std::fprintf(stderr, "bench_startup: no mapped window of %s was seen\n",
                     qPrintable(program));
    if (watcher)
        watcher->expect(-1, nullptr);
    // The child goes on after its first paint (app/firstpaintprobe.h): ended here, once both
    // moments are seen, so its window is still there when its owner is looked up.
    child.terminate();
    if (!child.waitForFinished(10000)) {
        child.kill();
        child.waitForFinished(5000);
    }
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv); // an X connection of its own, to watch the root window
    const QStringList args = app.arguments();
    const auto value = [&args](const char *name, const QString &fallback) {
        const qsizetype at = args.indexOf(QLatin1String(name));
        return at > 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
    };
    const QString binary = value("--binary", QString());
    const int rounds = qMax(1, value("--rounds", QStringLiteral("7")).toInt());
    const double maxRatio = value("--max-ratio", QStringLiteral("1.5")).toDouble();
    if (binary.isEmpty()) {
        std::fprintf(stderr, "usage: bench_startup --binary PATH [--bare-binary PATH] [--rounds N] "
                             "[--max-ratio R] [--enforce]\n");
        return 2;
    }

    // A workspace as users open it (the demo), and settings of its own.
    QTemporaryDir dir;
    const QString workspace = dir.filePath(QStringLiteral("demo"));
    const QString error = Promotion::DemoWorkspace::extractTo(workspace);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "bench_startup: %s\n", qPrintable(error));
        return 2;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PROMOTION_STARTUP_PROBE"), QStringLiteral("1"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), dir.filePath(QStringLiteral("cache")));

    const std::unique_ptr<MapWatcher> watcher = MapWatcher::create();
    const QString bareBinary = value("--bare-binary", QCoreApplication::applicationDirPath() +
                                                          QStringLiteral("/bench_startup_bare"));
    if (!QFileInfo(bareBinary).isExecutable()) {
        std::fprintf(stderr,
                     "bench_startup: %s is not an executable: build bench_startup_bare, "
                     "or name it with --bare-binary\n",
                     qPrintable(bareBinary));
        return 2;
    }
    struct Subject
    {
        const char *name;
        QString program;
        QStringList arguments;
        QList<double> mapped, painted;
    };
    Subject bare{"bare QApplication + QWidget", bareBinary, {}, {}, {}};
    Subject floor{"one QLabel (the text floor)", bareBinary, {QStringLiteral("--label")}, {}, {}};
    Subject application{"promotion-console WORKSPACE", binary, {workspace}, {}, {}};
    const std::array<Subject *, 3> subjects{&bare, &floor, &application};
    // One of each first, not counted: the page cache and fontconfig's cache warm up.
    for (const Subject *subject : subjects)
        launch(subject->program, subject->arguments, env, watcher.get());
    for (int r = 0; r < rounds; ++r) {
        for (Subject *subject : subjects) {
            const Launch l = launch(subject->program, subject->arguments, env, watcher.get());
            if (l.paintedMs < 0 || (watcher && l.mappedMs < 0))
                return 1;
            subject->painted.append(l.paintedMs);
            subject->mapped.append(l.mappedMs);
        }
    }
    double load = -1;
    if (FILE *f = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(f, "%lf", &load) != 1)
            load = -1;
        std::fclose(f);
    }
    std::printf("launch -> main window, median of %d rounds (load %.2f):\n", rounds, load);
    std::printf("                                  mapped   painted\n");
    // Times in ms with one decimal, ratios with two.
    const auto row = [&](const char *name, double mapped, double painted, bool isRatio) {
        const int decimals = isRatio ? 2 : 1;
        const char *unit = isRatio ? "x" : "ms";
        if (watcher)
            std::printf("  %-30s %5.*f %-2s  %5.*f %s\n", name, decimals, mapped, unit, decimals,
                        painted, unit);
        else
            std::printf("  %-30s     n/a   %5.*f %s\n", name, decimals, painted, unit);
    };
    for (const Subject *subject : subjects)
        row(subject->name, median(subject->mapped), median(subject->painted), false);
    const auto ratio = [](const Subject &a, const Subject &b, bool mapped) {
        return mapped ? median(a.mapped) / median(b.mapped) : median(a.painted) / median(b.painted);
    };
    row("ratio", ratio(application, bare, true), ratio(application, bare, false), true);
    row("floor: one QLabel / bare", ratio(floor, bare, true), ratio(floor, bare, false), true);
    row("promotion-console / floor", ratio(application, floor, true),
        ratio(application, floor, false), true);
    // The target is on the mapped window (issue 12); without X11, on the painted one.
    const double target = ratio(application, bare, bool(watcher));
    std::printf("  target: %s ratio <= %.2fx: %s\n", watcher ? "mapped" : "painted", maxRatio,
                target <= maxRatio ? "met"
                : args.contains(QStringLiteral("--enforce"))
                    ? "MISSED"
                    : "missed (not enforced: --enforce fails then)");
    return target <= maxRatio || !args.contains(QStringLiteral("--enforce")) ? 0 : 1;
}
