// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>
#include <QAbstractTableModel>
#include <QDateTime>
#include <QPointer>
#include <QStringList>

namespace Promotion {

class PromotionEngine;

/*!
 * \brief A checklist over the engine's promotion criteria (step 3) or approvals (step 4).
 *
 * Each row is checkable in the first column (Qt::CheckStateRole); the other columns say
 * who ticked it and when. Rows are read from engine->state() on every call; ticking a
 * row goes through the engine (setCriterionChecked(), approve(), revokeApproval()), so
 * the rules live in one place. An approval the rules refuse (e.g. self-approval) makes
 * setData() return false and emits refused() with the engine's reason.
 *
 * Criteria proven by evidence (gates that passed) are ticked by the engine and are not
 * user-checkable. The identity recorded for a tick comes from the identity provider,
 * asked at the moment of the tick (the person at the keyboard may change between ticks).
 */
class ChecklistModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    /*! How an approval was given, for people: "ticked on GitHub", "/approve on GitHub"... */
    static QString pathText(const QString &path);
    enum class Kind
    {
        Criteria,
        Approvals
    };
    enum Column
    {
        ItemColumn,
        ByColumn,
        WhenColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1, //!< QString, criterion id or approval role id
        EvidenceRole,              //!< QString, what proves the item, or who confirmed it
        RequiredRole,              //!< bool, the step cannot pass while this is unticked
        AutomaticRole,             //!< bool, proven by evidence rather than ticked by a person
        CheckedRole,               //!< bool
        IdentityRole,              //!< QString, who ticked it
        WhenRole,                  //!< QDateTime (UTC) of the tick
    };

    ChecklistModel(Kind kind, PromotionEngine *engine, QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    /*! Where the identity recorded with a tick comes from; called at each tick. */
    void setIdentityProvider(std::function<QString()> provider);
    QString currentIdentity() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(const QString &id) const;
    /*! Required items not ticked yet. */
    int missingRequiredCount() const;

public Q_SLOTS:
    /*! Start over from the engine's state (after begin() or resume()). */
    void reload();

Q_SIGNALS:
    /*! The engine refused to record a tick of \a id; \a reason names the rule. */
    void refused(const QString &id, const QString &reason);

private:
    /*! Nothing is ticked any more: the promotion is being executed, or the run is over. */
    bool isFrozen() const;
    struct Item
    {
        QString id;
        QString text;
        bool required = true;
        bool automatic = false;
        bool checked = false;
        QString identity;
        QDateTime when;
        QString evidence;
        QStringList provenBy;
        QString path; //!< approvals: pathText() of how it was given
    };
    std::optional<Item> itemAt(int row) const;
    QStringList currentIds() const;
    void syncRows();
    void allRowsChanged();

    Kind m_kind;
    QPointer<PromotionEngine> m_engine;
    std::function<QString()> m_identity;
    QStringList m_ids; //!< announced rows, in order
    bool m_inSetData = false;
};

} // namespace Promotion
