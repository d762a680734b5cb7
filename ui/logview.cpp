// SPDX-License-Identifier: GPL-3.0-or-later
#include "logview.h"

#include "logitemdelegate.h"
#include "logmodel.h"
#include "teardown.h"

#include <algorithm>
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QSaveFile>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Promotion {

namespace {

QToolButton *makeButton(QWidget *parent, const QString &text, const QString &objectName,
                        const QString &toolTip)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setObjectName(objectName);
    button->setToolTip(toolTip);
    button->setAccessibleName(text);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::StrongFocus);
    return button;
}

} // namespace

LogView::LogView(QWidget *parent)
    : QWidget(parent)
    , m_ownModel(new LogModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *toolbar = new QHBoxLayout;
    toolbar->setContentsMargins(0, 0, 0, 0);
    m_followButton = makeButton(this, tr("Follow"), QStringLiteral("logFollowButton"),
                                tr("Keep the newest output in view (End)"));
    m_followButton->setCheckable(true);
    m_followButton->setChecked(true);
    m_copyButton = makeButton(this, tr("Copy"), QStringLiteral("logCopyButton"),
                              tr("Copy the selected lines (Ctrl+C)"));
    m_saveButton = makeButton(this, tr("Save…"), QStringLiteral("logSaveButton"),
                              tr("Save the whole log to a file (Ctrl+S)"));
    m_findButton = makeButton(this, tr("Find"), QStringLiteral("logFindButton"),
                              tr("Search the log (Ctrl+F)"));
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("logStatusLabel"));
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("logLineCountLabel"));
    m_countLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    toolbar->addWidget(m_followButton);
    toolbar->addWidget(m_copyButton);
    toolbar->addWidget(m_saveButton);
    toolbar->addWidget(m_findButton);
    toolbar->addStretch(1);
    toolbar->addWidget(m_statusLabel);
    toolbar->addSpacing(8);
    toolbar->addWidget(m_countLabel);
    layout->addLayout(toolbar);

    m_delegate = new LogItemDelegate(this);
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("logView"));
    m_list->setAccessibleName(tr("Tool output"));
    // Uniform sizes: the view asks for one size hint per layout instead of one per row.
    m_list->setUniformItemSizes(true);
    // SinglePass, not Batched: with uniform sizes a full relayout of 100k rows costs ~2 ms,
    // while Batched would spread it over 1000 event-loop turns of 100 rows each and make the
    // scroll bar crawl after every append.
    m_list->setLayoutMode(QListView::SinglePass);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_list->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setWordWrap(false);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_list->setFont(mono);
    m_delegate->setFont(mono);
    m_list->setItemDelegate(m_delegate);
    m_list->installEventFilter(this);
    layout->addWidget(m_list, 1);

    m_searchBar = new QWidget(this);
    m_searchBar->setObjectName(QStringLiteral("logSearchBar"));
    auto *searchLayout = new QHBoxLayout(m_searchBar);
    searchLayout->setContentsMargins(0, 0, 0, 0);
    m_searchEdit = new QLineEdit(m_searchBar);
    m_searchEdit->setObjectName(QStringLiteral("logSearchEdit"));
    m_searchEdit->setPlaceholderText(tr("Find in log"));
    m_searchEdit->setAccessibleName(tr("Find in log"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->installEventFilter(this);
    m_prevButton = makeButton(m_searchBar, tr("Previous"), QStringLiteral("logFindPrevButton"),
                              tr("Previous match (Shift+Enter, Shift+F3)"));
    m_nextButton = makeButton(m_searchBar, tr("Next"), QStringLiteral("logFindNextButton"),
                              tr("Next match (Enter, F3)"));
    m_caseCheck = new QCheckBox(tr("&Match case"), m_searchBar);
    m_caseCheck->setObjectName(QStringLiteral("logCaseSensitiveCheck"));
    m_searchStatus = new QLabel(m_searchBar);
    m_searchStatus->setObjectName(QStringLiteral("logSearchStatus"));
    m_closeSearchButton =
        makeButton(m_searchBar, tr("Close"), QStringLiteral("logSearchCloseButton"),
                   tr("Close the search bar (Esc)"));
    searchLayout->addWidget(m_searchEdit, 1);
    searchLayout->addWidget(m_prevButton);
    searchLayout->addWidget(m_nextButton);
    searchLayout->addWidget(m_caseCheck);
    searchLayout->addWidget(m_searchStatus);
    searchLayout->addWidget(m_closeSearchButton);
    m_searchBar->hide();
    layout->addWidget(m_searchBar);

    setFocusProxy(m_list);
    setTabOrder(m_followButton, m_copyButton);
    setTabOrder(m_copyButton, m_saveButton);
    setTabOrder(m_saveButton, m_findButton);
    setTabOrder(m_findButton, m_list);
    setTabOrder(m_list, m_searchEdit);
    setTabOrder(m_searchEdit, m_prevButton);
    setTabOrder(m_prevButton, m_nextButton);
    setTabOrder(m_nextButton, m_caseCheck);
    setTabOrder(m_caseCheck, m_closeSearchButton);

    // Shortcuts work anywhere inside the pane, not in the rest of the window.
    auto addAction = [this](QWidget *owner, const QString &text, const QKeySequence &keys,
                            Qt::ShortcutContext context, auto slot) {
        auto *action = new QAction(text, owner);
        action->setShortcut(keys);
        action->setShortcutContext(context);
        connect(action, &QAction::triggered, this, slot);
        owner->addAction(action);
        return action;
    };
    QAction *copy = addAction(m_list, tr("Copy"), QKeySequence::Copy, Qt::WidgetShortcut,
                              &LogView::copySelection);
    QAction *selectAll = addAction(m_list, tr("Select All"), QKeySequence::SelectAll,
                                   Qt::WidgetShortcut, [this] { m_list->selectAll(); });
    QAction *find = addAction(this, tr("Find…"), QKeySequence::Find, Qt::WidgetWithChildrenShortcut,
                              &LogView::showSearch);
    addAction(this, tr("Find Next"), QKeySequence::FindNext, Qt::WidgetWithChildrenShortcut,
              &LogView::findNext);
    addAction(this, tr("Find Previous"), QKeySequence::FindPrevious, Qt::WidgetWithChildrenShortcut,
              &LogView::findPrevious);
    QAction *saveAction = addAction(this, tr("Save…"), QKeySequence::Save,
                                    Qt::WidgetWithChildrenShortcut, &LogView::save);
    m_list->addAction(find);
    m_list->addAction(saveAction);
    Q_UNUSED(copy)
    Q_UNUSED(selectAll)

    connect(m_followButton, &QToolButton::clicked, this, &LogView::setFollowing);
    connect(m_copyButton, &QToolButton::clicked, this, &LogView::copySelection);
    connect(m_saveButton, &QToolButton::clicked, this, &LogView::save);
    connect(m_findButton, &QToolButton::clicked, this, &LogView::showSearch);
    connect(m_prevButton, &QToolButton::clicked, this, &LogView::findPrevious);
    connect(m_nextButton, &QToolButton::clicked, this, &LogView::findNext);
    connect(m_closeSearchButton, &QToolButton::clicked, this, &LogView::hideSearch);
    connect(m_searchEdit, &QLineEdit::textChanged, this, &LogView::onSearchTextChanged);
    connect(m_caseCheck, &QCheckBox::toggled, this, &LogView::onSearchTextChanged);

    QScrollBar *bar = m_list->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, &LogView::onScrollValueChanged);
    connect(bar, &QScrollBar::rangeChanged, this, [this](int, int max) {
        // New rows (or a smaller window) moved the bottom: stay on it while following.
        if (m_following && !m_adjustingScroll) {
            m_adjustingScroll = true;
            m_list->verticalScrollBar()->setValue(max);
            m_adjustingScroll = false;
        }
    });

    setModel(nullptr);
}

