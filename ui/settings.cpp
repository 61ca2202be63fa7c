#include "settings.h"

#include "mail/mailstore.h"
#include "mail/smtpreceiver.h"

#include <QSettings>
#include <QUrl>

namespace socketeer::ui {

namespace {
// Keys in one place, so a typo cannot split one setting into two.
constexpr auto kGeometry = "window/geometry";
constexpr auto kState = "window/state";
constexpr auto kLanguage = "view/language";
constexpr auto kAppearance = "view/appearance";
constexpr auto kFontSize = "view/fontPointSize";
constexpr auto kFields = "fields/";
constexpr auto kInboxPort = "inbox/port";
constexpr auto kInboxAddress = "inbox/address";
constexpr auto kInboxDirectory = "inbox/directory";

QString key(const char *name) { return QString::fromLatin1(name); }
} // namespace

Settings::Settings() : m_settings(new QSettings) {}
Settings::~Settings() { delete m_settings; }

QByteArray Settings::windowGeometry() const { return m_settings->value(key(kGeometry)).toByteArray(); }
void Settings::setWindowGeometry(const QByteArray &geometry) { m_settings->setValue(key(kGeometry), geometry); }
QByteArray Settings::windowState() const { return m_settings->value(key(kState)).toByteArray(); }
void Settings::setWindowState(const QByteArray &state) { m_settings->setValue(key(kState), state); }

QString Settings::language() const { return m_settings->value(key(kLanguage)).toString(); }
void Settings::setLanguage(const QString &language) { m_settings->setValue(key(kLanguage), language); }
QString Settings::appearance() const { return m_settings->value(key(kAppearance)).toString(); }
void Settings::setAppearance(const QString &appearance) { m_settings->setValue(key(kAppearance), appearance); }
int Settings::fontPointSize() const { return m_settings->value(key(kFontSize), 0).toInt(); }
void Settings::setFontPointSize(int points) { m_settings->setValue(key(kFontSize), points); }

QVariantMap Settings::fields(const QString &group) const
{
    return m_settings->value(key(kFields) + group).toMap();
}

void Settings::setFields(const QString &group, const QVariantMap &values)
{
    m_settings->setValue(key(kFields) + group, values);
}

QStringList Settings::trustedCertificates(const QString &server) const
{
    // Percent-encoded: a host:port is not a valid key on every backend (':' and '/').
    return m_settings->value(QStringLiteral("trustedCertificates/") + QString::fromLatin1(QUrl::toPercentEncoding(server)))
        .toStringList();
}

void Settings::trustCertificate(const QString &server, const QString &fingerprint)
{
    QStringList trusted = trustedCertificates(server);
    if (!trusted.contains(fingerprint))
        trusted << fingerprint;
    m_settings->setValue(QStringLiteral("trustedCertificates/") + QString::fromLatin1(QUrl::toPercentEncoding(server)), trusted);
    m_settings->sync();
}

// The receiver's own defaults (127.0.0.1:2525) until the user changes them.
quint16 Settings::inboxPort() const
{
    const quint16 fallback = SmtpReceiverConfig().endpoint.port;
    const int port = m_settings->value(key(kInboxPort), fallback).toInt();
    return port >= 0 && port <= 65535 ? static_cast<quint16>(port) : fallback;
}
void Settings::setInboxPort(quint16 port) { m_settings->setValue(key(kInboxPort), port); }
QString Settings::inboxAddress() const { return m_settings->value(key(kInboxAddress), SmtpReceiverConfig().endpoint.host).toString(); }
void Settings::setInboxAddress(const QString &address) { m_settings->setValue(key(kInboxAddress), address); }
QString Settings::inboxDirectory() const
{
    return m_settings->value(key(kInboxDirectory), MailStore::defaultDirectory()).toString();
}
void Settings::setInboxDirectory(const QString &directory) { m_settings->setValue(key(kInboxDirectory), directory); }

void Settings::sync() { m_settings->sync(); }

} // namespace socketeer::ui
