// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyloader.h"

#include "policynode.h"
#include "policyvalidator.h"

#include <algorithm>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Promotion {

namespace {

// A policy is a few kilobytes; anything this big is not one.
constexpr qint64 MaxPolicyFileSize = qint64(1024) * 1024;

const PolicyNode &emptyNode()
{
    static const PolicyNode empty;
    return empty;
}

/* Typed reads of a merged, validated tree: a missing or empty key gives the default. */
class Reader
{
public:
    explicit Reader(const PolicyNode &map)
        : m_map(map)
    {
    }

    Reader sub(const QString &key) const
    {
        const PolicyNode *n = m_map.child(key);
        return Reader(n ? *n : emptyNode());
    }

    const PolicyNode *node(const QString &key) const
    {
        const PolicyNode *n = m_map.child(key);
        return n && !n->isNull() ? n : nullptr;
    }

    QString string(const QString &key, const QString &fallback = {}) const
    {
        const PolicyNode *n = node(key);
        return n && n->isScalar() ? n->scalar : fallback;
    }

    bool boolean(const QString &key, bool fallback) const
    {
        const QString s = string(key).toLower();
        if (s == u"true" || s == u"yes" || s == u"on")
            return true;
        if (s == u"false" || s == u"no" || s == u"off")
            return false;
        return fallback;
    }

    int integer(const QString &key, int fallback) const
    {
        bool ok = false;
        const int v = string(key).toInt(&ok);
        return ok ? v : fallback;
    }

    std::optional<double> optionalNumber(const QString &key) const
    {
        bool ok = false;
        const double v = string(key).toDouble(&ok);
        return ok ? std::optional<double>(v) : std::nullopt;
    }

    double number(const QString &key, double fallback) const
    {
        return optionalNumber(key).value_or(fallback);
    }

    QStringList list(const QString &key) const
    {
        QStringList out;
        if (const PolicyNode *n = node(key); n && n->isSequence()) {
            for (const PolicyNode &item : n->children)
                out << item.scalar;
        }
        return out;
    }

