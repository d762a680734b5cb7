// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy/policyloader.h"
#include "policy/policyvalidator.h"
#include "testconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Promotion;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(TEST_DATA_DIR "/policy/") + name;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    return f.write(data) == data.size();
}

QStringList criterionTexts(const TransitionDefinition &t)
{
    QStringList texts;
    for (const CriterionDefinition &c : t.criteria)
        texts << c.text;
    return texts;
}

} // namespace

class TestPolicyLoader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void builtinResourceIsLinked();
    void defaultReproducesSeed();
    void defaultGates();
    void defaultDeployValidationTracking();
    void overrideChangesOnlyGivenKeys();
    void overrideMergeRules();
    void emptyUserFileIsTheDefault();
    void badPolicies_data();
    void badPolicies();
    void notTextAndTabsAreNamed();
    void collectsAllErrors();
    void renamedStagesBreakTheDefaultTransitions();
    void errorToString();
    void workspacePolicyIsPickedUp();
    void workspaceWithoutPolicyUsesDefault();
    void workspaceMisnamedPolicyIsRefused();
    void workspaceBadPolicyIsRefused();
    void missingWorkspace();
    void hostileInput_data();
    void hostileInput();
    void oversizedFile();
    void placeholders_data();
    void placeholders();
    void closestMatch_data();
    void closestMatch();
    void pathSettings_data();
    void pathSettings();
    void skipOptions_data();
    void skipOptions();
    void trackingKeys_data();
    void trackingKeys();
    void trackingValues();
};

void TestPolicyLoader::builtinResourceIsLinked()
{
    // promotion_core is static: this fails if the resource object library is not linked in.
    QVERIFY(QFileInfo::exists(PolicyLoader::builtinPolicyPath()));
    const QByteArray onDisk =
        readFile(QStringLiteral(SOURCE_DIR "/resources/policy/default-promotion.yaml"));
    QVERIFY(!onDisk.isEmpty());
    QCOMPARE(PolicyLoader::builtinPolicyYaml(), onDisk);
}

void TestPolicyLoader::defaultReproducesSeed()
{
    const PolicyLoadResult r = PolicyLoader::loadDefault();
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    QVERIFY(r.errors.isEmpty());
    const Policy &p = *r.policy;
    QCOMPARE(p.version, 1);
    QVERIFY(p.sourceFile.isEmpty());

    // Maturity stages: development >= 60 %, staging >= 70 %, production >= 80 %.
    QCOMPARE(p.stageIds(), (QStringList{QStringLiteral("development"), QStringLiteral("staging"),
                                        QStringLiteral("production")}));
    QCOMPARE(p.stage(QStringLiteral("development"))->coverageMin, 60.0);
    QCOMPARE(p.stage(QStringLiteral("staging"))->coverageMin, 70.0);
    QCOMPARE(p.stage(QStringLiteral("production"))->coverageMin, 80.0);
    QCOMPARE(p.stageIndex(QStringLiteral("production")), 2);
    QVERIFY(!p.allowStageSkip);
    QVERIFY(!p.allowSelfApproval);
    QCOMPARE(p.pythonRunner, QStringLiteral("auto"));
    QCOMPARE(p.maxParallelGates, 0);
    QVERIFY(p.environment.isEmpty());

    QCOMPARE(p.transitions.size(), 2);
    const TransitionDefinition *toStaging =
        p.transition(QStringLiteral("development"), QStringLiteral("staging"));
    QVERIFY(toStaging);
    QCOMPARE(toStaging->gates,
             (QStringList{QStringLiteral("tests"), QStringLiteral("coverage"),
                          QStringLiteral("lint"), QStringLiteral("typecheck"),
                          QStringLiteral("secrets"), QStringLiteral("integration_tests_exist")}));
    // Verbatim from the seed's "Development → Staging Criteria".
    QCOMPARE(criterionTexts(*toStaging), (QStringList{QStringLiteral("Core functionality complete"),
                                                      QStringLiteral("Unit tests comprehensive"),
                                                      QStringLiteral("Integration tests written"),
                                                      QStringLiteral("Error handling implemented"),
                                                      QStringLiteral("Logging configured"),
                                                      QStringLiteral("Documentation complete"),
                                                      QStringLiteral("Code review approved")}));
    QCOMPARE(toStaging->criteria.at(1).provenBy,
             (QStringList{QStringLiteral("tests"), QStringLiteral("coverage")}));
    QCOMPARE(toStaging->criteria.at(2).provenBy,
             QStringList{QStringLiteral("integration_tests_exist")});
    QVERIFY(toStaging->criteria.at(0).provenBy.isEmpty());
    for (const CriterionDefinition &c : toStaging->criteria)
        QVERIFY(c.required);
    QCOMPARE(toStaging->approvals,
             (QStringList{QStringLiteral("tech_lead"), QStringLiteral("qa")}));

    const TransitionDefinition *toProduction =
        p.transition(QStringLiteral("staging"), QStringLiteral("production"));
    QVERIFY(toProduction);
    QCOMPARE(
        toProduction->gates,
        (QStringList{QStringLiteral("tests"), QStringLiteral("coverage"),
                     QStringLiteral("integration_tests"), QStringLiteral("e2e_tests"),
                     QStringLiteral("performance_sla"), QStringLiteral("uptime_7d"),
                     QStringLiteral("security_review"), QStringLiteral("monitoring_configured"),
                     QStringLiteral("rollback_tested")}));
    // Verbatim from the seed's "Staging → Production Criteria".
    QCOMPARE(
        criterionTexts(*toProduction),
        (QStringList{
            QStringLiteral("All staging criteria met"), QStringLiteral("E2E tests passing"),
            QStringLiteral("Performance validated"), QStringLiteral("Security audit complete"),
            QStringLiteral("Monitoring dashboards created"), QStringLiteral("Runbook documented"),
            QStringLiteral("Rollback tested"), QStringLiteral("Stakeholder approval")}));
    // Security approval only for production.
    QCOMPARE(toProduction->approvals,
             (QStringList{QStringLiteral("tech_lead"), QStringLiteral("qa"),
                          QStringLiteral("security")}));
    QVERIFY(!p.transition(QStringLiteral("development"), QStringLiteral("production")));

    QCOMPARE(p.roles.size(), 3);
    QCOMPARE(p.roles.value(QStringLiteral("tech_lead")).title,
             QStringLiteral("Tech lead approval"));
    QCOMPARE(p.roles.value(QStringLiteral("qa")).title, QStringLiteral("QA approval"));
    QCOMPARE(p.roles.value(QStringLiteral("security")).title, QStringLiteral("Security approval"));
    QCOMPARE(p.roles.value(QStringLiteral("security")).id, QStringLiteral("security"));
}

