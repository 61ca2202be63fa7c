// Every control of every window can be found by a screen reader: walked through QAccessible as
// Orca would, each control (button, field, list, tab) has a name, and its description or tooltip
// says what it does. A control added without either fails here with its place in the window.

#include "widgetplace.h"

#include "composewindow.h"
#include "mainwindow.h"
#include "settings.h"
#include "theme.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QPalette>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

using namespace socketeer;
using namespace socketeer::ui;

namespace {

// A widget a user reaches and works: not a part of another control (a spin box's line edit, a
// scroll bar, a combo box's popup list) that the control's own accessible object stands for.
bool isControl(const QWidget *widget)
{
    for (const QWidget *up = widget->parentWidget(); up; up = up->parentWidget()) {
        if (qobject_cast<const QAbstractSpinBox *>(up) || qobject_cast<const QComboBox *>(up)
            || qobject_cast<const QTabBar *>(up) || qobject_cast<const QAbstractItemView *>(up)
            || qobject_cast<const QLineEdit *>(up))   // its clear button
            return false;
        if (up->inherits("QComboBoxPrivateContainer"))
            return false;
    }
    if (widget->objectName().startsWith(QLatin1String("qt_")))
        return false;   // Qt's own parts: a dock's float and close buttons, a scroll area's corner
    return qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QLineEdit *>(widget)
        || qobject_cast<const QAbstractSpinBox *>(widget) || qobject_cast<const QComboBox *>(widget)
        || qobject_cast<const QPlainTextEdit *>(widget) || qobject_cast<const QTextEdit *>(widget)
        || qobject_cast<const QAbstractItemView *>(widget);
}

QString placeOf(const QWidget *widget) { return testsupport::widgetPlace(widget, 4); }

// The problems of one window: controls without a name, and controls that say nothing about what
// they do (no description, no tooltip).
struct Findings {
    QStringList unnamed;
    QStringList undescribed;
    int controls = 0;
};

Findings walk(QWidget *window)
{
    Findings found;
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        if (!isControl(widget))
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible)
            continue;
        ++found.controls;
        const QString name = accessible->text(QAccessible::Name).trimmed();
        const QString what = QStringLiteral("%1 (%2)").arg(placeOf(widget), QString::fromLatin1(widget->metaObject()->className()));
        if (name.isEmpty())
            found.unnamed << what;
        if (accessible->text(QAccessible::Description).trimmed().isEmpty())
            found.undescribed << QStringLiteral("%1 \"%2\"").arg(what, name);
    }
    return found;
}

} // namespace

class TestAccessibility : public QObject {
    Q_OBJECT

    QTemporaryDir m_config;

    void check(QWidget *window, const QString &which)
    {
        const Findings found = walk(window);
        QVERIFY2(found.controls > 5, qPrintable(which + QStringLiteral(": no controls found")));
        qInfo().noquote() << which << found.controls << "controls";
        // In full: a failure message is cut short.
        for (const QString &control : found.unnamed)
            qInfo().noquote() << "no name:" << control;
        for (const QString &control : found.undescribed)
            qInfo().noquote() << "no description:" << control;
        QVERIFY2(found.unnamed.isEmpty(),
                 qPrintable(QStringLiteral("%1: %2 control(s) without an accessible name:\n  %3")
                                .arg(which).arg(found.unnamed.size()).arg(found.unnamed.join(QStringLiteral("\n  ")))));
        QVERIFY2(found.undescribed.isEmpty(),
                 qPrintable(QStringLiteral("%1: %2 control(s) without a description or tooltip:\n  %3")
                                .arg(which).arg(found.undescribed.size()).arg(found.undescribed.join(QStringLiteral("\n  ")))));
    }

private slots:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QCoreApplication::setOrganizationName(QStringLiteral("SocketeerTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_accessibility"));
        Settings settings;
        settings.setInboxPort(0);
        settings.setInboxDirectory(m_config.filePath(QStringLiteral("inbox")));
    }

    void mainWindow_everyControlNamedAndDescribed()
    {
        Settings settings;
        MainWindow window(settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        check(&window, QStringLiteral("main window"));
    }

    // View → Appearance: Dark gives a dark palette, remembered; System gives the desktop's back.
    void appearanceMenu_darkAndBack()
    {
        Settings settings;
        MainWindow window(settings);
        const QPalette original = QApplication::palette();
        auto *dark = window.findChild<QAction *>(QStringLiteral("appearance-dark"));
        auto *system = window.findChild<QAction *>(QStringLiteral("appearance-system"));
        QVERIFY(dark && system);
        dark->trigger();
        QVERIFY(theme::isDark());
        QVERIFY(theme::colour(theme::Role::Error) != theme::colour(theme::Role::Error, original));
        QCOMPARE(Settings().appearance(), QStringLiteral("dark"));
        system->trigger();
        QVERIFY(!theme::isDark());
        QCOMPARE(QApplication::palette().color(QPalette::Window), original.color(QPalette::Window));
        QCOMPARE(Settings().appearance(), QStringLiteral("system"));
    }

    void composeWindow_everyControlNamedAndDescribed()
    {
        Settings settings;
        ComposeWindow window(settings, m_config.filePath(QStringLiteral("draft.json")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        check(&window, QStringLiteral("mail window"));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
