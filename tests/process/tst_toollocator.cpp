// SPDX-License-Identifier: GPL-3.0-or-later
#include "process/toollocator.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Promotion;

class TestToolLocator : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_bin;   // holds an executable "mytool"
    QString m_other; // holds a second "mytool", found only when listed first

    /*! False (with a warning) when the file could not be written; check it with QVERIFY. */
    [[nodiscard]] static bool writeFile(const QString &path, bool executable)
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write("#!/bin/sh\necho hi\n") < 0) {
            qWarning("cannot write %s: %s", qPrintable(path), qPrintable(file.errorString()));
            return false;
        }
        file.close();
        QFile::Permissions perms = QFile::ReadOwner | QFile::WriteOwner;
        if (executable)
            perms |= QFile::ExeOwner;
        return file.setPermissions(perms);
    }

    static QProcessEnvironment withPath(const QString &path)
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), path);
        return env;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_bin = m_dir.filePath("bin");
        m_other = m_dir.filePath("other");
        QVERIFY(QDir().mkpath(m_bin));
        QVERIFY(QDir().mkpath(m_other));
        QVERIFY(QDir().mkpath(m_dir.filePath("work/scripts")));
        QVERIFY(QDir().mkpath(m_dir.filePath("bin/adir")));
        QVERIFY(writeFile(m_bin + "/mytool", true));
        QVERIFY(writeFile(m_other + "/mytool", true));
        QVERIFY(writeFile(m_bin + "/notexec", false));
        QVERIFY(writeFile(m_dir.filePath("work/scripts/run.sh"), true));
        QVERIFY(writeFile(m_dir.filePath("work/scripts/plain.txt"), false));
    }

    void foundOnCustomPath()
    {
        const auto r = ToolLocator::locate("mytool", withPath(m_bin), QString(), "gates.x.command");
        QVERIFY2(r.found(), qPrintable(r.error));
        QCOMPARE(r.path, QDir(m_bin).filePath("mytool"));
        QVERIFY(r.error.isEmpty());
    }

    void pathOrderWins()
    {
        const QString path = m_other + ":" + m_bin;
        const auto r = ToolLocator::locate("mytool", withPath(path), QString(), QString());
        QVERIFY(r.found());
        QCOMPARE(r.path, QDir(m_other).filePath("mytool"));
    }

    void commandEnvironmentNotAppPath()
    {
        // "sh" is on the application's PATH but not on the command's.
        const auto r = ToolLocator::locate("sh", withPath(m_bin), QString(), "deploy.command");
        QVERIFY(!r.found());
        QVERIFY(r.path.isEmpty());
    }

    void missingMessage()
    {
        const QString path = "/nonexistent/a:" + m_bin;
        const auto r =
            ToolLocator::locate("pytest", withPath(path), QString(), "gates.tests.command");
        QVERIFY(!r.found());
        QCOMPARE(r.error, QString("pytest was not found on PATH (" + path +
                                  "). Install it or change gates.tests.command in "
                                  "promotion.yaml."));
    }

    void missingWithoutPolicyKey()
    {
        const auto r =
            ToolLocator::locate("pytest", withPath("/nonexistent"), QString(), QString());
        QVERIFY(!r.found());
        QVERIFY2(r.error.contains("pytest was not found on PATH (/nonexistent)"),
                 qPrintable(r.error));
        QVERIFY(r.error.contains("Install it or change the command."));
    }

    void notExecutableOnPathIsNotFound()
    {
        const auto r = ToolLocator::locate("notexec", withPath(m_bin), QString(), QString());
        QVERIFY(!r.found());
    }

    void emptyPathEntriesIgnored()
    {
        // An empty PATH entry means "." to a shell; a gate must not pick up tools from it.
        const auto r = ToolLocator::locate("mytool", withPath("::"), m_bin, QString());
        QVERIFY(!r.found());
        QCOMPARE(ToolLocator::searchPath(withPath(":/usr/bin::relative:/bin/")),
                 (QStringList{"/usr/bin", "/bin"}));
    }

    void relativePathAgainstWorkingDirectory()
    {
        const QString work = m_dir.filePath("work");
        const auto r =
            ToolLocator::locate("./scripts/run.sh", withPath("/nonexistent"), work, QString());
        QVERIFY2(r.found(), qPrintable(r.error));
        QCOMPARE(r.path, QDir(work).filePath("scripts/run.sh"));

        const auto up = ToolLocator::locate("../bin/mytool", QProcessEnvironment(),
                                            m_dir.filePath("work"), QString());
        QVERIFY2(up.found(), qPrintable(up.error));
        QCOMPARE(up.path, QDir(m_bin).filePath("mytool"));
    }

    void absolutePath()
    {
        const auto r = ToolLocator::locate(m_bin + "/mytool", withPath(""), "/", QString());
        QVERIFY(r.found());
        QCOMPARE(r.path, m_bin + "/mytool");
    }

    void pathErrors_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("mustMention");
        QTest::newRow("missing") << "./scripts/nope.sh"
                                 << "does not exist";
        QTest::newRow("not executable") << "scripts/plain.txt"
                                        << "is not executable";
        QTest::newRow("directory") << "./scripts"
                                   << "is a directory";
    }
    void pathErrors()
    {
        QFETCH(QString, program);
        QFETCH(QString, mustMention);
        const auto r = ToolLocator::locate(program, withPath(m_bin), m_dir.filePath("work"),
                                           "gates.custom.command");
        QVERIFY(!r.found());
        QVERIFY2(r.error.contains(mustMention), qPrintable(r.error));
        QVERIFY2(r.error.startsWith(program), qPrintable(r.error));
        QVERIFY(r.error.contains("gates.custom.command in promotion.yaml"));
    }

    void emptyProgram()
    {
        const auto r = ToolLocator::locate("  ", withPath(m_bin), QString(), "gates.lint.command");
        QVERIFY(!r.found());
        QVERIFY2(r.error.contains("empty") && r.error.contains("gates.lint.command"),
                 qPrintable(r.error));
    }
};

QTEST_GUILESS_MAIN(TestToolLocator)
#include "tst_toollocator.moc"