void TestPolicyLoader::defaultGates()
{
    const PolicyLoadResult r = PolicyLoader::loadDefault();
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    const Policy &p = *r.policy;
    QCOMPARE(p.gates.size(), 13);
    for (auto it = p.gates.cbegin(); it != p.gates.cend(); ++it)
        QCOMPARE(it.value().id, it.key());

    const GateDefinition tests = p.gates.value(QStringLiteral("tests"));
    QCOMPARE(tests.kind, GateDefinition::Kind::Command);
    QCOMPARE(tests.title, QStringLiteral("All tests passing (100%)"));
    QVERIFY(tests.python);
    QCOMPARE(tests.command.first(), QStringLiteral("pytest"));
    QVERIFY(tests.command.contains(QStringLiteral("--cov=src/{component}")));
    QVERIFY(tests.command.contains(QStringLiteral("--junitxml={artifacts}/junit.xml")));
    QCOMPARE(tests.format, QStringLiteral("junit"));
    QCOMPARE(tests.resultFile, QStringLiteral("{artifacts}/junit.xml"));
    QCOMPARE(tests.threshold, std::optional<double>(100));
    QCOMPARE(tests.timeoutSeconds, 900);
    QCOMPARE(tests.policyKey, QStringLiteral("gates.tests.command"));
    QCOMPARE(tests.versionCommand, QStringLiteral("--version"));

    const GateDefinition coverage = p.gates.value(QStringLiteral("coverage"));
    QCOMPARE(coverage.kind, GateDefinition::Kind::Derived);
    QCOMPARE(coverage.after, QStringLiteral("tests"));
    QCOMPARE(coverage.format, QStringLiteral("cobertura"));
    QCOMPARE(coverage.resultFile, QStringLiteral("{artifacts}/coverage.xml"));
    QVERIFY(!coverage.threshold.has_value()); // the target stage's coverage_min applies
    QVERIFY(coverage.command.isEmpty());

    const GateDefinition lint = p.gates.value(QStringLiteral("lint"));
    QCOMPARE(lint.command,
             (QStringList{QStringLiteral("ruff"), QStringLiteral("check"),
                          QStringLiteral("--output-format=json"), QStringLiteral("src/{component}"),
                          QStringLiteral("tests/{component}")}));
    QCOMPARE(lint.format, QStringLiteral("ruff-json"));
    QCOMPARE(lint.threshold, std::optional<double>(0));
    QCOMPARE(lint.timeoutSeconds, 300);
    QVERIFY(!lint.python);
    QCOMPARE(lint.policyKey, QStringLiteral("gates.lint.command"));

    const GateDefinition typecheck = p.gates.value(QStringLiteral("typecheck"));
    QCOMPARE(typecheck.command,
             (QStringList{QStringLiteral("pyright"), QStringLiteral("--outputjson"),
                          QStringLiteral("src/{component}")}));
    QCOMPARE(typecheck.format, QStringLiteral("pyright-json"));
    QCOMPARE(typecheck.timeoutSeconds, 600);

    const GateDefinition secrets = p.gates.value(QStringLiteral("secrets"));
    QCOMPARE(secrets.command.first(), QStringLiteral("detect-secrets"));
    QCOMPARE(secrets.format, QStringLiteral("detect-secrets-json"));

    const GateDefinition exist = p.gates.value(QStringLiteral("integration_tests_exist"));
    QCOMPARE(exist.kind, GateDefinition::Kind::FilesExist);
    QCOMPARE(exist.paths, (QStringList{QStringLiteral("tests/integration/test_*.py"),
                                       QStringLiteral("tests/integration/**/test_*.py")}));
    QCOMPARE(exist.policyKey, QStringLiteral("gates.integration_tests_exist.paths"));

    const GateDefinition integration = p.gates.value(QStringLiteral("integration_tests"));
    QCOMPARE(
        integration.command.mid(0, 5),
        (QStringList{QStringLiteral("pytest"), QStringLiteral("tests/integration/"),
                     QStringLiteral("-v"), QStringLiteral("-m"), QStringLiteral("integration")}));
    QCOMPARE(integration.timeoutSeconds, 1800);
    const GateDefinition e2e = p.gates.value(QStringLiteral("e2e_tests"));
    QCOMPARE(e2e.command.mid(0, 5),
             (QStringList{QStringLiteral("pytest"), QStringLiteral("tests/e2e/"),
                          QStringLiteral("-v"), QStringLiteral("-m"), QStringLiteral("e2e")}));

    for (const QString &id : {QStringLiteral("performance_sla"), QStringLiteral("uptime_7d"),
                              QStringLiteral("monitoring_configured")}) {
        QCOMPARE(p.gates.value(id).kind, GateDefinition::Kind::Metric);
        QCOMPARE(p.gates.value(id).source.type, DataSource::Type::None);
    }
    QCOMPARE(p.gates.value(QStringLiteral("uptime_7d")).title,
             QStringLiteral("7-day uptime >= 99.5%"));
    QCOMPARE(p.gates.value(QStringLiteral("security_review")).kind,
             GateDefinition::Kind::Attestation);
    const GateDefinition rollback = p.gates.value(QStringLiteral("rollback_tested"));
    QCOMPARE(rollback.source.type, DataSource::Type::RollbackDrill);
    QCOMPARE(rollback.source.maxAgeDays, 90);
}

