// Everything can be done from the keyboard, in the order the eye reads it. Tab is pressed through
// every tab of the main window (with every dock open) and through the mail window, as a user
// without a mouse would: each control the layout shows is reached, in the layout's order (rows top
// to bottom, left to right), and Tab always leaves a control again (no trap). Every menu and menu
// entry has a mnemonic (Alt+letter) that no sibling shares, and no two shortcuts of a window are
// the same key (Qt then fires neither, silently).

#include "widgetplace.h"

#include "composewindow.h"
#include "languages.h"
#include "mainwindow.h"
#include "rulesdialog.h"
#include "savedmessagedialog.h"
#include "sequencedialog.h"
#include "settings.h"
#include "taborder.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QBoxLayout>
#include <QDialog>
#include <QDockWidget>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <map>

using namespace socketeer;
using namespace socketeer::ui;

namespace {

QString placeOf(const QWidget *widget) { return testsupport::widgetPlace(widget, 3); }

// Every Alt key a pane's own controls take: its visible buttons' shortcuts and its labels' buddy
// mnemonics, added to `keys` with who takes each.
void collectKeys(QWidget *pane, std::map<QString, QStringList> &keys)
{
    for (QAbstractButton *button : pane->findChildren<QAbstractButton *>())
        if (button->isVisible() && !button->shortcut().isEmpty())
            keys[button->shortcut().toString()] << QStringLiteral("button ") + placeOf(button);
    for (QLabel *label : pane->findChildren<QLabel *>())
        if (label->isVisible() && label->buddy())
            if (const QKeySequence key = QKeySequence::mnemonic(label->text()); !key.isEmpty())
                keys[key.toString()] << QStringLiteral("label ") + label->text();
}

bool inside(const QWidget *widget, const QWidget *pane) { return widget == pane || pane->isAncestorOf(widget); }

// What Tab reaches from `start`, pressing it as a user does, until the focus comes back round.
// A control that keeps the focus on Tab is a trap: it ends the walk and is reported.
struct TabWalk {
    QList<QWidget *> reached;
    QString trap;
};

TabWalk pressTab(QWidget *start)
{
    TabWalk walk;
    start->setFocus(Qt::TabFocusReason);
    QWidget *focus = QApplication::focusWidget();
    int staying = 0;   // a time field's Tab goes through its sections first
    for (int presses = 0; focus && presses < 400; ++presses) {
        if (!walk.reached.contains(focus))
            walk.reached << focus;
        QTest::keyClick(focus, Qt::Key_Tab);
        QWidget *next = QApplication::focusWidget();
        if (next == focus) {
            if (++staying < 8)
                continue;
            walk.trap = placeOf(focus);
            break;
        }
        staying = 0;
        if (next == walk.reached.first())
            break;
        focus = next;
    }
    return walk;
}

QString names(const QList<QWidget *> &widgets)
{
    QStringList out;
    for (const QWidget *w : widgets)
        out << placeOf(w);
    return out.join(QStringLiteral("\n    "));
}

// A widget's focus proxy stands for it in the Tab order (a combo box's line edit, for example).
QWidget *focusOwner(QWidget *widget) { return widget->focusProxy() ? widget->focusProxy() : widget; }

QString mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

void addLanguageRows()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");   // its letters are the translator's
}

} // namespace

class TestKeyboard : public QObject {
    Q_OBJECT

    QTemporaryDir m_config;

    // Tab through `window` and compare with the layout, pane by pane: the central widget and each
    // open dock. Returns the problems, one per line.
    QStringList tabProblems(QWidget *window, const QList<QWidget *> &panes)
    {
        QStringList problems;
        QList<QWidget *> expected;
        for (QWidget *pane : panes)
            expected += controlsInReadingOrder(pane, Shown::Only);
        if (expected.isEmpty())
            return {QStringLiteral("no controls found")};
        const TabWalk walk = pressTab(focusOwner(expected.first()));
        if (!walk.trap.isEmpty())
            problems << QStringLiteral("Tab does not leave %1").arg(walk.trap);
        for (QWidget *control : expected)
            if (walk.trap.isEmpty() && !walk.reached.contains(focusOwner(control)))
                problems << QStringLiteral("not reached by Tab: %1").arg(placeOf(control));
        for (QWidget *pane : panes) {
            QList<QWidget *> inLayout;
            for (QWidget *control : expected)
                if (inside(control, pane) && walk.reached.contains(focusOwner(control)))
                    inLayout << focusOwner(control);
            QList<QWidget *> byTab;
            for (QWidget *reached : walk.reached)
                if (inside(reached, pane) && inLayout.contains(reached))
                    byTab << reached;
            // Tab order is a cycle: start both where the layout starts.
            if (const qsizetype first = byTab.indexOf(inLayout.value(0)); first > 0)
                byTab = byTab.mid(first) + byTab.mid(0, first);
            if (byTab != inLayout)
                problems << QStringLiteral("in %1, Tab goes\n    %2\n  but the layout reads\n    %3")
                                .arg(placeOf(pane), names(byTab), names(inLayout));
        }
        Q_UNUSED(window);
        return problems;
    }