LogView::~LogView()
{
    // The children (own model included) go away after this: no more model callbacks, and no
    // scroll bar (rangeChanged, valueChanged) or search field signals into a half-destroyed view.
    for (const QMetaObject::Connection &c : std::as_const(m_modelConnections))
        disconnect(c);
    disconnectDescendants(this);
}

LogModel *LogView::model() const
{
    return m_model;
}

void LogView::setModel(LogModel *model)
{
    if (!model)
        model = m_ownModel;
    for (const QMetaObject::Connection &c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
    m_model = model;
    m_list->setModel(model);
    m_matchLine = 0;
    m_anchorLine = 0;
    m_delegate->setCurrentMatchLine(0);
    connectModel();
    updateCountLabel();
    if (m_following)
        scrollToBottomNow();
}

void LogView::connectModel()
{
    // Connected after QListView's own slots, so the view already knows the new rows.
    m_modelConnections << connect(m_model, &QAbstractItemModel::rowsInserted, this,
                                  &LogView::onRowsInserted)
                       << connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                                  &LogView::onRowsAboutToBeRemoved)
                       << connect(m_model, &QAbstractItemModel::rowsRemoved, this,
                                  &LogView::onRowsRemoved)
                       << connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
                              m_matchLine = 0;
                              m_anchorLine = 0;
                              m_delegate->setCurrentMatchLine(0);
                              updateCountLabel();
                          });
    if (m_model != m_ownModel) {
        // A borrowed model may go away first: fall back to our own one.
        m_modelConnections << connect(m_model, &QObject::destroyed, this,
                                      [this] { setModel(nullptr); });
    }
}