void TestPolicyLoader::defaultDeployValidationTracking()
{
    const PolicyLoadResult r = PolicyLoader::loadDefault();
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    const Policy &p = *r.policy;
    QCOMPARE(p.deploy.apply,
             (QStringList{QStringLiteral("kubectl"), QStringLiteral("apply"), QStringLiteral("-f"),
                          QStringLiteral("k8s/{to_stage}/{component}.yaml")}));
    QCOMPARE(p.deploy.rolloutStatus,
             (QStringList{QStringLiteral("kubectl"), QStringLiteral("rollout"),
                          QStringLiteral("status"), QStringLiteral("deployment/{component}"),
                          QStringLiteral("-n"), QStringLiteral("tta-{to_stage}")}));
    QCOMPARE(p.deploy.rollback.at(2), QStringLiteral("undo"));
    QCOMPARE(p.deploy.aiContext.at(4),
             QStringLiteral("Component {component} promoted from {from_stage} to {to_stage}. "
                            "Coverage: {coverage}%. All quality gates passed."));
    QCOMPARE(p.deploy.aiContext.last(), QStringLiteral("1.0"));
    QCOMPARE(p.deploy.timeoutSeconds, 600);

    QCOMPARE(p.validation.smoke.mid(0, 3),
             (QStringList{QStringLiteral("pytest"), QStringLiteral("tests/smoke/"),
                          QStringLiteral("--env={to_stage}")}));
    QVERIFY(p.validation.smokePython);
    QCOMPARE(p.validation.healthUrl, QStringLiteral("https://{to_stage}.tta.dev/health"));
    QCOMPARE(p.validation.statusUrl,
             QStringLiteral("https://{to_stage}.tta.dev/api/v1/status/{component}"));
    QCOMPARE(p.validation.metricsUrl, QStringLiteral("https://{to_stage}.tta.dev/metrics"));
    QCOMPARE(p.validation.intervalSeconds, 60);
    QCOMPARE(p.validation.windowSeconds, 300);
    QCOMPARE(p.validation.requestTimeoutSeconds, 10);
    QCOMPARE(p.validation.errorRateMax, 1.0);           // rollback trigger: error rate > 1 %
    QCOMPARE(p.validation.latencyDegradationMax, 20.0); // performance degradation > 20 %
    QCOMPARE(p.validation.requestsMetric, QStringLiteral("http_requests_total"));
    QCOMPARE(p.validation.latencyHistogram, QStringLiteral("http_request_duration_seconds"));

    QVERIFY(p.tracking.repository.isEmpty());
    QCOMPARE(p.tracking.labels, (QStringList{QStringLiteral("component:{component}"),
                                             QStringLiteral("target:{to_stage}")}));
    QCOMPARE(p.tracking.project, QStringLiteral("TTA Component Maturity"));
    QCOMPARE(p.tracking.apiUrl, QStringLiteral("https://api.github.com"));
    QCOMPARE(p.tracking.graphqlUrl, QStringLiteral("https://api.github.com/graphql"));
    QVERIFY(p.tracking.projectOwner.isEmpty());
    QCOMPARE(p.tracking.statusField, QStringLiteral("Status"));
    QVERIFY(p.tracking.approvers.isEmpty());
    QVERIFY(p.tracking.rollbackPlan.startsWith(
        QStringLiteral("1. Stop traffic to the new version.\n")));
    QVERIFY(p.tracking.rollbackPlan.contains(
        QStringLiteral("kubectl rollout undo deployment/{component} -n tta-{to_stage}")));
    QCOMPARE(p.metadata.versionBump, QStringLiteral("none"));
    QVERIFY(p.metadata.updateReadme);
}

void TestPolicyLoader::overrideChangesOnlyGivenKeys()
{
    const PolicyLoadResult def = PolicyLoader::loadDefault();
    const PolicyLoadResult r =
        PolicyLoader::loadFromFile(fixture(QStringLiteral("override-lint.yaml")));
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    const Policy &p = *r.policy;
    QCOMPARE(p.sourceFile, fixture(QStringLiteral("override-lint.yaml")));

    const GateDefinition lint = p.gates.value(QStringLiteral("lint"));
    QCOMPARE(lint.command,
             (QStringList{QStringLiteral("flake8"), QStringLiteral("src/{component}")}));
    QCOMPARE(lint.format, QStringLiteral("diagnostics-text"));
    // Keys the override does not mention keep the default's values.
    QCOMPARE(lint.title, QStringLiteral("Linting clean (ruff)"));
    QCOMPARE(lint.threshold, std::optional<double>(0));
    QCOMPARE(lint.timeoutSeconds, 300);
    QCOMPARE(lint.policyKey, QStringLiteral("gates.lint.command"));

    // Everything else is the default.
    QCOMPARE(p.gates.keys(), def.policy->gates.keys());
    QCOMPARE(p.gates.value(QStringLiteral("tests")).command,
             def.policy->gates.value(QStringLiteral("tests")).command);
    QCOMPARE(p.stageIds(), def.policy->stageIds());
    QCOMPARE(p.transitions.size(), def.policy->transitions.size());
    QCOMPARE(p.deploy.apply, def.policy->deploy.apply);
}

