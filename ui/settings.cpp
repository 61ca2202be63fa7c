#include "settings.h"

#include <QSettings>

namespace socketeer::ui {

namespace {
// Keys in one place, so a typo cannot split one setting into two.
constexpr auto kGeometry = "window/geometry";
constexpr auto kState = "window/state";
constexpr auto kLanguage = "view/language";
constexpr auto kFontSize = "view/fontPointSize";
constexpr auto kServerAddress = "server/address";
constexpr auto kServerPort = "server/port";
constexpr auto kServerModel = "server/model";
constexpr auto kClientHost = "client/host";
constexpr auto kClientPort = "client/port";
constexpr auto kUdpBind = "udp/bind";
constexpr auto kUdpPort = "udp/port";
constexpr auto kUdpTarget = "udp/target";
constexpr auto kEncoding = "log/encoding";
constexpr auto kHex = "log/hex";
constexpr auto kMaxEntries = "log/maximumEntries";

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
int Settings::fontPointSize() const { return m_settings->value(key(kFontSize), 0).toInt(); }
void Settings::setFontPointSize(int points) { m_settings->setValue(key(kFontSize), points); }

QString Settings::serverAddress() const { return m_settings->value(key(kServerAddress), QStringLiteral("127.0.0.1")).toString(); }
void Settings::setServerAddress(const QString &address) { m_settings->setValue(key(kServerAddress), address); }
quint16 Settings::serverPort() const { return static_cast<quint16>(m_settings->value(key(kServerPort), 50007).toUInt()); }
void Settings::setServerPort(quint16 port) { m_settings->setValue(key(kServerPort), port); }
QString Settings::serverModel() const { return m_settings->value(key(kServerModel), QStringLiteral("event-loop")).toString(); }
void Settings::setServerModel(const QString &model) { m_settings->setValue(key(kServerModel), model); }

QString Settings::clientHost() const { return m_settings->value(key(kClientHost), QStringLiteral("localhost")).toString(); }
void Settings::setClientHost(const QString &host) { m_settings->setValue(key(kClientHost), host); }
quint16 Settings::clientPort() const { return static_cast<quint16>(m_settings->value(key(kClientPort), 50007).toUInt()); }
void Settings::setClientPort(quint16 port) { m_settings->setValue(key(kClientPort), port); }

QString Settings::udpBind() const { return m_settings->value(key(kUdpBind), QStringLiteral("127.0.0.1")).toString(); }
void Settings::setUdpBind(const QString &address) { m_settings->setValue(key(kUdpBind), address); }
quint16 Settings::udpPort() const { return static_cast<quint16>(m_settings->value(key(kUdpPort), 50007).toUInt()); }
void Settings::setUdpPort(quint16 port) { m_settings->setValue(key(kUdpPort), port); }
QString Settings::udpTarget() const { return m_settings->value(key(kUdpTarget), QStringLiteral("localhost:50007")).toString(); }
void Settings::setUdpTarget(const QString &target) { m_settings->setValue(key(kUdpTarget), target); }

QString Settings::encoding() const { return m_settings->value(key(kEncoding), QStringLiteral("UTF-8")).toString(); }
void Settings::setEncoding(const QString &encoding) { m_settings->setValue(key(kEncoding), encoding); }
bool Settings::hexView() const { return m_settings->value(key(kHex), false).toBool(); }
void Settings::setHexView(bool hex) { m_settings->setValue(key(kHex), hex); }
int Settings::logMaximumEntries() const { return m_settings->value(key(kMaxEntries), 10000).toInt(); }
void Settings::setLogMaximumEntries(int maximum) { m_settings->setValue(key(kMaxEntries), maximum); }

void Settings::sync() { m_settings->sync(); }

} // namespace socketeer::ui
