// SPDX-License-Identifier: GPL-3.0-or-later
#include "steplistmodel.h"

#include "enginetext.h"
#include "statuspalette.h"
#include "stepnames.h"
#include "workflow/promotionengine.h"

namespace Promotion {

namespace {
QString formatDuration(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60000)
        return QStringLiteral("%L1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    return QStringLiteral("%1 min %2 s").arg(ms / 60000).arg((ms % 60000) / 1000);
}
} // namespace

StepListModel::StepListModel(const PromotionEngine *engine, QObject *parent)
    : QAbstractListModel(parent)
    , m_engine(engine)
{
    Q_ASSERT(engine);
    connect(engine, &PromotionEngine::stepStarted, this, &StepListModel::stepChanged);
    connect(engine, &PromotionEngine::stepFinished, this,
            [this](StepId step, StepStatus) { stepChanged(step); });
}

int StepListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kStepCount;
}

QString StepListModel::statusText(StepStatus status)
{
    switch (status) {
    case StepStatus::Pending:
        return tr("pending");
    case StepStatus::Running:
        return tr("running");
    case StepStatus::Passed:
        return tr("passed");
    case StepStatus::Failed:
        return tr("failed");
    case StepStatus::Skipped:
        return tr("skipped");
    }
    return {};
}

QVariant StepListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        !m_engine)
        return {};
    const auto step = StepId(index.row());
    const StepState &s = m_engine->state().step(step);
    // Criteria and approvals that are not complete yet wait for people; they are not broken.
    const bool waiting = s.status == StepStatus::Failed &&
                         (step == StepId::Criteria || step == StepId::Tracking) &&
                         !m_engine->state().isFinished();
    const QString statusWord = waiting ? tr("waiting for people") : statusText(s.status);
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1. %2").arg(index.row() + 1).arg(StepNames::title(step));
    case Qt::DecorationRole:
        return StatusPalette::icon(waiting ? StatusPalette::Tone::Warning
                                           : StatusPalette::toneOf(s.status));
    case Qt::ToolTipRole: {
        QString tip = tr("%1: %2").arg(StepNames::title(step), statusWord);
        if (s.finishedAt.isValid() && s.status != StepStatus::Running)
            tip += tr(" in %1").arg(formatDuration(s.durationMs));
        if (!s.summary.isEmpty())
            tip += QLatin1Char('\n') + EngineText::display(s.summary);
        return tip;
    }
    case Qt::AccessibleDescriptionRole:
        return statusWord;
    case StepRole:
        return index.row();
    case StatusRole:
        return int(s.status);
    case StatusNameRole:
        return stepStatusName(s.status);
    case SummaryRole:
        return EngineText::display(s.summary);
    case DurationRole:
        return s.durationMs;
    default:
        return {};
    }
}

QHash<int, QByteArray> StepListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(StepRole, "step");
    names.insert(StatusRole, "status");
    names.insert(StatusNameRole, "statusName");
    names.insert(SummaryRole, "summary");
    names.insert(DurationRole, "duration");
    return names;
}

void StepListModel::reload()
{
    Q_EMIT dataChanged(index(0), index(kStepCount - 1));
}

void StepListModel::stepChanged(StepId step)
{
    const QModelIndex i = index(int(step));
    Q_EMIT dataChanged(i, i);
}

} // namespace Promotion
