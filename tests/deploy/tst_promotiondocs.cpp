// SPDX-License-Identifier: GPL-3.0-or-later
// The specification's promotion date and the runbook's promotion entry (seed step 5),
// and MetadataUpdater planning them (a missing runbook is created from the template).
#include "deploy/metadataupdater.h"
#include "deploy/promotiondocs.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Promotion;

namespace {
MetadataInput input(const QString &stage = QStringLiteral("staging"))
{
    MetadataInput in;
    in.component = QStringLiteral("agent_orchestration");
    in.targetStage = stage;
    in.fromStage = QStringLiteral("development");
    in.date = QDate(2026, 12, 1);
    in.version = QStringLiteral("0.4.0");
    in.promoter = QStringLiteral("Ada Lead <ada@example.org>");
    in.runId = QStringLiteral("run-1");
    return in;
}
} // namespace

class TestPromotionDocs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void spec_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addRow("current stage line")
            << QStringLiteral("# Spec\n\n**Owner:** x\n**Current stage:** development (see "
                              "`__maturity__`)\n**Related:** y\n")
            << QStringLiteral(
                   "# Spec\n\n**Owner:** x\n**Current stage:** staging (see `__maturity__`)\n"
                   "**Promoted to staging:** 2026-12-01\n**Related:** y\n");
        QTest::addRow("date refreshed")
            << QStringLiteral(
                   "# Spec\n**Current stage:** staging\n**Promoted to staging:** 2026-01-01\n")
            << QStringLiteral(
                   "# Spec\n**Current stage:** staging\n**Promoted to staging:** 2026-12-01\n");
        QTest::addRow("heading only")
            << QStringLiteral("# Spec\nText.\n")
            << QStringLiteral("# Spec\n\n**Promoted to staging:** 2026-12-01\nText.\n");
        QTest::addRow("no heading")
            << QStringLiteral("Text.")
            << QStringLiteral("**Promoted to staging:** 2026-12-01\n\nText.");
        QTest::addRow("fenced code untouched")
            << QStringLiteral("# S\n```\n**Current stage:** development\n```\n")
            << QStringLiteral("# S\n\n**Promoted to staging:** 2026-12-01\n```\n**Current stage:** "
                              "development\n```\n");
        QTest::addRow("crlf kept")
            << QStringLiteral("# S\r\n**Current stage:** development\r\n")
            << QStringLiteral(
                   "# S\r\n**Current stage:** staging\r\n**Promoted to staging:** 2026-12-01\r\n");
    }
    void spec()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QCOMPARE(PromotionDocs::updateSpec(before, input()), after);
        // Idempotent: a second run on the same day changes nothing.
        QCOMPARE(PromotionDocs::updateSpec(after, input()), after);
    }

    void runbookEntryAppendsToHistory()
    {
        const MetadataInput in = input(QStringLiteral("production"));
        const QString entry = PromotionDocs::runbookEntry(in);
        QCOMPARE(entry, QStringLiteral("- 2026-12-01: `agent_orchestration` promoted to production "
                                       "(version 0.4.0) from development by Ada Lead "
                                       "<ada@example.org>, run `run-1`"));
        const QString created =
            PromotionDocs::addRunbookEntry(PromotionDocs::runbookTemplate(in), in);
        QVERIFY(created.startsWith(QLatin1String("# Runbook: agent_orchestration\n")));
        QVERIFY(created.endsWith(QStringLiteral("## Promotion history\n\n") + entry + u'\n'));
        QVERIFY(created.contains(QLatin1String(
            "kubectl rollout undo deployment/agent_orchestration -n tta-production")));
        // A second entry goes below the first, before the next section.
        const QString two =
            PromotionDocs::addRunbookEntry(created + QStringLiteral("\n## Later\nx\n"), in);
        QVERIFY2(two.contains(entry + u'\n' + entry + QStringLiteral("\n\n## Later")),
                 qPrintable(two));
        // No history section: one is added at the end.
        QCOMPARE(PromotionDocs::addRunbookEntry(QStringLiteral("# R\n\ntext\n\n"), in),
                 QStringLiteral("# R\n\ntext\n\n## Promotion history\n\n") + entry + u'\n');
    }

    void plannedWithTheMetadata()
    {
        QTemporaryDir dir;
        const QDir root(dir.path());
        QVERIFY(root.mkpath(QStringLiteral("src/agent_orchestration")));
        QVERIFY(root.mkpath(QStringLiteral("specs")));
        auto write = [&](const QString &rel, const QByteArray &bytes) {
            QFile f(root.filePath(rel));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        };
        write(QStringLiteral("src/agent_orchestration/__init__.py"),
              "\"\"\"Doc.\"\"\"\n__version__ = \"0.4.0\"\n__maturity__ = \"staging\"\n");
        write(QStringLiteral("specs/agent_orchestration.md"),
              "# Spec\n**Current stage:** staging\n");
        MetadataInput in = input(QStringLiteral("production"));
        in.workspaceRoot = dir.path();
        in.updateReadme = false;
        in.specRelativePath = QStringLiteral("specs/agent_orchestration.md");
        in.runbookRelativePath = QStringLiteral("docs/runbooks/agent_orchestration.md");
        QString error;
        const QList<FileChange> changes = MetadataUpdater::plan(in, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(changes.size(), 3);
        QCOMPARE(changes.at(1).relativePath, QStringLiteral("specs/agent_orchestration.md"));
        QVERIFY(!changes.at(1).created);
        QCOMPARE(changes.at(2).relativePath,
                 QStringLiteral("docs/runbooks/agent_orchestration.md"));
        QVERIFY(changes.at(2).created);
        // Planning writes nothing.
        QVERIFY(!root.exists(QStringLiteral("docs")));
        const QString diff = MetadataUpdater::diff(changes);
        QVERIFY(diff.contains(
            QLatin1String("--- /dev/null\n+++ b/docs/runbooks/agent_orchestration.md")));
        QVERIFY(diff.contains(QLatin1String("+**Promoted to production:** 2026-12-01")));
        QVERIFY(MetadataUpdater::apply(changes, &error));
        QVERIFY(
            QFile::exists(root.filePath(QStringLiteral("docs/runbooks/agent_orchestration.md"))));
        // The runbook is a directory: a clear error naming it.
        QTemporaryDir dir2;
        in.workspaceRoot = dir2.path();
        QVERIFY(QDir(dir2.path()).mkpath(QStringLiteral("src/agent_orchestration")));
        QVERIFY(QDir(dir2.path()).mkpath(QStringLiteral("docs/runbooks/agent_orchestration.md")));
        QFile init(dir2.filePath(QStringLiteral("src/agent_orchestration/__init__.py")));
        QVERIFY(init.open(QIODevice::WriteOnly));
        init.write("__maturity__ = \"staging\"\n");
        init.close();
        in.specRelativePath.clear();
        QVERIFY(MetadataUpdater::plan(in, &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String(
                     "docs/runbooks/agent_orchestration.md exists but is not a file")),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPromotionDocs)
#include "tst_promotiondocs.moc"
