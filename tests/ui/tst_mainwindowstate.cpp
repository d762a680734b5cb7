// SPDX-License-Identifier: GPL-3.0-or-later
// The main window remembers its geometry, docks, splitter and recent workspaces; a recent
// workspace that is gone is pruned with a message; a blocked component is not "ready".
#include "componentlistmodel.h"
#include "mainwindow.h"
#include "statuspalette.h"
#include "testconfig.h"

#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Promotion;

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

void makeComponent(const QString &root, const QString &name, const QString &stage)
{
    writeFile(
        root + QStringLiteral("/src/") + name + QStringLiteral("/__init__.py"),
        QStringLiteral("__version__ = \"1.0.0\"\n__maturity__ = \"%1\"\n").arg(stage).toUtf8());
    writeFile(root + QStringLiteral("/tests/") + name + QStringLiteral("/test_x.py"),
              "def test_x():\n    pass\n");
    writeFile(root + QStringLiteral("/specs/") + name + QStringLiteral(".md"), "# Spec\n");
}

QStringList recent()
{
    return QSettings().value(QStringLiteral("workspaces/recent")).toStringList();
}

} // namespace

class TestMainWindowState : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settings;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("promotion-console-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowstate"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QVERIFY(m_dir.isValid());
        makeComponent(m_dir.path(), QStringLiteral("billing"), QStringLiteral("development"));
        makeComponent(m_dir.path(), QStringLiteral("search"), QStringLiteral("development"));
    }

    void init() { QSettings().clear(); }

    void geometryDocksAndSplitterAreRestored()
    {
        QByteArray splitterState;
        QRect geometry;
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.setGeometry(QRect(40, 50, 900, 640));
            auto *dock = window.findChild<QDockWidget *>(QStringLiteral("followUpDock"));
            QVERIFY(dock);
            dock->hide();
            auto *splitter = window.findChild<QSplitter *>(QStringLiteral("historySplitter"));
            QVERIFY(splitter);
            splitter->setSizes({100, 500});
            splitterState = splitter->saveState();
            geometry = window.geometry();
            window.close();
        }
        QVERIFY(QSettings().contains(QStringLiteral("window/geometry")));
        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), geometry.size());
        QVERIFY(!again.findChild<QDockWidget *>(QStringLiteral("followUpDock"))->isVisible());
        QCOMPARE(again.findChild<QSplitter *>(QStringLiteral("historySplitter"))->saveState(),
                 splitterState);
    }

    void missingRecentWorkspaceIsPrunedWithAMessage()
    {
        const QString gone = m_dir.path() + QStringLiteral("/moved-away");
        QSettings().setValue(QStringLiteral("workspaces/recent"),
                             QStringList{gone, m_dir.path()});
        MainWindow window;
        QVERIFY(!window.openWorkspace(gone));
        QCOMPARE(recent(), QStringList{m_dir.path()});
        const QString message = window.statusBar()->currentMessage();
        QVERIFY2(message.contains(gone) && message.contains(QStringLiteral("removed")),
                 qPrintable(message));
        // The Open Recent menu no longer offers it.
        QMenu *recentMenu = nullptr;
        for (QMenu *menu : window.menuBar()->findChildren<QMenu *>()) {
            if (menu->title().contains(QStringLiteral("Recent")))
                recentMenu = menu;
        }
        QVERIFY(recentMenu);
        QCOMPARE(recentMenu->actions().size(), 1);
        QCOMPARE(recentMenu->actions().first()->text(), m_dir.path());
        // An existing workspace goes to the top of the list.
        QVERIFY(window.openWorkspace(m_dir.path()));
        QCOMPARE(recent().value(0), QDir(m_dir.path()).absolutePath());
    }

    void blockedComponentIsNotReady()
    {
        // billing's last promotion to staging was blocked and it is still in development.
        const QString reports = m_dir.path() + QStringLiteral("/.promotion/reports");
        QVERIFY(QDir().mkpath(reports));
        QVERIFY(QFile::copy(QStringLiteral(TEST_DATA_DIR "/ui/reports/2024-05-02-billing-staging.json"),
                            reports + QStringLiteral("/2024-05-02-billing-staging.json")));
        MainWindow window;
        QVERIFY(window.openWorkspace(m_dir.path()));
        window.show(); // the reports are indexed once the window is on screen, off the GUI thread
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *view = window.findChild<QTreeView *>(QStringLiteral("componentView"));
        auto *model = qobject_cast<ComponentListModel *>(view->model());
        QVERIFY(model);
        const QModelIndex billing = model->index(model->rowOf(QStringLiteral("billing")),
                                                 ComponentListModel::StatusColumn);
        const QModelIndex search = model->index(model->rowOf(QStringLiteral("search")),
                                                ComponentListModel::StatusColumn);
        QTRY_VERIFY2(billing.data().toString().contains(QStringLiteral("blocked")),
                     qPrintable(billing.data().toString()));
        QVERIFY(billing.data().toString() != QStringLiteral("ready"));
        QCOMPARE(search.data().toString(), QStringLiteral("ready"));
        const QImage bad = StatusPalette::icon(StatusPalette::Tone::Bad).pixmap(16).toImage();
        const QImage good = StatusPalette::icon(StatusPalette::Tone::Good).pixmap(16).toImage();
        QCOMPARE(billing.data(Qt::DecorationRole).value<QIcon>().pixmap(16).toImage(), bad);
        QCOMPARE(search.data(Qt::DecorationRole).value<QIcon>().pixmap(16).toImage(), good);
        QVERIFY(QFile::remove(reports + QStringLiteral("/2024-05-02-billing-staging.json")));
    }
};

QTEST_MAIN(TestMainWindowState)
#include "tst_mainwindowstate.moc"
