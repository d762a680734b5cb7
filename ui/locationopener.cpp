// SPDX-License-Identifier: GPL-3.0-or-later
#include "locationopener.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QUrl>

namespace Promotion {

bool LocationOpener::open(QWidget *parent, const QString &path)
{
    if (QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        return true;
    const QString shown = QDir::toNativeSeparators(path);
    const bool folder = QFileInfo(path).isDir();
    auto *box = new QMessageBox(
        QMessageBox::Information, folder ? tr("Cannot Open the Folder") : tr("Cannot Open the File"),
        folder ? tr("No application is set up to open folders on this desktop.")
               : tr("No application is set up to open this file on this desktop."),
        QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("noLauncherBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("It is at %1").arg(shown));
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPushButton *copy = box->addButton(tr("&Copy Path"), QMessageBox::AcceptRole);
    copy->setObjectName(QStringLiteral("copyPathButton"));
    box->addButton(QMessageBox::Close);
    box->setDefaultButton(copy);
    QObject::connect(box, &QMessageBox::buttonClicked, box, [copy, shown](QAbstractButton *b) {
        if (b == copy)
            QApplication::clipboard()->setText(shown);
    });
    box->open();
    return false;
}

} // namespace Promotion