    const PolicyNode &map() const { return m_map; }

private:
    const PolicyNode &m_map;
};

GateDefinition::Kind gateKind(const QString &kind)
{
    if (kind == u"derived")
        return GateDefinition::Kind::Derived;
    if (kind == u"files_exist")
        return GateDefinition::Kind::FilesExist;
    if (kind == u"metric")
        return GateDefinition::Kind::Metric;
    if (kind == u"attestation")
        return GateDefinition::Kind::Attestation;
    return GateDefinition::Kind::Command;
}

DataSource::Type sourceType(const QString &type)
{
    if (type == u"http")
        return DataSource::Type::Http;
    if (type == u"prometheus")
        return DataSource::Type::Prometheus;
    if (type == u"file")
        return DataSource::Type::File;
    if (type == u"rollback_drill")
        return DataSource::Type::RollbackDrill;
    return DataSource::Type::None;
}

/* The setting a user edits to fix this gate, named in gate errors. */
QString gatePolicyKey(const QString &id, GateDefinition::Kind kind)
{
    QString base = QStringLiteral("gates.") + id;
    switch (kind) {
    case GateDefinition::Kind::Command:
        return base + QStringLiteral(".command");
    case GateDefinition::Kind::Derived:
        return base + QStringLiteral(".result_file");
    case GateDefinition::Kind::FilesExist:
        return base + QStringLiteral(".paths");
    case GateDefinition::Kind::Metric:
        return base + QStringLiteral(".source");
    case GateDefinition::Kind::Attestation:
        break;
    }
    return base;
}

GateDefinition toGate(const QString &id, const Reader &g)
{
    GateDefinition gate;
    gate.id = id;
    gate.title = g.string(QStringLiteral("title"), id);
    gate.kind = gateKind(g.string(QStringLiteral("kind"), QStringLiteral("command")));
    gate.command = g.list(QStringLiteral("command"));
    gate.python = g.boolean(QStringLiteral("python"), false);
    gate.after = g.string(QStringLiteral("after"));
    gate.format = g.string(QStringLiteral("format"));
    gate.resultFile = g.string(QStringLiteral("result_file"));
    gate.threshold = g.optionalNumber(QStringLiteral("threshold"));
    gate.paths = g.list(QStringLiteral("paths"));
    gate.timeoutSeconds = g.integer(QStringLiteral("timeout"), gate.timeoutSeconds);
    gate.versionCommand = g.string(QStringLiteral("version_command"), QStringLiteral("--version"));
    gate.policyKey = gatePolicyKey(id, gate.kind);

    const Reader s = g.sub(QStringLiteral("source"));
    gate.source.type = sourceType(s.string(QStringLiteral("type")));
    gate.source.url = s.string(QStringLiteral("url"));
    gate.source.query = s.string(QStringLiteral("query"));
    gate.source.path = s.string(QStringLiteral("path"));
    gate.source.jsonPointer = s.string(QStringLiteral("json_pointer"));
    gate.source.min = s.optionalNumber(QStringLiteral("min"));
    gate.source.max = s.optionalNumber(QStringLiteral("max"));
    gate.source.maxAgeDays = s.integer(QStringLiteral("max_age_days"), 0);
    return gate;
}

Policy toPolicy(const PolicyNode &root)
{
    const Reader r(root);
    Policy p;
    p.version = r.integer(QStringLiteral("version"), p.version);

    if (const PolicyNode *stages = r.node(QStringLiteral("stages"))) {
        for (const PolicyNode &s : stages->children) {
            const Reader stage(s);
            p.stages.append(StageDefinition{stage.string(QStringLiteral("id")),
                                            stage.number(QStringLiteral("coverage_min"), 0)});
        }
    }

    const Reader options = r.sub(QStringLiteral("options"));
    p.allowStageSkip = options.boolean(QStringLiteral("allow_stage_skip"), p.allowStageSkip);
    p.allowSelfApproval =
        options.boolean(QStringLiteral("allow_self_approval"), p.allowSelfApproval);
    p.pythonRunner = options.string(QStringLiteral("python_runner"), p.pythonRunner);
    p.maxParallelGates = options.integer(QStringLiteral("max_parallel_gates"), p.maxParallelGates);
    p.allowSkipQualityGates = options.list(QStringLiteral("allow_skip_quality_gates"));
    p.skipApprovalRole = options.string(QStringLiteral("skip_approval_role"));

    for (const PolicyNode &e : r.sub(QStringLiteral("environment")).map().children)
        p.environment.insert(e.key, e.scalar);

    for (const PolicyNode &g : r.sub(QStringLiteral("gates")).map().children) {
        p.gates.insert(g.key, toGate(g.key, Reader(g)));
        // Path settings are checked again at run start (symlinks): keep where they were written.
        const QString base = QStringLiteral("gates.") + g.key;
        auto remember = [&](const PolicyNode *n, const QString &key) {
            if (n && n->isScalar() && !n->scalar.isEmpty())
                p.locations.insert(key, PolicyError{n->file, n->line, n->column, key, QString()});
        };
        remember(g.child(QStringLiteral("result_file")), base + QStringLiteral(".result_file"));
        if (const PolicyNode *source = g.child(QStringLiteral("source")))
            remember(source->child(QStringLiteral("path")), base + QStringLiteral(".source.path"));
        if (const PolicyNode *paths = g.child(QStringLiteral("paths")); paths && paths->isSequence()) {
            for (size_t i = 0; i < paths->children.size(); ++i)
                remember(&paths->children[i],
                         base + QStringLiteral(".paths[%1]").arg(qulonglong(i)));
        }
    }

    for (const PolicyNode &role : r.sub(QStringLiteral("roles")).map().children)
        p.roles.insert(role.key, ApprovalRole{role.key, Reader(role).string(QStringLiteral("title"),
                                                                            role.key)});

    if (const PolicyNode *transitions = r.node(QStringLiteral("transitions"))) {
        for (const PolicyNode &node : transitions->children) {
            const Reader t(node);
            TransitionDefinition def;
            def.from = t.string(QStringLiteral("from"));
            def.to = t.string(QStringLiteral("to"));
            def.gates = t.list(QStringLiteral("gates"));
            def.approvals = t.list(QStringLiteral("approvals"));
            if (const PolicyNode *criteria = t.node(QStringLiteral("criteria"))) {
                for (const PolicyNode &cn : criteria->children) {
                    const Reader c(cn);
                    def.criteria.append(CriterionDefinition{
                        c.string(QStringLiteral("id")), c.string(QStringLiteral("text")),
                        c.list(QStringLiteral("proven_by")),
                        c.boolean(QStringLiteral("required"), true)});
                }
            }
            p.transitions.append(def);
        }
    }

    const Reader d = r.sub(QStringLiteral("deploy"));
    p.deploy.apply = d.list(QStringLiteral("apply"));
    p.deploy.rolloutStatus = d.list(QStringLiteral("rollout_status"));
    p.deploy.rollback = d.list(QStringLiteral("rollback"));
    p.deploy.aiContext = d.list(QStringLiteral("ai_context"));
    p.deploy.aiContextRollback = d.list(QStringLiteral("ai_context_rollback"));
    p.deploy.revision = d.list(QStringLiteral("revision"));
    p.deploy.timeoutSeconds = d.integer(QStringLiteral("timeout"), p.deploy.timeoutSeconds);
    p.deploy.rollbackOnFailure =
        d.boolean(QStringLiteral("rollback_on_failure"), p.deploy.rollbackOnFailure);

    p.monitoring.dashboardUrl =
        r.sub(QStringLiteral("monitoring")).string(QStringLiteral("dashboard_url"));
    p.monitoring.followUpHours =
        r.sub(QStringLiteral("monitoring"))
            .integer(QStringLiteral("follow_up_hours"), p.monitoring.followUpHours);

    const Reader retry = r.sub(QStringLiteral("retry"));
    for (const PolicyNode &stage : retry.sub(QStringLiteral("stages")).map().children) {
        const Reader s(stage);
        RetrySettings rs;
        rs.retries = s.integer(QStringLiteral("retries"), rs.retries);
        rs.baseDelaySeconds = s.number(QStringLiteral("base_delay"), rs.baseDelaySeconds);
        rs.factor = s.number(QStringLiteral("factor"), rs.factor);
        rs.maxDelaySeconds = s.number(QStringLiteral("max_delay"), rs.maxDelaySeconds);
        rs.jitter = s.boolean(QStringLiteral("jitter"), rs.jitter);
        p.retry.stages.insert(stage.key, rs);
    }
    const Reader transient = retry.sub(QStringLiteral("transient"));
    auto integers = [](const QStringList &values) {
        QList<int> out;
        for (const QString &v : values)
            out.append(v.toInt());
        return out;
    };
    p.retry.transient.exitCodes = integers(transient.list(QStringLiteral("exit_codes")));
    p.retry.transient.outputPatterns = transient.list(QStringLiteral("output_patterns"));
    p.retry.transient.httpStatus = integers(transient.list(QStringLiteral("http_status")));

    const Reader v = r.sub(QStringLiteral("validation"));
    ValidationPolicy &val = p.validation;
    val.smoke = v.list(QStringLiteral("smoke"));
    val.smokePython = v.boolean(QStringLiteral("smoke_python"), val.smokePython);
    if (v.node(QStringLiteral("require_baseline")))
        val.requireBaseline = v.list(QStringLiteral("require_baseline"));
    val.healthUrl = v.string(QStringLiteral("health_url"));
    val.statusUrl = v.string(QStringLiteral("status_url"));
    val.metricsUrl = v.string(QStringLiteral("metrics_url"));
    val.intervalSeconds = v.integer(QStringLiteral("interval"), val.intervalSeconds);
    val.windowSeconds = v.integer(QStringLiteral("window"), val.windowSeconds);
    val.requestTimeoutSeconds =
        v.integer(QStringLiteral("request_timeout"), val.requestTimeoutSeconds);
    val.errorRateMax = v.number(QStringLiteral("error_rate_max"), val.errorRateMax);
    val.latencyDegradationMax =
        v.number(QStringLiteral("latency_degradation_max"), val.latencyDegradationMax);
    const Reader prom = v.sub(QStringLiteral("prometheus"));
    val.prometheusUrl = prom.string(QStringLiteral("url"));
    val.prometheusErrorRatio = prom.string(QStringLiteral("error_ratio"));
    val.prometheusP95Seconds = prom.string(QStringLiteral("p95_seconds"));
    val.logs = v.list(QStringLiteral("logs"));
    val.logErrorPattern = v.string(QStringLiteral("log_error_pattern"), val.logErrorPattern);
    val.logErrorsMax = v.integer(QStringLiteral("log_errors_max"), val.logErrorsMax);
    val.top = v.list(QStringLiteral("top"));
    const Reader m = v.sub(QStringLiteral("metrics"));
    val.requestsMetric = m.string(QStringLiteral("requests_total"), val.requestsMetric);
    val.errorsMetric = m.string(QStringLiteral("errors_total"), val.errorsMetric);
    val.latencyHistogram = m.string(QStringLiteral("latency_histogram"), val.latencyHistogram);

    const Reader t = r.sub(QStringLiteral("tracking"));
    p.tracking.repository = t.string(QStringLiteral("repository"));
    p.tracking.labels = t.list(QStringLiteral("labels"));
    p.tracking.project = t.string(QStringLiteral("project"));
    p.tracking.rollbackPlan = t.string(QStringLiteral("rollback_plan"));
    p.tracking.apiUrl = t.string(QStringLiteral("api_url"), p.tracking.apiUrl);
    p.tracking.graphqlUrl = t.string(QStringLiteral("graphql_url"));
    if (p.tracking.graphqlUrl.isEmpty())
        p.tracking.graphqlUrl = TrackingPolicy::graphqlUrlFor(p.tracking.apiUrl);
    p.tracking.projectOwner = t.string(QStringLiteral("project_owner"));
    p.tracking.statusField = t.string(QStringLiteral("status_field"), p.tracking.statusField);
    p.tracking.pollSeconds = int(t.number(QStringLiteral("poll_seconds"), p.tracking.pollSeconds));
    if (const PolicyNode *approvers = t.node(QStringLiteral("approvers")); approvers && approvers->isMap()) {
        for (const PolicyNode &role : approvers->children)
            p.tracking.approvers.insert(role.key, Reader(*approvers).list(role.key));
    }

    const Reader md = r.sub(QStringLiteral("metadata"));
    p.metadata.versionBump = md.string(QStringLiteral("version_bump"), p.metadata.versionBump);
    p.metadata.updateReadme = md.boolean(QStringLiteral("update_readme"), p.metadata.updateReadme);
    p.metadata.updateSpec = md.boolean(QStringLiteral("update_spec"), p.metadata.updateSpec);
    if (md.map().child(QStringLiteral("runbook")))
        p.metadata.runbook = md.string(QStringLiteral("runbook"));
    if (md.node(QStringLiteral("runbook_stages")))
        p.metadata.runbookStages = md.list(QStringLiteral("runbook_stages"));
    return p;
}

PolicyLoadResult failed(const QString &file, const QString &message)
{
    PolicyLoadResult result;
    result.errors.append(PolicyError{file, 0, 0, QString(), message});
    return result;
}

/* Loads the default, merges \a user over it when given, checks, converts. */
PolicyLoadResult load(const QByteArray *userYaml, const QString &userFile)
{
    PolicyLoadResult result;
    const QString builtinFile = PolicyLoader::builtinPolicyPath();
    const QByteArray builtinYaml = PolicyLoader::builtinPolicyYaml();
    if (builtinYaml.isEmpty())
        return failed(builtinFile, QStringLiteral("the built-in default policy is missing from the "
                                                  "program's resources"));

    std::optional<PolicyNode> base = PolicyNode::parse(builtinYaml, builtinFile, &result.errors);
    if (base)
        PolicyValidator::checkDocument(*base, &result.errors);

    std::optional<PolicyNode> user;
    if (userYaml) {
        user = PolicyNode::parse(*userYaml, userFile, &result.errors);
        if (user)
            PolicyValidator::checkDocument(*user, &result.errors);
    }
    if (!base || (userYaml && !user))
        return result;

    // Reference checks run even after type errors: they skip mistyped values,
    // and the user gets every problem in one go.
    const PolicyNode merged = user ? PolicyNode::merged(*base, *user) : *base;
    PolicyValidator::checkMerged(merged, builtinFile, userYaml ? userFile : QString(),
                                 &result.errors);
    if (!result.errors.isEmpty()) {
        // A broken user map can make pass 2 repeat a pass-1 finding; report it once.
        QList<PolicyError> unique;
        for (const PolicyError &e : std::as_const(result.errors)) {
            if (!unique.contains(e))
                unique.append(e);
        }
        // Reading order: the user's file top to bottom, then the built-in default.
        std::stable_sort(unique.begin(), unique.end(),
                         [&](const PolicyError &a, const PolicyError &b) {
                             const bool aBuiltin = a.file == builtinFile;
                             const bool bBuiltin = b.file == builtinFile;
                             if (aBuiltin != bBuiltin)
                                 return bBuiltin;
                             if (a.line != b.line)
                                 return a.line < b.line;
                             return a.column < b.column;
                         });
        result.errors = unique;
        return result;
    }

    Policy policy = toPolicy(merged);
    policy.sourceFile = userYaml ? userFile : QString();
    result.policy = std::move(policy);
    return result;
}

} // namespace

