// SPDX-License-Identifier: GPL-3.0-or-later
// Approvals from the three paths merged into one list and judged by one set of rules.
#include "github/approvalsreader.h"
#include "tracking/approvalrules.h"
#include "workflow/githubtracking.h"

#include <QtTest>

using namespace Promotion;

namespace {

ApprovalEvidence evidence(const QString &role, const QString &login, ApprovalEvidence::Path path,
                          int minute, bool counted = true, const QString &reason = {})
{
    ApprovalEvidence e;
    e.role = role;
    e.login = login;
    e.path = path;
    e.when = QDateTime(QDate(2026, 12, 1), QTime(12, minute), Qt::UTC);
    e.url = QStringLiteral("https://github.com/octo-org/tta/issues/7#c") + QString::number(minute);
    e.counted = counted;
    e.reason = reason;
    return e;
}

QList<ApprovalState> roles()
{
    return {ApprovalState{QStringLiteral("tech_lead"), QStringLiteral("Tech lead approval"), false, {}, {}, {}, {}, false},
            ApprovalState{QStringLiteral("qa"), QStringLiteral("QA approval"), false, {}, {}, {}, {}, false}};
}

ApprovalOutcome judge(const QList<ApprovalState> &approvals, const QString &promoter, bool allowSelf = false)
{
    ApprovalRequest req;
    req.promoter = promoter;
    req.allowSelfApproval = allowSelf;
    for (const ApprovalState &a : approvals) {
        req.requiredRoles << a.role;
        if (a.approved)
            req.approvals << RecordedApproval{a.role, a.identity, a.when};
    }
    return ApprovalRules::evaluate(req);
}

} // namespace

class TestGitHubTracking : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void consoleApprovalStandsAndCommentCounts()
    {
        QList<ApprovalState> approvals = roles();
        approvals[0].approved = true;
        approvals[0].identity = QStringLiteral("ada-lead");
        approvals[0].when = QDateTime::currentDateTimeUtc();
        approvals[0].path = QStringLiteral("console");
        QList<RejectedApproval> rejected;
        const QList<ApprovalEvidence> ev{
            // the console's own tick of its role: the mirror, not a second approval
            evidence(QStringLiteral("tech_lead"), QStringLiteral("ada-lead"), ApprovalEvidence::Path::Checkbox, 1),
            evidence(QStringLiteral("qa"), QStringLiteral("mallory"), ApprovalEvidence::Path::Comment, 2, false,
                     QStringLiteral("mallory is not among the approvers for qa")),
            evidence(QStringLiteral("qa"), QStringLiteral("bob-qa"), ApprovalEvidence::Path::Comment, 3)};
        GitHubTracking::mergeEvidence(&approvals, &rejected, ev, QStringLiteral("ada-lead"));
        QCOMPARE(approvals[0].path, QStringLiteral("console"));
        QCOMPARE(approvals[1].approved, true);
        QCOMPARE(approvals[1].identity, QStringLiteral("bob-qa"));
        QCOMPARE(approvals[1].path, QStringLiteral("comment"));
        QCOMPARE(approvals[1].url, ev[2].url);
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected[0].login, QStringLiteral("mallory"));
        QVERIFY(rejected[0].reason.contains(QStringLiteral("not among the approvers")));
        QVERIFY(judge(approvals, QStringLiteral("ada-lead")).satisfied());
    }

    void withdrawnOnGitHubIsCleared()
    {
        QList<ApprovalState> approvals = roles();
        QList<RejectedApproval> rejected;
        GitHubTracking::mergeEvidence(
            &approvals, &rejected,
            {evidence(QStringLiteral("qa"), QStringLiteral("bob-qa"), ApprovalEvidence::Path::Checkbox, 5)},
            QStringLiteral("ada-lead"));
        QVERIFY(approvals[1].approved);
        QCOMPARE(approvals[1].path, QStringLiteral("checkbox"));
        // Unticked (or /revoke qa): the next read finds nothing standing.
        GitHubTracking::mergeEvidence(&approvals, &rejected, {}, QStringLiteral("ada-lead"));
        QVERIFY(!approvals[1].approved);
        QVERIFY(approvals[1].identity.isEmpty());
    }

    void selfApprovalRefusedAcrossPaths()
    {
        // The promoter (the token's login) ticks QA on GitHub while holding tech lead.
        QList<ApprovalState> approvals = roles();
        QList<RejectedApproval> rejected;
        GitHubTracking::mergeEvidence(
            &approvals, &rejected,
            {evidence(QStringLiteral("qa"), QStringLiteral("ada-lead"), ApprovalEvidence::Path::Checkbox, 4)},
            QStringLiteral("ada-lead"));
        QVERIFY(approvals[1].approved);
        const ApprovalOutcome refused = judge(approvals, QStringLiteral("ada-lead"));
        QVERIFY(!refused.satisfied());
        QCOMPARE(refused.violations.size(), 1);
        QCOMPARE(refused.violations.first().role, QStringLiteral("qa"));
        // allow_self_approval lets it count.
        QVERIFY(judge(approvals, QStringLiteral("ada-lead"), true).violations.isEmpty());
    }

    void oneLoginOneRole()
    {
        QList<ApprovalState> approvals = roles();
        QList<RejectedApproval> rejected;
        GitHubTracking::mergeEvidence(
            &approvals, &rejected,
            {evidence(QStringLiteral("tech_lead"), QStringLiteral("bob-qa"), ApprovalEvidence::Path::Comment, 1),
             evidence(QStringLiteral("qa"), QStringLiteral("bob-qa"), ApprovalEvidence::Path::Checkbox, 2)},
            QStringLiteral("ada-lead"));
        const ApprovalOutcome outcome = judge(approvals, QStringLiteral("ada-lead"));
        QVERIFY(!outcome.satisfied());
        QVERIFY(std::any_of(outcome.violations.cbegin(), outcome.violations.cend(),
                            [](const ApprovalViolation &v) { return v.role == u"qa"; }));
    }

    void markerMatchesTheTemplate()
    {
        QCOMPARE(GitHubTracking::issueMarker(QStringLiteral("20261201-1200-a--b")),
                 QStringLiteral("<!-- promotion-console run: 20261201-1200-ab -->"));
    }
};

QTEST_GUILESS_MAIN(TestGitHubTracking)
#include "tst_githubtracking.moc"
