#pragma once
// Light or dark: the window's appearance, and the few colours Socketeer paints itself (log
// directions, errors, the timeline's boxes, the throughput graph) chosen to stay readable on
// either. Every colour is looked up when it is painted, from the palette in use then, so a switch
// takes effect at the next repaint.

#include <QColor>
#include <QString>

class QPalette;

namespace socketeer::ui::theme {

enum class Appearance {
    System,   // the platform's style and palette, as the desktop set them
    Light,    // Fusion with a light palette
    Dark,     // Fusion with a dark palette
};

// "system", "light", "dark" (saved in the settings); anything else reads as System.
QString appearanceKey(Appearance appearance);
Appearance appearanceFromKey(const QString &key);

// Installs `appearance` on the running QApplication (every widget gets QEvent::PaletteChange).
// The platform's style and palette are remembered at the first call, so System restores them.
void applyAppearance(Appearance appearance);
Appearance appliedAppearance();

// A palette whose window is darker than its text: a dark theme, the desktop's or ours.
bool isDark(const QPalette &palette);
bool isDark();   // the application's palette

enum class Role {
    Error,       // failures, bad bytes
    Warning,     // "listening beyond this machine"
    Success,     // a lab passed, a mail sent
    Sent,        // bytes that left (log direction, graph, timeline send)
    Received,    // bytes that arrived
    Muted,       // events, hints
    Accent,      // badges
    Found,       // the background of a line the code view points at
};
QColor colour(Role role, const QPalette &palette);
QColor colour(Role role);   // for the application's palette
// "color: #rrggbb;" for a label's style sheet.
QString textStyle(Role role);

// A timeline box's fill for a call drawn in `colour`: a pale tint on a light base, a deep one on
// a dark base, so the palette's text colour reads on it either way.
QColor boxFill(const QColor &colour, const QPalette &palette);

} // namespace socketeer::ui::theme
