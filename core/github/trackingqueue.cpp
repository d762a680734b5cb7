// SPDX-License-Identifier: GPL-3.0-or-later
#include "trackingqueue.h"

#include "github/githubclient.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimer>
#include <QUuid>

namespace Promotion {

namespace {

const TrackingAction::Type allTypes[] = {
    TrackingAction::Type::CreateIssue, TrackingAction::Type::EditBody,
    TrackingAction::Type::AddLabels,   TrackingAction::Type::RemoveLabel,
    TrackingAction::Type::EnsureLabel, TrackingAction::Type::Comment,
    TrackingAction::Type::MoveToColumn, TrackingAction::Type::SetCheckbox,
    TrackingAction::Type::CreateLinkedIssue};

QString stateName(TrackingAction::State s)
{
    switch (s) {
    case TrackingAction::State::Pending:
        return QStringLiteral("pending");
    case TrackingAction::State::Done:
        return QStringLiteral("done");
    case TrackingAction::State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

GitHubError::Kind errorKind(const QString &name)
{
    for (int k = int(GitHubError::Kind::None); k <= int(GitHubError::Kind::Protocol); ++k) {
        if (GitHubError::kindName(GitHubError::Kind(k)) == name)
            return GitHubError::Kind(k);
    }
    return GitHubError::Kind::Protocol;
}

} // namespace

bool setCheckboxLine(QString *body, const QString &title, bool checked)
{
    static const QRegularExpression item(QStringLiteral("^(\\s*[-*+]\\s+\\[)([ xX])(\\]\\s+)(.*)$"));
    QStringList lines = body->split(u'\n');
    for (QString &line : lines) {
        const QRegularExpressionMatch m = item.match(line);
        if (!m.hasMatch())
            continue;
        const QString text = m.captured(4).trimmed();
        if (!text.startsWith(title, Qt::CaseInsensitive))
            continue;
        const QStringView rest = QStringView(text).mid(title.size());
        if (!rest.isEmpty() && !rest.startsWith(u':') && !rest.startsWith(u' '))
            continue;
        line = m.captured(1) + (checked ? QStringLiteral("x") : QStringLiteral(" ")) + m.captured(3) +
               m.captured(4);
        *body = lines.join(u'\n');
        return true;
    }
    return false;
}

TrackingAction TrackingAction::createIssue(const QString &title, const QString &body,
                                           const QStringList &labels, const QString &marker)
{
    TrackingAction a;
    a.type = Type::CreateIssue;
    a.title = title;
    a.body = body;
    a.labels = labels;
    a.marker = marker;
    return a;
}

TrackingAction TrackingAction::editBody(const QString &body)
{
    TrackingAction a;
    a.type = Type::EditBody;
    a.body = body;
    return a;
}

TrackingAction TrackingAction::addLabels(const QStringList &labels)
{
    TrackingAction a;
    a.type = Type::AddLabels;
    a.labels = labels;
    return a;
}

TrackingAction TrackingAction::removeLabel(const QString &label)
{
    TrackingAction a;
    a.type = Type::RemoveLabel;
    a.label = label;
    return a;
}

TrackingAction TrackingAction::ensureLabel(const QString &label, const QString &color)
{
    TrackingAction a;
    a.type = Type::EnsureLabel;
    a.label = label;
    a.color = color;
    return a;
}

TrackingAction TrackingAction::comment(const QString &body)
{
    TrackingAction a;
    a.type = Type::Comment;
    a.body = body;
    a.marker = QStringLiteral("<!-- promotion-console comment %1 -->")
                   .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    return a;
}

TrackingAction TrackingAction::moveToColumn(const QString &project, const QString &owner,
                                            const QString &field, const QString &option)
{
    TrackingAction a;
    a.type = Type::MoveToColumn;
    a.project = project;
    a.owner = owner;
    a.field = field;
    a.option = option;
    return a;
}

TrackingAction TrackingAction::setCheckbox(const QString &lineTitle, bool checked)
{
    TrackingAction a;
    a.type = Type::SetCheckbox;
    a.label = lineTitle;
    a.option = checked ? QStringLiteral("x") : QStringLiteral(" ");
    return a;
}

TrackingAction TrackingAction::createLinkedIssue(const QString &title, const QString &body,
                                                 const QStringList &labels, const QString &marker,
                                                 const QString &note)
{
    TrackingAction a = createIssue(title, body, labels, marker);
    a.type = Type::CreateLinkedIssue;
    a.note = note;
    return a;
}

QString TrackingAction::typeName(Type type)
{
    switch (type) {
    case Type::CreateIssue:
        return QStringLiteral("create_issue");
    case Type::EditBody:
        return QStringLiteral("edit_body");
    case Type::AddLabels:
        return QStringLiteral("add_labels");
    case Type::RemoveLabel:
        return QStringLiteral("remove_label");
    case Type::EnsureLabel:
        return QStringLiteral("ensure_label");
    case Type::Comment:
        return QStringLiteral("comment");
    case Type::MoveToColumn:
        return QStringLiteral("move_to_column");
    case Type::SetCheckbox:
        return QStringLiteral("set_checkbox");
    case Type::CreateLinkedIssue:
        return QStringLiteral("create_linked_issue");
    }
    return {};
}

QJsonObject TrackingAction::toJson() const
{
    QJsonObject o{{QStringLiteral("type"), typeName(type)}, {QStringLiteral("state"), stateName(state)}};
    auto put = [&o](const char *key, const QString &value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    put("title", title);
    put("body", body);
    put("marker", marker);
    put("label", label);
    put("color", color);
    put("project", project);
    put("owner", owner);
    put("field", field);
    put("option", option);
    put("note", note);
    if (!labels.isEmpty())
        o.insert(QStringLiteral("labels"), QJsonArray::fromStringList(labels));
    if (error.isError())
        o.insert(QStringLiteral("error"), error.toJson());
    if (!result.isEmpty())
        o.insert(QStringLiteral("result"), result);
    return o;
}

std::optional<TrackingAction> TrackingAction::fromJson(const QJsonObject &o, QString *error)
{
    TrackingAction a;
    const QString type = o.value(QStringLiteral("type")).toString();
    bool known = false;
    for (Type t : allTypes) {
        if (typeName(t) == type) {
            a.type = t;
            known = true;
        }
    }
    if (!known) {
        if (error)
            *error = QStringLiteral("unknown tracking action type '%1'").arg(type);
        return std::nullopt;
    }
    const QString state = o.value(QStringLiteral("state")).toString(QStringLiteral("pending"));
    if (state == u"done")
        a.state = State::Done;
    else if (state == u"failed")
        a.state = State::Failed;
    else if (state == u"pending")
        a.state = State::Pending;
    else {
        if (error)
            *error = QStringLiteral("unknown tracking action state '%1'").arg(state);
        return std::nullopt;
    }
    auto get = [&o](const char *key) { return o.value(QLatin1String(key)).toString(); };
    a.title = get("title");
    a.body = get("body");
    a.marker = get("marker");
    a.label = get("label");
    a.color = get("color");
    a.project = get("project");
    a.owner = get("owner");
    a.field = get("field");
    a.option = get("option");
    a.note = get("note");
    const QJsonArray labels = o.value(QStringLiteral("labels")).toArray();
    for (const QJsonValue &v : labels)
        a.labels << v.toString();
    const QJsonObject e = o.value(QStringLiteral("error")).toObject();
    if (!e.isEmpty()) {
        a.error.kind = errorKind(e.value(QStringLiteral("kind")).toString());
        a.error.message = e.value(QStringLiteral("message")).toString();
        a.error.httpStatus = e.value(QStringLiteral("http_status")).toInt();
    }
    a.result = o.value(QStringLiteral("result")).toObject();
    return a;
}

// ------------------------------------------------------------------ queue

TrackingQueue::TrackingQueue(GitHubClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

void TrackingQueue::enqueue(const TrackingAction &action)
{
    m_actions.append(action);
}

int TrackingQueue::pendingCount() const
{
    return int(std::count_if(m_actions.cbegin(), m_actions.cend(), [](const TrackingAction &a) {
        return a.state != TrackingAction::State::Done;
    }));
}

QString TrackingQueue::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::AllDone:
        return QStringLiteral("all_done");
    case Outcome::Pending:
        return QStringLiteral("pending");
    case Outcome::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

bool TrackingQueue::flush()
{
    if (m_flushing)
        return false;
    m_flushing = true;
    m_failedThisFlush.clear();
    m_lastFailure = {};
    // Always asynchronous, so callers connect first and never re-enter.
    QTimer::singleShot(0, this, &TrackingQueue::next);
    return true;
}

void TrackingQueue::next()
{
    const int total = int(m_actions.size());
    const int done = total - pendingCount();
    Q_EMIT progress(done, total);
    for (int i = 0; i < total; ++i) {
        if (m_actions[i].state != TrackingAction::State::Done && !m_failedThisFlush.contains(i)) {
            run(i);
            return;
        }
    }
    m_flushing = false;
    if (!m_failedThisFlush.isEmpty())
        Q_EMIT flushFinished(Outcome::Failed, m_lastFailure);
    else
        Q_EMIT flushFinished(Outcome::AllDone, {});
}

void TrackingQueue::run(int index)
{
    if (!m_client) {
        complete(index, {GitHubError::Kind::Protocol, 0, QStringLiteral("no GitHub client")});
        return;
    }
    TrackingAction &a = m_actions[index];
    Q_EMIT actionStarted(index);
    if (a.type != TrackingAction::Type::CreateIssue && a.type != TrackingAction::Type::EnsureLabel &&
        m_issue.number <= 0) {
        if (m_actions.first().type == TrackingAction::Type::CreateIssue ||
            m_actions.first().type == TrackingAction::Type::EnsureLabel) {
            // The issue is not created yet (its action is still pending): wait with the rest.
            complete(index, {GitHubError::Kind::Network, 0,
                             QStringLiteral("the promotion issue is not created yet")});
            return;
        }
        complete(index, {GitHubError::Kind::Protocol, 0,
                         QStringLiteral("there is no issue to act on: queue a create_issue first")});
        return;
    }
    const int number = m_issue.number;
    auto plain = [this, index](const GitHubError &e) { complete(index, e); };
    switch (a.type) {
    case TrackingAction::Type::CreateIssue: {
        const TrackingAction action = a;
        auto create = [this, index, action] {
            m_client->createIssue(action.title, action.body, action.labels, this,
                                  [this, index](const GitHubResult<GitHubIssue> &r) {
                                      if (r.ok())
                                          m_issue = r.value;
                                      QJsonObject res = r.value.toJson();
                                      res.insert(QStringLiteral("reused"), false);
                                      complete(index, r.error, r.ok() ? res : QJsonObject());
                                  });
        };
        if (action.marker.isEmpty()) {
            create();
            return;
        }
        m_client->findIssueByMarker(
            action.marker, this,
            [this, index, create](const GitHubResult<std::optional<GitHubIssue>> &found) {
                if (!found.ok())
                    return complete(index, found.error);
                if (!found.value) {
                    create();
                    return;
                }
                m_issue = *found.value;
                QJsonObject res = m_issue.toJson();
                res.insert(QStringLiteral("reused"), true);
                complete(index, {}, res);
            });
        return;
    }
    case TrackingAction::Type::EditBody:
        m_client->editIssueBody(number, a.body, this, [this, index](const GitHubResult<GitHubIssue> &r) {
            if (r.ok())
                m_issue.body = r.value.body;
            complete(index, r.error);
        });
        return;
    case TrackingAction::Type::AddLabels:
        m_client->addLabels(number, a.labels, this, [this, index](const GitHubResult<QStringList> &r) {
            complete(index, r.error,
                     r.ok() ? QJsonObject{{QStringLiteral("labels"), QJsonArray::fromStringList(r.value)}}
                            : QJsonObject());
        });
        return;
    case TrackingAction::Type::RemoveLabel:
        m_client->removeLabel(number, a.label, this,
                              [plain](const GitHubResult<bool> &r) { plain(r.error); });
        return;
    case TrackingAction::Type::EnsureLabel:
        m_client->ensureLabel(a.label, a.color, QString(), this, [this, index](const GitHubResult<bool> &r) {
            complete(index, r.error, r.ok() ? QJsonObject{{QStringLiteral("created"), r.value}} : QJsonObject());
        });
        return;
    case TrackingAction::Type::Comment: {
        auto post = [this, index, number](const QString &body) {
            m_client->addComment(
                number, body, this, [this, index](const GitHubResult<GitHubComment> &r) {
                    complete(index, r.error,
                             r.ok() ? QJsonObject{{QStringLiteral("id"), double(r.value.id)},
                                                  {QStringLiteral("html_url"), r.value.htmlUrl}}
                                    : QJsonObject());
                });
        };
        if (a.marker.isEmpty()) // a journal from before comments carried markers
            return post(a.body);
        // Posted already, by a run killed before its journal said so? Then it is done.
        const QString marker = a.marker;
        const QString body = a.body + QStringLiteral("\n\n") + marker;
        m_client->comments(
            number, this,
            [this, index, marker, body, post](const GitHubResult<QList<GitHubComment>> &r) {
                if (!r.ok())
                    return complete(index, r.error);
                for (const GitHubComment &c : r.value) {
                    if (c.body.contains(marker))
                        return complete(index, {},
                                        QJsonObject{{QStringLiteral("id"), double(c.id)},
                                                    {QStringLiteral("html_url"), c.htmlUrl},
                                                    {QStringLiteral("reused"), true}});
                }
                post(body);
            });
        return;
    }
    case TrackingAction::Type::SetCheckbox: {
        const QString title = a.label;
        const bool checked = a.option == u"x";
        m_client->issue(number, this, [this, index, number, title, checked](const GitHubResult<GitHubIssue> &r) {
            if (!r.ok())
                return complete(index, r.error);
            QString body = r.value.body;
            if (!setCheckboxLine(&body, title, checked))
                return complete(index, {GitHubError::Kind::Validation, 0,
                                        QStringLiteral("the issue has no line '- [ ] %1'; was it edited "
                                                       "by hand?").arg(title)});
            if (body == r.value.body) // already as wanted
                return complete(index, {}, QJsonObject{{QStringLiteral("unchanged"), true}});
            m_client->editIssueBody(number, body, this, [this, index](const GitHubResult<GitHubIssue> &e) {
                if (e.ok())
                    m_issue.body = e.value.body;
                complete(index, e.error);
            });
        });
        return;
    }
    case TrackingAction::Type::CreateLinkedIssue: {
        const TrackingAction action = a;
        auto link = [this, index, number, action](const GitHubIssue &linked, bool reused) {
            auto post = [this, index, number, action, linked, reused] {
                m_client->addComment(
                    number, action.note + u'\n' + linked.htmlUrl, this,
                    [this, index, linked, reused](const GitHubResult<GitHubComment> &c) {
                        QJsonObject res = linked.toJson();
                        res.insert(QStringLiteral("reused"), reused);
                        res.insert(QStringLiteral("comment_url"), c.value.htmlUrl);
                        complete(index, c.error, c.ok() ? res : QJsonObject());
                    });
            };
            if (!reused)
                return post();
            // The linked issue was there already: so may the comment linking it be.
            m_client->comments(
                number, this,
                [this, index, linked, post](const GitHubResult<QList<GitHubComment>> &r) {
                    if (!r.ok())
                        return complete(index, r.error);
                    for (const GitHubComment &c : r.value) {
                        if (c.body.contains(linked.htmlUrl)) {
                            QJsonObject res = linked.toJson();
                            res.insert(QStringLiteral("reused"), true);
                            res.insert(QStringLiteral("comment_url"), c.htmlUrl);
                            return complete(index, {}, res);
                        }
                    }
                    post();
                });
        };
        m_client->findIssueByMarker(
            action.marker, this,
            [this, index, action, link](const GitHubResult<std::optional<GitHubIssue>> &found) {
                if (!found.ok())
                    return complete(index, found.error);
                if (found.value)
                    return link(*found.value, true);
                m_client->createIssue(action.title, action.body, action.labels, this,
                                      [this, index, link](const GitHubResult<GitHubIssue> &r) {
                                          if (!r.ok())
                                              return complete(index, r.error);
                                          link(r.value, false);
                                      });
            });
        return;
    }
    case TrackingAction::Type::MoveToColumn:
        m_client->moveIssueOnBoard(a.owner, a.project, a.field, a.option, m_issue.nodeId, this,
                                   [this, index](const GitHubResult<QString> &r) {
                                       complete(index, r.error,
                                                r.ok() ? QJsonObject{{QStringLiteral("item_id"), r.value}}
                                                       : QJsonObject());
                                   });
        return;
    }
}

void TrackingQueue::complete(int index, const GitHubError &error, const QJsonObject &result)
{
    TrackingAction &a = m_actions[index];
    a.error = error;
    if (!error.isError()) {
        a.state = TrackingAction::State::Done;
        a.result = result;
        Q_EMIT actionFinished(index);
        QTimer::singleShot(0, this, &TrackingQueue::next);
        return;
    }
    a.state = error.retryable() ? TrackingAction::State::Pending : TrackingAction::State::Failed;
    if (a.type == TrackingAction::Type::MoveToColumn && !error.retryable()) {
        // Nothing after a board move depends on it: keep it for the next flush, go on.
        m_failedThisFlush.append(index);
        m_lastFailure = error;
        Q_EMIT actionFinished(index);
        QTimer::singleShot(0, this, &TrackingQueue::next);
        return;
    }
    Q_EMIT actionFinished(index);
    Q_EMIT progress(int(m_actions.size()) - pendingCount(), int(m_actions.size()));
    m_flushing = false;
    Q_EMIT flushFinished(error.retryable() ? Outcome::Pending : Outcome::Failed, error);
}

QJsonObject TrackingQueue::toJson() const
{
    QJsonArray actions;
    for (const TrackingAction &a : m_actions)
        actions.append(a.toJson());
    QJsonObject o{{QStringLiteral("actions"), actions}};
    if (m_issue.number > 0)
        o.insert(QStringLiteral("issue"), m_issue.toJson());
    return o;
}

bool TrackingQueue::fromJson(const QJsonObject &o, QString *error)
{
    QList<TrackingAction> actions;
    const QJsonArray list = o.value(QStringLiteral("actions")).toArray();
    for (const QJsonValue &v : list) {
        std::optional<TrackingAction> a = TrackingAction::fromJson(v.toObject(), error);
        if (!a)
            return false;
        actions.append(*a);
    }
    m_actions = actions;
    m_issue = GitHubIssue::fromJson(o.value(QStringLiteral("issue")).toObject());
    // GitHubIssue::toJson keeps the author flat; read it back.
    m_issue.author = o.value(QStringLiteral("issue")).toObject().value(QStringLiteral("author")).toString();
    return true;
}

} // namespace Promotion
