// SPDX-License-Identifier: GPL-3.0-or-later
// Start-up: the time from launching promotion-console on a workspace until its main window is
// painted, against a bare QApplication with one QWidget started the same way.
//
//   bench_startup --binary PATH [--rounds N] [--max-ratio R] [--enforce]
//
// Both children run with PROMOTION_STARTUP_PROBE=1: at their window's first paint they print
// "painted" and quit. The time is from QProcess::start() to that line, so process start,
// dynamic linking, QApplication, building the window and the first paint all count. Rounds
// alternate between the two; the medians are compared. Exit 1 when a window did not paint, and
// with --enforce also when the ratio exceeds --max-ratio (default 1.5): like the other
// benchmarks, the ctest entry checks that it works and prints the figures, because a machine
// busy with parallel builds moves the ratio by more than the margin.
#include "demo/demoworkspace.h"
#include "firstpaintprobe.h"

#include <algorithm>
#include <cstdio>
#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QWidget>

namespace {

int bare(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QWidget window;
    window.setWindowTitle(QStringLiteral("bare"));
    window.resize(800, 600);
    Promotion::FirstPaintProbe probe;
    window.installEventFilter(&probe);
    window.show();
    return QApplication::exec();
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n == 0 ? 0 : n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/*! Milliseconds from start() to the child's "painted", or -1. */
double launch(const QString &program, const QStringList &arguments,
              const QProcessEnvironment &env)
{
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer timer;
    timer.start();
    child.start(program, arguments);
    double ms = -1;
    QByteArray out;
    while (timer.elapsed() < 30000 && child.state() != QProcess::NotRunning) {
        if (child.waitForReadyRead(100)) {
            out += child.readAllStandardOutput();
            if (out.contains("painted")) {
                ms = double(timer.nsecsElapsed()) / 1e6;
                break;
            }
        }
    }
    if (ms < 0)
        std::fprintf(stderr, "bench_startup: %s did not paint: %s\n", qPrintable(program),
                     child.readAllStandardError().constData());
    if (!child.waitForFinished(10000)) {
        child.kill();
        child.waitForFinished(5000);
    }
    return ms;
}

} // namespace

int main(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--bare") == 0)
            return bare(argc, argv);
    }
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto value = [&args](const char *name, const QString &fallback) {
        const qsizetype at = args.indexOf(QLatin1String(name));
        return at > 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
    };
    const QString binary = value("--binary", QString());
    const int rounds = qMax(1, value("--rounds", QStringLiteral("7")).toInt());
    const double maxRatio = value("--max-ratio", QStringLiteral("1.5")).toDouble();
    if (binary.isEmpty()) {
        std::fprintf(stderr, "usage: bench_startup --binary PATH [--rounds N] [--max-ratio R] "
                             "[--enforce]\n");
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

    QList<double> app_ms;
    QList<double> bare_ms;
    // One of each first, not counted: the page cache and fontconfig's cache warm up.
    launch(app.applicationFilePath(), {QStringLiteral("--bare")}, env);
    launch(binary, {workspace}, env);
    for (int r = 0; r < rounds; ++r) {
        const double b = launch(app.applicationFilePath(), {QStringLiteral("--bare")}, env);
        const double a = launch(binary, {workspace}, env);
        if (a < 0 || b < 0)
            return 1;
        bare_ms.append(b);
        app_ms.append(a);
    }
    const double a = median(app_ms);
    const double b = median(bare_ms);
    const double ratio = a / b;
    double load[3] = {0, 0, 0};
    if (FILE *f = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(f, "%lf %lf %lf", &load[0], &load[1], &load[2]) != 3)
            load[0] = -1;
        std::fclose(f);
    }
    std::printf("launch -> first paint, median of %d (load %.2f):\n", rounds, load[0]);
    std::printf("  bare QApplication + QWidget   %7.1f ms\n", b);
    std::printf("  promotion-console WORKSPACE   %7.1f ms\n", a);
    std::printf("  ratio                         %7.2fx (target <= %.2fx)\n", ratio, maxRatio);
    if (ratio > maxRatio)
        std::printf("  target missed%s\n", args.contains(QStringLiteral("--enforce"))
                                                ? ""
                                                : " (not enforced: --enforce fails then)");
    return ratio <= maxRatio || !args.contains(QStringLiteral("--enforce")) ? 0 : 1;
}
