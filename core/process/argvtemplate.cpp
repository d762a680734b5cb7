// SPDX-License-Identifier: GPL-3.0-or-later
#include "argvtemplate.h"

namespace Promotion {

namespace {

bool isEnvName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        const bool letter = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || c == u'_';
        const bool digit = c >= u'0' && c <= u'9';
        if (!(letter || (digit && i > 0)))
            return false;
    }
    return true;
}

QString braced(QStringView name)
{
    return QStringLiteral("{") + name + QStringLiteral("}");
}

QString joinedKnown()
{
    QStringList names;
    for (const QString &name : ArgvTemplate::knownPlaceholders())
        names << braced(name);
    names << QStringLiteral("{env:NAME}") << QStringLiteral("{env:NAME:default}");
    return names.join(QStringLiteral(", "));
}

/*
 * One pass over the argument. The callback gets the text inside each
 * placeholder and returns its value or sets an error; the walk itself only
 * deals with braces, so expand() and referencedPlaceholders() agree on syntax.
 */
template <typename Resolve> ArgvTemplate::Expanded walk(const QString &arg, Resolve resolve)
{
    ArgvTemplate::Expanded out;
    out.value.reserve(arg.size());
    const auto fail = [&](const QString &why, qsizetype pos) {
        out.value.clear();
        // Concatenated, not arg()'d: the argument itself may contain "%1".
        out.error = why + QStringLiteral(" (at column ") + QString::number(pos + 1) +
                    QStringLiteral(" of argument \"") + arg + QStringLiteral("\")");
        return out;
    };
    qsizetype i = 0;
    while (i < arg.size()) {
        const QChar c = arg.at(i);
        if (c == u'}') {
            if (i + 1 < arg.size() && arg.at(i + 1) == u'}') {
                out.value += u'}';
                i += 2;
                continue;
            }
            return fail(QStringLiteral("Unmatched '}'; write '}}' for a literal brace"), i);
        }
        if (c != u'{') {
            out.value += c;
            ++i;
            continue;
        }
        if (i + 1 < arg.size() && arg.at(i + 1) == u'{') {
            out.value += u'{';
            i += 2;
            continue;
        }
        const qsizetype close = arg.indexOf(u'}', i + 1);
        if (close < 0)
            return fail(QStringLiteral("Unterminated placeholder; write '{{' for a literal brace"),
                        i);
        const QStringView inner = QStringView(arg).mid(i + 1, close - i - 1);
        if (inner.contains(u'{'))
            return fail(QStringLiteral("'{' inside placeholder %1").arg(braced(inner)), i);
        QString error;
        const QString value = resolve(inner, error);
        if (!error.isEmpty())
            return fail(error, i);
        out.value += value;
        i = close + 1;
    }
    return out;
}

} // namespace

QStringList ArgvTemplate::knownPlaceholders()
{
    return {QStringLiteral("workspace"), QStringLiteral("component"), QStringLiteral("from_stage"),
            QStringLiteral("to_stage"),  QStringLiteral("stage"),     QStringLiteral("artifacts"),
            QStringLiteral("run_id"),    QStringLiteral("date"),      QStringLiteral("coverage"),
            QStringLiteral("version"),   QStringLiteral("previous_revision"),
            QStringLiteral("rollback_reason")};
}

ArgvTemplate::Expanded ArgvTemplate::expand(const QString &arg, const QHash<QString, QString> &vars,
                                            const QProcessEnvironment &env)
{
    static const QStringList known = knownPlaceholders();
    return walk(arg, [&](QStringView inner, QString &error) -> QString {
        if (inner.startsWith(u"env:")) {
            const QStringView spec = inner.mid(4);
            const qsizetype colon = spec.indexOf(u':');
            const QStringView name = colon < 0 ? spec : spec.left(colon);
            if (!isEnvName(name)) {
                error = QStringLiteral("Invalid environment variable name in placeholder %1")
                            .arg(braced(inner));
                return {};
            }
            const QString key = name.toString();
            const QString value = env.value(key);
            if (colon >= 0) {
                // Like ${NAME:-default}: empty counts as unset.
                return value.isEmpty() ? spec.mid(colon + 1).toString() : value;
            }
            if (!env.contains(key)) {
                error = QStringLiteral("Environment variable %1 is not set for placeholder %2; "
                                       "set it, or write {env:%1:default}")
                            .arg(key, braced(inner));
                return {};
            }
            return value;
        }
        const QString name = inner.toString();
        const auto it = vars.constFind(name);
        if (it != vars.constEnd())
            return it.value();
        if (known.contains(name)) {
            error = QStringLiteral("Placeholder %1 has no value at this point of the promotion")
                        .arg(braced(inner));
        } else {
            error = QStringLiteral("Unknown placeholder %1; known placeholders are %2")
                        .arg(braced(inner), joinedKnown());
        }
        return {};
    });
}

ArgvTemplate::ExpandedList ArgvTemplate::expandAll(const QStringList &args,
                                                   const QHash<QString, QString> &vars,
                                                   const QProcessEnvironment &env)
{
    ExpandedList out;
    out.values.reserve(args.size());
    for (qsizetype i = 0; i < args.size(); ++i) {
        const Expanded one = expand(args.at(i), vars, env);
        if (!one.ok()) {
            out.values.clear();
            out.error =
                QStringLiteral("argv[") + QString::number(i) + QStringLiteral("]: ") + one.error;
            out.errorIndex = int(i);
            return out;
        }
        out.values << one.value;
    }
    return out;
}

QStringList ArgvTemplate::referencedPlaceholders(const QString &arg)
{
    QStringList names;
    walk(arg, [&](QStringView inner, QString &) -> QString {
        if (!inner.startsWith(u"env:") && !names.contains(inner.toString()))
            names << inner.toString();
        return {};
    });
    return names;
}

} // namespace Promotion
