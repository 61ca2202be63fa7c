#pragma once
// The mail providers the compose window knows: their SMTP host, port and security, and what each
// wants instead of the web password. Data, not code: a new provider is one more row.

#include "mail/smtpsession.h"

#include <QList>
#include <QString>

namespace socketeer::ui {

struct MailPreset {
    QString id;            // "126", "gmail": what the draft remembers
    QString name;          // untranslated; displayName() is what to show
    QString displayName() const;
    QString host;
    quint16 port = 0;
    SmtpSecurity security = SmtpSecurity::StartTls;
    SmtpAuthMethod authMethod = SmtpAuthMethod::Auto;
    QString note() const;  // translated: how to get the code or token the provider wants
};

// "custom" first (the fields as the user typed them), then the providers.
const QList<MailPreset> &mailPresets();
const MailPreset *findMailPreset(const QString &id);

} // namespace socketeer::ui