void TestPolicyLoader::overrideMergeRules()
{
    const PolicyLoadResult r =
        PolicyLoader::loadFromFile(fixture(QStringLiteral("override-mixed.yaml")));
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    const Policy &p = *r.policy;

    // Lists replace.
    QCOMPARE(p.stages.size(), 3);
    QCOMPARE(p.stage(QStringLiteral("development"))->coverageMin, 50.0);
    QCOMPARE(p.stage(QStringLiteral("staging"))->coverageMin, 75.5);
    QCOMPARE(p.stage(QStringLiteral("production"))->coverageMin, 90.0);
    QCOMPARE(p.transitions.size(), 1);
    const TransitionDefinition &t = p.transitions.first();
    QCOMPARE(t.gates, (QStringList{QStringLiteral("tests"), QStringLiteral("coverage"),
                                   QStringLiteral("licenses")}));
    QCOMPARE(t.criteria.size(), 2);
    QCOMPARE(t.criteria.at(1).id, QStringLiteral("licenses_ok"));
    QCOMPARE(t.criteria.at(1).provenBy, QStringList{QStringLiteral("licenses")});
    QVERIFY(!t.criteria.at(1).required);
    QVERIFY(t.criteria.at(0).required);
    QCOMPARE(t.approvals, QStringList{QStringLiteral("release_manager")});
    QCOMPARE(p.tracking.labels, QStringList{QStringLiteral("promotion")});

    // Scalars replace, maps merge key by key.
    QCOMPARE(p.pythonRunner, QStringLiteral("plain"));
    QVERIFY(!p.allowSelfApproval);
    QCOMPARE(p.environment.value(QStringLiteral("PYTHONPATH")), QStringLiteral("{workspace}/src"));
    QCOMPARE(p.environment.value(QStringLiteral("TTA_ENV")), QStringLiteral("{env:TTA_ENV:dev}"));
    const GateDefinition tests = p.gates.value(QStringLiteral("tests"));
    QCOMPARE(tests.threshold, std::optional<double>(95));
    QCOMPARE(tests.timeoutSeconds, 1200);
    QCOMPARE(tests.format, QStringLiteral("junit"));
    QCOMPARE(tests.command.first(), QStringLiteral("pytest"));
    // An explicit null unsets a value.
    QVERIFY(!p.gates.value(QStringLiteral("lint")).threshold.has_value());
    QCOMPARE(p.gates.value(QStringLiteral("lint")).format, QStringLiteral("ruff-json"));

    // New gates and roles are added next to the default's.
    QCOMPARE(p.gates.size(), 14);
    const GateDefinition licenses = p.gates.value(QStringLiteral("licenses"));
    QCOMPARE(licenses.kind, GateDefinition::Kind::Command);
    QCOMPARE(licenses.format, QStringLiteral("exit-code"));
    QCOMPARE(licenses.timeoutSeconds, 900);
    QCOMPARE(licenses.policyKey, QStringLiteral("gates.licenses.command"));
    QCOMPARE(p.roles.size(), 4);
    QCOMPARE(p.roles.value(QStringLiteral("release_manager")).title,
             QStringLiteral("Release manager approval"));
    QCOMPARE(p.roles.value(QStringLiteral("qa")).title, QStringLiteral("QA approval"));

    // "deploy:" left empty changes nothing; a partial map keeps the other keys.
    QCOMPARE(p.deploy.apply.first(), QStringLiteral("kubectl"));
    QCOMPARE(p.validation.errorRateMax, 2.5);
    QCOMPARE(p.validation.latencyDegradationMax, 20.0);
    QCOMPARE(p.validation.requestsMetric, QStringLiteral("app_requests_total"));
    QCOMPARE(p.validation.errorsMetric, QStringLiteral("http_request_errors_total"));
    QCOMPARE(p.tracking.repository, QStringLiteral("octo-org/tta"));
    QCOMPARE(p.tracking.project, QStringLiteral("TTA Component Maturity"));
    QCOMPARE(p.metadata.versionBump, QStringLiteral("minor"));
    QVERIFY(p.metadata.updateReadme);
}

void TestPolicyLoader::emptyUserFileIsTheDefault()
{
    for (const QByteArray &yaml :
         {QByteArray(), QByteArray("# only a comment\n"), QByteArray("{}\n")}) {
        const PolicyLoadResult r =
            PolicyLoader::loadFromString(yaml, QStringLiteral("promotion.yaml"));
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        QCOMPARE(r.policy->sourceFile, QStringLiteral("promotion.yaml"));
        QCOMPARE(r.policy->gates.size(), 13);
        QCOMPARE(r.policy->transitions.size(), 2);
    }
}

void TestPolicyLoader::badPolicies_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message");

    // Every row is the one and only error its file produces.
    QTest::newRow("syntax error") << "bad-syntax.yaml" << 5 << 5 << QString()
                                  << "YAML syntax error: end of sequence flow not found";
    QTest::newRow("tab indentation")
        << "bad-tab.yaml" << 4 << 2 << QString() << "YAML syntax error";
    QTest::newRow("unknown key") << "bad-unknown-key.yaml" << 4 << 5 << "gates.lint.comand"
                                 << "unknown key 'comand' (did you mean 'command'?)";
    QTest::newRow("unknown top-level key") << "bad-unknown-top-key.yaml" << 3 << 1 << "deployment"
                                           << "unknown key 'deployment' (did you mean 'deploy'?)";
    QTest::newRow("threshold 120") << "bad-threshold.yaml" << 4 << 16 << "gates.tests.threshold"
                                   << "must be a number from 0 to 100, not '120'";
    QTest::newRow("command as string")
        << "bad-command-string.yaml" << 4 << 14 << "gates.lint.command"
        << "must be a list of strings: commands are argv lists, not shell strings "
           "(write [flake8, \"src/{component}\"])";
    QTest::newRow("negative timeout")
        << "bad-negative-timeout.yaml" << 5 << 14 << "gates.typecheck.timeout"
        << "must be a positive whole number of seconds (1 to 86400), not '-5'";
    QTest::newRow("transition to unknown stage")
        << "bad-transition-stage.yaml" << 7 << 9 << "transitions[1].to"
        << "unknown stage 'prod' (did you mean 'production'?)";
    QTest::newRow("unknown placeholder")
        << "bad-placeholder.yaml" << 4 << 23 << "gates.lint.command[1]"
        << "unknown placeholder {component_name} (did you mean {component}?)";
    QTest::newRow("duplicate stage id") << "bad-duplicate-stage.yaml" << 7 << 9 << "stages[2].id"
                                        << "duplicate stage id 'staging' (first defined at line 5)";
    QTest::newRow("list for a map") << "bad-map-type.yaml" << 2 << 8 << "gates"
                                    << "must be a map of settings, not a list";
    QTest::newRow("enum") << "bad-enum.yaml" << 3 << 18 << "options.python_runner"
                          << "must be one of auto, uv, plain, not 'pip'";
    QTest::newRow("duplicate key") << "bad-duplicate-key.yaml" << 6 << 5 << "gates.lint.timeout"
                                   << "duplicate key 'timeout' (first written at line 4)";
    QTest::newRow("unknown gate in transition")
        << "bad-unknown-gate.yaml" << 5 << 36 << "transitions[0].gates[3]"
        << "unknown gate 'typechek' (did you mean 'typecheck'?)";
    QTest::newRow("coverage_min not a number")
        << "bad-coverage-min.yaml" << 8 << 19 << "stages[2].coverage_min"
        << "must be a number from 0 to 100 (percent), not 'eighty'";
    QTest::newRow("top level is a list")
        << "bad-top-level.yaml" << 2 << 1 << QString() << "the policy must be a map of settings";
    QTest::newRow("version 2")
        << "bad-version.yaml" << 2 << 10 << "version"
        << "must be 1 (the only policy version this build understands), not '2'";
    QTest::newRow("empty command") << "bad-empty-command.yaml" << 4 << 14 << "gates.lint.command"
                                   << "must not be empty (a command gate runs it)";
    QTest::newRow("derived gate without after")
        << "bad-derived-gate.yaml" << 4 << 5 << "gates.branch_coverage.after"
        << "missing required key 'after' (the gate whose output a derived gate reads)";
    QTest::newRow("proven_by a gate the transition does not run")
        << "bad-proven-by.yaml" << 7 << 56 << "transitions[0].criteria[0].proven_by[0]"
        << "gate 'e2e_tests' is not among this transition's gates, so it cannot prove this "
           "criterion";
    QTest::newRow("unknown approval role")
        << "bad-approval-role.yaml" << 6 << 28 << "transitions[0].approvals[1]"
        << "unknown role 'cto' (known: tech_lead, qa, security)";
    QTest::newRow("transition going backwards")
        << "bad-backwards-transition.yaml" << 4 << 9 << "transitions[0].to"
        << "a promotion goes to a later stage, but 'staging' does not come after 'production' in "
           "stages";
    QTest::newRow("derived gate without its input")
        << "bad-derived-input.yaml" << 5 << 13 << "transitions[0].gates[0]"
        << "gate 'coverage' reads the output of gate 'tests', which this transition does not run";
    QTest::newRow("empty list item") << "bad-empty-item.yaml" << 3 << 37 << "tracking.labels[1]"
                                     << "this list item is empty";
    QTest::newRow("unknown nested key")
        << "bad-nested-unknown-key.yaml" << 5 << 5 << "validation.metrics.requests"
        << "unknown key 'requests' (did you mean 'requests_total'?)";
    QTest::newRow("derived from a files_exist gate")
        << "bad-derived-from-files.yaml" << 4 << 12 << "gates.coverage.after"
        << "gate 'integration_tests_exist' is a files_exist gate; a derived gate reads the output "
           "of a command gate";
    QTest::newRow("kind change without the new kind's keys")
        << "bad-kind-change.yaml" << 5 << 5 << "gates.lint.paths"
        << "missing required key 'paths' (the globs that must match at least one file)";
    QTest::newRow("error rate 150")
        << "bad-error-rate.yaml" << 3 << 19 << "validation.error_rate_max"
        << "must be a number from 0 to 100 (percent), not '150'";
}

