#pragma once
// Every remembered choice, typed, in one place (Zeal's way). Backed by QSettings under the
// organisation and application names main() sets first; core never reads it.

#include <QByteArray>
#include <QString>

class QSettings;

namespace socketeer::ui {

class Settings {
public:
    Settings();
    ~Settings();
    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    // "" follows the system locale; otherwise "en" or "zh_CN".
    QString language() const;
    void setLanguage(const QString &language);

    // Presentation mode: the application font's point size, 0 for the system's.
    int fontPointSize() const;
    void setFontPointSize(int points);

    QString serverAddress() const;
    void setServerAddress(const QString &address);
    quint16 serverPort() const;
    void setServerPort(quint16 port);
    QString serverModel() const;
    void setServerModel(const QString &model);

    QString clientHost() const;
    void setClientHost(const QString &host);
    quint16 clientPort() const;
    void setClientPort(quint16 port);

    QString udpBind() const;
    void setUdpBind(const QString &address);
    quint16 udpPort() const;
    void setUdpPort(quint16 port);
    QString udpTarget() const;     // "host:port"
    void setUdpTarget(const QString &target);

    QString encoding() const;      // "UTF-8", "GBK", …
    void setEncoding(const QString &encoding);
    bool hexView() const;
    void setHexView(bool hex);
    int logMaximumEntries() const;
    void setLogMaximumEntries(int maximum);

    void sync();

private:
    QSettings *m_settings;
};

} // namespace socketeer::ui
