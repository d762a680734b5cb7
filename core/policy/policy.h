// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/policyerror.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Promotion {

/*! \brief One maturity stage and the coverage it demands. */
struct StageDefinition
{
    QString id;            //!< development, staging, production
    double coverageMin = 0; //!< percent, 0..100
};

/*! \brief Where a gate that no tool can measure gets its value from. */
struct DataSource
{
    enum class Type { None, Http, Prometheus, File, RollbackDrill };
    Type type = Type::None; //!< None: a person must attest
    QString url;            //!< Http, Prometheus (server base URL)
    QString query;          //!< Prometheus (instant query, first sample's value is used)
    QString path;           //!< File (workspace-relative JSON or plain number)
    QString jsonPointer;    //!< Http, File: RFC 6901 pointer to a number; empty: body is a number
    std::optional<double> min;
    std::optional<double> max;
    int maxAgeDays = 0;     //!< RollbackDrill: newest drill must be younger than this
};

/*! \brief A quality gate, as the policy describes it. */
struct GateDefinition
{
    enum class Kind {
        Command,    //!< run a tool, parse its output
        Derived,    //!< parse an artifact another gate produced (coverage from the test run)
        FilesExist, //!< one or more files match the globs
        Metric,     //!< value from a DataSource, or a person's attestation
        Attestation //!< always a person's attestation
    };
    QString id;
    QString title;
    Kind kind = Kind::Command;
    QStringList command;   //!< argv; placeholders substituted per argument
    bool python = false;   //!< run through `uv run` or with src/ on PYTHONPATH
    QString after;         //!< Derived: id of the gate whose artifact is parsed
    QString format;        //!< junit, cobertura, coverage-json, sarif, ruff-json, pyright-json,
                           //!< detect-secrets-json, diagnostics-text, exit-code
    QString resultFile;    //!< empty: parse stdout
    std::optional<double> threshold; //!< tests: min % passing; coverage: min % (default: stage);
                                     //!< findings: max count
    QStringList paths;     //!< FilesExist globs, workspace-relative
    DataSource source;     //!< Metric
    int timeoutSeconds = 900;
    QString versionCommand; //!< argument used to ask the tool its version (default --version)
    QString policyKey;     //!< e.g. "gates.lint.command", for error messages
};

/*! \brief One item of the promotion criteria checklist. */
struct CriterionDefinition
{
    QString id;
    QString text;
    QStringList provenBy; //!< gate ids whose pass proves this criterion
    bool required = true;
};

/*! \brief What it takes to go from one stage to the next. */
struct TransitionDefinition
{
    QString from;
    QString to;
    QStringList gates;
    QList<CriterionDefinition> criteria;
    QStringList approvals; //!< role ids
};

struct ApprovalRole
{
    QString id;
    QString title;
};

struct DeployPolicy
{
    QStringList apply;
    QStringList rolloutStatus;
    QStringList rollback;
    QStringList aiContext;         //!< optional
    QStringList aiContextRollback; //!< optional: the note recorded after a rollback
    /*! Prints the deployed revision number (kubectl get … -o jsonpath=…revision); optional.
     *  With it, rollback goes back to exactly the revision that served before the apply. */
    QStringList revision;
    int timeoutSeconds = 600;
    /*! A deploy that still fails after its retries is rolled back (what this run changed). */
    bool rollbackOnFailure = true;
};

/*! \brief Exponential backoff for transient failures of one target stage (retry.stages.X). */
struct RetrySettings
{
    int retries = 0;               //!< attempts after the first
    double baseDelaySeconds = 1.0; //!< wait before the first retry
    double factor = 2.0;           //!< each wait is the previous one times this
    double maxDelaySeconds = 10.0; //!< cap of one wait
    bool jitter = true;            //!< each wait drawn from [wait/2, wait]
};

/*! \brief Which failures are worth another attempt (retry.transient). */
struct TransientPolicy
{
    QList<int> exitCodes;       //!< a command's exit codes
    QStringList outputPatterns; //!< case-insensitive regular expressions over a command's output
    QList<int> httpStatus;      //!< HTTP statuses; connection errors are always transient
};

struct RetryPolicy
{
    QMap<QString, RetrySettings> stages; //!< by target stage id
    TransientPolicy transient;
    /*! The settings for target \a stage; none (no retries) when the policy names none. */
    RetrySettings forStage(const QString &stage) const { return stages.value(stage); }
};