void LogView::appendData(const QByteArray &chunk)
{
    m_model->appendData(chunk);
}

void LogView::clear()
{
    m_model->clear();
    m_statusLabel->clear();
}

void LogView::setFollowing(bool follow)
{
    const bool changed = follow != m_following;
    m_following = follow;
    m_followButton->setChecked(follow);
    if (follow)
        scrollToBottomNow();
    if (changed)
        Q_EMIT followingChanged(follow);
}

void LogView::scrollToBottomNow()
{
    m_adjustingScroll = true;
    m_list->scrollToBottom();
    m_adjustingScroll = false;
}

void LogView::onScrollValueChanged(int value)
{
    if (m_adjustingScroll)
        return;
    // Whatever moved the view (wheel, keys, scroll bar, a search hit), being at the bottom
    // is what following means.
    const bool atBottom = value >= m_list->verticalScrollBar()->maximum();
    if (atBottom != m_following) {
        m_following = atBottom;
        m_followButton->setChecked(atBottom);
        Q_EMIT followingChanged(atBottom);
    }
}

void LogView::onRowsInserted()
{
    updateCountLabel();
}

void LogView::onRowsAboutToBeRemoved()
{
    // Only the scrollback drops rows, always from the top: remember which stream line the
    // reader is looking at so it stays put.
    m_anchorLine = 0;
    if (!m_following) {
        const int top = firstVisibleRow();
        if (top >= 0)
            m_anchorLine = m_model->firstLineNumber() + top;
    }
}

void LogView::onRowsRemoved()
{
    if (!m_following && m_anchorLine > 0) {
        const qint64 row = m_anchorLine - m_model->firstLineNumber();
        m_adjustingScroll = true;
        if (row >= 0 && row < m_model->rowCount())
            m_list->scrollTo(m_model->index(int(row)), QAbstractItemView::PositionAtTop);
        else
            m_list->scrollToTop();
        m_adjustingScroll = false;
    }
    m_anchorLine = 0;
    updateCountLabel();
}

void LogView::ensureCurrentVisible()
{
    // Keyboard navigation starts from what is on screen, not from a row the tail left far
    // behind (Qt puts the current index on row 0 when the view first gets focus).
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_list->currentIndex();
    if (current.isValid() && m_list->viewport()->rect().intersects(m_list->visualRect(current)))
        return;
    const int row = m_following ? rows - 1 : std::max(0, firstVisibleRow());
    m_list->selectionModel()->setCurrentIndex(m_model->index(row), QItemSelectionModel::NoUpdate);
}

int LogView::firstVisibleRow() const
{
    const QModelIndex top = m_list->indexAt(QPoint(2, 2));
    if (top.isValid())
        return top.row();
    return m_model->rowCount() > 0
               ? std::min(m_list->verticalScrollBar()->value(), m_model->rowCount() - 1)
               : -1;
}

