// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"
#include "demo/demoworkspace.h"
#include "headlesscommands.h"
#include "mainwindow.h"
#include "process/processtree.h"

#include <cstdio>
#include <memory>
#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLocale>
#include <QSettings>
#include <QTextStream>
#include <QTranslator>

using namespace Promotion;

static void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("promotion-console"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("promotion-console.invalid"));
    QCoreApplication::setApplicationName(QStringLiteral("promotion-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROMOTION_CONSOLE_VERSION));
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
    case CommandLine::Mode::Verify: {
        QCoreApplication app(argc, argv);
        setIdentity();
        if (cl.mode == CommandLine::Mode::Promote)
            return runPromoteCommand(cl);
        if (cl.mode == CommandLine::Mode::History)
            return runHistoryCommand(cl);
        return runVerifyCommand(cl);
    }
    case CommandLine::Mode::Gui:
    case CommandLine::Mode::Demo:
        break;
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Promotion Console"));
    QApplication::setDesktopFileName(QStringLiteral("promotion-console"));

    // English first: it holds the plural forms; then the user's language, when there is one.
    for (const QLocale &locale : {QLocale(QLocale::English), QLocale()}) {
        auto *translator = new QTranslator(&app);
        if (translator->load(locale, QStringLiteral("promotion-console"), QStringLiteral("_"),
                             QStringLiteral(":/i18n")))
            QApplication::installTranslator(translator);
        else
            delete translator;
    }

    QString workspace = cl.workspace;
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

    MainWindow window;
    if (!workspace.isEmpty())
        window.openWorkspace(workspace);
    window.show();
    return QApplication::exec();
}