void TestPolicyLoader::badPolicies()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, key);
    QFETCH(QString, message);

    const QString path = fixture(file);
    QVERIFY2(QFileInfo::exists(path), qPrintable(path));
    const PolicyLoadResult r = PolicyLoader::loadFromFile(path);
    QVERIFY(!r.policy.has_value());
    QVERIFY(!r.ok());
    QVERIFY2(r.errors.size() == 1, qPrintable(r.errorString()));
    const PolicyError &e = r.errors.first();
    QCOMPARE(e.file, path);
    QCOMPARE(e.line, line);
    QCOMPARE(e.column, column);
    QCOMPARE(e.key, key);
    QVERIFY2(e.message.startsWith(message), qPrintable(e.toString()));
}

void TestPolicyLoader::notTextAndTabsAreNamed()
{
    // A byte that is not UTF-8 (Latin-1 'é'), and a NUL: named where they are.
    for (const QByteArray &yaml : {QByteArray("version: 1\n# ok\nextra: \"caf\xe9\"\n"),
                                   QByteArray("version: 1\n# ok\nextra: \"caf\0\"\n", 30)}) {
        const PolicyLoadResult r =
            PolicyLoader::loadFromString(yaml, QStringLiteral("promotion.yaml"));
        QVERIFY2(r.errors.size() == 1, qPrintable(r.errorString()));
        QCOMPARE(r.errors.first().line, 3);
        QCOMPARE(r.errors.first().column, 12);
        QVERIFY2(r.errors.first().message.startsWith(QLatin1String("not UTF-8 text")),
                 qPrintable(r.errorString()));
    }
    // Tab indentation: the syntax error says what is wrong with the line.
    const PolicyLoadResult tab =
        PolicyLoader::loadFromFile(fixture(QStringLiteral("bad-tab.yaml")));
    QVERIFY(!tab.ok());
    QVERIFY2(tab.errorString().contains(QLatin1String("indented with a tab")),
             qPrintable(tab.errorString()));
    // Values and keys quoted in a message keep no control character (a terminal escape).
    for (const char *yaml :
         {"version: 1\nstages: \"\x1b[31mred\"\n", "version: 1\n\"\x1b[31mred\": 1\n",
          "version: 1\ngates:\n  \"l\x1b[31mint\":\n    command: [a]\n"}) {
        const PolicyLoadResult escape =
            PolicyLoader::loadFromString(yaml, QStringLiteral("promotion.yaml"));
        QVERIFY(!escape.ok());
        const QString said = escape.errorString();
        QVERIFY2(said.contains(QLatin1String("[31m")), qPrintable(said));
        QVERIFY2(!said.contains(QChar(0x1b)), qPrintable(said));
    }
}

void TestPolicyLoader::collectsAllErrors()
{
    const QString path = fixture(QStringLiteral("bad-many.yaml"));
    const PolicyLoadResult r = PolicyLoader::loadFromFile(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.size(), 3);
    QCOMPARE(r.errors.at(0).line, 5);
    QCOMPARE(r.errors.at(0).key, QStringLiteral("gates.tests.threshold"));
    QCOMPARE(r.errors.at(1).line, 7);
    QCOMPARE(r.errors.at(1).key, QStringLiteral("gates.lint.command"));
    QVERIFY(r.errors.at(1).message.contains(QStringLiteral("(write [ruff, check, src])")));
    QCOMPARE(r.errors.at(2).line, 9);
    QCOMPARE(r.errors.at(2).key, QStringLiteral("options.allow_self_approval"));
    QCOMPARE(r.errors.at(2).message, QStringLiteral("must be true or false, not 'maybe'"));
    for (const PolicyError &e : r.errors)
        QCOMPARE(e.file, path);
}

