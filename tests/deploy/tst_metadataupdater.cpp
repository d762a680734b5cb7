// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploy/metadataupdater.h"
#include "deploy/unifieddiff.h"
#include "difftesthelper.h"
#include "testconfig.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Promotion;

namespace {
const QString kComponent = QStringLiteral("agent_orchestration");
const QString kInit = QStringLiteral("src/agent_orchestration/__init__.py");
const QString kReadme = QStringLiteral("src/agent_orchestration/README.md");

QString caseDir(const QString &name)
{
    return QStringLiteral(TEST_DATA_DIR "/deploy/") + name;
}

const FileChange *findChange(const QList<FileChange> &changes, const QString &relative)
{
    for (const FileChange &c : changes) {
        if (c.relativePath == relative)
            return &c;
    }
    return nullptr;
}

MetadataInput baseInput(const QString &root)
{
    MetadataInput in;
    in.workspaceRoot = root;
    in.component = kComponent;
    in.targetStage = QStringLiteral("staging");
    in.coverage = 72.4;
    in.date = QDate(2025, 11, 1);
    return in;
}

// What Python itself makes of the file: the last top-level __maturity__ and
// __version__ string values, and the module docstring.
const char *kPythonProbe = R"PY(
import ast, sys
tree = ast.parse(open(sys.argv[1], encoding="utf-8-sig").read())
values = {}
for node in tree.body:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
    for t in targets:
        if isinstance(t, ast.Name) and isinstance(getattr(node, "value", None), ast.Constant):
            values[t.id] = node.value.value
print(values.get("__maturity__", ""))
print(values.get("__version__", ""))
print(ast.get_docstring(tree) or "")
)PY";
} // namespace

