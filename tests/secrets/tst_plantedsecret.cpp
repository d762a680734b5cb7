// SPDX-License-Identifier: GPL-3.0-or-later
// A secret given to a run through the environment reaches the commands that need
// it and nothing else: not the journal, the report, the issue body, the logs,
// stdout or stderr, in a dry run or a real one.
#include "../e2e/promotetestsupport.h"

#include <QDirIterator>
#include <QTest>

using namespace PromoteTest;

namespace {

const QString kDbPass = QStringLiteral("planted-db-pass-7f3a9c21");
const QString kGithubToken = QStringLiteral("planted-gh-token-52be61d0");
const QString kApiKey = QStringLiteral("plantedapikey0c4d8e19");

/* Every file below \a dir (hidden ones and git objects included) that holds one of
 * \a needles, as "path: needle". Git objects are compressed; `git log -p` is
 * searched separately. */
QStringList filesHolding(const QString &dir, const QList<QByteArray> &needles)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = f.readAll();
        for (const QByteArray &needle : needles) {
            if (content.contains(needle))
                hits << QString(path + QStringLiteral(": ") + QString::fromUtf8(needle));
        }
    }
    return hits;
}

QStringList textHolding(const QString &what, const QByteArray &text,
                        const QList<QByteArray> &needles)
{
    QStringList hits;
    for (const QByteArray &needle : needles) {
        if (text.contains(needle))
            hits << QString(what + QStringLiteral(": ") + QString::fromUtf8(needle));
    }
    return hits;
}

} // namespace

class TestPlantedSecret final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plantedSecretNeverWritten()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QTemporaryDir home;
        QTemporaryDir tmp;
        QTemporaryDir extra; // --report goes here
        QVERIFY(home.isValid() && tmp.isValid() && extra.isValid());

        // A gate and a deploy step whose argv carry secrets (through env(1), so the tools
        // run as before), and a status URL with a token in its query string. The values
        // are planted in the environment only.
        QString yaml = demo.readFile(QStringLiteral("promotion.yaml"));
        const QString lint = QStringLiteral("command: [flake8, ");
        const QString deploy = QStringLiteral("ai_context: [python3, ");
        const QString status = QStringLiteral("/api/v1/status/{component}?namespace=tta-{to_stage}");
        QVERIFY(yaml.contains(lint) && yaml.contains(deploy) && yaml.contains(status));
        yaml.replace(lint, QStringLiteral("command: [env, \"PROBE_DB={env:DB_PASS}\", "
                                          "\"PROBE_GH={env:GITHUB_TOKEN}\", flake8, "));
        yaml.replace(deploy, QStringLiteral("ai_context: [env, \"PROBE_DB={env:DB_PASS}\", "
                                            "\"PROBE_KEY={env:MY_API_KEY}\", python3, "));
        yaml.replace(status, status + QStringLiteral("&token={env:MY_API_KEY}"));
        QFile rewrite(demo.path() + QStringLiteral("/promotion.yaml"));
        QVERIFY(rewrite.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(rewrite.write(yaml.toUtf8()) > 0);
        rewrite.close();

        demo.setEnv(QStringLiteral("DB_PASS"), kDbPass);
        demo.setEnv(QStringLiteral("GITHUB_TOKEN"), kGithubToken);
        demo.setEnv(QStringLiteral("MY_API_KEY"), kApiKey);
        demo.setEnv(QStringLiteral("HOME"), home.path());
        demo.setEnv(QStringLiteral("TMPDIR"), tmp.path());

        const QStringList base{QStringLiteral("--component"), QStringLiteral("agent_orchestration"),
                               QStringLiteral("--from"), QStringLiteral("development"),
                               QStringLiteral("--to"), QStringLiteral("staging"),
                               QStringLiteral("--accept-criteria"), QStringLiteral("all"),
                               QStringLiteral("--approve"),
                               QStringLiteral("tech_lead=Ada Lead <ada@example.org>"),
                               QStringLiteral("--approve"),
                               QStringLiteral("qa=Bob QA <bob@example.org>")};
        const QList<QByteArray> needles{kDbPass.toUtf8(), kGithubToken.toUtf8(),
                                        kApiKey.toUtf8()};
        QStringList leaks;

        const Run dry = demo.promote(base + QStringList{QStringLiteral("--dry-run"),
                                                        QStringLiteral("--json")});
        QVERIFY2(dry.finished, "the dry run did not finish");
        leaks += textHolding(QStringLiteral("dry run stdout"), dry.out, needles);
        leaks += textHolding(QStringLiteral("dry run stderr"), dry.err, needles);
        // The secret-carrying commands were planned (so the test can fail).
        QVERIFY2(dry.exitCode == 0,
                 QByteArray(dry.out.right(3000) + dry.err.right(3000)).constData());
        QVERIFY2(dry.out.contains("PROBE_KEY=[REDACTED]"), dry.out.right(3000).constData());

        const Run real = demo.promote(
            base + QStringList{QStringLiteral("--json"), QStringLiteral("--report"),
                               extra.filePath(QStringLiteral("copy.json"))});
        QVERIFY2(real.finished, "the promotion did not finish");
        QVERIFY2(real.exitCode == 0,
                 QByteArray(real.out.right(3000) + real.err.right(3000)).constData());
        leaks += textHolding(QStringLiteral("stdout"), real.out, needles);
        leaks += textHolding(QStringLiteral("stderr"), real.err, needles);
        // The gate and the deploy step really ran with their secrets.
        QVERIFY2(real.out.contains("PROBE_GH=[REDACTED]"), real.out.right(3000).constData());
        QVERIFY2(real.out.contains("PROBE_KEY=[REDACTED]"), real.out.right(3000).constData());
        QVERIFY(QFileInfo::exists(extra.filePath(QStringLiteral("copy.json"))));

        leaks += filesHolding(demo.path(), needles);
        leaks += filesHolding(home.path(), needles);
        leaks += filesHolding(tmp.path(), needles);
        leaks += filesHolding(extra.path(), needles);

        QProcess git;
        git.setWorkingDirectory(demo.path());
        git.start(QStringLiteral("git"),
                  {QStringLiteral("log"), QStringLiteral("-p"), QStringLiteral("--all")});
        QVERIFY(git.waitForFinished(60000));
        leaks += textHolding(QStringLiteral("git history"), git.readAllStandardOutput(), needles);

        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestPlantedSecret)
#include "tst_plantedsecret.moc"
