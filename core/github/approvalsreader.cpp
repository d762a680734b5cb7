// SPDX-License-Identifier: GPL-3.0-or-later
#include "approvalsreader.h"

#include <algorithm>
#include <QRegularExpression>

namespace Promotion {

namespace {

struct Event
{
    enum class Kind { Tick, Untick, Approve, Revoke };
    Kind kind;
    QString role;
    QString login;
    QDateTime when;
    QString url;
    int order = 0; //!< input order, to keep ties stable
};

QString lineRole(const QString &text, const QList<ApprovalLineSpec> &lines)
{
    for (const ApprovalLineSpec &l : lines) {
        if (!text.startsWith(l.title, Qt::CaseInsensitive))
            continue;
        const QStringView rest = QStringView(text).mid(l.title.size());
        if (rest.isEmpty() || rest.startsWith(u':') || rest.startsWith(u' '))
            return l.role;
    }
    return {};
}

} // namespace

QJsonObject ApprovalEvidence::toJson() const
{
    QJsonObject o{{QStringLiteral("role"), role},
                  {QStringLiteral("login"), login},
                  {QStringLiteral("when"), when.toUTC().toString(Qt::ISODate)},
                  {QStringLiteral("path"), path == Path::Checkbox ? QStringLiteral("checkbox")
                                                                  : QStringLiteral("comment")},
                  {QStringLiteral("url"), url},
                  {QStringLiteral("counted"), counted}};
    if (!reason.isEmpty())
        o.insert(QStringLiteral("reason"), reason);
    return o;
}

QMap<QString, bool> ApprovalsReader::checkboxStates(const QString &body,
                                                    const QList<ApprovalLineSpec> &lines)
{
    static const QRegularExpression item(QStringLiteral("^\\s*[-*+]\\s+\\[([ xX])\\]\\s+(.*)$"));
    QMap<QString, bool> states;
    const QStringList bodyLines = body.split(u'\n');
    for (const QString &raw : bodyLines) {
        const auto m = item.match(raw.trimmed());
        if (!m.hasMatch())
            continue;
        const QString role = lineRole(m.captured(2).trimmed(), lines);
        if (!role.isEmpty() && !states.contains(role))
            states.insert(role, m.captured(1) != u" ");
    }
    return states;
}

QList<ApprovalEvidence> ApprovalsReader::read(const ApprovalsInput &input)
{
    QList<Event> events;
    int order = 0;

    // Checkbox transitions between successive revisions.
    QList<GitHubBodyEdit> revisions = input.edits;
    if (revisions.isEmpty())
        revisions.append(GitHubBodyEdit{input.issueAuthor, input.issueCreatedAt, input.currentBody, false});
    QMap<QString, bool> before;
    for (const GitHubBodyEdit &rev : std::as_const(revisions)) {
        if (rev.deleted)
            continue;
        const QMap<QString, bool> now = checkboxStates(rev.body, input.lines);
        for (auto it = now.cbegin(); it != now.cend(); ++it) {
            const bool was = before.value(it.key(), false);
            if (it.value() != was)
                events.append({it.value() ? Event::Kind::Tick : Event::Kind::Untick, it.key(),
                               rev.editor, rev.editedAt, input.issueUrl, order++});
        }
        // A line that disappeared is unticked.
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            if (it.value() && !now.contains(it.key()))
                events.append({Event::Kind::Untick, it.key(), rev.editor, rev.editedAt,
                               input.issueUrl, order++});
        }
        before = now;
    }

    // Comment commands.
    QStringList roles;
    for (const ApprovalLineSpec &l : input.lines)
        roles << l.role;
    static const QRegularExpression command(
        QStringLiteral("^/(approve|revoke)\\s+([A-Za-z][A-Za-z0-9_-]*)(\\s.*)?$"));
    for (const GitHubComment &c : input.comments) {
        const QStringList commentLines = c.body.split(u'\n');
        for (const QString &line : commentLines) {
            const auto m = command.match(line.trimmed());
            if (!m.hasMatch())
                continue;
            QString role;
            for (const QString &r : std::as_const(roles)) {
                if (r.compare(m.captured(2), Qt::CaseInsensitive) == 0)
                    role = r;
            }
            if (role.isEmpty())
                continue;
            events.append({m.captured(1) == u"approve" ? Event::Kind::Approve : Event::Kind::Revoke,
                           role, c.author, c.createdAt, c.htmlUrl, order++});
        }
    }

