#include "panelcode.h"

#include "addressinputs.h"
#include "chatroomfields.h"
#include "clientpanel.h"
#include "framingbar.h"
#include "framingfields.h"
#include "inboxpanel.h"
#include "sendbox.h"
#include "serverpanel.h"
#include "tlsserverfields.h"
#include "udppanel.h"

#include "tls/devcert.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>

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

// The certificate a TLS server's fields name: the development one's files, or the user's.
void tlsOf(TlsServerFields *fields, CodeSettings &settings)
{
    switch (fields->mode()) {
    case TlsServerFields::Mode::None:
        break;
    case TlsServerFields::Mode::DevelopmentCertificate:
        settings.tls = true;
        settings.tlsCertFile = devCertificateFile(defaultDevCertificateFolder());
        settings.tlsKeyFile = devKeyFile(defaultDevCertificateFolder());
        break;
    case TlsServerFields::Mode::CertificateFiles:
        settings.tls = true;
        settings.tlsCertFile = fields->certificateEdit()->text().trimmed();
        settings.tlsKeyFile = fields->keyEdit()->text().trimmed();
        break;
    }
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
    tlsOf(panel->tlsFields(), settings);
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

// The inbox as a server: its address, port, folder and STARTTLS certificate. The testing extras
// (AUTH, failure injection, implicit TLS) are not in the program.
Result<CodeSettings> inboxSettings(InboxPanel *panel)
{
    CodeSettings settings;
    settings.kind = CodeKind::Inbox;
    settings.host = panel->listenAddress();
    settings.port = static_cast<quint16>(panel->portField()->value());
    settings.family = familyOf(settings.host);
    settings.inbox.folder = panel->directory();
    tlsOf(panel->tlsFields(), settings);
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
    if (auto *inbox = qobject_cast<InboxPanel *>(panel))
        return inboxSettings(inbox);
    return std::nullopt;
}

} // namespace socketeer::ui
