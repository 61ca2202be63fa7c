#include "taborder.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QBoxLayout>
#include <QComboBox>
#include <QDockWidget>
#include <QFormLayout>
#include <QGridLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSet>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTextEdit>

#include <algorithm>
#include <tuple>
#include <vector>

namespace socketeer::ui {
namespace {

bool isControl(const QWidget *widget)
{
    if (widget->objectName().startsWith(QLatin1String("qt_")))
        return false;   // Qt's own parts: a dock's float button, a scroll area's corner
    return qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QLineEdit *>(widget)
        || qobject_cast<const QAbstractSpinBox *>(widget) || qobject_cast<const QComboBox *>(widget)
        || qobject_cast<const QPlainTextEdit *>(widget) || qobject_cast<const QTextEdit *>(widget)
        || qobject_cast<const QAbstractItemView *>(widget) || qobject_cast<const QTabBar *>(widget)
        || qobject_cast<const QAbstractSlider *>(widget);
}

class Reader {
public:
    explicit Reader(Shown shown) : m_shown(shown) {}

    void widget(QWidget *w)
    {
        if (m_shown == Shown::Only && !(w->isVisible() && w->isEnabled()))
            return;
        if (m_seen.contains(w))
            return;   // a form's spanning row answers for its label and its field role
        m_seen.insert(w);
        if (isControl(w)) {
            m_out << w;
            return;
        }
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            if (m_shown == Shown::AndHidden || tabs->tabBar()->isVisible())
                m_out << tabs->tabBar();   // named qt_tabwidget_tabbar, but a Tab stop like any control
            pages(tabs->currentWidget(), [tabs](int i) { return tabs->widget(i); }, tabs->count());
            return;
        }
        if (auto *stack = qobject_cast<QStackedWidget *>(w)) {
            pages(stack->currentWidget(), [stack](int i) { return stack->widget(i); }, stack->count());
            return;
        }
        if (auto *splitter = qobject_cast<QSplitter *>(w)) {
            for (int i = 0; i < splitter->count(); ++i)
                widget(splitter->widget(i));
            return;
        }
        if (auto *area = qobject_cast<QScrollArea *>(w)) {
            if (area->widget())
                widget(area->widget());
            return;
        }
        if (auto *dock = qobject_cast<QDockWidget *>(w)) {
            if (dock->widget())
                widget(dock->widget());
            return;
        }
        if (QLayout *l = w->layout())
            layout(l);
    }

    QList<QWidget *> take() { return std::move(m_out); }

private:
    // The page shown, or with hidden ones every page in turn (a page's controls stay together).
    template <typename At>
    void pages(QWidget *current, At at, int count)
    {
        if (m_shown == Shown::Only) {
            if (current)
                widget(current);
            return;
        }
        for (int i = 0; i < count; ++i)
            widget(at(i));
    }

    void layout(QLayout *l)
    {
        QList<QLayoutItem *> items;
        if (auto *grid = qobject_cast<QGridLayout *>(l)) {
            std::vector<std::tuple<int, int, int>> cells;   // row, column, index
            for (int i = 0; i < grid->count(); ++i) {
                int row = 0, column = 0, rows = 0, columns = 0;
                grid->getItemPosition(i, &row, &column, &rows, &columns);
                cells.emplace_back(row, column, i);
            }
            std::sort(cells.begin(), cells.end());
            for (const auto &cell : cells)
                items << grid->itemAt(std::get<2>(cell));
        } else if (auto *form = qobject_cast<QFormLayout *>(l)) {
            for (int row = 0; row < form->rowCount(); ++row)
                for (auto role : {QFormLayout::LabelRole, QFormLayout::FieldRole, QFormLayout::SpanningRole})
                    if (QLayoutItem *item = form->itemAt(row, role))
                        items << item;
        } else {
            for (int i = 0; i < l->count(); ++i)
                items << l->itemAt(i);
            if (auto *box = qobject_cast<QBoxLayout *>(l);
                box && (box->direction() == QBoxLayout::RightToLeft || box->direction() == QBoxLayout::BottomToTop))
                std::reverse(items.begin(), items.end());
        }
        for (QLayoutItem *item : items) {
            if (QWidget *child = item->widget())
                widget(child);
            else if (QLayout *inner = item->layout())
                layout(inner);
        }
    }

    Shown m_shown;
    QList<QWidget *> m_out;
    QSet<const QWidget *> m_seen;
};

} // namespace

QList<QWidget *> controlsInReadingOrder(QWidget *root, Shown shown)
{
    Reader reader(shown);
    reader.widget(root);
    return reader.take();
}

void setTabOrderFromLayout(QWidget *root)
{
    const QList<QWidget *> controls = controlsInReadingOrder(root, Shown::AndHidden);
    for (qsizetype i = 1; i < controls.size(); ++i)
        QWidget::setTabOrder(controls.at(i - 1), controls.at(i));
}

} // namespace socketeer::ui