void TestPolicyLoader::renamedStagesBreakTheDefaultTransitions()
{
    // The user's stages are fine on their own, but the default's transitions
    // still name the old stages: those errors point into the built-in policy
    // and say what to override.
    const PolicyLoadResult r =
        PolicyLoader::loadFromFile(fixture(QStringLiteral("stages-renamed.yaml")));
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.size(), 4);
    const QStringList keys{
        QStringLiteral("transitions[0].from"), QStringLiteral("transitions[0].to"),
        QStringLiteral("transitions[1].from"), QStringLiteral("transitions[1].to")};
    for (int i = 0; i < 4; ++i) {
        const PolicyError &e = r.errors.at(i);
        QCOMPARE(e.file, PolicyLoader::builtinPolicyPath());
        QCOMPARE(e.key, keys.at(i));
        QVERIFY(e.line > 0);
        QVERIFY2(
            e.message.contains(QStringLiteral(
                "[in the built-in default policy; redefine 'transitions' in stages-renamed.yaml]")),
            qPrintable(e.toString()));
    }
    QVERIFY2(r.errors.at(0).message.startsWith(
                 QStringLiteral("unknown stage 'development' (did you mean 'dev'?)")),
             qPrintable(r.errors.at(0).message));
    // The line is the default's "from: development" line.
    const QList<QByteArray> lines = PolicyLoader::builtinPolicyYaml().split('\n');
    QVERIFY(lines.at(r.errors.at(0).line - 1).contains("from: development"));
}

void TestPolicyLoader::errorToString()
{
    const PolicyLoadResult r = PolicyLoader::loadFromString(
        QByteArrayLiteral("# my policy\n\ngates:\n  lint:\n    command: flake8\n"),
        QStringLiteral("promotion.yaml"));
    QCOMPARE(r.errors.size(), 1);
    QCOMPARE(r.errors.first().toString(),
             QStringLiteral("promotion.yaml:5:14: gates.lint.command: must be a list of strings: "
                            "commands are argv lists, not shell strings (write [flake8])"));
    QCOMPARE(r.errorString(), r.errors.first().toString());

    const PolicyError noLine{QStringLiteral("promotion.yaml"), 0, 0, QString(),
                             QStringLiteral("cannot read")};
    QCOMPARE(noLine.toString(), QStringLiteral("promotion.yaml: cannot read"));
}

void TestPolicyLoader::workspacePolicyIsPickedUp()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("promotion.yaml"));
    QVERIFY(writeFile(path, readFile(fixture(QStringLiteral("override-lint.yaml")))));

    const PolicyLoadResult r = PolicyLoader::loadForWorkspace(dir.path());
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    QCOMPARE(QFileInfo(r.policy->sourceFile).canonicalFilePath(),
             QFileInfo(path).canonicalFilePath());
    QCOMPARE(r.policy->gates.value(QStringLiteral("lint")).command.first(),
             QStringLiteral("flake8"));
    QCOMPARE(r.policy->gates.value(QStringLiteral("typecheck")).command.first(),
             QStringLiteral("pyright"));
}

void TestPolicyLoader::workspaceWithoutPolicyUsesDefault()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const PolicyLoadResult r = PolicyLoader::loadForWorkspace(dir.path());
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    QVERIFY(r.policy->sourceFile.isEmpty());
    QCOMPARE(r.policy->gates.value(QStringLiteral("lint")).command.first(), QStringLiteral("ruff"));
}

void TestPolicyLoader::workspaceMisnamedPolicyIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("promotion.yml")), "version: 1\n"));
    const PolicyLoadResult r = PolicyLoader::loadForWorkspace(dir.path());
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.size(), 1);
    QVERIFY(r.errors.first().file.endsWith(QStringLiteral("promotion.yml")));
    QVERIFY(r.errors.first().message.contains(QStringLiteral("promotion.yaml")));
}

void TestPolicyLoader::workspaceBadPolicyIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("promotion.yaml"));
    QVERIFY(writeFile(path, readFile(fixture(QStringLiteral("bad-threshold.yaml")))));
    const PolicyLoadResult r = PolicyLoader::loadForWorkspace(dir.path());
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.size(), 1);
    QCOMPARE(QFileInfo(r.errors.first().file).canonicalFilePath(),
             QFileInfo(path).canonicalFilePath());
    QCOMPARE(r.errors.first().line, 4);
}

void TestPolicyLoader::missingWorkspace()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const PolicyLoadResult r = PolicyLoader::loadForWorkspace(dir.filePath(QStringLiteral("nope")));
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.size(), 1);

    const PolicyLoadResult missing =
        PolicyLoader::loadFromFile(dir.filePath(QStringLiteral("none.yaml")));
    QVERIFY(!missing.ok());
    QVERIFY(
        missing.errors.first().message.startsWith(QStringLiteral("cannot read the policy file")));
}

void TestPolicyLoader::hostileInput_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("message");

    QTest::newRow("alias cycle") << QByteArray("gates: &x [*x]\n") << "nests deeper than";
    QByteArray laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
        const char prev = char(c - 1);
        laughs += QByteArray(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev +
                  ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" +
                  prev + ", *" + prev + "]\n";
    }
    QTest::newRow("billion laughs") << laughs << "the document is too large";
    QTest::newRow("deep nesting") << (QByteArray(200, '[') + QByteArray(200, ']'))
                                  << "nests deeper than";
    QTest::newRow("very deep nesting")
        << (QByteArray(100000, '[') + QByteArray(100000, ']')) << "YAML syntax error";
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\xfe{[\x00", 8) << "";
    QTest::newRow("invalid utf-8 key") << QByteArray("gat\xc3\x28s: {}\n") << "not UTF-8 text";
    QTest::newRow("map as key") << QByteArray("? {a: 1}\n: 2\n") << "keys must be plain names";
    QTest::newRow("value after value") << QByteArray("version: 1: 2\n") << "YAML syntax error";
    QTest::newRow("unclosed flow map") << QByteArray("gates: {lint: {}\n") << "YAML syntax error";
}

void TestPolicyLoader::hostileInput()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, message);
    const PolicyLoadResult r = PolicyLoader::loadFromString(yaml, QStringLiteral("promotion.yaml"));
    QVERIFY(!r.ok());
    QVERIFY(!r.errors.isEmpty());
    bool found = false;
    for (const PolicyError &e : r.errors) {
        QCOMPARE(e.file, QStringLiteral("promotion.yaml"));
        found = found || e.message.contains(message);
    }
    QVERIFY2(found, qPrintable(r.errorString()));
}

void TestPolicyLoader::oversizedFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("promotion.yaml"));
    QVERIFY(writeFile(path, "# " + QByteArray(qsizetype(2) * 1024 * 1024, 'x') + "\n"));
    const PolicyLoadResult r = PolicyLoader::loadFromFile(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.size(), 1);
    QVERIFY(r.errors.first().message.contains(QStringLiteral("larger than")));
}

