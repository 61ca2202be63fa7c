#include "panelcode.h"

#include "addressinputs.h"
#include "chatroomfields.h"
#include "clientpanel.h"
#include "framingbar.h"
#include "framingfields.h"
#include "sendbox.h"
#include "serverpanel.h"
#include "tlsserverfields.h"
#include "udppanel.h"

#include "tls/devcert.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>

namespace socketeer::ui {

namespace {

Error fieldError(const QString &text)
{
    return Error{ErrorKind::InvalidArgument, {}, text, true};
}

CodeFamily familyOf(const QString &host)
{
    return host.contains(QLatin1Char(':')) ? CodeFamily::Ipv6 : CodeFamily::Ipv4;
}

// What each panel's receive framing says, where the generator can write it (none, line, crlf).
Result<FrameSpec> framingOf(FramingBar *bar)
{
    return bar->framing()->spec();
}

Result<CodeSettings> serverSettings(ServerPanel *panel)
{
    CodeSettings settings;
    settings.kind = CodeKind::TcpServer;
    settings.host = panel->addressCombo()->address();
    if (!panel->portEdit()->isValid())
        return fieldError(panel->portEdit()->errorText());
    settings.port = panel->portEdit()->port();
    settings.family = familyOf(settings.host);
    settings.model = static_cast<ServerModel>(panel->modelCombo()->currentData().toInt());
    settings.echo = panel->echoCheck()->isChecked();
    settings.encoding = panel->sendBox()->encoding();
    const ChatRoomConfig chat = panel->chatFields()->config();
    settings.chat = chat.enabled;
    settings.nicknames = chat.nicknames;
    if (!settings.chat) {   // the room splits lines itself: the panel's framing is how it shows them
        auto frame = framingOf(panel->framing());
        if (!frame)
            return frame.error();
        settings.frame = *frame;
    }
    switch (panel->tlsFields()->mode()) {
    case TlsServerFields::Mode::None:
        break;
    case TlsServerFields::Mode::DevelopmentCertificate: {
        settings.tls = true;
        settings.tlsCertFile = devCertificateFile(defaultDevCertificateFolder());
        settings.tlsKeyFile = devKeyFile(defaultDevCertificateFolder());
        break;
    }
    case TlsServerFields::Mode::CertificateFiles:
        settings.tls = true;
        settings.tlsCertFile = panel->tlsFields()->certificateEdit()->text().trimmed();
        settings.tlsKeyFile = panel->tlsFields()->keyEdit()->text().trimmed();
        break;
    }
    return settings;
}

Result<CodeSettings> clientSettings(ClientPanel *panel)
{
    CodeSettings settings;
    settings.kind = CodeKind::TcpClient;
    if (!panel->hostEdit()->isValid())
        return fieldError(panel->hostEdit()->errorText());
    settings.host = panel->hostEdit()->host();
    if (!panel->portEdit()->isValid())
        return fieldError(panel->portEdit()->errorText());
    settings.port = panel->portEdit()->port();
    settings.family = familyOf(settings.host);
    settings.encoding = panel->sendBox()->encoding();
    auto frame = framingOf(panel->framing());
    if (!frame)
        return frame.error();
    settings.frame = *frame;
    settings.tls = panel->tlsCheck()->isChecked();
    return settings;
}

Result<CodeSettings> udpSettings(UdpPanel *panel)
{
    CodeSettings settings;
    settings.kind = CodeKind::Udp;
    settings.host = panel->bindAddress()->address();
    if (!panel->bindPort()->isValid())
        return fieldError(panel->bindPort()->errorText());
    settings.port = panel->bindPort()->port();
    settings.family = familyOf(settings.host);
    settings.echo = false;   // the panel shows what comes and sends what is typed
    settings.encoding = panel->sendBox()->encoding();
    const QString target = panel->targetHost()->host();
    if (!target.isEmpty() && panel->targetHost()->isValid() && panel->targetPort()->isValid() && panel->targetPort()->port() != 0) {
        settings.targetHost = target;
        settings.targetPort = panel->targetPort()->port();
    }
    return settings;
}

} // namespace

std::optional<Result<CodeSettings>> codeSettingsOf(QWidget *panel)
{
    if (auto *server = qobject_cast<ServerPanel *>(panel))
        return serverSettings(server);
    if (auto *client = qobject_cast<ClientPanel *>(panel))
        return clientSettings(client);
    if (auto *udp = qobject_cast<UdpPanel *>(panel))
        return udpSettings(udp);
    return std::nullopt;
}

} // namespace socketeer::ui
