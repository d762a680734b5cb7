// SPDX-License-Identifier: GPL-3.0-or-later
// Helper for the wizard GUI tests: tick a checklist item (criteria, approvals) from the
// keyboard, as a person does.
#pragma once

#include "checklistmodel.h"

#include <QAbstractItemView>
#include <QTest>

namespace ChecklistKeys {

/*! Select the item \a id of \a view's checklist and press Space. Fails the running test when
 *  the view holds no checklist or no such item. */
inline void tick(QAbstractItemView *view, const QString &id)
{
    auto *model = qobject_cast<Promotion::ChecklistModel *>(view->model());
    QVERIFY(model);
    const int row = model->rowOf(id);
    QVERIFY2(row >= 0, qPrintable(id));
    view->setFocus();
    view->setCurrentIndex(model->index(row, Promotion::ChecklistModel::ItemColumn));
    QTest::keyClick(view, Qt::Key_Space);
}

} // namespace ChecklistKeys
