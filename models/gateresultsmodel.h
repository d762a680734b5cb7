// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gates/gateresult.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QStringList>

namespace Promotion {

class PromotionEngine;

/*!
 * \brief The quality gates of a run as a table: gate, tool, threshold, measured value,
 * status and duration, with failed and errored gates highlighted.
 *
 * Rows are the engine's RunState::gates, read on every data() call. The model only
 * remembers which gate ids it has announced, so row insertions and resets are told
 * to views in the right order; a gate's row changes when the engine reports that gate
 * started or finished, and every row when the quality-gates step starts or finishes
 * (skipping gates, a cancel).
 */
class GateResultsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        GateColumn,
        ToolColumn,
        ThresholdColumn,
        MeasuredColumn,
        StatusColumn,
        DurationColumn,
        ColumnCount
    };
    enum Role
    {
        GateIdRole = Qt::UserRole + 1, //!< QString, the policy's gate id
        GateStatusRole,                //!< int, the GateStatus
        StatusNameRole,                //!< "passed", "failed", ...
        MessageRole,                   //!< why it failed, or a short detail
        NeedsAttestationRole,          //!< bool, a person has to attest this gate
        LogFileRole, //!< QString, artifacts-relative file with the captured output
    };

    explicit GateResultsModel(const PromotionEngine *engine, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /*! Row of the gate \a id, -1 when the model has not announced it. */
    int rowOf(const QString &id) const;
    /*! Gate id of \a row (empty when out of range). */
    QString gateIdAt(int row) const;

    /*! A localized status word for \a status. */
    static QString statusText(GateStatus status);

public Q_SLOTS:
    /*! Start over from the engine's state (after begin() or resume()). */
    void reload();

private:
    const GateResult *gateAt(int row) const;
    void syncRows();
    void gateChanged(const QString &id);
    void allRowsChanged();

    QPointer<const PromotionEngine> m_engine;
    QStringList m_ids; //!< announced rows, in order
};

} // namespace Promotion
