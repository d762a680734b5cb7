// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyvalidator.h"

#include "policynode.h"
#include "process/argvtemplate.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <vector>

namespace Promotion {

namespace {

// Seconds: a day is longer than any gate, deploy or verification window should take.
constexpr qint64 MaxSeconds = 86400;
constexpr qint64 MaxAgeDays = 3650;
constexpr qint64 MaxParallelGates = 256;

QString joinPath(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

QString itemPath(const QString &path, int index)
{
    return path + u'[' + QString::number(index) + u']';
}

/* "'text'" for a value, "a list" / "a map" / "empty" otherwise: what the user wrote. */
QString describe(const PolicyNode &n)
{
    switch (n.type) {
    case PolicyNode::Type::Null:
        return QStringLiteral("empty");
    case PolicyNode::Type::Scalar: {
        QString text = n.scalar;
        if (text.size() > 60)
            text = text.left(57) + QStringLiteral("...");
        return u'\'' + text + u'\'';
    }
    case PolicyNode::Type::Sequence:
        return QStringLiteral("a list");
    case PolicyNode::Type::Map:
        return QStringLiteral("a map");
    }
    return {};
}

QString quotedList(const QStringList &words)
{
    return words.join(QStringLiteral(", "));
}

bool isIdentifier(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z][A-Za-z0-9_-]*$"));
    return re.match(s).hasMatch();
}

bool isEnvName(QStringView s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return re.match(s.toString()).hasMatch();
}

std::optional<double> parseNumber(const QString &s)
{
    static const QRegularExpression re(
        QStringLiteral("^[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?$"));
    if (!re.match(s).hasMatch())
        return std::nullopt;
    bool ok = false;
    const double v = s.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<qint64> parseInteger(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[-+]?[0-9]+$"));
    if (!re.match(s).hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 v = s.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return v;
}

std::optional<bool> parseBool(const QString &s)
{
    const QString l = s.toLower();
    if (l == u"true" || l == u"yes" || l == u"on")
        return true;
    if (l == u"false" || l == u"no" || l == u"off")
        return false;
    return std::nullopt;
}

QString formatNumber(double v)
{
    return QString::number(v, 'g', 12);
}

/* A YAML flow list of \a words, quoting the ones YAML would misread. */
QString flowList(const QStringList &words)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./=+-][A-Za-z0-9_./=+:-]*$"));
    QStringList out;
    for (const QString &w : words) {
        if (plain.match(w).hasMatch()) {
            out << w;
        } else {
            QString escaped = w;
            escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
            out << u'"' + escaped + u'"';
        }
    }
    return u'[' + out.join(QStringLiteral(", ")) + u']';
}

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> prev(size_t(b.size()) + 1);
    std::vector<int> cur(size_t(b.size()) + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[size_t(j)] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            cur[size_t(j)] =
                std::min({prev[size_t(j)] + 1, cur[size_t(j - 1)] + 1, prev[size_t(j - 1)] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[size_t(b.size())];
}

QString didYouMean(const QString &word, const QStringList &candidates, const QString &open = {},
                   const QString &close = {})
{
    const QString match = PolicyValidator::closestMatch(word, candidates);
    if (match.isEmpty())
        return {};
    return QStringLiteral(" (did you mean '") + open + match + close + QStringLiteral("'?)");
}

/* First segment of a key path: "transitions" for "transitions[0].from". */
QString topKey(const QString &path)
{
    qsizetype end = path.size();
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (path.at(i) == u'.' || path.at(i) == u'[') {
            end = i;
            break;
        }
    }
    return path.left(end);
}

/*
 * Pass 1: one document against the schema. Each setting is a Check; a record
 * is a list of named fields, which is also the list of known keys.
 */
class DocumentChecker
{
public:
    using Check = std::function<void(const PolicyNode &, const QString &)>;
    struct Field
    {
        QString name;
        Check check;
    };
    using Fields = std::vector<Field>;

    explicit DocumentChecker(QList<PolicyError> *errors)
        : m_errors(errors)
    {
    }

    void run(const PolicyNode &root)
    {
        if (!root.isMap()) {
            error(root, QString(),
                  QStringLiteral("the policy must be a map of settings (version, stages, gates, "
                                 "...), not ") +
                      describe(root));
            return;
        }
        record(root, QString(), topLevel());
    }

private:
    void error(const PolicyNode &n, const QString &path, const QString &message)
    {
        m_errors->append(PolicyError{n.file, n.line, n.column, path, message});
    }

    void errorAtKey(const PolicyNode &n, const QString &path, const QString &message)
    {
        m_errors->append(PolicyError{n.file, n.keyLine, n.keyColumn, path, message});
    }

    // A null map is an empty one: "gates:" with every gate commented out is fine.
    bool expectMap(const PolicyNode &n, const QString &path)
    {
        if (n.isMap() || n.isNull())
            return true;
        error(n, path, QStringLiteral("must be a map of settings, not ") + describe(n));
        return false;
    }

    void record(const PolicyNode &n, const QString &path, const Fields &fields)
    {
        if (!expectMap(n, path))
            return;
        for (const PolicyNode &c : n.children) {
            const QString childPath = joinPath(path, c.key);
            const auto field = std::find_if(fields.begin(), fields.end(),
                                            [&](const Field &f) { return f.name == c.key; });
            if (field != fields.end()) {
                field->check(c, childPath);
                continue;
            }
            QStringList known;
            for (const Field &f : fields)
                known << f.name;
            const QString hint = didYouMean(c.key, known);
            errorAtKey(c, childPath,
                       QStringLiteral("unknown key '") + c.key + u'\'' +
                           (hint.isEmpty()
                                ? QStringLiteral("; known keys here: ") + quotedList(known)
                                : hint));
        }
    }

    Check recordOf(const Fields &fields)
    {
        return
            [this, fields](const PolicyNode &n, const QString &path) { record(n, path, fields); };
    }

    // A map whose keys the user chooses (gate ids, role ids, variable names).
    Check mapOf(const std::function<bool(const QString &)> &validKey, const QString &keyRule,
                const Check &value)
    {
        return [=, this](const PolicyNode &n, const QString &path) {
            if (!expectMap(n, path))
                return;
            for (const PolicyNode &c : n.children) {
                const QString childPath = joinPath(path, c.key);
                if (!validKey(c.key))
                    errorAtKey(c, childPath,
                               QStringLiteral("'") + c.key +
                                   QStringLiteral("' is not a valid name: ") + keyRule);
                value(c, childPath);
            }
        };
    }

    // \a what names the expected type in messages: "a list", "a list of strings".
    Check listOf(const Check &item, const QString &what = QStringLiteral("a list"))
    {
        return [=, this](const PolicyNode &n, const QString &path) {
            if (n.isNull())
                return;
            if (!n.isSequence()) {
                error(n, path,
                      QStringLiteral("must be ") + what + QStringLiteral(", not ") + describe(n));
                return;
            }
            for (size_t i = 0; i < n.children.size(); ++i) {
                const PolicyNode &c = n.children[i];
                // "- " with nothing after it: probably a lost line.
                if (c.isNull())
                    error(c, itemPath(path, int(i)), QStringLiteral("this list item is empty"));
                else
                    item(c, itemPath(path, int(i)));
            }
        };
    }

    // Strings: any single value, or empty.
    bool expectScalar(const PolicyNode &n, const QString &path, const QString &what)
    {
        if (n.isScalar() || n.isNull())
            return true;
        error(n, path, QStringLiteral("must be ") + what + QStringLiteral(", not ") + describe(n));
        return false;
    }

    Check string()
    {
        return [this](const PolicyNode &n, const QString &path) {
            expectScalar(n, path, QStringLiteral("a string"));
        };
    }

    void placeholders(const PolicyNode &n, const QString &path)
    {
        for (const QString &problem : PolicyValidator::placeholderProblems(n.scalar))
            error(n, path, problem);
    }

    // A string in which placeholders are substituted.
    Check templ()
    {
        return [this](const PolicyNode &n, const QString &path) {
            if (expectScalar(n, path, QStringLiteral("a string")) && n.isScalar())
                placeholders(n, path);
        };
    }

    // A file the run deletes, reads or globs: inside the workspace or the run's artifacts.
    Check workspacePath()
    {
        return [this](const PolicyNode &n, const QString &path) {
            if (!expectScalar(n, path, QStringLiteral("a workspace-relative path")) ||
                !n.isScalar())
                return;
            placeholders(n, path);
            const QString problem = PolicyValidator::pathProblem(n.scalar);
            if (!problem.isEmpty())
                error(n, path, problem);
        };
    }

    Check url()
    {
        return [this](const PolicyNode &n, const QString &path) {
            if (!expectScalar(n, path, QStringLiteral("a URL")) || n.scalar.isEmpty())
                return;
            placeholders(n, path);
            const QString lower = n.scalar.toLower();
            // "{env:URL}" may hold the whole URL; anything else must name its scheme.
            if (!lower.startsWith(u"http://") && !lower.startsWith(u"https://") &&
                !n.scalar.startsWith(u'{'))
                error(n, path,
                      QStringLiteral("must be an http:// or https:// URL, not ") + describe(n));
        };
    }

    Check identifier(const QString &what)
    {
        return [=, this](const PolicyNode &n, const QString &path) {
            if (!n.isScalar()) {
                error(n, path,
                      QStringLiteral("must be ") + what + QStringLiteral(", not ") + describe(n));
                return;
            }
            if (!isIdentifier(n.scalar))
                error(n, path,
                      describe(n) + QStringLiteral(" is not a valid ") + what +
                          QStringLiteral(
                              ": use letters, digits, '_' and '-', starting with a letter"));
        };
    }

    Check boolean()
    {
        return [this](const PolicyNode &n, const QString &path) {
            if (!n.isScalar() || !parseBool(n.scalar))
                error(n, path, QStringLiteral("must be true or false, not ") + describe(n));
        };
    }

    Check integer(qint64 min, qint64 max, const QString &unit)
    {
        return [=, this](const PolicyNode &n, const QString &path) {
            const std::optional<qint64> v = n.isScalar() ? parseInteger(n.scalar) : std::nullopt;
            if (v && *v >= min && *v <= max)
                return;
            QString what;
            if (min == 1) {
                // "a positive whole number of seconds (1 to 86400)"
                what = QStringLiteral("a positive whole number");
                if (!unit.isEmpty())
                    what += QStringLiteral(" of ") + unit;
                what += QStringLiteral(" (1 to %1)").arg(max);
            } else {
                what = QStringLiteral("a whole number from %1 to %2").arg(min).arg(max);
                if (!unit.isEmpty())
                    what += QStringLiteral(" (") + unit + u')';
            }
            error(n, path,
                  QStringLiteral("must be ") + what + QStringLiteral(", not ") + describe(n));
        };
    }

    Check exactInteger(qint64 value, const QString &why)
    {
        return [=, this](const PolicyNode &n, const QString &path) {
            const std::optional<qint64> v = n.isScalar() ? parseInteger(n.scalar) : std::nullopt;
            if (!v || *v != value)
                error(n, path, why + QStringLiteral(", not ") + describe(n));
        };
    }

    // Percentages and other bounded numbers; \a nullable: empty means "not set".
    Check number(double min, double max, bool nullable, const QString &unit = {})
    {
        return [=, this](const PolicyNode &n, const QString &path) {
            if (nullable && n.isNull())
                return;
            const std::optional<double> v = n.isScalar() ? parseNumber(n.scalar) : std::nullopt;
            const bool bounded = min > std::numeric_limits<double>::lowest() ||
                                 max < std::numeric_limits<double>::max();
            if (v && *v >= min && *v <= max)
                return;
            QString what = QStringLiteral("must be a number");
            if (bounded)
                what += QStringLiteral(" from %1 to %2").arg(formatNumber(min), formatNumber(max));
            if (!unit.isEmpty())
                what += QStringLiteral(" (") + unit + u')';
            error(n, path, what + QStringLiteral(", not ") + describe(n));
        };
    }

    Check oneOf(const QStringList &allowed)
    {
        return [=, this](const PolicyNode &n, const QString &path) {
            if (n.isScalar() && allowed.contains(n.scalar))
                return;
            QString message = QStringLiteral("must be one of ") + quotedList(allowed) +
                              QStringLiteral(", not ") + describe(n);
            if (n.isScalar())
                message += didYouMean(n.scalar, allowed);
            error(n, path, message);
        };
    }

    // Commands are argv lists; a shell string would need a shell to split it.
    Check argv()
    {
        return [this](const PolicyNode &n, const QString &path) {
            if (n.isNull())
                return;
            if (n.isScalar()) {
                const QStringList split = QProcess::splitCommand(n.scalar);
                QString message = QStringLiteral(
                    "must be a list of strings: commands are argv lists, not shell strings");
                if (!split.isEmpty())
                    message += QStringLiteral(" (write ") + flowList(split) + u')';
                error(n, path, message);
                return;
            }
            if (!n.isSequence()) {
                error(n, path, QStringLiteral("must be a list of strings, not ") + describe(n));
                return;
            }
            for (size_t i = 0; i < n.children.size(); ++i) {
                const PolicyNode &arg = n.children[i];
                const QString argPath = itemPath(path, int(i));
                if (!arg.isScalar()) {
                    error(arg, argPath,
                          QStringLiteral("command arguments must be strings, not ") +
                              describe(arg));
                    continue;
                }
                placeholders(arg, argPath);
                if (i != 0)
                    continue;
                if (arg.scalar.isEmpty()) {
                    error(arg, argPath,
                          QStringLiteral("the program (first item) must not be empty"));
                } else if (arg.scalar.contains(u' ') && !arg.scalar.contains(u'/')) {
                    // "ruff check" as one item would look for a program called "ruff check".
                    error(arg, argPath,
                          QStringLiteral("the program name ") + describe(arg) +
                              QStringLiteral(" contains a space; commands are argv lists, so "
                                             "write each argument as its own item (") +
                              flowList(QProcess::splitCommand(arg.scalar)) + u')');
                }
            }
        };
    }

    Check stringList(const Check &item)
    {
        return listOf(item, QStringLiteral("a list of strings"));
    }

    Check gate()
    {
        const Fields source{
            {QStringLiteral("type"), oneOf(PolicyValidator::dataSourceTypes())},
            {QStringLiteral("url"), url()},
            {QStringLiteral("query"), templ()},
            {QStringLiteral("path"), workspacePath()},
            {QStringLiteral("json_pointer"),
             [this](const PolicyNode &n, const QString &path) {
                 if (expectScalar(n, path, QStringLiteral("a JSON pointer")) &&
                     !n.scalar.isEmpty() && !n.scalar.startsWith(u'/'))
                     error(n, path,
                           QStringLiteral("must be a JSON pointer starting with '/' (e.g. "
                                          "/data/value), not ") +
                               describe(n));
             }},
            {QStringLiteral("min"), number(std::numeric_limits<double>::lowest(),
                                           std::numeric_limits<double>::max(), true)},
            {QStringLiteral("max"), number(std::numeric_limits<double>::lowest(),
                                           std::numeric_limits<double>::max(), true)},
            {QStringLiteral("max_age_days"), integer(1, MaxAgeDays, QStringLiteral("days"))},
        };
        return recordOf({
            {QStringLiteral("title"), string()},
            {QStringLiteral("kind"), oneOf(PolicyValidator::gateKinds())},
            {QStringLiteral("python"), boolean()},
            {QStringLiteral("command"), argv()},
            {QStringLiteral("after"), identifier(QStringLiteral("gate id"))},
            {QStringLiteral("format"), oneOf(PolicyValidator::resultFormats())},
            {QStringLiteral("result_file"), workspacePath()},
            {QStringLiteral("threshold"), number(0, 100, true)},
            {QStringLiteral("paths"), stringList(workspacePath())},
            {QStringLiteral("source"), recordOf(source)},
            {QStringLiteral("timeout"), integer(1, MaxSeconds, QStringLiteral("seconds"))},
            {QStringLiteral("version_command"), string()},
        });
    }

    Fields topLevel()
    {
        const Check stage = recordOf({
            {QStringLiteral("id"), identifier(QStringLiteral("stage id"))},
            {QStringLiteral("coverage_min"), number(0, 100, false, QStringLiteral("percent"))},
        });
        const Check criterion = recordOf({
            {QStringLiteral("id"), identifier(QStringLiteral("criterion id"))},
            {QStringLiteral("text"), string()}, // required: checked after the merge
            {QStringLiteral("proven_by"), stringList(identifier(QStringLiteral("gate id")))},
            {QStringLiteral("required"), boolean()},
        });
        const Check transition = recordOf({
            {QStringLiteral("from"), identifier(QStringLiteral("stage id"))},
            {QStringLiteral("to"), identifier(QStringLiteral("stage id"))},
            {QStringLiteral("gates"), stringList(identifier(QStringLiteral("gate id")))},
            {QStringLiteral("criteria"), listOf(criterion)},
            {QStringLiteral("approvals"), stringList(identifier(QStringLiteral("role id")))},
        });
        const Check seconds = integer(1, MaxSeconds, QStringLiteral("seconds"));
        const Check metricName = [this](const PolicyNode &n, const QString &path) {
            static const QRegularExpression re(QStringLiteral("^[A-Za-z_:][A-Za-z0-9_:]*$"));
            if (expectScalar(n, path, QStringLiteral("a metric name")) &&
                !re.match(n.scalar).hasMatch())
                error(n, path, describe(n) + QStringLiteral(" is not a Prometheus metric name"));
        };
        const QString identifierRule =
            QStringLiteral("use letters, digits, '_' and '-', starting with a letter");

        return {
            {QStringLiteral("version"),
             exactInteger(1, QStringLiteral("must be 1 (the only policy version this build "
                                            "understands)"))},
            {QStringLiteral("stages"), listOf(stage)},
            {QStringLiteral("options"),
             recordOf({
                 {QStringLiteral("allow_stage_skip"), boolean()},
                 {QStringLiteral("allow_self_approval"), boolean()},
                 {QStringLiteral("python_runner"), oneOf(PolicyValidator::pythonRunners())},
                 {QStringLiteral("max_parallel_gates"),
                  integer(0, MaxParallelGates, QStringLiteral("0: one per core"))},
                 {QStringLiteral("allow_skip_quality_gates"),
                  stringList(identifier(QStringLiteral("stage id")))},
                 {QStringLiteral("skip_approval_role"),
                  [this](const PolicyNode &n, const QString &path) {
                      if (expectScalar(n, path, QStringLiteral("a role id")) &&
                          !n.scalar.isEmpty() && !isIdentifier(n.scalar))
                          error(n, path,
                                describe(n) + QStringLiteral(" is not a valid role id: use "
                                                             "letters, digits, '_' and '-', "
                                                             "starting with a letter"));
                  }},
             })},
            {QStringLiteral("environment"),
             mapOf([](const QString &k) { return isEnvName(k); },
                   QStringLiteral("environment variable names use letters, digits and '_'"),
                   templ())},
            {QStringLiteral("gates"), mapOf(isIdentifier, identifierRule, gate())},
            {QStringLiteral("roles"),
             mapOf(isIdentifier, identifierRule, recordOf({{QStringLiteral("title"), string()}}))},
            {QStringLiteral("transitions"), listOf(transition)},
            {QStringLiteral("deploy"), recordOf({
                                           {QStringLiteral("apply"), argv()},
                                           {QStringLiteral("rollout_status"), argv()},
                                           {QStringLiteral("rollback"), argv()},
                                           {QStringLiteral("ai_context"), argv()},
                                           {QStringLiteral("ai_context_rollback"), argv()},
                                           {QStringLiteral("revision"), argv()},
                                           {QStringLiteral("timeout"), seconds},
                                           {QStringLiteral("rollback_on_failure"), boolean()},
                                       })},
            {QStringLiteral("monitoring"),
             recordOf({{QStringLiteral("dashboard_url"), url()},
                       {QStringLiteral("follow_up_hours"),
                        integer(0, 24 * 30, QStringLiteral("hours; 0: no follow-up"))}})},
            {QStringLiteral("retry"),
             recordOf({
                 {QStringLiteral("stages"),
                  mapOf(isIdentifier, identifierRule,
                        recordOf({
                            {QStringLiteral("retries"),
                             integer(0, 100, QStringLiteral("attempts after the first"))},
                            {QStringLiteral("base_delay"),
                             number(0, MaxSeconds, false, QStringLiteral("seconds"))},
                            {QStringLiteral("factor"), number(1, 100, false)},
                            {QStringLiteral("max_delay"),
                             number(0, MaxSeconds, false, QStringLiteral("seconds"))},
                            {QStringLiteral("jitter"), boolean()},
                        }))},
                 {QStringLiteral("transient"),
                  recordOf({
                      {QStringLiteral("exit_codes"),
                       listOf(integer(1, 255, QStringLiteral("an exit code")))},
                      {QStringLiteral("output_patterns"),
                       listOf(
                           [this](const PolicyNode &n, const QString &path) {
                               if (!expectScalar(n, path, QStringLiteral("a regular expression")))
                                   return;
                               const QRegularExpression re(n.scalar);
                               if (!re.isValid())
                                   error(
                                       n, path,
                                       describe(n) +
                                           QStringLiteral(" is not a valid regular expression: ") +
                                           re.errorString());
                           },
                           QStringLiteral("a list of regular expressions"))},
                      {QStringLiteral("http_status"),
                       listOf(integer(100, 599, QStringLiteral("an HTTP status")))},
                  })},
             })},
            {QStringLiteral("validation"),
             recordOf({
                 {QStringLiteral("smoke"), argv()},
                 {QStringLiteral("smoke_python"), boolean()},
                 {QStringLiteral("require_baseline"),
                  stringList(identifier(QStringLiteral("stage id")))},
                 {QStringLiteral("health_url"), url()},
                 {QStringLiteral("status_url"), url()},
                 {QStringLiteral("metrics_url"), url()},
                 {QStringLiteral("interval"), seconds},
                 {QStringLiteral("window"), seconds},
                 {QStringLiteral("request_timeout"), seconds},
                 {QStringLiteral("error_rate_max"),
                  number(0, 100, false, QStringLiteral("percent"))},
                 {QStringLiteral("latency_degradation_max"),
                  number(0, 100, false, QStringLiteral("percent above the baseline p95"))},
                 {QStringLiteral("prometheus"), recordOf({
                                                    {QStringLiteral("url"), url()},
                                                    {QStringLiteral("error_ratio"), templ()},
                                                    {QStringLiteral("p95_seconds"), templ()},
                                                })},
                 {QStringLiteral("logs"), argv()},
                 {QStringLiteral("log_error_pattern"),
                  [this](const PolicyNode &n, const QString &path) {
                      if (!expectScalar(n, path, QStringLiteral("a regular expression")))
                          return;
                      const QRegularExpression re(n.scalar);
                      if (!re.isValid())
                          error(n, path,
                                describe(n) +
                                    QStringLiteral(" is not a valid regular expression: ") +
                                    re.errorString());
                  }},
                 {QStringLiteral("log_errors_max"),
                  integer(0, 1000000, QStringLiteral("error lines"))},
                 {QStringLiteral("top"), argv()},
                 {QStringLiteral("metrics"), recordOf({
                                                 {QStringLiteral("requests_total"), metricName},
                                                 {QStringLiteral("errors_total"), metricName},
                                                 {QStringLiteral("latency_histogram"), metricName},
                                             })},
             })},
            {QStringLiteral("tracking"),
             recordOf({
                 {QStringLiteral("repository"),
                  [this](const PolicyNode &n, const QString &path) {
                      static const QRegularExpression re(
                          QStringLiteral("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"));
                      if (expectScalar(n, path, QStringLiteral("a repository name")) &&
                          !n.scalar.isEmpty() && !re.match(n.scalar).hasMatch())
                          error(n, path,
                                QStringLiteral("must be owner/name (e.g. octo-org/tta), or empty, "
                                               "not ") +
                                    describe(n));
                  }},
                 {QStringLiteral("labels"), stringList(templ())},
                 {QStringLiteral("project"), templ()},
                 {QStringLiteral("rollback_plan"), templ()},
                 {QStringLiteral("api_url"), url()},
                 {QStringLiteral("graphql_url"), url()},
                 {QStringLiteral("project_owner"),
                  [this](const PolicyNode &n, const QString &path) {
                      static const QRegularExpression re(
                          QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$"));
                      if (expectScalar(n, path, QStringLiteral("a GitHub login")) &&
                          !n.scalar.isEmpty() && !re.match(n.scalar).hasMatch())
                          error(n, path,
                                QStringLiteral("must be the login of the organization or user "
                                               "that owns the board (e.g. octo-org), not ") +
                                    describe(n));
                  }},
                 {QStringLiteral("status_field"), string()},
                 {QStringLiteral("poll_seconds"), integer(1, 3600, QStringLiteral("seconds"))},
                 {QStringLiteral("approvers"),
                  mapOf(isIdentifier, identifierRule,
                        stringList([this](const PolicyNode &n, const QString &path) {
                            // A login, or @org/team-slug.
                            static const QRegularExpression re(QStringLiteral(
                                "^([A-Za-z0-9][A-Za-z0-9-]{0,38}|@[A-Za-z0-9][A-Za-z0-9-]*/"
                                "[A-Za-z0-9][A-Za-z0-9_.-]*)$"));
                            if (expectScalar(n, path, QStringLiteral("a GitHub login")) &&
                                !re.match(n.scalar).hasMatch())
                                error(n, path,
                                      describe(n) + QStringLiteral(" is not a GitHub login or "
                                                                   "@org/team (e.g. octocat, "
                                                                   "@octo-org/qa)"));
                        }))},
             })},
            {QStringLiteral("metadata"),
             recordOf({
                 {QStringLiteral("version_bump"), oneOf(PolicyValidator::versionBumps())},
                 {QStringLiteral("update_readme"), boolean()},
                 {QStringLiteral("update_spec"), boolean()},
                 {QStringLiteral("runbook"), workspacePath()},
                 {QStringLiteral("runbook_stages"),
                  stringList(identifier(QStringLiteral("stage id")))},
             })},
        };
    }

    QList<PolicyError> *m_errors;
};

/*
 * Pass 2: the merged tree. Types were checked in pass 1, so anything of the
 * wrong type is skipped here rather than reported twice.
 */
class MergedChecker
{
public:
    MergedChecker(const QString &builtinFile, const QString &userFile, QList<PolicyError> *errors)
        : m_builtinFile(builtinFile)
        , m_userFile(userFile)
        , m_errors(errors)
    {
    }

    void run(const PolicyNode &root)
    {
        if (!root.isMap())
            return;
        checkStages(root);
        checkGates(root);
        collectRoles(root);
        checkTransitions(root);
        checkValidation(root);
        checkOptions(root);
    }

private:
    void error(const PolicyNode &n, const QString &path, QString message)
    {
        // The default is fine on its own: when the user's changes break it
        // (a renamed stage, a removed gate), say which part to override.
        if (!m_userFile.isEmpty() && n.file == m_builtinFile)
            message += QStringLiteral(" [in the built-in default policy; redefine '") +
                       topKey(path) + QStringLiteral("' in ") + QFileInfo(m_userFile).fileName() +
                       u']';
        m_errors->append(PolicyError{n.file, n.line, n.column, path, message});
    }

    static const PolicyNode *value(const PolicyNode &map, const QString &key)
    {
        const PolicyNode *n = map.child(key);
        if (!n || n->isNull() || (n->isScalar() && n->scalar.isEmpty()) ||
            (n->isSequence() && n->children.empty()))
            return nullptr;
        return n;
    }

    static QString text(const PolicyNode &map, const QString &key)
    {
        const PolicyNode *n = map.child(key);
        return n && n->isScalar() ? n->scalar : QString();
    }

    bool require(const PolicyNode &map, const QString &path, const QString &key,
                 const QString &why = {})
    {
        if (value(map, key))
            return true;
        const PolicyNode *present = map.child(key);
        // A key of the wrong type was reported by pass 1.
        if (present && !present->isNull() && !present->isScalar() && !present->isSequence())
            return false;
        error(present ? *present : map, joinPath(path, key),
              (present ? QStringLiteral("must not be empty")
                       : QStringLiteral("missing required key '") + key + u'\'') +
                  (why.isEmpty() ? QString() : QStringLiteral(" (") + why + u')'));
        return false;
    }

    void checkStages(const PolicyNode &root)
    {
        const PolicyNode *stages = root.child(QStringLiteral("stages"));
        if (!stages || stages->isNull() || (stages->isSequence() && stages->children.empty())) {
            error(stages ? *stages : root, QStringLiteral("stages"),
                  QStringLiteral("at least one stage is needed"));
            return;
        }
        if (!stages->isSequence()) {
            m_stagesVerifiable = false;
            return;
        }
        QHash<QString, int> firstLine;
        for (size_t i = 0; i < stages->children.size(); ++i) {
            const PolicyNode &s = stages->children[i];
            const QString path = itemPath(QStringLiteral("stages"), int(i));
            if (!s.isMap())
                continue;
            if (!require(s, path, QStringLiteral("id")))
                continue;
            const PolicyNode *id = s.child(QStringLiteral("id"));
            if (!id->isScalar() || !isIdentifier(id->scalar))
                continue;
            if (firstLine.contains(id->scalar)) {
                error(*id, joinPath(path, QStringLiteral("id")),
                      QStringLiteral("duplicate stage id '%1' (first defined at line %2)")
                          .arg(id->scalar)
                          .arg(firstLine.value(id->scalar)));
                continue;
            }
            firstLine.insert(id->scalar, id->line);
            m_stages << id->scalar;
        }
    }

    QString gateKind(const QString &id) const { return m_gateKinds.value(id); }

    void checkGates(const PolicyNode &root)
    {
        const PolicyNode *gates = root.child(QStringLiteral("gates"));
        if (!gates || !gates->isMap()) {
            m_gatesVerifiable = !gates || gates->isNull();
            return;
        }
        for (const PolicyNode &g : gates->children) {
            if (!isIdentifier(g.key))
                continue;
            QString kind = QStringLiteral("command");
            if (g.isMap()) {
                const PolicyNode *k = g.child(QStringLiteral("kind"));
                if (k && k->isScalar())
                    kind = k->scalar;
            }
            m_gateKinds.insert(g.key, kind);
            m_gates << g.key;
        }
        for (const PolicyNode &g : gates->children) {
            if (!isIdentifier(g.key) || !(g.isMap() || g.isNull()))
                continue;
            const QString path = joinPath(QStringLiteral("gates"), g.key);
            const QString kind = gateKind(g.key);
            if (kind == u"command") {
                require(g, path, QStringLiteral("command"),
                        QStringLiteral("a command gate runs it"));
                require(g, path, QStringLiteral("format"),
                        QStringLiteral("how to read the tool's result: one of ") +
                            quotedList(PolicyValidator::resultFormats()));
            } else if (kind == u"derived") {
                if (require(g, path, QStringLiteral("after"),
                            QStringLiteral("the gate whose output a derived gate reads"))) {
                    const PolicyNode &after = *g.child(QStringLiteral("after"));
                    const QString afterPath = joinPath(path, QStringLiteral("after"));
                    if (after.scalar == g.key) {
                        error(after, afterPath,
                              QStringLiteral("a gate cannot read its own output"));
                    } else if (!m_gates.contains(after.scalar)) {
                        if (isIdentifier(after.scalar))
                            error(after, afterPath,
                                  unknown(QStringLiteral("gate"), after.scalar, m_gates));
                    } else if (gateKind(after.scalar) != u"command") {
                        error(after, afterPath,
                              QStringLiteral("gate '%1' is a %2 gate; a derived gate reads the "
                                             "output of a command gate")
                                  .arg(after.scalar, gateKind(after.scalar)));
                    }
                }
                require(g, path, QStringLiteral("format"),
                        QStringLiteral("how to read the other gate's output"));
            } else if (kind == u"files_exist") {
                require(g, path, QStringLiteral("paths"),
                        QStringLiteral("the globs that must match at least one file"));
            } else if (kind == u"metric") {
                if (const PolicyNode *source = g.child(QStringLiteral("source"));
                    source && source->isMap())
                    checkSource(*source, joinPath(path, QStringLiteral("source")));
            }
        }
    }

    void checkSource(const PolicyNode &source, const QString &path)
    {
        const QString type = text(source, QStringLiteral("type"));
        if (type.isEmpty() || type == u"none")
            return;
        if (type == u"http") {
            require(source, path, QStringLiteral("url"), QStringLiteral("the URL to fetch"));
        } else if (type == u"prometheus") {
            require(source, path, QStringLiteral("url"), QStringLiteral("the Prometheus server"));
            require(source, path, QStringLiteral("query"), QStringLiteral("the PromQL query"));
        } else if (type == u"file") {
            require(source, path, QStringLiteral("path"),
                    QStringLiteral("the workspace-relative file"));
        } else if (type == u"rollback_drill") {
            require(source, path, QStringLiteral("max_age_days"),
                    QStringLiteral("how recent the last rollback drill must be"));
        }
        const PolicyNode *min = source.child(QStringLiteral("min"));
        const PolicyNode *max = source.child(QStringLiteral("max"));
        if (min && max && min->isScalar() && max->isScalar()) {
            const auto lo = parseNumber(min->scalar);
            const auto hi = parseNumber(max->scalar);
            if (lo && hi && *lo > *hi)
                error(*max, joinPath(path, QStringLiteral("max")),
                      QStringLiteral("max (%1) is below min (%2): no value could pass")
                          .arg(formatNumber(*hi), formatNumber(*lo)));
        }
    }

    void collectRoles(const PolicyNode &root)
    {
        const PolicyNode *roles = root.child(QStringLiteral("roles"));
        if (!roles || !roles->isMap()) {
            m_rolesVerifiable = !roles || roles->isNull();
            return;
        }
        for (const PolicyNode &r : roles->children)
            m_roles << r.key;
    }

    static QString unknown(const QString &what, const QString &name, const QStringList &known)
    {
        QString message = QStringLiteral("unknown ") + what + QStringLiteral(" '") + name + u'\'';
        const QString hint = didYouMean(name, known);
        if (!hint.isEmpty())
            return message + hint;
        if (known.isEmpty())
            return message + QStringLiteral(" (none are defined)");
        return message + QStringLiteral(" (known: ") + quotedList(known) + u')';
    }

    // Items of a list of ids: each must be in \a known and appear once.
    QStringList idList(const PolicyNode *list, const QString &path, const QString &what,
                       const QStringList &known, bool verifiable)
    {
        QStringList ids;
        if (!list || !list->isSequence())
            return ids;
        for (size_t i = 0; i < list->children.size(); ++i) {
            const PolicyNode &item = list->children[i];
            if (!item.isScalar() || !isIdentifier(item.scalar))
                continue;
            const QString p = itemPath(path, int(i));
            if (!known.contains(item.scalar)) {
                if (verifiable)
                    error(item, p, unknown(what, item.scalar, known));
            } else if (ids.contains(item.scalar))
                error(item, p, QStringLiteral("%1 '%2' is listed twice").arg(what, item.scalar));
            ids << item.scalar;
        }
        return ids;
    }

    void checkTransitions(const PolicyNode &root)
    {
        const PolicyNode *transitions = root.child(QStringLiteral("transitions"));
        if (!transitions || !transitions->isSequence())
            return;
        QHash<QString, int> seenPairs;
        for (size_t i = 0; i < transitions->children.size(); ++i) {
            const PolicyNode &t = transitions->children[i];
            const QString path = itemPath(QStringLiteral("transitions"), int(i));
            if (!t.isMap())
                continue;
            const bool hasFrom = require(t, path, QStringLiteral("from"));
            const bool hasTo = require(t, path, QStringLiteral("to"));
            const PolicyNode *from = t.child(QStringLiteral("from"));
            const PolicyNode *to = t.child(QStringLiteral("to"));
            bool stagesKnown = hasFrom && hasTo;
            for (const PolicyNode *end : {hasFrom ? from : nullptr, hasTo ? to : nullptr}) {
                if (!end || !end->isScalar() || !isIdentifier(end->scalar)) {
                    stagesKnown = false;
                    continue;
                }
                if (!m_stages.contains(end->scalar)) {
                    if (!m_stagesVerifiable) {
                        stagesKnown = false;
                        continue;
                    }
                    error(*end, joinPath(path, end->key),
                          unknown(QStringLiteral("stage"), end->scalar, m_stages));
                    stagesKnown = false;
                }
            }
            if (stagesKnown) {
                const int fromIndex = int(m_stages.indexOf(from->scalar));
                const int toIndex = int(m_stages.indexOf(to->scalar));
                const QString pair = from->scalar + QStringLiteral(" -> ") + to->scalar;
                if (fromIndex >= toIndex) {
                    error(
                        *to, joinPath(path, QStringLiteral("to")),
                        QStringLiteral("a promotion goes to a later stage, but '%1' does not come "
                                       "after '%2' in stages")
                            .arg(to->scalar, from->scalar));
                } else if (seenPairs.contains(pair)) {
                    error(t, path,
                          QStringLiteral("a second transition %1 (the first is at line %2)")
                              .arg(pair)
                              .arg(seenPairs.value(pair)));
                } else {
                    seenPairs.insert(pair, t.line);
                }
            }

            const QString gatesPath = joinPath(path, QStringLiteral("gates"));
            const PolicyNode *gateList = t.child(QStringLiteral("gates"));
            const QStringList gates =
                idList(gateList, gatesPath, QStringLiteral("gate"), m_gates, m_gatesVerifiable);
            if (gateList && gateList->isSequence()) {
                checkDerivedInputs(*gateList, gatesPath, gates, root);
            }
            checkCriteria(t, path, gates);
            idList(t.child(QStringLiteral("approvals")),
                   joinPath(path, QStringLiteral("approvals")), QStringLiteral("role"), m_roles,
                   m_rolesVerifiable);
        }
    }

    // A derived gate parses what its "after" gate produced: that gate has to run too.
    void checkDerivedInputs(const PolicyNode &gateList, const QString &path,
                            const QStringList &gates, const PolicyNode &root)
    {
        const PolicyNode *gateDefs = root.child(QStringLiteral("gates"));
        for (size_t i = 0; i < gateList.children.size(); ++i) {
            const PolicyNode &item = gateList.children[i];
            if (!item.isScalar() || gateKind(item.scalar) != u"derived" || !gateDefs)
                continue;
            const PolicyNode *def = gateDefs->child(item.scalar);
            const QString after =
                def && def->isMap() ? text(*def, QStringLiteral("after")) : QString();
            // An "after" that is not a command gate was reported at the gate itself.
            if (gateKind(after) == u"command" && !gates.contains(after))
                error(
                    item, itemPath(path, int(i)),
                    QStringLiteral("gate '%1' reads the output of gate '%2', which this transition "
                                   "does not run; add '%2' to its gates")
                        .arg(item.scalar, after));
        }
    }

    void checkCriteria(const PolicyNode &t, const QString &transitionPath, const QStringList &gates)
    {
        const PolicyNode *criteria = t.child(QStringLiteral("criteria"));
        if (!criteria || !criteria->isSequence())
            return;
        QHash<QString, int> firstLine;
        for (size_t i = 0; i < criteria->children.size(); ++i) {
            const PolicyNode &c = criteria->children[i];
            const QString path =
                itemPath(joinPath(transitionPath, QStringLiteral("criteria")), int(i));
            if (!c.isMap())
                continue;
            if (require(c, path, QStringLiteral("id"))) {
                const PolicyNode *id = c.child(QStringLiteral("id"));
                if (id->isScalar() && isIdentifier(id->scalar)) {
                    if (firstLine.contains(id->scalar))
                        error(
                            *id, joinPath(path, QStringLiteral("id")),
                            QStringLiteral("duplicate criterion id '%1' in this transition (first "
                                           "at line %2)")
                                .arg(id->scalar)
                                .arg(firstLine.value(id->scalar)));
                    else
                        firstLine.insert(id->scalar, id->line);
                }
            }
            require(c, path, QStringLiteral("text"), QStringLiteral("what the checklist shows"));
            const PolicyNode *provenBy = c.child(QStringLiteral("proven_by"));
            if (!provenBy || !provenBy->isSequence())
                continue;
            const QString provenPath = joinPath(path, QStringLiteral("proven_by"));
            idList(provenBy, provenPath, QStringLiteral("gate"), m_gates, m_gatesVerifiable);
            for (size_t j = 0; j < provenBy->children.size(); ++j) {
                const PolicyNode &item = provenBy->children[j];
                if (item.isScalar() && m_gates.contains(item.scalar) &&
                    !gates.contains(item.scalar))
                    error(item, itemPath(provenPath, int(j)),
                          QStringLiteral("gate '%1' is not among this transition's gates, so it "
                                         "cannot prove this criterion")
                              .arg(item.scalar));
            }
        }
    }

    // The stages that may skip gates and the role that approves it must exist.
    void checkOptions(const PolicyNode &root)
    {
        const PolicyNode *options = root.child(QStringLiteral("options"));
        if (!options || !options->isMap())
            return;
        // The default's [development, staging] does not break a policy that renames its
        // stages: those names then simply allow no skip.
        const PolicyNode *allowed = options->child(QStringLiteral("allow_skip_quality_gates"));
        if (allowed && !(allowed->file == m_builtinFile && !m_userFile.isEmpty()))
            idList(allowed, QStringLiteral("options.allow_skip_quality_gates"),
                   QStringLiteral("stage"), m_stages, m_stagesVerifiable);
        const PolicyNode *role = options->child(QStringLiteral("skip_approval_role"));
        if (role && role->isScalar() && isIdentifier(role->scalar) && m_rolesVerifiable &&
            !m_roles.contains(role->scalar))
            error(*role, QStringLiteral("options.skip_approval_role"),
                  unknown(QStringLiteral("role"), role->scalar, m_roles));
    }

    void checkValidation(const PolicyNode &root)
    {
        const PolicyNode *v = root.child(QStringLiteral("validation"));
        if (!v || !v->isMap())
            return;
        const PolicyNode *interval = v->child(QStringLiteral("interval"));
        const PolicyNode *window = v->child(QStringLiteral("window"));
        if (!interval || !window || !interval->isScalar() || !window->isScalar())
            return;
        const auto i = parseInteger(interval->scalar);
        const auto w = parseInteger(window->scalar);
        if (i && w && *i > 0 && *w > 0 && *w < *i)
            error(*window, QStringLiteral("validation.window"),
                  QStringLiteral("the verification window (%1 s) is shorter than the polling "
                                 "interval (%2 s): nothing would be measured")
                      .arg(*w)
                      .arg(*i));
    }

    QString m_builtinFile;
    QString m_userFile;
    QList<PolicyError> *m_errors;
    // False when the list itself is of the wrong type (reported by pass 1):
    // then every reference to it would be a second, misleading error.
    bool m_stagesVerifiable = true;
    bool m_gatesVerifiable = true;
    bool m_rolesVerifiable = true;
    QStringList m_stages;
    QStringList m_gates;
    QHash<QString, QString> m_gateKinds;
    QStringList m_roles;
};

} // namespace

void PolicyValidator::checkDocument(const PolicyNode &root, QList<PolicyError> *errors)
{
    DocumentChecker(errors).run(root);
}

void PolicyValidator::checkMerged(const PolicyNode &root, const QString &builtinFile,
                                  const QString &userFile, QList<PolicyError> *errors)
{
    MergedChecker(builtinFile, userFile, errors).run(root);
}

QStringList PolicyValidator::placeholderProblems(const QString &text)
{
    // Mirrors ArgvTemplate's walk(): the loader refuses here what the runner
    // would refuse later, before anything has run.
    static const QStringList known = ArgvTemplate::knownPlaceholders();
    QStringList problems;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'}') {
            if (i + 1 < text.size() && text.at(i + 1) == u'}') {
                i += 2;
                continue;
            }
            problems << QStringLiteral(
                            "unmatched '}' at character %1; write '}}' for a literal brace")
                            .arg(i + 1);
            ++i;
            continue;
        }
        if (c != u'{') {
            ++i;
            continue;
        }
        if (i + 1 < text.size() && text.at(i + 1) == u'{') {
            i += 2;
            continue;
        }
        const qsizetype close = text.indexOf(u'}', i + 1);
        if (close < 0) {
            problems << QStringLiteral("unterminated placeholder at character %1; write '{{' for a "
                                       "literal brace")
                            .arg(i + 1);
            break;
        }
        const QString inner = text.mid(i + 1, close - i - 1);
        const QString braced = u'{' + inner + u'}';
        if (inner.contains(u'{')) {
            problems << QStringLiteral("'{' inside placeholder %1; write '{{' for a literal brace")
                            .arg(braced);
        } else if (inner.startsWith(u"env:")) {
            const QStringView spec = QStringView(inner).mid(4);
            const qsizetype colon = spec.indexOf(u':');
            const QStringView name = colon < 0 ? spec : spec.left(colon);
            if (!isEnvName(name))
                problems << QStringLiteral("invalid environment variable name in placeholder %1 "
                                           "(write {env:NAME} or {env:NAME:default})")
                                .arg(braced);
        } else if (!known.contains(inner)) {
            QString message = QStringLiteral("unknown placeholder ") + braced;
            // The seed workflow's own spellings, which people copy from it.
            static const QHash<QString, QString> seedNames{
                {QStringLiteral("component_name"), QStringLiteral("component")},
                {QStringLiteral("target_stage"), QStringLiteral("to_stage")},
                {QStringLiteral("current_stage"), QStringLiteral("from_stage")},
            };
            const QString match =
                seedNames.contains(inner) ? seedNames.value(inner) : closestMatch(inner, known);
            if (!match.isEmpty()) {
                message += QStringLiteral(" (did you mean {") + match + QStringLiteral("}?)");
            } else {
                QStringList all;
                for (const QString &k : known)
                    all << u'{' + k + u'}';
                all << QStringLiteral("{env:NAME}") << QStringLiteral("{env:NAME:default}");
                message += QStringLiteral("; known placeholders: ") + all.join(u' ');
            }
            problems << message;
        }
        i = close + 1;
    }
    return problems;
}

QString PolicyValidator::pathProblem(const QString &text)
{
    // {artifacts} and {workspace} are the two places a path may start from; whatever
    // follows must stay below them. Other placeholders ({env:…}) are checked at run start.
    QString rest = text.trimmed();
    bool anchored = false;
    for (const QString &base : {QStringLiteral("{artifacts}"), QStringLiteral("{workspace}")}) {
        if (rest == base || rest.startsWith(base + u'/')) {
            rest = rest.mid(base.size());
            while (rest.startsWith(u'/'))
                rest.remove(0, 1);
            anchored = true;
            break;
        }
    }
    if (!anchored && (rest.startsWith(u'/') || rest.startsWith(u'~') || rest.startsWith(u'\\')))
        return QStringLiteral("must be inside the workspace or the run's artifacts: write a "
                              "workspace-relative path or one starting with {artifacts}/, not "
                              "the absolute path '%1'")
            .arg(text);
    const QString clean = QDir::cleanPath(rest.isEmpty() ? QStringLiteral(".") : rest);
    if (clean == u".." || clean.startsWith(QStringLiteral("../")))
        return QStringLiteral("must be inside the workspace or the run's artifacts, but '%1' "
                              "leads outside with '..'")
            .arg(text);
    return {};
}

QString PolicyValidator::closestMatch(const QString &word, const QStringList &candidates)
{
    const QString lower = word.toLower();
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    for (const QString &candidate : candidates) {
        const QString c = candidate.toLower();
        int d = editDistance(lower, c);
        // "component_name" for "component", "cov" for "coverage": one is the start of the other.
        if (d > 0 && lower.size() >= 3 && c.size() >= 3 &&
            (c.startsWith(lower) || lower.startsWith(c)))
            d = std::min(d, 1);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    const int allowed = word.size() <= 3 ? 1 : word.size() <= 6 ? 2 : 3;
    if (best.isEmpty() || bestDistance > allowed || best == word)
        return {};
    return best;
}

QStringList PolicyValidator::gateKinds()
{
    return {QStringLiteral("command"), QStringLiteral("derived"), QStringLiteral("files_exist"),
            QStringLiteral("metric"), QStringLiteral("attestation")};
}

QStringList PolicyValidator::resultFormats()
{
    return {QStringLiteral("junit"),
            QStringLiteral("cobertura"),
            QStringLiteral("coverage-json"),
            QStringLiteral("sarif"),
            QStringLiteral("ruff-json"),
            QStringLiteral("pyright-json"),
            QStringLiteral("detect-secrets-json"),
            QStringLiteral("diagnostics-text"),
            QStringLiteral("exit-code")};
}

QStringList PolicyValidator::pythonRunners()
{
    return {QStringLiteral("auto"), QStringLiteral("uv"), QStringLiteral("plain")};
}

QStringList PolicyValidator::versionBumps()
{
    return {QStringLiteral("none"), QStringLiteral("patch"), QStringLiteral("minor"),
            QStringLiteral("major")};
}

QStringList PolicyValidator::dataSourceTypes()
{
    return {QStringLiteral("none"), QStringLiteral("http"), QStringLiteral("prometheus"),
            QStringLiteral("file"), QStringLiteral("rollback_drill")};
}

} // namespace Promotion
