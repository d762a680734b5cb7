// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartpalette.h"
#include "componentlistmodel.h"
#include "coveragesparklinedelegate.h"
#include "stagebadgedelegate.h"

#include <limits>
#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace Promotion;

namespace {

ComponentInfo component(const QString &name, const QString &stage)
{
    ComponentInfo c;
    c.name = name;
    c.stage = stage;
    c.version = QStringLiteral("1.0.0");
    c.hasTests = true;
    c.hasSpec = true;
    return c;
}

QImage paintCell(const QStyledItemDelegate &delegate, const QModelIndex &index, const QSize &size,
                 const QPalette &palette = QApplication::palette())
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(palette.color(QPalette::Base));
    QPainter painter(&image);
    QStyleOptionViewItem option;
    option.rect = QRect(QPoint(0, 0), size);
    option.palette = palette;
    option.font = QApplication::font();
    option.fontMetrics = QFontMetrics(option.font);
    option.state = QStyle::State_Enabled;
    delegate.paint(&painter, option, index);
    painter.end();
    return image;
}

int pixelsNear(const QImage &image, const QColor &colour, const QRect &area = {})
{
    const QRect r = area.isNull() ? image.rect() : area.intersected(image.rect());
    int count = 0;
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - colour.red()) + qAbs(c.green() - colour.green()) +
                    qAbs(c.blue() - colour.blue()) <
                30)
                ++count;
        }
    }
    return count;
}

/*! Columns of \a image that hold a pixel different from \a background. */
QPair<int, int> inkColumns(const QImage &image, const QColor &background)
{
    int first = -1;
    int last = -1;
    for (int x = 0; x < image.width(); ++x) {
        for (int y = 0; y < image.height(); ++y) {
            if (image.pixelColor(x, y) != background) {
                if (first < 0)
                    first = x;
                last = x;
                break;
            }
        }
    }
    return {first, last};
}

} // namespace

