#pragma once
// Every remembered choice, typed, in one place (Zeal's way). Backed by QSettings under the
// organisation and application names main() sets first; core never reads it.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariantMap>

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

    // "system", "light" or "dark" (see theme.h).
    QString appearance() const;
    void setAppearance(const QString &appearance);

    // Presentation mode: the application font's point size, 0 for the system's.
    int fontPointSize() const;
    void setFontPointSize(int points);

    // A panel's remembered inputs (see fieldmemory.h), under a group such as "server".
    QVariantMap fields(const QString &group) const;
    void setFields(const QString &group, const QVariantMap &values);

    // Server certificates the user looked at and trusted although they could not be verified,
    // by SHA-256 fingerprint, per server ("smtp.example.org:465").
    QStringList trustedCertificates(const QString &server) const;
    void trustCertificate(const QString &server, const QString &fingerprint);

    // The local inbox: where its SMTP receiver listens and keeps messages. Port 2525 on loopback
    // and the app's data folder unless changed; port 0 picks a free port (the tests' way).
    quint16 inboxPort() const;
    void setInboxPort(quint16 port);
    QString inboxAddress() const;
    void setInboxAddress(const QString &address);
    QString inboxDirectory() const;
    void setInboxDirectory(const QString &directory);

    void sync();

private:
    QSettings *m_settings;
};

} // namespace socketeer::ui
