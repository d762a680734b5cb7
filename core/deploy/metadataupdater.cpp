// SPDX-License-Identifier: GPL-3.0-or-later
#include "metadataupdater.h"

#include "deploy/componentreadme.h"
#include "deploy/promotiondocs.h"
#include "deploy/pythonmodulemetadata.h"
#include "deploy/unifieddiff.h"
#include "workspace/workspace.h"

#include <cmath>
#include <functional>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStringDecoder>

namespace Promotion {

namespace {

const QByteArray kBom("\xEF\xBB\xBF");

struct Decoded
{
    QString text;
    bool bom = false;
};

std::optional<Decoded> decode(const QByteArray &bytes, const QString &relativePath, QString *error)
{
    Decoded d;
    QByteArray body = bytes;
    if (body.startsWith(kBom)) {
        d.bom = true;
        body.remove(0, kBom.size());
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    d.text = decoder.decode(body);
    if (decoder.hasError()) {
        *error = QStringLiteral("%1: the file is not valid UTF-8").arg(relativePath);
        return std::nullopt;
    }
    return d;
}

QByteArray encode(const QString &text, bool bom)
{
    return (bom ? kBom : QByteArray()) + text.toUtf8();
}

std::optional<QByteArray> readFile(const QString &path, const QString &relativePath, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(relativePath, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    if (file.write(bytes) != bytes.size()) {
        *error = file.errorString();
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace

QList<FileChange> MetadataUpdater::plan(const MetadataInput &input, QString *error)
{
    QString localError;
    QString &err = error ? *error : localError;

    const Workspace workspace(input.workspaceRoot);
    if (input.workspaceRoot.isEmpty() || !workspace.exists()) {
        err = QStringLiteral("workspace %1 does not exist").arg(input.workspaceRoot);
        return {};
    }
    if (!Workspace::isValidComponentName(input.component)) {
        err = QStringLiteral("component name \"%1\" is not a Python package name")
                  .arg(input.component);
        return {};
    }
    static const QRegularExpression stageRe(QStringLiteral("^[A-Za-z][A-Za-z0-9_-]*$"));
    if (!stageRe.match(input.targetStage).hasMatch()) {
        err = QStringLiteral("target stage \"%1\" must be letters, digits, '_' or '-'")
                  .arg(input.targetStage);
        return {};
    }
    if (!input.date.isValid()) {
        err = QStringLiteral("the promotion date is not a valid date");
        return {};
    }
    if (input.coverage &&
        (!std::isfinite(*input.coverage) || *input.coverage < 0.0 || *input.coverage > 100.0)) {
        err = QStringLiteral("coverage %1 is not a percentage between 0 and 100")
                  .arg(*input.coverage);
        return {};
    }

    QList<FileChange> changes;

    const QString initRelative = QStringLiteral("src/%1/__init__.py").arg(input.component);
    const QString initPath = workspace.initPath(input.component);
    if (!QFileInfo(initPath).isFile()) {
        err = QStringLiteral("%1 does not exist").arg(initRelative);
        return {};
    }
    const auto initBytes = readFile(initPath, initRelative, &err);
    if (!initBytes)
        return {};
    const auto init = decode(*initBytes, initRelative, &err);
    if (!init)
        return {};
    QString initError;
    const auto newInit = PythonModuleMetadata::update(init->text, input, &initError);
    if (!newInit) {
        err = initRelative + QStringLiteral(": ") + initError;
        return {};
    }
    const QByteArray initAfter = encode(*newInit, init->bom);
    if (initAfter != *initBytes)
        changes.append({initRelative, initPath, *initBytes, initAfter, false});

    if (input.updateReadme) {
        const QString readmeRelative = QStringLiteral("src/%1/README.md").arg(input.component);
        const QString readmePath =
            workspace.componentDir(input.component) + QStringLiteral("/README.md");
        const QFileInfo readmeInfo(readmePath);
        if (readmeInfo.exists() && !readmeInfo.isFile()) {
            err = QStringLiteral("%1 exists but is not a file").arg(readmeRelative);
            return {};
        }
        if (readmeInfo.exists()) {
            const auto bytes = readFile(readmePath, readmeRelative, &err);
            if (!bytes)
                return {};
            const auto readme = decode(*bytes, readmeRelative, &err);
            if (!readme)
                return {};
            const QByteArray after =
                encode(ComponentReadme::update(readme->text, input), readme->bom);
            if (after != *bytes)
                changes.append({readmeRelative, readmePath, *bytes, after, false});
        } else {
            changes.append({readmeRelative, readmePath, QByteArray(),
                            ComponentReadme::create(input).toUtf8(), true});
        }
    }
    // The specification and the runbook: workspace-relative paths the caller confined.
    auto document = [&](const QString &relative,
                        const std::function<QString(const QString &)> &edit,
                        const std::function<QString()> &create) -> bool {
        const QString path = QDir(input.workspaceRoot).absoluteFilePath(relative);
        const QFileInfo info(path);
        if (info.exists() && !info.isFile()) {
            err = QStringLiteral("%1 exists but is not a file").arg(relative);
            return false;
        }
        if (!info.exists()) {
            if (create)
                changes.append({relative, path, QByteArray(), edit(create()).toUtf8(), true});
            return true;
        }
        const auto bytes = readFile(path, relative, &err);
        if (!bytes)
            return false;
        const auto text = decode(*bytes, relative, &err);
        if (!text)
            return false;
        const QByteArray after = encode(edit(text->text), text->bom);
        if (after != *bytes)
            changes.append({relative, path, *bytes, after, false});
        return true;
    };
    if (!input.specRelativePath.isEmpty() &&
        !document(
            input.specRelativePath,
            [&](const QString &t) { return PromotionDocs::updateSpec(t, input); }, nullptr))
        return {};
    if (!input.runbookRelativePath.isEmpty() &&
        !document(
            input.runbookRelativePath,
            [&](const QString &t) { return PromotionDocs::addRunbookEntry(t, input); },
            [&] { return PromotionDocs::runbookTemplate(input); }))
        return {};
    err.clear();
    return changes;
}

bool MetadataUpdater::apply(const QList<FileChange> &changes, QString *error)
{
    QString localError;
    QString &err = error ? *error : localError;

    for (const FileChange &change : changes) {
        const QFileInfo info(change.absolutePath);
        if (change.created) {
            if (info.exists()) {
                err = QStringLiteral("%1 was created since the plan was made; plan again")
                          .arg(change.relativePath);
                return false;
            }
            continue;
        }
        QFile file(change.absolutePath);
        if (!file.open(QIODevice::ReadOnly)) {
            err =
                QStringLiteral("%1: cannot read: %2").arg(change.relativePath, file.errorString());
            return false;
        }
        if (file.readAll() != change.before) {
            err = QStringLiteral("%1 changed since the plan was made; plan again")
                      .arg(change.relativePath);
            return false;
        }
    }

    for (qsizetype i = 0; i < changes.size(); ++i) {
        const FileChange &change = changes.at(i);
        QString writeError;
        bool ok = true;
        if (change.created) {
            const QString dir = QFileInfo(change.absolutePath).absolutePath();
            if (!QDir().mkpath(dir)) {
                writeError = QStringLiteral("cannot create directory %1").arg(dir);
                ok = false;
            }
        }
        if (ok)
            ok = writeFile(change.absolutePath, change.after, &writeError);
        if (ok)
            continue;

        // Put back what was already written, so the component is not half-promoted.
        QStringList notRestored;
        for (qsizetype j = i - 1; j >= 0; --j) {
            const FileChange &done = changes.at(j);
            QString restoreError;
            const bool restored = done.created
                                      ? QFile::remove(done.absolutePath)
                                      : writeFile(done.absolutePath, done.before, &restoreError);
            if (!restored)
                notRestored.append(done.relativePath);
        }
        err = QStringLiteral("%1: cannot write: %2").arg(change.relativePath, writeError);
        if (i > 0) {
            err += notRestored.isEmpty()
                       ? QStringLiteral("; the files written before it were restored")
                       : QStringLiteral("; could not restore %1")
                             .arg(notRestored.join(QStringLiteral(", ")));
        }
        return false;
    }
    err.clear();
    return true;
}

QString MetadataUpdater::versionOf(const QByteArray &initSource)
{
    QByteArray body = initSource;
    if (body.startsWith(kBom))
        body.remove(0, kBom.size());
    return Workspace::readAssignment(QString::fromUtf8(body), QStringLiteral("__version__"))
        .value_or(QString());
}

QString MetadataUpdater::diff(const QList<FileChange> &changes, int context)
{
    QString out;
    for (const FileChange &change : changes) {
        out += UnifiedDiff::diff(change.created ? QStringLiteral("/dev/null") : change.relativePath,
                                 change.relativePath, change.before, change.after, context);
    }
    return out;
}

} // namespace Promotion
