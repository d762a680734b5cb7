// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace Promotion {

/*!
 * \brief Cuts every connection from a descendant of \a receiver to \a receiver.
 *
 * Call it first in the destructor of a widget that connects its children's signals to
 * its own slots or lambdas. After that destructor's body the object is no longer of the
 * derived type, but the base destructors still make the children emit: QDialog hides
 * itself and moves the focus (a focused QLineEdit emits editingFinished), QWidget deletes
 * the children one by one (a model dying before its view, a selection model, a stacked
 * widget losing its current page), and a slot of the derived class would then run on a
 * half-destroyed object (UBSan: "downcast of address ... which does not point to an
 * object of type ..."). Connections to other objects are left alone.
 */
inline void disconnectDescendants(QObject *receiver)
{
    const QList<QObject *> descendants = receiver->findChildren<QObject *>();
    for (QObject *child : descendants)
        QObject::disconnect(child, nullptr, receiver, nullptr);
}

} // namespace Promotion