void LogView::updateCountLabel()
{
    const QLocale locale;
    const int rows = m_model->rowCount();
    if (rows == 0 && m_model->firstLineNumber() == 1) {
        m_countLabel->setText(tr("No output yet"));
        return;
    }
    const qint64 total = m_model->totalLineCount();
    if (m_model->firstLineNumber() == 1) {
        m_countLabel->setText(total == 1 ? tr("1 line")
                                         : tr("%1 lines").arg(locale.toString(total)));
        return;
    }
    m_countLabel->setText(
        tr("%1 lines, showing %2–%3 (scrollback %4)")
            .arg(locale.toString(total), locale.toString(m_model->firstLineNumber()),
                 locale.toString(total), locale.toString(m_model->scrollbackLimit())));
}

bool LogView::isSearchVisible() const
{
    return !m_searchBar->isHidden();
}

void LogView::showSearch()
{
    m_searchBar->show();
    m_searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_searchEdit->selectAll();
    m_delegate->setHighlight(m_searchEdit->text(), caseSensitivity());
    m_list->viewport()->update();
}

void LogView::hideSearch()
{
    m_searchBar->hide();
    m_delegate->setHighlight({}, Qt::CaseInsensitive);
    m_delegate->setCurrentMatchLine(0);
    m_matchLine = 0;
    m_list->viewport()->update();
    m_list->setFocus(Qt::OtherFocusReason);
}

Qt::CaseSensitivity LogView::caseSensitivity() const
{
    return m_caseCheck->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
}

int LogView::currentMatchRow() const
{
    if (m_matchLine <= 0)
        return -1;
    const qint64 row = m_matchLine - m_model->firstLineNumber();
    return row >= 0 && row < m_model->rowCount() ? int(row) : -1;
}

void LogView::onSearchTextChanged()
{
    m_delegate->setHighlight(m_searchEdit->text(), caseSensitivity());
    if (m_searchEdit->text().isEmpty()) {
        m_matchLine = 0;
        m_delegate->setCurrentMatchLine(0);
        setNoMatch(false);
        m_searchStatus->clear();
        m_list->viewport()->update();
        return;
    }
    // Typing refines the current match in place rather than jumping past it.
    const int current = currentMatchRow();
    search(current >= 0 ? current : std::max(0, firstVisibleRow()), true);
}

bool LogView::findNext()
{
    if (!isSearchVisible() || m_searchEdit->text().isEmpty()) {
        showSearch();
        if (m_searchEdit->text().isEmpty())
            return false;
    }
    const int current = currentMatchRow();
    return search(current >= 0 ? current + 1 : std::max(0, firstVisibleRow()), true);
}

bool LogView::findPrevious()
{
    if (!isSearchVisible() || m_searchEdit->text().isEmpty()) {
        showSearch();
        if (m_searchEdit->text().isEmpty())
            return false;
    }
    const int current = currentMatchRow();
    return search(current >= 0 ? current - 1 : m_model->rowCount() - 1, false);
}

bool LogView::search(int startRow, bool forward)
{
    const QString needle = m_searchEdit->text();
    const int rows = m_model->rowCount();
    const Qt::CaseSensitivity cs = caseSensitivity();
    int row = m_model->find(needle, startRow, forward, cs);
    bool wrapped = false;
    if (row < 0 && rows > 0) {
        row = m_model->find(needle, forward ? 0 : rows - 1, forward, cs);
        wrapped = row >= 0;
    }
    if (row < 0) {
        m_matchLine = 0;
        m_delegate->setCurrentMatchLine(0);
        setNoMatch(true);
        m_searchStatus->setText(tr("No match"));
        m_list->viewport()->update();
        return false;
    }
    setNoMatch(false);
    m_matchLine = m_model->firstLineNumber() + row;
    m_delegate->setCurrentMatchLine(m_matchLine);
    const QModelIndex index = m_model->index(row);
    m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_list->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_searchStatus->setText(wrapped ? tr("Line %1 (wrapped)").arg(QLocale().toString(m_matchLine))
                                    : tr("Line %1").arg(QLocale().toString(m_matchLine)));
    m_list->viewport()->update();
    return true;
}

