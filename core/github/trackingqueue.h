// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "github/githubtypes.h"

#include <optional>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace Promotion {

class GitHubClient;

/*! Set the checkbox of the first "- [ ] TITLE…" line of \a body; false when there is none. */
bool setCheckboxLine(QString *body, const QString &title, bool checked);

/*!
 * \brief One thing to do on GitHub, serialisable so the run's journal can hold it.
 *
 * Actions after CreateIssue act on the queue's issue (TrackingQueue::issue()).
 */
struct TrackingAction
{
    enum class Type {
        CreateIssue,
        EditBody,
        AddLabels,
        RemoveLabel,
        EnsureLabel,
        Comment,
        MoveToColumn,
        SetCheckbox,      //!< tick or untick one "- [ ] TITLE" line of the current body
        CreateLinkedIssue //!< a second issue (rollback), then a comment linking it
    };
    enum class State { Pending, Done, Failed };

    Type type = Type::CreateIssue;
    State state = State::Pending;
    QString title;       //!< CreateIssue
    QString body;        //!< CreateIssue, EditBody, Comment
    QStringList labels;  //!< CreateIssue, AddLabels
    QString marker;      //!< CreateIssue, Comment: text the body carries, to find it again
    QString label;       //!< RemoveLabel, EnsureLabel
    QString color;       //!< EnsureLabel ("ededed")
    QString project;     //!< MoveToColumn: board title
    QString owner;       //!< MoveToColumn: org or user login
    QString field;       //!< MoveToColumn: single-select field ("Status")
    QString option;      //!< MoveToColumn: option (the target stage); SetCheckbox: "x" or " "
    QString note;        //!< CreateLinkedIssue: the comment on the queue's issue, before the link
    GitHubError error;   //!< the last failure
    QJsonObject result;  //!< what GitHub answered, in short (issue number, url, item id)

    static TrackingAction createIssue(const QString &title, const QString &body,
                                      const QStringList &labels, const QString &marker);
    static TrackingAction editBody(const QString &body);
    static TrackingAction addLabels(const QStringList &labels);
    static TrackingAction removeLabel(const QString &label);
    static TrackingAction ensureLabel(const QString &label, const QString &color);
    /*! A comment that carries a marker of its own (an HTML comment, not shown), so a comment
     *  posted just before a kill is found on resume instead of being posted twice. */
    static TrackingAction comment(const QString &body);
    /*! Tick (\a checked) or untick the checkbox line starting with \a lineTitle, in the body
     *  as it is on GitHub at the time it is sent (edits by others are kept). */
    static TrackingAction setCheckbox(const QString &lineTitle, bool checked);
    /*! Create (or find by \a marker) another issue, then comment \a note and its URL on the
     *  queue's issue. The queue's issue stays the same. */
    static TrackingAction createLinkedIssue(const QString &title, const QString &body,
                                            const QStringList &labels, const QString &marker,
                                            const QString &note);
    static TrackingAction moveToColumn(const QString &project, const QString &owner,
                                       const QString &field, const QString &option);

    static QString typeName(Type type);
    QJsonObject toJson() const;
    /*! nullopt (with \a error) for an object that is not an action. */
    static std::optional<TrackingAction> fromJson(const QJsonObject &o, QString *error = nullptr);
};

/*!
 * \brief An ordered, offline-first queue of TrackingActions.
 *
 * flush() sends pending actions in order. A retryable failure (network down, 5xx
 * after the client's retries, a rate limit beyond its bound) leaves that action
 * and the rest pending; any other failure marks it Failed with the error and
 * stops, keeping the rest queued. A board move is the exception: nothing after
 * it depends on it, so its failure is kept (Failed, retried by the next flush)
 * and the flush goes on; flushFinished() then says Failed with its error. flush() again resumes at the first action not
 * Done. The queue's JSON (toJson()) is what the journal keeps after each
 * actionFinished(); fromJson() brings it back.
 *
 * CreateIssue is idempotent: it first looks for an issue whose body contains
 * the marker and reuses it, so a crash between "issue created" and "journal
 * written" never makes a second issue.
 */
class TrackingQueue final : public QObject
{
    Q_OBJECT
public:
    enum class Outcome { AllDone, Pending, Failed };
    Q_ENUM(Outcome)

    explicit TrackingQueue(GitHubClient *client, QObject *parent = nullptr);

    void enqueue(const TrackingAction &action);
    const QList<TrackingAction> &actions() const { return m_actions; }
    int pendingCount() const;
    bool isFlushing() const { return m_flushing; }

    /*! The issue the actions act on (set by CreateIssue or setIssue() when resuming). */
    const GitHubIssue &issue() const { return m_issue; }
    void setIssue(const GitHubIssue &issue) { m_issue = issue; }

    /*! Starts sending; false when already flushing. flushFinished() follows. */
    bool flush();

    QJsonObject toJson() const;
    bool fromJson(const QJsonObject &o, QString *error = nullptr);

    static QString outcomeName(Outcome outcome);

Q_SIGNALS:
    void actionStarted(int index);
    /*! Action \a index is Done, Failed or still Pending (retryable): persist toJson() now. */
    void actionFinished(int index);
    void progress(int done, int total);
    void flushFinished(Promotion::TrackingQueue::Outcome outcome, const Promotion::GitHubError &error);

private:
    void next();
    void run(int index);
    void complete(int index, const GitHubError &error, const QJsonObject &result = {});

    QPointer<GitHubClient> m_client;
    QList<TrackingAction> m_actions;
    GitHubIssue m_issue;
    bool m_flushing = false;
    QList<int> m_failedThisFlush; //!< board moves that failed in this flush, skipped until the next
    GitHubError m_lastFailure;
};

} // namespace Promotion
