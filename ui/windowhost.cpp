#include "windowhost.h"

#include "languages.h"
#include "mainwindow.h"

#include <QApplication>
#include <QTimer>

namespace socketeer::ui {

WindowHost::WindowHost(Settings &settings, QObject *parent) : QObject(parent), m_settings(settings) {}

WindowHost::~WindowHost() = default;

void WindowHost::open()
{
    auto next = std::make_unique<MainWindow>(m_settings);
    connect(next.get(), &MainWindow::languageSwitchRequested, this, [this](const QString &language) {
        // Not inside the signal: the window that emitted it is about to be deleted.
        QTimer::singleShot(0, this, [this, language] { switchLanguage(language); });
    });
    next->show();
    m_window = std::move(next);
    emit windowReplaced(m_window.get());
}

void WindowHost::switchLanguage(const QString &language)
{
    if (m_window)
        m_window->saveSettings();
    const bool quitOnClose = QApplication::quitOnLastWindowClosed();
    QApplication::setQuitOnLastWindowClosed(false);   // the old window goes before the new one shows
    m_window.reset();
    installLanguage(language);
    open();
    QApplication::setQuitOnLastWindowClosed(quitOnClose);
}

} // namespace socketeer::ui