    void report(const QString &which, const QStringList &problems)
    {
        for (const QString &problem : problems)
            qInfo().noquote() << which << ":" << problem;
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1: %2 problem(s), listed above").arg(which).arg(problems.size())));
    }

private slots:
    void cleanup() { installLanguage(QStringLiteral("en")); }

    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QCoreApplication::setOrganizationName(QStringLiteral("SocketeerTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_keyboard"));
        Settings settings;
        settings.setInboxPort(0);
        settings.setInboxDirectory(m_config.filePath(QStringLiteral("inbox")));
    }

    void mainWindow_tabFollowsTheLayout_data()
    {
        QTest::addColumn<int>("tab");
        for (int i = 0; i < 5; ++i)
            QTest::newRow(qPrintable(QStringLiteral("tab %1").arg(i))) << i;
    }

    void mainWindow_tabFollowsTheLayout()
    {
        QFETCH(int, tab);
        Settings settings;
        MainWindow window(settings);
        window.resize(1400, 900);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("panels"));
        QVERIFY(tabs);
        QVERIFY(tab < tabs->count());
        tabs->setCurrentIndex(tab);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        report(tabs->tabText(tab), tabProblems(&window, {tabs}));
    }

    void mainWindow_docksFollowTheirLayout()
    {
        Settings settings;
        MainWindow window(settings);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QList<QWidget *> panes;
        for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
            dock->show();
            panes << dock;
        }
        QVERIFY(panes.size() >= 4);
        for (QWidget *pane : panes)
            report(pane->objectName(), tabProblems(&window, {pane}));
    }

    void composeWindow_tabFollowsTheLayout()
    {
        Settings settings;
        ComposeWindow window(settings, m_config.filePath(QStringLiteral("draft.json")));
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        report(QStringLiteral("mail window"), tabProblems(&window, {&window}));
    }

    // The dialogs a panel opens: Tab follows their layout, and their letters are their own.
    void dialogs_tabFollowsTheLayout()
    {
        RulesDialog rules({}, true);
        SequenceDialog sequence({}, {QStringLiteral("a"), QStringLiteral("b")}, {});
        SavedMessageDialog saved({QStringLiteral("hello"), {}, SavedMessage::Format::Text, QStringLiteral("hi"), {}}, {}, TextEncoding::Utf8);
        for (QDialog *dialog : std::initializer_list<QDialog *>{&rules, &sequence, &saved}) {
            dialog->show();
            QVERIFY(QTest::qWaitForWindowActive(dialog));
            QStringList problems = tabProblems(dialog, {dialog});
            std::map<QString, QStringList> keys;
            collectKeys(dialog, keys);
            for (const auto &[key, owners] : keys)
                if (owners.size() > 1)
                    problems << QStringLiteral("%1 is taken by %2").arg(key, owners.join(QStringLiteral(", ")));
            report(QString::fromLatin1(dialog->metaObject()->className()), problems);
            dialog->hide();
        }
    }

    void menus_everyEntryHasItsOwnMnemonic_data() { addLanguageRows(); }
    // Alt+letter opens every menu and picks every entry; letters are not shared within a menu.
    void menus_everyEntryHasItsOwnMnemonic()
    {
        QFETCH(QString, language);
        QCOMPARE(installLanguage(language), language);
        Settings settings;
        MainWindow window(settings);
        QStringList problems;
        const std::function<void(QMenu *, const QString &)> walkMenu = [&](QMenu *menu, const QString &where) {
            std::map<QString, QString> taken;
            for (QAction *action : menu->actions()) {
                if (action->isSeparator() || !action->isVisible())
                    continue;
                const QString letter = mnemonicOf(action->text());
                const QString what = where + QStringLiteral(" → ") + action->text();
                if (letter.isEmpty())
                    problems << QStringLiteral("no mnemonic: %1").arg(what);
                else if (auto [it, fresh] = taken.emplace(letter, action->text()); !fresh)
                    problems << QStringLiteral("mnemonic %1 shared: %2 and %3").arg(letter, it->second, what);
                if (action->menu())
                    walkMenu(action->menu(), what);
            }
        };
        std::map<QString, QString> titles;
        for (QAction *top : window.menuBar()->actions()) {
            const QString letter = mnemonicOf(top->text());
            if (letter.isEmpty())
                problems << QStringLiteral("menu without a mnemonic: %1").arg(top->text());
            else if (auto [it, fresh] = titles.emplace(letter, top->text()); !fresh)
                problems << QStringLiteral("menus share %1: %2 and %3").arg(letter, it->second, top->text());
            if (top->menu())
                walkMenu(top->menu(), top->text());
        }
        report(QStringLiteral("menus"), problems);
    }

    // Two actions, buttons or labels on one key: Qt calls that ambiguous and only moves the focus
    // between them, so Alt+S would not start the server. Checked for each tab with the window's
    // menus and shortcuts, and for each dock with them (a dock's letter may repeat a panel's).
    void shortcuts_noKeyIsTakenTwice_data() { addLanguageRows(); }
    void shortcuts_noKeyIsTakenTwice()
    {
        QFETCH(QString, language);
        QCOMPARE(installLanguage(language), language);
        Settings settings;
        MainWindow window(settings);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QList<QDockWidget *> docks = window.findChildren<QDockWidget *>();
        for (QDockWidget *dock : docks)
            dock->show();

        std::map<QString, QStringList> windowKeys;
        for (QAction *action : window.findChildren<QAction *>())
            if (action->shortcutContext() != Qt::WidgetShortcut)
                for (const QKeySequence &key : action->shortcuts())
                    windowKeys[key.toString()] << QStringLiteral("action ") + action->text();
        for (QAction *menu : window.menuBar()->actions())
            if (const QKeySequence key = QKeySequence::mnemonic(menu->text()); !key.isEmpty())
                windowKeys[key.toString()] << QStringLiteral("menu ") + menu->text();

        QStringList problems;
        const auto check = [&](QWidget *pane, const QString &which) {
            std::map<QString, QStringList> keys = windowKeys;
            collectKeys(pane, keys);
            for (const auto &[key, owners] : keys)
                if (owners.size() > 1)
                    problems << QStringLiteral("%1: %2 is taken by %3").arg(which, key, owners.join(QStringLiteral(", ")));
        };
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("panels"));
        QVERIFY(tabs);
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            check(tabs->currentWidget(), tabs->tabText(i));
        }
        for (QDockWidget *dock : docks)
            check(dock, dock->objectName());
        report(QStringLiteral("shortcuts"), problems);

        ComposeWindow mail(settings, m_config.filePath(QStringLiteral("draft2.json")));
        mail.show();
        QVERIFY(QTest::qWaitForWindowExposed(&mail));
        problems.clear();
        windowKeys.clear();
        for (QAction *action : mail.findChildren<QAction *>())
            if (action->shortcutContext() != Qt::WidgetShortcut)
                for (const QKeySequence &key : action->shortcuts())
                    windowKeys[key.toString()] << QStringLiteral("action ") + action->text();
        check(&mail, QStringLiteral("mail window"));
        report(QStringLiteral("shortcuts"), problems);
    }

    // The reading order itself, on a form built out of order: a grid filled bottom row first, a
    // form, a right-to-left row, and a tab widget whose hidden page counts only when asked for.
    void readingOrder_followsTheLayoutsNotCreation()
    {
        QWidget form;
        auto *outer = new QVBoxLayout(&form);
        auto *grid = new QGridLayout;
        const auto button = [&form](const char *name) {
            auto *b = new QPushButton(QString::fromLatin1(name), &form);
            b->setObjectName(QString::fromLatin1(name));
            return b;
        };
        QPushButton *d = button("d"), *c = button("c"), *b = button("b"), *a = button("a");
        grid->addWidget(d, 1, 1);
        grid->addWidget(c, 1, 0);
        grid->addWidget(b, 0, 1);
        grid->addWidget(a, 0, 0);
        outer->addLayout(grid);
        auto *rows = new QFormLayout;
        QLineEdit *f = new QLineEdit(&form), *e = new QLineEdit(&form);
        f->setObjectName(QStringLiteral("f"));
        e->setObjectName(QStringLiteral("e"));
        rows->addRow(QStringLiteral("E"), e);
        rows->addRow(QStringLiteral("F"), f);
        outer->addLayout(rows);
        auto *rightToLeft = new QBoxLayout(QBoxLayout::RightToLeft);
        QPushButton *h = button("h"), *g = button("g");
        rightToLeft->addWidget(h);   // drawn rightmost
        rightToLeft->addWidget(g);
        outer->addLayout(rightToLeft);
        auto *tabs = new QTabWidget(&form);
        auto *first = new QWidget, *second = new QWidget;
        (new QVBoxLayout(second))->addWidget(button("j"));
        (new QVBoxLayout(first))->addWidget(button("i"));
        tabs->addTab(first, QStringLiteral("1"));
        tabs->addTab(second, QStringLiteral("2"));
        outer->addWidget(tabs);
        form.show();
        QVERIFY(QTest::qWaitForWindowActive(&form));

        const auto namesOf = [](const QList<QWidget *> &widgets) {
            QStringList out;
            for (const QWidget *w : widgets)
                out << (qobject_cast<const QTabBar *>(w) ? QStringLiteral("tabs") : w->objectName());
            return out.join(QLatin1Char(' '));
        };
        QCOMPARE(namesOf(controlsInReadingOrder(&form, Shown::Only)), QStringLiteral("a b c d e f g h tabs i"));
        QCOMPARE(namesOf(controlsInReadingOrder(&form, Shown::AndHidden)), QStringLiteral("a b c d e f g h tabs i j"));

        // Before: Tab follows creation (d c b a ...); after, the layout.
        QCOMPARE(namesOf(pressTab(d).reached.mid(0, 2)), QStringLiteral("d c"));
        setTabOrderFromLayout(&form);
        QCOMPARE(namesOf(pressTab(a).reached), QStringLiteral("a b c d e f g h tabs i"));
    }
};

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
