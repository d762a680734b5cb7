// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListView;
class QToolButton;

namespace Promotion {

class LogItemDelegate;
class LogModel;

/*!
 * \brief The live log pane: a tool's output as it streams, with colours, search, copy and save.
 *
 * Shows a LogModel in a QListView with uniform row heights (the model batches appends, so
 * a flood of output costs one relayout per ~30 ms). Follows the tail while the user is at
 * the bottom; scrolling up (wheel, keys, scroll bar, a search hit) pauses following, and
 * coming back to the bottom or the Follow button resumes it. While paused, lines dropped by
 * the scrollback do not move the lines being read.
 *
 * Keyboard: Ctrl+F search (Enter / Shift+Enter or F3 / Shift+F3 next / previous, Esc
 * closes), Ctrl+C copies the selected lines, Ctrl+S saves, End resumes following.
 *
 * Child object names for tests: logView (the list), logFollowButton, logCopyButton,
 * logSaveButton, logFindButton, logLineCountLabel, logStatusLabel, logSearchBar,
 * logSearchEdit, logFindPrevButton, logFindNextButton, logCaseSensitiveCheck,
 * logSearchStatus, logSearchCloseButton, and logSaveDialog while saving.
 */
class LogView final : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(bool following READ isFollowing WRITE setFollowing NOTIFY followingChanged)
public:
    explicit LogView(QWidget *parent = nullptr);
    ~LogView() override;

    /*! The model shown; the view's own one unless setModel() gave another. */
    LogModel *model() const;
    /*! Show \a model (not owned; nullptr returns to the view's own model). */
    void setModel(LogModel *model);
    QListView *listView() const { return m_list; }

    bool isFollowing() const { return m_following; }
    bool isSearchVisible() const;
    /*! Row of the current search match, -1 when there is none. */
    int currentMatchRow() const;
    /*! The selected lines, in order, joined with '\n'. */
    QString selectedText() const;
    /*! Write every stored line to \a path (atomically, via QSaveFile). */
    bool saveToFile(const QString &path, QString *errorMessage = nullptr);
    /*! File name proposed by the Save dialog. */
    void setSuggestedFileName(const QString &fileName) { m_suggestedFileName = fileName; }
    /*! The find bar's "Match case" label; a second log on the same page gives it another
     *  mnemonic so that none collides. */
    void setMatchCaseText(const QString &text);

public Q_SLOTS:
    /*! Shorthand for model()->appendData(). */
    void appendData(const QByteArray &chunk);
    void clear();
    void setFollowing(bool follow);
    void showSearch();
    void hideSearch();
    bool findNext();
    bool findPrevious();
    void copySelection();
    /*! Ask for a file name (window-modal, no nested event loop) and save to it. */
    void save();

Q_SIGNALS:
    void followingChanged(bool following);
    void saved(const QString &path);
    void saveFailed(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void connectModel();
    void onRowsInserted();
    void onRowsAboutToBeRemoved();
    void onRowsRemoved();
    void onScrollValueChanged(int value);
    void onSearchTextChanged();
    bool search(int startRow, bool forward);
    void setNoMatch(bool noMatch);
    void scrollToBottomNow();
    void updateCountLabel();
    Qt::CaseSensitivity caseSensitivity() const;
    int firstVisibleRow() const;
    void ensureCurrentVisible();

    LogModel *m_ownModel = nullptr;
    QPointer<LogModel> m_model;
    QList<QMetaObject::Connection> m_modelConnections;

    QListView *m_list = nullptr;
    LogItemDelegate *m_delegate = nullptr;
    QToolButton *m_followButton = nullptr;
    QToolButton *m_copyButton = nullptr;
    QToolButton *m_saveButton = nullptr;
    QToolButton *m_findButton = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QWidget *m_searchBar = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QToolButton *m_prevButton = nullptr;
    QToolButton *m_nextButton = nullptr;
    QCheckBox *m_caseCheck = nullptr;
    QLabel *m_searchStatus = nullptr;
    QToolButton *m_closeSearchButton = nullptr;

    bool m_following = true;
    bool m_adjustingScroll = false; //!< our own scrolling must not toggle following
    qint64 m_anchorLine = 0;        //!< stream line at the top while paused, kept across drops
    qint64 m_matchLine = 0;         //!< stream line of the current search match, 0: none
    QString m_suggestedFileName;
};

} // namespace Promotion
