// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakegithubserver.h"

#include "github/approvalsreader.h"
#include "github/githubclient.h"
#include "tracking/approvalrules.h"

#include <QJsonArray>
#include <QTest>

using namespace Promotion;
using Promotion::Test::FakeGitHubServer;

namespace {

QList<ApprovalLineSpec> seedLines()
{
    return ApprovalsReader::linesFromRoles({{QStringLiteral("tech_lead"), QStringLiteral("Tech lead approval")},
                                            {QStringLiteral("qa"), QStringLiteral("QA approval")},
                                            {QStringLiteral("security"), QStringLiteral("Security approval")}});
}

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

QList<GitHubComment> fixtureComments()
{
    QList<GitHubComment> out;
    const QJsonArray all = FakeGitHubServer::fixtureBody(QStringLiteral("issue-comments")).toArray();
    for (const QJsonValue &v : all)
        out << GitHubComment::fromJson(v.toObject());
    return out;
}

const ApprovalEvidence *find(const QList<ApprovalEvidence> &list, const QString &role, const QString &login)
{
    for (const ApprovalEvidence &a : list) {
        if (a.role == role && a.login == login)
            return &a;
    }
    return nullptr;
}

} // namespace

class TestApprovalsReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void checkboxStates_data();
    void checkboxStates();
    void checkboxesFromEditHistory();
    void tickedAtCreationWithoutEdits();
    void commentsApproveAndRevoke();
    void approversNotListedAreNotCounted();
    void recordedApprovalsFeedApprovalRules();

private:
    QList<GitHubBodyEdit> m_edits;
};

void TestApprovalsReader::initTestCase()
{
    // Through the client, so the GraphQL parsing is covered too.
    FakeGitHubServer server;
    QVERIFY(server.listen());
    server.on("POST", QStringLiteral("/graphql"),
              FakeGitHubServer::fixture(QStringLiteral("graphql-user-content-edits")));
    GitHubConfig config;
    config.apiUrl = server.url();
    config.repository = QStringLiteral("octo-org/tta");
    config.token = QStringLiteral("test-token-not-real-123");
    GitHubClient client(config);
    std::optional<GitHubResult<QList<GitHubBodyEdit>>> got;
    client.issueBodyEdits(7, this, [&got](const GitHubResult<QList<GitHubBodyEdit>> &r) { got = r; });
    QTRY_VERIFY(got.has_value());
    QVERIFY2(got->ok(), qPrintable(got->error.message));
    m_edits = got->value;
    QCOMPARE(m_edits.size(), 6);
    QCOMPARE(m_edits.first().editor, QStringLiteral("promotion-bot")); // oldest first
    const QJsonObject vars = server.requests().first().json().value(QStringLiteral("variables")).toObject();
    QCOMPARE(vars.value(QStringLiteral("number")).toInt(), 7);
    QCOMPARE(vars.value(QStringLiteral("owner")).toString(), QStringLiteral("octo-org"));
}

void TestApprovalsReader::checkboxStates_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("ticked");
    QTest::newRow("seed unticked") << "- [ ] QA approval" << "qa" << false;
    QTest::newRow("ticked x") << "- [x] QA approval" << "qa" << true;
    QTest::newRow("ticked X star") << "* [X] QA approval" << "qa" << true;
    QTest::newRow("rendered who") << "- [x] Tech lead approval: Ada (2026-12-01 12:00 UTC)" << "tech_lead" << true;
    QTest::newRow("seed production") << "- [ ] Security approval (for production)" << "security" << false;
    QTest::newRow("other line") << "- [x] QA approvals are nice" << "" << false;
}

void TestApprovalsReader::checkboxStates()
{
    QFETCH(QString, line);
    QFETCH(QString, role);
    QFETCH(bool, ticked);
    const QMap<QString, bool> states = ApprovalsReader::checkboxStates(QStringLiteral("x\n") + line + u'\n',
                                                                       seedLines());
    if (role.isEmpty()) {
        QVERIFY(states.isEmpty());
        return;
    }
    QVERIFY(states.contains(role));
    QCOMPARE(states.value(role), ticked);
}

void TestApprovalsReader::checkboxesFromEditHistory()
{
    ApprovalsInput in;
    in.lines = seedLines();
    in.issueUrl = QStringLiteral("https://github.com/octo-org/tta/issues/7");
    in.edits = m_edits;
    in.currentBody = m_edits.last().body;
    const QList<ApprovalEvidence> all = ApprovalsReader::read(in);
    QCOMPARE(all.size(), 3);
    const ApprovalEvidence *qa = find(all, QStringLiteral("qa"), QStringLiteral("qa-quinn"));
    QVERIFY(qa);
    QCOMPARE(qa->when, at("2026-12-01T12:05:00Z"));
    QCOMPARE(qa->path, ApprovalEvidence::Path::Checkbox);
    QCOMPARE(qa->url, in.issueUrl);
    QVERIFY(find(all, QStringLiteral("tech_lead"), QStringLiteral("lead-lee")));
    // sec-sam ticked, then unticked; mallory ticked last.
    QVERIFY(!find(all, QStringLiteral("security"), QStringLiteral("sec-sam")));
    const ApprovalEvidence *sec = find(all, QStringLiteral("security"), QStringLiteral("mallory"));
    QVERIFY(sec);
    QCOMPARE(sec->when, at("2026-12-01T12:40:00Z"));
}

