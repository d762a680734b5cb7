// SPDX-License-Identifier: GPL-3.0-or-later
// Applies a unified diff with the real tools, so the tests judge the diff by
// what git and patch make of it rather than by our own reading.
#pragma once

#include <optional>
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace DiffTest {

struct ToolRun
{
    bool ok = false;
    QString output;
};

inline ToolRun run(const QString &dir, const QString &program, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return {false, program + QStringLiteral(" did not start: ") + p.errorString()};
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {false, program + QStringLiteral(" timed out")};
    }
    return {p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
            QString::fromUtf8(p.readAll())};
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

inline std::optional<QByteArray> readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return f.readAll();
}

/*!
 * Puts \a files (relative path -> content; absent = file does not exist) in a
 * temp dir, checks and applies \a patch there with \a tool ("git" or "patch"),
 * and returns the resulting files, or an error in \a error.
 */
inline std::optional<QHash<QString, QByteArray>>
applyPatch(const QString &tool, const QHash<QString, std::optional<QByteArray>> &files,
           const QString &patch, bool zeroContext, QString *error)
{
    QTemporaryDir dir;
    if (!dir.isValid()) {
        *error = QStringLiteral("no temp dir");
        return std::nullopt;
    }
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (it.value())
            writeFile(dir.filePath(it.key()), *it.value());
    }
    const QString patchPath = dir.filePath(QStringLiteral("change.patch"));
    writeFile(patchPath, patch.toUtf8());

    QStringList check;
    QStringList apply;
    QString program;
    if (tool == QLatin1String("git")) {
        program = QStandardPaths::findExecutable(QStringLiteral("git"));
        const QStringList common =
            zeroContext ? QStringList{QStringLiteral("--unidiff-zero")} : QStringList();
        check = QStringList{QStringLiteral("apply"), QStringLiteral("--check")} + common +
                QStringList{patchPath};
        apply = QStringList{QStringLiteral("apply")} + common + QStringList{patchPath};
    } else {
        program = QStandardPaths::findExecutable(QStringLiteral("patch"));
        check = {QStringLiteral("-p1"), QStringLiteral("--dry-run"), QStringLiteral("--batch"),
                 QStringLiteral("-i"), patchPath};
        apply = {QStringLiteral("-p1"), QStringLiteral("--batch"),
                 QStringLiteral("--no-backup-if-mismatch"), QStringLiteral("-i"), patchPath};
    }
    if (program.isEmpty()) {
        *error = tool + QStringLiteral(" is not installed");
        return std::nullopt;
    }
    const ToolRun checked = run(dir.path(), program, check);
    if (!checked.ok) {
        *error = tool + QStringLiteral(" refused the patch (check):\n") + checked.output +
                 QStringLiteral("\n--- patch ---\n") + patch;
        return std::nullopt;
    }
    const ToolRun applied = run(dir.path(), program, apply);
    if (!applied.ok) {
        *error = tool + QStringLiteral(" failed to apply:\n") + applied.output +
                 QStringLiteral("\n--- patch ---\n") + patch;
        return std::nullopt;
    }
    QHash<QString, QByteArray> result;
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        result.insert(it.key(), readFile(dir.filePath(it.key())).value_or(QByteArray()));
    return result;
}

} // namespace DiffTest
