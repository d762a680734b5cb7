// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklistmodel.h"

#include "workflow/promotionengine.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QLocale>

namespace Promotion {

ChecklistModel::ChecklistModel(Kind kind, PromotionEngine *engine, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
    , m_engine(engine)
{
    Q_ASSERT(engine);
    m_ids = currentIds();
    connect(engine, &PromotionEngine::stateChanged, this, &ChecklistModel::syncRows);
    const StepId mine = kind == Kind::Criteria ? StepId::Criteria : StepId::Tracking;
    auto stepChanged = [this, mine](StepId step) {
        // A tick re-evaluates the step; the row that changed was announced by setData().
        if (step == mine && !m_inSetData)
            allRowsChanged();
    };
    connect(engine, &PromotionEngine::stepStarted, this, stepChanged);
    connect(engine, &PromotionEngine::stepFinished, this,
            [stepChanged](StepId step, StepStatus) { stepChanged(step); });
}

void ChecklistModel::setIdentityProvider(std::function<QString()> provider)
{
    m_identity = std::move(provider);
}

QString ChecklistModel::currentIdentity() const
{
    return m_identity ? m_identity().trimmed() : QString();
}

QStringList ChecklistModel::currentIds() const
{
    QStringList ids;
    if (!m_engine)
        return ids;
    const RunState &s = m_engine->state();
    if (m_kind == Kind::Criteria) {
        for (const CriterionState &c : s.criteria)
            ids.append(c.id);
    } else {
        for (const ApprovalState &a : s.approvals)
            ids.append(a.role);
    }
    return ids;
}

std::optional<ChecklistModel::Item> ChecklistModel::itemAt(int row) const
{
    if (!m_engine || row < 0 || row >= m_ids.size())
        return std::nullopt;
    const QString &id = m_ids.at(row);
    const RunState &s = m_engine->state();
    if (m_kind == Kind::Criteria) {
        for (const CriterionState &c : s.criteria) {
            if (c.id == id)
                return Item{c.id,       c.text, c.required, c.automatic, c.checked,
                            c.identity, c.when, c.evidence, c.provenBy, {}};
        }
    } else {
        for (const ApprovalState &a : s.approvals) {
            if (a.role != id)
                continue;
            QString evidence =
                a.approved ? tr("Approved by %1 on %2")
                                 .arg(a.identity,
                                      QLocale().toString(a.when.toLocalTime(), QLocale::LongFormat))
                           : QString();
            const QString path = pathText(a.path);
            if (a.approved && !path.isEmpty())
                evidence += tr(", %1").arg(path) +
                            (a.url.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(a.url));
            return Item{a.role,     a.title.isEmpty() ? a.role : a.title,
                        true,       false,
                        a.approved, a.identity,
                        a.when,     evidence,
                        {},         a.approved ? path : QString()};
        }
    }
    return std::nullopt;
}

QString ChecklistModel::pathText(const QString &path)
{
    if (path == u"checkbox")
        return tr("ticked on GitHub");
    if (path == u"comment")
        return tr("/approve on GitHub");
    if (path == u"command_line")
        return tr("command line");
    if (path == u"console")
        return tr("in the console");
    return {};
}

int ChecklistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int ChecklistModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ChecklistModel::rowOf(const QString &id) const
{
    return int(m_ids.indexOf(id));
}

int ChecklistModel::missingRequiredCount() const
{
    int missing = 0;
    for (int row = 0; row < m_ids.size(); ++row) {
        const auto item = itemAt(row);
        if (item && item->required && !item->checked)
            ++missing;
    }
    return missing;
}

QVariant ChecklistModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto item = itemAt(index.row());
    if (!item)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case ItemColumn:
            return item->required ? item->text : tr("%1 (optional)").arg(item->text);
        case ByColumn:
            if (!item->checked)
                return {};
            if (item->automatic)
                return tr("automatic");
            return item->path.isEmpty() ? item->identity
                                        : tr("%1 — %2").arg(item->identity, item->path);
        case WhenColumn:
            return item->checked && item->when.isValid()
                       ? QLocale().toString(item->when.toLocalTime(), QLocale::ShortFormat)
                       : QString();
        case ColumnCount:
            break;
        }
        return {};
    case Qt::CheckStateRole:
        if (index.column() == ItemColumn)
            return item->checked ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ForegroundRole:
        // Read-only shows as such: the rows of a frozen list are drawn like disabled text.
        if (isFrozen())
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::ToolTipRole:
        if (isFrozen() && index.column() == ItemColumn)
            return tr("Read-only: the promotion has been executed, so this can no longer change");
        [[fallthrough]];
    case EvidenceRole: {
        if (!item->evidence.isEmpty())
            return item->evidence;
        if (role == EvidenceRole)
            return QString();
        if (!item->provenBy.isEmpty())
            return tr("Proven automatically when these gates pass: %1; otherwise a person confirms "
                      "it")
                .arg(item->provenBy.join(QStringLiteral(", ")));
        return m_kind == Kind::Approvals ? tr("Waiting for this approval")
                                         : tr("Needs a person to confirm it");
    }
    case Qt::FontRole:
        if (item->automatic && index.column() == ByColumn) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case IdRole:
        return item->id;
    case RequiredRole:
        return item->required;
    case AutomaticRole:
        return item->automatic;
    case CheckedRole:
        return item->checked;
    case IdentityRole:
        return item->identity;
    case WhenRole:
        return item->when;
    default:
        return {};
    }
}