void TestPolicyLoader::placeholders_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("problems");

    const auto none = QStringList();
    QTest::newRow("plain") << "src/tests" << none;
    QTest::newRow("all known") << "{workspace}{component}{from_stage}{to_stage}{stage}{artifacts}{"
                                  "run_id}{date}{coverage}{version}"
                               << none;
    QTest::newRow("env") << "{env:HOME}/x" << none;
    QTest::newRow("env with default") << "{env:TTA_URL:https://x.example/a:b}" << none;
    QTest::newRow("env empty default") << "{env:TTA_URL:}" << none;
    QTest::newRow("escaped braces") << "up{{job=\"{component}\"}}" << none;
    QTest::newRow("unknown") << "{foo}"
                             << QStringList{QStringLiteral(
                                    "unknown placeholder {foo}; known placeholders: {workspace} "
                                    "{component} {from_stage} {to_stage} {stage} {artifacts} "
                                    "{run_id} {date} {coverage} {version} {previous_revision} {rollback_reason} {env:NAME} "
                                    "{env:NAME:default}")};
    QTest::newRow("typo") << "{to_stgae}"
                          << QStringList{QStringLiteral(
                                 "unknown placeholder {to_stgae} (did you mean {to_stage}?)")};
    QTest::newRow("seed spelling")
        << "{target_stage}"
        << QStringList{
               QStringLiteral("unknown placeholder {target_stage} (did you mean {to_stage}?)")};
    QTest::newRow("bad env name")
        << "{env:1X}"
        << QStringList{
               QStringLiteral("invalid environment variable name in placeholder {env:1X} (write "
                              "{env:NAME} or {env:NAME:default})")};
    QTest::newRow("lone close")
        << "a}b"
        << QStringList{
               QStringLiteral("unmatched '}' at character 2; write '}}' for a literal brace")};
    QTest::newRow("unterminated")
        << "x{component"
        << QStringList{QStringLiteral(
               "unterminated placeholder at character 2; write '{{' for a literal brace")};
    QTest::newRow("nested")
        << "{a{component}}"
        << QStringList{
               QStringLiteral(
                   "'{' inside placeholder {a{component}; write '{{' for a literal brace"),
               QStringLiteral("unmatched '}' at character 14; write '}}' for a literal brace")};
    QTest::newRow("two problems")
        << "{component_nme}/{to_stgae}"
        << QStringList{
               QStringLiteral("unknown placeholder {component_nme} (did you mean {component}?)"),
               QStringLiteral("unknown placeholder {to_stgae} (did you mean {to_stage}?)")};
    QTest::newRow("argument to a plain placeholder")
        << "{date:%Y}"
        << QStringList{QStringLiteral("unknown placeholder {date:%Y} (did you mean {date}?)")};
}

void TestPolicyLoader::placeholders()
{
    QFETCH(QString, text);
    QFETCH(QStringList, problems);
    QCOMPARE(PolicyValidator::placeholderProblems(text), problems);
}

void TestPolicyLoader::closestMatch_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QStringList>("candidates");
    QTest::addColumn<QString>("expected");

    const QStringList keys{QStringLiteral("command"), QStringLiteral("threshold"),
                           QStringLiteral("timeout"), QStringLiteral("title")};
    QTest::newRow("typo") << "comand" << keys << "command";
    QTest::newRow("swap") << "thresold" << keys << "threshold";
    QTest::newRow("case") << "Timeout" << keys << "timeout";
    QTest::newRow("far") << "banana" << keys << "";
    QTest::newRow("exact is no suggestion") << "title" << keys << "";
    QTest::newRow("prefix") << "deployment"
                            << QStringList{QStringLiteral("deploy"), QStringLiteral("gates")}
                            << "deploy";
    QTest::newRow("empty candidates") << "x" << QStringList() << "";
}

void TestPolicyLoader::closestMatch()
{
    QFETCH(QString, word);
    QFETCH(QStringList, candidates);
    QFETCH(QString, expected);
    QCOMPARE(PolicyValidator::closestMatch(word, candidates), expected);
}

void TestPolicyLoader::pathSettings_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message"); // empty: accepted

    const QByteArray head = "version: 1\ngates:\n";
    QTest::newRow("absolute result_file")
        << QByteArray(head + "  tests:\n    result_file: /tmp/x/victim.txt\n") << 4
        << "gates.tests.result_file" << "must be inside the workspace or the run's artifacts";
    QTest::newRow("dot-dot result_file")
        << QByteArray(head + "  tests:\n    result_file: ../../victim2.txt\n") << 4
        << "gates.tests.result_file" << "leads outside with '..'";
    QTest::newRow("artifacts then dot-dot")
        << QByteArray(head + "  tests:\n    result_file: \"{artifacts}/../../../../x\"\n") << 4
        << "gates.tests.result_file" << "leads outside with '..'";
    QTest::newRow("home result_file") << QByteArray(head + "  tests:\n    result_file: ~/x.xml\n") << 4
                                      << "gates.tests.result_file"
                                      << "must be inside the workspace or the run's artifacts";
    QTest::newRow("absolute file source")
        << QByteArray(head + "  uptime_7d:\n    source: {type: file, path: /etc/passwd, min: 1}\n") << 4
        << "gates.uptime_7d.source.path" << "must be inside the workspace or the run's artifacts";
    QTest::newRow("dot-dot file source")
        << QByteArray(head + "  uptime_7d:\n    source: {type: file, path: ops/../../up.json, min: 1}\n")
        << 4 << "gates.uptime_7d.source.path" << "leads outside with '..'";
    QTest::newRow("dot-dot files_exist glob")
        << QByteArray(head + "  integration_tests_exist:\n    paths: [\"tests/*.py\", \"../**/*.py\"]\n")
        << 4 << "gates.integration_tests_exist.paths[1]" << "leads outside with '..'";
    QTest::newRow("inside is fine")
        << QByteArray(head + "  tests:\n    result_file: \"{artifacts}/junit.xml\"\n"
                  "  uptime_7d:\n    source: {type: file, path: ops/x/../up.json, min: 1}\n")
        << 0 << QString() << QString();
}

void TestPolicyLoader::pathSettings()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(QString, key);
    QFETCH(QString, message);
    const PolicyLoadResult r = PolicyLoader::loadFromString(yaml, QStringLiteral("promotion.yaml"));
    if (message.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        return;
    }
    QVERIFY2(r.errors.size() == 1, qPrintable(r.errorString()));
    const PolicyError &e = r.errors.first();
    QCOMPARE(e.file, QStringLiteral("promotion.yaml"));
    QCOMPARE(e.line, line);
    QCOMPARE(e.key, key);
    QVERIFY2(e.message.contains(message), qPrintable(e.toString()));
}

