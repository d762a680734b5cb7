// SPDX-License-Identifier: GPL-3.0-or-later
// For tst_unixsignalbridge: installs a UnixSignalBridge, runs `sleep 100` through
// a ProcessRunner and then shuts down slowly: the first SIGINT, SIGTERM or SIGHUP
// is only reported ("first N" on stdout), so the second one must end the process
// from inside the signal handler, with 128 + N, killing the sleep's group.
#include "process/processrunner.h"
#include "process/unixsignalbridge.h"

#include <csignal>
#include <cstdio>
#include <QCoreApplication>

using namespace Promotion;

int main(int argc, char *argv[])
{
    // ctest may have been started in the background, where SIGINT is ignored;
    // this helper tests the handlers, so it always wants them.
    for (int signo : {SIGINT, SIGTERM, SIGHUP})
        std::signal(signo, SIG_DFL);

    QCoreApplication app(argc, argv);
    UnixSignalBridge bridge;
    if (!bridge.isInstalled()) {
        std::fputs("bridge not installed\n", stderr);
        return 3;
    }
    QObject::connect(&bridge, &UnixSignalBridge::signalReceived, &app, [](int signo) {
        std::printf("first %d\n", signo);
        std::fflush(stdout);
    });

    ProcessRunner runner;
    QObject::connect(&runner, &ProcessRunner::started, &app, [](qint64 pid) {
        std::printf("sleep %lld\n", static_cast<long long>(pid));
        std::fflush(stdout);
    });
    QObject::connect(&runner, &ProcessRunner::finished, &app, [](const ProcessResult &result) {
        std::fprintf(stderr, "sleep ended unexpectedly: %s\n", qPrintable(result.errorString));
        QCoreApplication::exit(4);
    });
    ProcessSpec spec;
    spec.argv = QStringList{QStringLiteral("sleep"), QStringLiteral("100")};
    if (!runner.start(spec))
        return 5;
    return QCoreApplication::exec();
}