bool ChecklistModel::isFrozen() const
{
    // Nothing changes once the promotion is being executed.
    return !m_engine || m_engine->state().step(StepId::Execute).status != StepStatus::Pending ||
           m_engine->state().isFinished();
}

Qt::ItemFlags ChecklistModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    const auto item = itemAt(index.row());
    if (index.column() == ItemColumn && item && !item->automatic && !isFrozen())
        f |= Qt::ItemIsUserCheckable;
    return f;
}

bool ChecklistModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != ItemColumn || !index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const auto item = itemAt(index.row());
    if (!item || !(flags(index) & Qt::ItemIsUserCheckable))
        return false;
    const bool checked = value.toInt() == Qt::Checked;
    if (checked == item->checked)
        return true;
    if (m_engine->isBusy()) {
        Q_EMIT refused(
            item->id,
            tr("The promotion is busy with another step; try again when it has finished."));
        return false;
    }
    const QString identity = currentIdentity();
    if (checked && identity.isEmpty()) {
        Q_EMIT refused(
            item->id,
            tr("Nobody to record: set your name in Settings (identity) or in git's user.name."));
        return false;
    }
    m_inSetData = true;
    bool ok = true;
    QString error;
    if (m_kind == Kind::Criteria) {
        m_engine->setCriterionChecked(item->id, checked, identity);
    } else if (checked) {
        ok = m_engine->approve(item->id, identity, &error);
    } else {
        m_engine->revokeApproval(item->id);
    }
    m_inSetData = false;
    if (!ok) {
        Q_EMIT refused(item->id, error);
        return false;
    }
    syncRows();
    const int row = rowOf(item->id);
    if (row >= 0)
        Q_EMIT dataChanged(this->index(row, 0), this->index(row, ColumnCount - 1));
    return true;
}

QVariant ChecklistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case ItemColumn:
        return m_kind == Kind::Criteria ? tr("Criterion") : tr("Approval");
    case ByColumn:
        return m_kind == Kind::Criteria ? tr("Confirmed by") : tr("Approved by");
    case WhenColumn:
        return tr("When");
    case ColumnCount:
        break;
    }
    return {};
}

QHash<int, QByteArray> ChecklistModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "itemId");
    names.insert(EvidenceRole, "evidence");
    names.insert(RequiredRole, "required");
    names.insert(AutomaticRole, "automatic");
    names.insert(CheckedRole, "checked");
    names.insert(IdentityRole, "identity");
    names.insert(WhenRole, "when");
    return names;
}

void ChecklistModel::reload()
{
    beginResetModel();
    m_ids = currentIds();
    endResetModel();
}

void ChecklistModel::syncRows()
{
    const QStringList ids = currentIds();
    if (ids == m_ids)
        return;
    if (ids.size() > m_ids.size() && ids.mid(0, m_ids.size()) == m_ids) {
        beginInsertRows({}, int(m_ids.size()), int(ids.size()) - 1);
        m_ids = ids;
        endInsertRows();
        return;
    }
    beginResetModel();
    m_ids = ids;
    endResetModel();
}

void ChecklistModel::allRowsChanged()
{
    syncRows();
    if (!m_ids.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_ids.size()) - 1, ColumnCount - 1));
}

} // namespace Promotion
