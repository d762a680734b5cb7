// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"
#include "demo/demoworkspace.h"
#include "firstpaintprobe.h"
#include "headlesscommands.h"
#include "mainwindow.h"
#include "process/processtree.h"
#include "startupwarmup.h"
#include "translationloader.h"

#include <cstdio>
#include <memory>
#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

using namespace Promotion;

static void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("promotion-console"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("promotion-console.invalid"));
    QCoreApplication::setApplicationName(QStringLiteral("promotion-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROMOTION_CONSOLE_VERSION));
}

// A report file opened from a file manager opens the workspace that holds it
// (WORKSPACE/.promotion/reports/NAME.json).
static QString workspaceOf(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return path;
    QDir dir = info.absoluteDir();
    if (dir.dirName() == QLatin1String("reports") && dir.cdUp() &&
        dir.dirName() == QLatin1String(".promotion") && dir.cdUp())
        return dir.absolutePath();
    return info.absolutePath();
}

int main(int argc, char *argv[])
{
    // Before any command runs: a daemon it starts (double fork + setsid) is then
    // reparented to us instead of PID 1, so ProcessRunner can still end and reap it.
    ProcessTree::becomeSubreaper();

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const CommandLine cl = parseCommandLine(arguments);

    switch (cl.mode) {
    case CommandLine::Mode::Error:
        std::fprintf(stderr, "promotion-console: %s (see --help)\n", qPrintable(cl.error));
        return ExitUsage;
    case CommandLine::Mode::Help:
        std::fputs(qPrintable(commandLineHelp()), stdout);
        return ExitPromoted;
    case CommandLine::Mode::Version:
        std::printf("promotion-console %s\n", PROMOTION_CONSOLE_VERSION);
        return ExitPromoted;
    case CommandLine::Mode::History:
        if (cl.exportFormat == QLatin1String("pdf")) {
            // The PDF is laid out with fonts: QtGui, without a display.
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            QGuiApplication app(argc, argv);
            setIdentity();
            return runHistoryCommand(cl);
        }
        [[fallthrough]];
    case CommandLine::Mode::Promote:
    case CommandLine::Mode::Verify:
    case CommandLine::Mode::FollowUp: {
        QCoreApplication app(argc, argv);
        setIdentity();
        if (cl.mode == CommandLine::Mode::Promote)
            return runPromoteCommand(cl);
        if (cl.mode == CommandLine::Mode::History)
            return runHistoryCommand(cl);
        if (cl.mode == CommandLine::Mode::FollowUp)
            return runFollowUpCommand(cl);
        return runVerifyCommand(cl);
    }
    case CommandLine::Mode::Gui:
    case CommandLine::Mode::Demo:
        break;
    }

    QApplication app(argc, argv);
    const StartupWarmUp warmUp; // joined before the application object goes
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Promotion Console"));
    // The reverse-DNS id of the desktop file, the metainfo and the icon.
    QApplication::setDesktopFileName(QStringLiteral("io.github.promotion_console"));
    if (!TranslationLoader::install(&app, cl.language) && !cl.language.isEmpty())
        std::fprintf(stderr, "promotion-console: no translation for '%s'; using English\n",
                     qPrintable(cl.language));
    QString workspace = cl.workspace.isEmpty() ? QString() : workspaceOf(cl.workspace);
    if (cl.mode == CommandLine::Mode::Demo) {
        workspace = DemoWorkspace::createTemporaryLocation();
        const QString error = DemoWorkspace::extractTo(workspace);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "promotion-console: cannot create the demo workspace: %s\n",
                         qPrintable(error));
            return ExitUsage;
        }
        std::fprintf(stderr, "promotion-console: demo workspace at %s\n", qPrintable(workspace));
    } else if (workspace.isEmpty()) {
        workspace = QSettings().value(QStringLiteral("workspaces/recent")).toStringList().value(0);
    }

    MainWindow window(nullptr, MainWindow::Build::FirstPaintFirst);
    // The icon the package installs into the theme, from the resource: after the first paint,
    // because reading the PNGs loads Qt's image plugins.
    QObject::connect(&window, &MainWindow::firstPainted, &app, [] {
        QIcon icon;
        for (int size : {16, 22, 24, 32, 48, 64, 128, 256})
            icon.addFile(QStringLiteral(":/icons/%1.png").arg(size), QSize(size, size));
        QApplication::setWindowIcon(icon);
    });
    FirstPaintProbe probe; // PROMOTION_STARTUP_PROBE: tests/bench/bench_startup
    if (qEnvironmentVariableIsSet("PROMOTION_STARTUP_PROBE"))
        window.installEventFilter(&probe);
    if (!workspace.isEmpty())
        window.openWorkspace(workspace, MainWindow::Load::AfterFirstPaint);
    window.show();
    return QApplication::exec();
}