void LogView::setNoMatch(bool noMatch)
{
    if (m_searchEdit->property("noMatch").toBool() == noMatch)
        return;
    m_searchEdit->setProperty("noMatch", noMatch);
    if (noMatch) {
        QPalette pal = m_searchEdit->palette();
        const QColor base = pal.color(QPalette::Base);
        const QColor red(220, 50, 47);
        pal.setColor(QPalette::Base,
                     QColor((base.red() * 3 + red.red()) / 4, (base.green() * 3 + red.green()) / 4,
                            (base.blue() * 3 + red.blue()) / 4));
        m_searchEdit->setPalette(pal);
    } else {
        m_searchEdit->setPalette(QPalette());
    }
}

QString LogView::selectedText() const
{
    const QItemSelection selection = m_list->selectionModel()->selection();
    QList<std::pair<int, int>> ranges;
    ranges.reserve(selection.size());
    for (const QItemSelectionRange &range : selection)
        ranges.append({range.top(), range.bottom()});
    std::sort(ranges.begin(), ranges.end());
    QStringList parts;
    int nextRow = -1;
    for (const auto &[top, bottom] : std::as_const(ranges)) {
        const int first = std::max(top, nextRow);
        if (first > bottom)
            continue;
        parts.append(m_model->text(first, bottom - first + 1));
        nextRow = bottom + 1;
    }
    return parts.join(QLatin1Char('\n'));
}

void LogView::copySelection()
{
    const QString text = selectedText();
    if (text.isEmpty()) {
        m_statusLabel->setText(tr("Nothing selected"));
        return;
    }
    QGuiApplication::clipboard()->setText(text);
    const qsizetype lines = text.count(QLatin1Char('\n')) + 1;
    m_statusLabel->setText(lines == 1 ? tr("Copied 1 line")
                                      : tr("Copied %1 lines").arg(QLocale().toString(lines)));
}

void LogView::save()
{
    auto *dialog = new QFileDialog(this, tr("Save Log"));
    dialog->setObjectName(QStringLiteral("logSaveDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilters({tr("Log files (*.log *.txt)"), tr("All files (*)")});
    dialog->setDefaultSuffix(QStringLiteral("log"));
    dialog->selectFile(m_suggestedFileName.isEmpty() ? QStringLiteral("output.log")
                                                     : m_suggestedFileName);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString &path) { saveToFile(path); });
    dialog->open(); // window-modal without a nested event loop
}

bool LogView::saveToFile(const QString &path, QString *errorMessage)
{
    QSaveFile file(path);
    QString error;
    if (!file.open(QIODevice::WriteOnly)) {
        error = file.errorString();
    } else if (!m_model->writePlainText(&file)) {
        error = file.errorString();
        file.cancelWriting();
    } else if (!file.commit()) {
        error = file.errorString();
    }
    if (!error.isEmpty()) {
        const QString message = tr("Could not save the log to %1: %2").arg(path, error);
        m_statusLabel->setText(message);
        if (errorMessage)
            *errorMessage = message;
        Q_EMIT saveFailed(message);
        return false;
    }
    m_statusLabel->setText(tr("Saved to %1").arg(path));
    Q_EMIT saved(path);
    return true;
}

bool LogView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (watched == m_searchEdit) {
            if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
                if (key->modifiers() & Qt::ShiftModifier)
                    findPrevious();
                else
                    findNext();
                return true;
            }
            if (key->key() == Qt::Key_Escape) {
                hideSearch();
                return true;
            }
        } else if (watched == m_list) {
            if (key->matches(QKeySequence::Copy)) {
                // QAbstractItemView would copy only the current row.
                copySelection();
                return true;
            }
            switch (key->key()) {
            case Qt::Key_Up:
            case Qt::Key_Down:
            case Qt::Key_PageUp:
            case Qt::Key_PageDown:
            case Qt::Key_Home:
            case Qt::Key_End:
                ensureCurrentVisible();
                break;
            default:
                break;
            }
        }
    } else if (event->type() == QEvent::FocusIn && watched == m_list) {
        ensureCurrentVisible();
    }
    return QWidget::eventFilter(watched, event);
}


void LogView::setMatchCaseText(const QString &text)
{
    m_caseCheck->setText(text);
}
} // namespace Promotion