QString PolicyLoader::policyFileName()
{
    return QStringLiteral("promotion.yaml");
}

QString PolicyLoader::builtinPolicyPath()
{
    return QStringLiteral(":/policy/default-promotion.yaml");
}

QByteArray PolicyLoader::builtinPolicyYaml()
{
    QFile file(builtinPolicyPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

PolicyLoadResult PolicyLoader::loadDefault()
{
    return load(nullptr, QString());
}

PolicyLoadResult PolicyLoader::loadForWorkspace(const QString &workspaceRoot)
{
    const QDir root(workspaceRoot);
    if (workspaceRoot.isEmpty() || !root.exists())
        return failed(workspaceRoot, QStringLiteral("the workspace directory does not exist"));
    const QString path = root.absoluteFilePath(policyFileName());
    if (QFileInfo::exists(path))
        return loadFromFile(path);
    // A policy under a near-miss name would be silently ignored; refuse instead.
    const QString yml = root.absoluteFilePath(QStringLiteral("promotion.yml"));
    if (QFileInfo::exists(yml))
        return failed(yml, QStringLiteral("the policy file must be named %1; rename it so it is "
                                          "not ignored")
                               .arg(policyFileName()));
    return loadDefault();
}

PolicyLoadResult PolicyLoader::loadFromFile(const QString &path)
{
    QFile file(path);
    const QFileInfo info(path);
    if (info.isDir())
        return failed(path, QStringLiteral("is a directory, not a policy file"));
    if (!file.open(QIODevice::ReadOnly))
        return failed(path, QStringLiteral("cannot read the policy file: ") + file.errorString());
    if (file.size() > MaxPolicyFileSize)
        return failed(path, QStringLiteral("the policy file is larger than %1 KiB; is it the right "
                                           "file?")
                                .arg(MaxPolicyFileSize / 1024));
    const QByteArray data = file.read(MaxPolicyFileSize + 1);
    if (data.size() > MaxPolicyFileSize)
        return failed(path, QStringLiteral("the policy file is larger than %1 KiB; is it the right "
                                           "file?")
                                .arg(MaxPolicyFileSize / 1024));
    return loadFromString(data, path);
}

PolicyLoadResult PolicyLoader::loadFromString(const QByteArray &yaml, const QString &fileName)
{
    return load(&yaml, fileName);
}

} // namespace Promotion