void TestApprovalsReader::tickedAtCreationWithoutEdits()
{
    ApprovalsInput in;
    in.lines = seedLines();
    in.issueAuthor = QStringLiteral("promotion-bot");
    in.issueCreatedAt = at("2026-12-01T11:00:00Z");
    in.currentBody = QStringLiteral("- [x] Tech lead approval: Ada\n- [ ] QA approval\n");
    const QList<ApprovalEvidence> all = ApprovalsReader::read(in);
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().login, QStringLiteral("promotion-bot"));
    QCOMPARE(all.first().role, QStringLiteral("tech_lead"));
}

void TestApprovalsReader::commentsApproveAndRevoke()
{
    ApprovalsInput in;
    in.lines = seedLines();
    in.issueUrl = QStringLiteral("https://github.com/octo-org/tta/issues/7");
    in.edits = m_edits;
    in.comments = fixtureComments();
    const QList<ApprovalEvidence> all = ApprovalsReader::read(in);
    // qa-quinn approved (box, then comment) and revoked at 13:20: no QA approval.
    QVERIFY(!ApprovalsReader::forRole(all, QStringLiteral("qa")));
    // lead-lee revoked at 13:00 and approved again by comment at 13:10.
    const auto lead = ApprovalsReader::forRole(all, QStringLiteral("tech_lead"));
    QVERIFY(lead);
    QCOMPARE(lead->login, QStringLiteral("lead-lee"));
    QCOMPARE(lead->path, ApprovalEvidence::Path::Comment);
    QCOMPARE(lead->when, at("2026-12-01T13:10:00Z"));
    QVERIFY(lead->url.endsWith(QStringLiteral("#issuecomment-1004")));
    // Security: mallory's box and random-rita's comment both stand (until approvers apply).
    QVERIFY(find(all, QStringLiteral("security"), QStringLiteral("mallory")));
    QVERIFY(find(all, QStringLiteral("security"), QStringLiteral("random-rita")));
    QCOMPARE(ApprovalsReader::forRole(all, QStringLiteral("security"))->login, QStringLiteral("random-rita"));
}

void TestApprovalsReader::approversNotListedAreNotCounted()
{
    ApprovalsInput in;
    in.lines = seedLines();
    in.edits = m_edits;
    in.comments = fixtureComments();
    QList<ApprovalEvidence> all = ApprovalsReader::read(in);
    const QMap<QString, QStringList> approvers{
        {QStringLiteral("security"), {QStringLiteral("sec-sam"), QStringLiteral("@octo-org/security")}},
        {QStringLiteral("tech_lead"), {QStringLiteral("Lead-Lee")}}};
    const auto questions = ApprovalsReader::teamQuestions(all, approvers);
    QCOMPARE(questions.size(), 2); // mallory and random-rita in @octo-org/security
    QStringList asked;
    ApprovalsReader::applyApprovers(&all, approvers,
                                    [&asked](const QString &org, const QString &team,
                                             const QString &login) -> std::optional<bool> {
                                        asked << org + u'/' + team + u':' + login;
                                        if (login == u"mallory")
                                            return false;
                                        return std::nullopt; // rita: could not be checked
                                    });
    QCOMPARE(asked.size(), 2);
    const ApprovalEvidence *mallory = find(all, QStringLiteral("security"), QStringLiteral("mallory"));
    QVERIFY(mallory);
    QVERIFY(!mallory->counted);
    QVERIFY2(mallory->reason.contains(QStringLiteral("mallory is not among the approvers for security")),
             qPrintable(mallory->reason));
    const ApprovalEvidence *rita = find(all, QStringLiteral("security"), QStringLiteral("random-rita"));
    QVERIFY(!rita->counted);
    QVERIFY(rita->reason.contains(QStringLiteral("could not be checked")));
    QVERIFY(!ApprovalsReader::forRole(all, QStringLiteral("security")));
    QVERIFY(ApprovalsReader::forRole(all, QStringLiteral("tech_lead"))); // login compared ignoring case
    QCOMPARE(mallory->toJson().value(QStringLiteral("counted")).toBool(), false);
    QCOMPARE(mallory->toJson().value(QStringLiteral("path")).toString(), QStringLiteral("checkbox"));

    // A team member counts.
    QList<ApprovalEvidence> again = ApprovalsReader::read(in);
    ApprovalsReader::applyApprovers(&again, approvers,
                                    [](const QString &, const QString &, const QString &) -> std::optional<bool> {
                                        return true;
                                    });
    QCOMPARE(ApprovalsReader::forRole(again, QStringLiteral("security"))->login, QStringLiteral("random-rita"));
}

void TestApprovalsReader::recordedApprovalsFeedApprovalRules()
{
    ApprovalsInput in;
    in.lines = seedLines();
    in.edits = m_edits;
    in.comments = fixtureComments();
    QList<ApprovalEvidence> all = ApprovalsReader::read(in);
    ApprovalsReader::applyApprovers(&all, {{QStringLiteral("security"), {QStringLiteral("sec-sam")}}});
    ApprovalRequest request;
    request.promoter = QStringLiteral("promotion-bot");
    request.requiredRoles = ApprovalRules::defaultRequiredRoles(QStringLiteral("production"));
    request.approvals = ApprovalsReader::toRecorded(all);
    QCOMPARE(request.approvals.size(), 1); // lead-lee only
    const ApprovalOutcome outcome = ApprovalRules::evaluate(request);
    QVERIFY(!outcome.satisfied());
    QVERIFY(outcome.missingRoles.contains(QStringLiteral("qa")));
    QVERIFY(outcome.missingRoles.contains(QStringLiteral("security")));
    QVERIFY(!outcome.missingRoles.contains(QStringLiteral("tech_lead")));
}

QTEST_GUILESS_MAIN(TestApprovalsReader)
#include "tst_approvalsreader.moc"
