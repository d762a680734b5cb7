// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/runstate.h"

#include <QAbstractListModel>
#include <QPointer>

namespace Promotion {

class PromotionEngine;

/*!
 * \brief The six steps of a promotion run and their status, read from the engine's RunState.
 *
 * The model keeps nothing of its own: every data() call reads engine->state(). It
 * announces a step's row when the engine starts or finishes that step, and all rows
 * on reload() (after begin() or resume() replaced the whole state).
 */
class StepListModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        StepRole = Qt::UserRole + 1, //!< int, the StepId
        StatusRole,                  //!< int, the StepStatus
        StatusNameRole,              //!< "pending", "running", "passed", "failed", "skipped"
        SummaryRole,                 //!< the engine's one-line summary of the step
        DurationRole,                //!< qint64 milliseconds
    };

    explicit StepListModel(const PromotionEngine *engine, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /*! A localized status word for \a status. */
    static QString statusText(StepStatus status);

public Q_SLOTS:
    /*! Announce every row as changed (the engine replaced its whole state). */
    void reload();

private:
    void stepChanged(StepId step);

    QPointer<const PromotionEngine> m_engine;
};

} // namespace Promotion