class TestItemDelegates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void badgeColours_data()
    {
        QTest::addColumn<QString>("stage");
        QTest::addColumn<QColor>("colour");
        QTest::newRow("development")
            << "development" << ChartPalette::stage(QStringLiteral("development"));
        QTest::newRow("staging") << "staging" << ChartPalette::stage(QStringLiteral("staging"));
        QTest::newRow("production")
            << "production" << ChartPalette::stage(QStringLiteral("production"));
        QTest::newRow("unknown") << "" << ChartPalette::stage(QString());
    }

    void badgeColours()
    {
        QFETCH(QString, stage);
        QFETCH(QColor, colour);
        ComponentListModel model;
        model.setComponents({component(QStringLiteral("demo"), stage)});
        const QModelIndex index = model.index(0, ComponentListModel::StageColumn);
        StageBadgeDelegate delegate;
        const QSize size(160, 26);
        const QImage image = paintCell(delegate, index, size);
        const QString text = index.data().toString();
        QCOMPARE(text, stage.isEmpty() ? QStringLiteral("unknown") : stage);

        const QRect badge = StageBadgeDelegate::badgeRect(
            QRect(QPoint(0, 0), size), StageBadgeDelegate::badgeFont(QApplication::font()), text);
        // Mostly badge colour inside the badge, none of it outside.
        QVERIFY(pixelsNear(image, colour, badge) > badge.width() * badge.height() / 2);
        QCOMPARE(
            pixelsNear(image, colour, QRect(badge.right() + 3, 0, size.width(), size.height())), 0);
        // Text in the badge's contrasting colour.
        QVERIFY(pixelsNear(image, ChartPalette::textOn(colour), badge.adjusted(4, 2, -4, -2)) > 10);
        // Vertically centred in the cell.
        QVERIFY(qAbs(badge.top() - (size.height() - 1 - badge.bottom())) <= 1);
        // Distinct colours per stage.
        QVERIFY(ChartPalette::stage(QStringLiteral("development")) !=
                ChartPalette::stage(QStringLiteral("staging")));
        QVERIFY(ChartPalette::stage(QStringLiteral("staging")) !=
                ChartPalette::stage(QStringLiteral("production")));
    }

    void badgeSizeHintFitsText()
    {
        ComponentListModel model;
        model.setComponents({component(QStringLiteral("demo"), QStringLiteral("development"))});
        StageBadgeDelegate delegate;
        QStyleOptionViewItem option;
        option.font = QApplication::font();
        const QSize hint =
            delegate.sizeHint(option, model.index(0, ComponentListModel::StageColumn));
        // Measured in the font the badge is painted in, not a larger one: the column is as wide
        // as the badge needs, and a cell of that width holds it whole.
        const QFont badgeFont = StageBadgeDelegate::badgeFont(option.font);
        const int advance = QFontMetrics(badgeFont).horizontalAdvance(QStringLiteral("development"));
        QCOMPARE(hint.width(), advance + 2 * 8 + 2 * 4 + 2);
        QVERIFY(hint.height() >= QFontMetrics(badgeFont).height());
        const QRect badge = StageBadgeDelegate::badgeRect(QRect(QPoint(0, 0), hint), badgeFont,
                                                          QStringLiteral("development"));
        QCOMPARE(badge.width(), advance + 2 * 8 + 2);
    }

    void sparklinePoints()
    {
        const QRectF area(0, 0, 60, 20);
        const QPolygonF rising = CoverageSparklineDelegate::sparkline({70, 75, 80}, area);
        QCOMPARE(rising.size(), 3);
        QCOMPARE(rising.at(0), QPointF(0, 20)); // lowest at the bottom
        QCOMPARE(rising.at(1), QPointF(30, 10));
        QCOMPARE(rising.at(2), QPointF(60, 0)); // highest at the top

        const QPolygonF flat = CoverageSparklineDelegate::sparkline({80, 80}, area);
        QCOMPARE(flat.at(0).y(), 10.0); // a flat line sits in the middle, not on an edge
        QCOMPARE(flat.at(1).y(), 10.0);

        const QPolygonF single = CoverageSparklineDelegate::sparkline({55}, area);
        QCOMPARE(single.size(), 1);
        QCOMPARE(single.at(0).x(), 60.0);

        const double nan = std::numeric_limits<double>::quiet_NaN();
        QCOMPARE(CoverageSparklineDelegate::sparkline({nan, 50, nan}, area).size(), 1);
        QVERIFY(CoverageSparklineDelegate::sparkline({}, area).isEmpty());

        QList<double> many;
        for (int i = 0; i < 50; ++i)
            many << i;
        const QPolygonF latest = CoverageSparklineDelegate::sparkline(many, area);
        QCOMPARE(latest.size(), CoverageSparklineDelegate::maxPoints());
        QCOMPARE(latest.constLast().y(), 0.0); // 49, the highest of the latest
    }

    void sparklinePainting()
    {
        ComponentListModel model;
        model.setComponents({component(QStringLiteral("a"), QStringLiteral("staging")),
                             component(QStringLiteral("b"), QStringLiteral("staging"))});
        model.setCoverageHistory(QStringLiteral("a"), {61.0, 72.5, 68.0, 83.4});
        CoverageSparklineDelegate delegate;
        const QSize size(150, 24);
        const QPalette palette = QApplication::palette();
        const QColor base = palette.color(QPalette::Base);

        const QImage with =
            paintCell(delegate, model.index(0, ComponentListModel::CoverageColumn), size);
        const QRect line(0, 0, CoverageSparklineDelegate::sparklineWidth() + 8, size.height());
        QVERIFY(pixelsNear(with, ChartPalette::primary(palette), line) > 20);
        // The latest value rose: a green dot at the right end of the line.
        QVERIFY(pixelsNear(with, ChartPalette::pass(palette), line) > 4);
        // The text ("83.4 %") comes after the sparkline.
        QImage textPart = with.copy(
            QRect(CoverageSparklineDelegate::sparklineWidth() + 4, 0,
                  size.width() - CoverageSparklineDelegate::sparklineWidth() - 4, size.height()));
        QVERIFY(inkColumns(textPart, base).first >= 0);

        // Without history: the plain cell, no sparkline.
        const QImage without =
            paintCell(delegate, model.index(1, ComponentListModel::CoverageColumn), size);
        QCOMPARE(pixelsNear(without, ChartPalette::primary(palette)), 0);

        QStyleOptionViewItem option;
        option.font = QApplication::font();
        const int plain =
            delegate.sizeHint(option, model.index(1, ComponentListModel::CoverageColumn)).width();
        const int sparkline =
            delegate.sizeHint(option, model.index(0, ComponentListModel::CoverageColumn)).width();
        QVERIFY(sparkline >= plain + CoverageSparklineDelegate::sparklineWidth() - 16);
    }

    void sparklineShowsAFall()
    {
        ComponentListModel model;
        model.setComponents({component(QStringLiteral("a"), QStringLiteral("staging"))});
        model.setCoverageHistory(QStringLiteral("a"), {83.0, 71.0});
        CoverageSparklineDelegate delegate;
        const QImage image =
            paintCell(delegate, model.index(0, ComponentListModel::CoverageColumn), QSize(150, 24));
        const QRect line(0, 0, CoverageSparklineDelegate::sparklineWidth() + 8, 24);
        QVERIFY(pixelsNear(image, ChartPalette::fail(QApplication::palette()), line) > 4);
    }

    void worksInAView()
    {
        // Smoke test in a real view, selected row included.
        ComponentListModel model;
        model.setComponents({component(QStringLiteral("a"), QStringLiteral("production"))});
        model.setCoverageHistory(QStringLiteral("a"), {70.0, 80.0});
        QTreeView view;
        view.setModel(&model);
        view.setItemDelegateForColumn(ComponentListModel::StageColumn,
                                      new StageBadgeDelegate(&view));
        view.setItemDelegateForColumn(ComponentListModel::CoverageColumn,
                                      new CoverageSparklineDelegate(&view));
        view.resize(700, 120);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setCurrentIndex(model.index(0, 0));
        view.selectionModel()->select(model.index(0, 0),
                                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QImage image = view.viewport()->grab().toImage();
        const QRect stage = view.visualRect(model.index(0, ComponentListModel::StageColumn));
        QVERIFY(pixelsNear(image, ChartPalette::stage(QStringLiteral("production")), stage) > 20);
    }
};

QTEST_MAIN(TestItemDelegates)
#include "tst_itemdelegates.moc"