class TestMetadataUpdater : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void plan_data()
    {
        QTest::addColumn<QString>("caseName");
        QTest::addColumn<QString>("stage");
        QTest::addColumn<double>("coverage"); // < 0: not measured
        QTest::addColumn<QString>("bump");
        QTest::addColumn<bool>("updateReadme");
        QTest::addColumn<int>("integrationTests"); // < 0: unknown

        QTest::newRow("normal init") << "normal_init"
                                     << "staging" << 72.4 << "none" << false << -1;
        QTest::newRow("single quotes") << "single_quotes"
                                       << "staging" << 70.0 << "none" << false << -1;
        QTest::newRow("missing __maturity__") << "missing_maturity"
                                              << "staging" << 75.5 << "none" << false << -1;
        QTest::newRow("parenthesized version, CRLF, no coverage")
            << "parenthesized_version_crlf"
            << "staging" << -1.0 << "none" << false << -1;
        QTest::newRow("no docstring") << "no_docstring"
                                      << "staging" << 88.0 << "none" << false << -1;
        QTest::newRow("empty __init__") << "empty_init"
                                        << "staging" << 66.66 << "none" << false << -1;
        QTest::newRow("one-line docstring, minor bump")
            << "one_line_docstring_bump_minor"
            << "production" << 91.2 << "minor" << false << -1;
        QTest::newRow("decoy inside a string") << "string_decoy"
                                               << "staging" << 80.0 << "none" << false << -1;
        QTest::newRow("README with status block") << "readme_with_block"
                                                  << "staging" << 72.4 << "none" << true << 6;
        QTest::newRow("README without status block") << "readme_without_block"
                                                     << "staging" << 72.4 << "none" << true << -1;
        QTest::newRow("README with part of the block") << "readme_partial"
                                                       << "staging" << 72.4 << "none" << true << -1;
        QTest::newRow("README without heading") << "readme_no_heading"
                                                << "staging" << 72.4 << "none" << true << -1;
        QTest::newRow("no README") << "no_readme"
                                   << "staging" << 72.4 << "none" << true << 6;
        QTest::newRow("README with BOM and CRLF") << "readme_bom"
                                                  << "staging" << 72.4 << "none" << true << -1;
        QTest::newRow("README present but not updated")
            << "readme_with_block"
            << "staging" << 72.4 << "none" << false << -1;
    }
    void plan()
    {
        QFETCH(QString, caseName);
        QFETCH(QString, stage);
        QFETCH(double, coverage);
        QFETCH(QString, bump);
        QFETCH(bool, updateReadme);
        QFETCH(int, integrationTests);

        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QString componentDir = root.filePath(QStringLiteral("src/") + kComponent);
        QVERIFY(QDir().mkpath(componentDir));
        QHash<QString, std::optional<QByteArray>> before;
        QHash<QString, std::optional<QByteArray>> expected;
        for (const QString &rel : {kInit, kReadme}) {
            const QString name = QFileInfo(rel).fileName();
            before.insert(
                rel, DiffTest::readFile(caseDir(caseName) + QStringLiteral("/before/") + name));
            expected.insert(
                rel, DiffTest::readFile(caseDir(caseName) + QStringLiteral("/after/") + name));
            if (before.value(rel))
                QVERIFY(DiffTest::writeFile(root.filePath(rel), *before.value(rel)));
        }
        if (!updateReadme)
            expected.insert(kReadme, before.value(kReadme));

        MetadataInput input = baseInput(root.path());
        input.targetStage = stage;
        input.coverage = coverage < 0 ? std::nullopt : std::optional<double>(coverage);
        input.versionBump = *SemanticVersion::parseBump(bump);
        input.updateReadme = updateReadme;
        if (integrationTests >= 0)
            input.integrationTests = integrationTests;

        QString error;
        const QList<FileChange> changes = MetadataUpdater::plan(input, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        for (const QString &rel : {kInit, kReadme}) {
            const FileChange *change = findChange(changes, rel);
            const std::optional<QByteArray> want = expected.value(rel);
            const std::optional<QByteArray> had = before.value(rel);
            if (!want || want == had) {
                QVERIFY2(!change, qPrintable(rel + QStringLiteral(" should not change")));
                continue;
            }
            QVERIFY2(change, qPrintable(rel + QStringLiteral(" should change")));
            QCOMPARE(change->created, !had.has_value());
            QCOMPARE(change->before, had.value_or(QByteArray()));
            QCOMPARE(change->absolutePath, root.filePath(rel));
            if (change->after != *want) {
                qWarning().noquote()
                    << "planned" << rel << "differs from" << caseName << "after/:\n"
                    << UnifiedDiff::diff(QStringLiteral("expected"), QStringLiteral("actual"),
                                         *want, change->after);
            }
            QCOMPARE(change->after, *want);
        }

        // The dry-run diff, applied by git to the "before" files, gives the "after" files.
        if (!changes.isEmpty()) {
            const QString patch = MetadataUpdater::diff(changes);
            const auto applied =
                DiffTest::applyPatch(QStringLiteral("git"), before, patch, false, &error);
            if (applied) {
                for (const QString &rel : {kInit, kReadme})
                    QCOMPARE(applied->value(rel), expected.value(rel).value_or(QByteArray()));
            } else if (!error.endsWith(QLatin1String(" is not installed"))) {
                QFAIL(qPrintable(error));
            }
        }

        // Writing, then planning again, changes nothing more.
        QVERIFY2(MetadataUpdater::apply(changes, &error), qPrintable(error));
        for (const QString &rel : {kInit, kReadme})
            QCOMPARE(DiffTest::readFile(root.filePath(rel)), expected.value(rel));
        const QList<FileChange> again = MetadataUpdater::plan(input, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        if (input.versionBump == VersionBump::None) {
            QVERIFY2(again.isEmpty(), qPrintable(MetadataUpdater::diff(again)));
        } else {
            QCOMPARE(again.size(), 1); // only the version moves on
        }

        // Python agrees: valid syntax, the new stage, a docstring saying so.
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("python3 not found: the updated file was not checked with Python");
        const DiffTest::ToolRun probe = DiffTest::run(
            root.path(), python,
            {QStringLiteral("-c"), QString::fromUtf8(kPythonProbe), root.filePath(kInit)});
        QVERIFY2(probe.ok, qPrintable(probe.output));
        const QStringList out = probe.output.split(QLatin1Char('\n'));
        QCOMPARE(out.value(0), stage);
        // versionOf reads one-line string literals only; where it finds one, Python agrees.
        const QString version =
            MetadataUpdater::versionOf(*DiffTest::readFile(root.filePath(kInit)));
        if (!version.isEmpty())
            QCOMPARE(version, out.value(1));
        QVERIFY2(probe.output.contains(QStringLiteral("Maturity Stage: ") + stage),
                 qPrintable(probe.output));
        QVERIFY2(probe.output.contains(QStringLiteral("Last Updated: 2025-11-01")),
                 qPrintable(probe.output));
    }

    void versionBumps_data()
    {
        QTest::addColumn<QString>("bump");
        QTest::addColumn<QString>("version");
        QTest::newRow("patch") << "patch"
                               << "1.4.3";
        QTest::newRow("minor") << "minor"
                               << "1.5.0";
        QTest::newRow("major") << "major"
                               << "2.0.0";
    }
    void versionBumps()
    {
        QFETCH(QString, bump);
        QFETCH(QString, version);
        QTemporaryDir root;
        const QByteArray init =
            *DiffTest::readFile(caseDir(QStringLiteral("one_line_docstring_bump_minor")) +
                                QStringLiteral("/before/__init__.py"));
        QVERIFY(DiffTest::writeFile(root.filePath(kInit), init));
        MetadataInput input = baseInput(root.path());
        input.updateReadme = false;
        input.versionBump = *SemanticVersion::parseBump(bump);
        QString error;
        const QList<FileChange> changes = MetadataUpdater::plan(input, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(changes.size(), 1);
        QCOMPARE(MetadataUpdater::versionOf(changes.first().after), version);
        const QByteArray line =
            QByteArray("__version__ = \"") + version.toUtf8() + QByteArray("\"\n");
        QVERIFY(changes.first().after.contains(line));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("init"); // "<none>": no file
        QTest::addColumn<QString>("component");
        QTest::addColumn<QString>("stage");
        QTest::addColumn<double>("coverage");
        QTest::addColumn<QString>("bump");
        QTest::addColumn<QString>("errorPart");

        const QByteArray ok("__version__ = \"1.0.0\"\n__maturity__ = \"development\"\n");
        QTest::newRow("no __init__")
            << QByteArray("<none>") << kComponent << "staging" << 70.0 << "none"
            << "src/agent_orchestration/__init__.py does not exist";
        QTest::newRow("bad component") << ok << "../etc"
                                       << "staging" << 70.0 << "none"
                                       << "component name \"../etc\" is not a Python package name";
        QTest::newRow("bad stage") << ok << kComponent << "stag\"ing" << 70.0 << "none"
                                   << "target stage \"stag\"ing\" must be";
        QTest::newRow("coverage out of range") << ok << kComponent << "staging" << 140.0 << "none"
                                               << "coverage 140 is not a percentage";
        QTest::newRow("maturity not a literal")
            << QByteArray("\"\"\"Doc.\"\"\"\n\nSTAGE = 'x'\n__maturity__ = STAGE\n") << kComponent
            << "staging" << 70.0 << "none"
            << "src/agent_orchestration/__init__.py: line 4: __maturity__ is not assigned a plain "
               "string literal";
        QTest::newRow("bump without version") << QByteArray("__maturity__ = \"development\"\n")
                                              << kComponent << "staging" << 70.0 << "patch"
                                              << "there is no top-level __version__";
        QTest::newRow("bump of a computed version")
            << QByteArray("__version__ = get_version()\n") << kComponent << "staging" << 70.0
            << "minor"
            << "line 1: __version__ is not assigned a plain string literal";
        QTest::newRow("bump of a non-semver version")
            << QByteArray("\n__version__ = \"1.0\"\n") << kComponent << "staging" << 70.0 << "major"
            << "line 2: __version__: version \"1.0\" is not MAJOR.MINOR.PATCH";
        QTest::newRow("unterminated docstring")
            << QByteArray("\"\"\"Doc\n\n__version__ = \"1.0.0\"\n") << kComponent << "staging"
            << 70.0 << "none"
            << "line 1: the module docstring is never closed";
        QTest::newRow("invalid UTF-8")
            << QByteArray("__maturity__ = \"d\xff\"\n") << kComponent << "staging" << 70.0 << "none"
            << "__init__.py: the file is not valid UTF-8";
    }
    void errors()
    {
        QFETCH(QByteArray, init);
        QFETCH(QString, component);
        QFETCH(QString, stage);
        QFETCH(double, coverage);
        QFETCH(QString, bump);
        QFETCH(QString, errorPart);
        QTemporaryDir root;
        QVERIFY(QDir().mkpath(root.filePath(QStringLiteral("src/") + kComponent)));
        if (init != "<none>")
            QVERIFY(DiffTest::writeFile(root.filePath(kInit), init));
        MetadataInput input = baseInput(root.path());
        input.component = component;
        input.targetStage = stage;
        input.coverage = coverage;
        input.versionBump = *SemanticVersion::parseBump(bump);
        QString error;
        const QList<FileChange> changes = MetadataUpdater::plan(input, &error);
        QVERIFY(changes.isEmpty());
        QVERIFY2(error.contains(errorPart), qPrintable(error));
        if (init != "<none>")
            QCOMPARE(DiffTest::readFile(root.filePath(kInit)), std::optional<QByteArray>(init));
    }

    void missingWorkspace()
    {
        MetadataInput input = baseInput(QStringLiteral("/nonexistent/workspace/for/test"));
        QString error;
        QVERIFY(MetadataUpdater::plan(input, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
    }

    void planDoesNotWrite()
    {
        QTemporaryDir root;
        const QByteArray init("__version__ = \"1.0.0\"\n__maturity__ = \"development\"\n");
        QVERIFY(DiffTest::writeFile(root.filePath(kInit), init));
        QString error;
        const QList<FileChange> changes = MetadataUpdater::plan(baseInput(root.path()), &error);
        QCOMPARE(changes.size(), 2);
        QCOMPARE(DiffTest::readFile(root.filePath(kInit)), std::optional<QByteArray>(init));
        QVERIFY(!QFileInfo::exists(root.filePath(kReadme)));
        const QString diff = MetadataUpdater::diff(changes);
        QVERIFY(diff.contains(QStringLiteral("--- a/src/agent_orchestration/__init__.py\n")));
        QVERIFY(diff.contains(
            QStringLiteral("--- /dev/null\n+++ b/src/agent_orchestration/README.md\n")));
    }

    void applyRefusesStalePlan()
    {
        QTemporaryDir root;
        QVERIFY(DiffTest::writeFile(root.filePath(kInit), "__maturity__ = \"development\"\n"));
        QString error;
        const QList<FileChange> changes = MetadataUpdater::plan(baseInput(root.path()), &error);
        QCOMPARE(changes.size(), 2);
        // Someone edits the file after the preview: nothing may be written.
        QVERIFY(DiffTest::writeFile(root.filePath(kInit),
                                    "__maturity__ = \"development\"  # edited\n"));
        QVERIFY(!MetadataUpdater::apply(changes, &error));
        QCOMPARE(
            error,
            QStringLiteral(
                "src/agent_orchestration/__init__.py changed since the plan was made; plan again"));
        QVERIFY(!QFileInfo::exists(root.filePath(kReadme)));
    }

    void applyRefusesCreatedFileThatAppeared()
    {
        QTemporaryDir root;
        QVERIFY(DiffTest::writeFile(root.filePath(kInit), "__maturity__ = \"development\"\n"));
        QString error;
        const QList<FileChange> changes = MetadataUpdater::plan(baseInput(root.path()), &error);
        QVERIFY(DiffTest::writeFile(root.filePath(kReadme), "# mine\n"));
        QVERIFY(!MetadataUpdater::apply(changes, &error));
        QVERIFY2(error.contains(QStringLiteral("README.md was created since the plan was made")),
                 qPrintable(error));
        QCOMPARE(DiffTest::readFile(root.filePath(kInit)),
                 std::optional<QByteArray>("__maturity__ = \"development\"\n"));
    }

    void applyRestoresOnFailure()
    {
        QTemporaryDir root;
        const QByteArray original("__maturity__ = \"development\"\n");
        QVERIFY(DiffTest::writeFile(root.filePath(kInit), original));
        QVERIFY(DiffTest::writeFile(root.filePath(QStringLiteral("blocker")),
                                    "a file, not a directory\n"));
        QList<FileChange> changes;
        changes.append(
            {kInit, root.filePath(kInit), original, "__maturity__ = \"staging\"\n", false});
        // The second target's parent is a regular file: mkpath fails even for root.
        changes.append({QStringLiteral("blocker/README.md"),
                        root.filePath(QStringLiteral("blocker/README.md")), QByteArray(), "# x\n",
                        true});
        QString error;
        QVERIFY(!MetadataUpdater::apply(changes, &error));
        QVERIFY2(error.startsWith(QStringLiteral("blocker/README.md: cannot write")),
                 qPrintable(error));
        QVERIFY2(error.endsWith(QStringLiteral("the files written before it were restored")),
                 qPrintable(error));
        QCOMPARE(DiffTest::readFile(root.filePath(kInit)), std::optional<QByteArray>(original));
    }

    void applyKeepsPermissions()
    {
        QTemporaryDir root;
        QVERIFY(DiffTest::writeFile(root.filePath(kInit), "__maturity__ = \"development\"\n"));
        const auto perms = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                           QFileDevice::ExeOwner | QFileDevice::ReadGroup;
        QVERIFY(QFile::setPermissions(root.filePath(kInit), perms));
        MetadataInput input = baseInput(root.path());
        input.updateReadme = false;
        QString error;
        QVERIFY(MetadataUpdater::apply(MetadataUpdater::plan(input, &error), &error));
        QCOMPARE(QFile::permissions(root.filePath(kInit)) &
                     ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser),
                 perms);
    }
};

QTEST_GUILESS_MAIN(TestMetadataUpdater)
#include "tst_metadataupdater.moc"
