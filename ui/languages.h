#pragma once
// The user-interface language: Socketeer's own translations (embedded under :/i18n) and Qt's
// (qtbase_*.qm, for the buttons of standard dialogs), installed on the running application.

#include <QString>
#include <QStringList>

namespace socketeer::ui {

// The codes installLanguage() accepts besides "" (the system's): "en", "zh_CN".
QStringList availableLanguages();

// The language "" stands for: zh_CN on a Chinese system (any zh_* locale), otherwise en.
QString systemLanguage();

// Installs the translators for `language` ("" = the system's, "en", "zh_CN") on the running
// QCoreApplication, removing the ones an earlier call installed, so it may be called again to
// switch languages while the application runs (widgets then receive QEvent::LanguageChange).
// Also makes the language's QLocale the default, so numbers and byte sizes match the words.
// Returns the language actually used: "en" or "zh_CN" (an unknown code, or a translation that
// cannot be loaded, falls back to "en").
QString installLanguage(const QString &language);

// The language the last installLanguage() call installed; "" before the first call.
QString installedLanguage();

} // namespace socketeer::ui