    std::stable_sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
        if (a.when != b.when)
            return a.when < b.when;
        return a.order < b.order;
    });

    QList<ApprovalEvidence> standing;
    auto removeIf = [&](auto pred) {
        standing.erase(std::remove_if(standing.begin(), standing.end(), pred), standing.end());
    };
    for (const Event &e : std::as_const(events)) {
        switch (e.kind) {
        case Event::Kind::Tick:
        case Event::Kind::Untick:
            removeIf([&](const ApprovalEvidence &a) {
                return a.role == e.role && a.path == ApprovalEvidence::Path::Checkbox;
            });
            if (e.kind == Event::Kind::Tick)
                standing.append({e.role, e.login, e.when, ApprovalEvidence::Path::Checkbox, e.url, true, {}});
            break;
        case Event::Kind::Approve:
        case Event::Kind::Revoke:
            removeIf([&](const ApprovalEvidence &a) {
                return a.role == e.role && a.login.compare(e.login, Qt::CaseInsensitive) == 0;
            });
            if (e.kind == Event::Kind::Approve)
                standing.append({e.role, e.login, e.when, ApprovalEvidence::Path::Comment, e.url, true, {}});
            break;
        }
    }
    return standing;
}

void ApprovalsReader::applyApprovers(QList<ApprovalEvidence> *evidence,
                                     const QMap<QString, QStringList> &approvers,
                                     const TeamResolver &teams)
{
    for (ApprovalEvidence &a : *evidence) {
        if (!approvers.contains(a.role) || approvers.value(a.role).isEmpty())
            continue; // open role
        if (a.login.isEmpty()) {
            a.counted = false;
            a.reason = QStringLiteral("the account that approved no longer exists");
            continue;
        }
        bool listed = false;
        QStringList unknownTeams;
        const QStringList entries = approvers.value(a.role);
        for (const QString &entry : entries) {
            if (entry.startsWith(u'@')) {
                const QString org = entry.mid(1).section(u'/', 0, 0);
                const QString team = entry.section(u'/', 1);
                const std::optional<bool> member = teams ? teams(org, team, a.login) : std::nullopt;
                if (member.value_or(false))
                    listed = true;
                else if (!member)
                    unknownTeams << entry;
            } else if (entry.compare(a.login, Qt::CaseInsensitive) == 0) {
                listed = true;
            }
            if (listed)
                break;
        }
        if (listed)
            continue;
        a.counted = false;
        a.reason = QStringLiteral("%1 is not among the approvers for %2 (tracking.approvers.%2: %3)")
                       .arg(a.login, a.role, entries.join(QStringLiteral(", ")));
        if (!unknownTeams.isEmpty())
            a.reason += QStringLiteral("; membership of %1 could not be checked")
                            .arg(unknownTeams.join(QStringLiteral(", ")));
    }
}

QList<std::tuple<QString, QString, QString>>
ApprovalsReader::teamQuestions(const QList<ApprovalEvidence> &evidence,
                               const QMap<QString, QStringList> &approvers)
{
    QList<std::tuple<QString, QString, QString>> out;
    for (const ApprovalEvidence &a : evidence) {
        const QStringList entries = approvers.value(a.role);
        for (const QString &entry : entries) {
            if (!entry.startsWith(u'@') || a.login.isEmpty())
                continue;
            const auto q = std::make_tuple(entry.mid(1).section(u'/', 0, 0), entry.section(u'/', 1), a.login);
            if (!out.contains(q))
                out.append(q);
        }
    }
    return out;
}

std::optional<ApprovalEvidence> ApprovalsReader::forRole(const QList<ApprovalEvidence> &evidence,
                                                         const QString &role)
{
    std::optional<ApprovalEvidence> latest;
    for (const ApprovalEvidence &a : evidence) {
        if (a.role == role && a.counted && (!latest || latest->when <= a.when))
            latest = a;
    }
    return latest;
}

QList<RecordedApproval> ApprovalsReader::toRecorded(const QList<ApprovalEvidence> &evidence)
{
    QList<RecordedApproval> out;
    for (const ApprovalEvidence &a : evidence) {
        if (a.counted)
            out.append({a.role, a.login, a.when});
    }
    return out;
}

QList<ApprovalLineSpec> ApprovalsReader::linesFromRoles(const QMap<QString, QString> &roleTitles)
{
    QList<ApprovalLineSpec> out;
    for (auto it = roleTitles.cbegin(); it != roleTitles.cend(); ++it)
        out.append({it.key(), it.value()});
    return out;
}

} // namespace Promotion
