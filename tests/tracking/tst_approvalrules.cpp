// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracking/approvalrules.h"
#include "tracking/gitidentity.h"

#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Promotion;

Q_DECLARE_METATYPE(Promotion::RecordedApproval)

namespace {
const QString kJane = QStringLiteral("Jane Doe <jane@example.com>");
const QString kSam = QStringLiteral("Sam QA <sam@example.com>");
const QString kRita = QStringLiteral("Rita Sec <rita@example.com>");
const QString kBob = QStringLiteral("Bob <bob@example.com>");

RecordedApproval approval(const QString &role, const QString &who, int minute)
{
    return {role, who, QDateTime(QDate(2025, 11, 1), QTime(10, minute), QTimeZone::utc())};
}

QStringList staging()
{
    return {QStringLiteral("tech_lead"), QStringLiteral("qa")};
}
QStringList production()
{
    return {QStringLiteral("tech_lead"), QStringLiteral("qa"), QStringLiteral("security")};
}
} // namespace

class TestApprovalRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void parseIdentity_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("display");
        QTest::newRow("name and email") << "Jane Doe <jane@example.com>"
                                        << "Jane Doe"
                                        << "jane@example.com"
                                        << "Jane Doe <jane@example.com>";
        QTest::newRow("extra spaces") << "  Jane   Doe   < jane@example.com >  "
                                      << "Jane Doe"
                                      << "jane@example.com"
                                      << "Jane Doe <jane@example.com>";
        QTest::newRow("bare email") << "jane@example.com"
                                    << ""
                                    << "jane@example.com"
                                    << "jane@example.com";
        QTest::newRow("bracketed email only") << "<jane@example.com>"
                                              << ""
                                              << "jane@example.com"
                                              << "jane@example.com";
        QTest::newRow("bare name") << "Jane Doe"
                                   << "Jane Doe"
                                   << ""
                                   << "Jane Doe";
        QTest::newRow("unclosed bracket kept as name") << "Jane <jane@x"
                                                       << "Jane <jane@x"
                                                       << ""
                                                       << "Jane <jane@x";
        QTest::newRow("empty") << "   "
                               << ""
                               << ""
                               << "";
    }
    void parseIdentity()
    {
        QFETCH(QString, text);
        QFETCH(QString, name);
        QFETCH(QString, email);
        QFETCH(QString, display);
        const GitIdentity id = GitIdentity::parse(text);
        QCOMPARE(id.name, name);
        QCOMPARE(id.email, email);
        QCOMPARE(id.toString(), display);
        QCOMPARE(id.isEmpty(), name.isEmpty() && email.isEmpty());
    }

    void sameIdentity_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("email case") << "Jane <Jane@Example.COM>"
                                    << "J. Doe <jane@example.com>" << true;
        QTest::newRow("email decides over name") << "Jane <jane@a.com>"
                                                 << "Jane <jane@b.com>" << false;
        QTest::newRow("names ignoring case") << "jane doe"
                                             << "Jane  Doe" << true;
        QTest::newRow("name vs name+email") << "Jane Doe"
                                            << "jane doe <jane@example.com>" << true;
        QTest::newRow("bare email vs full") << "JANE@example.com"
                                            << "Jane <jane@example.com>" << true;
        QTest::newRow("email only vs name only") << "jane@example.com"
                                                 << "Jane" << false;
        QTest::newRow("different names") << "Jane"
                                         << "Sam" << false;
        QTest::newRow("empty never matches") << ""
                                             << "" << false;
    }
    void sameIdentity()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(GitIdentity::parse(a).sameAs(GitIdentity::parse(b)), same);
        QCOMPARE(GitIdentity::parse(b).sameAs(GitIdentity::parse(a)), same);
    }

    void evaluate_data()
    {
        QTest::addColumn<QString>("promoter");
        QTest::addColumn<QStringList>("required");
        QTest::addColumn<QList<RecordedApproval>>("approvals");
        QTest::addColumn<bool>("allowSelf");
        QTest::addColumn<QStringList>("missing");
        QTest::addColumn<QStringList>("violatingRoles");
        QTest::addColumn<QString>("reasonPart");

        QTest::newRow("staging, two people")
            << kJane << staging()
            << QList<RecordedApproval>{approval("tech_lead", kJane, 1), approval("qa", kSam, 2)}
            << false << QStringList() << QStringList() << QString();
        QTest::newRow("nothing approved yet") << kJane << staging() << QList<RecordedApproval>{}
                                              << false << staging() << QStringList() << QString();
        QTest::newRow("production missing security")
            << kJane << production()
            << QList<RecordedApproval>{approval("tech_lead", kJane, 1), approval("qa", kSam, 2)}
            << false << QStringList{"security"} << QStringList() << QString();
        QTest::newRow("production complete")
            << kJane << production()
            << QList<RecordedApproval>{approval("tech_lead", kJane, 1), approval("qa", kSam, 2),
                                       approval("security", kRita, 3)}
            << false << QStringList() << QStringList() << QString();
        QTest::newRow("promoter approves qa: refused")
            << kJane << staging()
            << QList<RecordedApproval>{approval("tech_lead", kJane, 1), approval("qa", kJane, 2)}
            << false << QStringList{"qa"} << QStringList{"qa"}
            << "Jane Doe <jane@example.com> runs this promotion and so acts as tech_lead";
        QTest::newRow("promoter approves qa before anyone is tech lead")
            << kJane << staging() << QList<RecordedApproval>{approval("qa", kJane, 1)} << false
            << staging() << QStringList{"qa"} << "acts as tech_lead";
        QTest::newRow("same email, different case and name")
            << kJane << staging()
            << QList<RecordedApproval>{approval("tech_lead", kJane, 1),
                                       approval("qa", "JD <JANE@EXAMPLE.COM>", 2)}
            << false << QStringList{"qa"} << QStringList{"qa"} << "acts as tech_lead";
        QTest::newRow("self-approval allowed")
            << kJane << staging()
            << QList<RecordedApproval>{approval("tech_lead", kJane, 1), approval("qa", kJane, 2)}
            << true << QStringList() << QStringList() << QString();
        QTest::newRow("another tech lead frees the promoter")
            << kJane << staging()
            << QList<RecordedApproval>{approval("tech_lead", kBob, 1), approval("qa", kJane, 2)}
            << false << QStringList() << QStringList() << QString();
        QTest::newRow("one reviewer, two roles: first counts")
            << kJane << production()
            << QList<RecordedApproval>{approval("tech_lead", kJane, 1),
                                       approval("security", kSam, 3), approval("qa", kSam, 2)}
            << false << QStringList{"security"} << QStringList{"security"}
            << "Sam QA <sam@example.com> already approved as qa";
        QTest::newRow("unrequired role ignored")
            << kJane << staging()
            << QList<RecordedApproval>{approval("tech_lead", kJane, 1), approval("qa", kSam, 2),
                                       approval("security", kSam, 3)}
            << false << QStringList() << QStringList() << QString();
        QTest::newRow("approval without identity")
            << kJane << staging()
            << QList<RecordedApproval>{approval("tech_lead", kJane, 1), approval("qa", "  ", 2)}
            << false << QStringList{"qa"} << QStringList{"qa"} << "has no identity";
        QTest::newRow("approval without time")
            << kJane << staging()
            << QList<RecordedApproval>{approval("tech_lead", kJane, 1), {"qa", kSam, QDateTime()}}
            << false << QStringList{"qa"} << QStringList{"qa"} << "has no valid time";
        QTest::newRow("unknown promoter")
            << QString() << staging()
            << QList<RecordedApproval>{approval("tech_lead", kJane, 1), approval("qa", kSam, 2)}
            << false << QStringList() << QStringList{""} << "self-approval cannot be ruled out";
        QTest::newRow("unknown promoter, self-approval allowed")
            << QString() << staging()
            << QList<RecordedApproval>{approval("tech_lead", kJane, 1), approval("qa", kSam, 2)}
            << true << QStringList() << QStringList() << QString();
        QTest::newRow("name-only identities ignore case")
            << "jane doe" << staging()
            << QList<RecordedApproval>{approval("tech_lead", "Jane Doe", 1),
                                       approval("qa", "JANE  DOE", 2)}
            << false << QStringList{"qa"} << QStringList{"qa"} << "acts as tech_lead";
        QTest::newRow("duplicate approval counts once")
            << kJane << staging()
            << QList<RecordedApproval>{approval("tech_lead", kJane, 1), approval("qa", kSam, 2),
                                       approval("qa", "sam@example.com", 3)}
            << false << QStringList() << QStringList() << QString();
    }
    void evaluate()
    {
        QFETCH(QString, promoter);
        QFETCH(QStringList, required);
        QFETCH(QList<RecordedApproval>, approvals);
        QFETCH(bool, allowSelf);
        QFETCH(QStringList, missing);
        QFETCH(QStringList, violatingRoles);
        QFETCH(QString, reasonPart);

        ApprovalRequest request;
        request.promoter = promoter;
        request.requiredRoles = required;
        request.approvals = approvals;
        request.allowSelfApproval = allowSelf;
        const ApprovalOutcome outcome = ApprovalRules::evaluate(request);

        QCOMPARE(outcome.missingRoles, missing);
        QStringList roles;
        for (const ApprovalViolation &v : outcome.violations)
            roles.append(v.role);
        QCOMPARE(roles, violatingRoles);
        if (!reasonPart.isEmpty()) {
            QVERIFY(!outcome.violations.isEmpty());
            QVERIFY2(outcome.violations.first().reason.contains(reasonPart),
                     qPrintable(outcome.violations.first().reason));
        }
        QCOMPARE(outcome.satisfied(), missing.isEmpty() && violatingRoles.isEmpty());
        // Every accepted approval is for a required role and not a violation.
        for (const RecordedApproval &a : outcome.accepted)
            QVERIFY(required.contains(a.role));
    }

    void duplicateAcceptedOnce()
    {
        ApprovalRequest request;
        request.promoter = kJane;
        request.requiredRoles = staging();
        request.approvals = {approval("tech_lead", kJane, 1), approval("qa", kSam, 2),
                             approval("qa", "sam@example.com", 3)};
        const ApprovalOutcome outcome = ApprovalRules::evaluate(request);
        QCOMPARE(outcome.accepted.size(), 2);
        QCOMPARE(outcome.accepted.at(1).identity, kSam); // the oldest one is kept
    }

    void noPromoterRole()
    {
        // A policy can say the promoter holds no role by default.
        ApprovalRequest request;
        request.promoter = kJane;
        request.promoterRole.clear();
        request.requiredRoles = {QStringLiteral("qa")};
        request.approvals = {approval("qa", kJane, 1)};
        QVERIFY(ApprovalRules::evaluate(request).satisfied());
    }

    void defaultRoles()
    {
        QCOMPARE(ApprovalRules::defaultRequiredRoles(QStringLiteral("staging")), staging());
        QCOMPARE(ApprovalRules::defaultRequiredRoles(QStringLiteral("production")), production());
    }
};

QTEST_GUILESS_MAIN(TestApprovalRules)
#include "tst_approvalrules.moc"
