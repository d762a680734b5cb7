// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: step 2 (the quality gates) on the embedded demo against each gate run
// alone, cold (a fresh workspace copy: empty tool caches) and warm (the same copy
// again), and two consecutive dry runs of the real command line.
//
//   tests/bench/bench_gates [--rounds N] [--check] [--binary path/to/promotion-console]
//
// The target is together(cold) <= 1.15 x max(slowest gate alone, sum of gates alone /
// cores); --check exits 1 when it is missed. Figures are medians over the rounds.
#include "demo/demoworkspace.h"
#include "gates/gatescheduler.h"
#include "process/toolversioncache.h"
#include "workflow/runcontext.h"

#include <algorithm>
#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

using namespace Promotion;

namespace {

struct Copy
{
    QTemporaryDir dir;
    QString path;
    bool ok = false;
    Copy()
    {
        path = dir.path() + QStringLiteral("/demo");
        ok = dir.isValid() && DemoWorkspace::extractTo(path).isEmpty();
    }
    ~Copy() { QProcess::execute(path + QStringLiteral("/tools/bin/demo-cluster-down"), {}); }
};

PromotionRequest request(const QString &workspace, bool dryRun = true)
{
    PromotionRequest r;
    r.workspace = workspace;
    r.component = QStringLiteral("agent_orchestration");
    r.from = QStringLiteral("development");
    r.to = QStringLiteral("staging");
    r.dryRun = dryRun;
    r.promoter = QStringLiteral("bench");
    return r;
}

/*! Milliseconds the scheduler takes for \a only (empty: the stage's gates), -1 on error. */
qint64 runGates(const QString &workspace, const QStringList &only, QString *error)
{
    RunContext ctx;
    if (!ctx.startRun(request(workspace), QStringLiteral("bench"), error))
        return -1;
    ctx.state().currentStage = QStringLiteral("development");
    const TransitionDefinition *t = ctx.transition();
    if (!t) {
        *error = QStringLiteral("no development → staging transition");
        return -1;
    }
    QList<GateDefinition> defs;
    for (const QString &id : t->gates) {
        if (only.isEmpty() || only.contains(id))
            defs.append(ctx.policy().gates.value(id));
    }
    GateContext gc;
    gc.workspace = ctx.workspace().root();
    gc.component = ctx.request().component;
    gc.artifactsDir = ctx.artifactsDir();
    gc.variables = ctx.variables();
    gc.environment = ctx.environment();
    gc.pythonRunner = ctx.policy().pythonRunner;
    gc.maxParallel = ctx.policy().maxParallelGates;
    if (const StageDefinition *stage = ctx.policy().stage(ctx.request().to))
        gc.stageCoverageMin = stage->coverageMin;
    GateScheduler scheduler;
    QEventLoop loop;
    QObject::connect(&scheduler, &GateScheduler::finished, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    scheduler.start(defs, gc, {});
    if (scheduler.isRunning())
        loop.exec();
    return clock.elapsed();
}

qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? -1 : values.at(values.size() / 2);
}

qint64 timeDryRun(const QString &binary, const QString &workspace)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer clock;
    clock.start();
    p.start(binary, {QStringLiteral("promote"), QStringLiteral("--workspace"), workspace,
                     QStringLiteral("--component"), QStringLiteral("agent_orchestration"),
                     QStringLiteral("--from"), QStringLiteral("development"),
                     QStringLiteral("--to"), QStringLiteral("staging"), QStringLiteral("--dry-run"),
                     QStringLiteral("--accept-criteria"), QStringLiteral("all"),
                     QStringLiteral("--approve"), QStringLiteral("tech_lead=Ada <ada@example.org>"),
                     QStringLiteral("--approve"), QStringLiteral("qa=Bob <bob@example.org>")});
    if (!p.waitForFinished(300000) || p.exitCode() != 0) {
        std::fprintf(stderr, "dry run failed:\n%s\n", p.readAll().constData());
        return -1;
    }
    return clock.elapsed();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("rounds"), QStringLiteral("Rounds per figure."),
                      QStringLiteral("n"), QStringLiteral("3")});
    parser.addOption({QStringLiteral("binary"),
                      QStringLiteral("promotion-console to time dry "
                                     "runs with."),
                      QStringLiteral("path")});
    parser.addOption({QStringLiteral("check"), QStringLiteral("Exit 1 above 1.15x.")});
    parser.process(app);
    const int rounds = qMax(1, parser.value(QStringLiteral("rounds")).toInt());
    const int cores = qMax(1, QThread::idealThreadCount());
    QString error;

    // Which gates run a command (the others take no measurable time alone).
    QStringList commandGates;
    {
        Copy probe;
        RunContext ctx;
        if (!probe.ok || !ctx.startRun(request(probe.path), QStringLiteral("bench"), &error)) {
            std::fprintf(stderr, "cannot prepare the demo: %s\n", qPrintable(error));
            return 2;
        }
        ctx.state().currentStage = QStringLiteral("development");
        for (const QString &id : ctx.transition()->gates) {
            if (ctx.policy().gates.value(id).kind == GateDefinition::Kind::Command)
                commandGates.append(id);
        }
    }
    // A first run fills the version cache, as the first run on any machine does once.
    {
        Copy warmup;
        if (runGates(warmup.path, {}, &error) < 0) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 2;
        }
    }

    std::printf("bench_gates: %d core(s), %d round(s), gates: %s\n", cores, rounds,
                qPrintable(commandGates.join(QStringLiteral(", "))));
    qint64 slowestCold = 0;
    qint64 sumCold = 0;
    for (const QString &id : std::as_const(commandGates)) {
        QList<qint64> cold;
        QList<qint64> warm;
        for (int r = 0; r < rounds; ++r) {
            Copy c;
            cold.append(runGates(c.path, {id}, &error));
            warm.append(runGates(c.path, {id}, &error));
        }
        const qint64 c = median(cold);
        std::printf("  %-22s alone: cold %6lld ms   warm %6lld ms\n", qPrintable(id),
                    static_cast<long long>(c), static_cast<long long>(median(warm)));
        slowestCold = qMax(slowestCold, c);
        sumCold += c;
    }
    QList<qint64> togetherCold;
    QList<qint64> togetherWarm;
    for (int r = 0; r < rounds; ++r) {
        Copy c;
        togetherCold.append(runGates(c.path, {}, &error));
        togetherWarm.append(runGates(c.path, {}, &error));
    }
    const double bound = double(qMax(slowestCold, sumCold / cores));
    const double ratio = double(median(togetherCold)) / bound;
    std::printf("  all gates together:    cold %6lld ms   warm %6lld ms\n",
                static_cast<long long>(median(togetherCold)),
                static_cast<long long>(median(togetherWarm)));
    std::printf("  bound max(slowest %lld, sum %lld / %d) = %.0f ms; together cold / bound = "
                "%.2fx (target <= 1.15x)\n",
                static_cast<long long>(slowestCold), static_cast<long long>(sumCold), cores, bound,
                ratio);

    if (parser.isSet(QStringLiteral("binary"))) {
        QList<qint64> first;
        QList<qint64> second;
        for (int r = 0; r < rounds; ++r) {
            Copy c;
            first.append(timeDryRun(parser.value(QStringLiteral("binary")), c.path));
            second.append(timeDryRun(parser.value(QStringLiteral("binary")), c.path));
        }
        std::printf("  dry run of agent_orchestration: first %lld ms, second %lld ms (same "
                    "workspace)\n",
                    static_cast<long long>(median(first)), static_cast<long long>(median(second)));
        if (median(second) >= median(first))
            std::printf("  NOTE: the second dry run was not faster\n");
    }
    return parser.isSet(QStringLiteral("check")) && ratio > 1.15 ? 1 : 0;
}
