// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's settings action, history dock, policy status and component delegates.
#include "componentlistmodel.h"
#include "coveragesparklinedelegate.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "settingsdialog.h"
#include "stagebadgedelegate.h"
#include "testconfig.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTabWidget>
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

QLabel *label(MainWindow &w, const char *name)
{
    return w.findChild<QLabel *>(QLatin1String(name));
}

/*! Keep a rendering for a person to look at when PROMOTION_TEST_IMAGES names a directory. */
void keepImage(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("PROMOTION_TEST_IMAGES");
    if (!dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace

class TestMainWindowExtras : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("promotion-console-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowextras"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        makeComponent(m_dir.path(), QStringLiteral("agent_orchestration"),
                      QStringLiteral("development"));
        makeComponent(m_dir.path(), QStringLiteral("billing"), QStringLiteral("staging"));
        const QDir fixtures(QStringLiteral(TEST_DATA_DIR "/ui/reports"));
        const QString reports = m_dir.path() + QStringLiteral("/.promotion/reports");
        QVERIFY(QDir().mkpath(reports));
        for (const QString &name : fixtures.entryList({QStringLiteral("*.json")}, QDir::Files))
            QVERIFY(QFile::copy(fixtures.filePath(name), reports + QLatin1Char('/') + name));
    }

    void cleanup() { QFile::remove(m_dir.filePath(QStringLiteral("promotion.yaml"))); }

    void statusHistoryAndDelegates()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.openWorkspace(m_dir.path()));

        QCOMPARE(label(w, "componentCountLabel")->text(), QStringLiteral("2 component(s)"));
        QCOMPARE(label(w, "policyLabel")->text(), QStringLiteral("Policy: built-in default"));
        QVERIFY(!label(w, "policyErrorBanner")->isVisible());

        auto *view = w.findChild<QTreeView *>(QStringLiteral("componentView"));
        QVERIFY(qobject_cast<StageBadgeDelegate *>(
            view->itemDelegateForColumn(ComponentListModel::StageColumn)));
        QVERIFY(qobject_cast<CoverageSparklineDelegate *>(
            view->itemDelegateForColumn(ComponentListModel::CoverageColumn)));

        // Coverage history from the reports (indexed on a worker thread), oldest first;
        // unreadable reports are left out.
        auto *panel = w.findChild<HistoryPanel *>(QStringLiteral("historyPanel"));
        QVERIFY(panel);
        QTRY_COMPARE(panel->view()->model()->rowCount(), 4);
        const QAbstractItemModel *model = view->model();
        QHash<QString, QList<double>> history;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            history.insert(
                index.data(ComponentListModel::NameRole).toString(),
                index.data(ComponentListModel::CoverageHistoryRole).value<QList<double>>());
        }
        QCOMPARE(history.value(QStringLiteral("agent_orchestration")), (QList<double>{74.2, 78.9}));
        QCOMPARE(history.value(QStringLiteral("billing")), (QList<double>{55.0}));
        QCOMPARE(model->index(0, ComponentListModel::CoverageColumn).data().toString(),
                 QStringLiteral("78.9 %"));
        // The sparklines arrived after the columns were sized: the column grew to fit them.
        QStyleOptionViewItem option;
        option.font = view->font();
        option.fontMetrics = view->fontMetrics();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex cell = model->index(row, ComponentListModel::CoverageColumn);
            QVERIFY2(view->columnWidth(ComponentListModel::CoverageColumn) >=
                         view->itemDelegateForIndex(cell)->sizeHint(option, cell).width(),
                     qPrintable(cell.data().toString()));
        }

        // The history is a tab of the main window; Ctrl+H switches to it and back.
        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
        QVERIFY(tabs);
        QCOMPARE(panel->reportsDir(), m_dir.path() + QStringLiteral("/.promotion/reports"));
        QAction *toggle = w.findChild<QAction *>(QStringLiteral("historyToggleAction"));
        QVERIFY(toggle);
        toggle->trigger();
        QCOMPARE(tabs->currentWidget(), panel);
        QVERIFY(panel->isVisible());
        toggle->trigger();
        QVERIFY(!panel->isVisible());
    }

    // Start-up (Build::FirstPaintFirst): the History tab is there from the first frame, its
    // panel and compare actions once the window has painted, in the same place.
    void historyPanelAfterFirstPaint()
    {
        MainWindow w(nullptr, MainWindow::Build::FirstPaintFirst);
        QSignalSpy painted(&w, &MainWindow::firstPainted);
        QVERIFY(w.openWorkspace(m_dir.path(), MainWindow::Load::AfterFirstPaint));
        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(tabs->tabText(1), QStringLiteral("&History"));
        QVERIFY(!w.findChild<HistoryPanel *>(QStringLiteral("historyPanel")));
        QVERIFY(!w.findChild<QAction *>(QStringLiteral("compareAction")));

        w.show();
        QVERIFY(painted.wait(5000));
        auto *panel = w.findChild<HistoryPanel *>(QStringLiteral("historyPanel"));
        QVERIFY(panel);
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(tabs->widget(1), panel);
        QCOMPARE(tabs->tabText(1), QStringLiteral("&History"));
        QCOMPARE(tabs->currentIndex(), 0); // the components stay in front
        QTRY_COMPARE(panel->view()->model()->rowCount(), 4);

        // The compare actions are in the View menu, between the history and the docks.
        QMenu *viewMenu = nullptr;
        for (QAction *a : w.menuBar()->actions()) {
            if (a->text() == QStringLiteral("&View"))
                viewMenu = a->menu();
        }
        QVERIFY(viewMenu);
        QStringList names;
        for (QAction *a : viewMenu->actions())
            names.append(a->isSeparator() ? QStringLiteral("|") : a->objectName());
        QCOMPARE(
            names.mid(0, 4),
            (QStringList{QStringLiteral("historyToggleAction"), QStringLiteral("compareAction"),
                         QStringLiteral("compareWithPreviousAction"), QStringLiteral("|")}));
    }

    // Choosing the History tab before the first paint builds the panel at once.
    void historyTabChosenBeforeFirstPaint()
    {
        MainWindow w(nullptr, MainWindow::Build::FirstPaintFirst);
        QVERIFY(w.openWorkspace(m_dir.path()));
        QAction *toggle = w.findChild<QAction *>(QStringLiteral("historyToggleAction"));
        QVERIFY(toggle);
        toggle->trigger();
        auto *panel = w.findChild<HistoryPanel *>(QStringLiteral("historyPanel"));
        QVERIFY(panel);
        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
        QCOMPARE(tabs->currentWidget(), panel);
        QVERIFY(toggle->isChecked());
        toggle->trigger();
        QCOMPARE(tabs->currentIndex(), 0);
        QVERIFY(!toggle->isChecked());

        // Clicking the tab itself does the same in a window whose panel is not built yet.
        MainWindow other(nullptr, MainWindow::Build::FirstPaintFirst);
        auto *otherTabs = other.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
        otherTabs->setCurrentIndex(1);
        auto *otherPanel = other.findChild<HistoryPanel *>(QStringLiteral("historyPanel"));
        QVERIFY(otherPanel);
        QCOMPARE(otherTabs->currentWidget(), otherPanel);
        QVERIFY(other.findChild<QAction *>(QStringLiteral("historyToggleAction"))->isChecked());
    }

    void settingsAction()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.openWorkspace(m_dir.path()));
        QAction *settings = w.findChild<QAction *>(QStringLiteral("settingsAction"));
        QVERIFY(settings);
        QCOMPARE(settings->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
        settings->trigger();
        auto *dialog = w.findChild<SettingsDialog *>(QStringLiteral("settingsDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QTest::qWait(100);
        keepImage(dialog, QStringLiteral("settings-dialog"));
        settings->trigger(); // raises the open one instead of stacking another
        QCOMPARE(w.findChildren<SettingsDialog *>().size(), 1);
        dialog->reject();
        QTRY_VERIFY(!w.findChild<SettingsDialog *>()); // WA_DeleteOnClose
    }

    void invalidPolicyShowsABanner()
    {
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("promotion.yaml")),
                          "version: 1\nunknown_setting: 3\n"));
        MainWindow w;
        w.show();
        QVERIFY(w.openWorkspace(m_dir.path()));
        QLabel *banner = label(w, "policyErrorBanner");
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QLatin1String("promotion.yaml:2")),
                 qPrintable(banner->text()));
        QVERIFY(banner->text().contains(QLatin1String("unknown_setting")));
        if (qEnvironmentVariableIsSet("PROMOTION_TEST_IMAGES")) {
            QTest::qWait(50); // laid out again after the banner appeared
            keepImage(&w, QStringLiteral("main-window-bad-policy"));
        }
        QVERIFY(label(w, "policyLabel")->text().contains(QLatin1String("invalid")));
        QAction *promote = w.findChild<QAction *>(QStringLiteral("promoteAction"));
        QVERIFY(promote);
        QVERIFY(!promote->isEnabled());

        // Fixed on disk: Reload clears the banner and allows promoting again.
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("promotion.yaml")), "version: 1\n"));
        QVERIFY(w.openWorkspace(m_dir.path()));
        QVERIFY(!banner->isVisible());
        QCOMPARE(label(w, "policyLabel")->text(), QStringLiteral("Policy: promotion.yaml"));
        QVERIFY(promote->isEnabled());
    }
};

QTEST_MAIN(TestMainWindowExtras)
#include "tst_mainwindowextras.moc"
