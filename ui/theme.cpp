#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace socketeer::ui::theme {

namespace {

struct Platform {
    QString style;
    QPalette palette;
};

Platform &platform()
{
    static Platform saved = [] {
        Platform p;
        p.style = QApplication::style() ? QApplication::style()->name() : QString();
        p.palette = QApplication::palette();
        return p;
    }();
    return saved;
}

Appearance g_applied = Appearance::System;

QPalette darkPalette()
{
    // Fusion's colours in the dark: text at about 13:1 on the window, links and highlights that
    // keep 4.5:1 (WCAG AA) against what they are drawn on.
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2c));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x51));
    p.setColor(QPalette::Midlight, QColor(0x3e, 0x41, 0x45));
    p.setColor(QPalette::Mid, QColor(0x5a, 0x5d, 0x61));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xc9));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, QColor(0x6a, 0xb0, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x8c, 0xff));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x45, 0x48, 0x4c));
    return p;
}

} // namespace

QString appearanceKey(Appearance appearance)
{
    switch (appearance) {
    case Appearance::Light: return QStringLiteral("light");
    case Appearance::Dark: return QStringLiteral("dark");
    case Appearance::System: break;
    }
    return QStringLiteral("system");
}

Appearance appearanceFromKey(const QString &key)
{
    if (key == QLatin1String("light"))
        return Appearance::Light;
    if (key == QLatin1String("dark"))
        return Appearance::Dark;
    return Appearance::System;
}

void applyAppearance(Appearance appearance)
{
    const Platform &original = platform();   // remembered before anything is changed
    if (appearance == Appearance::System && g_applied == Appearance::System)
        return;   // untouched, the desktop's palette keeps following the desktop's changes
    switch (appearance) {
    case Appearance::System:
        if (!original.style.isEmpty())
            QApplication::setStyle(QStyleFactory::create(original.style));
        QApplication::setPalette(original.palette);
        break;
    case Appearance::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case Appearance::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        break;
    }
    g_applied = appearance;
}

Appearance appliedAppearance()
{
    return g_applied;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < palette.color(QPalette::WindowText).lightnessF();
}

bool isDark()
{
    return isDark(QApplication::palette());
}

QColor colour(Role role, const QPalette &palette)
{
    // Each keeps at least 4.5:1 against the base it is drawn on (white, or the dark base); the
    // dark ones, and the light ones for status lines (error, warning, success), against the window too.
    const bool dark = isDark(palette);
    switch (role) {
    case Role::Error: return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x20, 0x20);
    case Role::Warning: return dark ? QColor(0xf0, 0xa8, 0x50) : QColor(0xa0, 0x5a, 0x00);
    case Role::Success: return dark ? QColor(0x6c, 0xcf, 0x84) : QColor(0x17, 0x70, 0x30);
    case Role::Sent: return dark ? QColor(0x6c, 0xcf, 0x84) : QColor(0x18, 0x80, 0x38);
    case Role::Received: return dark ? QColor(0x6a, 0xb0, 0xff) : QColor(0x1a, 0x73, 0xe8);
    case Role::Muted: return dark ? QColor(0xa8, 0xa8, 0xa8) : QColor(0x60, 0x60, 0x60);
    case Role::Accent: return dark ? QColor(0x2f, 0x6f, 0xc9) : QColor(0x1a, 0x73, 0xe8);
    case Role::Found: return dark ? QColor(0x5c, 0x4b, 0x10) : QColor(0xff, 0xe8, 0x8c);
    }
    return palette.color(QPalette::Text);
}

QColor colour(Role role)
{
    return colour(role, QApplication::palette());
}

QString textStyle(Role role)
{
    return QStringLiteral("color: %1;").arg(colour(role).name());
}

QColor boxFill(const QColor &colour, const QPalette &palette)
{
    if (!isDark(palette))
        return colour.lighter(185);
    // A third of the call's colour over the base: deep enough to tell calls apart, dark enough
    // for light text.
    const QColor base = palette.color(QPalette::Base);
    const auto mix = [](int a, int b) { return (a + 2 * b) / 3; };
    return QColor(mix(colour.red(), base.red()), mix(colour.green(), base.green()), mix(colour.blue(), base.blue()));
}

} // namespace socketeer::ui::theme