struct ValidationPolicy
{
    QStringList smoke;
    bool smokePython = true;
    /*! Target stages whose promotion stops before the deploy when no baseline can be measured. */
    QStringList requireBaseline{QStringLiteral("production")};
    QString healthUrl;
    QString statusUrl;
    QString metricsUrl;
    int intervalSeconds = 60;
    int windowSeconds = 300;
    int requestTimeoutSeconds = 10;
    double errorRateMax = 1.0;          //!< percent
    double latencyDegradationMax = 20.0; //!< percent above baseline p95
    QString requestsMetric = QStringLiteral("http_requests_total");
    QString errorsMetric = QStringLiteral("http_request_errors_total");
    QString latencyHistogram = QStringLiteral("http_request_duration_seconds");
    /*! A Prometheus server to take the window's error rate and p95 from (validation.prometheus
     *  .url); empty: scrape metricsUrl. Queries are PromQL templates. */
    QString prometheusUrl;
    QString prometheusErrorRatio; //!< errors / requests, a ratio
    QString prometheusP95Seconds; //!< p95 latency in seconds
    /*! Streams the deployment's log for the verification window (kubectl logs -f). */
    QStringList logs;
    /*! A log line matching this (case-sensitive) is an error: "No errors in logs". */
    QString logErrorPattern = QStringLiteral("\\b(ERROR|CRITICAL|FATAL|PANIC)\\b");
    int logErrorsMax = 0; //!< more error lines than this fail the check
    /*! Prints CPU and memory per pod (kubectl top pods), sampled at the window's start and end. */
    QStringList top;
};

struct TrackingPolicy
{
    QString repository; //!< owner/name; empty: the issue body stays in the run directory
    QStringList labels;
    QString project;    //!< Projects v2 board title; empty: no board move
    QString rollbackPlan;
    /*! REST base: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server. */
    QString apiUrl = QStringLiteral("https://api.github.com");
    /*! GraphQL endpoint; derived from apiUrl when not set (…/api/v3 → …/api/graphql). */
    QString graphqlUrl;
    QString projectOwner;                       //!< org or user login that owns the board
    QString statusField = QStringLiteral("Status"); //!< single-select field set to the target stage
    int pollSeconds = 30; //!< how often step 4 reads the issue while approvals are missing
    /*! Role id → GitHub logins or "@org/team"; a role not listed is open to anyone. */
    QMap<QString, QStringList> approvers;

    /*! The GraphQL URL that belongs to REST base \a apiUrl. */
    static QString graphqlUrlFor(const QString &apiUrl);
};

/*! \brief Where people watch the service (policy monitoring). */
struct MonitoringPolicy
{
    /*! Dashboard of the component (Grafana); a template. The run links it with the
     *  verification window's time range (from/to in ms, Grafana's URL parameters). */
    QString dashboardUrl;
    /*! Hours after a promotion its follow-up check is due (`follow-up`); 0: none. */
    int followUpHours = 24;
};

struct MetadataPolicy
{
    QString versionBump = QStringLiteral("none"); //!< none, patch, minor, major
    bool updateReadme = true;
    bool updateSpec = true; //!< the specification gets "**Promoted to <stage>:** <date>"
    /*! Runbook that gets a promotion entry (created from a template if missing); a template. */
    QString runbook = QStringLiteral("docs/runbooks/{component}.md");
    QStringList runbookStages{QStringLiteral("production")}; //!< target stages that write it
};

/*!
 * \brief The whole promotion policy: the built-in default (the seed workflow)
 * with the workspace's promotion.yaml merged over it.
 */
struct Policy
{
    int version = 1;
    QList<StageDefinition> stages;
    bool allowStageSkip = false;
    bool allowSelfApproval = false;
    QString pythonRunner = QStringLiteral("auto"); //!< auto, uv, plain
    int maxParallelGates = 0;                      //!< 0: number of cores
    /*! Target stages a promotion may skip the quality gates for (options.allow_skip_quality_gates). */
    QStringList allowSkipQualityGates;
    /*! Role whose approval (not the promoter's) a skip needs (options.skip_approval_role). */
    QString skipApprovalRole;
    QMap<QString, QString> environment;            //!< extra env for every command
    QMap<QString, GateDefinition> gates;
    QList<TransitionDefinition> transitions;
    QMap<QString, ApprovalRole> roles;
    DeployPolicy deploy;
    ValidationPolicy validation;
    TrackingPolicy tracking;
    MetadataPolicy metadata;
    RetryPolicy retry;
    MonitoringPolicy monitoring;
    QString sourceFile; //!< promotion.yaml path, or empty for the built-in default
    /*! Where the path settings were written (file, line, column; key as in PolicyError),
     *  by key: "gates.tests.result_file", "gates.x.source.path", "gates.y.paths[0]". */
    QHash<QString, PolicyError> locations;

    const StageDefinition *stage(const QString &id) const;
    int stageIndex(const QString &id) const;
    /*! The transition from \a from to \a to, or nullptr. */
    const TransitionDefinition *transition(const QString &from, const QString &to) const;
    QStringList stageIds() const;
};

} // namespace Promotion