void TestPolicyLoader::skipOptions_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message"); // empty: accepted

    QTest::newRow("allowed stages")
        << QByteArray("options:\n  allow_skip_quality_gates: [development]\n") << QString()
        << QString();
    QTest::newRow("unknown stage")
        << QByteArray("options:\n  allow_skip_quality_gates: [prod]\n")
        << "options.allow_skip_quality_gates[0]" << "unknown stage 'prod'";
    QTest::newRow("not a list") << QByteArray("options:\n  allow_skip_quality_gates: true\n")
                                << "options.allow_skip_quality_gates" << "must be a list";
    QTest::newRow("unknown role") << QByteArray("options:\n  skip_approval_role: cto\n")
                                  << "options.skip_approval_role" << "unknown role 'cto'";
    QTest::newRow("no approval") << QByteArray("options:\n  skip_approval_role: \"\"\n")
                                 << QString() << QString();
}

void TestPolicyLoader::skipOptions()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, key);
    QFETCH(QString, message);
    const PolicyLoadResult r =
        PolicyLoader::loadFromString("version: 1\n" + yaml, QStringLiteral("promotion.yaml"));
    if (message.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        return;
    }
    QVERIFY2(r.errors.size() == 1, qPrintable(r.errorString()));
    QCOMPARE(r.errors.first().key, key);
    QVERIFY2(r.errors.first().message.contains(message), qPrintable(r.errors.first().toString()));
}

void TestPolicyLoader::trackingKeys_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message"); // empty: accepted

    QTest::newRow("GHE api_url") << QByteArray("tracking:\n  api_url: https://ghe.example.com/api/v3\n")
                                 << QString() << 0 << QString();
    QTest::newRow("api_url not http")
        << QByteArray("tracking:\n  api_url: ftp://ghe.example.com\n") << "tracking.api_url" << 3
        << "must be an http:// or https:// URL";
    QTest::newRow("graphql_url not http")
        << QByteArray("tracking:\n  graphql_url: ghe.example.com/graphql\n") << "tracking.graphql_url" << 3
        << "must be an http:// or https:// URL";
    QTest::newRow("project_owner with a slash")
        << QByteArray("tracking:\n  project_owner: octo-org/tta\n") << "tracking.project_owner" << 3
        << "must be the login of the organization or user";
    QTest::newRow("status_field a list")
        << QByteArray("tracking:\n  status_field: [Status]\n") << "tracking.status_field" << 3
        << "must be";
    QTest::newRow("approvers list") << QByteArray("tracking:\n  approvers: [alice]\n")
                                    << "tracking.approvers" << 3 << "must be a map";
    QTest::newRow("approver not a login")
        << QByteArray("tracking:\n  approvers:\n    qa: [alice, \"bob smith\"]\n")
        << "tracking.approvers.qa[1]" << 4 << "'bob smith' is not a GitHub login or @org/team";
    QTest::newRow("team without slug")
        << QByteArray("tracking:\n  approvers:\n    qa: [\"@octo-org\"]\n") << "tracking.approvers.qa[0]"
        << 4 << "is not a GitHub login or @org/team";
    QTest::newRow("approvers role a string")
        << QByteArray("tracking:\n  approvers:\n    qa: alice\n") << "tracking.approvers.qa" << 4
        << "must be a list of strings";
    QTest::newRow("unknown tracking key")
        << QByteArray("tracking:\n  status_feild: Status\n") << "tracking.status_feild" << 3
        << "unknown key 'status_feild' (did you mean 'status_field'?)";
}

void TestPolicyLoader::trackingKeys()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, key);
    QFETCH(int, line);
    QFETCH(QString, message);
    const PolicyLoadResult r =
        PolicyLoader::loadFromString("version: 1\n" + yaml, QStringLiteral("promotion.yaml"));
    if (message.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        return;
    }
    QVERIFY2(r.errors.size() == 1, qPrintable(r.errorString()));
    const PolicyError &e = r.errors.first();
    QCOMPARE(e.file, QStringLiteral("promotion.yaml"));
    QCOMPARE(e.key, key);
    QCOMPARE(e.line, line);
    QVERIFY2(e.message.contains(message), qPrintable(e.toString()));
}

void TestPolicyLoader::trackingValues()
{
    const PolicyLoadResult r = PolicyLoader::loadFromString(
        "version: 1\n"
        "tracking:\n"
        "  repository: octo-org/tta\n"
        "  api_url: https://ghe.example.com/api/v3/\n"
        "  project_owner: octo-org\n"
        "  status_field: Maturity\n"
        "  approvers:\n"
        "    qa: [qa-quinn, \"@octo-org/qa\"]\n"
        "    security: [\"@octo-org/security\"]\n",
        QStringLiteral("promotion.yaml"));
    QVERIFY2(r.ok(), qPrintable(r.errorString()));
    const TrackingPolicy &t = r.policy->tracking;
    QCOMPARE(t.apiUrl, QStringLiteral("https://ghe.example.com/api/v3/"));
    QCOMPARE(t.graphqlUrl, QStringLiteral("https://ghe.example.com/api/graphql"));
    QCOMPARE(t.projectOwner, QStringLiteral("octo-org"));
    QCOMPARE(t.statusField, QStringLiteral("Maturity"));
    QCOMPARE(t.approvers.value(QStringLiteral("qa")),
             (QStringList{QStringLiteral("qa-quinn"), QStringLiteral("@octo-org/qa")}));
    QCOMPARE(t.approvers.value(QStringLiteral("security")), QStringList{QStringLiteral("@octo-org/security")});
    QCOMPARE(t.project, QStringLiteral("TTA Component Maturity"));

    const PolicyLoadResult set = PolicyLoader::loadFromString(
        "version: 1\ntracking:\n  graphql_url: https://gql.example.com/graphql\n",
        QStringLiteral("promotion.yaml"));
    QVERIFY2(set.ok(), qPrintable(set.errorString()));
    QCOMPARE(set.policy->tracking.graphqlUrl, QStringLiteral("https://gql.example.com/graphql"));
}

QTEST_GUILESS_MAIN(TestPolicyLoader)
#include "tst_policyloader.moc"
