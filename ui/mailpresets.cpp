#include "mailpresets.h"

#include "mail/smtpreceiver.h"

#include <QCoreApplication>

namespace socketeer::ui {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(socketeer::ui::MailPresets)
};
} // namespace

const QList<MailPreset> &mailPresets()
{
    // Hosts and ports as the providers publish them (2026): implicit TLS on 465 where offered,
    // STARTTLS on 587 where that is the documented way.
    static const QList<MailPreset> presets{
        {QStringLiteral("custom"), {}, {}, 587, SmtpSecurity::StartTls, SmtpAuthMethod::Auto},
        // Socketeer's own receiver (the Inbox tab): the port follows where it really listens.
        {QStringLiteral("local"), QStringLiteral(QT_TRANSLATE_NOOP("socketeer::ui::MailPresets", "Local inbox — no account needed")),
         SmtpReceiverConfig().endpoint.host, SmtpReceiverConfig().endpoint.port, SmtpSecurity::None, SmtpAuthMethod::Auto},
        {QStringLiteral("126"), QStringLiteral(QT_TRANSLATE_NOOP("socketeer::ui::MailPresets", "126.com")), QStringLiteral("smtp.126.com"), 465, SmtpSecurity::Tls, SmtpAuthMethod::Auto},
        {QStringLiteral("163"), QStringLiteral(QT_TRANSLATE_NOOP("socketeer::ui::MailPresets", "163.com")), QStringLiteral("smtp.163.com"), 465, SmtpSecurity::Tls, SmtpAuthMethod::Auto},
        {QStringLiteral("qq"), QStringLiteral(QT_TRANSLATE_NOOP("socketeer::ui::MailPresets", "QQ Mail")), QStringLiteral("smtp.qq.com"), 465, SmtpSecurity::Tls, SmtpAuthMethod::Auto},
        {QStringLiteral("gmail"), QStringLiteral(QT_TRANSLATE_NOOP("socketeer::ui::MailPresets", "Gmail")), QStringLiteral("smtp.gmail.com"), 587, SmtpSecurity::StartTls, SmtpAuthMethod::Auto},
        {QStringLiteral("outlook"), QStringLiteral(QT_TRANSLATE_NOOP("socketeer::ui::MailPresets", "Outlook.com")), QStringLiteral("smtp-mail.outlook.com"), 587, SmtpSecurity::StartTls,
         SmtpAuthMethod::XOAuth2},
    };
    return presets;
}

const MailPreset *findMailPreset(const QString &id)
{
    for (const MailPreset &preset : mailPresets())
        if (preset.id == id)
            return &preset;
    return nullptr;
}

QString MailPreset::displayName() const
{
    return name.isEmpty() ? Text::tr("Other server") : QCoreApplication::translate("socketeer::ui::MailPresets", name.toUtf8().constData());
}

QString MailPreset::note() const
{
    if (id == QLatin1String("local"))
        return Text::tr("Socketeer's own inbox on this computer: no login, and the mail never leaves the machine. Read "
                        "what arrives in the Inbox tab.");
    if (id == QLatin1String("126") || id == QLatin1String("163"))
        return Text::tr("NetEase wants an authorization code, not your web password: turn on SMTP in the web mail's "
                        "settings (POP3/SMTP/IMAP) and use the code it gives you as the password.");
    if (id == QLatin1String("qq"))
        return Text::tr("QQ Mail wants an authorization code, not your QQ password: turn on the SMTP service in "
                        "Settings → Account and use the code it gives you as the password.");
    if (id == QLatin1String("gmail"))
        return Text::tr("Gmail wants an app password (with 2-Step Verification on), not your Google password; or an "
                        "OAuth 2 token with XOAUTH2.");
    if (id == QLatin1String("outlook"))
        return Text::tr("Outlook.com takes only OAuth 2 (XOAUTH2): paste an access token as the password.");
    return Text::tr("Your provider's SMTP server. Most want TLS and a login; many want an authorization code or app "
                    "password instead of the web password.");
}

} // namespace socketeer::ui
