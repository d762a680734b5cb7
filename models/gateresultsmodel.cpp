// SPDX-License-Identifier: GPL-3.0-or-later
#include "gateresultsmodel.h"

#include "enginetext.h"
#include "statuspalette.h"
#include "workflow/promotionengine.h"

#include <QLocale>
#include <QRegularExpression>

namespace Promotion {

namespace {
QString formatDuration(qint64 ms)
{
    if (ms <= 0)
        return {};
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60000)
        return QStringLiteral("%L1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    return QStringLiteral("%1 min %2 s").arg(ms / 60000).arg((ms % 60000) / 1000);
}

// "flake8 5.0.4 (mccabe: 0.7.0, ...) CPython 3.11.2 on Linux" -> "5.0.4": the table
// has room for the tool's own version only; the tooltip keeps the whole text.
QString shortVersion(const QString &version)
{
    static const QRegularExpression number(QStringLiteral("\\d+(?:\\.\\d+)+"));
    const QRegularExpressionMatch m = number.match(version);
    return m.hasMatch() ? m.captured(0) : QString();
}

QStringList idsOf(const QList<GateResult> &gates)
{
    QStringList ids;
    ids.reserve(gates.size());
    for (const GateResult &g : gates)
        ids.append(g.id);
    return ids;
}
} // namespace

GateResultsModel::GateResultsModel(const PromotionEngine *engine, QObject *parent)
    : QAbstractTableModel(parent)
    , m_engine(engine)
{
    Q_ASSERT(engine);
    m_ids = idsOf(engine->state().gates);
    connect(engine, &PromotionEngine::stateChanged, this, &GateResultsModel::syncRows);
    connect(engine, &PromotionEngine::gateStarted, this, &GateResultsModel::gateChanged);
    connect(engine, &PromotionEngine::gateFinished, this, &GateResultsModel::gateChanged);
    auto stepChanged = [this](StepId step) {
        if (step == StepId::QualityGates)
            allRowsChanged();
    };
    connect(engine, &PromotionEngine::stepStarted, this, stepChanged);
    connect(engine, &PromotionEngine::stepFinished, this,
            [stepChanged](StepId step, StepStatus) { stepChanged(step); });
}

int GateResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int GateResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const GateResult *GateResultsModel::gateAt(int row) const
{
    if (!m_engine || row < 0 || row >= m_ids.size())
        return nullptr;
    return m_engine->state().gate(m_ids.at(row));
}

int GateResultsModel::rowOf(const QString &id) const
{
    return int(m_ids.indexOf(id));
}

QString GateResultsModel::gateIdAt(int row) const
{
    return m_ids.value(row);
}

QString GateResultsModel::statusText(GateStatus status)
{
    switch (status) {
    case GateStatus::Pending:
        return tr("pending");
    case GateStatus::Running:
        return tr("running");
    case GateStatus::Passed:
        return tr("passed");
    case GateStatus::Failed:
        return tr("failed");
    case GateStatus::Error:
        return tr("error");
    case GateStatus::Skipped:
        return tr("skipped");
    case GateStatus::NeedsAttestation:
        return tr("needs attestation");
    case GateStatus::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QVariant GateResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GateResult *g = gateAt(index.row());
    if (!g)
        return {};
    const StatusPalette::Tone tone = StatusPalette::toneOf(g->status);
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case GateColumn:
            return g->title.isEmpty() ? g->id : g->title;
        case ToolColumn: {
            const QString version = shortVersion(g->toolVersion);
            return version.isEmpty() ? g->tool : QStringLiteral("%1 %2").arg(g->tool, version);
        }
        case ThresholdColumn:
            return EngineText::display(g->thresholdText);
        case MeasuredColumn:
            return EngineText::display(g->measuredText);
        case StatusColumn:
            if (g->attestation)
                return tr("attested");
            return statusText(g->status);
        case DurationColumn:
            return formatDuration(g->durationMs);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == GateColumn)
            return StatusPalette::icon(tone);
        return {};
    case Qt::ToolTipRole: {
        QStringList lines;
        lines.append(QStringLiteral("%1 (%2): %3").arg(g->title, g->id, statusText(g->status)));
        if (!g->measuredText.isEmpty() || !g->thresholdText.isEmpty())
            lines.append(tr("Measured: %1 — threshold: %2")
                             .arg(g->measuredText.isEmpty() ? tr("n/a")
                                                            : EngineText::display(g->measuredText),
                                  g->thresholdText.isEmpty()
                                      ? tr("none")
                                      : EngineText::display(g->thresholdText)));
        if (!g->message.isEmpty())
            lines.append(g->message);
        if (!g->toolVersion.isEmpty())
            lines.append(tr("Tool: %1").arg(g->toolVersion));
        if (g->attestation)
            lines.append(tr("Attested by %1 at %2%3")
                             .arg(g->attestation->identity,
                                  QLocale().toString(g->attestation->when.toLocalTime(),
                                                     QLocale::ShortFormat),
                                  g->attestation->note.isEmpty()
                                      ? QString()
                                      : QStringLiteral(": ") + g->attestation->note));
        if (!g->argv.isEmpty())
            lines.append(QStringLiteral("$ ") + g->argv.join(QLatin1Char(' ')));
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::BackgroundRole: {
        const QColor c = StatusPalette::background(tone);
        return c.isValid() ? QVariant(c) : QVariant();
    }
    case Qt::ForegroundRole: {
        const QColor c = StatusPalette::foreground(tone);
        return c.isValid() ? QVariant(c) : QVariant();
    }
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case GateIdRole:
        return g->id;
    case GateStatusRole:
        return int(g->status);
    case StatusNameRole:
        return gateStatusName(g->status);
    case MessageRole:
        return g->message;
    case NeedsAttestationRole:
        return g->status == GateStatus::NeedsAttestation;
    case LogFileRole:
        return g->logFile;
    default:
        return {};
    }
}

QVariant GateResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case GateColumn:
        return tr("Gate");
    case ToolColumn:
        return tr("Tool");
    case ThresholdColumn:
        return tr("Threshold");
    case MeasuredColumn:
        return tr("Measured");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    case ColumnCount:
        break;
    }
    return {};
}

QHash<int, QByteArray> GateResultsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(GateIdRole, "gateId");
    names.insert(GateStatusRole, "gateStatus");
    names.insert(StatusNameRole, "statusName");
    names.insert(MessageRole, "message");
    names.insert(NeedsAttestationRole, "needsAttestation");
    names.insert(LogFileRole, "logFile");
    return names;
}

void GateResultsModel::reload()
{
    beginResetModel();
    m_ids = m_engine ? idsOf(m_engine->state().gates) : QStringList();
    endResetModel();
}

void GateResultsModel::syncRows()
{
    if (!m_engine)
        return;
    const QStringList ids = idsOf(m_engine->state().gates);
    if (ids == m_ids)
        return;
    // The engine only ever appends gates during a run; anything else is a new state.
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

void GateResultsModel::gateChanged(const QString &id)
{
    syncRows();
    const int row = rowOf(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void GateResultsModel::allRowsChanged()
{
    syncRows();
    if (!m_ids.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_ids.size()) - 1, ColumnCount - 1));
}

} // namespace Promotion
