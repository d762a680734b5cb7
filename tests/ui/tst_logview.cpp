// SPDX-License-Identifier: GPL-3.0-or-later
#include "logmodel.h"
#include "logview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

using namespace Promotion;

namespace {

QByteArray numberedLines(int first, int count, const QByteArray &prefix = "line ")
{
    QByteArray data;
    for (int i = first; i < first + count; ++i)
        data += prefix + QByteArray::number(i) + '\n';
    return data;
}

} // namespace

class TestLogView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void objectNames();
    void showsLinesWithColours();
    void followsTail();
    void scrollingUpStopsFollowing();
    void wheelUpStopsFollowing();
    void followButtonResumes();
    void keyboardEndResumesFollowing();
    void pausedViewKeepsItsLinesWhenScrollbackDrops();
    void ctrlFFindsAndNavigates();
    void searchWithoutMatch();
    void searchCaseSensitive();
    void copySelectedLines();
    void saveToFile();
    void saveButtonOpensDialog();
    void saveFailureIsReported();
    void lineCountLabel();
    void externalModel();

private:
    template <typename T> T *child(const char *name) const
    {
        auto *widget = m_view->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no child %s", name);
        return widget;
    }
    void feed(const QByteArray &data)
    {
        m_view->appendData(data);
        m_view->model()->flush();
        QCoreApplication::processEvents();
    }
    QScrollBar *scrollBar() const { return m_view->listView()->verticalScrollBar(); }

    std::unique_ptr<LogView> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestLogView::init()
{
    m_view = std::make_unique<LogView>();
    m_view->resize(700, 400);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestLogView::cleanup()
{
    m_tester.reset();
    m_view.reset();
}

void TestLogView::objectNames()
{
    for (const char *name : {"logView", "logFollowButton", "logCopyButton", "logSaveButton",
                             "logFindButton", "logLineCountLabel", "logStatusLabel", "logSearchBar",
                             "logSearchEdit", "logFindPrevButton", "logFindNextButton",
                             "logCaseSensitiveCheck", "logSearchStatus", "logSearchCloseButton"}) {
        QVERIFY2(m_view->findChild<QWidget *>(QString::fromLatin1(name)), name);
    }
    auto *list = child<QListView>("logView");
    QVERIFY(list->uniformItemSizes());
    QCOMPARE(list, m_view->listView());
    // Every interactive child can be reached with the keyboard.
    for (const char *name : {"logFollowButton", "logCopyButton", "logSaveButton", "logFindButton",
                             "logView", "logSearchEdit"}) {
        QVERIFY2(m_view->findChild<QWidget *>(QString::fromLatin1(name))->focusPolicy() &
                     Qt::TabFocus,
                 name);
    }
}

void TestLogView::showsLinesWithColours()
{
    feed("\x1b[1;32mPASSED\x1b[0m tests/test_a.py::test_one\nplain\n");
    QCOMPARE(m_view->model()->rowCount(), 2);
    QCOMPARE(m_view->model()->index(0).data().toString(),
             QStringLiteral("PASSED tests/test_a.py::test_one"));
    // The delegate paints without complaint and the rows have the uniform height.
    const QRect first = m_view->listView()->visualRect(m_view->model()->index(0));
    const QRect second = m_view->listView()->visualRect(m_view->model()->index(1));
    QVERIFY(first.height() > 0);
    QCOMPARE(second.top(), first.bottom() + 1);
    QVERIFY(first.width() >= m_view->listView()->fontMetrics().horizontalAdvance(
                                 QStringLiteral("PASSED tests/test_a.py::test_one")));
    m_view->listView()->viewport()->repaint();
}

void TestLogView::followsTail()
{
    QVERIFY(m_view->isFollowing());
    m_view->appendData(numberedLines(1, 500));
    // No explicit flush: the model's own timers announce the rows.
    QTRY_COMPARE(m_view->model()->rowCount(), 500);
    QTRY_COMPARE(scrollBar()->value(), scrollBar()->maximum());
    QVERIFY(scrollBar()->maximum() > 0);
    m_view->appendData(numberedLines(501, 300));
    QTRY_COMPARE(m_view->model()->rowCount(), 800);
    QTRY_COMPARE(scrollBar()->value(), scrollBar()->maximum());
    // The newest line is fully on screen.
    const QModelIndex last = m_view->model()->index(799);
    QTRY_VERIFY(
        m_view->listView()->viewport()->rect().contains(m_view->listView()->visualRect(last)));
    QVERIFY(m_view->isFollowing());
    QVERIFY(child<QToolButton>("logFollowButton")->isChecked());
}

void TestLogView::scrollingUpStopsFollowing()
{
    feed(numberedLines(1, 500));
    QCOMPARE(scrollBar()->value(), scrollBar()->maximum());
    QSignalSpy following(m_view.get(), &LogView::followingChanged);
    // What a wheel or a drag does: the scroll bar moves by a user action.
    scrollBar()->triggerAction(QAbstractSlider::SliderPageStepSub);
    QVERIFY(!m_view->isFollowing());
    QCOMPARE(following.count(), 1);
    QCOMPARE(following.first().first().toBool(), false);
    QVERIFY(!child<QToolButton>("logFollowButton")->isChecked());

    const int position = scrollBar()->value();
    feed(numberedLines(501, 500));
    QCOMPARE(m_view->model()->rowCount(), 1000);
    QCOMPARE(scrollBar()->value(), position); // stays where the reader is
    QVERIFY(scrollBar()->maximum() > position);
    QVERIFY(!m_view->isFollowing());

    // Back to the bottom by hand: following resumes by itself.
    scrollBar()->triggerAction(QAbstractSlider::SliderToMaximum);
    QVERIFY(m_view->isFollowing());
    feed(numberedLines(1001, 100));
    QCOMPARE(scrollBar()->value(), scrollBar()->maximum());
}

void TestLogView::wheelUpStopsFollowing()
{
    feed(numberedLines(1, 500));
    QVERIFY(m_view->isFollowing());
    QWidget *viewport = m_view->listView()->viewport();
    const QPointF pos(viewport->width() / 2.0, viewport->height() / 2.0);
    QWheelEvent up(pos, viewport->mapToGlobal(pos), QPoint(), QPoint(0, 120), Qt::NoButton,
                   Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &up);
    QVERIFY(scrollBar()->value() < scrollBar()->maximum());
    QVERIFY(!m_view->isFollowing());
    const int position = scrollBar()->value();
    feed(numberedLines(501, 100));
    QCOMPARE(scrollBar()->value(), position);

    // Wheeling back down (one page at most per event) reaches the bottom and resumes.
    for (int i = 0; i < 100 && scrollBar()->value() < scrollBar()->maximum(); ++i) {
        QVERIFY(!m_view->isFollowing());
        QWheelEvent down(pos, viewport->mapToGlobal(pos), QPoint(), QPoint(0, -120 * 10),
                         Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(viewport, &down);
    }
    QCOMPARE(scrollBar()->value(), scrollBar()->maximum());
    QVERIFY(m_view->isFollowing());
}

void TestLogView::followButtonResumes()
{
    feed(numberedLines(1, 400));
    scrollBar()->triggerAction(QAbstractSlider::SliderToMinimum);
    QVERIFY(!m_view->isFollowing());
    feed(numberedLines(401, 100));
    QCOMPARE(scrollBar()->value(), 0);

    auto *follow = child<QToolButton>("logFollowButton");
    QTest::mouseClick(follow, Qt::LeftButton);
    QVERIFY(m_view->isFollowing());
    QVERIFY(follow->isChecked());
    QCOMPARE(scrollBar()->value(), scrollBar()->maximum());

    // Unchecking it pauses without moving.
    QTest::mouseClick(follow, Qt::LeftButton);
    QVERIFY(!m_view->isFollowing());
    const int position = scrollBar()->value();
    feed(numberedLines(501, 100));
    QCOMPARE(scrollBar()->value(), position);
}

void TestLogView::keyboardEndResumesFollowing()
{
    feed(numberedLines(1, 300));
    auto *list = m_view->listView();
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Home, Qt::ControlModifier);
    QVERIFY(!m_view->isFollowing());
    QCOMPARE(scrollBar()->value(), 0);
    QTest::keyClick(list, Qt::Key_PageDown);
    QVERIFY(!m_view->isFollowing());
    QTest::keyClick(list, Qt::Key_End, Qt::ControlModifier);
    QVERIFY(m_view->isFollowing());

    // While following, arrow keys start from the bottom, not from a row far above.
    feed(numberedLines(301, 100));
    QTest::keyClick(list, Qt::Key_Up);
    QCOMPARE(list->currentIndex().row(), 398);
    QVERIFY(list->viewport()->rect().intersects(list->visualRect(list->currentIndex())));
}

void TestLogView::pausedViewKeepsItsLinesWhenScrollbackDrops()
{
    m_view->model()->setScrollbackLimit(800); // 100-line blocks
    feed(numberedLines(1, 700));
    scrollBar()->setValue(300);
    QVERIFY(!m_view->isFollowing());
    const QString topBefore = m_view->listView()->indexAt(QPoint(5, 5)).data().toString();
    QCOMPARE(topBefore, QStringLiteral("line 301"));

    feed(numberedLines(701, 250)); // drops lines 1-100 (and maybe 101-200)
    QVERIFY(m_view->model()->firstLineNumber() > 1);
    QVERIFY(!m_view->isFollowing());
    QCOMPARE(m_view->listView()->indexAt(QPoint(5, 5)).data().toString(), topBefore);
}

void TestLogView::ctrlFFindsAndNavigates()
{
    feed(numberedLines(1, 300) + "an ERROR here\n" + numberedLines(301, 300) +
         "\x1b[31merror\x1b[0m again\n" + numberedLines(601, 100));
    auto *search = child<QLineEdit>("logSearchEdit");
    QVERIFY(!search->isVisible());
    m_view->listView()->scrollToTop();
    m_view->listView()->setFocus();
    QTest::keyClick(m_view->listView(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(search->isVisible());
    QVERIFY(search->hasFocus());

    QTest::keyClicks(search, QStringLiteral("error"));
    // Incremental search starts at the first visible line: the top, after scrolling there.
    const int first = m_view->currentMatchRow();
    QCOMPARE(first, 300);
    QCOMPARE(m_view->model()->index(first).data().toString(), QStringLiteral("an ERROR here"));
    QVERIFY(!m_view->isFollowing()); // jumping to a match leaves the tail
    QCOMPARE(m_view->listView()->currentIndex().row(), first);
    QVERIFY(m_view->listView()
                ->visualRect(m_view->model()->index(first))
                .intersects(m_view->listView()->viewport()->rect()));
    QVERIFY(child<QLabel>("logSearchStatus")->text().contains(QLatin1String("301")));

    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(m_view->currentMatchRow(), 601);
    QTest::keyClick(search, Qt::Key_Return); // wraps around
    QCOMPARE(m_view->currentMatchRow(), 300);
    QVERIFY(child<QLabel>("logSearchStatus")->text().contains(QLatin1String("wrapped")));
    QTest::keyClick(search, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(m_view->currentMatchRow(), 601);
    QTest::keyClick(search, Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(m_view->currentMatchRow(), 300);
    QTest::mouseClick(child<QToolButton>("logFindNextButton"), Qt::LeftButton);
    QCOMPARE(m_view->currentMatchRow(), 601);

    QTest::keyClick(search, Qt::Key_Escape);
    QVERIFY(!search->isVisible());
    QVERIFY(m_view->listView()->hasFocus());
}

void TestLogView::searchWithoutMatch()
{
    feed(numberedLines(1, 50));
    m_view->showSearch();
    auto *search = child<QLineEdit>("logSearchEdit");
    QTest::keyClicks(search, QStringLiteral("line 7"));
    QCOMPARE(m_view->currentMatchRow(), 6);
    QTest::keyClicks(search, QStringLiteral("x"));
    QCOMPARE(m_view->currentMatchRow(), -1);
    QCOMPARE(child<QLabel>("logSearchStatus")->text(), QStringLiteral("No match"));
    QVERIFY(search->property("noMatch").toBool());
    QVERIFY(!m_view->findNext());
    QTest::keyClick(search, Qt::Key_Backspace);
    QCOMPARE(m_view->currentMatchRow(), 6);
    QVERIFY(!search->property("noMatch").toBool());
}

void TestLogView::searchCaseSensitive()
{
    feed("Warning one\nwarning two\n");
    m_view->showSearch();
    auto *search = child<QLineEdit>("logSearchEdit");
    auto *matchCase = child<QCheckBox>("logCaseSensitiveCheck");
    matchCase->setChecked(true);
    m_view->listView()->scrollToTop();
    QTest::keyClicks(search, QStringLiteral("warning"));
    QCOMPARE(m_view->currentMatchRow(), 1);
    QVERIFY(m_view->findNext());
    QCOMPARE(m_view->currentMatchRow(), 1); // the only match, found again after wrapping
    matchCase->setChecked(false);
    QVERIFY(m_view->findNext());
    QCOMPARE(m_view->currentMatchRow(), 0);
}

void TestLogView::copySelectedLines()
{
    feed("\x1b[33mfirst\x1b[0m\nsecond\nthird\nfourth\n");
    QGuiApplication::clipboard()->clear();
    auto *list = m_view->listView();
    auto *model = m_view->model();
    list->selectionModel()->select(QItemSelection(model->index(1), model->index(2)),
                                   QItemSelectionModel::ClearAndSelect);
    list->selectionModel()->select(model->index(0), QItemSelectionModel::Select);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("first\nsecond\nthird"));
    QCOMPARE(m_view->selectedText(), QStringLiteral("first\nsecond\nthird"));

    list->selectionModel()->select(model->index(3), QItemSelectionModel::ClearAndSelect);
    QTest::mouseClick(child<QToolButton>("logCopyButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("fourth"));

    // Ctrl+A then Ctrl+C copies everything.
    list->setFocus();
    QTest::keyClick(list, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(list, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("first\nsecond\nthird\nfourth"));
}

void TestLogView::saveToFile()
{
    feed("\x1b[32mok\x1b[0m\nsecond line\npartial");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("out.log"));
    QSignalSpy saved(m_view.get(), &LogView::saved);
    QString error;
    QVERIFY2(m_view->saveToFile(path, &error), qPrintable(error));
    QCOMPARE(saved.count(), 1);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("ok\nsecond line\npartial\n"));
}

void TestLogView::saveButtonOpensDialog()
{
    feed("to be saved\n");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("from-dialog.log"));
    QSignalSpy saved(m_view.get(), &LogView::saved);
    QTest::mouseClick(child<QToolButton>("logSaveButton"), Qt::LeftButton);
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_view->findChild<QFileDialog *>(QStringLiteral("logSaveDialog"))));
    QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
    dialog->selectFile(path);
    static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() is protected
    QTRY_COMPARE(saved.count(), 1);
    QCOMPARE(saved.first().first().toString(), path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("to be saved\n"));
}

void TestLogView::saveFailureIsReported()
{
    feed("x\n");
    QSignalSpy failed(m_view.get(), &LogView::saveFailed);
    QString error;
    QVERIFY(!m_view->saveToFile(QStringLiteral("/nonexistent-dir/sub/out.log"), &error));
    QVERIFY(error.contains(QLatin1String("/nonexistent-dir/sub/out.log")));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(child<QLabel>("logStatusLabel")->text(), error);
}

void TestLogView::lineCountLabel()
{
    auto *label = child<QLabel>("logLineCountLabel");
    QCOMPARE(label->text(), QStringLiteral("No output yet"));
    m_view->model()->setScrollbackLimit(80);
    feed(numberedLines(1, 3));
    QVERIFY2(label->text().contains(QLatin1Char('3')), qPrintable(label->text()));
    feed(numberedLines(4, 200));
    QVERIFY2(label->text().contains(QLatin1String("203")), qPrintable(label->text()));
    QVERIFY2(label->text().contains(QLatin1String("scrollback")), qPrintable(label->text()));
    m_view->clear();
    QCOMPARE(label->text(), QStringLiteral("No output yet"));
}

void TestLogView::externalModel()
{
    m_tester.reset();
    auto *own = m_view->model();
    auto external = std::make_unique<LogModel>();
    external->appendData("from the runner\n");
    external->flush();
    m_view->setModel(external.get());
    QCOMPARE(m_view->model(), external.get());
    QCOMPARE(m_view->listView()->model(), external.get());
    QCOMPARE(m_view->listView()->model()->index(0, 0).data().toString(),
             QStringLiteral("from the runner"));
    external.reset(); // the runner goes away before the pane
    QCOMPARE(m_view->model(), own);
    feed("still works\n");
    QCOMPARE(m_view->model()->lineText(0), QStringLiteral("still works"));
}

QTEST_MAIN(TestLogView)
#include "tst_logview.moc"
