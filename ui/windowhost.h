#pragma once
// Owns the main window and rebuilds it when the user switches the language: the old window saves
// its fields and layout, the new one, built under the new translators, restores them.

#include <QObject>

#include <memory>

namespace socketeer::ui {

class MainWindow;
class Settings;

class WindowHost final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowHost)
public:
    explicit WindowHost(Settings &settings, QObject *parent = nullptr);
    ~WindowHost() override;

    MainWindow *window() const { return m_window.get(); }
    void open();   // builds and shows a window (the first, or the next)

signals:
    void windowReplaced(socketeer::ui::MainWindow *window);

private:
    void switchLanguage(const QString &language);

    Settings &m_settings;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace socketeer::ui
